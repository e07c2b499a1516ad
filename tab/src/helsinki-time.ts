import type { Language } from './i18n';

/**
 * Helsinki time in the tab, the Finnish way in every language (`1.2.2027 klo 9.00`, `kl. 9.00`,
 * `at 9.00`), never with seconds and never in the browser's own locale; the same words the bot uses.
 * Also the reading of dates and times typed the same way.
 */
const TIME_WORD: Readonly<Record<Language, string>> = { fi: 'klo', sv: 'kl.', en: 'at' };

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

function helsinkiWall(iso: string): WallClock {
  const parts = Object.fromEntries(
    partsFormatter.formatToParts(new Date(iso)).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

const time = (hour: number, minute: number): string => `${hour}.${String(minute).padStart(2, '0')}`;

/** "20.8.2024 klo 9.00" in Helsinki time, as the bot writes it. */
export function helsinkiText(iso: string, language: Language): string {
  const wall = helsinkiWall(iso);
  return `${wall.day}.${wall.month}.${wall.year} ${TIME_WORD[language]} ${time(wall.hour, wall.minute)}`;
}

/** A date and a time as typed in the two fields of a date-time input. */
export interface DateTimeText {
  readonly date: string;
  readonly time: string;
}

/** `2027-02-01T09:00` (Helsinki wall clock, as the API takes it) → `{ date: '1.2.2027', time: '9.00' }`. */
export function dateTimeText(wallClock: string | null | undefined): DateTimeText {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wallClock ?? '');
  if (!match) return { date: '', time: '' };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { date: `${day}.${month}.${year}`, time: time(hour, minute) };
}

/** Why a typed date-time was not understood. */
export type DateTimeProblem = 'missing' | 'dateFormat' | 'noSuchDate' | 'timeFormat' | 'noSuchTime';

/**
 * Reads `1.2.2027` (also `01.02.2027`, `1.2.27`) and `9.00` (also `9:00`, `09.00`, `9`) into the
 * API's Helsinki wall-clock text; both fields empty is `null` (no value).
 */
export function parseDateTime(
  text: DateTimeText,
): { readonly value: string | null } | { readonly problem: DateTimeProblem } {
  const dateText = text.date.trim();
  const timeText = text.time.trim();
  if (dateText === '' && timeText === '') return { value: null };
  if (dateText === '' || timeText === '') return { problem: 'missing' };
  const date = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\.?$/.exec(dateText);
  if (!date) return { problem: 'dateFormat' };
  const day = Number(date[1]);
  const month = Number(date[2]);
  const year = (date[3] ?? '').length === 2 ? 2000 + Number(date[3]) : Number(date[3]);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    return { problem: 'noSuchDate' };
  }
  const clock = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(timeText);
  if (!clock) return { problem: 'timeFormat' };
  const hour = Number(clock[1]);
  const minute = Number(clock[2] ?? '0');
  if (hour > 23 || minute > 59) return { problem: 'noSuchTime' };
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return { value: `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}` };
}
