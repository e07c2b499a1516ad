import type { Clock } from '../platform/clock';
import { ConflictError } from '../platform/storage/errors';
import { DEFAULT_LANGUAGE, pickText, type LocalizedText } from '../shared/i18n/language';
import type { Participant } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import type { GraphCalendar, GraphMeetingRequest } from './graph-calendar';
import { groupMessagesFor } from './group-messages';
import type { PeerGroup } from './group-formation';
import { meetingUid } from './invitation-calendar';
import type { InvitationSender } from './invitation-sender';
import type { MemberDirectory } from './member-directory';
import type { PeerMeetingRepository } from './peer-group-meeting-repository';
import {
  identityOfMember,
  meetingIdOf,
  memberIdOf,
  type MeetingMember,
  type PeerGroupFormation,
  type PeerMeeting,
} from './peer-group-model';
import { PeerGroupError, type PeerGroupService } from './peer-group-service';

export interface MeetingSyncDeps {
  readonly groups: PeerGroupService;
  readonly meetings: PeerMeetingRepository;
  readonly directory: MemberDirectory;
  readonly sender: InvitationSender;
  /** Outlook events with Teams meetings; undefined sends cards with an .ics link instead. */
  readonly graph: GraphCalendar | undefined;
  readonly clock: Clock;
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

export interface MeetingChange {
  readonly startsAt?: string | undefined;
  readonly endsAt?: string | undefined;
  readonly joinUrl?: string | null | undefined;
  readonly agenda?: LocalizedText | null | undefined;
}

/**
 * The meetings of the peer groups: a meeting per group with the discussion's time and link, kept in
 * line with the groups (moves, opt-outs, erasure), moved or cancelled by a coordinator, optionally
 * an Outlook event with a Teams meeting through Microsoft Graph; each change tells the members
 * concerned through the {@link InvitationSender}.
 */
export class MeetingSync {
  constructor(private readonly deps: MeetingSyncDeps) {}

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
    const people = await this.deps.directory.people(formation.groups.flatMap((group) => group.memberIds));
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
    if (change.joinUrl) {
      // Each group meets in its own call: a link another group of the discussion has is refused.
      const others = (await this.deps.meetings.listForRound(roundId)).filter(
        (meeting) => meeting.eventId === current.eventId && meeting.id !== current.id,
      );
      const taken = others.find((meeting) => meeting.joinUrl === change.joinUrl);
      if (taken) {
        throw new PeerGroupError(
          'invalid',
          `Group ${taken.groupIndex + 1} already has this meeting link; each group needs its own.`,
        );
      }
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
    await this.deps.sender.deliver('update', synced, event, synced.members, []);
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
    if (notify) await this.deps.sender.deliver('cancelled', cancelled, event, cancelled.members, []);
    return cancelled;
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
          // Never the discussion's own link: that would put every group in one call. Outlook
          // (Graph) gives each group its own meeting; without it a coordinator sets one per group.
          joinUrl: undefined,
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
      if (mode !== 'none')
        await this.deps.sender.deliver('invitation', inOutlook, event, inOutlook.members, []);
      return inOutlook;
    }
    const before = new Set(existing.members.map(memberIdOf));
    const after = new Set(members.map(memberIdOf));
    const sameMembers = before.size === after.size && [...after].every((memberId) => before.has(memberId));
    if (existing.status === 'scheduled' && sameMembers) {
      // A repeated "send": finish what a crash may have left (Outlook event, delivery), change nothing.
      const inOutlook = existing.graphEventId ? existing : await this.createInOutlook(existing, event);
      if (mode !== 'none') {
        await this.deps.sender.deliver(
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
      await this.deps.sender.deliver('invitation', synced, event, synced.members, []);
    } else if (mode === 'changes') {
      // Newcomers get an invitation, those already in the group an update, those taken out theirs.
      const kind = existing.status === 'cancelled' ? 'invitation' : 'update';
      const newcomers = synced.members.filter((member) => !before.has(memberIdOf(member)));
      const stayers = synced.members.filter((member) => before.has(memberIdOf(member)));
      await this.deps.sender.deliver(
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

  private async require(roundId: string, meetingId: string): Promise<PeerMeeting> {
    const meeting = await this.deps.meetings.get(roundId, meetingId);
    if (!meeting) throw new PeerGroupError('notFound', 'There is no such meeting.');
    return meeting;
  }
}

/** Graph's idempotency key for creating the meeting's event: stable per meeting and version. */
export function transactionIdOf(meeting: Pick<PeerMeeting, 'roundId' | 'id' | 'sequence'>): string {
  return `${meetingUid(meeting)}#${meeting.sequence}`;
}
