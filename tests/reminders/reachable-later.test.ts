import { DEMO_SOON_EVENT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { AINO, personalInstall, TEAM_ID, teamInstall } from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';
import { deliveryOf, emulatorLimits, FAST_LIMITS, fastDispatcher, waitFor } from './support';

/**
 * Issue 13, item 4: on an empty store the demo's first reminder is due before the app is
 * installed anywhere, so nobody can be reached. Once the team installs the app (and the roster is
 * read), the reminder still due goes out: in the channel and in personal chat.
 */
describe('a reminder queued before the app is installed', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  let running: RunningApp | undefined;

  beforeAll(async () => {
    await emulator.start();
  });

  afterAll(async () => {
    await running?.stop();
    await emulator.stop();
  });

  it('is sent once the recipients become reachable, before the event starts', async () => {
    running = await startTestApp({
      appOptions: { delivery: { dispatcher: fastDispatcher() }, reminders: { tickMs: 300 } },
    });
    const { app, url } = running;
    await seedDemoIfEmpty(app.repositories, new Date(), createLogger('silent'));
    const { outbox } = deliveryOf(app);
    const unreachable = async (): Promise<number> => {
      let count = 0;
      for await (const row of outbox.unreachableRows())
        if (row.deliveryId.includes(DEMO_SOON_EVENT_ID)) count += 1;
      return count;
    };
    // Every row of the first reminder is given up: no team, no roster, no personal chat.
    await waitFor(async () => (await unreachable()) > 1, 30_000, 'the reminder given up as unreachable');
    await waitFor(async () => (await outbox.openDeliveries()).length === 0, 30_000, 'the outbox to finish');
    expect(emulator.allActivities()).toHaveLength(0);

    expect(
      await postJson(`${url}/api/messages`, teamInstall({ serviceUrl: emulator.serviceUrl })),
    ).toMatchObject({
      status: 200,
    });
    expect(
      await postJson(`${url}/api/messages`, personalInstall({ serviceUrl: emulator.serviceUrl, from: AINO })),
    ).toMatchObject({ status: 200 });

    const isReminder = (text: string): boolean => text.includes('Aloitusinfo') && text.includes('Muistutus');
    await waitFor(
      () => emulator.activitiesFor(TEAM_ID).some((activity) => isReminder(JSON.stringify(activity.activity))),
      30_000,
      'the channel reminder after the install',
    );
    const ainosReminder = () =>
      emulator
        .allActivities()
        .find(
          (activity) =>
            activity.idempotencyKey?.includes(DEMO_SOON_EVENT_ID) &&
            activity.idempotencyKey.endsWith(playgroundObjectId(0)),
        );
    await waitFor(() => ainosReminder() !== undefined, 30_000, "Aino's personal reminder after the install");
  }, 90_000);
});
