/**
 * The transaction guard itself, under the worst timing: 20 registrations on two service instances
 * (two storage clients, as two app instances have) all read "3 of 4 taken" before any of them
 * writes, then race to commit. Table Storage (Azurite) must accept exactly one of the 20
 * entity-group transactions; the others retry, see the municipality full and join the waitlist.
 */
import { createLogger } from '../../bot/src/platform/observability/logger';
import { TableStore } from '../../bot/src/platform/storage/table-store';
import type { TeamsIdentity } from '../../bot/src/shared/participant';
import { MunicipalityRepository, ParticipantRepository } from '../../bot/src/people';
import { ProgrammeRepository } from '../../bot/src/programme';
import { OverrideLog } from '../../bot/src/registration/override-log';
import type { RegistrationSettings } from '../../bot/src/registration/registration-model';
import { RegistrationRepository, type SeatScope } from '../../bot/src/registration/registration-repository';
import { RegistrationService } from '../../bot/src/registration/registration-service';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';
import { EVENT_ID, ROUND, ROUND_ID, closingDay, person } from './support';

jest.setTimeout(60_000);

/** Holds the first `parties` reads until all of them have read: everyone decides on the same state. */
class BarrierRepository extends RegistrationRepository {
  static shared(parties: number) {
    let arrived = 0;
    const release: (() => void)[] = [];
    return async (): Promise<void> => {
      arrived += 1;
      if (arrived > parties) return;
      await new Promise<void>((resolve) => {
        release.push(resolve);
        if (arrived === parties) for (const go of release) go();
      });
    };
  }

  gate: () => Promise<void> = () => Promise.resolve();

  override async scope(settings: RegistrationSettings, municipalityId: string): Promise<SeatScope> {
    const scope = await super.scope(settings, municipalityId);
    await this.gate();
    return scope;
  }

  /** The quick path's read (count and row by point reads) waits at the same barrier. */
  override async seat(settings: RegistrationSettings, municipalityId: string, identity: TeamsIdentity) {
    const seat = await super.seat(settings, municipalityId, identity);
    await this.gate();
    return seat;
  }
}

it('accepts exactly one of 20 transactions that all saw the last seat free, across two instances', async () => {
  const prefix = uniquePrefix();
  const settings = { kind: 'connectionString' as const, connectionString: testStorageConnectionString() };
  const now = new Date('2025-04-01T09:00:00.000Z');
  const gate = BarrierRepository.shared(20);
  const services = [0, 1].map(() => {
    const store = new TableStore(settings, prefix);
    const registrations = new BarrierRepository(store);
    return {
      store,
      registrations,
      service: new RegistrationService({
        registrations,
        programme: new ProgrammeRepository(store),
        participants: new ParticipantRepository(store),
        log: new OverrideLog(store),
        notify: () => Promise.resolve(),
        clock: () => now,
        logger: createLogger('silent'),
      }),
    };
  });
  const [one, two] = services;
  if (!one || !two) throw new Error('two instances');
  const programme = new ProgrammeRepository(one.store);
  const participants = new ParticipantRepository(one.store);
  await programme.saveRound(ROUND);
  await programme.saveEvent(closingDay());
  await new MunicipalityRepository(one.store).save({
    id: 'porvoo',
    name: 'Porvoo',
    population: 51000,
    region: 'Uusimaa',
    sizeClass: '50to100k',
  });
  const early = [1, 2, 3].map((index) => person(index, 'porvoo'));
  const contenders = Array.from({ length: 20 }, (_, index) => person(300 + index, 'porvoo'));
  await Promise.all([...early, ...contenders].map((who) => participants.save(who)));
  await one.service.saveSettings(
    ROUND_ID,
    EVENT_ID,
    {
      opensAt: '2025-03-01T07:00:00.000Z',
      closesAt: '2025-05-01T13:00:00.000Z',
      quota: 4,
      capacity: undefined,
      cancelDeadline: undefined,
      offerHours: 48,
      questions: [],
    },
    { tenantId: 't', aadObjectId: 'o', name: 'Koordinaattori' },
    undefined,
  );
  for (const who of early) await one.service.register(ROUND_ID, EVENT_ID, who, {});

  for (const instance of services) instance.registrations.gate = gate;
  const outcomes = await Promise.all(
    contenders.map((who, index) =>
      (index % 2 === 0 ? one : two).service.register(ROUND_ID, EVENT_ID, who, {}),
    ),
  );

  const statuses = outcomes.map((outcome) => outcome.registration?.status);
  expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(1);
  expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(19);
  // Every contender read a free seat; 19 of their transactions were refused at least once.
  const conflicts = one.service.stats.conflicts + two.service.stats.conflicts;
  expect(conflicts).toBeGreaterThanOrEqual(19);
  const stored = await one.registrations.getSettings(ROUND_ID, EVENT_ID);
  if (!stored) throw new Error('no settings');
  one.registrations.gate = () => Promise.resolve();
  const scope = await one.registrations.scope(stored, 'porvoo');
  expect(scope.counts.get('porvoo')).toMatchObject({ confirmed: 4, offered: 0 });
  expect(scope.registrations.filter((registration) => registration.status === 'confirmed')).toHaveLength(4);
});
