/**
 * After a person's erasure the outbox keeps nothing that names them: not their row of a delivery,
 * nor a message written for them alone (their "my data" card answered privately, a registration
 * notice), nor a delivery whose id carries their object id (`registration:…:<tenant>|<object id>:…`).
 * Deliveries to many keep their shared messages and the other recipients' rows.
 */
import { TableClient } from '@azure/data-tables';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { AINO, channelMessage, TEAM_ID, TENANT } from '../support/activities';
import { postJson, startTestApp, testStorageConnectionString, type RunningApp } from '../support/test-app';
import {
  channelReference,
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fastDispatcher,
  participant,
} from '../reminders/support';

jest.setTimeout(60_000);

describe("erasure and the outbox's messages", () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  let running: RunningApp;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      appOptions: { startBackgroundWork: false, delivery: { dispatcher: fastDispatcher() } },
    });
  });
  afterAll(async () => {
    await running?.stop();
    await emulator.stop();
  });

  async function outboxText(): Promise<string> {
    const rows: unknown[] = [];
    for (const table of ['outbox', 'deliveryqueue']) {
      const client = TableClient.fromConnectionString(
        testStorageConnectionString(),
        `${running.tablePrefix}${table}`,
        { allowInsecureConnection: true },
      );
      for await (const entity of client.listEntities()) rows.push(entity);
    }
    return JSON.stringify(rows);
  }

  it('removes the messages written for the erased person and deliveries named after them', async () => {
    const { repositories } = running.app;
    const aino = participant(0, {
      aadObjectId: AINO.aadObjectId,
      name: 'Aino Korhonen',
      email: 'aino.korhonen@hameenlinna.fi',
      teamsUserId: AINO.id,
    });
    const other = participant(7, { name: 'Olli Osallistuja' });
    await repositories.participants.save(aino);
    await repositories.participants.save(other);
    await repositories.installations.add(`_${TENANT}_${TEAM_ID}`, channelReference(emulator.serviceUrl), {
      overwrite: true,
    });
    const { delivery, dispatcher } = deliveryOf(running.app);

    // "omat tietoni" asked in the channel: the card with her e-mail goes to her personal chat.
    const asked = await postJson(
      `${running.url}/api/messages`,
      channelMessage('omat tietoni', { serviceUrl: emulator.serviceUrl, from: AINO }),
    );
    expect(asked.status).toBeLessThan(300);
    await running.app.tasks.idle();
    // A notice for her alone, under an id that names her, as the registration notices are.
    await delivery.enqueue({
      deliveryId: `registration:confirmed:round-x:event-y:${TENANT}|${AINO.aadObjectId}:1`,
      purpose: 'invitation',
      messages: [
        {
          target: { kind: 'person', identity: aino },
          activity: { type: 'message', text: 'Aino Korhonen, paikkasi on vahvistettu.' },
        },
      ],
    });
    // A message to both of them: the shared text and Olli's row stay.
    await delivery.enqueue({
      deliveryId: 'announcement:both',
      purpose: 'announcement',
      messages: [aino, other].map((person) => ({
        target: { kind: 'person' as const, identity: person },
        activity: { type: 'message', text: 'Yhteinen tiedote' },
      })),
    });
    await dispatcher.runUntilIdle(10_000);
    const before = await outboxText();
    for (const needle of [AINO.aadObjectId, 'aino.korhonen@hameenlinna.fi', 'Aino Korhonen']) {
      expect(before).toContain(needle);
    }

    const token = (
      (await postJson(`${running.url}/dev-auth/token`, { tenantId: TENANT, aadObjectId: AINO.aadObjectId }))
        .json as { access_token: string }
    ).access_token;
    const erased = await fetch(`${running.url}/api/me/erase`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ confirm: true }),
    });
    expect(erased.status).toBe(204);

    const after = await outboxText();
    const found = [AINO.aadObjectId, 'aino.korhonen@hameenlinna.fi', 'Aino Korhonen', 'Aino'].filter(
      (needle) => after.includes(needle),
    );
    expect(found).toEqual([]);
    const both = await delivery.report('announcement:both');
    // The report counts Olli alone now: the erased person is in no count either.
    expect(both?.total).toBe(1);
    expect(both?.counts.sent).toBe(1);
    expect(after).toContain('Yhteinen tiedote');
    expect(after).toContain(other.aadObjectId);
  });
});
