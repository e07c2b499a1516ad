import type {
  EditableEvent,
  EventUpdate,
  MeResponse,
  PagedResponse,
  ParticipantView,
  ProgrammeResponse,
  RosterResponse,
} from '../../bot/src/shared/contracts';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

const AINO = playgroundObjectId(0);
const MIKKO = playgroundObjectId(1);
const JOHANNA = playgroundObjectId(3);
const ERIK = playgroundObjectId(4);
/** A generated demo participant who has not chosen a language. */
const ANNA = 'b2000000-0000-4000-8000-000000000001';
const OUTSIDE_TENANT = '11111111-2222-4333-8444-555555555555';

let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp();
  await seedDemoIfEmpty(running.app.repositories, new Date(), createLogger('silent'));
});

afterAll(async () => {
  await running.stop();
});

async function tokenFor(aadObjectId: string, tenantId = DEMO_TENANT_ID): Promise<string> {
  const response = await postJson(`${running.url}/dev-auth/token`, {
    tenantId,
    aadObjectId,
    name: 'Someone',
  });
  expect(response.status).toBe(200);
  return (response.json as { access_token: string }).access_token;
}

function toUpdate(event: EditableEvent): EventUpdate {
  return {
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    place: event.place,
    onlineUrl: event.onlineUrl,
    preAssignment: event.preAssignment,
  };
}

