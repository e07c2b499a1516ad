import { DEMO_POLL_ID } from '../../bot/src/demo/demo-polls';
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import type { Participant } from '../../bot/src/shared/participant';
import type {
  WishPollAdminView,
  WishPollListResponse,
  WishPollResultsView,
  WishPollView,
} from '../../bot/src/polls/wish-poll-contracts';
import { TENANT } from '../support/activities';
import type { RunningApp } from '../support/test-app';
import { api, startPollsApp, tokenFor } from './support';

const AINO = playgroundIdentity('aino').aadObjectId;
const MIKKO = playgroundIdentity('mikko').aadObjectId;
const ERIK = playgroundIdentity('erik').aadObjectId;

let running: RunningApp;
let coordinator: string;
let aino: string;
let erik: string;

beforeAll(async () => {
  running = await startPollsApp(() => new Date());
  [coordinator, aino, erik] = await Promise.all([
    tokenFor(running, MIKKO),
    tokenFor(running, AINO),
    tokenFor(running, ERIK),
  ]);
});
afterAll(async () => {
  await running.stop();
});

const hour = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString();

function newPoll(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    question: { fi: 'Mikä aihe ensin?', sv: 'Vilket ämne först?', en: 'Which topic first?' },
    topics: [
      { id: 'osaaminen', label: { fi: 'Osaaminen', sv: 'Kompetens', en: 'Competence' } },
      { id: 'hankinnat', label: { fi: 'Hankinnat', sv: 'Upphandling', en: 'Procurement' } },
      { id: 'lait', label: { fi: 'Lainsäädäntö', sv: 'Lagstiftning', en: 'Legislation' } },
    ],
    selection: { mode: 'multiple', maxChoices: 2 },
    suggestionMaxLength: 200,
    opensAt: hour(-1),
    closesAt: hour(48),
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}): Promise<WishPollAdminView> {
  const response = await api(running, '/api/polls', coordinator, {
    method: 'POST',
    body: newPoll(overrides),
  });
  expect(response.status).toBe(201);
  return response.json as WishPollAdminView;
}

const NAMES: Record<string, string> = {
  kuusikko: 'Kuusikko',
  tunturi: 'Tunturi',
  lehto: 'Lehto',
  kivi: 'Kivi',
  jarvela: 'Järvelä',
  kaupunki: 'Kaupunki',
};

/** People of one municipality, straight into storage: a larger audience than the demo's. */
async function addPeople(municipalityId: string, count: number, prefix: string): Promise<Participant[]> {
  // A municipality of its own (the demo network has three people in each of its municipalities).
  await running.app.repositories.municipalities.save({
    id: municipalityId,
    name: NAMES[municipalityId] ?? municipalityId,
    population: 4000,
    region: 'Testimaakunta',
    sizeClass: 'under5k',
  });
  const people: Participant[] = Array.from({ length: count }, (_, index) => ({
    tenantId: TENANT,
    aadObjectId: `${prefix}-${index}`,
    name: `Testi ${prefix} ${index}`,
    email: undefined,
    municipalityId,
    roles: index % 2 === 0 ? ['expert'] : ['supervisor'],
    language: undefined,
    teamsUserId: `29:${prefix}-${index}`,
    isGuest: true,
    active: true,
    updatedAt: new Date().toISOString(),
  }));
  await Promise.all(people.map((person) => running.app.repositories.participants.save(person)));
  return people;
}

