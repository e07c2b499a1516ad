/**
 * iCalendar (RFC 5545) objects for Outlook and other calendar clients: "add to calendar" files for
 * programme events (METHOD:PUBLISH) and invitations, updates and cancellations for the top-management
 * small groups (METHOD:REQUEST / CANCEL, RFC 5546). Pure functions: the caller supplies the time the
 * object is produced, so the same input always gives the same text.
 */
import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { HELSINKI_TIME_ZONE, helsinkiOffsetMinutes, toHelsinkiWallClock } from './i18n/helsinki-time';

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
  /** An attendee's answer as known (REQUEST only); only those who have not answered are asked to. */
  readonly partstat?: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED';
}

export interface CalendarEvent {
  /** Stable across updates and the cancellation; see {@link eventUid}. */
  readonly uid: string;
  /** 0 for the first invitation; raise it on every update and on the cancellation. */
  readonly sequence: number;
  readonly title: string;
  readonly description?: string;
  readonly location?: string;
  /** The online meeting link (Teams); written as URL and X-MICROSOFT-SKYPETEAMSMEETINGURL. */
  readonly url?: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly organizer?: CalendarPerson;
  /** Written only for REQUEST and CANCEL: RFC 5546 allows no attendees in a PUBLISH. */
  readonly attendees?: readonly CalendarPerson[];
  /** Defaults to CONFIRMED; a CANCEL is always CANCELLED. */
  readonly status?: 'CONFIRMED' | 'CANCELLED';
  /** Shown as free time (the reader declined), as a cancelled event always is. */
  readonly free?: boolean;
  readonly lastModified?: Date;
}

export interface CalendarOptions {
  /** The instant this calendar object is produced (DTSTAMP of every event), usually `clock()`. */
  readonly dtstamp: Date;
  /** Adds a display reminder this many minutes before each event; never added to a cancellation. */
  readonly reminderMinutesBefore?: number;
  /** The reminder's text; defaults to the event title. */
  readonly reminderText?: string;
  /** Shown by some clients as the name of a subscribed or imported calendar (X-WR-CALNAME). */
  readonly calendarName?: string;
}

/** Input that cannot become a valid calendar object; a programming error, not a user error. */
export class CalendarInputError extends Error {
  override readonly name = 'CalendarInputError';
}

export const CALENDAR_PRODUCT_ID = '-//Kuntaliitto//Digiverkosto Teams app//FI';

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/**
 * Europe/Helsinki as a VTIMEZONE, from timezones-ical-library, which generates it from the IANA
 * time-zone database and is released when that changes; it is no longer written out here by hand.
 * The same block, read by ical.js, tells which offset a calendar client will apply (see
 * {@link dateTimeLine}).
 */
const HELSINKI_VTIMEZONE_BLOCK = helsinkiVtimezoneBlock();
const HELSINKI_VTIMEZONE: readonly string[] = HELSINKI_VTIMEZONE_BLOCK.split(/\r?\n/).filter(
  (line) => line !== '',
);
const HELSINKI_ZONE = new ICAL.Timezone(
  ICAL.Component.fromString(
    `BEGIN:VCALENDAR\r\n${HELSINKI_VTIMEZONE_BLOCK}\r\nEND:VCALENDAR`,
  ).getFirstSubcomponent('vtimezone') ?? failNoZone(),
);

function helsinkiVtimezoneBlock(): string {
  const found = tzlib_get_ical_block(HELSINKI_TIME_ZONE);
  const block: unknown = Array.isArray(found) ? found[0] : undefined;
  if (typeof block !== 'string' || !block.startsWith('BEGIN:VTIMEZONE')) failNoZone();
  return block;
}

function failNoZone(): never {
  throw new Error(`timezones-ical-library has no VTIMEZONE for ${HELSINKI_TIME_ZONE}`);
}

/**
 * The whole iCalendar text (CRLF line endings, folded at 75 octets) for one or more events.
 * REQUEST and CANCEL need an organizer and at least one attendee, and carry a single UID as RFC 5546
 * requires; PUBLISH may carry several events.
 */
