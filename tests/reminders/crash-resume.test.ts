import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { OutgoingMessage } from '../../bot/src/platform/delivery';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { startTestApp, testStorageConnectionString, type RunningApp } from '../support/test-app';
import {
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fastDispatcher,
  participant,
  seedNetwork,
  workshop,
} from './support';

const RECIPIENTS = 300;
const DELIVERY_ID = 'reminder:round-test:crash:P1D:202411120700';
// The child sends at 100 a second, so the kill lands in the middle of the fan-out.
const CHILD_CONCURRENCY = 4;
const CHILD_LIMITS = { ...FAST_LIMITS, perTenant: [{ maxRequests: 10, windowMs: 100 }] };

describe('a sender killed in the middle of a fan-out', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  let running: RunningApp;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      appOptions: {
        startBackgroundWork: false,
        delivery: { dispatcher: fastDispatcher({ instanceId: 'resumer' }) },
      },
    });
    const people = Array.from({ length: RECIPIENTS }, (_, index) => participant(index + 1));
    await seedNetwork(
      running.app.repositories,
      emulator.serviceUrl,
      [workshop('crash', '2030-11-12T07:00:00.000Z', '2030-11-12T10:00:00.000Z')],
      people,
    );
    const messages: OutgoingMessage[] = people.map((person) => ({
      target: { kind: 'person', identity: { tenantId: person.tenantId, aadObjectId: person.aadObjectId } },
      activity: { type: 'message', text: `Muistutus ${person.name}` },
    }));
    const result = await deliveryOf(running.app).delivery.enqueue({
      deliveryId: DELIVERY_ID,
      purpose: 'reminder',
      messages,
    });
    expect(result).toEqual({ accepted: RECIPIENTS, duplicates: 0 });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await running.stop();
    await emulator.stop();
  });

  it('resumes in another process and repeats at most the sends in flight at the kill, one per sender', async () => {
    // Node itself with tsx's loader, so SIGKILL hits the sending process, not a wrapper around it.
    child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fanout-child.ts')], {
      cwd: path.join(__dirname, '..', '..'),
      env: {
        ...process.env,
        FANOUT_STORAGE: testStorageConnectionString(),
        FANOUT_PREFIX: running.tablePrefix,
        FANOUT_DISPATCHER: JSON.stringify(
          fastDispatcher({
            limits: CHILD_LIMITS,
            concurrency: CHILD_CONCURRENCY,
          }),
        ),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child?.once('exit', (_code, signal) => resolve(signal)),
    );
    await emulator.waitForActivities(RECIPIENTS / 3, 30_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const deliveredBeforeKill = emulator.stats.acceptedActivities;
    expect(deliveredBeforeKill).toBeLessThan(RECIPIENTS);

    // What the killed process had claimed but not recorded: the most that may be repeated.
    const outbox = deliveryOf(running.app).outbox;
    const inFlight = new Set<string>();
    let token: string | undefined;
    do {
      const page = await outbox.unfinishedPage(DELIVERY_ID, 1000, token);
      for (const row of page.items)
        if (row.state === 'sending') inFlight.add(`${DELIVERY_ID}#${row.targetKey}`);
      token = page.continuationToken;
    } while (token);

    // A second instance takes over once the dead one's lease has expired.
    await deliveryOf(running.app).dispatcher.runUntilIdle(30_000);

    const status = await deliveryOf(running.app).delivery.status(DELIVERY_ID);
    expect(status.counts).toEqual({ pending: 0, sending: 0, sent: RECIPIENTS, failed: 0, unreachable: 0 });
    const activities = emulator.allActivities();
    const keys = new Set(activities.map((activity) => activity.idempotencyKey));
    expect(keys.size).toBe(RECIPIENTS);
    const repeated = activities.filter((activity) => activity.duplicate);
    expect(repeated.length).toBe(emulator.stats.duplicates);
    expect(repeated.length).toBeLessThanOrEqual(inFlight.size);
    // Only messages sent but not yet recorded can repeat, and a sender starts its next message only
    // once the last one's outcome is stored: at most one per sender (docs/deployment.md).
    expect(repeated.length).toBeLessThanOrEqual(CHILD_CONCURRENCY);
    for (const activity of repeated) expect(inFlight.has(activity.idempotencyKey ?? '')).toBe(true);
  }, 60_000);
});
