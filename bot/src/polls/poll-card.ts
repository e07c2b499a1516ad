import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import { pollMessagesFor } from './poll-messages';
import { effectiveCloseTime, maxChoices, pollStatus, type WishPoll, type WishPollAnswer } from './wish-poll';
import type { WishPollTally } from './wish-poll-tally';
import pollChannelTemplate from './poll-channel.card.json';
import pollFormTemplate from './poll-form.card.json';
import pollListTemplate from './poll-list.card.json';
import pollNoticeTemplate from './poll-notice.card.json';
import pollReceiptTemplate from './poll-receipt.card.json';
import pollSummaryTemplate from './poll-summary.card.json';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';

/*
 * Text people typed (the question and topics a coordinator wrote, a participant's suggestion) goes
 * into RichTextBlock TextRuns, which Adaptive Cards never read as Markdown, so it shows exactly as
 * typed; escaping it for a TextBlock would show the backslashes in clients that do not unescape.
 * The bot's own sentences stay in TextBlocks.
 */

export interface PollFormCardData {
  readonly title: string;
  readonly notice: string;
  readonly question: string;
  readonly when: string;
  readonly privacy: string;
  readonly error: string;
  readonly choiceLabel: string;
  readonly multiSelect: boolean;
  readonly selected: string;
  readonly topics: readonly { readonly id: string; readonly label: string }[];
  /** 0 when the poll takes no suggestion. */
  readonly suggestionMaxLength: number;
  readonly suggestionLabel: string;
  readonly suggestion: string;
  readonly submit: string;
  readonly verb: string;
  /** Empty unless an earlier answer is being changed: then "Cancel" shows it unchanged. */
  readonly cancelLabel: string;
  readonly cancelVerb: string;
  readonly pollId: string;
}

export interface PollReceiptCardData {
  readonly title: string;
  readonly status: string;
  /** Attention for a problem; otherwise the default colour (Good and Warning fail contrast in some hosts). */
  readonly statusColor: 'Attention' | 'Default';
  readonly question: string;
  readonly when: string;
  readonly answered: boolean;
  readonly yourAnswerLabel: string;
  readonly chosen: readonly { readonly label: string }[];
  readonly noTopics: string;
  readonly yourSuggestionLabel: string;
  readonly suggestion: string;
  readonly notAnswered: string;
  readonly resultsTitle: string;
  readonly respondents: string;
  readonly results: readonly { readonly label: string; readonly count: string }[];
  readonly footer: string;
  readonly changeLabel: string;
  readonly changeVerb: string;
  readonly pollId: string;
}

export interface PollChannelCardData {
  readonly title: string;
  readonly question: string;
  readonly topics: readonly { readonly label: string }[];
  readonly when: string;
  /** "12/71 vastannut", kept current in the channel; empty before anyone is counted. */
  readonly tally: string;
  readonly privacy: string;
  readonly answerLabel: string;
  readonly verb: string;
  readonly pollId: string;
}

export interface PollListCardData {
  readonly title: string;
  readonly empty: string;
  readonly showVerb: string;
  readonly summaryVerb: string;
  readonly polls: readonly {
    readonly pollId: string;
    readonly question: string;
    readonly state: string;
    /** Not answered yet stands out by weight, not by a yellow that fails contrast on white. */
    readonly stateWeight: 'Bolder' | 'Default';
    readonly when: string;
    readonly showLabel: string;
    /** Empty for participants: only coordinators get the results button. */
    readonly resultsLabel: string;
  }[];
}

export interface PollSummaryCardData {
  readonly title: string;
  readonly question: string;
  readonly state: string;
  readonly respondents: string;
  readonly topics: readonly { readonly label: string; readonly count: string }[];
  readonly suggestions: string;
  readonly more: string;
  readonly openTab: string;
  readonly tabUrl: string;
}

export interface PollNoticeCardData {
  readonly title: string;
  readonly message: string;
}

const formCard = defineCard<PollFormCardData>(pollFormTemplate);
const receiptCard = defineCard<PollReceiptCardData>(pollReceiptTemplate);
const channelCard = defineCard<PollChannelCardData>(pollChannelTemplate);
const listCard = defineCard<PollListCardData>(pollListTemplate);
const summaryCard = defineCard<PollSummaryCardData>(pollSummaryTemplate);
const noticeCard = defineCard<PollNoticeCardData>(pollNoticeTemplate);

/** Where the card is shown; personal chats get an automatic refresh, so an old card shows the current state. */
export type PollCardPlace = 'personal' | 'shared';

