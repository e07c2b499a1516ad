/**
 * The waitlist through the real server, Azurite and the Bot Connector emulator, with a fake clock:
 * a freed seat is offered to the first waiting person of the same municipality, who gets a card
 * with Accept / Decline; an offer not accepted in time goes to the next; after registration closes
 * nothing is offered and the coordinators decide.
 */
import type {
  RegistrationEventView,
  RegistrationOverviewResponse,
} from '../../bot/src/registration/registration-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import {
  COORDINATOR,
  EVENT_ID,
  ROUND_ID,
  api,
  buttonsOf,
  cardText,
  cardsFor,
  closingDay,
  execute,
  invoke,
  movableClock,
  openRegistration,
  person,
  seed,
  startRegistrationApp,
  tokenFor,
  waitFor,
  type RegistrationApp,
} from './support';

jest.setTimeout(90_000);

const START = '2025-04-01T09:00:00.000Z';
const clock = movableClock(START);
let connector: BotConnectorEmulator;
let running: RegistrationApp;

const [anna, bertta, cecilia, daniel, eero] = [1, 2, 3, 4, 5].map((index) =>
  person(index, 'hameenlinna', { name: ['Anna', 'Bertta', 'Cecilia', 'Daniel', 'Eero'][index - 1] ?? '' }),
) as [
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
];
const kaisa = person(6, 'kangasala', { name: 'Kaisa', language: 'sv' });

beforeAll(async () => {
  connector = new BotConnectorEmulator();
  await connector.start();
});
afterAll(async () => {
  await connector.stop();
});
beforeEach(async () => {
  clock.set(START);
  connector.reset();
  running = await startRegistrationApp({ clock });
  await seed(running.app, {
    events: [closingDay()],
    people: [anna, bertta, cecilia, daniel, eero, kaisa],
    serviceUrl: connector.serviceUrl,
  });
  await openRegistration(running, { quota: 2 });
});
afterEach(async () => {
  await running.stop();
});

async function register(who: ReturnType<typeof person>): Promise<RegistrationEventView> {
  const answer = await api<RegistrationEventView>(
    running,
    `/api/registration/events/${EVENT_ID}/register`,
    await tokenFor(running, who),
    { method: 'POST', body: { answers: {} } },
  );
  expect(answer.status).toBe(200);
  return answer.json;
}

async function cancel(who: ReturnType<typeof person>) {
  return api<RegistrationEventView>(
    running,
    `/api/registration/events/${EVENT_ID}/cancel`,
    await tokenFor(running, who),
    {
      method: 'POST',
    },
  );
}

async function statusOf(who: ReturnType<typeof person>) {
  const settings = await running.registration.repository.getSettings(ROUND_ID, EVENT_ID);
  if (!settings) throw new Error('no settings');
  return (await running.registration.repository.findRegistration(settings, who))?.status;
}

async function offerCard(who: ReturnType<typeof person>) {
  await waitFor(
    async () =>
      (await cardsFor(running, connector, who)).some((card) => cardText(card).includes('Vahvistan paikan')),
    10_000,
    `the offer card to ${who.name}`,
  );
  return (await cardsFor(running, connector, who)).at(-1);
}

