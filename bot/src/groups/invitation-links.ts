import type { Clock } from '../platform/clock';
import type { ParticipantRepository } from '../people';
import { DEFAULT_LANGUAGE, type Language } from '../shared/i18n/language';
import type { CalendarPerson } from '../shared/icalendar';
import type { TeamsIdentity } from '../shared/participant';
import { buildInvitationFile, type InvitationFile } from './invitation-calendar';
import { linkExpiry, type PersonalLinkSigner } from '../platform/links/personal-link';
import type { MemberDirectory } from './member-directory';
import type { PeerMeetingRepository } from './peer-group-meeting-repository';
import { isMember, memberIdOf, type PeerMeeting } from './peer-group-model';
import type { PeerGroupService } from './peer-group-service';

export interface InvitationLinksDeps {
  readonly meetings: PeerMeetingRepository;
  readonly groups: PeerGroupService;
  readonly participants: ParticipantRepository;
  readonly directory: MemberDirectory;
  /** Outlook sends the invitation itself (Graph): the cards then carry no calendar link. */
  readonly usesOutlook: boolean;
  readonly organizer: CalendarPerson;
  readonly publicUrl: string;
  readonly signer: PersonalLinkSigner;
  readonly clock: Clock;
}

/**
 * The "add to calendar" link of an invitation card: signed per member, it opens in Outlook or a
 * browser without a Teams sign-in, and answers with the member's current invitation as iCalendar.
 */
export class InvitationLinks {
  constructor(private readonly deps: InvitationLinksDeps) {}

  /** The signed "add to calendar" link for one member; none when Outlook has the invitation. */
  async url(meeting: PeerMeeting, member: TeamsIdentity): Promise<string> {
    if (this.deps.usesOutlook && meeting.graphEventId) return '';
    const token = await this.deps.signer.sign({
      purpose: 'group-invitation',
      roundId: meeting.roundId,
      itemId: meeting.id,
      tenantId: member.tenantId,
      aadObjectId: member.aadObjectId,
      expiresAt: linkExpiry(meeting.endsAt),
    });
    return `${this.deps.publicUrl}/api/groups/meetings/${encodeURIComponent(meeting.id)}/invitation.ics?token=${token}`;
  }

  /**
   * The .ics behind a card's "add to calendar" link: the current version for a member, the
   * cancellation for a meeting cancelled. Undefined for a bad, expired or foreign token, a meeting
   * that does not exist, or a person erased or removed from the network; 'gone' for a member taken
   * out of the group. The file names the other members, so only a current member gets one.
   */
  async file(
    meetingId: string,
    token: string,
    language: Language | undefined,
  ): Promise<InvitationFile | 'expired' | 'gone' | undefined> {
    const now = this.deps.clock();
    const check = await this.deps.signer.verify(
      token,
      { purpose: 'group-invitation', itemId: meetingId },
      now,
    );
    if (!check.ok) return check.reason === 'expired' ? 'expired' : undefined;
    const meeting = await this.deps.meetings.get(check.claims.roundId, meetingId);
    if (!meeting) return undefined;
    const event = await this.deps.groups.discussion(meeting.roundId, meeting.eventId);
    const participant = (await this.deps.participants.get(check.claims))?.value;
    if (!participant?.active) return undefined;
    if (!isMember(meeting, check.claims)) return 'gone';
    // Answers to this version: the reader who answered is not asked again, others see who has.
    const answers = new Map(
      (await this.deps.meetings.rsvps(meeting.roundId, meeting.id))
        .filter((rsvp) => rsvp.sequence === meeting.sequence)
        .map((rsvp) => [memberIdOf(rsvp), rsvp.response] as const),
    );
    return buildInvitationFile({
      meeting,
      event,
      language: language ?? participant.language ?? DEFAULT_LANGUAGE,
      municipalities: await this.deps.directory.municipalityMap(),
      stillMember: true,
      organizer: this.deps.organizer,
      now,
      answers,
      reader: memberIdOf(check.claims),
    });
  }
}
