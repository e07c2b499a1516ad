import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { TEAM_ID } from '../support/activities';
import { startTestApp, uniquePrefix, type RunningApp } from '../support/test-app';
import {
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fakeClock,
  fastDispatcher,
  participant,
  remindersOf,
  seedNetwork,
  waitFor,
  workshop,
} from './support';

describe('two app instances on the same storage', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  // The day-ahead reminder of the workshop is due; both instances tick on their own timers.
  const clock = fakeClock('2024-11-11T07:00:30.000Z');
  const people = Array.from({ length: 40 }, (_, index) => participant(index + 1));
  const instances: RunningApp[] = [];

  const tablePrefix = uniquePrefix();

  beforeAll(async () => {
    await emulator.start();
    const appOptions = {
      delivery: { dispatcher: fastDispatcher() },
      reminders: { tickMs: 100, claimTtlMs: 5_000 },
    };
    // Seed first, then start both, so both see the due reminder on their first tick.
    const seeder = await startTestApp({
      clock,
      tablePrefix,
      appOptions: { ...appOptions, startBackgroundWork: false },
    });
    await seedNetwork(
      seeder.app.repositories,
      emulator.serviceUrl,
      [workshop('twins', '2024-11-12T07:00:00.000Z', '2024-11-12T10:00:00.000Z')],
      people,
    );
    await seeder.stop();
    instances.push(
      ...(await Promise.all([1, 2].map(() => startTestApp({ clock, tablePrefix, appOptions })))),
    );
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await emulator.stop();
  });

  it('deliver each reminder once to each recipient', async () => {
    await waitFor(() => emulator.stats.acceptedActivities >= people.length + 1, 20_000, 'all reminders');
    // No sleeping to prove that nothing more arrives. Instead: wait until the outbox has nothing
    // left to send, let each instance run one more scheduler pass of its own (a second enqueue
    // would happen there), and stop both, which waits for their passes and sends under way.
    // After that nothing can arrive, so the counts below are final.
    await waitFor(
      async () => (await deliveryOf(instances[0].app).outbox.openDeliveries()).length === 0,
      20_000,
      'an empty outbox',
    );
    await Promise.all(instances.map((instance) => remindersOf(instance.app).tick()));
    expect(await deliveryOf(instances[0].app).outbox.openDeliveries()).toEqual([]);
    await Promise.all(instances.splice(0).map((instance) => instance.stop()));
    const reader = await startTestApp({
      clock,
      tablePrefix,
      appOptions: { startBackgroundWork: false },
    });
    instances.push(reader);

    const activities = emulator.allActivities();
    expect(activities).toHaveLength(people.length + 1);
    expect(emulator.stats.duplicates).toBe(0);
    const perConversation = new Map<string, number>();
    for (const activity of activities) {
      perConversation.set(activity.conversationId, (perConversation.get(activity.conversationId) ?? 0) + 1);
    }
    expect(perConversation.size).toBe(people.length + 1);
    expect([...perConversation.values()].every((count) => count === 1)).toBe(true);
    expect(perConversation.get(TEAM_ID)).toBe(1);

    // The earlier reminders were superseded, not sent late, and exactly one reminder was enqueued.
    const occurrences = await remindersOf(reader.app).reminders.listOccurrences('round-test');
    const states = Object.fromEntries(occurrences.map((occurrence) => [occurrence.offset, occurrence.state]));
    expect(states).toEqual({ P7D: 'skipped', P1D: 'enqueued', PT1H: 'scheduled' });
  });
});
