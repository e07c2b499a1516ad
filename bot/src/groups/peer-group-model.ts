/**
 * The top-management peer groups of one round, as stored and shown: a formation per leadership
 * discussion (the programme's `leadershipDiscussion` events that follow each workshop), a meeting
 * per group with its invitation version, and each member's answer.
 */
import type { TeamsIdentity } from '../shared/participant';
import type { LocalizedText } from '../shared/i18n/language';
import type { GroupingDiagnostics, PeerGroup } from './group-formation';

/** A member's id in formations: `tenantId|aadObjectId` (a Teams identity is unique only as the pair). */
export type MemberId = string;

export function memberIdOf(identity: TeamsIdentity): MemberId {
  return `${identity.tenantId}|${identity.aadObjectId}`;
}

export function identityOfMember(memberId: MemberId): TeamsIdentity {
  const bar = memberId.indexOf('|');
  return { tenantId: memberId.slice(0, bar), aadObjectId: memberId.slice(bar + 1) };
}

/** The groups of one leadership discussion, draft until the invitations go out. */
export interface PeerGroupFormation {
  readonly roundId: string;
  readonly eventId: string;
  readonly seed: string;
  readonly groupSize: number;
  readonly groups: readonly PeerGroup[];
  readonly diagnostics: GroupingDiagnostics;
  /** When the invitations were first sent; after that, changes reach members as updates. */
  readonly invitedAt: string | undefined;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** The storage ETag: every change is conditional on it. */
  readonly etag: string;
}

export type RsvpResponse = 'accepted' | 'declined';

/** What a member of a meeting is shown as: stored with the meeting so invitations need no joins. */
export interface MeetingMember extends TeamsIdentity {
  readonly name: string;
  readonly email: string | undefined;
  readonly municipalityId: string | undefined;
}

/**
 * One group's discussion meeting. `sequence` is the invitation's version (iCalendar SEQUENCE): 0 for
 * the first invitation, raised on every change of time, members, link or agenda and on cancellation.
 */
export interface PeerMeeting {
  readonly roundId: string;
  /** `<eventId>~<group index>`: stable for the group across updates. */
  readonly id: string;
  readonly eventId: string;
  readonly groupIndex: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly joinUrl: string | undefined;
  readonly agenda: LocalizedText | undefined;
  readonly members: readonly MeetingMember[];
  readonly sequence: number;
  readonly status: 'scheduled' | 'cancelled';
  /** The Outlook event in the organiser's calendar when Microsoft Graph is configured. */
  readonly graphEventId: string | undefined;
  /** The sequence an RSVP reminder went out for; a meeting gets at most one. */
  readonly rsvpReminderSequence: number | undefined;
  readonly updatedAt: string;
  readonly etag: string;
}

export interface Rsvp extends TeamsIdentity {
  readonly roundId: string;
  readonly meetingId: string;
  readonly response: RsvpResponse;
  /** The invitation version answered; an answer to an older time or member list is out of date. */
  readonly sequence: number;
  readonly name: string;
  readonly answeredAt: string;
}

export function meetingIdOf(eventId: string, groupIndex: number): string {
  return `${eventId}~${groupIndex + 1}`;
}

export function isMember(meeting: Pick<PeerMeeting, 'members'>, identity: TeamsIdentity): boolean {
  return meeting.members.some(
    (member) => member.tenantId === identity.tenantId && member.aadObjectId === identity.aadObjectId,
  );
}
