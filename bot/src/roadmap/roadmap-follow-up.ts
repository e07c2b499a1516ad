import type { Clock } from '../platform/clock';
import type { Delivery, OutgoingMessage } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import { ConflictError } from '../platform/storage/errors';
import { cardActivity } from '../platform/teams';
import { fromHelsinkiWallClock, toHelsinkiWallClock } from '../shared/i18n/helsinki-time';
import { resolveLanguage } from '../shared/i18n/language';
import type { Participant } from '../shared/participant';
import {
  OPEN_STATUSES,
  isLate,
  isSamePerson,
  lastQuarterOf,
  periodOf,
  periodText,
  previousPeriod,
  quarterIndex,
  quarterOf,
  type FollowUpPeriod,
  type Roadmap,
  type RoadmapAction,
} from './roadmap';
import { buildNoticeCard } from './roadmap-cards';
import { roadmapMessagesFor } from './roadmap-messages';
import type { FollowUpState, RoadmapData, RoadmapRepository } from './roadmap-repository';
import type { RoadmapService } from './roadmap-service';
import type { RoadmapTeams } from './roadmap-teams';

export interface FollowUpSettings {
  /** The check-in goes this many days before the period ends (default 14). */
  readonly checkInLeadDays?: number;
  /** Owners who have not answered get one reminder this many days after the check-in (default 7). */
  readonly reminderAfterDays?: number;
  /** How often the job looks (default one hour). */
  readonly intervalMs?: number;
}

export interface FollowUpResult {
  readonly checkIns: number;
  readonly reminders: number;
  readonly summaries: number;
}

const DAY_MS = 86_400_000;

/**
 * The roadmap's follow-up, for roadmaps in the follow-up phase, each period of their cadence:
 * 1. two weeks before the period ends, every open action's owner in Teams gets the check-in card
 *    ("Miten toimenpide etenee?"); owners outside Teams are counted, never sent anything;
 * 2. a week later, those who have not answered get one reminder;
 * 3. when the period is over, the municipality's leadership team gets a summary of what moved.
 * Each card goes through the outbox under a delivery id of its own (action and period), so a card
 * is sent once however many passes or instances enqueue it; each step is then marked in the
 * period's state row, so later passes skip it.
 */
export class RoadmapFollowUp {
  private readonly leadMs: number;
  private readonly reminderMs: number;

  constructor(
    private readonly deps: {
      readonly service: RoadmapService;
      readonly repository: RoadmapRepository;
      readonly teams: RoadmapTeams;
      readonly people: { all(): Promise<Participant[]> };
      readonly delivery: Delivery;
      readonly municipalityName: (municipalityId: string, language: 'fi' | 'sv' | 'en') => Promise<string>;
      readonly clock: Clock;
      readonly logger: Logger;
    },
    settings: FollowUpSettings = {},
  ) {
    this.leadMs = (settings.checkInLeadDays ?? 14) * DAY_MS;
    this.reminderMs = (settings.reminderAfterDays ?? 7) * DAY_MS;
  }

  /** When a period's check-in goes out: 9.00 Helsinki time, the lead days before the period ends. */
  checkInTime(period: FollowUpPeriod): Date {
    const day = toHelsinkiWallClock(new Date(period.endsAt.getTime() - this.leadMs));
    const at = fromHelsinkiWallClock({ year: day.year, month: day.month, day: day.day, hour: 9, minute: 0 });
    return at < period.startsAt ? period.startsAt : at;
  }

  /** The next check-in from now: this period's, or the next period's once this one's has gone. */
  nextCheckIn(roadmap: Roadmap, now: Date): Date {
    const period = periodOf(now, roadmap.cadenceMonths);
    const time = this.checkInTime(period);
    return time > now ? time : this.checkInTime(periodOf(period.endsAt, roadmap.cadenceMonths));
  }

