import type { PersonalLinkSigner } from '../platform/links/personal-link';
import type { Clock } from '../platform/clock';
import type { Delivery } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import type { OutgoingActivity } from '../platform/teams';
import type { MunicipalityRepository, ParticipantRepository } from '../people';
import type { Language } from '../shared/i18n/language';
import type { CalendarPerson } from '../shared/icalendar';
import type { TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import type { GraphCalendar } from './graph-calendar';
import type { InvitationFile } from './invitation-calendar';
import type { InvitationKind } from './invitation-card';
import { InvitationLinks } from './invitation-links';
import { InvitationSender } from './invitation-sender';
import { MeetingSync, type DeliveryMode, type MeetingChange } from './meeting-sync';
import { MemberDirectory } from './member-directory';
import type { PeerMeetingRepository } from './peer-group-meeting-repository';
import type { PeerGroupFormation, PeerMeeting, Rsvp, RsvpResponse } from './peer-group-model';
import type { PeerGroupService } from './peer-group-service';
import { RsvpReminders } from './rsvp-reminders';
import { RsvpService, type GroupAnswers, type RsvpOutcome } from './rsvp-service';

export interface InvitationServiceDeps {
  readonly participants: ParticipantRepository;
  readonly municipalities: MunicipalityRepository;
  readonly groups: PeerGroupService;
  readonly meetings: PeerMeetingRepository;
  readonly delivery: Delivery;
  /** Outlook events with Teams meetings; undefined sends cards with an .ics link instead. */
  readonly graph: GraphCalendar | undefined;
  readonly organizer: CalendarPerson;
  readonly publicUrl: string;
  /** Signs the per-member "add to calendar" links (the app's one personal-link mechanism). */
  readonly signer: PersonalLinkSigner;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The one reminder to members who have not answered goes this long before the meeting. */
  readonly rsvpReminderHours: number;
}

/**
 * The meetings of the peer groups and their invitations, as one service for the routes, the card
 * actions and the `ryhmäni` command. Its parts, each in its own file:
 *
 * - {@link MeetingSync}: a meeting per group, kept in line with the groups, moved or cancelled,
 *   optionally as an Outlook event through Microsoft Graph;
 * - {@link InvitationSender}: the personal cards through the outbox, one delivery per version;
 * - {@link RsvpService}: the answers, in Teams and in Outlook;
 * - {@link RsvpReminders}: one reminder to those who have not answered;
 * - {@link InvitationLinks}: the signed per-member "add to calendar" link and its .ics.
 */
export class InvitationService {
  readonly sync: MeetingSync;
  readonly rsvp: RsvpService;
  readonly reminders: RsvpReminders;
  readonly links: InvitationLinks;
  private readonly sender: InvitationSender;

  constructor(private readonly deps: InvitationServiceDeps) {
    const usesOutlook = deps.graph !== undefined;
    const directory = new MemberDirectory(deps.participants, deps.municipalities);
    this.links = new InvitationLinks({ ...deps, directory, usesOutlook });
    this.sender = new InvitationSender({ ...deps, directory, links: this.links, usesOutlook });
    this.sync = new MeetingSync({ ...deps, directory, sender: this.sender });
    this.rsvp = new RsvpService(deps);
    this.reminders = new RsvpReminders({ ...deps, rsvp: this.rsvp, sender: this.sender });
  }

  get usesOutlook(): boolean {
    return this.deps.graph !== undefined;
  }

  sendInvitations(roundId: string, eventId: string): Promise<PeerMeeting[]> {
    return this.sync.sendInvitations(roundId, eventId);
  }

  syncFormation(
    formation: PeerGroupFormation,
    knownEvent?: ProgrammeEvent,
    options?: { readonly deliver: DeliveryMode },
  ): Promise<PeerMeeting[]> {
    return this.sync.syncFormation(formation, knownEvent, options);
  }

  updateMeeting(roundId: string, meetingId: string, change: MeetingChange): Promise<PeerMeeting> {
    return this.sync.updateMeeting(roundId, meetingId, change);
  }

  cancelMeeting(roundId: string, meetingId: string, notify = true): Promise<PeerMeeting> {
    return this.sync.cancelMeeting(roundId, meetingId, notify);
  }

  respond(
    roundId: string,
    meetingId: string,
    identity: TeamsIdentity,
    response: RsvpResponse,
    sequence: number,
    name: string,
  ): Promise<RsvpOutcome> {
    return this.rsvp.respond(roundId, meetingId, identity, response, sequence, name);
  }

  rsvpOf(meeting: PeerMeeting, identity: TeamsIdentity): Promise<Rsvp | undefined> {
    return this.rsvp.rsvpOf(meeting, identity);
  }

  meetingsOf(roundId: string, identity: TeamsIdentity): Promise<PeerMeeting[]> {
    return this.rsvp.meetingsOf(roundId, identity);
  }

  answers(roundId: string, eventId: string): Promise<GroupAnswers[]> {
    return this.rsvp.answers(roundId, eventId);
  }

  cardFor(
    meeting: PeerMeeting,
    member: TeamsIdentity,
    language: Language,
    extra: { notice?: string; confirmation?: string; kind?: InvitationKind } = {},
  ): Promise<OutgoingActivity> {
    return this.sender.cardFor(meeting, member, language, extra);
  }

  calendarUrl(meeting: PeerMeeting, member: TeamsIdentity): Promise<string> {
    return this.links.url(meeting, member);
  }

  calendarFile(
    meetingId: string,
    token: string,
    language: Language | undefined,
  ): Promise<InvitationFile | 'expired' | 'gone' | undefined> {
    return this.links.file(meetingId, token, language);
  }

  tickRsvpReminders(): Promise<string[]> {
    return this.reminders.tick();
  }
}
