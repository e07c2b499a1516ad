import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/observability/logger';
import type { TeamsIdentity } from '../shared/participant';
import type { GraphCalendar } from './graph-calendar';
import type { PeerMeetingRepository } from './peer-group-meeting-repository';
import { isMember, memberIdOf, type PeerMeeting, type Rsvp, type RsvpResponse } from './peer-group-model';

export interface RsvpServiceDeps {
  readonly meetings: PeerMeetingRepository;
  readonly graph: GraphCalendar | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
}

export type RsvpOutcome =
  | { readonly kind: 'recorded'; readonly meeting: PeerMeeting; readonly rsvp: Rsvp }
  | { readonly kind: 'unknownMeeting' }
  | { readonly kind: 'notMember'; readonly meeting: PeerMeeting }
  | { readonly kind: 'cancelled'; readonly meeting: PeerMeeting }
  /** The card answered was of an older version: nothing stored; show the current one. */
  | { readonly kind: 'changed'; readonly meeting: PeerMeeting };

export interface GroupAnswers {
  readonly meetingId: string;
  readonly groupIndex: number;
  readonly status: 'scheduled' | 'cancelled';
  readonly sequence: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly joinUrl: string | undefined;
  readonly inOutlook: boolean;
  readonly members: readonly {
    readonly memberId: string;
    readonly name: string;
    readonly municipalityId: string | undefined;
    /** `none` also when the answer was to an earlier version of the invitation. */
    readonly response: RsvpResponse | 'none';
    /** On the Teams card (or in the tab), or in Outlook's own invitation (Graph). */
    readonly answeredIn: 'teams' | 'outlook' | undefined;
    readonly outdatedResponse: RsvpResponse | undefined;
    readonly answeredAt: string | undefined;
  }[];
  readonly counts: { readonly accepted: number; readonly declined: number; readonly none: number };
}

/**
 * The members' answers: Accept / Decline on the card or in the tab (stored only for a member, on
 * the current version of a meeting that stands), the answers given in Outlook to a Graph
 * invitation, and each group's answers for the coordinators.
 */
export class RsvpService {
  constructor(private readonly deps: RsvpServiceDeps) {}

  /**
   * Stores a member's answer. Nothing is stored for a meeting that does not exist, one the person
   * is not in, a cancelled one, or an answer given on an older version of the invitation.
   */
  async respond(
    roundId: string,
    meetingId: string,
    identity: TeamsIdentity,
    response: RsvpResponse,
    sequence: number,
    name: string,
  ): Promise<RsvpOutcome> {
    const meeting = await this.deps.meetings.get(roundId, meetingId);
    if (!meeting) return { kind: 'unknownMeeting' };
    if (!isMember(meeting, identity)) return { kind: 'notMember', meeting };
    if (meeting.status === 'cancelled') return { kind: 'cancelled', meeting };
    if (sequence !== meeting.sequence) return { kind: 'changed', meeting };
    const rsvp: Rsvp = {
      roundId,
      meetingId,
      tenantId: identity.tenantId,
      aadObjectId: identity.aadObjectId,
      response,
      sequence,
      name,
      answeredAt: this.deps.clock().toISOString(),
    };
    await this.deps.meetings.recordRsvp(rsvp);
    return { kind: 'recorded', meeting, rsvp };
  }

  /** A person's meetings in the round (scheduled ones first by time, then cancelled ones). */
  async meetingsOf(roundId: string, identity: TeamsIdentity): Promise<PeerMeeting[]> {
    const meetings = await this.deps.meetings.listForRound(roundId);
    return meetings
      .filter((meeting) => isMember(meeting, identity))
      .sort(
        (a, b) =>
          (a.status === 'cancelled' ? 1 : 0) - (b.status === 'cancelled' ? 1 : 0) ||
          a.startsAt.localeCompare(b.startsAt),
      );
  }

  async rsvpOf(meeting: PeerMeeting, identity: TeamsIdentity): Promise<Rsvp | undefined> {
    return this.deps.meetings.rsvp(meeting.roundId, meeting.id, identity);
  }

  /** Every group's answers for one discussion, for the coordinators. */
  async answers(roundId: string, eventId: string): Promise<GroupAnswers[]> {
    const meetings = (await this.deps.meetings.listForRound(roundId)).filter(
      (meeting) => meeting.eventId === eventId,
    );
    const result: GroupAnswers[] = [];
    for (const meeting of meetings) {
      const rsvps = new Map(
        (await this.deps.meetings.rsvps(roundId, meeting.id)).map((rsvp) => [memberIdOf(rsvp), rsvp]),
      );
      const outlook = await this.outlookAnswers(meeting);
      const members = meeting.members.map((member) => {
        const rsvp = rsvps.get(memberIdOf(member));
        const current = rsvp !== undefined && rsvp.sequence === meeting.sequence;
        const inOutlook = member.email ? outlook.get(member.email.toLowerCase()) : undefined;
        // The later answer counts, wherever it was given.
        const outlookIsLater = inOutlook && (!current || inOutlook.at > rsvp.answeredAt);
        return {
          memberId: memberIdOf(member),
          name: member.name,
          municipalityId: member.municipalityId,
          response: outlookIsLater ? inOutlook.response : current ? rsvp.response : ('none' as const),
          answeredIn: outlookIsLater ? ('outlook' as const) : current ? ('teams' as const) : undefined,
          outdatedResponse: rsvp && !current ? rsvp.response : undefined,
          answeredAt: outlookIsLater ? inOutlook.at : rsvp?.answeredAt,
        };
      });
      result.push({
        meetingId: meeting.id,
        groupIndex: meeting.groupIndex,
        status: meeting.status,
        sequence: meeting.sequence,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        joinUrl: meeting.joinUrl,
        inOutlook: meeting.graphEventId !== undefined,
        members,
        counts: {
          accepted: members.filter((member) => member.response === 'accepted').length,
          declined: members.filter((member) => member.response === 'declined').length,
          none: members.filter((member) => member.response === 'none').length,
        },
      });
    }
    return result;
  }

  /**
   * Answers given in Outlook to the Graph invitation, by lower-case email: accepted or declined
   * (tentative and no answer count as none). When Graph cannot be reached the coordinators still
   * see the Teams answers; the failure is logged.
   */
  async outlookAnswers(meeting: PeerMeeting): Promise<Map<string, { response: RsvpResponse; at: string }>> {
    const answers = new Map<string, { response: RsvpResponse; at: string }>();
    if (!this.deps.graph || !meeting.graphEventId || meeting.status === 'cancelled') return answers;
    let responses;
    try {
      responses = await this.deps.graph.responses(meeting.graphEventId);
    } catch (error) {
      this.deps.logger.warn('outlook answers unavailable', { meetingId: meeting.id, error });
      return answers;
    }
    for (const answer of responses) {
      if (answer.response === 'accepted' || answer.response === 'declined') {
        answers.set(answer.email.toLowerCase(), { response: answer.response, at: answer.time });
      }
    }
    return answers;
  }
}
