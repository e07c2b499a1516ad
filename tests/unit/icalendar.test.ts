/*
 * The output is read back with ical.js, a real RFC 5545 parser, rather than compared with strings:
 * what matters is what a calendar client understands. ical.js 2 is an ES module at its main entry,
 * but its package.json maps the `require` condition to a bundled CommonJS build
 * (`dist/ical.es5.cjs`), which jest's resolver honours. So the ordinary default import works under
 * jest with swc's CommonJS output, with no ESM flags, child processes or config changes.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import {
  buildCalendar,
  calendarFileName,
  calendarMimeType,
  CalendarInputError,
  eventUid,
  foldLine,
  type CalendarEvent,
  type CalendarMethod,
  type CalendarOptions,
} from '../../bot/src/shared/icalendar';

const dtstamp = new Date('2025-03-01T10:15:30.456Z');
const options: CalendarOptions = { dtstamp };
const organizer = { name: 'Kuntaliitto, verkoston koordinaattori', email: 'koordinaattori@kuntaliitto.fi' };
const attendees = [
  { name: 'Åsa Öberg', email: 'asa.oberg@kunta.example.fi' },
  { name: 'Matti Mäkelä', email: 'matti.makela@toinen.example.fi' },
];
const teamsLink =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjM3YTk%40thread.v2/0?context=%7b%22Tid%22%3a%22abc%22%2c%22Oid%22%3a%22def%22%7d';

function workshop(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: eventUid('development-workshop', 'round-2/workshop-1', 'digiverkosto.example.fi'),
    sequence: 0,
    title: 'Kehittämispaja 1',
    startsAt: new Date('2025-01-15T07:00:00Z'),
    endsAt: new Date('2025-01-15T10:00:00Z'),
    ...overrides,
  };
}

function leadershipDiscussion(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return workshop({
    uid: eventUid('leadership-discussion', 'round-2/group-3/1', 'digiverkosto.example.fi'),
    title: 'Ylimmän johdon vertaiskeskustelu, ryhmä 3',
    url: teamsLink,
    organizer,
    attendees,
    ...overrides,
  });
}

/** Parses with ical.js, resolving TZID=Europe/Helsinki through the VTIMEZONE in the output only. */
function parse(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = ICAL.Component.fromString(text);
  ICAL.TimezoneService.reset();
  expect(ICAL.TimezoneService.has('Europe/Helsinki')).toBe(false);
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone === null) throw new Error('no VTIMEZONE in the calendar');
  ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { calendar, events };
}

function onlyEvent(text: string): ICAL.Event {
  const { events } = parse(text);
  expect(events).toHaveLength(1);
  return events[0];
}

function utc(time: ICAL.Time): string {
  return time.toJSDate().toISOString();
}

function unfold(text: string): string {
  return text.replace(/\r\n /g, '');
}

function contentLines(text: string): string[] {
  return unfold(text).split('\r\n');
}

afterEach(() => ICAL.TimezoneService.reset());