export function buildCalendar(
  method: CalendarMethod,
  events: readonly CalendarEvent[],
  options: CalendarOptions,
): string {
  validate(method, events, options);
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${escapeText(CALENDAR_PRODUCT_ID)}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...(options.calendarName === undefined ? [] : [`X-WR-CALNAME:${escapeText(options.calendarName)}`]),
    ...HELSINKI_VTIMEZONE,
    ...events.flatMap((event) => eventLines(method, event, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A UID that stays the same for the same programme item, so an update or a cancellation replaces
 * the entry already in the recipient's calendar: `kind.id@domain`, with `id` percent-encoded.
 */
/** The UID domain of the network's own calendar entries (events, registrations, group meetings). */
export const EVENT_UID_DOMAIN = 'digiverkosto.kuntaliitto.fi';

export function eventUid(kind: string, id: string, domain: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) {
    throw new CalendarInputError(`UID kind must be lowercase letters, digits and hyphens: ${kind}`);
  }
  if (id === '') throw new CalendarInputError('UID id must not be empty');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(domain)) {
    throw new CalendarInputError(`UID domain must be a host name: ${domain}`);
  }
  // The kind cannot contain '.' and the encoded id cannot contain '@', so distinct inputs never meet.
  return `${kind}.${encodeURIComponent(id)}@${domain.toLowerCase()}`;
}

/** The Content-Type for a calendar object sent with the given method, e.g. as an email attachment. */
export function calendarMimeType(method: CalendarMethod): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}

/**
 * A file name safe on every platform and in a Content-Disposition header: ASCII letters, digits and
 * hyphens with the `.ics` extension (`Kehittämispaja 2/3` becomes `kehittamispaja-2-3.ics`).
 */
export function calendarFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `${base === '' ? 'event' : base}.ics`;
}

/** TEXT value escaping (RFC 5545 3.3.11); control characters other than newlines are dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/**
 * Splits a content line into lines of at most 75 octets of UTF-8 (RFC 5545 3.1), continuation lines
 * starting with one space. Splits fall between code points, so no character is ever cut in two.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function eventLines(method: CalendarMethod, event: CalendarEvent, options: CalendarOptions): string[] {
  const cancelled = method === 'CANCEL' || event.status === 'CANCELLED';
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtc(options.dtstamp)}`,
    dateTimeLine('DTSTART', event.startsAt),
    dateTimeLine('DTEND', event.endsAt),
    `SUMMARY:${escapeText(event.title)}`,
  ];
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location !== undefined) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url !== undefined) {
    const url = new URL(event.url).href;
    lines.push(`URL:${url}`);
    // An X- property's value is TEXT by default, so a conforming reader unescapes it.
    lines.push(`X-MICROSOFT-SKYPETEAMSMEETINGURL:${escapeText(url)}`);
  }
  if (event.organizer !== undefined) {
    lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:${mailto(event.organizer)}`);
  }
  if (method !== 'PUBLISH') {
    for (const attendee of event.attendees ?? []) {
      const partstat = attendee.partstat ?? 'NEEDS-ACTION';
      const reply =
        method === 'REQUEST' ? `;PARTSTAT=${partstat}${partstat === 'NEEDS-ACTION' ? ';RSVP=TRUE' : ''}` : '';
      lines.push(
        `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT${reply};CN=${paramValue(attendee.name)}:${mailto(attendee)}`,
      );
    }
  }
  lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
  // Outlook shows a cancelled meeting as free time, as its own cancellations do.
  const free = cancelled || event.free === true;
  lines.push(`TRANSP:${free ? 'TRANSPARENT' : 'OPAQUE'}`);
  lines.push(`X-MICROSOFT-CDO-BUSYSTATUS:${free ? 'FREE' : 'BUSY'}`);
  if (event.lastModified !== undefined) lines.push(`LAST-MODIFIED:${formatUtc(event.lastModified)}`);
  if (options.reminderMinutesBefore !== undefined && !cancelled) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER;RELATED=START:${reminderTrigger(options.reminderMinutesBefore)}`,
      `DESCRIPTION:${escapeText(options.reminderText ?? event.title)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/**
 * Helsinki wall-clock time with TZID, so clients show the time as planned. Falls back to UTC where
 * a local time would be read wrongly. One case is both occurrences of the repeated hour in October
 * (03.00-03.59): RFC 5545 says a reader takes the first occurrence, but ical.js takes the second, so
 * readers disagree. The other is any instant where the VTIMEZONE we send gives another offset than
 * the time-zone database of this Node.js (before 1996, or when one of them is out of date after a
 * change of the rules).
 */
