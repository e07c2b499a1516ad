/**
 * Handing a seat to a colleague, the cancellation deadline, "I can't attend" on the reminder card,
 * in-person reminders for the confirmed only, and the personal calendar link: through the real
 * server, Azurite and the Bot Connector emulator.
 */
import ICAL from 'ical.js';
import type { RegistrationEventView } from '../../bot/src/registration/registration-contracts';
import type { RemindersFeature } from '../../bot/src/reminders';
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
  message,
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

const anna = person(1, 'hameenlinna', { name: 'Anna Aalto' });
const bertta = person(2, 'hameenlinna', { name: 'Bertta Berg', language: 'sv' });
const cecilia = person(3, 'hameenlinna', { name: 'Cecilia Cederqvist' });
const outsider = person(4, 'porvoo', { name: 'Olli Porvoosta' });
const visitor = person(5, 'kangasala', { name: 'Ville Vieras', roles: ['elected'] });

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
    people: [anna, bertta, cecilia, outsider, visitor],
    serviceUrl: connector.serviceUrl,
  });
  await openRegistration(running, { quota: 1 });
});
afterEach(async () => {
  await running.stop();
});

async function register(who: ReturnType<typeof person>) {
  return api<RegistrationEventView>(
    running,
    `/api/registration/events/${EVENT_ID}/register`,
    await tokenFor(running, who),
    {
      method: 'POST',
      body: { answers: { diet: 'Gluteeniton' } },
    },
  );
}

async function statusOf(who: ReturnType<typeof person>) {
  const settings = await running.registration.repository.getSettings(ROUND_ID, EVENT_ID);
  if (!settings) throw new Error('no settings');
  return (await running.registration.repository.findRegistration(settings, who))?.status;
}

describe('a confirmed seat', () => {
  it('can be handed to a colleague of the same municipality from the card, who is told and gets it', async () => {
    await register(anna);
    await register(bertta);
    const shown = await invoke(
      running,
      execute(VERBS.registrationShow, { roundId: ROUND_ID, eventId: EVENT_ID }, anna, connector.serviceUrl),
    );
    const transfer = buttonsOf(shown.card).find((button) => button.verb === VERBS.registrationTransfer);
    expect(transfer?.title).toBe('Luovuta paikka');
    // The choices are Anna's colleagues in Hämeenlinna without a seat (Bertta is waiting).
    const choices = JSON.stringify(shown.card);
    expect(choices).toContain('Bertta Berg');
    expect(choices).toContain('Cecilia Cederqvist');
    expect(choices).not.toContain('Olli Porvoosta');

    const handed = await invoke(
      running,
      execute(
        VERBS.registrationTransfer,
        { ...transfer?.data, colleague: `${bertta.tenantId}|${bertta.aadObjectId}` },
        anna,
        connector.serviceUrl,
      ),
    );
    expect(handed.text).toContain('Paikkasi on luovutettu kollegallesi (Bertta Berg)');
    expect(await statusOf(anna)).toBe('cancelled');
    expect(await statusOf(bertta)).toBe('confirmed');
    await waitFor(
      async () => (await cardsFor(running, connector, bertta)).length > 0,
      10_000,
      "Bertta's card",
    );
    const [card] = await cardsFor(running, connector, bertta);
    // Bertta reads Swedish.
    expect(cardText(card)).toContain('Du fick en plats av din kollega');
    expect(cardText(card)).toContain('Anna Aalto överlät sin plats till dig.');
    expect(buttonsOf(card).some((button) => button.title === 'Lägg till i kalendern')).toBe(true);
  });

  it('cannot be handed to someone from another municipality', async () => {
    await register(anna);
    const refused = await api(
      running,
      `/api/registration/events/${EVENT_ID}/transfer`,
      await tokenFor(running, anna),
      {
        method: 'POST',
        body: { colleague: { tenantId: outsider.tenantId, aadObjectId: outsider.aadObjectId } },
      },
    );
    expect(refused.status).toBe(422);
    expect((refused.json as { code: string }).code).toBe('notColleague');
    expect(await statusOf(anna)).toBe('confirmed');
  });

  it('can be cancelled until the deadline, and not after it', async () => {
    await register(anna);
    await register(cecilia);
    clock.set('2025-05-06T13:01:00.000Z');
    const late = await api(
      running,
      `/api/registration/events/${EVENT_ID}/cancel`,
      await tokenFor(running, anna),
      {
        method: 'POST',
      },
    );
    expect(late.status).toBe(409);
    expect((late.json as { code: string }).code).toBe('deadlinePassed');
    expect(await statusOf(anna)).toBe('confirmed');
    const onCard = await invoke(
      running,
      execute(VERBS.registrationCancel, { roundId: ROUND_ID, eventId: EVENT_ID }, anna, connector.serviceUrl),
    );
    expect(onCard.text).toContain('Peruutusaika on päättynyt');
    expect(buttonsOf(onCard.card).some((button) => button.verb === VERBS.registrationCancel)).toBe(false);
    // The waiting may still leave the line.
    const leave = await api(
      running,
      `/api/registration/events/${EVENT_ID}/cancel`,
      await tokenFor(running, cecilia),
      {
        method: 'POST',
      },
    );
    expect(leave.status).toBe(200);
    expect(await statusOf(cecilia)).toBe('cancelled');
  });
});

