import type { OutgoingActivity } from '../platform/teams';
import { invitationActivity, type InvitationKind } from './invitation-card';
import type { Municipality } from '../shared/municipality';
import type { Participant, TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import { groupMessagesFor } from './group-messages';
import { DEFAULT_LANGUAGE, pickText, type Language, type LocalizedText } from '../shared/i18n/language';
import type { Logger } from '../platform/observability/logger';
import { ConflictError } from '../platform/storage/errors';
import type { MunicipalityRepository } from '../people';
import type { ParticipantRepository } from '../people';
import type { PeerMeetingRepository } from './peer-group-meeting-repository';
import type { Clock } from '../platform/clock';
import type { Delivery, OutgoingMessage } from '../platform/delivery';
import type { GraphCalendar, GraphMeetingRequest } from './graph-calendar';
import type { PeerGroup } from './group-formation';
import type { CalendarPerson } from '../shared/icalendar';
import { buildInvitationFile, meetingUid, type InvitationFile } from './invitation-calendar';
import {
  LINK_VALIDITY_AFTER_MEETING_S,
  signInvitationToken,
  verifyInvitationToken,
} from './invitation-token';
import {
  identityOfMember,
  meetingIdOf,
  memberIdOf,
  type MeetingMember,
  type PeerGroupFormation,
  type PeerMeeting,
  type Rsvp,
  type RsvpResponse,
} from './peer-group-model';
import { PeerGroupError, type PeerGroupService } from './peer-group-service';

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
  readonly clock: Clock;
  readonly logger: Logger;
  /** The one reminder to members who have not answered goes this long before the meeting. */
  readonly rsvpReminderHours: number;
}

/** Microsoft Graph failed; the coordinator may try again (creation is idempotent). */
export class CalendarUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Microsoft Graph could not be reached', { cause });
    this.name = 'CalendarUnavailableError';
  }
}

/** Who hears about a change: everyone as a first invitation, only what changed, or nobody yet. */
export type DeliveryMode = 'first' | 'changes' | 'none';

export type RsvpOutcome =
  | { readonly kind: 'recorded'; readonly meeting: PeerMeeting; readonly rsvp: Rsvp }
  | { readonly kind: 'unknownMeeting' }
  | { readonly kind: 'notMember'; readonly meeting: PeerMeeting }
  | { readonly kind: 'cancelled'; readonly meeting: PeerMeeting }
  /** The card answered was of an older version: nothing stored; show the current one. */
  | { readonly kind: 'changed'; readonly meeting: PeerMeeting };

export interface MeetingChange {
  readonly startsAt?: string | undefined;
  readonly endsAt?: string | undefined;
  readonly joinUrl?: string | null | undefined;
  readonly agenda?: LocalizedText | null | undefined;
}

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
 * The meetings of the peer groups and their invitations: a meeting per group with the
 * discussion's time and link, a personal card per member through {@link Delivery} (one delivery per
 * invitation version, so a retry sends nothing twice), optionally an Outlook event with a Teams
 * meeting through Microsoft Graph, the answers, and one reminder to those who have not answered.
 */
export class InvitationService {
  constructor(private readonly deps: InvitationServiceDeps) {}

  get usesOutlook(): boolean {
    return this.deps.graph !== undefined;
  }

  /**
   * Creates the meetings of a discussion's groups and sends the invitations. Safe to repeat: an
   * unchanged meeting is not re-versioned and its delivery is the same one.
   */
  async sendInvitations(roundId: string, eventId: string): Promise<PeerMeeting[]> {
    const formation = await this.deps.groups.get(roundId, eventId);
    if (!formation)
      throw new PeerGroupError('notFound', 'No groups have been formed for this discussion yet.');
    const event = await this.deps.groups.discussion(roundId, eventId);
    if (event.startsAt <= this.deps.clock().toISOString()) {
      throw new PeerGroupError('invalid', 'The discussion has already started.');
    }
    // Before the first send nobody has seen anything: everyone gets an invitation, nobody an update.
    const meetings = await this.syncFormation(formation, event, {
      deliver: formation.invitedAt ? 'changes' : 'first',
    });
    await this.deps.groups.markInvited(formation);
    return meetings;
  }

