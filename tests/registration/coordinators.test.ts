/**
 * What coordinators do with a registration through the tab API: open it (and are told clearly
 * what cannot work), the matrix, overrides with a reason, the attendee and catering lists; and what
 * the API refuses from anyone: malformed bodies, unknown events, oversized answers, stale versions.
 */
import type { RegistrationOverviewResponse } from '../../bot/src/registration/registration-contracts';
import {
  COORDINATOR,
  EVENT_ID,
  ROUND_ID,
  api,
  closingDay,
  movableClock,
  person,
  seed,
  startRegistrationApp,
  tokenFor,
  type RegistrationApp,
} from './support';

jest.setTimeout(90_000);

const clock = movableClock('2025-04-01T09:00:00.000Z');
let running: RegistrationApp;
let coordinator: string;
const people = [
  person(1, 'hameenlinna', { name: 'Anna Aalto' }),
  person(2, 'hameenlinna', { name: 'Bertta Berg' }),
  person(3, 'hameenlinna', { name: '=HYPERLINK("http://x")' }),
  person(4, 'porvoo', { name: 'Erik Ek', language: 'sv' }),
  person(5, 'porvoo', { name: 'Frida Fors' }),
];

beforeAll(async () => {
  running = await startRegistrationApp({ clock });
  await seed(running.app, { events: [closingDay(), closingDay({ id: 'kickoff', type: 'kickoff' })], people });
  coordinator = await tokenFor(running, COORDINATOR);
});
afterAll(async () => {
  await running.stop();
});

const settingsPath = `/api/registration/events/${EVENT_ID}/settings`;
const valid = {
  opensAt: '2025-03-01T09:00',
  closesAt: '2025-05-01T16:00',
  cancelDeadline: '2025-05-06T16:00',
  quota: 2,
  capacity: null,
  offerHours: 48,
  questions: [
    { id: 'diet', label: null },
    { id: 'accessibility', label: null },
    {
      id: 'other',
      label: { fi: 'Toiveet ohjelmaan', sv: 'Önskemål om programmet', en: 'Wishes for the programme' },
    },
  ],
};

describe('opening registration', () => {
  it('refuses settings that cannot work, each with a clear reason, and participants altogether', async () => {
    const participant = await tokenFor(running, people[0] ?? COORDINATOR);
    expect((await api(running, settingsPath, participant, { method: 'PUT', body: valid })).status).toBe(403);
    const cases: [unknown, number][] = [
      [{ ...valid, closesAt: '2025-05-21T09:00' }, 422],
      [{ ...valid, opensAt: '2025-05-02T09:00' }, 422],
      [{ ...valid, closesAt: '2025-02-31T09:00' }, 400],
      [{ ...valid, quota: 0 }, 400],
      [{ ...valid, questions: [{ id: 'other', label: { fi: '', sv: '', en: '' } }] }, 422],
      [{ ...valid, extra: true }, 400],
      ['not an object', 400],
    ];
    for (const [body, status] of cases) {
      const answer = await api(running, settingsPath, coordinator, { method: 'PUT', body });
      expect({ body, status: answer.status }).toEqual({ body, status });
    }
    const unknown = await api(running, '/api/registration/events/no-such-event/settings', coordinator, {
      method: 'PUT',
      body: valid,
    });
    expect(unknown.status).toBe(404);
  });

  it('opens, and a later change needs the version read (428 without, 412 when stale)', async () => {
    const opened = await api<RegistrationOverviewResponse>(running, settingsPath, coordinator, {
      method: 'PUT',
      body: valid,
    });
    expect(opened.status).toBe(201);
    expect(opened.json.settings).toMatchObject({
      opensAt: '2025-03-01T09:00',
      quota: 2,
      updatedBy: 'Koordinaattori',
    });
    const etag = opened.headers.get('etag') ?? '';
    expect((await api(running, settingsPath, coordinator, { method: 'PUT', body: valid })).status).toBe(428);
    const changed = await api(running, settingsPath, coordinator, {
      method: 'PUT',
      body: { ...valid, offerHours: 24 },
      headers: { 'If-Match': etag },
    });
    expect(changed.status).toBe(200);
    const stale = await api(running, settingsPath, coordinator, {
      method: 'PUT',
      body: { ...valid, offerHours: 12 },
      headers: { 'If-Match': etag },
    });
    expect(stale.status).toBe(412);
  });
});