describe('the in-person reminders of an event with a registration', () => {
  it('go to the confirmed only, and "I can\'t attend" on them gives the seat to the next in line', async () => {
    await register(anna);
    await register(cecilia);
    await register(visitor);
    const coordinator = await tokenFor(running, COORDINATOR);
    const sent = await api<{ accepted: number }>(
      running,
      `/api/events/${EVENT_ID}/reminders/send-now`,
      coordinator,
      {
        method: 'POST',
        body: { channel: false, personal: true },
      },
    );
    expect(sent.status).toBe(202);
    // Anna and Ville are confirmed; Cecilia waits and gets nothing.
    expect(sent.json.accepted).toBe(2);
    await waitFor(
      async () => (await cardsFor(running, connector, anna)).length > 0,
      10_000,
      "Anna's reminder",
    );
    expect(await cardsFor(running, connector, cecilia)).toHaveLength(0);

    const [reminder] = await cardsFor(running, connector, anna);
    const cannotAttend = buttonsOf(reminder).find((button) => button.verb === VERBS.cannotAttend);
    const answer = await invoke(
      running,
      execute(VERBS.cannotAttend, cannotAttend?.data, anna, connector.serviceUrl),
    );
    expect(answer.text).toContain('Vapautimme paikkasi jonossa seuraavalle.');
    expect(await statusOf(anna)).toBe('cancelled');
    expect(await statusOf(cecilia)).toBe('offered');
  });

  it('after the cancellation deadline record "I can\'t attend" but keep the seat for the coordinators to decide', async () => {
    await register(anna);
    await register(cecilia);
    clock.set('2025-05-19T06:00:00.000Z');
    const answer = await invoke(
      running,
      execute(VERBS.cannotAttend, { roundId: ROUND_ID, eventId: EVENT_ID }, anna, connector.serviceUrl),
    );
    expect(answer.text).toContain('Kiitos, että kerroit.');
    expect(answer.text).toContain('paikkaasi ei vapautettu');
    expect(await statusOf(anna)).toBe('confirmed');
    // The coordinators see the absence in the reminders' list.
    const reminders = running.app.features.find(
      (feature) => feature.name === 'reminders',
    ) as RemindersFeature;
    expect(await reminders.absences.has(ROUND_ID, EVENT_ID, anna)).toBe(true);
  });
});