  async runOnce(): Promise<FollowUpResult> {
    let checkIns = 0;
    let reminders = 0;
    let summaries = 0;
    for (const summary of await this.deps.repository.allSummaries()) {
      if (summary.phase !== 'followUp') continue;
      try {
        const data = await this.deps.service.load(summary.roadmapId);
        if (!data || data.roadmap.value.phase !== 'followUp') continue;
        const result = await this.runFor(data);
        checkIns += result.checkIns;
        reminders += result.reminders;
        summaries += result.summaries;
      } catch (error) {
        // Tried again at the next pass: the delivery ids make a repeat harmless.
        this.deps.logger.warn('roadmap follow-up failed', { roadmapId: summary.roadmapId, error });
      }
    }
    return { checkIns, reminders, summaries };
  }

  private async runFor(data: RoadmapData): Promise<FollowUpResult> {
    const roadmap = data.roadmap.value;
    const now = this.deps.clock();
    const period = periodOf(now, roadmap.cadenceMonths);
    const previous = previousPeriod(period);
    let summaries = 0;
    let checkIns = 0;
    let reminders = 0;

    const before = await this.deps.repository.followUpState(roadmap.id, previous.key);
    if (before?.value.checkInsAt && !before.value.summaryAt) {
      await this.sendSummary(data, previous, before.value);
      if (await this.mark(roadmap.id, before, { ...before.value, summaryAt: now.toISOString() }))
        summaries += 1;
    }

    let state = await this.deps.repository.followUpState(roadmap.id, period.key);
    if (!state?.value.checkInsAt && now.getTime() >= this.checkInTime(period).getTime()) {
      const sent = await this.sendCheckIns(data, period, 'checkIn');
      const value: FollowUpState = {
        period: period.key,
        checkInsAt: now.toISOString(),
        asked: sent.asked,
        external: sent.external,
        reminderAt: undefined,
        summaryAt: undefined,
      };
      if (await this.mark(roadmap.id, state, value)) checkIns += sent.asked;
      state = await this.deps.repository.followUpState(roadmap.id, period.key);
    }
    const sentAt = state?.value.checkInsAt ? Date.parse(state.value.checkInsAt) : undefined;
    if (
      state &&
      sentAt !== undefined &&
      !state.value.reminderAt &&
      now.getTime() >= sentAt + this.reminderMs
    ) {
      const answered = new Set(
        (await this.deps.repository.checkIns(roadmap.id, period.key)).map((c) => c.actionId),
      );
      const sent = await this.sendCheckIns(data, period, 'reminder', answered);
      if (await this.mark(roadmap.id, state, { ...state.value, reminderAt: now.toISOString() })) {
        reminders += sent.asked;
      }
    }
    return { checkIns, reminders, summaries };
  }

  /** Open actions that have started by the period's end and whose owner is a participant. */
  private askable(data: RoadmapData, period: FollowUpPeriod): { inTeams: RoadmapAction[]; external: number } {
    const last = quarterIndex(lastQuarterOf(period));
    const open = data.actions
      .map((a) => a.value)
      .filter((a) => OPEN_STATUSES.includes(a.status) && quarterIndex(a.start) <= last);
    return {
      inTeams: open.filter((a) => a.owner?.kind === 'participant'),
      external: open.filter((a) => a.owner?.kind === 'external').length,
    };
  }

