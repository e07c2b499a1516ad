import contentDisposition from 'content-disposition';
import { stringify } from 'csv-stringify/sync';
import { roleList } from '../shared/roles';
import type { Municipality } from '../shared/municipality';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import { pollMessagesFor } from './poll-messages';
import type { StoredSuggestion } from './wish-poll-repository';
import type { WishPoll, WishPollAnswer } from './wish-poll';
import type { WishPollResultsView } from './wish-poll-contracts';
import { municipalityName } from './wish-poll-results';

/**
 * CSV that opens correctly in Excel with Finnish settings by double-click: UTF-8 with a byte-order
 * mark (without it Excel reads ä and ö as two characters each), `;` between fields (the list
 * separator under Finnish and Swedish regional settings, where `,` is the decimal separator),
 * CRLF line ends, and every field quoted. csv-stringify (the CSV project's writer, which restify
 * itself depends on) does the quoting and escaping; the Excel-specific choices are ours.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type CsvCell = string | number | null;

export function toExcelCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      quoted: true,
      quoted_empty: true,
      cast: { number: formatNumber, string: neutraliseFormula },
    },
  );
}

/** Decimal comma, as Finnish Excel reads numbers. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
}

/**
 * Text a participant typed that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) would be run by
 * Excel; a leading apostrophe makes Excel show it as text (OWASP's advice for CSV injection).
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

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

/**
 * `Content-Disposition` for a download: the exact name in RFC 5987 form, written by
 * content-disposition (jshttp, Express's), and an ASCII fallback of our own for old clients, with
 * accents dropped rather than replaced by `?` (`Kyselyä.csv` falls back to `Kyselya.csv`).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return contentDisposition(fileName, { type: 'attachment', fallback });
}