  /**
   * Brings the meetings of a formation in line with its groups (after a move or an opt-out) and
   * tells the members what changed. `first` sends everyone their invitation and nobody a
   * cancellation; `none` only prepares the meetings (the demo), and the first "send" delivers them.
   */
  async syncFormation(
    formation: PeerGroupFormation,
    knownEvent?: ProgrammeEvent,
    options: { readonly deliver: DeliveryMode } = { deliver: 'changes' },
  ): Promise<PeerMeeting[]> {
    const event = knownEvent ?? (await this.deps.groups.discussion(formation.roundId, formation.eventId));
    const people = await this.people(formation.groups.flatMap((group) => group.memberIds));
    const meetings: PeerMeeting[] = [];
    for (const group of formation.groups)
      meetings.push(await this.syncGroup(event, group, people, options.deliver));
    const indices = new Set(formation.groups.map((group) => group.index));
    for (const meeting of await this.deps.meetings.listForRound(formation.roundId)) {
      if (
        meeting.eventId === event.id &&
        meeting.status === 'scheduled' &&
        !indices.has(meeting.groupIndex)
      ) {
        await this.cancelMeeting(meeting.roundId, meeting.id, options.deliver === 'changes');
      }
    }
    return meetings;
  }

  /** A coordinator moves a meeting, changes its link or agenda: a new version goes to every member. */
  async updateMeeting(roundId: string, meetingId: string, change: MeetingChange): Promise<PeerMeeting> {
    const current = await this.require(roundId, meetingId);
    if (current.status === 'cancelled')
      throw new PeerGroupError('invalid', 'The meeting has been cancelled.');
    const startsAt = change.startsAt ?? current.startsAt;
    const endsAt = change.endsAt ?? current.endsAt;
    if (!(new Date(endsAt).getTime() > new Date(startsAt).getTime())) {
      throw new PeerGroupError('invalid', 'The meeting must end after it starts.');
    }
    const { etag, ...rest } = current;
    const next = await this.deps.meetings.save(
      {
        ...rest,
        startsAt,
        endsAt,
        joinUrl: change.joinUrl === null ? undefined : (change.joinUrl ?? current.joinUrl),
        agenda: change.agenda === null ? undefined : (change.agenda ?? current.agenda),
        sequence: current.sequence + 1,
        updatedAt: this.deps.clock().toISOString(),
      },
      etag,
    );
    const event = await this.deps.groups.discussion(roundId, next.eventId);
    const synced = await this.updateInOutlook(next, event);
    await this.deliver('update', synced, event, synced.members, []);
    return synced;
  }

  async cancelMeeting(roundId: string, meetingId: string, notify = true): Promise<PeerMeeting> {
    const current = await this.require(roundId, meetingId);
    if (current.status === 'cancelled') return current;
    const { etag, ...rest } = current;
    const cancelled = await this.deps.meetings.save(
      {
        ...rest,
        status: 'cancelled',
        sequence: current.sequence + 1,
        updatedAt: this.deps.clock().toISOString(),
      },
      etag,
    );
    const event = await this.deps.groups.discussion(roundId, cancelled.eventId);
    if (this.deps.graph && cancelled.graphEventId) {
      try {
        await this.deps.graph.cancel(
          cancelled.graphEventId,
          groupMessagesFor(DEFAULT_LANGUAGE).cancellationComment,
        );
      } catch (error) {
        throw new CalendarUnavailableError(error);
      }
    }
    if (notify) await this.deliver('cancelled', cancelled, event, cancelled.members, []);
    return cancelled;
  }

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