describe('the waitlist', () => {
  it('offers a freed seat to the first waiting person of the same municipality, who takes it from the card', async () => {
    expect((await register(anna)).registration?.mine?.status).toBe('confirmed');
    expect((await register(bertta)).registration?.mine?.status).toBe('confirmed');
    const waiting = await register(cecilia);
    expect(waiting.registration?.mine).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(waiting.registration?.seats).toEqual({ taken: 2, quota: 2, full: true });
    expect((await register(daniel)).registration?.mine?.position).toBe(2);
    // Kangasala's seats are its own: Kaisa gets one though Hämeenlinna is full.
    expect((await register(kaisa)).registration?.mine?.status).toBe('confirmed');

    clock.set('2025-04-02T10:00:00.000Z');
    expect((await cancel(anna)).status).toBe(200);
    expect(await statusOf(cecilia)).toBe('offered');
    expect(await statusOf(daniel)).toBe('waitlisted');

    const card = await offerCard(cecilia);
    const text = cardText(card);
    expect(text).toContain('Sinulle vapautui paikka');
    // 48 hours from 2.4.2025 13.00 Helsinki time.
    expect(text).toContain('Paikka on varattu sinulle 4.4.2025 klo 13.00 asti.');
    const accept = buttonsOf(card).find((button) => button.title === 'Vahvistan paikan');
    expect(accept?.verb).toBe(VERBS.registrationOffer);
    const answer = await invoke(
      running,
      // What she types into the card's questions before taking the seat is kept.
      execute(VERBS.registrationOffer, { ...accept?.data, diet: 'Kasvis' }, cecilia, connector.serviceUrl),
    );
    expect(answer.text).toContain('Paikkasi on vahvistettu.');
    expect(await statusOf(cecilia)).toBe('confirmed');
    const settings = await running.registration.repository.getSettings(ROUND_ID, EVENT_ID);
    const stored = settings
      ? await running.registration.repository.findRegistration(settings, cecilia)
      : undefined;
    expect(stored?.answers).toEqual({ diet: 'Kasvis' });
    // Daniel is now first in line.
    const daniels = await api<{ events: RegistrationEventView[] }>(
      running,
      '/api/registration/events',
      await tokenFor(running, daniel),
    );
    expect(daniels.json.events[0]?.registration?.mine).toMatchObject({ status: 'waitlisted', position: 1 });
  });

  it('moves an offer not accepted within 48 hours to the next in line, and tells the one who missed it', async () => {
    for (const who of [anna, bertta, cecilia, daniel, eero]) await register(who);
    clock.set('2025-04-02T10:00:00.000Z');
    await cancel(bertta);
    expect(await statusOf(cecilia)).toBe('offered');

    clock.set('2025-04-04T09:59:00.000Z');
    expect((await running.registration.tick()).expired).toBe(0);
    expect(await statusOf(cecilia)).toBe('offered');

    clock.set('2025-04-04T10:00:30.000Z');
    expect((await running.registration.tick()).expired).toBe(1);
    expect(await statusOf(cecilia)).toBe('cancelled');
    expect(await statusOf(daniel)).toBe('offered');
    await waitFor(
      async () =>
        (await cardsFor(running, connector, cecilia)).some((card) =>
          cardText(card).includes('Paikkatarjous vanheni'),
        ),
      10_000,
      'the expiry notice',
    );
    const expired = (await cardsFor(running, connector, cecilia)).at(-1);
    expect(cardText(expired)).toContain('Voit liittyä jonoon uudelleen');
    // The notice offers to join again; the old offer's buttons are gone.
    expect(buttonsOf(expired).map((button) => button.title)).toContain('Liity jonoon');
    expect(buttonsOf(expired).map((button) => button.title)).not.toContain('Vahvistan paikan');

    // Daniel declines: Eero is next.
    const card = await offerCard(daniel);
    const decline = buttonsOf(card).find((button) => button.title === 'En tarvitse paikkaa');
    const answer = await invoke(
      running,
      execute(VERBS.registrationOffer, decline?.data, daniel, connector.serviceUrl),
    );
    expect(answer.text).toContain('Paikka siirtyy jonossa seuraavalle.');
    expect(await statusOf(eero)).toBe('offered');

    // An answer on Cecilia's old offer card changes nothing and says so.
    const oldCard = (await cardsFor(running, connector, cecilia)).find((found) =>
      cardText(found).includes('Vahvistan paikan'),
    );
    const stale = buttonsOf(oldCard).find((button) => button.title === 'Vahvistan paikan');
    const late = await invoke(
      running,
      execute(VERBS.registrationOffer, stale?.data, cecilia, connector.serviceUrl),
    );
    expect(late.text).toContain('Sinulle ei ole nyt tarjolla paikkaa.');
    expect(await statusOf(cecilia)).toBe('cancelled');
    expect(await statusOf(eero)).toBe('offered');
  });

  it('lets nobody take a freed seat past the people waiting, even when the offer was cut short by a crash', async () => {
    for (const who of [anna, bertta, cecilia]) await register(who);
    // Anna's cancellation is written but the instance stops before offering her seat.
    const settings = await running.registration.repository.getSettings(ROUND_ID, EVENT_ID);
    if (!settings) throw new Error('no settings');
    const scope = await running.registration.repository.scope(settings, 'hameenlinna');
    const count = scope.counts.get('hameenlinna');
    const annas = scope.registrations.find((registration) => registration.aadObjectId === anna.aadObjectId);
    if (!count || !annas) throw new Error('no seat');
    await running.registration.repository.commit(scope, [
      { kind: 'count', count: { ...count, confirmed: count.confirmed - 1 } },
      { kind: 'registration', registration: { ...annas, status: 'cancelled', cancelReason: 'participant' } },
    ]);
    // Daniel arrives to a free seat, but Cecilia has been waiting: the seat is offered to her.
    const daniels = await register(daniel);
    expect(daniels.registration?.mine).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await statusOf(cecilia)).toBe('offered');
  });

  it('offers nothing once registration has closed: the coordinators decide, with a reason on record', async () => {
    for (const who of [anna, bertta, cecilia]) await register(who);
    // Closed on 1.5. at 16.00; cancellations are allowed until 6.5.
    clock.set('2025-05-02T08:00:00.000Z');
    await cancel(anna);
    expect(await statusOf(cecilia)).toBe('waitlisted');
    await running.registration.tick();
    expect(await statusOf(cecilia)).toBe('waitlisted');

    const coordinator = await tokenFor(running, COORDINATOR);
    const overview = await api<RegistrationOverviewResponse>(
      running,
      `/api/registration/events/${EVENT_ID}/overview`,
      coordinator,
    );
    expect(overview.json.phase).toBe('closed');
    expect(overview.json.matrix.find((row) => row.municipalityId === 'hameenlinna')).toMatchObject({
      quota: 2,
      confirmed: 1,
      waitlisted: 1,
      full: false,
    });
    expect(overview.json.waitlist.map((entry) => entry.name)).toEqual(['Cecilia']);

    const noReason = await api(running, `/api/registration/events/${EVENT_ID}/overrides`, coordinator, {
      method: 'POST',
      body: { kind: 'confirm', person: cecilia, reason: '' },
    });
    expect(noReason.status).toBe(400);
    const decided = await api<RegistrationOverviewResponse>(
      running,
      `/api/registration/events/${EVENT_ID}/overrides`,
      coordinator,
      {
        method: 'POST',
        body: { kind: 'confirm', person: cecilia, reason: 'Jonossa ensimmäisenä, paikka vapautui' },
      },
    );
    expect(decided.status).toBe(200);
    expect(await statusOf(cecilia)).toBe('confirmed');
    expect(decided.json.overrides[0]).toMatchObject({
      kind: 'confirm',
      subjectName: 'Cecilia',
      reason: 'Jonossa ensimmäisenä, paikka vapautui',
      actorName: 'Koordinaattori',
    });
    await waitFor(
      async () =>
        (await cardsFor(running, connector, cecilia)).some((card) =>
          cardText(card).includes('Koordinaattori vahvisti paikkasi'),
        ),
      10_000,
      'the notice of the decision',
    );
    // The coordinators' audit log records the decision too (stamped with the real time).
    const month = new Date().toISOString().slice(0, 7);
    const audit = await api<{ items: { action: string; target: string; outcome: number }[] }>(
      running,
      `/api/audit?month=${month}`,
      coordinator,
    );
    expect(
      audit.json.items.some(
        (entry) =>
          entry.action === 'POST /api/registration/events/:eventId/overrides' && entry.outcome === 200,
      ),
    ).toBe(true);
  });
});
