import type { OutgoingMessage } from '../../bot/src/platform/delivery';
import { BotConnectorEmulator, type InjectedFault } from '../emulators/bot-connector-emulator';
import { TEAM_ID, TENANT } from '../support/activities';
import { startTestApp, type RunningApp } from '../support/test-app';
import { deliveryOf, emulatorLimits, FAST_LIMITS, fastDispatcher, participant, seedNetwork } from './support';

/**
 * Microsoft's published limits, ten times faster on both sides (7 per 100 ms, 8 per 200 ms, 60 per
 * 3 s, 1,800 per 6 min per conversation; 50 per 100 ms per tenant): the shape of every window is
 * kept, so a sender that breaks one breaks it here too.
 */
describe('a 429 storm', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  let running: RunningApp;
  const people = Array.from({ length: 150 }, (_, index) => participant(index + 1));
  const CHANNEL_POSTS = 70;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      appOptions: {
        startBackgroundWork: false,
        delivery: {
          dispatcher: fastDispatcher({ concurrency: 32 }),
        },
      },
    });
    await seedNetwork(running.app.repositories, emulator.serviceUrl, [], people);
  });

  afterAll(async () => {
    await running.stop();
    await emulator.stop();
  });

  it('ends with every message delivered once and no limit ever exceeded', async () => {
    const { delivery, dispatcher } = deliveryOf(running.app);
    // Seventy posts to the one channel (past the 60-per-window limit) and a fan-out to 150 people.
    for (let n = 0; n < CHANNEL_POSTS; n += 1) {
      await delivery.enqueue({
        deliveryId: `announcement:storm:${n}`,
        purpose: 'announcement',
        messages: [{ target: { kind: 'channel' }, activity: { type: 'message', text: `Tiedote ${n}` } }],
      });
    }
    const messages: OutgoingMessage[] = people.map((person) => ({
      target: { kind: 'person', identity: { tenantId: TENANT, aadObjectId: person.aadObjectId } },
      activity: { type: 'message', text: 'Muistutus' },
    }));
    await delivery.enqueue({ deliveryId: 'reminder:storm', purpose: 'reminder', messages });

    // The storm: the first sixty requests are all throttled, then one in six at random.
    const storm: InjectedFault[] = Array.from({ length: 60 }, () => ({ kind: '429', retryAfterSeconds: 1 }));
    emulator.injectFaults(storm);
    emulator.injectFaults({ rate: 1 / 6, kinds: ['429', '429-no-retry-after', '503'], seed: 20240820 });

    await dispatcher.runUntilIdle(90_000);

    const stats = emulator.stats;
    expect(stats.injectedFaults).toBeGreaterThan(60);
    expect(stats.limitRejections).toBe(0);
    expect(stats.duplicates).toBe(0);
    expect(emulator.activitiesFor(TEAM_ID)).toHaveLength(CHANNEL_POSTS);
    const personal = emulator.allActivities().filter((activity) => activity.conversationId !== TEAM_ID);
    expect(new Set(personal.map((activity) => activity.conversationId)).size).toBe(people.length);
    expect(personal).toHaveLength(people.length);
    const status = await delivery.status('reminder:storm');
    expect(status.counts.sent).toBe(people.length);
  }, 100_000);
});

describe('unreachable recipients', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  let running: RunningApp;
  const reachable = Array.from({ length: 5 }, (_, index) => participant(index + 1));
  const blocked = participant(101);
  const gone = participant(102);
  const notInRoster = participant(103, { teamsUserId: undefined });

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      appOptions: { startBackgroundWork: false, delivery: { dispatcher: fastDispatcher() } },
    });
    await seedNetwork(
      running.app.repositories,
      emulator.serviceUrl,
      [],
      [...reachable, blocked, gone, notInRoster],
    );
  });

  afterAll(async () => {
    await running.stop();
    await emulator.stop();
  });

  it('are reported with their reasons and tried only once', async () => {
    const { delivery, dispatcher } = deliveryOf(running.app);
    // Create the chats first so they can be blocked, as Teams does when someone blocks the bot.
    const everyone = [...reachable, blocked, gone, notInRoster];
    const message = (person: (typeof everyone)[number]): OutgoingMessage => ({
      target: { kind: 'person', identity: { tenantId: TENANT, aadObjectId: person.aadObjectId } },
      activity: { type: 'message', text: 'Hei' },
    });
    await delivery.enqueue({
      deliveryId: 'announcement:first',
      purpose: 'announcement',
      messages: [message(blocked), message(gone)],
    });
    await dispatcher.runUntilIdle(20_000);
    const chatOf = (person: (typeof everyone)[number]): string =>
      emulator.allActivities().find((activity) => activity.idempotencyKey?.endsWith(person.aadObjectId))
        ?.conversationId ?? '';
    emulator.blockConversation(chatOf(blocked), 403);
    emulator.blockConversation(chatOf(gone), 404);

    await delivery.enqueue({
      deliveryId: 'reminder:unreachable',
      purpose: 'reminder',
      messages: everyone.map(message),
    });
    await dispatcher.runUntilIdle(20_000);

    const status = await delivery.status('reminder:unreachable');
    expect(status.counts).toEqual({ pending: 0, sending: 0, sent: 5, failed: 0, unreachable: 3 });
    const reasons = Object.fromEntries(status.failures.map((failure) => [failure.target, failure.reason]));
    expect(reasons[`person:${TENANT}:${blocked.aadObjectId}`]).toMatch(/^403/);
    expect(reasons[`person:${TENANT}:${gone.aadObjectId}`]).toMatch(/^404/);
    expect(reasons[`person:${TENANT}:${notInRoster.aadObjectId}`]).toMatch(/Teams user id/);
    // One attempt each: a blocked chat is not retried.
    expect(emulator.stats.blockedRejections).toBe(2);
  });
});