  /** What a member's card shows right now (the answer to a stale card, the "my group" command). */
  async cardFor(
    meeting: PeerMeeting,
    member: TeamsIdentity,
    language: Language,
    extra: { notice?: string; confirmation?: string; kind?: InvitationKind } = {},
  ): Promise<OutgoingActivity> {
    const event = await this.deps.groups.discussion(meeting.roundId, meeting.eventId);
    const [municipalities, rsvp, calendarUrl] = await Promise.all([
      this.municipalityMap(),
      this.deps.meetings.rsvp(meeting.roundId, meeting.id, member),
      this.calendarUrl(meeting, member),
    ]);
    return invitationActivity({
      kind: extra.kind ?? 'current',
      meeting,
      event,
      member,
      language,
      municipalities,
      calendarUrl,
      inOutlook: this.usesOutlook && meeting.graphEventId !== undefined,
      rsvp,
      ...(extra.notice ? { notice: extra.notice } : {}),
      ...(extra.confirmation ? { confirmation: extra.confirmation } : {}),
    });
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
   * The .ics behind a card's "add to calendar" link: the current version for a member, the
   * cancellation for a meeting cancelled or a member taken out of it. Undefined for a bad, expired
   * or foreign token, or a meeting that does not exist.
   */
  async calendarFile(
    meetingId: string,
    token: string,
    language: Language | undefined,
  ): Promise<InvitationFile | 'expired' | undefined> {
    const now = this.deps.clock();
    const check = await verifyInvitationToken(token, await this.deps.meetings.signingKey(), now);
    if (!check.ok) return check.reason === 'expired' ? 'expired' : undefined;
    if (check.claims.meetingId !== meetingId) return undefined;
    const meeting = await this.deps.meetings.get(check.claims.roundId, meetingId);
    if (!meeting) return undefined;
    const event = await this.deps.groups.discussion(meeting.roundId, meeting.eventId);
    const participant = (await this.deps.participants.get(check.claims))?.value;
    // Answers to this version: the reader who answered is not asked again, others see who has.
    const answers = new Map(
      (await this.deps.meetings.rsvps(meeting.roundId, meeting.id))
        .filter((rsvp) => rsvp.sequence === meeting.sequence)
        .map((rsvp) => [memberIdOf(rsvp), rsvp.response] as const),
    );
    return buildInvitationFile({
      meeting,
      event,
      language: language ?? participant?.language ?? DEFAULT_LANGUAGE,
      municipalities: await this.municipalityMap(),
      stillMember: isMember(meeting, check.claims),
      organizer: this.deps.organizer,
      now,
      answers,
      reader: memberIdOf(check.claims),
    });
  }

  /**
   * The RSVP reminder: once per meeting, `rsvpReminderHours` before it, to members without an
   * answer to the current version. A meeting whose invitation went out less than half that time ago
   * is left alone (the invitation itself is fresh). The reminder is claimed on the meeting row with
   * its ETag before it is enqueued, so two instances never both send it.
   */
  async tickRsvpReminders(): Promise<string[]> {
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
      const outlook = await this.outlookAnswers(meeting);
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
      await this.enqueue(deliveryId, 'rsvpReminder', 'rsvpReminder', claimed, event, silent, []);
      sent.push(deliveryId);
    }
    return sent;
  }

