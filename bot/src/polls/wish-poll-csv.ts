import { roleList } from '../shared/roles';
import type { Municipality } from '../shared/municipality';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import { pollMessagesFor } from './poll-messages';
import type { StoredSuggestion } from './wish-poll-repository';
import type { WishPoll, WishPollAnswer } from './wish-poll';
import type { WishPollResultsView } from './wish-poll-contracts';
import { municipalityName } from './wish-poll-results';
import { toExcelCsv, type CsvCell } from '../shared/csv';

export { attachmentDisposition, CSV_CONTENT_TYPE, toExcelCsv, type CsvCell } from '../shared/csv';

/** Topics down, groups across: the first row gives respondents per group, then choices per topic. */
export function topicsCsv(results: WishPollResultsView, language: Language): string {
  const m = pollMessagesFor(language).csv;
  const groups = [...results.byRole, ...results.byMunicipality];
  const header: CsvCell[] = [m.topic, m.total, m.share, ...groups.map((group) => group.name)];
  const respondents: CsvCell[] = [
    m.respondents,
    results.respondents,
    null,
    ...groups.map((g) => g.respondents),
  ];
  const topics = results.topics.map((topic): CsvCell[] => [
    topic.label,
    topic.count,
    Math.round(topic.share * 1000) / 10,
    ...groups.map((group) => (group.topics === null ? null : (group.topics[topic.id] ?? 0))),
  ]);
  return toExcelCsv([header, respondents, ...topics]);
}

/** The free-text suggestions; in anonymous polls the text alone, sorted so order tells nothing. */
export function suggestionsCsv(
  poll: WishPoll,
  suggestions: readonly StoredSuggestion[],
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
): string {
  const m = pollMessagesFor(language).csv;
  if (poll.anonymous) {
    const texts = suggestions.map((s) => s.text).sort((a, b) => a.localeCompare(b, 'fi'));
    return toExcelCsv([[m.suggestion], ...texts.map((text) => [text])]);
  }
  return toExcelCsv([
    [m.suggestion, m.municipality, m.name, m.answeredAt],
    ...suggestions.map((s) => [
      s.text,
      s.municipalityId ? municipalityName(s.municipalityId, municipalities, language) : null,
      s.name ?? null,
      s.submittedAt ? formatHelsinkiDateTime(new Date(s.submittedAt), language) : null,
    ]),
  ]);
}

/** One row per answer, one column per topic (1 = chosen); only for polls that are not anonymous. */
export function answersCsv(
  poll: WishPoll,
  answers: readonly WishPollAnswer[],
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
): string {
  const m = pollMessagesFor(language).csv;
  const header: CsvCell[] = [
    m.name,
    m.municipality,
    m.roles,
    ...poll.topics.map((topic) => pickText(topic.label, language)),
    m.suggestion,
    m.answeredAt,
  ];
  const rows = answers.map((answer): CsvCell[] => [
    answer.name ?? null,
    answer.municipalityId ? municipalityName(answer.municipalityId, municipalities, language) : null,
    roleList(answer.roles, language),
    ...poll.topics.map((topic) => (answer.topicIds.includes(topic.id) ? 1 : null)),
    answer.suggestion ?? null,
    formatHelsinkiDateTime(new Date(answer.submittedAt), language),
  ]);
  return toExcelCsv([header, ...rows]);
}
