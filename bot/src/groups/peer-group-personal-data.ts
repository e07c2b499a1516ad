import type { PersonalDataProvider } from '../platform/feature';
import type { TeamsIdentity } from '../shared/participant';
import type { PeerMeetingRepository } from './peer-group-meeting-repository';
import type { PeerGroupRepository } from './peer-group-repository';
import type { ProgrammeRepository } from '../programme';
import { ConflictError } from '../platform/storage/errors';
import type { Clock } from '../platform/clock';
import { memberIdOf } from './peer-group-model';

/**
 * The peer groups' part in people's data rights: which groups and meetings a person is in, their
 * answers and opt-outs. Erasure takes the person out of formations and meetings without sending
 * anyone an update (it is not a change of plan), and deletes their answers and opt-outs. An Outlook
 * event already sent through Graph stays in the attendees' own mailboxes, beyond this app's reach.
 */
export class PeerGroupPersonalData implements PersonalDataProvider {
  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly formations: PeerGroupRepository,
    private readonly meetings: PeerMeetingRepository,
    private readonly clock: Clock,
  ) {}

  async export(identity: TeamsIdentity): Promise<Record<string, unknown>> {
    const memberId = memberIdOf(identity);
    const roundIds = (await this.programme.listRounds()).map((round) => round.id);
    const groups: unknown[] = [];
    const meetings: unknown[] = [];
    for (const roundId of roundIds) {
      for (const formation of await this.formations.listForRound(roundId)) {
        const group = formation.groups.find((candidate) => candidate.memberIds.includes(memberId));
        if (group) groups.push({ roundId, eventId: formation.eventId, groupNumber: group.index + 1 });
      }
      for (const meeting of await this.meetings.listForRound(roundId)) {
        const rsvp = await this.meetings.rsvp(roundId, meeting.id, identity);
        const member = meeting.members.some((candidate) => memberIdOf(candidate) === memberId);
        if (!member && !rsvp) continue;
        meetings.push({
          roundId,
          meetingId: meeting.id,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          status: meeting.status,
          member,
          answer: rsvp
            ? { response: rsvp.response, answeredAt: rsvp.answeredAt, version: rsvp.sequence }
            : null,
        });
      }
    }
    return { groups, meetings, optedOutOfRounds: await this.formations.optedOutRounds(roundIds, identity) };
  }

  async erase(identity: TeamsIdentity): Promise<void> {
    const memberId = memberIdOf(identity);
    const now = this.clock();
    for (const round of await this.programme.listRounds()) {
      await this.formations.setOptOut(round.id, identity, false, now);
      for (const { eventId } of await this.formations.listForRound(round.id)) {
        await untilStored(async () => {
          const formation = await this.formations.get(round.id, eventId);
          if (!formation?.groups.some((group) => group.memberIds.includes(memberId))) return;
          const groups = formation.groups
            .map((group) => ({ ...group, memberIds: group.memberIds.filter((id) => id !== memberId) }))
            .filter((group) => group.memberIds.length > 0);
          const { etag, ...rest } = formation;
          await this.formations.save({ ...rest, groups, updatedAt: now.toISOString() }, etag);
        });
      }
      for (const { id } of await this.meetings.listForRound(round.id)) {
        await this.meetings.deleteRsvp(round.id, id, identity);
        await untilStored(async () => {
          const meeting = await this.meetings.get(round.id, id);
          if (!meeting?.members.some((member) => memberIdOf(member) === memberId)) return;
          const { etag, ...rest } = meeting;
          await this.meetings.save(
            { ...rest, members: meeting.members.filter((member) => memberIdOf(member) !== memberId) },
            etag,
          );
        });
      }
    }
  }

  async purgeRounds(roundIds: readonly string[]): Promise<void> {
    for (const roundId of roundIds) {
      await this.meetings.deleteRound(roundId);
      await this.formations.deleteRound(roundId);
    }
  }
}

/** Reads and writes again when a coordinator changed the row in the same moment. */
async function untilStored(attempt: () => Promise<void>): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || tries >= 5) throw error;
    }
  }
}
