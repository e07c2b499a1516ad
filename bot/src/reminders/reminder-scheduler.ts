import type { OutgoingActivity } from '../platform/teams';
import type { Participant, TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent, Round } from '../shared/programme-event';
import {
  compareOffsetsDescending,
  defaultReminders,
  isValidOffset,
  type ReminderPlan,
  type ReminderSpec,
} from './reminder-plan';
import { DEFAULT_LANGUAGE, type Language } from '../shared/i18n/language';
import type { Logger } from '../platform/observability/logger';
import type { AbsenceRepository } from './absence-repository';
import type { ParticipantRepository } from '../people';
import type { ProgrammeRepository } from '../programme';
import type { ReminderOccurrence, ReminderRepository } from './reminder-repository';
import type { Clock } from '../platform/clock';
import type { Delivery, OutgoingMessage } from '../platform/delivery';
import { reminderDueAt } from './reminder-schedule';

/**
 * Renders one reminder in one language, as of now (the card says how far the start is), for one
 * reader (their own signed calendar link) or, without one, for a channel that many read.
 */
export type ReminderRenderer = (
  event: ProgrammeEvent,
  language: Language,
  offset: string | undefined,
  reader: TeamsIdentity | undefined,
) => Promise<OutgoingActivity>;

export interface ReminderSchedulerOptions {
  readonly instanceId: string;
  /** How long a claimed reminder stays ours before another instance may take it over. */
  readonly claimTtlMs: number;
  /**
   * The members of a leadership discussion's small groups, each with their own group's meeting
   * link, once the groups are formed; until then the reminder goes by role.
   */
  readonly groupMembers?: (event: ProgrammeEvent) => Promise<readonly GroupMember[]>;
  /** The confirmed of an event with a registration; its personal reminders go to them only. */
  readonly registeredAudience?: (event: ProgrammeEvent) => Promise<readonly TeamsIdentity[] | undefined>;
}

export interface GroupMember {
  readonly identity: TeamsIdentity;
  readonly joinUrl: string | undefined;
}

export interface TickResult {
  readonly enqueued: readonly string[];
  readonly skipped: readonly string[];
}

/** Offsets of reminders sent by hand start with this, so they never collide with planned ones. */
const MANUAL_PREFIX = 'now:';

/**
 * Turns reminder plans into deliveries. Each tick (every instance runs them):
 *
 * 1. Reconciles the occurrences of the current round's upcoming events with their plans: creates
 *    missing ones, moves due times when an event moved, cancels reminders taken out of a plan.
 * 2. Takes every due occurrence with an ETag-conditional claim (only one instance wins), renders
 *    the card per recipient language and hands the batch to {@link Delivery} under a delivery id
 *    derived from (round, event, offset, event start), so even a repeated enqueue sends once.
 *
 * Late reminders: a reminder whose moment passed while no instance ran is still sent if the event
 * has not started, unless a later reminder of the same event is also due; then only the latest is
 * sent (one "tomorrow" beats a "week ahead" and a "tomorrow" arriving together). Nothing is ever
 * sent once the event has started: the delivery's `notAfter` is the start.
 */
export class ReminderScheduler {
  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly reminders: ReminderRepository,
    private readonly participants: ParticipantRepository,
    private readonly absences: AbsenceRepository,
    private readonly delivery: Delivery,
    private readonly render: ReminderRenderer,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: ReminderSchedulerOptions,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** The plan in force for an event: the stored custom plan or the event type's default. */
  async planFor(event: ProgrammeEvent): Promise<ReminderPlan> {
    const stored = await this.reminders.getPlan(event.roundId, event.id);
    return toPlan(event, stored);
  }

  async tick(): Promise<TickResult> {
    const now = this.clock();
    const round = await this.programme.currentRound(now);
    if (!round) return { enqueued: [], skipped: [] };
    const events = await this.programme.listEvents(round.id);
    const occurrences = await this.reconcile(round, events, now);
    const byEvent = new Map(events.map((event) => [event.id, event]));
    const enqueued: string[] = [];
    const skipped: string[] = [];

    const due = new Map<string, ReminderOccurrence[]>();
    for (const occurrence of occurrences) {
      if (!this.isClaimable(occurrence) || occurrence.dueAt > now.toISOString()) continue;
      const list = due.get(occurrence.eventId) ?? [];
      list.push(occurrence);
      due.set(occurrence.eventId, list);
    }
    for (const [eventId, list] of due) {
      const event = byEvent.get(eventId);
      if (!event || event.startsAt <= now.toISOString()) {
        for (const occurrence of list) {
          if (
            await this.reminders.updateOccurrence(
              occurrence,
              { state: 'skipped', reason: 'the event had started' },
              now,
            )
          ) {
            skipped.push(`${eventId}|${occurrence.offset}`);
          }
        }
        continue;
      }
      list.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      const latest = list.pop();
      for (const older of list) {
        if (
          await this.reminders.updateOccurrence(
            older,
            { state: 'skipped', reason: `superseded by ${latest?.offset ?? ''}` },
            now,
          )
        ) {
          skipped.push(`${eventId}|${older.offset}`);
        }
      }
      if (!latest) continue;
      const deliveryId = await this.send(event, latest, now);
      if (deliveryId) enqueued.push(deliveryId);
    }
    return { enqueued, skipped };
  }

