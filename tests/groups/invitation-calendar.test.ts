/**
 * The invitation file of a group meeting, read back with ical.js (a real RFC 5545 parser), and the
 * signed calendar links.
 */
import ICAL from 'ical.js';
import type { Municipality } from '../../bot/src/shared/municipality';
import type { ProgrammeEvent } from '../../bot/src/shared/programme-event';
import { buildInvitationFile, DEFAULT_ORGANIZER } from '../../bot/src/groups/invitation-calendar';
import type { PeerMeeting } from '../../bot/src/groups/peer-group-model';

const event: ProgrammeEvent = {
  roundId: 'round-2',
  id: 'leadership-1',
  type: 'leadershipDiscussion',
  title: {
    fi: 'Ylimmän johdon vertaiskeskustelu 1',
    sv: 'Kamratsamtal för högsta ledningen 1',
    en: 'Top-management peer discussion 1',
  },
  description: undefined,
  startsAt: '2025-10-24T11:00:00.000Z',
  endsAt: '2025-10-24T12:30:00.000Z',
  place: undefined,
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/round-2/leadership-1',
  audienceRoles: ['leadership'],
  municipalityId: undefined,
  inPersonQuota: undefined,
  preAssignment: {
    text: {
      fi: 'Valmistele yksi esimerkki; tuo se mukaan.',
      sv: 'Förbered ett exempel.',
      en: 'Prepare one example.',
    },
    url: undefined,
    dueAt: undefined,
  },
  organiser: 'Kuntaliitto',
};

const municipalities = new Map<string, Municipality>([
  [
    'porvoo',
    {
      id: 'porvoo',
      name: 'Porvoo',
      nameSv: 'Borgå',
      population: 51000,
      region: 'Uusimaa',
      sizeClass: '50to100k',
    },
  ],
  ['kuhmo', { id: 'kuhmo', name: 'Kuhmo', population: 8000, region: 'Kainuu', sizeClass: '5to20k' }],
]);

function meeting(startsAt: string, endsAt: string, overrides: Partial<PeerMeeting> = {}): PeerMeeting {
  return {
    roundId: 'round-2',
    id: 'leadership-1~2',
    eventId: 'leadership-1',
    groupIndex: 1,
    startsAt,
    endsAt,
    joinUrl: event.onlineUrl,
    agenda: undefined,
    members: [
      {
        tenantId: 't',
        aadObjectId: 'a',
        name: 'Erik Lindqvist',
        email: 'erik.lindqvist@porvoo.fi',
        municipalityId: 'porvoo',
      },
      {
        tenantId: 't',
        aadObjectId: 'b',
        name: 'Outi Saarinen',
        email: 'outi.saarinen@kuhmo.fi',
        municipalityId: 'kuhmo',
      },
      {
        tenantId: 't',
        aadObjectId: 'c',
        name: 'Ilman Sähköpostia',
        email: undefined,
        municipalityId: undefined,
      },
    ],
    sequence: 0,
    status: 'scheduled',
    graphEventId: undefined,
    rsvpReminderSequence: undefined,
    updatedAt: '2025-09-01T07:00:00.000Z',
    etag: 'x',
    ...overrides,
  };
}

function file(value: PeerMeeting, stillMember = true, language: 'fi' | 'sv' = 'fi') {
  return buildInvitationFile({
    meeting: value,
    event,
    language,
    municipalities,
    stillMember,
    organizer: DEFAULT_ORGANIZER,
    now: new Date('2025-09-01T07:00:00Z'),
  });
}

function parse(text: string): { method: string; event: ICAL.Event } {
  const calendar = ICAL.Component.fromString(text);
  ICAL.TimezoneService.reset();
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE');
  ICAL.TimezoneService.register(vtimezone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: String(calendar.getFirstPropertyValue('method')), event: new ICAL.Event(vevent) };
}

afterEach(() => ICAL.TimezoneService.reset());

describe('the invitation file', () => {
  it.each([
    ['Friday before the October change', '2025-10-24T11:00:00.000Z', 14],
    ['Monday after the October change', '2025-10-27T12:00:00.000Z', 14],
    ['Friday before the March change', '2026-03-27T12:00:00.000Z', 14],
    ['Monday after the March change', '2026-03-30T11:00:00.000Z', 14],
  ])('puts a meeting on the %s at the planned Helsinki time', (_when, startsAt, helsinkiHour) => {
    const endsAt = new Date(new Date(startsAt).getTime() + 90 * 60_000).toISOString();
    const invitation = file(meeting(startsAt, endsAt));
    const { method, event: parsed } = parse(invitation.text);
    expect(method).toBe('REQUEST');
    expect(parsed.startDate.zone?.tzid).toBe('Europe/Helsinki');
    expect(parsed.startDate.hour).toBe(helsinkiHour);
    expect(parsed.startDate.toJSDate().toISOString()).toBe(startsAt);
    expect(parsed.endDate.toJSDate().toISOString()).toBe(endsAt);
    expect(invitation.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(invitation.fileName).toBe('ylimman-johdon-vertaiskeskustelu-1-ryhma-2.ics');
  });

  it('writes members, municipalities, the pre-assignment and the Teams link, with attendees who have email', () => {
    const text = file(meeting(event.startsAt, event.endsAt), true, 'sv').text;
    const { event: parsed } = parse(text);
    expect(parsed.summary).toBe('Kamratsamtal för högsta ledningen 1 – Grupp 2');
    expect(parsed.description).toContain('Erik Lindqvist (Borgå), Outi Saarinen (Kuhmo), Ilman Sähköpostia');
    expect(parsed.description).toContain('Förbered ett exempel.');
    expect(parsed.attendees.map((attendee) => String(attendee.getFirstValue()))).toEqual([
      'mailto:erik.lindqvist@porvoo.fi',
      'mailto:outi.saarinen@kuhmo.fi',
    ]);
    expect(parsed.organizer).toBe('mailto:digiverkosto@kuntaliitto.fi');
    expect(String(parsed.component.getFirstPropertyValue('url'))).toBe(event.onlineUrl);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('keeps the UID, raises SEQUENCE with each version and cancels with METHOD:CANCEL', () => {
    const first = parse(file(meeting(event.startsAt, event.endsAt)).text).event;
    const moved = parse(
      file(meeting('2025-10-25T11:00:00.000Z', '2025-10-25T12:30:00.000Z', { sequence: 1 })).text,
    );
    const cancelled = file(meeting(event.startsAt, event.endsAt, { sequence: 2, status: 'cancelled' }));
    const removed = file(meeting(event.startsAt, event.endsAt, { sequence: 3 }), false);
    expect(moved.event.uid).toBe(first.uid);
    expect(moved.event.sequence).toBe(1);
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    const parsedCancel = parse(cancelled.text);
    expect(parsedCancel.method).toBe('CANCEL');
    expect(parsedCancel.event.uid).toBe(first.uid);
    expect(parsedCancel.event.sequence).toBe(2);
    expect(String(parsedCancel.event.component.getFirstPropertyValue('status'))).toBe('CANCELLED');
    expect(cancelled.text).not.toContain('BEGIN:VALARM');
    expect(parse(removed.text).method).toBe('CANCEL');
  });
});
