/**
 * The demo network as `npm start` shows it: the closing day is open for registration, some
 * municipalities are full, the sub-region has more seats by a coordinator's decision, someone waits;
 * Aino registers in the Playground with `ilmoittaudu`. Seeded by the same background task that
 * `npm start` runs, on a store seeded the same way.
 */
import { createApp } from '../../bot/src/app';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { seedDemoRegistration } from '../../bot/src/demo/seed-registration';
import { loadConfig } from '../../bot/src/platform/config/config';
import { createLogger } from '../../bot/src/platform/observability/logger';
import type { RegistrationFeature } from '../../bot/src/registration';
import type { RegistrationOverviewResponse } from '../../bot/src/registration/registration-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';
import { api, buttonsOf, execute, invoke, person, tokenFor, type RegistrationApp } from './support';

jest.setTimeout(90_000);

it('opens the closing day for registration with some municipalities full, and Aino can register', async () => {
  const connector = new BotConnectorEmulator();
  await connector.start();
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: testStorageConnectionString(),
    TABLE_PREFIX: uniquePrefix(),
    LOG_LEVEL: 'silent',
  });
  const now = new Date();
  // As `npm start`: the demo network first, then the app starts and its background work seeds the rest.
  const app = createApp(config, { logger: createLogger('silent'), startBackgroundWork: true });
  await seedDemoIfEmpty(app.repositories, now, createLogger('silent'));
  const port = await app.listen();
  const running = { app, url: `http://127.0.0.1:${port}` } as RegistrationApp;
  try {
    await app.tasks.idle();
    const registration = app.features.find(
      (feature) => feature.name === 'registration',
    ) as RegistrationFeature;
    const mikko = { tenantId: DEMO_TENANT_ID, aadObjectId: playgroundObjectId(1), name: 'Mikko Nieminen' };
    const overview = await api<RegistrationOverviewResponse>(
      running,
      '/api/registration/events/closing-day/overview',
      await tokenFor(running, mikko),
    );
    expect(overview.status).toBe(200);
    expect(overview.json.phase).toBe('open');
    const rows = Object.fromEntries(overview.json.matrix.map((row) => [row.municipalityId, row]));
    expect(rows.kangasala).toMatchObject({ confirmed: 4, quota: 4, full: true });
    expect(rows.kuopio).toMatchObject({ confirmed: 4, quota: 4, full: true });
    expect(rows.hameenlinna).toMatchObject({ confirmed: 2, quota: 4, full: false });
    expect(rows.ylasavo).toMatchObject({ confirmed: 3, quota: 8, quotaOverridden: true });
    expect(rows.kauniainen).toMatchObject({ confirmed: 2, quota: 2, waitlisted: 1, full: true });
    expect(overview.json.overrides).toHaveLength(2);
    // Seeding again (a restart) changes nothing.
    expect(await seedDemoRegistration(registration, app.repositories, now, createLogger('silent'))).toBe(
      false,
    );

    // Aino (Hämeenlinna) registers from the card in the Playground.
    const aino = person(0, 'hameenlinna', {
      aadObjectId: playgroundObjectId(0),
      teamsUserId: '29:aino-korhonen',
      name: 'Aino Korhonen',
    });
    const answer = await invoke(
      running,
      execute(
        VERBS.registrationShow,
        { roundId: 'demo-round', eventId: 'closing-day' },
        aino,
        connector.serviceUrl,
      ),
    );
    expect(answer.text).toContain('Hämeenlinna 2/4');
    const register = buttonsOf(answer.card).find((button) => button.title === 'Ilmoittaudu');
    const registered = await invoke(
      running,
      execute(VERBS.registrationRegister, { ...register?.data, diet: 'Kasvis' }, aino, connector.serviceUrl),
    );
    expect(registered.text).toContain('Paikkasi on vahvistettu');
    expect(registered.text).toContain('Hämeenlinna 3/4');
  } finally {
    await app.close();
    await connector.stop();
  }
});
