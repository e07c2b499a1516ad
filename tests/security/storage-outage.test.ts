import { createApp, type App } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/platform/config/config';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-network';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { startAzurite, type AzuriteProcess } from '../../scripts/lib/azurite';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { personalConversation, personalMessage, AINO } from '../support/activities';
import { postJson, uniquePrefix } from '../support/test-app';

jest.setTimeout(60_000);

let azurite: AzuriteProcess;
let connector: BotConnectorEmulator;
let serviceUrl: string;
let app: App;
let url: string;

beforeAll(async () => {
  // A storage emulator of this test's own, so it can be stopped without disturbing other tests.
  azurite = await startAzurite();
  connector = new BotConnectorEmulator({ defaultTenantId: DEMO_TENANT_ID });
  serviceUrl = (await connector.start()).url;
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: uniquePrefix(),
    LOG_LEVEL: 'silent',
  });
  app = createApp(config, { logger: createLogger('silent'), startBackgroundWork: false });
  url = `http://127.0.0.1:${await app.listen()}`;
  await seedDemoIfEmpty(app.repositories, new Date(), createLogger('silent'));
});
afterAll(async () => {
  await app.close();
  await connector.stop();
  await azurite.stop();
});

describe('when storage becomes unreachable', () => {
  it('the bot still answers, telling the person in their language to try again, and the API says 503', async () => {
    const before = await postJson(`${url}/api/messages`, personalMessage('ohjelma', { serviceUrl }));
    expect(before.status).toBe(200);
    await connector.waitForActivities(1);

    const signIn = await postJson(`${url}/dev-auth/token`, {
      tenantId: DEMO_TENANT_ID,
      aadObjectId: AINO.aadObjectId,
    });
    const token = (signIn.json as { access_token: string }).access_token;

    await azurite.stop();
    connector.reset();

    const during = await postJson(
      `${url}/api/messages`,
      personalMessage('ohjelma', { serviceUrl, locale: 'fi-FI' }),
    );
    expect(during.status).toBeLessThan(500);
    const [reply] = await connector.waitForActivities(1, 30_000);
    expect(reply?.conversationId).toBe(personalConversation(AINO).id);
    expect(reply?.activity.text).toContain('Jotain meni vikaan');
    expect(reply?.activity.text).not.toMatch(/ECONNREFUSED|Error|at /);

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    const api = await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('30');
    expect(await api.text()).not.toMatch(/ECONNREFUSED|stack|at /);
  });
});