export interface PollFormOptions {
  readonly answer?: Pick<WishPollAnswer, 'topicIds' | 'suggestion'> | undefined;
  /** A problem with what was just sent, in the reader's language. */
  readonly error?: string;
  /** A line above the question (a reminder). */
  readonly notice?: string;
  readonly place: PollCardPlace;
  /** The person is changing an answer they gave: the form can be left without saving. */
  readonly editing?: boolean;
}

/** The answer form, with the person's current (or just rejected) answer filled in. */
export function buildPollFormCard(
  poll: WishPoll,
  language: Language,
  options: PollFormOptions,
): AdaptiveCardJson {
  const m = pollMessagesFor(language);
  const max = maxChoices(poll);
  const choiceLabel =
    poll.selection.mode === 'single'
      ? m.chooseOne
      : max < poll.topics.length
        ? m.chooseAtMost(max)
        : m.chooseAny;
  const card = renderCard(formCard, {
    title: m.pollTitle,
    notice: options.notice ?? '',
    question: pickText(poll.question, language),
    when: m.answerBy(closeText(poll, language)),
    privacy: poll.anonymous ? m.anonymousNote : m.namedNote,
    error: options.error ?? '',
    choiceLabel,
    multiSelect: poll.selection.mode === 'multiple',
    selected: (options.answer?.topicIds ?? []).join(','),
    topics: poll.topics.map((topic) => ({ id: topic.id, label: pickText(topic.label, language) })),
    suggestionMaxLength: poll.suggestionMaxLength ?? 0,
    suggestionLabel: poll.suggestionMaxLength ? m.suggestionLabel(poll.suggestionMaxLength) : '',
    suggestion: options.answer?.suggestion ?? '',
    submit: options.editing ? m.saveChanged : m.submit,
    verb: VERBS.pollAnswer,
    cancelLabel: options.editing ? m.cancelChange : '',
    cancelVerb: VERBS.pollShow,
    pollId: poll.id,
  });
  return withRefresh(card, poll.id, options.place);
}

export interface PollReceiptOptions {
  readonly answer: WishPollAnswer | undefined;
  readonly now: Date;
  readonly place: PollCardPlace;
  /** Just saved: say so. */
  readonly justSaved?: boolean;
  /** A later change by the same person won a race: say that the card shows it. */
  readonly superseded?: boolean;
  /** Why nothing was saved (the poll closed meanwhile), shown in place of the saved note. */
  readonly message?: string;
  /** The tally, when the poll is closed and lets participants see results. */
  readonly tally?: WishPollTally | undefined;
}

/**
 * The person's own answer. While the poll is open it says the answer can be changed and offers the
 * button; once closed it says so and, where the poll allows, shows the results.
 */
export function buildPollReceiptCard(
  poll: WishPoll,
  language: Language,
  options: PollReceiptOptions,
): AdaptiveCardJson {
  const m = pollMessagesFor(language);
  const open = pollStatus(poll, options.now) === 'open';
  const labels = new Map(poll.topics.map((topic) => [topic.id, pickText(topic.label, language)]));
  const answer = options.answer;
  const status = options.message ?? (options.superseded ? m.superseded : options.justSaved ? m.saved : '');
  const warn = options.message !== undefined || options.superseded === true;
  const showResults = !open && poll.resultsVisibleToParticipants && options.tally !== undefined;
  const tally = options.tally;
  const card = renderCard(receiptCard, {
    title: m.pollTitle,
    status,
    statusColor: warn ? 'Attention' : 'Default',
    question: pickText(poll.question, language),
    when: open ? m.canChange(closeText(poll, language)) : m.closedAt(closeText(poll, language)),
    answered: answer !== undefined,
    yourAnswerLabel: m.yourAnswer,
    chosen: (answer?.topicIds ?? []).map((id) => ({ label: labels.get(id) ?? id })),
    noTopics: m.noTopicsChosen,
    yourSuggestionLabel: m.yourSuggestion,
    suggestion: answer?.suggestion ?? '',
    notAnswered: m.notAnswered,
    resultsTitle: m.resultsTitle,
    respondents: tally ? m.respondents(tally.respondents) : '',
    results:
      showResults && tally
        ? poll.topics.map((topic) => {
            const count = tally.topics[topic.id] ?? 0;
            return {
              label: pickText(topic.label, language),
              count: m.topicCount(count, percent(count, tally.respondents)),
            };
          })
        : [],
    footer: open ? (poll.anonymous ? m.anonymousNote : m.namedNote) : '',
    changeLabel: open ? (answer ? m.changeAnswer : m.answer) : '',
    changeVerb: VERBS.pollEdit,
    pollId: poll.id,
  });
  return withRefresh(card, poll.id, options.place);
}

