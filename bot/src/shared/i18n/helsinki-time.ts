/**
 * Helsinki wall-clock time. Everything is stored as UTC instants; conversion to and from
 * Europe/Helsinki goes through the platform's time-zone database so daylight-saving changes
 * (last Sunday of March and October) are handled without hand-written rules.
 */
import type { Language } from './language';

export const HELSINKI_TIME_ZONE = 'Europe/Helsinki';

export interface WallClock {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: HELSINKI_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

export function toHelsinkiWallClock(instant: Date): WallClock & { readonly second: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes Helsinki is ahead of UTC at the given instant (120 in winter, 180 in summer). */
export function helsinkiOffsetMinutes(instant: Date): number {
  const wall = toHelsinkiWallClock(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The UTC instant of a Helsinki wall-clock time. A time that does not exist (the skipped hour in
 * March) moves forward by the gap; an ambiguous time (the repeated hour in October) takes the first.
 */
export function fromHelsinkiWallClock(wall: WallClock): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Try the offsets in force a few hours either side; the first that maps back to the wall time wins.
  const candidates = [naive - 3 * 3600_000, naive - 2 * 3600_000];
  for (const candidate of candidates) {
    const offset = helsinkiOffsetMinutes(new Date(candidate));
    const instant = new Date(naive - offset * 60000);
    const back = toHelsinkiWallClock(instant);
    if (back.hour === wall.hour && back.minute === wall.minute && back.day === wall.day) return instant;
  }
  return new Date(naive - helsinkiOffsetMinutes(new Date(naive)) * 60000);
}

const timeWord: Record<Language, string> = { fi: 'klo', sv: 'kl.', en: 'at' };

/** `20.8.2024 klo 9.00` (fi), `20.8.2024 kl. 9.00` (sv), `20.8.2024 at 9.00` (en). */
export function formatHelsinkiDateTime(instant: Date, language: Language): string {
  const wall = toHelsinkiWallClock(instant);
  return `${formatDate(wall)} ${timeWord[language]} ${formatTime(wall)}`;
}

export function formatHelsinkiDate(instant: Date): string {
  return formatDate(toHelsinkiWallClock(instant));
}

export function formatHelsinkiTime(instant: Date): string {
  return formatTime(toHelsinkiWallClock(instant));
}

/** `20.8.2024 klo 9.00–16.00`, or with both dates when the range spans days. */
export function formatHelsinkiRange(start: Date, end: Date, language: Language): string {
  const a = toHelsinkiWallClock(start);
  const b = toHelsinkiWallClock(end);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  if (sameDay) return `${formatDate(a)} ${timeWord[language]} ${formatTime(a)}–${formatTime(b)}`;
  return `${formatHelsinkiDateTime(start, language)} – ${formatHelsinkiDateTime(end, language)}`;
}

const weekdayNames: Record<Language, readonly string[]> = {
  fi: ['su', 'ma', 'ti', 'ke', 'to', 'pe', 'la'],
  sv: ['sö', 'må', 'ti', 'on', 'to', 'fr', 'lö'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

export function helsinkiWeekday(instant: Date, language: Language): string {
  const wall = toHelsinkiWallClock(instant);
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return weekdayNames[language][weekday] ?? '';
}

function formatDate(wall: WallClock): string {
  return `${wall.day}.${wall.month}.${wall.year}`;
}

function formatTime(wall: WallClock): string {
  return `${wall.hour}.${String(wall.minute).padStart(2, '0')}`;
}

/** `2024-08-20T09:00`: Helsinki wall-clock time as a `datetime-local` input shows it. */
export function toWallClockText(instant: Date): string {
  const wall = toHelsinkiWallClock(instant);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** Minutes, optionally with `:00` seconds (some browsers add them to a `datetime-local` value). */
export const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00(?:\.0+)?)?$/;

/** The UTC instant of a Helsinki wall-clock text, or undefined when it names no real date. */
export function fromWallClockText(text: string): Date | undefined {
  const match = WALL_CLOCK_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  if (
    calendarDay.getUTCFullYear() !== year ||
    calendarDay.getUTCMonth() !== month - 1 ||
    calendarDay.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    return undefined;
  }
  return fromHelsinkiWallClock({ year, month, day, hour, minute });
}
