/**
 * Pre-assignments handed in from the reminder card and the tab, changeable until the due time;
 * completion per municipality for coordinators; one reminder before the due time to those who
 * have not handed in. Real server, Azurite, Bot Connector emulator, fake clock.
 */
import type {
  PreAssignmentCompletionResponse,
  RegistrationEventView,
} from '../../bot/src/registration/registration-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import type { ProgrammeEvent } from '../../bot/src/shared/programme-event';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { uniquePrefix } from '../support/test-app';
import {
  COORDINATOR,
  ROUND_ID,
  api,
  buttonsOf,
  cardText,
  cardsFor,
  execute,
  invoke,
  movableClock,
  person,
  seed,
  startRegistrationApp,
  tokenFor,
  waitFor,
  type RegistrationApp,
} from './support';

jest.setTimeout(90_000);

const WORKSHOP = 'workshop-1';
/** A remote workshop on Thursday 16.10.2025 at 9.00; the pre-assignment is due the day before at 16.00. */
const workshop: ProgrammeEvent = {
  roundId: ROUND_ID,
  id: WORKSHOP,
  type: 'developmentWorkshop',
  title: { fi: 'Kehittämispaja 1', sv: 'Utvecklingsverkstad 1', en: 'Development workshop 1' },
  description: undefined,
  startsAt: '2025-10-16T06:00:00.000Z',
  endsAt: '2025-10-16T09:00:00.000Z',
  place: undefined,
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/workshop-1',
  audienceRoles: ['developer'],
  municipalityId: undefined,
  inPersonQuota: undefined,
  preAssignment: {
    text: {
      fi: 'Kirjaa kolme haastetta.',
      sv: 'Skriv ner tre utmaningar.',
      en: 'Write down three challenges.',
    },
    url: 'https://www.kuntaliitto.fi/digitalisaatio',
    dueAt: '2025-10-15T13:00:00.000Z',
  },
  organiser: 'Kuntaliitto',
};

const clock = movableClock('2025-10-01T09:00:00.000Z');
let connector: BotConnectorEmulator;
let running: RegistrationApp;
const anna = person(1, 'hameenlinna', { name: 'Anna Aalto' });
const bertta = person(2, 'hameenlinna', { name: 'Bertta Berg', language: 'en' });
const erik = person(3, 'porvoo', { name: 'Erik Ek', language: 'sv' });
const leader = person(4, 'porvoo', { name: 'Leena Johtaja', roles: ['leadership'] });

beforeAll(async () => {
  connector = new BotConnectorEmulator();
  await connector.start();
  running = await startRegistrationApp({ clock });
  await seed(running.app, {
    events: [workshop],
    people: [anna, bertta, erik, leader],
    serviceUrl: connector.serviceUrl,
  });
});
afterAll(async () => {
  await running.stop();
  await connector.stop();
});