describe('the personal calendar link', () => {
  it('gives the confirmed their own entry, and its cancellation once the seat is gone', async () => {
    await register(anna);
    const view = await api<{ events: RegistrationEventView[] }>(
      running,
      '/api/registration/events',
      await tokenFor(running, anna),
    );
    const link = view.json.events[0]?.registration?.mine?.calendarUrl;
    expect(link).toMatch(
      /\/api\/registration\/links\/round-registration\/closing-day\/calendar\.ics\?token=/,
    );
    const path = new URL(link ?? '').pathname + new URL(link ?? '').search;
    const file = await api(running, path, undefined);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('method=REQUEST');
    const calendar = ICAL.Component.fromString(file.text);
    const entry = calendar.getFirstSubcomponent('vevent');
    expect(entry?.getFirstPropertyValue('summary')).toBe('Päätöstilaisuus');
    expect(entry?.getFirstPropertyValue('location')).toBe('Kuntatalo, Toinen linja 14, 00530 Helsinki');
    expect(String(entry?.getFirstProperty('attendee')?.getFirstValue())).toBe(`mailto:${anna.email}`);
    const start = entry?.getFirstPropertyValue('dtstart') as
      { toString(): string; timezone?: string } | undefined;
    expect(start?.toString()).toBe('2025-05-20T09:00:00');

    // A tampered or foreign token opens nothing.
    const tampered = await api(running, path.replace(/token=([^.]+)\.([^.]+)\./, 'token=$1.$2x.'), undefined);
    expect(tampered.status).toBe(404);
    expect((await api(running, path.replace(EVENT_ID, 'kickoff'), undefined)).status).toBe(404);

    await api(running, `/api/registration/events/${EVENT_ID}/cancel`, await tokenFor(running, anna), {
      method: 'POST',
    });
    const cancelled = await api(running, path, undefined);
    expect(cancelled.headers.get('content-type')).toContain('method=CANCEL');
    expect(cancelled.text).toContain('STATUS:CANCELLED');

    // The waitlisted get no link at all.
    await register(cecilia);
    await register(bertta);
    const bertas = await api<{ events: RegistrationEventView[] }>(
      running,
      '/api/registration/events',
      await tokenFor(running, bertta),
    );
    expect(bertas.json.events[0]?.registration?.mine).toMatchObject({
      status: 'waitlisted',
      calendarUrl: null,
    });
  });
});

describe('the announcement', () => {
  it('sends each person the event is for, who has not registered, their own card once', async () => {
    await register(anna);
    const coordinator = await tokenFor(running, COORDINATOR);
    const sent = await api<{ recipients: number; accepted: number }>(
      running,
      `/api/registration/events/${EVENT_ID}/announce`,
      coordinator,
      { method: 'POST' },
    );
    expect(sent.status).toBe(202);
    // Everyone but Anna, who is registered.
    expect(sent.json).toMatchObject({ recipients: 4, accepted: 4 });
    await waitFor(
      async () => (await cardsFor(running, connector, bertta)).length > 0,
      10_000,
      "Bertta's card",
    );
    const [card] = await cardsFor(running, connector, bertta);
    expect(cardText(card)).toContain('Anmälan har öppnat');
    expect(cardText(card)).toContain('Tavastehus 1/1 (fullt)');
    expect(buttonsOf(card).map((button) => button.title)).toContain('Ställ mig i kön');
    const [olli] = await cardsFor(running, connector, outsider);
    expect(cardText(olli)).toContain('Porvoo 0/1');
    expect(await cardsFor(running, connector, anna)).toHaveLength(0);
    const again = await api<{ accepted: number; duplicates: number }>(
      running,
      `/api/registration/events/${EVENT_ID}/announce`,
      coordinator,
      { method: 'POST' },
    );
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 4 });
  });
});

describe('the command', () => {
  it('`ilmoittaudu` shows the open registration as a card with the municipality’s seats', async () => {
    await register(cecilia);
    const response = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message('ilmoittaudu', anna, connector.serviceUrl)),
    });
    expect(response.status).toBeLessThan(300);
    await waitFor(() => connector.allActivities().length > 0, 10_000, 'the reply');
    const reply = connector.allActivities().at(-1);
    const card: unknown = reply?.activity.attachments?.[0]?.content;
    expect(cardText(card)).toContain('Hämeenlinna 1/1 (täynnä)');
    expect(buttonsOf(card).map((button) => button.title)).toContain('Liity jonoon');
  });
});
