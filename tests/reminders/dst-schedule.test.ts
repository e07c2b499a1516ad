import { reminderDueAt } from '../../bot/src/reminders/reminder-schedule';
import { BotConnectorEmulator, type RecordedActivity } from '../emulators/bot-connector-emulator';
import { TEAM_ID } from '../support/activities';
import { startTestApp, type RunningApp } from '../support/test-app';
import {
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fakeClock,
  fastDispatcher,
  participant,
  remindersOf,
  seedNetwork,
  workshop,
} from './support';

describe('a reminder due time in Helsinki', () => {
  it('keeps the Helsinki wall-clock time for whole days across the October change', () => {
    // Monday 28.10.2024 9.00 EET (UTC+2); the clocks went back on Sunday 27.10 at 4.00.
    const start = new Date('2024-10-28T07:00:00.000Z');
    expect(reminderDueAt(start, 'P7D').toISOString()).toBe('2024-10-21T06:00:00.000Z'); // 9.00 EEST
    expect(reminderDueAt(start, 'P1D').toISOString()).toBe('2024-10-27T07:00:00.000Z'); // 9.00 EET
    expect(reminderDueAt(start, 'PT1H').toISOString()).toBe('2024-10-28T06:00:00.000Z');
  });

  it('keeps the Helsinki wall-clock time for whole days across the March change', () => {
    // Monday 31.3.2025 9.00 EEST (UTC+3); the clocks went forward on Sunday 30.3 at 3.00.
    const start = new Date('2025-03-31T06:00:00.000Z');
    expect(reminderDueAt(start, 'P7D').toISOString()).toBe('2025-03-24T07:00:00.000Z'); // 9.00 EET
    expect(reminderDueAt(start, 'P1D').toISOString()).toBe('2025-03-30T06:00:00.000Z'); // 9.00 EEST
    // The hours part is elapsed time: a quarter to nine, real minutes before the start.
    expect(reminderDueAt(start, 'PT15M').toISOString()).toBe('2025-03-31T05:45:00.000Z');
  });
});

describe('reminders across a daylight-saving change, through the running app', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  const clock = fakeClock('2024-10-20T12:00:00.000Z');
  let running: RunningApp;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      clock,
      appOptions: { startBackgroundWork: false, delivery: { dispatcher: fastDispatcher() } },
    });
    await seedNetwork(
      running.app.repositories,
      emulator.serviceUrl,
      [workshop('dst', '2024-10-28T07:00:00.000Z', '2024-10-28T10:00:00.000Z')],
      [participant(1, { language: 'fi' }), participant(2, { language: 'sv' })],
    );
  });

  afterAll(async () => {
    await running.stop();
    await emulator.stop();
  });

  async function tickAt(iso: string): Promise<readonly string[]> {
    clock.set(iso);
    const result = await remindersOf(running.app).tick();
    await deliveryOf(running.app).dispatcher.runUntilIdle(20_000);
    return result.enqueued;
  }

  function cardText(activity: RecordedActivity): string {
    return JSON.stringify(activity.activity.attachments ?? []);
  }

  it('sends the week-ahead reminder at 9.00 Helsinki summer time, not an hour off', async () => {
    expect(await tickAt('2024-10-21T05:59:00.000Z')).toEqual([]);
    expect(emulator.stats.acceptedActivities).toBe(0);

    const enqueued = await tickAt('2024-10-21T06:00:00.000Z');
    expect(enqueued).toHaveLength(1);
    expect(enqueued[0]).toContain(':P7D:');
    const activities = emulator.allActivities();
    // The channel and both people, each once.
    expect(activities).toHaveLength(3);
    expect(activities.filter((activity) => activity.conversationId === TEAM_ID)).toHaveLength(1);
    const swedish = activities.find((activity) => cardText(activity).includes('Påminnelse'));
    const finnish = activities.find(
      (activity) => activity.conversationId !== TEAM_ID && cardText(activity).includes('Muistutus'),
    );
    expect(cardText(swedish!)).toContain('28.10.2024 kl. 9.00');
    expect(cardText(finnish!)).toContain('28.10.2024 klo 9.00');
    expect(cardText(finnish!)).toContain('Tapahtuma on viikon kuluttua.');
  });

  it('sends the day-ahead reminder at 9.00 Helsinki winter time on the day the clocks changed', async () => {
    expect(await tickAt('2024-10-27T06:59:00.000Z')).toEqual([]);
    const enqueued = await tickAt('2024-10-27T07:00:00.000Z');
    expect(enqueued).toHaveLength(1);
    expect(enqueued[0]).toContain(':P1D:');
    expect(emulator.allActivities()).toHaveLength(6);
    expect(emulator.stats.duplicates).toBe(0);
  });

  it('never sends a reminder after the event has started', async () => {
    // The app was down over the hour-ahead reminder and comes back after the start.
    expect(await tickAt('2024-10-28T07:01:00.000Z')).toEqual([]);
    expect(emulator.allActivities()).toHaveLength(6);
    const body = (await deliveryOf(running.app).outbox.openDeliveries()).length;
    expect(body).toBe(0);
  });
});
