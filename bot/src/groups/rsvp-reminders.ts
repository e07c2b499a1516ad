import type { Clock } from '../platform/clock';
import { ConflictError } from '../platform/storage/errors';
import type { InvitationSender } from './invitation-sender';
import type { PeerMeetingRepository } from './peer-group-meeting-repository';
import { memberIdOf, type PeerMeeting } from './peer-group-model';
import type { PeerGroupService } from './peer-group-service';
import type { RsvpService } from './rsvp-service';

export interface RsvpRemindersDeps {
  readonly groups: PeerGroupService;
  readonly meetings: PeerMeetingRepository;
  readonly rsvp: RsvpService;
  readonly sender: InvitationSender;
  readonly clock: Clock;
  /** The one reminder to members who have not answered goes this long before the meeting. */
  readonly rsvpReminderHours: number;
}

/** One reminder per meeting to the members who have not answered its invitation. */
export class RsvpReminders {
  constructor(private readonly deps: RsvpRemindersDeps) {}

  /**
   * The RSVP reminder: once per meeting, `rsvpReminderHours` before it, to members without an
   * answer to the current version. A meeting whose invitation went out less than half that time ago
   * is left alone (the invitation itself is fresh). The reminder is claimed on the meeting row with
   * its ETag before it is enqueued, so two instances never both send it.
   */
  async tick(): Promise<string[]> {
    const now = this.deps.clock();
    const roundId = await this.deps.groups.currentRoundId();
    if (!roundId) return [];
    const windowMs = this.deps.rsvpReminderHours * 3600_000;
    const sent: string[] = [];
    for (const meeting of await this.deps.meetings.listForRound(roundId)) {
      const startsAt = new Date(meeting.startsAt).getTime();
      if (meeting.status !== 'scheduled' || meeting.rsvpReminderSequence !== undefined) continue;
      if (startsAt <= now.getTime() || startsAt - windowMs > now.getTime()) continue;
      if (now.getTime() - new Date(meeting.updatedAt).getTime() < windowMs / 2) continue;
      const rsvps = await this.deps.meetings.rsvps(roundId, meeting.id);
      const answered = new Set(
        rsvps.filter((rsvp) => rsvp.sequence === meeting.sequence).map((rsvp) => memberIdOf(rsvp)),
      );
      const outlook = await this.deps.rsvp.outlookAnswers(meeting);
      for (const member of meeting.members) {
        if (member.email && outlook.has(member.email.toLowerCase())) answered.add(memberIdOf(member));
      }
      const { etag, ...rest } = meeting;
      let claimed: PeerMeeting;
      try {
        claimed = await this.deps.meetings.save({ ...rest, rsvpReminderSequence: meeting.sequence }, etag);
      } catch (error) {
        if (error instanceof ConflictError) continue;
        throw error;
      }
      const silent = claimed.members.filter((member) => !answered.has(memberIdOf(member)));
      if (silent.length === 0) continue;
      const event = await this.deps.groups.discussion(roundId, claimed.eventId);
      const deliveryId = `rsvpReminder:${roundId}:${claimed.id}`;
      await this.deps.sender.enqueue(deliveryId, 'rsvpReminder', 'rsvpReminder', claimed, event, silent, []);
      sent.push(deliveryId);
    }
    return sent;
  }
}
