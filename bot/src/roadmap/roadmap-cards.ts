import { defineCard, escapeMarkdown, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';
import { pickText, type Language } from '../shared/i18n/language';
import {
  ACTION_STATUSES,
  LIMITS,
  PICK_VALUES,
  effectiveBaseline,
  quarterSpanText,
  type ActionStatus,
  type Goal,
  type PerspectiveLevel,
  type RoadmapAction,
  type TargetPicks,
} from './roadmap';
import checkInTemplate from './roadmap-check-in.card.json';
import { roadmapMessagesFor } from './roadmap-messages';
import noticeTemplate from './roadmap-notice.card.json';
import targetsTemplate from './roadmap-targets.card.json';

/*
 * The roadmap's Teams cards: the leadership team's target-setting form, the owners' quarterly
 * check-in and short notices (the follow-up summary, the roadmap's overview). Everything people
 * typed (titles, lines) is template data and Markdown-escaped, since Teams renders card text as
 * Markdown.
 */

type NoticeColor = 'Default' | 'Good' | 'Attention' | 'Warning';

export interface TargetsCardData {
  readonly title: string;
  readonly notice: string;
  readonly noticeColor: NoticeColor;
  readonly intro: string;
  readonly scale: string;
  readonly open: boolean;
  readonly perspectives: readonly {
    readonly inputId: string;
    readonly label: string;
    readonly placeholder: string;
    readonly value: string;
    readonly choices: readonly { readonly title: string; readonly value: string }[];
  }[];
  readonly picked: readonly { readonly title: string; readonly value: string }[];
  readonly submit: string;
  readonly verb: string;
  readonly roadmapId: string;
  readonly session: number;
  readonly openTab: string;
  readonly tabUrl: string;
}

export interface CheckInCardData {
  readonly title: string;
  readonly notice: string;
  readonly noticeColor: NoticeColor;
  readonly intro: string;
  readonly actionTitle: string;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly open: boolean;
  readonly statusLabel: string;
  readonly statusValue: string;
  readonly statusChoices: readonly { readonly title: string; readonly value: string }[];
  readonly lineLabel: string;
  readonly linePlaceholder: string;
  readonly lineValue: string;
  readonly lineMax: number;
  readonly submit: string;
  readonly verb: string;
  readonly roadmapId: string;
  readonly actionId: string;
  readonly period: string;
  readonly openTab: string;
  readonly tabUrl: string;
}

export interface NoticeCardData {
  readonly title: string;
  readonly notice: string;
  readonly noticeColor: NoticeColor;
  readonly lines: readonly string[];
  readonly itemsHeading: string;
  readonly items: readonly { readonly title: string; readonly value: string }[];
  readonly openTab: string;
  readonly tabUrl: string;
}

const targetsCard = defineCard<TargetsCardData>(targetsTemplate);
const checkInCard = defineCard<CheckInCardData>(checkInTemplate);
const noticeCard = defineCard<NoticeCardData>(noticeTemplate);

/** Input ids of the target card: `t_<perspective>`. */
export const TARGET_INPUT = 't_';
const TEXT_LIMIT = 400;

export function decimal(value: number, language: Language, decimals = 1): string {
  const text = value.toFixed(decimals);
  return language === 'en' ? text : text.replace('.', ',');
}

/** A pick as the card shows it: "4", "4,5". */
function pickTitle(value: number, language: Language): string {
  return Number.isInteger(value) ? String(value) : decimal(value, language);
}

export function buildTargetsCard(input: {
  readonly roadmapId: string;
  readonly session: number;
  readonly open: boolean;
  readonly municipalityName: string;
  readonly targetYear: number;
  readonly perspectives: readonly PerspectiveLevel[];
  readonly picks: TargetPicks | undefined;
  readonly language: Language;
  readonly tabUrl: string;
  readonly notice?: { readonly text: string; readonly color: NoticeColor };
}): AdaptiveCardJson {
  const { language } = input;
  const m = roadmapMessagesFor(language);
  const choices = [...PICK_VALUES]
    .reverse()
    .map((value) => ({ title: pickTitle(value, language), value: String(value) }));
  const picked = input.picks?.session === input.session ? input.picks.picks : {};
  return renderCard(targetsCard, {
    title: m.targetsTitle(input.municipalityName),
    notice: input.notice?.text ?? (input.open ? '' : m.targetsClosed),
    noticeColor: input.notice?.color ?? 'Default',
    intro: m.targetsIntro(input.targetYear),
    scale: m.targetsScale,
    open: input.open,
    perspectives: input.perspectives.map((level) => {
      const baseline = effectiveBaseline(level);
      return {
        inputId: `${TARGET_INPUT}${level.perspectiveId}`,
        label: m.targetsLabel(
          pickText(level.label, language),
          baseline === undefined ? m.targetsNoBaseline : decimal(baseline, language),
        ),
        placeholder: m.targetsChoose,
        value: picked[level.perspectiveId] !== undefined ? String(picked[level.perspectiveId]) : '',
        choices,
      };
    }),
    picked: input.perspectives.map((level) => {
      const value = picked[level.perspectiveId];
      return {
        title: pickText(level.label, language),
        value: value === undefined ? '–' : pickTitle(value, language),
      };
    }),
    submit: m.targetsSave,
    verb: VERBS.roadmapTargetsSave,
    roadmapId: input.roadmapId,
    session: input.session,
    openTab: m.openRoadmap,
    tabUrl: input.tabUrl,
  });
}

export function buildCheckInCard(input: {
  readonly roadmapId: string;
  readonly action: RoadmapAction;
  readonly goal: Goal | undefined;
  readonly period: string;
  readonly periodText: string;
  readonly open: boolean;
  readonly language: Language;
  readonly tabUrl: string;
  readonly values?: { readonly status: string; readonly line: string };
  readonly notice?: { readonly text: string; readonly color: NoticeColor };
}): AdaptiveCardJson {
  const { language, action } = input;
  const m = roadmapMessagesFor(language);
  const title = escapeMarkdown(action.title, TEXT_LIMIT);
  const choices: { title: string; value: ActionStatus }[] = ACTION_STATUSES.map((status) => ({
    title: m.statuses[status],
    value: status,
  }));
  return renderCard(checkInCard, {
    title: m.checkInTitle,
    notice: input.notice?.text ?? '',
    noticeColor: input.notice?.color ?? 'Default',
    intro: m.checkInIntro(input.periodText),
    actionTitle: title,
    facts: [
      { title: m.checkInAction, value: title },
      ...(input.goal ? [{ title: m.checkInGoal, value: escapeMarkdown(input.goal.title, TEXT_LIMIT) }] : []),
      { title: m.checkInSchedule, value: quarterSpanText(action.start, action.end) },
      { title: m.checkInStatusNow, value: m.statuses[action.status] },
    ],
    open: input.open,
    statusLabel: m.checkInStatus,
    statusValue: input.values?.status ?? action.status,
    statusChoices: choices,
    lineLabel: m.checkInLine,
    linePlaceholder: m.checkInLinePlaceholder,
    lineValue: input.values?.line ?? '',
    lineMax: LIMITS.checkInLine,
    submit: m.checkInSend,
    verb: VERBS.roadmapCheckIn,
    roadmapId: input.roadmapId,
    actionId: action.id,
    period: input.period,
    openTab: m.openRoadmap,
    tabUrl: input.tabUrl,
  });
}

export function buildNoticeCard(input: {
  readonly title: string;
  readonly language: Language;
  readonly tabUrl: string;
  readonly lines?: readonly string[];
  readonly itemsHeading?: string;
  readonly items?: readonly { readonly title: string; readonly value: string }[];
  readonly notice?: { readonly text: string; readonly color: NoticeColor };
}): AdaptiveCardJson {
  const m = roadmapMessagesFor(input.language);
  return renderCard(noticeCard, {
    title: input.title,
    notice: input.notice?.text ?? '',
    noticeColor: input.notice?.color ?? 'Default',
    lines: input.lines ?? [],
    itemsHeading: input.itemsHeading ?? '',
    items: (input.items ?? []).map((item) => ({
      title: escapeMarkdown(item.title, TEXT_LIMIT),
      value: escapeMarkdown(item.value, TEXT_LIMIT),
    })),
    openTab: m.openRoadmap,
    tabUrl: input.tabUrl,
  });
}
