/**
 * The coordinators' delivery report and "send again to those who failed", through the real server:
 * a poll goes to its audience through the outbox and the Bot Connector emulator, which blocks,
 * fails or cannot find some of them.
 */
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { DEMO_POLL_ID } from '../../bot/src/demo/demo-polls';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import type { DeliveryReportView, DeliveryRetryResponse } from '../../bot/src/delivery/delivery-contracts';
import type { DeliveryFeature } from '../../bot/src/delivery';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { TENANT, teamInstall } from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

jest.setTimeout(90_000);

let connector: BotConnectorEmulator;
let running: RunningApp;
let mikko: string;
const DELIVERY = `poll:${DEMO_POLL_ID}:personal`;
/** A demo participant the roster never gave a Teams user id: the bot cannot open a chat with her. */
const NOT_IN_ROSTER = 'b2000000-0000-4000-8000-000000000004';

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  const { url: serviceUrl } = await connector.start();
  running = await startTestApp({
    appOptions: {
      // One attempt for a server error, so a failure is final at once (production retries six times).
      delivery: {
        dispatcher: { retry: { maxAttempts: 1, maxThrottledAttempts: 5, baseDelayMs: 20, maxDelayMs: 50 } },
      },
    },
  });
  await seedDemoIfEmpty(running.app.repositories, new Date(), createLogger('silent'));
  // Only the poll goes out in this file: the demo programme's reminders stay quiet.
  await running.app.features.find((feature) => feature.name === 'reminders')?.stop?.();
  const response = await postJson(`${running.url}/api/messages`, teamInstall({ serviceUrl }));
  expect(response.status).toBeLessThan(300);
  await running.app.tasks.idle();
  const someone = await running.app.repositories.participants.get({
    tenantId: DEMO_TENANT_ID,
    aadObjectId: NOT_IN_ROSTER,
  });
  if (!someone) throw new Error('demo participant missing');
  await running.app.repositories.participants.save({ ...someone.value, teamsUserId: undefined });
  mikko = await token(playgroundObjectId(1));
});

afterAll(async () => {
  await running?.stop();
  await connector?.stop();
});

async function token(aadObjectId: string): Promise<string> {
  const response = await postJson(`${running.url}/dev-auth/token`, { tenantId: DEMO_TENANT_ID, aadObjectId });
  return (response.json as { access_token: string }).access_token;
}