describe('with registrations in', () => {
  beforeAll(async () => {
    for (const who of people) await running.registration.service.register(ROUND_ID, EVENT_ID, who, {});
    await running.registration.service.register(ROUND_ID, EVENT_ID, people[0] ?? COORDINATOR, {
      diet: 'Vegaani',
      accessibility: 'Induktiosilmukka',
      other: 'Tekoäly',
    });
  });

  it('the matrix shows every municipality with its seats, and the waitlist in order', async () => {
    const overview = await api<RegistrationOverviewResponse>(
      running,
      `/api/registration/events/${EVENT_ID}/overview`,
      coordinator,
    );
    expect(overview.status).toBe(200);
    const rows = Object.fromEntries(overview.json.matrix.map((row) => [row.municipalityId, row]));
    expect(rows.hameenlinna).toMatchObject({ quota: 2, confirmed: 2, waitlisted: 1, full: true });
    expect(rows.porvoo).toMatchObject({ quota: 2, confirmed: 2, waitlisted: 0, full: true });
    expect(rows.kuopio).toMatchObject({ confirmed: 0, full: false });
    expect(overview.json.waitlist.map((entry) => [entry.name, entry.position])).toEqual([
      ['=HYPERLINK("http://x")', 1],
    ]);
    expect(overview.json.totals).toEqual({ confirmed: 4, offered: 0, waitlisted: 1, capacity: null });
    // The overview has no diet or accessibility needs in it.
    expect(overview.text).not.toContain('Vegaani');
  });

  it('lowering the quota below the seats taken is refused; a municipality can get more with a reason', async () => {
    const read = await api(running, `/api/registration/events/${EVENT_ID}/overview`, coordinator);
    const lower = await api(running, settingsPath, coordinator, {
      method: 'PUT',
      body: { ...valid, quota: 1 },
      headers: { 'If-Match': read.headers.get('etag') ?? '' },
    });
    expect(lower.status).toBe(409);
    expect((lower.json as { code: string }).code).toBe('quotaBelowTaken');

    const more = await api<RegistrationOverviewResponse>(
      running,
      `/api/registration/events/${EVENT_ID}/overrides`,
      coordinator,
      {
        method: 'POST',
        body: { kind: 'quota', municipalityId: 'hameenlinna', quota: 3, reason: 'Kaksikielinen kaupunki' },
      },
    );
    expect(more.status).toBe(200);
    const row = more.json.matrix.find((found) => found.municipalityId === 'hameenlinna');
    // The seat went straight to the first in line, as an offer.
    expect(row).toMatchObject({ quota: 3, quotaOverridden: true, confirmed: 2, offered: 1, waitlisted: 0 });
    expect(more.json.overrides[0]).toMatchObject({
      kind: 'quota',
      detail: 'quota 2 → 3',
      reason: 'Kaksikielinen kaupunki',
    });
    const below = await api(running, `/api/registration/events/${EVENT_ID}/overrides`, coordinator, {
      method: 'POST',
      body: { kind: 'quota', municipalityId: 'hameenlinna', quota: 1, reason: 'Liian monta' },
    });
    expect(below.status).toBe(409);
  });

  it('a seat given beyond a full quota raises that municipality’s quota, so the count never exceeds it', async () => {
    clock.advance(60_000);
    const outsider = person(9, 'porvoo', { name: 'Gustav Grön' });
    await running.app.repositories.participants.save(outsider);
    const given = await api<RegistrationOverviewResponse>(
      running,
      `/api/registration/events/${EVENT_ID}/overrides`,
      coordinator,
      { method: 'POST', body: { kind: 'confirm', person: outsider, reason: 'Puhuja' } },
    );
    expect(given.status).toBe(200);
    expect(given.json.matrix.find((row) => row.municipalityId === 'porvoo')).toMatchObject({
      quota: 3,
      confirmed: 3,
      full: true,
    });
    expect(given.json.overrides[0]).toMatchObject({
      kind: 'confirm',
      subjectName: 'Gustav Grön',
      detail: 'quota 2 → 3',
    });
    const unknown = await api(running, `/api/registration/events/${EVENT_ID}/overrides`, coordinator, {
      method: 'POST',
      body: {
        kind: 'cancel',
        person: { tenantId: outsider.tenantId, aadObjectId: 'nobody' },
        reason: 'Ei ole',
      },
    });
    expect(unknown.status).toBe(404);
  });

  it('the attendee list has no health data; the catering list has it under a warning, and its download is audited', async () => {
    const attendees = await api(running, `/api/registration/events/${EVENT_ID}/attendees.csv`, coordinator);
    expect(attendees.status).toBe(200);
    expect(attendees.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Excel needs the byte-order mark (fetch's text() hides it).
    const bytes = Buffer.from(
      await (
        await fetch(`${running.url}/api/registration/events/${EVENT_ID}/attendees.csv`, {
          headers: { Authorization: `Bearer ${coordinator}` },
        })
      ).arrayBuffer(),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      attendees.text.startsWith('"Nimi";"Kunta";"Sähköposti";"Tila";"Ilmoittautunut";"Vahvistettu";"Muuta"'),
    ).toBe(true);
    expect(attendees.text).toContain(
      '"Anna Aalto";"Hämeenlinna";"henkilo.1@hameenlinna.example.fi";"Vahvistettu"',
    );
    expect(attendees.text).toContain('"Tekoäly"');
    expect(attendees.text).not.toContain('Vegaani');
    // A name that looks like a formula stays text in Excel.
    expect(attendees.text).toContain(`"'=HYPERLINK(""http://x"")"`);

    const catering = await api(
      running,
      `/api/registration/events/${EVENT_ID}/catering.csv?lang=en`,
      coordinator,
    );
    const lines = catering.text.split('\r\n');
    expect(lines[0]).toContain('CONFIDENTIAL: contains health-related information');
    expect(lines[1]).toBe('"Name";"Municipality";"Special diet";"Accessibility and assistance needs"');
    expect(catering.text).toContain('"Anna Aalto";"Hämeenlinna";"Vegaani";"Induktiosilmukka"');
    // Only the confirmed: the offered person is not in it.
    expect(catering.text).not.toContain('HYPERLINK');
    const audit = await api<{ items: { action: string }[] }>(
      running,
      `/api/audit?month=${new Date().toISOString().slice(0, 7)}`,
      coordinator,
    );
    expect(audit.json.items.some((entry) => entry.action.includes('catering.csv'))).toBe(true);
    const participant = await tokenFor(running, people[0] ?? COORDINATOR);
    expect(
      (await api(running, `/api/registration/events/${EVENT_ID}/catering.csv`, participant)).status,
    ).toBe(403);
  });

  it('refuses an oversized answer, an unknown question and a malformed body, and loses nothing', async () => {
    const who = people[1] ?? COORDINATOR;
    const token = await tokenFor(running, who);
    const path = `/api/registration/events/${EVENT_ID}/register`;
    for (const body of [
      { answers: { diet: 'x'.repeat(501) } },
      { answers: { shoeSize: '42' } },
      { answers: 'none' },
    ]) {
      const answer = await api(running, path, token, { method: 'POST', body });
      expect(answer.status).toBe(400);
    }
    expect((await api(running, path, token, { method: 'POST', raw: '{"answers":' })).status).toBe(400);
    const settings = await running.registration.repository.getSettings(ROUND_ID, EVENT_ID);
    const mine = settings ? await running.registration.repository.findRegistration(settings, who) : undefined;
    expect(mine?.status).toBe('confirmed');
    expect(
      (await api(running, '/api/registration/events/kickoff/register', token, { method: 'POST', body: {} }))
        .status,
    ).toBe(404);
  });
});