  private async syncGroup(
    event: ProgrammeEvent,
    group: PeerGroup,
    people: ReadonlyMap<string, Participant>,
    mode: DeliveryMode,
  ): Promise<PeerMeeting> {
    const id = meetingIdOf(event.id, group.index);
    const members = group.memberIds.flatMap((memberId): MeetingMember[] => {
      const person = people.get(memberId);
      const identity = identityOfMember(memberId);
      return [
        {
          ...identity,
          name: person?.name ?? '',
          email: person?.email,
          municipalityId: person?.municipalityId,
        },
      ];
    });
    const now = this.deps.clock().toISOString();
    const existing = await this.deps.meetings.get(event.roundId, id);
    if (!existing) {
      const created = await this.deps.meetings.save(
        {
          roundId: event.roundId,
          id,
          eventId: event.id,
          groupIndex: group.index,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          joinUrl: event.onlineUrl,
          agenda: undefined,
          members,
          sequence: 0,
          status: 'scheduled',
          graphEventId: undefined,
          rsvpReminderSequence: undefined,
          updatedAt: now,
        },
        undefined,
      );
      const inOutlook = await this.createInOutlook(created, event);
      if (mode !== 'none') await this.deliver('invitation', inOutlook, event, inOutlook.members, []);
      return inOutlook;
    }
    const before = new Set(existing.members.map(memberIdOf));
    const after = new Set(members.map(memberIdOf));
    const sameMembers = before.size === after.size && [...after].every((memberId) => before.has(memberId));
    if (existing.status === 'scheduled' && sameMembers) {
      // A repeated "send": finish what a crash may have left (Outlook event, delivery), change nothing.
      const inOutlook = existing.graphEventId ? existing : await this.createInOutlook(existing, event);
      if (mode !== 'none') {
        await this.deliver(
          inOutlook.sequence === 0 || mode === 'first' ? 'invitation' : 'update',
          inOutlook,
          event,
          inOutlook.members,
          [],
        );
      }
      return inOutlook;
    }
    const removed = existing.members.filter((member) => !after.has(memberIdOf(member)));
    const { etag, ...rest } = existing;
    const next = await this.deps.meetings.save(
      {
        ...rest,
        members,
        status: 'scheduled',
        sequence: existing.sequence + 1,
        // A cancelled Outlook event cannot come back: a revived meeting gets a new one.
        graphEventId: existing.status === 'cancelled' ? undefined : existing.graphEventId,
        updatedAt: now,
      },
      etag,
    );
    const synced = next.graphEventId
      ? await this.updateInOutlook(next, event)
      : await this.createInOutlook(next, event);
    if (mode === 'first') {
      await this.deliver('invitation', synced, event, synced.members, []);
    } else if (mode === 'changes') {
      // Newcomers get an invitation, those already in the group an update, those taken out theirs.
      const kind = existing.status === 'cancelled' ? 'invitation' : 'update';
      const newcomers = synced.members.filter((member) => !before.has(memberIdOf(member)));
      const stayers = synced.members.filter((member) => before.has(memberIdOf(member)));
      await this.deliver(
        kind,
        synced,
        event,
        kind === 'invitation' ? synced.members : stayers,
        removed,
        newcomers,
      );
    }
    return synced;
  }

  private async createInOutlook(meeting: PeerMeeting, event: ProgrammeEvent): Promise<PeerMeeting> {
    const graph = this.deps.graph;
    if (!graph || meeting.graphEventId) return meeting;
    let created;
    try {
      created = await graph.create({
        transactionId: transactionIdOf(meeting),
        ...this.graphRequest(meeting, event),
      });
    } catch (error) {
      throw new CalendarUnavailableError(error);
    }
    const { etag, ...rest } = meeting;
    return this.deps.meetings.save(
      { ...rest, graphEventId: created.eventId, joinUrl: created.joinUrl ?? meeting.joinUrl },
      etag,
    );
  }

  private async updateInOutlook(meeting: PeerMeeting, event: ProgrammeEvent): Promise<PeerMeeting> {
    const graph = this.deps.graph;
    if (!graph) return meeting;
    if (!meeting.graphEventId) return this.createInOutlook(meeting, event);
    try {
      const updated = await graph.update(meeting.graphEventId, this.graphRequest(meeting, event));
      if (!updated.joinUrl || updated.joinUrl === meeting.joinUrl) return meeting;
      const { etag, ...rest } = meeting;
      return await this.deps.meetings.save({ ...rest, joinUrl: updated.joinUrl }, etag);
    } catch (error) {
      if (error instanceof ConflictError) throw error;
      throw new CalendarUnavailableError(error);
    }
  }

