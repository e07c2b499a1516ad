import { z } from 'zod';
import type { Clock } from '../platform/clock';
import {
  cardActivity,
  type BotCommand,
  type CardAction,
  type CardActionResult,
  type OutgoingActivity,
  type Turn,
  type TurnPerson,
} from '../platform/teams';
import type { AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import type { Language } from '../shared/i18n/language';
import type { TabLinks } from '../shared/tab-links';
import {
  ACTION_STATUSES,
  LIMITS,
  isLate,
  parsePeriodKey,
  periodOf,
  periodText,
  previousPeriod,
  quarterOf,
  roadmapIdOf,
  type ActionStatus,
  type RoadmapAction,
} from './roadmap';
import { TARGET_INPUT, buildCheckInCard, buildNoticeCard, buildTargetsCard } from './roadmap-cards';
import { roadmapMessagesFor } from './roadmap-messages';
import type { RoadmapData } from './roadmap-repository';
import type { RoadmapService } from './roadmap-service';

/** `digitiekartta` / `färdplan` / `roadmap`: my municipality's roadmap, and the target card while target setting is open. */
export const ROADMAP_PATTERN =
  /^\s*(digitiekartta|tiekartta|digikartta|färdplan|fardplan|digital\s+färdplan|digital\s+fardplan|roadmap|digital\s+roadmap)\s*[.!?]?\s*$/i;

export interface RoadmapTeamsDeps {
  readonly service: RoadmapService;
  readonly links: TabLinks;
  readonly clock: Clock;
  readonly municipalityName: (municipalityId: string, language: Language) => Promise<string>;
  readonly currentRoundId: () => Promise<string | undefined>;
}

/**
 * What the bot offers around the roadmap: the leadership team picks target levels on a card
 * (changeable until the facilitator closes target setting), owners answer the follow-up check-in
 * on a card, and anyone of the municipality asks for the roadmap's state with a command.
 */
export class RoadmapTeams {
  constructor(private readonly deps: RoadmapTeamsDeps) {}

  tabUrl(roadmapId: string): string {
    return this.deps.links.to('roadmap', roadmapId);
  }

  /** The target card for a leader, with what they picked so far. */
  async targetsCard(
    data: RoadmapData,
    person: { readonly tenantId: string; readonly aadObjectId: string },
    language: Language,
    notice?: { readonly text: string; readonly color: 'Default' | 'Good' | 'Attention' },
  ): Promise<AdaptiveCardJson> {
    const roadmap = data.roadmap.value;
    const picks = data.picks.find(
      (k) => k.value.tenantId === person.tenantId && k.value.aadObjectId === person.aadObjectId,
    )?.value;
    return buildTargetsCard({
      roadmapId: roadmap.id,
      session: roadmap.targetSetting.session,
      open: roadmap.targetSetting.state === 'open',
      municipalityName: await this.deps.municipalityName(roadmap.municipalityId, language),
      targetYear: roadmap.targetYear,
      perspectives: data.perspectives.map((p) => p.value),
      picks,
      language,
      tabUrl: this.tabUrl(roadmap.id),
      ...(notice ? { notice } : {}),
    });
  }

  checkInCard(
    data: RoadmapData,
    action: RoadmapAction,
    periodKey: string,
    language: Language,
    options: {
      readonly open?: boolean;
      readonly values?: { readonly status: string; readonly line: string };
      readonly notice?: {
        readonly text: string;
        readonly color: 'Default' | 'Good' | 'Attention' | 'Warning';
      };
    } = {},
  ): AdaptiveCardJson {
    const roadmap = data.roadmap.value;
    const period = parsePeriodKey(periodKey, roadmap.cadenceMonths);
    return buildCheckInCard({
      roadmapId: roadmap.id,
      action,
      goal: data.goals.find((g) => g.value.id === action.goalId)?.value,
      period: periodKey,
      periodText: period ? periodText(period) : periodKey,
      open: options.open ?? true,
      language,
      tabUrl: this.tabUrl(roadmap.id),
      ...(options.values ? { values: options.values } : {}),
      ...(options.notice ? { notice: options.notice } : {}),
    });
  }

  command(): BotCommand {
    return {
      pattern: ROADMAP_PATTERN,
      handle: async (turn: Turn): Promise<OutgoingActivity> => {
        const person = await turn.person();
        const m = roadmapMessagesFor(person.language);
        const municipalityId = person.participant?.municipalityId;
        const roundId = await this.deps.currentRoundId();
        const overview = (card: AdaptiveCardJson) => cardActivity(card, m.roadmapName);
        if (!municipalityId || !person.identity) {
          return overview(
            buildNoticeCard({
              title: m.roadmapName,
              language: person.language,
              tabUrl: this.deps.links.to('roadmap'),
              lines: [m.overviewNoMunicipality],
            }),
          );
        }
        const data = roundId ? await this.deps.service.load(roadmapIdOf(roundId, municipalityId)) : undefined;
        if (!data) {
          return overview(
            buildNoticeCard({
              title: m.roadmapName,
              language: person.language,
              tabUrl: this.deps.links.to('roadmap'),
              lines: [m.overviewNone],
            }),
          );
        }
        const roadmap = data.roadmap.value;
        const leader = await this.deps.service.isLeader(person.identity, roadmap.municipalityId);
        if (leader && roadmap.targetSetting.state === 'open') {
          return cardActivity(await this.targetsCard(data, person.identity, person.language), m.roadmapName);
        }
        return overview(await this.overviewCard(data, person.language));
      },
    };
  }

  async overviewCard(data: RoadmapData, language: Language): Promise<AdaptiveCardJson> {
    const m = roadmapMessagesFor(language);
    const roadmap = data.roadmap.value;
    const current = quarterOf(this.deps.clock());
    const actions = data.actions.map((a) => a.value);
    return buildNoticeCard({
      title: m.overviewTitle(await this.deps.municipalityName(roadmap.municipalityId, language)),
      language,
      tabUrl: this.tabUrl(roadmap.id),
      lines: [
        m.overviewPhase(m.phases[roadmap.phase]),
        ...(roadmap.vision ? [roadmap.vision.split('\n')[0] ?? ''] : []),
        m.overviewActions(
          actions.length,
          actions.filter((a) => a.status === 'done').length,
          actions.filter((a) => isLate(a, current)).length,
        ),
      ],
    });
  }

  cardActions(): CardAction[] {
    return [this.saveTargetsAction(), this.showTargetsAction(), this.checkInAction()];
  }

  private showTargetsAction(): CardAction<typeof targetsReference> {
    return {
      verb: VERBS.roadmapTargetsShow,
      schema: targetsReference,
      handle: async (_turn, data, person): Promise<CardActionResult> => {
        const m = roadmapMessagesFor(person.language);
        const roadmap = await this.deps.service.load(data.roadmapId);
        if (!roadmap || !person.identity) return { kind: 'rejected', text: m.overviewNone };
        if (!(await this.deps.service.isLeader(person.identity, roadmap.roadmap.value.municipalityId))) {
          return { kind: 'card', card: await this.overviewCard(roadmap, person.language) };
        }
        return { kind: 'card', card: await this.targetsCard(roadmap, person.identity, person.language) };
      },
    };
  }

  private saveTargetsAction(): CardAction<typeof targetsSaveData> {
    return {
      verb: VERBS.roadmapTargetsSave,
      schema: targetsSaveData,
      handle: async (_turn, data, person): Promise<CardActionResult> => {
        const { language } = person;
        const m = roadmapMessagesFor(language);
        const loaded = await this.deps.service.load(data.roadmapId);
        if (!loaded || !person.identity) return { kind: 'rejected', text: m.overviewNone };
        const raw: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const [key, value] of Object.entries(data)) {
          if (key.startsWith(TARGET_INPUT) && typeof value === 'string')
            raw[key.slice(TARGET_INPUT.length)] = value;
        }
        const outcome = await this.deps.service.savePicks(data.roadmapId, data.session, person.identity, raw);
        const fresh = (await this.deps.service.load(data.roadmapId)) ?? loaded;
        switch (outcome.kind) {
          case 'notLeader':
            return {
              kind: 'card',
              card: buildNoticeCard({
                title: m.roadmapName,
                language,
                tabUrl: this.tabUrl(data.roadmapId),
                notice: { text: m.targetsNotLeader, color: 'Attention' },
              }),
            };
          case 'closed': {
            // A card of an earlier session while a new one is open gets the new session's form.
            const reopened = fresh.roadmap.value.targetSetting.state === 'open';
            return {
              kind: 'card',
              card: await this.targetsCard(
                fresh,
                person.identity,
                language,
                reopened ? { text: m.targetsNewSession, color: 'Attention' } : undefined,
              ),
            };
          }
          case 'invalid':
            return {
              kind: 'card',
              card: await this.targetsCard(fresh, person.identity, language, {
                text: m.targetsInvalid,
                color: 'Attention',
              }),
            };
          case 'saved':
            return {
              kind: 'card',
              card: await this.targetsCard(fresh, person.identity, language, {
                text: m.targetsSaved(formatHelsinkiDateTime(this.deps.clock(), language)),
                color: 'Good',
              }),
            };
        }
      },
    };
  }

  private checkInAction(): CardAction<typeof checkInData> {
    return {
      verb: VERBS.roadmapCheckIn,
      schema: checkInData,
      handle: async (_turn, data, person: TurnPerson): Promise<CardActionResult> => {
        const { language } = person;
        const m = roadmapMessagesFor(language);
        const loaded = await this.deps.service.load(data.roadmapId);
        const action = loaded?.actions.find((a) => a.value.id === data.actionId)?.value;
        if (!loaded || !action) {
          return {
            kind: 'card',
            card: buildNoticeCard({
              title: m.checkInTitle,
              language,
              tabUrl: this.deps.links.to('roadmap'),
              notice: { text: m.checkInUnknown, color: 'Attention' },
            }),
          };
        }
        const values = { status: data.status ?? '', line: data.line ?? '' };
        const again = (text: string, color: 'Attention' | 'Good', open = true) => ({
          kind: 'card' as const,
          card: this.checkInCard(loaded, action, data.period, language, {
            values,
            notice: { text, color },
            open,
          }),
        });
        const owner = action.owner;
        if (
          !person.participant ||
          owner?.kind !== 'participant' ||
          owner.tenantId !== person.participant.tenantId ||
          owner.aadObjectId !== person.participant.aadObjectId
        ) {
          return again(m.checkInNotOwner, 'Attention', false);
        }
        const roadmap = loaded.roadmap.value;
        const now = this.deps.clock();
        const current = periodOf(now, roadmap.cadenceMonths);
        if (data.period !== current.key && data.period !== previousPeriod(current).key) {
          return again(m.checkInExpired, 'Attention', false);
        }
        if (!(ACTION_STATUSES as readonly string[]).includes(values.status))
          return again(m.checkInChooseStatus, 'Attention');
        if (values.line.length > LIMITS.checkInLine)
          return again(m.checkInTooLong(LIMITS.checkInLine), 'Attention');
        const outcome = await this.deps.service.checkIn(
          data.roadmapId,
          data.actionId,
          data.period,
          person.participant,
          values.status as ActionStatus,
          values.line,
        );
        if (outcome.kind === 'unknown') return again(m.checkInUnknown, 'Attention', false);
        if (outcome.kind === 'notOwner') return again(m.checkInNotOwner, 'Attention', false);
        return {
          kind: 'card',
          card: this.checkInCard(loaded, outcome.action, data.period, language, {
            values: { status: outcome.checkIn.status, line: outcome.checkIn.line },
            notice: { text: m.checkInSaved(m.statuses[outcome.checkIn.status]), color: 'Good' },
          }),
        };
      },
    };
  }
}

const roadmapId = z.string().min(1).max(300);
export const targetsReference = z.object({ roadmapId });

/** The target card's submission: the roadmap and session from the action's data, and `t_<perspective>` inputs. */
export const targetsSaveData = z
  .object({ roadmapId, session: z.coerce.number().int().min(0).max(10_000) })
  .catchall(z.union([z.string().max(10), z.number()]))
  .refine((data) => Object.keys(data).length <= 60, 'too many fields');

export const checkInData = z.object({
  roadmapId,
  actionId: z.string().min(1).max(100),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  status: z.string().max(20).optional(),
  // Longer than the card allows, so an over-long line comes back with a message instead of a 400.
  line: z.string().max(5000).optional(),
});
