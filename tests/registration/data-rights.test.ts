/**
 * People's data rights over every table of the registration feature: registrations with their
 * answers (diet and accessibility needs included), waitlist places, pre-assignment hand-ins,
 * recording cards sent, coordinators' decisions about them. Export, erasure (a held seat passes to
 * the next in line) and the purge of a round past its retention, through the real API on Azurite.
 */
import type { RegistrationEventView } from '../../bot/src/registration/registration-contracts';
import type { ProgrammeEvent } from '../../bot/src/shared/programme-event';
import type { TableStore } from '../../bot/src/platform/storage/table-store';
import {
  COORDINATOR,
  EVENT_ID,
  ROUND_ID,
  api,
  closingDay,
  movableClock,
  openRegistration,
  person,
  seed,
  startRegistrationApp,
  tokenFor,
  type RegistrationApp,
} from './support';

jest.setTimeout(90_000);

const clock = movableClock('2025-04-01T09:00:00.000Z');
let running: RegistrationApp;
const anna = person(1, 'hameenlinna', { name: 'Anna Aalto' });
const bertta = person(2, 'hameenlinna', { name: 'Bertta Berg' });
const training: ProgrammeEvent = {
  ...closingDay(),
  id: 'training',
  type: 'training',
  startsAt: '2025-03-20T10:00:00.000Z',
  endsAt: '2025-03-20T12:00:00.000Z',
  place: undefined,
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/training',
  inPersonQuota: undefined,
};
const workshop: ProgrammeEvent = {
  ...closingDay(),
  id: 'workshop',
  type: 'developmentWorkshop',
  startsAt: '2025-04-10T06:00:00.000Z',
  endsAt: '2025-04-10T09:00:00.000Z',
  place: undefined,
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/workshop',
  inPersonQuota: undefined,
  preAssignment: { text: { fi: 'Kolme haastetta' }, url: undefined, dueAt: undefined },
};

/** Every row of a table whose columns mention the person. */
async function rowsNaming(store: TableStore, table: string, objectId: string): Promise<number> {
  const client = await store.table(table);
  let count = 0;
  for await (const entity of client.listEntities()) {
    if (JSON.stringify(entity).includes(objectId)) count += 1;
  }
  return count;
}

async function rowsOfRound(store: TableStore, table: string): Promise<number> {
  const client = await store.table(table);
  let count = 0;
  for await (const entity of client.listEntities()) {
    if ((entity as { roundId?: string }).roundId === ROUND_ID) count += 1;
  }
  return count;
}

const TABLES = ['registrations', 'registrationlog', 'preassignments', 'recordings', 'recordingdeliveries'];

beforeAll(async () => {
  running = await startRegistrationApp({ clock });
  await seed(running.app, { events: [closingDay(), training, workshop], people: [anna, bertta] });
  await openRegistration(running, { quota: 1 });
  const { service, preAssignments, recordings } = running.registration;
  await service.register(ROUND_ID, EVENT_ID, anna, { diet: 'Keliakia', accessibility: 'Kuulolaite' });
  await service.register(ROUND_ID, EVENT_ID, bertta, {});
  await service.setMunicipalityQuota(ROUND_ID, EVENT_ID, 'hameenlinna', 1, 'Vahvistus', COORDINATOR);
  await service.cancelByCoordinator(ROUND_ID, EVENT_ID, anna, 'Tuplailmoittautuminen', COORDINATOR);
  await service.confirmByCoordinator(ROUND_ID, EVENT_ID, anna, 'Korjaus: ei tupla', COORDINATOR);
  await preAssignments.handIn(ROUND_ID, 'workshop', anna, { text: 'Annan vastaus' });
  await recordings.save(
    ROUND_ID,
    'training',
    {
      url: 'https://stream.example/t',
      availableFrom: '2025-03-21T00:00:00.000Z',
      availableUntil: '2025-06-30T00:00:00.000Z',
    },
    'Koordinaattori',
    undefined,
  );
  await running.app.repositories.participants.save({ ...anna, roles: ['developer'] });
  await recordings.send(ROUND_ID, 'training', { notAttended: false, audience: true });
});
afterAll(async () => {
  await running.stop();
});

describe('registration data in the data rights', () => {
  it('are in the person’s export, answers included', async () => {
    const exported = await api<{ registration: Record<string, unknown[]> }>(
      running,
      '/api/me/data',
      await tokenFor(running, anna),
    );
    expect(exported.status).toBe(200);
    const section = exported.json.registration;
    expect(section.registrations).toEqual([
      expect.objectContaining({
        eventId: EVENT_ID,
        status: 'confirmed',
        answers: { diet: 'Keliakia', accessibility: 'Kuulolaite' },
        byCoordinator: true,
      }),
    ]);
    expect(section.preAssignmentHandIns).toEqual([
      expect.objectContaining({ eventId: 'workshop', text: 'Annan vastaus' }),
    ]);
    expect(section.recordingCards).toEqual([
      expect.objectContaining({ eventId: 'training', reason: 'audience' }),
    ]);
    expect(section.coordinatorDecisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'cancel', reason: 'Tuplailmoittautuminen' }),
        expect.objectContaining({ kind: 'confirm', reason: 'Korjaus: ei tupla' }),
      ]),
    );
  });

  it('are erased from every table, and the seat passes to the next in line', async () => {
    for (const table of TABLES.filter((name) => name !== 'recordings')) {
      expect({ table, rows: await rowsNaming(running.app.store, table, anna.aadObjectId) }).not.toEqual({
        table,
        rows: 0,
      });
    }
    const erased = await api(running, '/api/me/erase', await tokenFor(running, anna), {
      method: 'POST',
      body: { confirm: true },
    });
    expect(erased.status).toBe(204);
    for (const table of TABLES) {
      expect({ table, rows: await rowsNaming(running.app.store, table, anna.aadObjectId) }).toEqual({
        table,
        rows: 0,
      });
    }
    const berttas = await api<{ events: RegistrationEventView[] }>(
      running,
      '/api/registration/events',
      await tokenFor(running, bertta),
    );
    expect(berttas.json.events.find((event) => event.eventId === EVENT_ID)?.registration?.mine?.status).toBe(
      'offered',
    );
    // Decisions about her go (their reasons may name her); the quota decision stays.
    const overview = await api<{ overrides: { kind: string; reason: string }[] }>(
      running,
      `/api/registration/events/${EVENT_ID}/overview`,
      await tokenFor(running, COORDINATOR),
    );
    expect(overview.json.overrides.map((entry) => [entry.kind, entry.reason])).toEqual([
      ['quota', 'Vahvistus'],
    ]);
  });

  it('go with the round when its retention ends', async () => {
    for (const table of ['registrations', 'registrationlog', 'recordings']) {
      expect({ table, rows: await rowsOfRound(running.app.store, table) }).not.toEqual({ table, rows: 0 });
    }
    clock.set('2027-06-01T00:00:00.000Z');
    const dataRights = running.app.features.find((feature) => feature.name === 'dataRights') as unknown as {
      service: { purgeExpiredRounds(): Promise<string[]> };
    };
    expect(await dataRights.service.purgeExpiredRounds()).toEqual([ROUND_ID]);
    for (const table of TABLES) {
      expect({ table, rows: await rowsOfRound(running.app.store, table) }).toEqual({ table, rows: 0 });
    }
  });
});