  private async sendCheckIns(
    data: RoadmapData,
    period: FollowUpPeriod,
    kind: 'checkIn' | 'reminder',
    answered: ReadonlySet<string> = new Set(),
  ): Promise<{ asked: number; external: number }> {
    const roadmap = data.roadmap.value;
    const people = await this.deps.people.all();
    const { inTeams, external } = this.askable(data, period);
    let asked = 0;
    for (const action of inTeams) {
      if (answered.has(action.id) || action.owner?.kind !== 'participant') continue;
      const owner = action.owner;
      const participant = people.find((p) => p.active && isSamePerson(p, owner));
      // An owner who has left the network's team cannot be reached; the tab shows the action as it is.
      if (!participant) continue;
      const language = resolveLanguage(participant.language, undefined);
      const m = roadmapMessagesFor(language);
      const notice =
        kind === 'reminder'
          ? { text: m.checkInReminder(periodText(period)), color: 'Warning' as const }
          : undefined;
      const message: OutgoingMessage = {
        target: { kind: 'person', identity: participant },
        activity: cardActivity(
          this.deps.teams.checkInCard(data, action, period.key, language, notice ? { notice } : {}),
          kind === 'reminder' ? m.checkInReminder(periodText(period)) : m.checkInTitle,
        ),
      };
      await this.deps.delivery.enqueue({
        deliveryId: `roadmap-${kind === 'reminder' ? 'checkin-reminder' : 'checkin'}:${roadmap.id}:${period.key}:${action.id}`,
        purpose: 'roadmap',
        roundId: roadmap.roundId,
        messages: [message],
        notAfter: new Date(period.endsAt.getTime() + this.leadMs).toISOString(),
      });
      asked += 1;
    }
    if (asked > 0) {
      this.deps.logger.info('roadmap check-ins enqueued', {
        roadmapId: roadmap.id,
        period: period.key,
        kind,
        asked,
      });
    }
    return { asked, external };
  }

  private async sendSummary(data: RoadmapData, period: FollowUpPeriod, state: FollowUpState): Promise<void> {
    const roadmap = data.roadmap.value;
    const checkIns = await this.deps.repository.checkIns(roadmap.id, period.key);
    const leaders = (await this.deps.people.all()).filter(
      (p) => p.active && p.municipalityId === roadmap.municipalityId && p.roles.includes('leadership'),
    );
    if (leaders.length === 0) return;
    const actions = new Map(data.actions.map((a) => [a.value.id, a.value]));
    const current = quarterOf(this.deps.clock());
    const counts = { planned: 0, inProgress: 0, done: 0, late: 0, dropped: 0 };
    for (const { value } of data.actions) counts[value.status] += 1;
    const late = data.actions.filter((a) => isLate(a.value, current)).length;
    const answered = new Set(checkIns.map((c) => c.actionId)).size;
    const messages: OutgoingMessage[] = [];
    for (const leader of leaders) {
      const language = resolveLanguage(leader.language, undefined);
      const m = roadmapMessagesFor(language);
      const moved = checkIns
        .filter((c) => c.status !== c.previousStatus)
        .map((c) => ({
          title: actions.get(c.actionId)?.title ?? c.actionId,
          value: `${m.statuses[c.previousStatus]} → ${m.statuses[c.status]}${c.line ? ` – ${c.line}` : ''}`,
        }));
      const name = await this.deps.municipalityName(roadmap.municipalityId, language);
      messages.push({
        target: { kind: 'person', identity: leader },
        activity: cardActivity(
          buildNoticeCard({
            title: m.summaryTitle(name, periodText(period)),
            language,
            tabUrl: this.deps.teams.tabUrl(roadmap.id),
            lines: [
              m.summaryIntro(answered, state.asked),
              m.summaryCounts(counts),
              ...(late > 0 ? [m.summaryLate(late)] : []),
              ...(state.asked > answered ? [m.summaryUnanswered(state.asked - answered)] : []),
              ...(state.external > 0 ? [m.summaryExternal(state.external)] : []),
              ...(moved.length === 0 ? [m.summaryNothingMoved] : []),
            ],
            itemsHeading: moved.length > 0 ? m.summaryMoved : '',
            items: moved,
          }),
          m.summaryTitle(name, periodText(period)),
        ),
      });
    }
    await this.deps.delivery.enqueue({
      deliveryId: `roadmap-summary:${roadmap.id}:${period.key}`,
      purpose: 'roadmap',
      messages,
      roundId: roadmap.roundId,
    });
  }

  /** Records a step in the period's state row; false when another instance recorded it first. */
  private async mark(
    roadmapId: string,
    stored: { readonly etag: string } | undefined,
    value: FollowUpState,
  ): Promise<boolean> {
    try {
      await this.deps.repository.commit(roadmapId, [
        stored
          ? { op: 'replace', row: { type: 'followUpState', value }, etag: stored.etag }
          : { op: 'create', row: { type: 'followUpState', value } },
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }
}