/**
 * The card posted in the network's channel: the same for everyone; the button opens each person's
 * own view. With a tally it says how many of the audience have answered (updated in place), and
 * once the poll has closed, that it has.
 */
export function buildPollChannelCard(
  poll: WishPoll,
  language: Language,
  options: {
    readonly tally?: { readonly respondents: number; readonly audience: number };
    readonly now?: Date;
  } = {},
): AdaptiveCardJson {
  const m = pollMessagesFor(language);
  const closed = options.now !== undefined && pollStatus(poll, options.now) === 'closed';
  return renderCard(channelCard, {
    title: m.pollTitle,
    question: pickText(poll.question, language),
    topics: poll.topics.map((topic) => ({ label: pickText(topic.label, language) })),
    when: closed ? m.closedAt(closeText(poll, language)) : m.answerBy(closeText(poll, language)),
    tally: options.tally ? m.channelTally(options.tally.respondents, options.tally.audience) : '',
    privacy: poll.anonymous ? m.anonymousNote : m.namedNote,
    answerLabel: m.answerOrShow,
    verb: VERBS.pollShow,
    pollId: poll.id,
  });
}

export interface PollListEntry {
  readonly poll: WishPoll;
  readonly answer: WishPollAnswer | undefined;
  /** False for a coordinator's entry of a poll they are not asked in. */
  readonly answerable: boolean;
}

/** `toiveet`: the polls open to me with whether I have answered; coordinators also get results buttons. */
export function buildPollListCard(
  entries: readonly PollListEntry[],
  language: Language,
  options: { readonly coordinator: boolean; readonly now: Date },
): AdaptiveCardJson {
  const m = pollMessagesFor(language);
  return renderCard(listCard, {
    title: m.listTitle,
    empty: m.listEmpty,
    showVerb: VERBS.pollShow,
    summaryVerb: VERBS.pollSummary,
    polls: entries.map(({ poll, answer, answerable }): PollListCardData['polls'][number] => {
      const open = pollStatus(poll, options.now) === 'open';
      return {
        pollId: poll.id,
        question: pickText(poll.question, language),
        state: !answerable ? '' : answer ? m.listAnswered : m.listNotAnswered,
        stateWeight: answer ? 'Default' : 'Bolder',
        when: open ? m.answerBy(closeText(poll, language)) : m.closedAt(closeText(poll, language)),
        showLabel: answer ? m.showMyAnswer : m.answer,
        resultsLabel: options.coordinator ? m.showResults : '',
      };
    }),
  });
}

/** The coordinators' short summary: respondents, response rate, topics by count, suggestions. */
export function buildPollSummaryCard(
  poll: WishPoll,
  tally: WishPollTally,
  audience: number,
  language: Language,
  options: { readonly now: Date; readonly tabUrl: string },
): AdaptiveCardJson {
  const m = pollMessagesFor(language);
  const open = pollStatus(poll, options.now) === 'open';
  const topics = poll.topics
    .map((topic) => ({ label: pickText(topic.label, language), count: tally.topics[topic.id] ?? 0 }))
    .sort((a, b) => b.count - a.count);
  return renderCard(summaryCard, {
    title: m.summaryTitle,
    question: pickText(poll.question, language),
    state: open ? m.answerBy(closeText(poll, language)) : m.closedAt(closeText(poll, language)),
    respondents: m.summaryRespondents(tally.respondents, audience, percent(tally.respondents, audience)),
    topics: topics.map((topic) => ({
      label: topic.label,
      count: m.topicCount(topic.count, percent(topic.count, tally.respondents)),
    })),
    suggestions: m.summarySuggestions(tally.suggestions),
    more: m.summaryMore,
    openTab: m.openTab,
    tabUrl: options.tabUrl,
  });
}

export function buildPollNoticeCard(message: string, language: Language): AdaptiveCardJson {
  return renderCard(noticeCard, { title: pollMessagesFor(language).pollTitle, message });
}

function closeText(poll: WishPoll, language: Language): string {
  return formatHelsinkiDateTime(new Date(effectiveCloseTime(poll)), language);
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/**
 * In a personal chat the card refreshes itself when opened (Universal Actions), so a card from
 * last week shows that the poll has closed. Group chats and channels would need `userIds` (at most
 * 60), so there the "show my answer" button does the job instead.
 */
function withRefresh(card: AdaptiveCardJson, pollId: string, place: PollCardPlace): AdaptiveCardJson {
  if (place !== 'personal') return card;
  return { ...card, refresh: { action: { type: 'Action.Execute', verb: VERBS.pollShow, data: { pollId } } } };
}