  /** Sends a reminder of the event at once (a coordinator's "send now"); returns its delivery id. */
  async sendNow(
    event: ProgrammeEvent,
    audience: { channel: boolean; personal: boolean },
    requestId: string | undefined,
  ): Promise<{ deliveryId: string; accepted: number; duplicates: number }> {
    const now = this.clock();
    // Without a request id, presses within the same minute count as one.
    const stamp = requestId ?? now.toISOString().slice(0, 16);
    const offset = `${MANUAL_PREFIX}${stamp}`;
    const deliveryId = `reminder:${event.roundId}:${event.id}:${offset}`;
    await this.reminders.createOccurrence(
      {
        roundId: event.roundId,
        eventId: event.id,
        offset,
        dueAt: now.toISOString(),
        startsAt: event.startsAt,
        channel: audience.channel,
        personal: audience.personal,
      },
      now,
    );
    const messages = await this.messages(event, { ...audience, offset: undefined });
    const result = await this.delivery.enqueue({
      deliveryId,
      purpose: 'reminder',
      messages,
      notAfter: event.startsAt,
      roundId: event.roundId,
    });
    const occurrence = (await this.reminders.listOccurrences(event.roundId)).find(
      (candidate) => candidate.eventId === event.id && candidate.offset === offset,
    );
    if (occurrence) await this.reminders.updateOccurrence(occurrence, { state: 'enqueued', deliveryId }, now);
    return { deliveryId, ...result };
  }

  /** The messages of one reminder: the channel post and a personal card per audience member. */
  async messages(
    event: ProgrammeEvent,
    spec: { offset: string | undefined; channel: boolean; personal: boolean },
  ): Promise<OutgoingMessage[]> {
    // Each personal card is the reader's own (its calendar link is signed for them), so each is
    // rendered apart; the channel post is one card for everyone.
    const messages: OutgoingMessage[] = [];
    if (spec.channel)
      messages.push({
        target: { kind: 'channel', roundId: event.roundId },
        activity: await this.render(event, DEFAULT_LANGUAGE, spec.offset, undefined),
      });
    if (spec.personal) {
      const absent = new Set(
        (await this.absences.listForEvent(event.roundId, event.id)).map(
          (a) => `${a.tenantId}|${a.aadObjectId}`,
        ),
      );
      const members =
        event.type === 'leadershipDiscussion' ? await this.options.groupMembers?.(event) : undefined;
      if (members && members.length > 0) {
        // Each member is reminded of their own group's meeting, with its link.
        const languages = new Map(
          (await this.participants.listAll()).map((p) => [`${p.tenantId}|${p.aadObjectId}`, p.language]),
        );
        for (const member of members) {
          const key = `${member.identity.tenantId}|${member.identity.aadObjectId}`;
          if (absent.has(key)) continue;
          const activity = await this.render(
            { ...event, onlineUrl: member.joinUrl ?? event.onlineUrl },
            languages.get(key) ?? DEFAULT_LANGUAGE,
            spec.offset,
            member.identity,
          );
          messages.push({ target: { kind: 'person', identity: member.identity }, activity });
        }
        return messages;
      }
      const registered = await this.options.registeredAudience?.(event);
      const recipients = registered
        ? await this.registeredParticipants(registered)
        : await this.audience(event);
      for (const participant of recipients) {
        if (absent.has(`${participant.tenantId}|${participant.aadObjectId}`)) continue;
        const identity = { tenantId: participant.tenantId, aadObjectId: participant.aadObjectId };
        messages.push({
          target: { kind: 'person', identity },
          activity: await this.render(event, participant.language ?? DEFAULT_LANGUAGE, spec.offset, identity),
        });
      }
    }
    return messages;
  }

  /**
   * Who gets a personal reminder: active participants whose roles meet the event's audience, and
   * for a municipality's own event only that municipality's people. People whose roles are not
   * known yet are left out: a reminder is only for those the event is meant for.
   */
  async audience(event: ProgrammeEvent): Promise<Participant[]> {
    const everyone = await this.participants.listAll();
    return everyone.filter(
      (participant) =>
        participant.active &&
        (!event.municipalityId || participant.municipalityId === event.municipalityId) &&
        (event.audienceRoles.length === 0 ||
          participant.roles.some((role) => event.audienceRoles.includes(role))),
    );
  }

  /** The confirmed of a registration as participants (for their languages); unknown people are skipped. */
  private async registeredParticipants(registered: readonly TeamsIdentity[]): Promise<Participant[]> {
    const wanted = new Set(registered.map((identity) => `${identity.tenantId}|${identity.aadObjectId}`));
    return (await this.participants.listAll()).filter((participant) =>
      wanted.has(`${participant.tenantId}|${participant.aadObjectId}`),
    );
  }

