/**
 * A round past its retention is purged with everything the outbox kept of it: the delivery
 * headers, the message bodies (which carry names and the event), every recipient's row and the
 * reminder records that point to them. A scan of the delivery tables afterwards finds nothing of
 * that round, while the current round's deliveries stay.
 */
import { TableClient } from '@azure/data-tables';
import type { Round } from '../../bot/src/shared/programme-event';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { TEAM_ID, TENANT } from '../support/activities';
import { startTestApp, testStorageConnectionString, type RunningApp } from '../support/test-app';
import {
  channelReference,
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fakeClock,
  fastDispatcher,
  participant,
  remindersOf,
  workshop,
} from '../reminders/support';

jest.setTimeout(60_000);

const OLD_ROUND: Round = {
  id: 'vanha-kierros',
  name: { fi: 'Kierros 1' },
  startsAt: '2020-01-01T00:00:00.000Z',
  endsAt: '2020-06-01T00:00:00.000Z',
};
const DAY = 24 * 3_600_000;
const CURRENT_ROUND: Round = {
  id: 'nykyinen-kierros',
  name: { fi: 'Kierros 4' },
  startsAt: new Date(Date.now() - 30 * DAY).toISOString(),
  endsAt: new Date(Date.now() + 180 * DAY).toISOString(),
};
/** The delivery tables: the outbox and its queue, and the reminders' records of what was sent. */
const DELIVERY_TABLES = ['outbox', 'deliveryqueue', 'reminders', 'reminderplans'];

describe("a round's retention purge", () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  const clock = fakeClock('2020-03-01T08:00:00.000Z');
  let running: RunningApp;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      clock,
      appOptions: { startBackgroundWork: false, delivery: { dispatcher: fastDispatcher() } },
    });
  });
  afterAll(async () => {
    await running?.stop();
    await emulator.stop();
  });

  async function rowsOf(table: string): Promise<Record<string, unknown>[]> {
    const client = TableClient.fromConnectionString(
      testStorageConnectionString(),
      `${running.tablePrefix}${table}`,
      {
        allowInsecureConnection: true,
      },
    );
    const rows: Record<string, unknown>[] = [];
    for await (const entity of client.listEntities()) rows.push(entity);
    return rows;
  }

  it('deletes the outbox rows, bodies and reminder records of the round, and keeps the current round', async () => {
    const { repositories } = running.app;
    const oldEvent = workshop('paja-2020', '2020-03-10T08:00:00.000Z', '2020-03-10T11:00:00.000Z', {
      roundId: OLD_ROUND.id,
      title: { fi: 'Vanha paja', sv: 'Gammal verkstad', en: 'Old workshop' },
    });
    const currentEvent = workshop(
      'paja-nyt',
      new Date(Date.now() + 7 * DAY).toISOString(),
      new Date(Date.now() + 7 * DAY + 3_600_000).toISOString(),
      {
        roundId: CURRENT_ROUND.id,
      },
    );
    const person = participant(1, { language: 'fi' });
    await repositories.programme.saveRound({ ...OLD_ROUND, teamId: TEAM_ID });
    await repositories.programme.saveEvent(oldEvent);
    await repositories.participants.save(person);
    await repositories.installations.add(`_${TENANT}_${TEAM_ID}`, channelReference(emulator.serviceUrl), {
      overwrite: true,
    });
    const { scheduler } = remindersOf(running.app);
    const { delivery, dispatcher } = deliveryOf(running.app);

    // In 2020: a reminder of the old round to the channel and the person, and a message that
    // belongs to no round (a private reply), both sent.
    const old = await scheduler.sendNow(oldEvent, { channel: true, personal: true }, 'old-round-press');
    expect(old.accepted).toBe(2);
    await delivery.enqueue({
      deliveryId: 'private:2020-reply:0',
      purpose: 'privateReply',
      messages: [
        { target: { kind: 'person', identity: person }, activity: { type: 'message', text: 'Vastaus 2020' } },
      ],
    });
    await dispatcher.runUntilIdle(10_000);
    expect((await delivery.status(old.deliveryId)).counts.sent).toBe(2);

    // Years later: the current round sends its own reminder, then the old round's retention ends.
    clock.set(new Date().toISOString());
    await repositories.programme.saveRound(CURRENT_ROUND);
    await repositories.programme.saveEvent(currentEvent);
    const current = await scheduler.sendNow(currentEvent, { channel: true, personal: true }, 'current-press');
    // A delivery written before deliveries named their round: only its id says which round it is.
    await delivery.enqueue({
      deliveryId: `invitation:${OLD_ROUND.id}:meeting-7:1`,
      purpose: 'invitation',
      messages: [
        { target: { kind: 'person', identity: person }, activity: { type: 'message', text: 'Vanha kutsu' } },
      ],
    });
    await dispatcher.runUntilIdle(10_000);

    const before = JSON.stringify(await rowsOf('outbox'));
    expect(before).toContain(OLD_ROUND.id);
    expect(before).toContain('Vanha paja');

    const dataRights = running.app.features.find((feature) => feature.name === 'dataRights') as unknown as {
      service: { purgeExpiredRounds(): Promise<string[]> };
    };
    expect(await dataRights.service.purgeExpiredRounds()).toEqual([OLD_ROUND.id]);

    for (const table of DELIVERY_TABLES) {
      const text = JSON.stringify(await rowsOf(table));
      expect({
        table,
        found: [OLD_ROUND.id, 'paja-2020', 'Vanha paja', 'Vastaus 2020', 'Vanha kutsu'].filter((needle) =>
          text.includes(needle),
        ),
      }).toEqual({ table, found: [] });
    }
    // The current round's reminder is untouched: its report still counts what was sent.
    expect((await delivery.status(current.deliveryId)).counts.sent).toBe(2);
    expect(await delivery.report(old.deliveryId)).toBeUndefined();
  });
});
