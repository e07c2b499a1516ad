import type { Delivery, OutgoingMessage } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import type { OutgoingActivity } from '../platform/teams';
import { DEFAULT_LANGUAGE, type Language } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import { invitationActivity, type InvitationKind } from './invitation-card';
import type { InvitationLinks } from './invitation-links';
import type { MemberDirectory } from './member-directory';
import type { PeerMeetingRepository } from './peer-group-meeting-repository';
import { memberIdOf, type MeetingMember, type PeerMeeting } from './peer-group-model';
import type { PeerGroupService } from './peer-group-service';

export interface InvitationSenderDeps {
  readonly groups: PeerGroupService;
  readonly meetings: PeerMeetingRepository;
  readonly directory: MemberDirectory;
  readonly links: InvitationLinks;
  readonly delivery: Delivery;
  readonly usesOutlook: boolean;
  readonly logger: Logger;
}

/**
 * Renders a meeting's invitation card for each member in their language (with their own calendar
 * link and their answer so far) and hands the batch to {@link Delivery}: one delivery per
 * invitation version, so a retry sends nothing twice.
 */
export class InvitationSender {
  constructor(private readonly deps: InvitationSenderDeps) {}

  /** One delivery per invitation version; removed members get their cancellation in the same one. */
  async deliver(
    kind: InvitationKind,
    meeting: PeerMeeting,
    event: ProgrammeEvent,
    recipients: readonly MeetingMember[],
    removed: readonly MeetingMember[],
    newcomers: readonly MeetingMember[] = [],
  ): Promise<void> {
    const deliveryId = `invitation:${meeting.roundId}:${meeting.id}:${meeting.sequence}`;
    await this.enqueue(deliveryId, 'invitation', kind, meeting, event, recipients, removed, newcomers);
  }

  async enqueue(
    deliveryId: string,
    purpose: 'invitation' | 'rsvpReminder',
    kind: InvitationKind,
    meeting: PeerMeeting,
    event: ProgrammeEvent,
    recipients: readonly MeetingMember[],
    removed: readonly MeetingMember[],
    newcomers: readonly MeetingMember[] = [],
  ): Promise<void> {
    const municipalities = await this.deps.directory.municipalityMap();
    const people = await this.deps.directory.people(
      [...recipients, ...removed, ...newcomers].map(memberIdOf),
    );
    const messages: OutgoingMessage[] = [];
    const render = async (member: MeetingMember, memberKind: InvitationKind): Promise<void> => {
      const language = people.get(memberIdOf(member))?.language ?? DEFAULT_LANGUAGE;
      messages.push({
        target: { kind: 'person', identity: { tenantId: member.tenantId, aadObjectId: member.aadObjectId } },
        activity: invitationActivity({
          kind: memberKind,
          meeting,
          event,
          member,
          language,
          municipalities,
          calendarUrl: await this.deps.links.url(meeting, member),
          inOutlook: this.deps.usesOutlook && meeting.graphEventId !== undefined,
          // Someone who already answered (from the "ryhmäni" card) sees their answer on the card.
          rsvp: await this.deps.meetings.rsvp(meeting.roundId, meeting.id, member),
        }),
      });
    };
    for (const member of recipients) await render(member, kind);
    for (const member of newcomers) await render(member, 'invitation');
    for (const member of removed) await render(member, 'removed');
    const result = await this.deps.delivery.enqueue({
      deliveryId,
      purpose,
      messages,
      notAfter: meeting.status === 'cancelled' ? meeting.endsAt : meeting.startsAt,
      roundId: meeting.roundId,
    });
    this.deps.logger.info('peer-group invitation enqueued', { deliveryId, ...result });
  }

  /** What a member's card shows right now (the answer to a stale card, the "my group" command). */
  async cardFor(
    meeting: PeerMeeting,
    member: TeamsIdentity,
    language: Language,
    extra: { notice?: string; confirmation?: string; kind?: InvitationKind } = {},
  ): Promise<OutgoingActivity> {
    const event = await this.deps.groups.discussion(meeting.roundId, meeting.eventId);
    const [municipalities, rsvp, calendarUrl] = await Promise.all([
      this.deps.directory.municipalityMap(),
      this.deps.meetings.rsvp(meeting.roundId, meeting.id, member),
      this.deps.links.url(meeting, member),
    ]);
    return invitationActivity({
      kind: extra.kind ?? 'current',
      meeting,
      event,
      member,
      language,
      municipalities,
      calendarUrl,
      inOutlook: this.deps.usesOutlook && meeting.graphEventId !== undefined,
      rsvp,
      ...(extra.notice ? { notice: extra.notice } : {}),
      ...(extra.confirmation ? { confirmation: extra.confirmation } : {}),
    });
  }
}