  /** The reminders of an event as stored (planned and sent by hand), earliest first. */
  async occurrencesOf(event: ProgrammeEvent): Promise<ReminderOccurrence[]> {
    return (await this.reminders.listOccurrences(event.roundId))
      .filter((occurrence) => occurrence.eventId === event.id)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  private isClaimable(occurrence: ReminderOccurrence): boolean {
    if (occurrence.state === 'scheduled') return true;
    return occurrence.state === 'claimed' && occurrence.claimUntil < this.wallClock();
  }

  private async send(
    event: ProgrammeEvent,
    occurrence: ReminderOccurrence,
    now: Date,
  ): Promise<string | undefined> {
    const claimEtag = await this.reminders.updateOccurrence(
      occurrence,
      {
        state: 'claimed',
        claimedBy: this.options.instanceId,
        claimUntil: this.wallClock() + this.options.claimTtlMs,
      },
      now,
    );
    // Another instance claimed it first (or changed it): it is theirs to send.
    if (claimEtag === undefined) return undefined;
    const deliveryId = reminderDeliveryId(event, occurrence.offset);
    const messages = await this.messages(event, occurrence);
    const result = await this.delivery.enqueue({
      deliveryId,
      purpose: 'reminder',
      messages,
      notAfter: event.startsAt,
      roundId: event.roundId,
    });
    const done = await this.reminders.updateOccurrence(
      { ...occurrence, etag: claimEtag },
      { state: 'enqueued', deliveryId, reason: '' },
      now,
    );
    if (done === undefined) this.logger.warn('reminder claim lost while enqueueing', { deliveryId });
    this.logger.info('reminder enqueued', { deliveryId, ...result });
    return deliveryId;
  }

  private async reconcile(
    round: Round,
    events: readonly ProgrammeEvent[],
    now: Date,
  ): Promise<ReminderOccurrence[]> {
    const plans = new Map((await this.reminders.listPlans(round.id)).map((plan) => [plan.eventId, plan]));
    let occurrences = await this.reminders.listOccurrences(round.id);
    const existing = new Map(
      occurrences.map((occurrence) => [`${occurrence.eventId}|${occurrence.offset}`, occurrence]),
    );
    let changed = false;
    const nowIso = now.toISOString();
    for (const event of events) {
      if (event.startsAt <= nowIso) continue;
      const plan = toPlan(event, plans.get(event.id));
      const wanted = new Set<string>();
      for (const spec of plan.reminders) {
        const keyOf = `${event.id}|${spec.offset}`;
        wanted.add(keyOf);
        const dueAt = reminderDueAt(new Date(event.startsAt), spec.offset).toISOString();
        const found = existing.get(keyOf);
        if (!found) {
          await this.reminders.createOccurrence(
            {
              roundId: round.id,
              eventId: event.id,
              offset: spec.offset,
              dueAt,
              startsAt: event.startsAt,
              channel: spec.channel,
              personal: spec.personal,
            },
            now,
          );
          changed = true;
          continue;
        }
        const moved = found.startsAt !== event.startsAt;
        const edited =
          found.dueAt !== dueAt || found.channel !== spec.channel || found.personal !== spec.personal;
        if (
          (found.state === 'scheduled' && (moved || edited)) ||
          found.state === 'cancelled' ||
          (moved && found.state !== 'claimed')
        ) {
          await this.reminders.updateOccurrence(
            found,
            {
              state: 'scheduled',
              dueAt,
              startsAt: event.startsAt,
              channel: spec.channel,
              personal: spec.personal,
              reason: '',
              deliveryId: '',
            },
            now,
          );
          changed = true;
        }
      }
      for (const occurrence of occurrences) {
        if (occurrence.eventId !== event.id || !isValidOffset(occurrence.offset)) continue;
        if (occurrence.state === 'scheduled' && !wanted.has(`${occurrence.eventId}|${occurrence.offset}`)) {
          await this.reminders.updateOccurrence(
            occurrence,
            { state: 'cancelled', reason: 'removed from the plan' },
            now,
          );
          changed = true;
        }
      }
    }
    if (changed) occurrences = await this.reminders.listOccurrences(round.id);
    return occurrences;
  }
}

export function reminderDeliveryId(event: ProgrammeEvent, offset: string): string {
  return `reminder:${event.roundId}:${event.id}:${offset}:${event.startsAt.replace(/[^0-9]/g, '').slice(0, 12)}`;
}

export function toPlan(
  event: ProgrammeEvent,
  stored: Omit<ReminderPlan, 'custom'> | undefined,
): ReminderPlan {
  const reminders: readonly ReminderSpec[] = stored ? stored.reminders : defaultReminders(event.type);
  return {
    roundId: event.roundId,
    eventId: event.id,
    reminders: [...reminders].sort((a, b) => compareOffsetsDescending(a.offset, b.offset)),
    custom: stored !== undefined,
    updatedAt: stored?.updatedAt,
    updatedBy: stored?.updatedBy,
    etag: stored?.etag,
  };
}