describe('the poll API for participants', () => {
  it('lists the polls open to me with my answer, and takes an answer from the tab', async () => {
    const before = await api(running, '/api/polls', aino);
    expect(before.status).toBe(200);
    const demo = (before.json as WishPollListResponse).items.find((poll) => poll.id === DEMO_POLL_ID);
    expect(demo).toMatchObject({
      status: 'open',
      myAnswer: null,
      selection: { mode: 'multiple', maxChoices: 3 },
    });
    expect(demo?.closesAtText).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4} klo 16\.00$/);

    const answered = await api(running, `/api/polls/${DEMO_POLL_ID}/answer`, aino, {
      method: 'POST',
      body: { topicIds: ['leadership', 'procurement'], suggestion: 'Kokeilukulttuuri' },
    });
    expect(answered.status).toBe(200);
    expect((answered.json as WishPollView).myAnswer).toMatchObject({
      topicIds: ['leadership', 'procurement'],
      suggestion: 'Kokeilukulttuuri',
      version: 1,
    });
    const after = await api(running, '/api/polls', aino);
    const mine = (after.json as WishPollListResponse).items.find((poll) => poll.id === DEMO_POLL_ID);
    expect(mine?.myAnswer?.topicIds).toEqual(['leadership', 'procurement']);
  });

  it('explains a refused answer in the person’s language with a fitting status', async () => {
    const tooMany = await api(running, `/api/polls/${DEMO_POLL_ID}/answer`, erik, {
      method: 'POST',
      body: { topicIds: ['competence', 'leadership', 'procurement', 'legislation'] },
    });
    expect(tooMany.status).toBe(422);
    expect((tooMany.json as { detail: string }).detail).toContain('Du kan välja högst 3 ämnen.');
    const unknown = await api(running, '/api/polls/nope/answer', aino, {
      method: 'POST',
      body: { topicIds: ['a'] },
    });
    expect(unknown.status).toBe(404);
    const malformed = await api(running, `/api/polls/${DEMO_POLL_ID}/answer`, aino, {
      method: 'POST',
      body: { topicIds: 'competence' },
    });
    expect(malformed.status).toBe(400);
    // Far over the limit is the same refusal naming the limit, not a schema error.
    const huge = await api(running, `/api/polls/${DEMO_POLL_ID}/answer`, erik, {
      method: 'POST',
      body: { topicIds: ['competence'], suggestion: 'x'.repeat(25_000) },
    });
    expect(huge.status).toBe(422);
    expect((huge.json as { detail: string }).detail).toContain(
      'Ditt förslag har 25000 tecken, men högst 500',
    );
  });

  it('keeps coordinator routes from participants', async () => {
    expect((await api(running, `/api/polls/${DEMO_POLL_ID}/results`, aino)).status).toBe(403);
    expect((await api(running, '/api/polls', aino, { method: 'POST', body: newPoll() })).status).toBe(403);
    expect((await api(running, `/api/polls/${DEMO_POLL_ID}/results.csv`, undefined)).status).toBe(401);
  });
});