async function call(
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(`${running.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  const json: unknown = /json/.test(response.headers.get('content-type') ?? '')
    ? JSON.parse(text)
    : undefined;
  return { status: response.status, headers: response.headers, json, text };
}

describe('signing in to the tab API', () => {
  it('answers 401 with WWW-Authenticate without a token or with a bad one', async () => {
    const missing = await call('/api/me', undefined);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const garbage = await call('/api/me', 'not-a-token');
    expect(garbage.status).toBe(401);
  });

  it('answers 403, not 401, for a valid token from a tenant outside the network', async () => {
    const outsider = await call('/api/me', await tokenFor(AINO, OUTSIDE_TENANT));
    expect(outsider.status).toBe(403);
    expect(outsider.headers.get('www-authenticate')).toBeNull();
  });

  it('tells a participant who they are, with their municipality and roles', async () => {
    const me = await call('/api/me', await tokenFor(AINO));
    expect(me.status).toBe(200);
    const body = me.json as MeResponse;
    expect(body.user.name).toBe('Aino Korhonen');
    expect(body.isCoordinator).toBe(false);
    expect(body.language).toBe('fi');
    expect(body.municipality?.name).toBe('Hämeenlinna');
    expect(body.participant?.roles.map((role) => role.id)).toEqual(['leadership', 'developer']);
  });

  it("answers in the person's stored language, else the browser's", async () => {
    const erik = (await call('/api/me', await tokenFor(ERIK), { headers: { 'Accept-Language': 'en' } }))
      .json as MeResponse;
    expect(erik.language).toBe('sv');
    const anna = (
      await call('/api/me', await tokenFor(ANNA), { headers: { 'Accept-Language': 'sv-FI,en;q=0.5' } })
    ).json as MeResponse;
    expect(anna.languageChoice).toBeNull();
    expect(anna.language).toBe('sv');
  });

  it('answers content in the language the tab shows, even when the person chose another with the bot', async () => {
    // Erik chose Swedish with the bot; his tab is in English.
    const token = await tokenFor(ERIK);
    const polls = (await call('/api/polls?lang=en', token)).json as {
      items: { question: string; closesAtText: string }[];
    };
    expect(polls.items[0]?.question).toMatch(/^Which/);
    expect(polls.items[0]?.closesAtText).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4} at \d{1,2}\.\d{2}$/);
    const swedish = (await call('/api/polls?lang=sv', token)).json as {
      items: { question: string; closesAtText: string }[];
    };
    expect(swedish.items[0]?.closesAtText).toContain(' kl. ');
    const me = (await call('/api/me?lang=en', token)).json as MeResponse;
    expect(me.language).toBe('en');
    expect(me.languageChoice).toBe('sv');
  });

  it("names municipalities, regions, organisations and places in the reader's language", async () => {
    const mikko = await tokenFor(MIKKO);
    const inSwedish = (await call('/api/municipalities?lang=sv', mikko)).json as PagedResponse<{
      id: string;
      displayName: string;
      regionName: string;
    }>;
    const hameenlinna = inSwedish.items.find((municipality) => municipality.id === 'hameenlinna');
    expect(hameenlinna).toMatchObject({ displayName: 'Tavastehus', regionName: 'Egentliga Tavastland' });
    const inEnglish = (await call('/api/municipalities?lang=en', mikko)).json as PagedResponse<{
      id: string;
      displayName: string;
      regionName: string;
    }>;
    expect(inEnglish.items.find((municipality) => municipality.id === 'ylasavo')?.displayName).toBe(
      'Ylä-Savo sub-region (5 municipalities)',
    );
    expect(inEnglish.items.find((municipality) => municipality.id === 'rovaniemi')?.regionName).toBe(
      'Lapland',
    );
    const me = (await call('/api/me?lang=sv', mikko)).json as MeResponse;
    expect(me.coordinatorOrganisationName).toBe('Kommunförbundet');
    const programme = (await call('/api/programme?when=all&lang=sv', await tokenFor(AINO)))
      .json as ProgrammeResponse;
    const kickoff = programme.items.find((event) => event.id === 'kickoff');
    expect(kickoff?.place).toEqual({
      name: 'Kommunernas hus',
      address: 'Andra linjen 14, 00530 Helsingfors',
    });
    expect(kickoff?.organiserName).toBe('Kommunförbundet');
    const roadmap = programme.items.find((event) => event.id === 'roadmap-content-hameenlinna');
    expect(roadmap?.place?.address).toBe('Rådhusgatan 9, 13100 Tavastehus');
  });

  it('keeps coordinator routes from participants (403)', async () => {
    const token = await tokenFor(AINO);
    expect((await call('/api/municipalities', token)).status).toBe(403);
    expect((await call('/api/participants', token)).status).toBe(403);
    expect((await call('/api/events/workshop-1', token)).status).toBe(403);
  });
});

describe('the programme', () => {
  it("shows a participant the network's events for their roles and their own municipality's, in Helsinki time", async () => {
    const programme = (await call('/api/programme', await tokenFor(AINO))).json as ProgrammeResponse;
    const ids = programme.items.map((event) => event.id);
    expect(ids).toContain('roadmap-content-hameenlinna');
    expect(ids).toContain('leadership-1');
    expect(ids).not.toContain('kickoff');
    const workshop = programme.items.find((event) => event.id === 'workshop-1');
    expect(workshop?.when).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4} klo 9\.00–12\.00$/);
    expect(workshop?.onlineUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(workshop?.preAssignment?.text).toContain('haastetta');
    expect(programme.eventTypes.map((type) => type.name)).toContain('Kehittämispaja');

    const johanna = (await call('/api/programme', await tokenFor(JOHANNA))).json as ProgrammeResponse;
    expect(johanna.items.map((event) => event.id)).not.toContain('roadmap-content-hameenlinna');
  });

  it('lists past events latest first, filters by type and pages', async () => {
    const token = await tokenFor(AINO);
    const past = (await call('/api/programme?when=past', token)).json as ProgrammeResponse;
    expect(past.items.map((event) => event.id)).toEqual(['training-digital-future', 'kickoff']);
    const workshops = (await call('/api/programme?type=developmentWorkshop&when=all&lang=en', token))
      .json as ProgrammeResponse;
    expect(workshops.items.every((event) => event.typeName === 'Development workshop')).toBe(true);
    expect(workshops.items).toHaveLength(3);

    const first = (await call('/api/programme?when=all&pageSize=4', token)).json as ProgrammeResponse;
    expect(first.items).toHaveLength(4);
    expect(first.continuationToken).not.toBeNull();
    const second = (
      await call(`/api/programme?when=all&pageSize=4&continuationToken=${first.continuationToken}`, token)
    ).json as ProgrammeResponse;
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect((await call('/api/programme?continuationToken=bogus', token)).status).toBe(400);
    expect((await call('/api/programme?when=tomorrow', token)).status).toBe(400);
  });

  it('gives an event as an iCalendar file to add to a calendar', async () => {
    const ics = await call('/api/programme/workshop-1/calendar.ics', await tokenFor(AINO));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(ics.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ics"$/);
    expect(ics.text).toContain('METHOD:PUBLISH');
    expect(ics.text).toContain('BEGIN:VEVENT');
    expect(ics.text).toContain('DTSTART;TZID=Europe/Helsinki:');
    expect(
      (await call('/api/programme/roadmap-content-hameenlinna/calendar.ics', await tokenFor(JOHANNA))).status,
    ).toBe(404);
  });
});

describe("the coordinators' view", () => {
  it('pages through the whole roster', async () => {
    const token = await tokenFor(MIKKO);
    const municipalities = (await call('/api/municipalities', token)).json as PagedResponse<unknown>;
    expect(municipalities.items).toHaveLength(20);
    const seen = new Set<string>();
    let continuationToken: string | null = null;
    let pages = 0;
    do {
      const query: string = continuationToken
        ? `&continuationToken=${encodeURIComponent(continuationToken)}`
        : '';
      const page = (await call(`/api/participants?pageSize=25${query}`, token))
        .json as PagedResponse<ParticipantView>;
      for (const person of page.items) seen.add(person.aadObjectId);
      continuationToken = page.continuationToken;
      pages += 1;
    } while (continuationToken && pages < 10);
    expect(pages).toBeGreaterThan(1);
    expect(seen.size).toBe(67);
  });

  it('finds people in the roster by text, municipality, role and status, sorted by name, paged', async () => {
    const token = await tokenFor(MIKKO);
    const roster = async (query: string) => {
      const response = await call(`/api/participants?${query}`, token);
      expect(response.status).toBe(200);
      return response.json as RosterResponse;
    };
    const everyone = await roster('pageSize=100');
    expect(everyone.total).toBe(67);
    const names = everyone.items.map((person) => person.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fi', { sensitivity: 'base' })));

    // Accents and case do not matter: "hameenlinna" finds the people of Hämeenlinna.
    const fromHameenlinna = await roster('q=HAMEENLINNA&pageSize=100');
    expect(fromHameenlinna.total).toBeGreaterThan(0);
    expect(fromHameenlinna.items.every((person) => person.municipalityName === 'Hämeenlinna')).toBe(true);
    const byMunicipality = await roster('municipalityId=hameenlinna&pageSize=100');
    expect(byMunicipality.items.map((person) => person.aadObjectId)).toEqual(
      fromHameenlinna.items.map((person) => person.aadObjectId),
    );
    // Words narrow each other: the first name and the municipality.
    const aino = await roster('q=aino%20h%C3%A4meenlinna');
    expect(aino.items.map((person) => person.aadObjectId)).toEqual([AINO]);

    const elected = await roster('role=elected&pageSize=100');
    expect(elected.total).toBeGreaterThan(0);
    expect(elected.items.every((person) => person.roles.some((role) => role.id === 'elected'))).toBe(true);
    const guests = await roster('status=guest&pageSize=100');
    expect(guests.items.every((person) => person.isGuest && person.active)).toBe(true);
    expect(guests.items.map((person) => person.aadObjectId)).toContain(AINO);

    // Paging through a filtered roster sees each match once, in order.
    const first = await roster('role=leadership&pageSize=5');
    expect(first.items).toHaveLength(Math.min(5, first.total));
    const seen = [...first.items];
    let next = first.continuationToken;
    while (next) {
      const page = await roster(`role=leadership&pageSize=5&continuationToken=${next}`);
      seen.push(...page.items);
      next = page.continuationToken;
    }
    expect(seen.map((person) => person.aadObjectId)).toEqual(
      (await roster('role=leadership&pageSize=100')).items.map((person) => person.aadObjectId),
    );
    expect(await roster('q=no-such-person-here')).toEqual({ items: [], continuationToken: null, total: 0 });

    // Bad filters are a 400 that says what is wrong, never a silently unfiltered roster.
    for (const bad of ['role=mayor', 'status=retired', 'continuationToken=abc', `q=${'x'.repeat(101)}`]) {
      expect((await call(`/api/participants?${bad}`, token)).status).toBe(400);
    }
    expect((await call('/api/participants?q=aino', await tokenFor(AINO))).status).toBe(403);
  });

  it("exports the roster as filtered, as CSV for Excel in the reader's language", async () => {
    const token = await tokenFor(MIKKO);
    const response = await call('/api/participants.csv?municipalityId=hameenlinna&lang=sv', token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="digiverkosto-osallistujat-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('"Namn";"Kommun";"Roller";"E-post";"Status"');
    const matches = (await call('/api/participants?municipalityId=hameenlinna&pageSize=100', token))
      .json as RosterResponse;
    expect(lines).toHaveLength(matches.total + 1);
    expect(lines.slice(1).every((line) => line.includes('"Tavastehus"'))).toBe(true);
    // Roles in running text: only the first keeps its capital.
    const aino = lines.find((line) => line.startsWith('"Aino'));
    expect(aino).toContain('"Ledningsgrupp och högsta ledning, utvecklingspersonal"');
    expect(aino).toContain('"Gäst"');
    expect((await call('/api/participants.csv', await tokenFor(AINO))).status).toBe(403);
  });

  it('edits an event with If-Match: 428 without it, 412 with a stale version', async () => {
    const token = await tokenFor(MIKKO);
    const read = await call('/api/events/workshop-2', token);
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag');
    expect(etag).toBeTruthy();
    const event = read.json as EditableEvent;
    expect(event.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T09:00$/);
    const update = toUpdate(event);
    const changed = { ...update, startsAt: update.startsAt.replace('T09:00', 'T10:15') };

    expect((await call('/api/events/workshop-2', token, { method: 'PUT', body: changed })).status).toBe(428);
    const saved = await call('/api/events/workshop-2', token, {
      method: 'PUT',
      body: changed,
      headers: { 'If-Match': etag ?? '' },
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).not.toBe(etag);
    const stale = await call('/api/events/workshop-2', token, {
      method: 'PUT',
      body: changed,
      headers: { 'If-Match': etag ?? '' },
    });
    expect(stale.status).toBe(412);

    const programme = (await call('/api/programme?type=developmentWorkshop', await tokenFor(AINO)))
      .json as ProgrammeResponse;
    expect(programme.items.find((item) => item.id === 'workshop-2')?.when).toContain('klo 10.15–12.00');
  });

  it('rejects edits that are not valid', async () => {
    const token = await tokenFor(MIKKO);
    const read = await call('/api/events/workshop-3', token);
    const update = toUpdate(read.json as EditableEvent);
    const etag = read.headers.get('etag') ?? '';
    const put = (body: unknown) =>
      call('/api/events/workshop-3', token, { method: 'PUT', body, headers: { 'If-Match': etag } });
    expect((await put({ ...update, onlineUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await put({ ...update, endsAt: update.startsAt })).status).toBe(422);
    expect((await put({ ...update, startsAt: '2025-02-30T09:00' })).status).toBe(422);
    expect((await call('/api/events/no-such-event', token)).status).toBe(404);
  });
});

describe('the API description', () => {
  it('is an OpenAPI 3.1 document of every route, public', async () => {
    const response = await call('/api/openapi.json', undefined);
    expect(response.status).toBe(200);
    const document = response.json as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { 'x-access': string; requestBody?: unknown; parameters: unknown[] }>
      >;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/programme']?.get?.['x-access']).toBe('participant');
    expect(document.paths['/api/events/{eventId}']?.put?.requestBody).toBeDefined();
    expect(document.paths['/api/participants']?.get?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'pageSize', in: 'query' })]),
    );
  });
});
