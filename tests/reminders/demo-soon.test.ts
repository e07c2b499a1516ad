import { DEMO_SOON_EVENT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { AINO, personalInstall, TEAM_ID, teamInstall } from '../support/activities';
import { postJson, startTestApp, uniquePrefix, type RunningApp } from '../support/test-app';
import { emulatorLimits, FAST_LIMITS, fastDispatcher, waitFor } from './support';

/** What `npm start` shows in the Playground: the demo's "starts soon" event is reminded of at once. */
describe('the demo network right after start', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  let running: RunningApp | undefined;

  beforeAll(async () => {
    await emulator.start();
  });

  afterAll(async () => {
    await running?.stop();
    await emulator.stop();
  });

  it('posts the reminder in the channel and sends it in personal chat within seconds', async () => {
    const tablePrefix = uniquePrefix();
    // Seed and install before the schedulers start, as `npm start` and a first Playground visit do.
    const seeder = await startTestApp({ tablePrefix, appOptions: { startBackgroundWork: false } });
    await seedDemoIfEmpty(seeder.app.repositories, new Date(), createLogger('silent'));
    expect(
      await postJson(`${seeder.url}/api/messages`, teamInstall({ serviceUrl: emulator.serviceUrl })),
    ).toMatchObject({
      status: 200,
    });
    expect(
      await postJson(
        `${seeder.url}/api/messages`,
        personalInstall({ serviceUrl: emulator.serviceUrl, from: AINO }),
      ),
    ).toMatchObject({ status: 200 });
    await seeder.app.tasks.idle();
    await seeder.stop();
    emulator.reset();

    running = await startTestApp({
      tablePrefix,
      appOptions: { delivery: { dispatcher: fastDispatcher() }, reminders: { tickMs: 500 } },
    });
    const isReminder = (text: string): boolean => text.includes('Aloitusinfo') && text.includes('Muistutus');
    await waitFor(
      () => emulator.activitiesFor(TEAM_ID).some((activity) => isReminder(JSON.stringify(activity.activity))),
      30_000,
      'the channel reminder',
    );
    const ainosReminder = () =>
      emulator.allActivities().find((activity) => activity.idempotencyKey?.endsWith(playgroundObjectId(0)));
    await waitFor(() => ainosReminder() !== undefined, 30_000, "Aino's personal reminder");
    const aino = ainosReminder();
    expect(aino?.idempotencyKey).toContain(DEMO_SOON_EVENT_ID);
    // The day-ahead reminder went out late, two hours before: it says so, not "tomorrow".
    expect(JSON.stringify(aino?.activity)).toContain('Tapahtuma alkaa 2 tunnin kuluttua.');
  }, 60_000);
});
