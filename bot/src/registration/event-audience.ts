import type { Participant, TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import { personKey } from './registration-model';

/**
 * Who a personal message about an event is for, as the workshop reminders decide it: active
 * participants whose roles meet the event's audience (people whose roles are not known yet are
 * left out of messages they did not ask for), and for a municipality's own event only its people.
 * When the event has a registration, only the confirmed go.
 */
export function eventAudience(
  event: ProgrammeEvent,
  participants: readonly Participant[],
  confirmed: readonly TeamsIdentity[] | undefined,
): Participant[] {
  if (confirmed) {
    const keys = new Set(confirmed.map(personKey));
    return participants.filter((participant) => keys.has(personKey(participant)));
  }
  return participants.filter(
    (participant) =>
      participant.active &&
      (!event.municipalityId || participant.municipalityId === event.municipalityId) &&
      (event.audienceRoles.length === 0 ||
        participant.roles.some((role) => event.audienceRoles.includes(role))),
  );
}
