import type { Participant } from '../shared/participant';
import { PARTICIPANT_ROLES } from '../shared/roles';
import type { ProgrammeEvent, Round } from '../shared/programme-event';
import type { ProgrammeRepository } from './programme-repository';
import type { Clock } from '../platform/clock';

/** What a person sees of the programme: network-wide items for their roles and their own municipality's. */
export class ProgrammeService {
  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly clock: Clock,
  ) {}

  async currentRound(): Promise<Round | undefined> {
    return this.programme.currentRound(this.clock());
  }

  /** Events of the current round that have not ended, soonest first. */
  async upcomingFor(participant: Participant | undefined, limit: number): Promise<ProgrammeEvent[]> {
    const round = await this.currentRound();
    if (!round) return [];
    const now = this.clock().toISOString();
    const events = await this.programme.listEvents(round.id);
    return events.filter((event) => event.endsAt > now && isVisibleTo(event, participant)).slice(0, limit);
  }
}

/**
 * Network-wide events are for everyone in their audience roles (or for everyone when a person's
 * roles are not known yet); municipality-specific events only for that municipality's people.
 * Someone who is not a participant (signed in from an allowed tenant, not on the roster) sees the
 * public events only: network-wide and for every role.
 */
export function isVisibleTo(event: ProgrammeEvent, participant: Participant | undefined): boolean {
  if (!participant) return isPublicEvent(event);
  if (
    event.municipalityId &&
    participant?.municipalityId &&
    event.municipalityId !== participant.municipalityId
  ) {
    return false;
  }
  if (event.municipalityId && !participant?.municipalityId) return false;
  if (!participant || participant.roles.length === 0 || event.audienceRoles.length === 0) return true;
  return event.audienceRoles.some((role) => participant.roles.includes(role));
}

/** An event for everyone: not for one municipality, and for every role (or no role named). */
export function isPublicEvent(event: ProgrammeEvent): boolean {
  if (event.municipalityId) return false;
  return (
    event.audienceRoles.length === 0 || PARTICIPANT_ROLES.every((role) => event.audienceRoles.includes(role))
  );
}
