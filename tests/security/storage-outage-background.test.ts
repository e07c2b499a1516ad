import type { OutgoingMessage } from '../../bot/src/platform/delivery';
import { azuriteConnectionString } from '../../scripts/lib/azurite';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { TEAM_ID } from '../support/activities';
import { logged, startAppChild, type AppChild } from '../support/app-child-process';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, testStorageConnectionString, type RunningApp } from '../support/test-app';
import {
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fastDispatcher,
  participant,
  seedNetwork,
  waitFor,
  workshop,
} from '../reminders/support';

jest.setTimeout(120_000);

const RECIPIENTS = 80;
const DELIVERY_ID = 'announcement:outage-test';
// Twenty messages a second: the fan-out takes four seconds, so the outage lands in its middle.
const SLOW_LIMITS = { ...FAST_LIMITS, perTenant: [{ maxRequests: 2, windowMs: 100 }] };

/**
 * The earlier outage test (storage-outage.test.ts) runs with background work off. Here the app
 * runs in a process of its own with the outbox fanning out to people whose chats must first be
 * looked up in storage, and the reminder tick reading the programme every 200 ms, when storage
 * goes away. The process must stay up, and both must carry on when storage comes back.
 */
describe('a storage outage while background work runs', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  let storage: TcpProxy;
  let seeder: RunningApp;
  let child: AppChild | undefined;

  beforeAll(async () => {
    await emulator.start();
    // The app reaches the shared Azurite through a proxy the test cuts: the outage is the app's
    // alone, and the data is all there when storage comes back.
    const azuritePort = Number(/TableEndpoint=http:\/\/[^:]+:(\d+)/.exec(testStorageConnectionString())?.[1]);
    storage = new TcpProxy(azuritePort);
    await storage.start();
    seeder = await startTestApp({ appOptions: { startBackgroundWork: false } });
    const people = Array.from({ length: RECIPIENTS }, (_, index) => participant(index + 1));
    const inAMonth = new Date(Date.now() + 30 * 24 * 3600_000);
    await seedNetwork(
      seeder.app.repositories,
      emulator.serviceUrl,
      [workshop('later', inAMonth.toISOString(), new Date(inAMonth.getTime() + 3 * 3600_000).toISOString())],
      people,
    );
    await seeder.app.repositories.programme.saveRound({
      id: 'round-test',
      name: { fi: 'Testikierros' },
      startsAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 90 * 24 * 3600_000).toISOString(),
    });
    const messages: OutgoingMessage[] = people.map((person) => ({
      target: { kind: 'person', identity: { tenantId: person.tenantId, aadObjectId: person.aadObjectId } },
      activity: { type: 'message', text: `Tiedote ${person.name}` },
    }));
    await deliveryOf(seeder.app).delivery.enqueue({
      deliveryId: DELIVERY_ID,
      purpose: 'announcement',
      messages,
    });
  });

  afterAll(async () => {
    await child?.kill('SIGKILL');
    await seeder.stop();
    await storage.stop();
    await emulator.stop();
  });

  it('keeps the process up, and the fan-out and the reminder tick resume when storage returns', async () => {
    child = startAppChild({
      storage: azuriteConnectionString(storage.port),
      tablePrefix: seeder.tablePrefix,
      appOptions: {
        delivery: {
          dispatcher: fastDispatcher({ limits: SLOW_LIMITS, concurrency: 4, instanceId: 'child' }),
        },
        reminders: { tickMs: 200 },
      },
    });
    await child.waitForLine((line) => line.startsWith('listening '), 60_000, 'the app to listen');
    await emulator.waitForActivities(10, 30_000);

    await storage.cut();
    // Both background jobs meet the outage: a person's chat cannot be looked up, the programme
    // cannot be read. Before the fix the first of these ended the process with code 1.
    // The fan-out meets it either in a sender (a chat to look up) or in the result writer (the
    // outcomes to record), depending on how far the senders got when the cut came.
    const fanOutFailed = [
      logged('outbox send failed unexpectedly'),
      logged('outbox results could not be written'),
    ];
    await child.waitForLine(
      (line) => fanOutFailed.some((match) => match(line)),
      30_000,
      'the fan-out to fail',
    );
    await child.waitForLine(logged('reminder tick failed'), 30_000, 'the reminder tick to fail');
    expect(child.process.exitCode).toBeNull();

    await storage.restore();
    // A reminder that falls due now: the tick must pick it up again by itself.
    const tomorrow = new Date(Date.now() + 23 * 3600_000);
    await seeder.app.repositories.programme.saveEvent(
      workshop(
        'after-outage',
        tomorrow.toISOString(),
        new Date(tomorrow.getTime() + 3600_000).toISOString(),
        {
          audienceRoles: ['elected'],
        },
      ),
    );

    const keys = (): Set<string> =>
      new Set(emulator.allActivities().map((activity) => activity.idempotencyKey ?? ''));
    await waitFor(
      () => [...keys()].filter((key) => key.startsWith(`${DELIVERY_ID}#`)).length === RECIPIENTS,
      60_000,
      'every recipient of the fan-out',
    );
    await waitFor(
      () => [...keys()].some((key) => key.startsWith('reminder:round-test:after-outage:P1D')),
      60_000,
      'the reminder due after the outage',
    );
    expect(emulator.activitiesFor(TEAM_ID).length).toBeGreaterThanOrEqual(1);
    expect(child.process.exitCode).toBeNull();
    await waitFor(
      async () => (await deliveryOf(seeder.app).delivery.status(DELIVERY_ID)).counts.sent === RECIPIENTS,
      30_000,
      'every outcome recorded as sent',
    );
  });
});