describe('iCalendar for Outlook', () => {
  it('puts workshops on either side of the March change at the planned Helsinki time', () => {
    const saturday = workshop({
      uid: 'sat',
      startsAt: new Date('2025-03-29T08:00:00Z'),
      endsAt: new Date('2025-03-29T10:00:00Z'),
    });
    const monday = workshop({
      uid: 'mon',
      startsAt: new Date('2025-03-31T07:00:00Z'),
      endsAt: new Date('2025-03-31T09:00:00Z'),
    });
    const ics = buildCalendar('PUBLISH', [saturday, monday], options);

    // Both are 10.00 in Helsinki, written as wall-clock time with the zone.
    const starts = contentLines(ics).filter((line) => line.startsWith('DTSTART;'));
    expect(starts).toEqual([
      'DTSTART;TZID=Europe/Helsinki:20250329T100000',
      'DTSTART;TZID=Europe/Helsinki:20250331T100000',
    ]);
    const { events } = parse(ics);
    expect(events.map((event) => utc(event.startDate))).toEqual([
      '2025-03-29T08:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
    ]);
    expect(events.map((event) => utc(event.endDate))).toEqual([
      '2025-03-29T10:00:00.000Z',
      '2025-03-31T09:00:00.000Z',
    ]);
  });

  it('puts workshops on either side of the October change at the planned Helsinki time', () => {
    const saturday = workshop({
      uid: 'sat',
      startsAt: new Date('2025-10-25T07:00:00Z'),
      endsAt: new Date('2025-10-25T09:00:00Z'),
    });
    const monday = workshop({
      uid: 'mon',
      startsAt: new Date('2025-10-27T08:00:00Z'),
      endsAt: new Date('2025-10-27T10:00:00Z'),
    });
    const ics = buildCalendar('PUBLISH', [saturday, monday], options);

    expect(contentLines(ics).filter((line) => line.startsWith('DTSTART;'))).toEqual([
      'DTSTART;TZID=Europe/Helsinki:20251025T100000',
      'DTSTART;TZID=Europe/Helsinki:20251027T100000',
    ]);
    const { events } = parse(ics);
    expect(events.map((event) => utc(event.startDate))).toEqual([
      '2025-10-25T07:00:00.000Z',
      '2025-10-27T08:00:00.000Z',
    ]);
  });

  it('gives the parser the right instant for every half hour around the changes and every day of the year', () => {
    const instants: number[] = [];
    for (const [from, to] of [
      ['2025-03-29T00:00:00Z', '2025-03-31T00:00:00Z'],
      ['2025-10-25T00:00:00Z', '2025-10-27T00:00:00Z'],
      ['2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'],
    ] as const) {
      for (let t = Date.parse(from); t < Date.parse(to); t += 1800_000) instants.push(t);
    }
    for (let t = Date.UTC(2024, 7, 1, 7, 30); t < Date.UTC(2026, 0, 1); t += 86_400_000) instants.push(t);
    const events = instants.map((t, index) =>
      workshop({ uid: `event-${index}`, startsAt: new Date(t), endsAt: new Date(t + 5400_000) }),
    );

    const parsed = parse(buildCalendar('PUBLISH', events, options)).events;

    expect(parsed.map((event) => utc(event.startDate))).toEqual(
      instants.map((t) => new Date(t).toISOString()),
    );
    expect(parsed.map((event) => utc(event.endDate))).toEqual(
      instants.map((t) => new Date(t + 5400_000).toISOString()),
    );
  });

  it('writes the repeated October hour in UTC, since readers disagree on which occurrence a local time means', () => {
    const ics = buildCalendar(
      'PUBLISH',
      [
        workshop({
          uid: 'first',
          startsAt: new Date('2025-10-26T00:30:00Z'),
          endsAt: new Date('2025-10-26T03:00:00Z'),
        }),
        workshop({
          uid: 'second',
          startsAt: new Date('2025-10-26T01:30:00Z'),
          endsAt: new Date('2025-10-26T03:00:00Z'),
        }),
        workshop({
          uid: 'after',
          startsAt: new Date('2025-10-26T02:00:00Z'),
          endsAt: new Date('2025-10-26T03:00:00Z'),
        }),
      ],
      options,
    );
    // 03.30 EEST and 03.30 EET; 02.00Z is 04.00 EET, which happens once.
    expect(contentLines(ics).filter((line) => /^DTSTART.*2025/.test(line))).toEqual([
      'DTSTART:20251026T003000Z',
      'DTSTART:20251026T013000Z',
      'DTSTART;TZID=Europe/Helsinki:20251026T040000',
    ]);
    expect(contentLines(ics)).toContain('DTEND;TZID=Europe/Helsinki:20251026T050000');
  });

  it('writes UTC where the VTIMEZONE it sends and the time-zone database disagree (1982: summer time ended in September)', () => {
    const ics = buildCalendar(
      'PUBLISH',
      [
        workshop({
          uid: 'old',
          startsAt: new Date('1982-10-10T12:00:00Z'),
          endsAt: new Date('1982-10-10T13:00:00Z'),
        }),
        workshop({
          uid: 'new',
          startsAt: new Date('2026-10-11T11:00:00Z'),
          endsAt: new Date('2026-10-11T12:00:00Z'),
        }),
      ],
      options,
    );
    expect(contentLines(ics).filter((line) => /^DTSTART.*(1982|2026)/.test(line))).toEqual([
      'DTSTART:19821010T120000Z',
      'DTSTART;TZID=Europe/Helsinki:20261011T140000',
    ]);
  });

  it('describes Europe/Helsinki with the EU rules: changes at 01.00 UTC on the last Sundays of March and October', () => {
    const { calendar } = parse(buildCalendar('PUBLISH', [workshop()], options));
    const vtimezone = calendar.getFirstSubcomponent('vtimezone');
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    const zone = ICAL.TimezoneService.get('Europe/Helsinki');
    if (zone === undefined || zone === null) throw new Error('zone not registered');
    // Local time to offset, the direction a reader of DTSTART;TZID uses. (The reverse, convertToZone,
    // misplaces the change by an hour in ical.js whatever the VTIMEZONE: kewisch/ical.js#847.)
    const offsetAt = (year: number, month: number, day: number, hour: number, minute: number): number =>
      zone.utcOffset(ICAL.Time.fromData({ year, month, day, hour, minute, second: 0 })) / 60;
    expect(offsetAt(2025, 3, 30, 2, 59)).toBe(120); // 00.59Z
    expect(offsetAt(2025, 3, 30, 4, 0)).toBe(180); // 01.00Z
    expect(offsetAt(2025, 10, 26, 2, 59)).toBe(180); // 23.59Z the day before
    expect(offsetAt(2025, 10, 26, 4, 0)).toBe(120); // 02.00Z
    expect(offsetAt(2030, 3, 31, 4, 0)).toBe(180);
    expect(offsetAt(2030, 10, 27, 4, 0)).toBe(120);

    const daylight = vtimezone?.getFirstSubcomponent('daylight');
    const standard = vtimezone?.getFirstSubcomponent('standard');
    expect(daylight?.getFirstPropertyValue('tzname')).toBe('EEST');
    expect(standard?.getFirstPropertyValue('tzname')).toBe('EET');
    expect(String(daylight?.getFirstPropertyValue('rrule'))).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(String(standard?.getFirstPropertyValue('rrule'))).toBe('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
  });

  it('starts with the calendar header and stamps each event in UTC', () => {
    const ics = buildCalendar('PUBLISH', [workshop()], { ...options, calendarName: 'Digiverkosto' });
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Digiverkosto/);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(contentLines(ics)).toContain('DTSTAMP:20250301T101530Z');
    expect(utc(events[0].component.getFirstPropertyValue('dtstamp') as ICAL.Time)).toBe(
      '2025-03-01T10:15:30.000Z',
    );
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Digiverkosto');
  });

  it('publishes an add-to-calendar file without attendees, busy in Outlook', () => {
    const ics = buildCalendar('PUBLISH', [leadershipDiscussion()], options);
    const event = onlyEvent(ics);
    expect(event.attendees).toEqual([]);
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.component.getFirstPropertyValue('x-microsoft-cdo-busystatus')).toBe('BUSY');
    expect(event.component.getFirstPropertyValue('transp')).toBe('OPAQUE');
  });

  it('invites a leadership small group with the organizer, attendees asked to reply, and the Teams link', () => {
    const ics = buildCalendar('REQUEST', [leadershipDiscussion()], options);
    const { calendar, events } = parse(ics);
    const [event] = events;
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('leadership-discussion.round-2%2Fgroup-3%2F1@digiverkosto.example.fi');
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Ylimmän johdon vertaiskeskustelu, ryhmä 3');

    const organizerProperty = event.component.getFirstProperty('organizer');
    expect(organizerProperty?.getFirstValue()).toBe('mailto:koordinaattori@kuntaliitto.fi');
    expect(organizerProperty?.getParameter('cn')).toBe('Kuntaliitto, verkoston koordinaattori');

    expect(
      event.attendees.map((attendee) => ({
        address: attendee.getFirstValue() as string,
        name: attendee.getParameter('cn'),
        rsvp: attendee.getParameter('rsvp'),
        partstat: attendee.getParameter('partstat'),
        role: attendee.getParameter('role'),
      })),
    ).toEqual([
      {
        address: 'mailto:asa.oberg@kunta.example.fi',
        name: 'Åsa Öberg',
        rsvp: 'TRUE',
        partstat: 'NEEDS-ACTION',
        role: 'REQ-PARTICIPANT',
      },
      {
        address: 'mailto:matti.makela@toinen.example.fi',
        name: 'Matti Mäkelä',
        rsvp: 'TRUE',
        partstat: 'NEEDS-ACTION',
        role: 'REQ-PARTICIPANT',
      },
    ]);
    expect(event.component.getFirstPropertyValue('url')).toBe(teamsLink);
    expect(event.component.getFirstPropertyValue('x-microsoft-skypeteamsmeetingurl')).toBe(teamsLink);
    expect(event.component.getFirstPropertyValue('x-microsoft-cdo-busystatus')).toBe('BUSY');
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('sends an update under the same UID with the sequence raised', () => {
    const first = onlyEvent(buildCalendar('REQUEST', [leadershipDiscussion()], options));
    const moved = leadershipDiscussion({
      sequence: 1,
      startsAt: new Date('2025-01-16T07:00:00Z'),
      endsAt: new Date('2025-01-16T08:30:00Z'),
    });
    const update = onlyEvent(buildCalendar('REQUEST', [moved], options));
    expect(update.uid).toBe(first.uid);
    expect(update.sequence).toBe(1);
    expect(utc(update.startDate)).toBe('2025-01-16T07:00:00.000Z');
  });

  it('cancels under the same UID, marked cancelled and free, without a reminder', () => {
    const cancelled = leadershipDiscussion({ sequence: 2 });
    const ics = buildCalendar('CANCEL', [cancelled], { ...options, reminderMinutesBefore: 15 });
    const { calendar, events } = parse(ics);
    const [event] = events;
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(cancelled.uid);
    expect(event.sequence).toBe(2);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.component.getFirstPropertyValue('x-microsoft-cdo-busystatus')).toBe('FREE');
    expect(event.component.getFirstSubcomponent('valarm')).toBeNull();
    expect(event.attendees.map((attendee) => attendee.getFirstValue())).toEqual([
      'mailto:asa.oberg@kunta.example.fi',
      'mailto:matti.makela@toinen.example.fi',
    ]);
  });

  it('adds a display reminder before the event when asked', () => {
    const ics = buildCalendar('PUBLISH', [workshop()], { ...options, reminderMinutesBefore: 15 });
    const alarm = onlyEvent(ics).component.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm?.getFirstPropertyValue('description')).toBe('Kehittämispaja 1');
    const trigger = alarm?.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-15 * 60);
    expect(contentLines(ics)).toContain('TRIGGER;RELATED=START:-PT15M');

    const longer = buildCalendar('PUBLISH', [workshop()], {
      ...options,
      reminderMinutesBefore: 24 * 60 + 90,
      reminderText: 'Muista ennakkotehtävä',
    });
    const longAlarm = onlyEvent(longer).component.getFirstSubcomponent('valarm');
    expect((longAlarm?.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(
      -(24 * 60 + 90) * 60,
    );
    expect(longAlarm?.getFirstPropertyValue('description')).toBe('Muista ennakkotehtävä');
    expect(
      onlyEvent(buildCalendar('PUBLISH', [workshop()], options)).component.getFirstSubcomponent('valarm'),
    ).toBeNull();
  });

  it('keeps text with ; , \\ newlines and ä, ö, å intact through escaping', () => {
    const tricky = 'Paja: johtaminen; osaaminen, hankinnat \\ lainsäädäntö\nRivi 2 – åäö ÅÄÖ\r\nRivi 3';
    const ics = buildCalendar(
      'REQUEST',
      [
        leadershipDiscussion({
          title: tricky,
          description: `${tricky}\n\nEnnakkotehtävä: "digitiekartta", 1; 2, 3`,
          location: 'Kuntatalo, Toinen linja 14; Helsinki',
          organizer: { name: 'Koordinaattori; "Kuntaliitto": FCG, Ab', email: 'k@kuntaliitto.fi' },
        }),
      ],
      options,
    );
    const event = onlyEvent(ics);
    const normalised = tricky.replace(/\r\n/g, '\n');
    expect(event.summary).toBe(normalised);
    expect(event.description).toBe(`${normalised}\n\nEnnakkotehtävä: "digitiekartta", 1; 2, 3`);
    expect(event.location).toBe('Kuntatalo, Toinen linja 14; Helsinki');
    expect(event.component.getFirstProperty('organizer')?.getParameter('cn')).toBe(
      "Koordinaattori; 'Kuntaliitto': FCG, Ab",
    );
    expect(contentLines(ics)).toContain(
      'SUMMARY:Paja: johtaminen\\; osaaminen\\, hankinnat \\\\ lainsäädäntö\\nRivi 2 – åäö ÅÄÖ\\nRivi 3',
    );
    expect(Buffer.from(ics, 'utf8').includes(Buffer.from('lainsäädäntö', 'utf8'))).toBe(true);
  });

  it('uses CRLF everywhere and folds every line at 75 octets without cutting a character', () => {
    const long = `${'ä'.repeat(50)} ${'å'.repeat(3)}€𝄞${'x'.repeat(7)}😀`.repeat(4);
    const ics = buildCalendar(
      'REQUEST',
      [leadershipDiscussion({ title: long, description: long, location: long })],
      { ...options, reminderMinutesBefore: 30 },
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    const physical = ics.slice(0, -2).split('\r\n');
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A cut inside a surrogate pair or a UTF-8 sequence would not survive the round trip.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toMatch(/^ {2}/);
    }
    const event = onlyEvent(ics);
    expect(event.summary).toBe(long);
    expect(event.description).toBe(long);
    expect(event.location).toBe(long);
  });

  it('folds any text so that unfolding restores it and no line passes 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (value) => {
        const folded = foldLine(`DESCRIPTION:${value}`);
        for (const line of folded.split('\r\n')) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        }
        expect(unfold(folded)).toBe(`DESCRIPTION:${value}`);
      }),
    );
  });

  it('round-trips any text in the title and description through the parser', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (value) => {
        const ics = buildCalendar('PUBLISH', [workshop({ title: value, description: value })], options);
        const event = onlyEvent(ics);
        // Control characters cannot appear in TEXT; newlines come back as LF.
        // eslint-disable-next-line no-control-regex
        const expected = value.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        expect(event.summary).toBe(expected);
        expect(event.description).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects invitations that calendar clients could not act on', () => {
    const build = (method: CalendarMethod, event: CalendarEvent) => () =>
      buildCalendar(method, [event], options);
    expect(build('REQUEST', workshop({ attendees }))).toThrow(CalendarInputError);
    expect(build('REQUEST', workshop({ organizer }))).toThrow(/needs attendees/);
    expect(build('CANCEL', workshop({ attendees }))).toThrow(/needs an organizer/);
    expect(build('PUBLISH', workshop({ endsAt: new Date('2025-01-15T06:00:00Z') }))).toThrow(/ends before/);
    expect(build('PUBLISH', workshop({ sequence: -1 }))).toThrow(/sequence/);
    expect(build('PUBLISH', workshop({ url: 'javascript:alert(1)' }))).toThrow(/url/);
    expect(
      build('REQUEST', leadershipDiscussion({ attendees: [{ name: 'X', email: 'x@y.fi\r\nATTENDEE:z' }] })),
    ).toThrow(/email/);
    expect(() =>
      buildCalendar('REQUEST', [leadershipDiscussion(), leadershipDiscussion({ uid: 'other' })], options),
    ).toThrow(/one event UID/);
    expect(() => buildCalendar('PUBLISH', [], options)).toThrow(CalendarInputError);
  });

  it('derives the same UID for the same programme item, and different UIDs otherwise', () => {
    const uid = eventUid('leadership-discussion', 'r2/g3', 'Digiverkosto.Example.fi');
    expect(uid).toBe(eventUid('leadership-discussion', 'r2/g3', 'digiverkosto.example.fi'));
    expect(uid).toBe('leadership-discussion.r2%2Fg3@digiverkosto.example.fi');
    const uids = new Set([
      eventUid('workshop', 'a-b', 'example.fi'),
      eventUid('workshop-a', 'b', 'example.fi'),
      eventUid('workshop', 'a.b', 'example.fi'),
      eventUid('workshop', 'a@b', 'example.fi'),
      eventUid('workshop', 'a', 'b.example.fi'),
    ]);
    expect(uids.size).toBe(5);
    expect(() => eventUid('Workshop', 'x', 'example.fi')).toThrow(CalendarInputError);
    expect(() => eventUid('workshop', '', 'example.fi')).toThrow(CalendarInputError);
    expect(() => eventUid('workshop', 'x', 'not a domain')).toThrow(CalendarInputError);
  });

  it('names the download safely and labels it for mail clients', () => {
    expect(calendarFileName('Kehittämispaja 2/3: Åbo & Vöyri')).toBe('kehittamispaja-2-3-abo-voyri.ics');
    expect(calendarFileName('«»')).toBe('event.ics');
    expect(calendarFileName('a'.repeat(200))).toMatch(/^a{60}\.ics$/);
    expect(calendarMimeType('REQUEST')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(calendarMimeType('CANCEL')).toBe('text/calendar; charset=utf-8; method=CANCEL');
  });
});