describe('handing in a pre-assignment', () => {
  it('starts from the reminder card: its button opens the form, and the answer is stored and shown back', async () => {
    const sent = await api(
      running,
      `/api/events/${WORKSHOP}/reminders/send-now`,
      await tokenFor(running, COORDINATOR),
      {
        method: 'POST',
        body: { channel: false, personal: true },
      },
    );
    expect(sent.status).toBe(202);
    await waitFor(
      async () => (await cardsFor(running, connector, anna)).length > 0,
      10_000,
      "Anna's reminder",
    );
    const [reminder] = await cardsFor(running, connector, anna);
    const handIn = buttonsOf(reminder).find((button) => button.title === 'Palauta ennakkotehtävä');
    expect(handIn).toMatchObject({
      verb: VERBS.preAssignmentOpen,
      data: { roundId: ROUND_ID, eventId: WORKSHOP },
    });
    // "I can't attend" is still there, after the new button.
    expect(buttonsOf(reminder).map((button) => button.verb)).toEqual(
      expect.arrayContaining([VERBS.preAssignmentOpen, VERBS.cannotAttend]),
    );

    const form = await invoke(
      running,
      execute(VERBS.preAssignmentOpen, handIn?.data, anna, connector.serviceUrl),
    );
    expect(form.text).toContain('Kirjaa kolme haastetta.');
    expect(form.text).toContain('Palautettava 15.10.2025 klo 16.00 mennessä.');
    const submit = buttonsOf(form.card).find((button) => button.verb === VERBS.preAssignmentHandIn);
    const saved = await invoke(
      running,
      execute(
        VERBS.preAssignmentHandIn,
        { ...submit?.data, text: 'Osaaminen, rahoitus, johtaminen', url: '', done: 'false' },
        anna,
        connector.serviceUrl,
      ),
    );
    expect(saved.text).toContain('Kiitos! Ennakkotehtäväsi on palautettu.');
    expect(saved.text).toContain('Osaaminen, rahoitus, johtaminen');
    expect(saved.text).toContain('Voit muuttaa palautustasi 15.10.2025 klo 16.00 asti.');

    const empty = await invoke(
      running,
      execute(
        VERBS.preAssignmentHandIn,
        { ...submit?.data, text: '  ', done: 'false' },
        anna,
        connector.serviceUrl,
      ),
    );
    expect(empty.text).toContain('Kirjoita vastaus, anna linkki tai merkitse tehtävä tehdyksi.');
  });

  it('from the tab takes a link or "done", refuses a link that is not https, and is changeable until the due time', async () => {
    const token = await tokenFor(running, erik);
    const path = `/api/registration/events/${WORKSHOP}/pre-assignment`;
    const bad = await api(running, path, token, { method: 'PUT', body: { url: 'javascript:alert(1)' } });
    expect(bad.status).toBe(422);
    expect((bad.json as { code: string }).code).toBe('badUrl');
    const link = await api<RegistrationEventView>(running, path, token, {
      method: 'PUT',
      body: { url: 'https://example.fi/porvoo-haasteet' },
    });
    expect(link.status).toBe(200);
    expect(link.json.preAssignment?.mine).toMatchObject({
      url: 'https://example.fi/porvoo-haasteet',
      done: false,
    });
    const done = await api<RegistrationEventView>(running, path, token, {
      method: 'PUT',
      body: { done: true },
    });
    expect(done.json.preAssignment?.mine).toMatchObject({ url: null, done: true });

    const leaderToken = await tokenFor(running, leader);
    const notMine = await api(running, path, leaderToken, { method: 'PUT', body: { done: true } });
    expect(notMine.status).toBe(403);

    clock.set('2025-10-15T13:00:00.000Z');
    const late = await api(running, path, token, { method: 'PUT', body: { text: 'Myöhässä' } });
    expect(late.status).toBe(409);
    expect((late.json as { code: string }).code).toBe('closed');
    const events = await api<{ events: RegistrationEventView[] }>(running, '/api/registration/events', token);
    expect(events.json.events[0]?.preAssignment).toMatchObject({ open: false, mine: { done: true } });
    clock.set('2025-10-01T09:00:00.000Z');
  });

  it('shows coordinators completion per municipality and the answers', async () => {
    const completion = await api<PreAssignmentCompletionResponse>(
      running,
      `/api/registration/events/${WORKSHOP}/pre-assignment/completion`,
      await tokenFor(running, COORDINATOR),
    );
    expect(completion.status).toBe(200);
    expect(completion.json.rows).toEqual([
      { municipalityId: 'hameenlinna', municipalityName: 'Hämeenlinna', audience: 2, handedIn: 1 },
      { municipalityId: 'porvoo', municipalityName: 'Porvoo', audience: 1, handedIn: 1 },
    ]);
    expect(completion.json.answers.map((answer) => [answer.name, answer.text, answer.done])).toEqual([
      ['Anna Aalto', 'Osaaminen, rahoitus, johtaminen', false],
      ['Erik Ek', null, true],
    ]);
  });
});

describe('the pre-assignment reminder', () => {
  it('goes once, a day before the due time, to those who have not handed in, in their language', async () => {
    connector.reset();
    clock.set('2025-10-14T12:00:00.000Z');
    expect((await running.registration.tick()).reminders).toEqual([]);
    clock.set('2025-10-14T13:30:00.000Z');
    const first = await running.registration.tick();
    expect(first.reminders).toHaveLength(1);
    // A second pass, and a second instance on the same storage, send nothing more.
    expect((await running.registration.tick()).reminders).toEqual([]);
    const twin = await startRegistrationApp({ clock, tablePrefix: running.tablePrefix });
    try {
      expect((await twin.registration.tick()).reminders).toEqual([]);
    } finally {
      await twin.stop();
    }
    await waitFor(
      async () => (await cardsFor(running, connector, bertta)).length > 0,
      10_000,
      "Bertta's reminder",
    );
    const [card] = await cardsFor(running, connector, bertta);
    expect(cardText(card)).toContain('Reminder: pre-assignment');
    expect(cardText(card)).toContain('The pre-assignment is due by 15.10.2025 at 16.00.');
    expect(await cardsFor(running, connector, anna)).toHaveLength(0);
    expect(await cardsFor(running, connector, erik)).toHaveLength(0);
    expect(await cardsFor(running, connector, leader)).toHaveLength(0);
  });

  it('is not sent at all for a pre-assignment whose due time has passed', async () => {
    const other = await startRegistrationApp({ clock, tablePrefix: uniquePrefix() });
    try {
      await seed(other.app, { events: [workshop], people: [anna] });
      clock.set('2025-10-15T13:00:01.000Z');
      expect((await other.registration.tick()).reminders).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