  private graphRequest(
    meeting: PeerMeeting,
    event: ProgrammeEvent,
  ): Omit<GraphMeetingRequest, 'transactionId'> {
    const m = groupMessagesFor(DEFAULT_LANGUAGE);
    const memberList = meeting.members.map((member) => member.name).join(', ');
    const agenda = meeting.agenda
      ? pickText(meeting.agenda, DEFAULT_LANGUAGE)
      : event.preAssignment
        ? pickText(event.preAssignment.text, DEFAULT_LANGUAGE)
        : '';
    return {
      subject: `${pickText(event.title, DEFAULT_LANGUAGE)} – ${m.group(meeting.groupIndex + 1)}`,
      body: [m.calendarDescription(memberList), agenda].filter((part) => part !== '').join('\n\n'),
      startsAt: new Date(meeting.startsAt),
      endsAt: new Date(meeting.endsAt),
      attendees: meeting.members
        .filter((member): member is MeetingMember & { email: string } => member.email !== undefined)
        .map((member) => ({ name: member.name, email: member.email })),
    };
  }

  /** One delivery per invitation version; removed members get their cancellation in the same one. */
  private async deliver(
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

  private async enqueue(
    deliveryId: string,
    purpose: 'invitation' | 'rsvpReminder',
    kind: InvitationKind,
    meeting: PeerMeeting,
    event: ProgrammeEvent,
    recipients: readonly MeetingMember[],
    removed: readonly MeetingMember[],
    newcomers: readonly MeetingMember[] = [],
  ): Promise<void> {
    const municipalities = await this.municipalityMap();
    const people = await this.people([...recipients, ...removed, ...newcomers].map(memberIdOf));
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
          calendarUrl: await this.calendarUrl(meeting, member),
          inOutlook: this.usesOutlook && meeting.graphEventId !== undefined,
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
    });
    this.deps.logger.info('peer-group invitation enqueued', { deliveryId, ...result });
  }

  /** The signed "add to calendar" link for one member; none when Outlook has the invitation. */
  async calendarUrl(meeting: PeerMeeting, member: TeamsIdentity): Promise<string> {
    if (this.usesOutlook && meeting.graphEventId) return '';
    const token = await signInvitationToken(
      {
        roundId: meeting.roundId,
        meetingId: meeting.id,
        tenantId: member.tenantId,
        aadObjectId: member.aadObjectId,
        expiresAt: Math.floor(new Date(meeting.endsAt).getTime() / 1000) + LINK_VALIDITY_AFTER_MEETING_S,
      },
      await this.deps.meetings.signingKey(),
    );
    return `${this.deps.publicUrl}/api/groups/meetings/${encodeURIComponent(meeting.id)}/invitation.ics?token=${token}`;
  }

  /**
   * Answers given in Outlook to the Graph invitation, by lower-case email: accepted or declined
   * (tentative and no answer count as none). When Graph cannot be reached the coordinators still
   * see the Teams answers; the failure is logged.
   */
  private async outlookAnswers(
    meeting: PeerMeeting,
  ): Promise<Map<string, { response: RsvpResponse; at: string }>> {
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

  private async require(roundId: string, meetingId: string): Promise<PeerMeeting> {
    const meeting = await this.deps.meetings.get(roundId, meetingId);
    if (!meeting) throw new PeerGroupError('notFound', 'There is no such meeting.');
    return meeting;
  }

  private async people(memberIds: readonly string[]): Promise<Map<string, Participant>> {
    const people = new Map<string, Participant>();
    for (const memberId of new Set(memberIds)) {
      const participant = (await this.deps.participants.get(identityOfMember(memberId)))?.value;
      if (participant) people.set(memberId, participant);
    }
    return people;
  }

  private async municipalityMap(): Promise<Map<string, Municipality>> {
    return new Map(
      (await this.deps.municipalities.list()).map((municipality) => [municipality.id, municipality]),
    );
  }
}

export function isMember(meeting: PeerMeeting, identity: TeamsIdentity): boolean {
  return meeting.members.some(
    (member) => member.tenantId === identity.tenantId && member.aadObjectId === identity.aadObjectId,
  );
}

/** Graph's idempotency key for creating the meeting's event: stable per meeting and version. */
export function transactionIdOf(meeting: Pick<PeerMeeting, 'roundId' | 'id' | 'sequence'>): string {
  return `${meetingUid(meeting)}#${meeting.sequence}`;
}