function dateTimeLine(name: 'DTSTART' | 'DTEND', instant: Date): string {
  const offset = helsinkiOffsetMinutes(instant);
  if (inRepeatedHour(instant) || offsetByVtimezone(instant) !== offset) {
    return `${name}:${formatUtc(instant)}`;
  }
  const wall = toHelsinkiWallClock(instant);
  const local =
    `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}` +
    `T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
  return `${name};TZID=${HELSINKI_TIME_ZONE}:${local}`;
}

/**
 * True when the Helsinki wall-clock time of an instant occurs twice: within an hour before or after
 * the clocks go back. Read from the time-zone database, so it follows any change of the rules.
 */
function inRepeatedHour(instant: Date): boolean {
  const hour = 3600_000;
  const offset = helsinkiOffsetMinutes(instant);
  return (
    helsinkiOffsetMinutes(new Date(instant.getTime() + hour)) < offset ||
    helsinkiOffsetMinutes(new Date(instant.getTime() - hour)) > offset
  );
}

/** The offset in minutes that a client applying our VTIMEZONE gives the instant. */
function offsetByVtimezone(instant: Date): number {
  return ICAL.Time.fromJSDate(instant, true).convertToZone(HELSINKI_ZONE).utcOffset() / 60;
}

function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `-PT15M`, `-PT1H30M`, `-P1D`: RFC 5545 durations have no minutes-only form beyond an hour. */
function reminderTrigger(minutesBefore: number): string {
  if (minutesBefore === 0) return 'PT0M';
  const days = Math.floor(minutesBefore / 1440);
  const hours = Math.floor((minutesBefore % 1440) / 60);
  const minutes = minutesBefore % 60;
  const time = (hours > 0 ? `${hours}H` : '') + (minutes > 0 ? `${minutes}M` : '');
  return `-P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`;
}

/**
 * A parameter value is quoted (commas, colons and semicolons are then literal); a double quote
 * cannot appear even quoted, and Outlook does not read RFC 6868 escapes, so it becomes a single one.
 */
function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/"/g, "'");
  return `"${cleaned}"`;
}

function mailto(person: CalendarPerson): string {
  return `mailto:${person.email}`;
}

function validate(method: CalendarMethod, events: readonly CalendarEvent[], options: CalendarOptions): void {
  const problems: string[] = [];
  if (events.length === 0) problems.push('a calendar needs at least one event');
  if (Number.isNaN(options.dtstamp.getTime())) problems.push('dtstamp is not a valid date');
  const reminder = options.reminderMinutesBefore;
  if (reminder !== undefined && !(Number.isInteger(reminder) && reminder >= 0)) {
    problems.push('reminderMinutesBefore must be a whole number of minutes, zero or more');
  }
  if (method !== 'PUBLISH' && new Set(events.map((event) => event.uid)).size > 1) {
    problems.push(`a ${method} carries one event UID`);
  }
  for (const event of events) {
    const label = `event ${event.uid}`;
    if (event.uid.trim() === '') problems.push('an event has an empty UID');
    if (!(Number.isInteger(event.sequence) && event.sequence >= 0)) {
      problems.push(`${label}: sequence must be a whole number, zero or more`);
    }
    const start = event.startsAt.getTime();
    const end = event.endsAt.getTime();
    if (Number.isNaN(start) || Number.isNaN(end)) problems.push(`${label}: start or end is not a valid date`);
    else if (end <= start) problems.push(`${label}: ends before it starts`);
    if (event.lastModified !== undefined && Number.isNaN(event.lastModified.getTime())) {
      problems.push(`${label}: lastModified is not a valid date`);
    }
    if (event.url !== undefined && !isWebUrl(event.url)) problems.push(`${label}: url must be http(s)`);
    const people = [...(event.organizer === undefined ? [] : [event.organizer]), ...(event.attendees ?? [])];
    for (const person of people) {
      if (!isEmailAddress(person.email)) problems.push(`${label}: not an email address: ${person.email}`);
    }
    if (method !== 'PUBLISH') {
      if (event.organizer === undefined) problems.push(`${label}: a ${method} needs an organizer`);
      if ((event.attendees ?? []).length === 0) problems.push(`${label}: a ${method} needs attendees`);
    }
  }
  if (problems.length > 0) throw new CalendarInputError(problems.join('; '));
}

function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/** Strict enough that the address can go into a mailto: URI and a quoted parameter unescaped. */
function isEmailAddress(value: string): boolean {
  return /^[^\s"<>()[\]\\,;:@]+@[^\s"<>()[\]\\,;:@]+\.[^\s"<>()[\]\\,;:@]+$/.test(value);
}
