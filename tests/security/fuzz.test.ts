import { TableServiceClient, TableClient } from '@azure/data-tables';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-network';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { cardAction, personalMessage } from '../support/activities';
import { postJson, startTestApp, testStorageConnectionString, type RunningApp } from '../support/test-app';

jest.setTimeout(180_000);

/** Tables whose rows record traffic rather than people's data (seen activities, references, sends). */
const TRAFFIC_TABLES = [
  'activityledger',
  'installations',
  'welcomes',
  'outbox',
  'leases',
  'personalchats',
  'audit',
];

let connector: BotConnectorEmulator;
let serviceUrl: string;
let running: RunningApp;

beforeAll(async () => {
  connector = new BotConnectorEmulator({
    defaultTenantId: DEMO_TENANT_ID,
    perConversationLimits: [],
    perTenantLimits: [],
  });
  serviceUrl = (await connector.start()).url;
  running = await startTestApp({ appOptions: { startBackgroundWork: false } });
  await seedDemoIfEmpty(running.app.repositories, new Date(), createLogger('silent'));
});
afterAll(async () => {
  await running.stop();
  await connector.stop();
});

/** A fingerprint of every row of people's data under this test's table prefix. */
async function fingerprint(): Promise<string> {
  const connectionString = testStorageConnectionString();
  const service = TableServiceClient.fromConnectionString(connectionString, {
    allowInsecureConnection: true,
  });
  const hash = createHash('sha256');
  const names: string[] = [];
  for await (const table of service.listTables()) {
    const name = table.name ?? '';
    if (!name.startsWith(running.tablePrefix)) continue;
    if (TRAFFIC_TABLES.some((traffic) => name.toLowerCase().endsWith(traffic))) continue;
    names.push(name);
  }
  for (const name of names.sort()) {
    const client = TableClient.fromConnectionString(connectionString, name, {
      allowInsecureConnection: true,
    });
    const rows: string[] = [];
    for await (const entity of client.listEntities()) {
      const { etag: _etag, timestamp: _timestamp, ...data } = entity as Record<string, unknown>;
      rows.push(JSON.stringify(data, Object.keys(data).sort()));
    }
    hash.update(name).update(rows.sort().join('\n'));
  }
  return hash.digest('hex');
}

const anyJson = fc.jsonValue({ maxDepth: 4 });
const verbs = fc.oneof(fc.constantFrom(...Object.values(VERBS)), fc.string({ maxLength: 40 }));
const unicodeText = fc.string({ unit: 'grapheme', maxLength: 300 });

/** Activities that are malformed or carry data no handler accepts. */
const rejectedActivity = fc.oneof(
  anyJson,
  fc.record({
    type: fc.oneof(fc.string(), fc.constant('message')),
    conversation: anyJson,
    serviceUrl: anyJson,
  }),
  verbs.chain((verb) => anyJson.map((data) => cardAction(verb, data, { serviceUrl }))),
  fc.record({ verb: verbs, value: anyJson }).map(({ verb, value }) => ({
    ...cardAction(verb, {}, { serviceUrl }),
    value,
  })),
  anyJson.map((value) => ({ ...personalMessage('', { serviceUrl }), text: undefined, value })),
  unicodeText.map((text) => personalMessage(`§${text}`, { serviceUrl })),
  fc.record({ text: unicodeText, locale: fc.string({ maxLength: 20 }), from: anyJson }).map((fields) => ({
    ...personalMessage(`§${fields.text}`, { serviceUrl }),
    locale: fields.locale,
    from: fields.from,
  })),
);

describe('fuzzing the bot endpoint', () => {
  it('never answers 5xx, never crashes, and leaves people’s data unchanged', async () => {
    const before = await fingerprint();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(rejectedActivity, async (activity) => {
        const response = await postJson(`${running.url}/api/messages`, activity);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        expect(response.text).not.toMatch(/at \w+ \(|\.ts:\d+|stack/);
      }),
      { numRuns: 300, seed: 20261123 },
    );
    // Both paths were exercised: envelopes rejected up front and activities that reached handlers.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(20);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(20);
    // The server still answers ordinary requests afterwards.
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(await fingerprint()).toBe(before);
  });

  it('answers raw garbage bodies with 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const response = await fetch(`${running.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from(bytes),
        });
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(500);
        await response.text();
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