async function call<T>(path: string, init: { method?: string; body?: unknown; as?: string } = {}) {
  const response = await fetch(`${running.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${init.as ?? mikko}`,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

const report = (lang = 'fi') =>
  call<DeliveryReportView>(`/api/deliveries/${encodeURIComponent(DELIVERY)}?lang=${lang}`);

/** Waits, as the tab does, until nothing is on its way any more. */
async function untilSent(): Promise<DeliveryReportView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { json } = await report();
    if (!json.sending) return json;
    if (Date.now() > deadline) throw new Error(`still sending: ${JSON.stringify(json.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the delivery report of a send to many', () => {
  it('counts what was sent and names who was not reached, and why, in plain words', async () => {
    connector.injectFaults([
      { kind: '403', operations: ['createConversation'] },
      { kind: '403', operations: ['createConversation'] },
      { kind: '500', operations: ['sendToConversation'] },
    ]);
    const posted = await call(`/api/polls/${DEMO_POLL_ID}/post`, {
      method: 'POST',
      body: { personal: true },
    });
    expect(posted.status).toBe(202);
    const sent = await untilSent();
    expect(sent.total).toBeGreaterThan(50);
    expect(sent.counts).toEqual({
      sent: sent.total - 4,
      pending: 0,
      unreachable: 3,
      failed: 1,
    });
    expect(sent.problems).toHaveLength(4);
    // Failed first, then not reachable; every one with a name and a reason in Finnish.
    expect(sent.problems.map((problem) => problem.state)).toEqual([
      'failed',
      'unreachable',
      'unreachable',
      'unreachable',
    ]);
    expect(sent.problems.every((problem) => problem.kind === 'person' && problem.name.length > 3)).toBe(true);
    const reasons = sent.problems.map((problem) => problem.reasonText);
    expect(reasons).toContain('Henkilö on estänyt sovelluksen tai poistanut sen käytöstä.');
    expect(reasons).toContain(
      'Henkilö ei ole verkoston tiimin jäsenluettelossa, joten häntä ei tavoitettu Teamsissa.',
    );
    expect(reasons).toContain(
      'Teams-palvelu ei vastannut; lähetys epäonnistui useista yrityksistä huolimatta.',
    );
    expect(JSON.stringify(sent)).not.toMatch(/UserNotFound|ConversationBlockedByUser|500|403/);
    expect(sent.retriable).toBe(4);
  });

  it('says the same in Swedish and English', async () => {
    const sv = (await report('sv')).json;
    expect(sv.problems.map((problem) => problem.reasonText)).toContain(
      'Personen har blockerat appen eller tagit den ur bruk.',
    );
    const en = (await report('en')).json;
    expect(en.problems.map((problem) => problem.reasonText)).toContain(
      "The person is not on the network team's member list, so Teams could not reach them.",
    );
  });

  it('sends again only to those who failed, and a second press sends nobody twice', async () => {
    // Only this delivery's messages count: the demo's other sends (the live tally's channel updates,
    // messages that became reachable with the team install) run in the background meanwhile.
    const sentOfThisDelivery = (): number =>
      connector.allActivities().filter((activity) => activity.idempotencyKey?.startsWith(`${DELIVERY}#`))
        .length;
    const before = sentOfThisDelivery();
    const retried = await call<DeliveryRetryResponse>(
      `/api/deliveries/${encodeURIComponent(DELIVERY)}/retry`,
      {
        method: 'POST',
        body: {},
      },
    );
    expect(retried.status).toBe(200);
    expect(retried.json.requeued).toBe(4);
    const after = await untilSent();
    // The blocked and the failed got it this time; the one not in the roster still cannot be reached.
    expect(after.counts.unreachable).toBe(1);
    expect(after.counts.failed).toBe(0);
    expect(after.counts.sent).toBe(after.total - 1);
    expect(sentOfThisDelivery() - before).toBe(3);

    const again = await call<DeliveryRetryResponse>(`/api/deliveries/${encodeURIComponent(DELIVERY)}/retry`, {
      method: 'POST',
      body: {},
    });
    expect(again.json.requeued).toBe(1);
    await untilSent();
    expect(connector.stats.duplicates).toBe(0);
    expect(sentOfThisDelivery() - before).toBe(3);
  });

  it('is for coordinators only, and an unknown delivery is a clear 404', async () => {
    const aino = await token(playgroundObjectId(0));
    expect((await call(`/api/deliveries/${encodeURIComponent(DELIVERY)}`, { as: aino })).status).toBe(403);
    const missing = await call<{ detail: string }>('/api/deliveries/no-such-delivery?lang=fi');
    expect(missing.status).toBe(404);
    expect(missing.json.detail).toBe('Lähetystä ei löytynyt.');
  });

  it('sends a channel post again once the app is in a channel, when it was in none at first', async () => {
    const { installations } = running.app.repositories;
    const [channel] = await installations.channels();
    if (!channel) throw new Error('no channel installation');
    await installations.remove(channel.key, channel.reference);
    const delivery = (running.app.features.find((feature) => feature.name === 'delivery') as DeliveryFeature)
      .delivery;
    const id = 'announcement:test:channel';
    await delivery.enqueue({
      deliveryId: id,
      purpose: 'announcement',
      messages: [{ target: { kind: 'channel' }, activity: { type: 'message', text: 'Tervetuloa' } }],
    });
    const first = await call<DeliveryReportView>(`/api/deliveries/${encodeURIComponent(id)}?lang=fi`);
    expect(first.json.counts.unreachable).toBe(1);
    expect(first.json.problems[0]).toMatchObject({
      kind: 'channel',
      name: 'Verkoston tiimin kanava',
      reasonText:
        'Sovellusta ei ole lisätty yhdenkään tiimin kanavalle. Lisää sovellus verkoston tiimiin ja lähetä viesti uudelleen.',
    });
    await installations.add(channel.key, channel.reference, { overwrite: true });
    const retried = await call<DeliveryRetryResponse>(`/api/deliveries/${encodeURIComponent(id)}/retry`, {
      method: 'POST',
      body: {},
    });
    expect(retried.json.requeued).toBe(1);
    const deadline = Date.now() + 20_000;
    while (
      connector.activitiesFor(channel.conversationId).every((entry) => entry.activity.text !== 'Tervetuloa')
    ) {
      if (Date.now() > deadline) throw new Error('the channel post was not sent');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const after = await call<DeliveryReportView>(`/api/deliveries/${encodeURIComponent(id)}?lang=fi`);
    expect(after.json.counts).toMatchObject({ sent: 1, unreachable: 0 });
  });

  it('refuses to send again once the time of the message is over', async () => {
    const delivery = (running.app.features.find((feature) => feature.name === 'delivery') as DeliveryFeature)
      .delivery;
    await delivery.enqueue({
      deliveryId: 'reminder:test:past-event:P1D',
      purpose: 'reminder',
      notAfter: new Date(Date.now() - 60_000).toISOString(),
      messages: [
        {
          target: { kind: 'person', identity: { tenantId: DEMO_TENANT_ID, aadObjectId: NOT_IN_ROSTER } },
          activity: { type: 'message', text: 'x' },
        },
      ],
    });
    const refused = await call<{ detail: string }>(
      `/api/deliveries/${encodeURIComponent('reminder:test:past-event:P1D')}/retry?lang=en`,
      { method: 'POST', body: {} },
    );
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toMatch(/^The time for this message is over/);
  });
});