describe('the poll API for coordinators', () => {
  it('creates a poll with Helsinki wall-clock times and rejects a bad definition', async () => {
    const created = await create({ opensAt: '2030-03-30T09:00', closesAt: '2030-04-05T16:00' });
    // Summer time starts on 31.3.2030: 9.00 before it is 7.00 UTC, 16.00 after it is 13.00 UTC.
    expect(created).toMatchObject({
      opensAt: '2030-03-30T07:00:00.000Z',
      closesAt: '2030-04-05T13:00:00.000Z',
      status: 'scheduled',
    });
    const reversed = await api(running, '/api/polls', coordinator, {
      method: 'POST',
      body: newPoll({ opensAt: hour(5), closesAt: hour(1) }),
    });
    expect(reversed.status).toBe(400);
    const duplicateTopics = await api(running, '/api/polls', coordinator, {
      method: 'POST',
      body: newPoll({
        topics: [
          { id: 'a', label: { fi: 'A' } },
          { id: 'a', label: { fi: 'B' } },
        ],
      }),
    });
    expect(duplicateTopics.status).toBe(400);
  });

  it('results: counts per topic, breakdown by municipality and role, response rates and suggestions', async () => {
    const poll = await create({ audience: { roles: [], municipalityIds: ['kuusikko', 'tunturi'] } });
    const kuhmo = await addPeople('kuusikko', 6, 'kuhmo');
    const utsjoki = await addPeople('tunturi', 2, 'utsjoki');
    const answers: [Participant, string[], string | null][] = [
      [kuhmo[0], ['osaaminen', 'hankinnat'], 'Etäpalvelut'],
      [kuhmo[1], ['osaaminen'], null],
      [kuhmo[2], ['lait'], null],
      [utsjoki[0], ['hankinnat'], 'Saamenkieliset palvelut'],
    ];
    for (const [person, topicIds, suggestion] of answers) {
      const token = await tokenFor(running, person.aadObjectId);
      const response = await api(running, `/api/polls/${poll.id}/answer`, token, {
        method: 'POST',
        body: { topicIds, suggestion },
      });
      expect(response.status).toBe(200);
    }
    const response = await api(running, `/api/polls/${poll.id}/results`, coordinator);
    const results = response.json as WishPollResultsView;
    expect(results).toMatchObject({
      respondents: 4,
      audience: 8,
      responseRate: 0.5,
      anonymous: false,
      smallGroupThreshold: null,
    });
    expect(results.topics.map((t) => [t.id, t.count])).toEqual([
      ['osaaminen', 2],
      ['hankinnat', 2],
      ['lait', 1],
    ]);
    expect(results.byMunicipality).toEqual([
      {
        id: 'kuusikko',
        name: 'Kuusikko',
        audience: 6,
        respondents: 3,
        responseRate: 0.5,
        topics: { osaaminen: 2, hankinnat: 1, lait: 1 },
      },
      {
        id: 'tunturi',
        name: 'Tunturi',
        audience: 2,
        respondents: 1,
        responseRate: 0.5,
        topics: { hankinnat: 1 },
      },
    ]);
    expect(results.byRole.find((group) => group.id === 'expert')).toMatchObject({
      audience: 4,
      respondents: 3,
    });
    expect(results.suggestions.count).toBe(2);
    expect(results.suggestions.items.map((s) => s.text).sort()).toEqual([
      'Etäpalvelut',
      'Saamenkieliset palvelut',
    ]);
    expect(results.suggestions.items.every((s) => s.name !== null)).toBe(true);
  });

  it('an anonymous poll never tells who said what: no names, no breakdown of small groups', async () => {
    const poll = await create({
      anonymous: true,
      audience: { roles: [], municipalityIds: ['lehto', 'kivi'] },
    });
    const lieksa = await addPeople('lehto', 4, 'lieksa');
    const kemi = await addPeople('kivi', 2, 'kemi');
    for (const [person, topic] of [
      [lieksa[0], 'osaaminen'],
      [lieksa[1], 'osaaminen'],
      [lieksa[2], 'lait'],
      [kemi[0], 'hankinnat'],
    ] as const) {
      const token = await tokenFor(running, person.aadObjectId);
      await api(running, `/api/polls/${poll.id}/answer`, token, {
        method: 'POST',
        body: { topicIds: [topic], suggestion: `Ehdotus ${person.aadObjectId}` },
      });
    }
    const results = (await api(running, `/api/polls/${poll.id}/results`, coordinator))
      .json as WishPollResultsView;
    expect(results.smallGroupThreshold).toBe(3);
    expect(results.byMunicipality.find((g) => g.id === 'lehto')?.topics).toEqual({ osaaminen: 2, lait: 1 });
    // One answer from Kivi: its topic would say what that one person chose.
    expect(results.byMunicipality.find((g) => g.id === 'kivi')).toMatchObject({
      respondents: 1,
      topics: null,
    });
    for (const suggestion of results.suggestions.items) {
      expect(suggestion.text).toMatch(/^Ehdotus /);
      expect(suggestion).toEqual({
        text: suggestion.text,
        municipalityName: null,
        name: null,
        submittedAt: null,
      });
    }
    const csv = await api(running, `/api/polls/${poll.id}/results.csv?table=answers`, coordinator);
    expect(csv.status).toBe(409);
    const suggestions = await api(
      running,
      `/api/polls/${poll.id}/results.csv?table=suggestions`,
      coordinator,
    );
    expect(suggestions.text).not.toContain('Testi');
  });

  it('exports CSV that Finnish Excel opens correctly', async () => {
    const poll = await create({
      question: { fi: 'Mitä äänestetään?' },
      topics: [
        { id: 'saa', label: { fi: 'Sää; "ilmasto"' } },
        { id: 'oo', label: { fi: 'Öljy' } },
      ],
      audience: { roles: [], municipalityIds: ['jarvela'] },
    });
    const [person] = await addPeople('jarvela', 1, 'jarvela');
    const token = await tokenFor(running, person.aadObjectId);
    await api(running, `/api/polls/${poll.id}/answer`, token, {
      method: 'POST',
      body: { topicIds: ['saa'], suggestion: '=HYPERLINK("http://x")\nrivi 2' },
    });
    const topics = await api(running, `/api/polls/${poll.id}/results.csv`, coordinator);
    expect(topics.status).toBe(200);
    expect(topics.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(topics.headers.get('content-disposition')).toMatch(
      // An ASCII name needs no filename* (RFC 6266); the exact-name form is pinned in the unit tests.
      /^attachment; filename="[\w.-]+\.csv"$/,
    );
    expect([...topics.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = topics.text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '"Aihe";"Yhteensä";"Osuus vastaajista (%)";"Asiantuntijat ja digilähettiläät";"Järvelä"',
    );
    expect(lines[2]).toBe('"Sää; ""ilmasto""";"1";"100";"1";"1"');
    expect(lines.at(-1)).toBe('');

    const suggestions = await api(
      running,
      `/api/polls/${poll.id}/results.csv?table=suggestions`,
      coordinator,
    );
    // A formula is neutralised with an apostrophe; the line break stays inside the quoted field.
    expect(suggestions.text).toContain(`"'=HYPERLINK(""http://x"")\nrivi 2";"Järvelä";"Testi jarvela 0"`);
    const answers = await api(running, `/api/polls/${poll.id}/results.csv?table=answers`, coordinator);
    expect(answers.text.split('\r\n')[0]).toBe(
      '\uFEFF"Nimi";"Kunta";"Roolit";"Sää; ""ilmasto""";"Öljy";"Ehdotus";"Vastattu"',
    );
    expect(answers.text.split('\r\n')[1]).toMatch(
      /^"Testi jarvela 0";"Järvelä";"Asiantuntijat ja digilähettiläät";"1";"";/,
    );
  });

  it('closing a poll stops answers at once; results and the summary card stay available', async () => {
    const poll = await create({ audience: { roles: [], municipalityIds: ['hameenlinna'] } });
    const first = await api(running, `/api/polls/${poll.id}/answer`, aino, {
      method: 'POST',
      body: { topicIds: ['lait'] },
    });
    expect(first.status).toBe(200);
    const closed = await api(running, `/api/polls/${poll.id}/close`, coordinator, { method: 'POST' });
    expect(closed.status).toBe(200);
    expect((closed.json as WishPollAdminView).status).toBe('closed');
    const late = await api(running, `/api/polls/${poll.id}/answer`, aino, {
      method: 'POST',
      body: { topicIds: ['osaaminen'] },
    });
    expect(late.status).toBe(409);
    expect((late.json as { detail: string }).detail).toBe(
      'Kysely on jo sulkeutunut, joten vastaustasi ei tallennettu.',
    );
    const results = (await api(running, `/api/polls/${poll.id}/results`, coordinator))
      .json as WishPollResultsView;
    expect(results).toMatchObject({ status: 'closed', respondents: 1 });
    const card = await api(running, `/api/polls/${poll.id}/summary-card`, coordinator);
    expect(card.status).toBe(200);
    expect(JSON.stringify(card.json)).toContain('Tulosten yhteenveto');
    const list = (await api(running, '/api/polls/manage', coordinator)).json as {
      items: WishPollAdminView[];
    };
    expect(list.items.find((item) => item.id === poll.id)?.status).toBe('closed');
  });
  it('shows participants the results of a closed poll when the coordinators allow it, in their language', async () => {
    const shown = await create({
      audience: { roles: [], municipalityIds: ['hameenlinna'] },
      resultsVisibleToParticipants: true,
    });
    const hidden = await create({ audience: { roles: [], municipalityIds: ['hameenlinna'] } });
    for (const poll of [shown, hidden]) {
      const answered = await api(running, `/api/polls/${poll.id}/answer`, aino, {
        method: 'POST',
        body: { topicIds: ['lait', 'osaaminen'] },
      });
      expect(answered.status).toBe(200);
    }
    // Open polls are answered, not shown as results.
    const before = (await api(running, '/api/polls?lang=en', aino)).json as WishPollListResponse;
    expect(before.closed.map((poll) => poll.id)).not.toContain(shown.id);

    for (const poll of [shown, hidden]) {
      expect(
        (await api(running, `/api/polls/${poll.id}/close`, coordinator, { method: 'POST' })).status,
      ).toBe(200);
    }
    const after = (await api(running, '/api/polls?lang=en', aino)).json as WishPollListResponse;
    const ids = after.closed.map((poll) => poll.id);
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(hidden.id);
    const results = after.closed.find((poll) => poll.id === shown.id);
    expect(results).toMatchObject({
      question: 'Which topic first?',
      respondents: 1,
      myTopicIds: ['osaaminen', 'lait'],
    });
    expect(results?.closedAtText).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4} at \d{1,2}\.\d{2}$/);
    expect(results?.topics).toEqual([
      { id: 'osaaminen', label: 'Competence', count: 1, share: 1 },
      { id: 'hankinnat', label: 'Procurement', count: 0, share: 0 },
      { id: 'lait', label: 'Legislation', count: 1, share: 1 },
    ]);
    // Someone outside the poll's audience sees nothing of it.
    const other = (await api(running, '/api/polls', erik)).json as WishPollListResponse;
    expect(other.closed.map((poll) => poll.id)).not.toContain(shown.id);
  });
});
