import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import {
  AINO,
  ERIK,
  TENANT,
  personalConversation,
  personalMessage,
  teamInstall,
} from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

let connector: BotConnectorEmulator;
let serviceUrl: string;
let running: RunningApp;

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  serviceUrl = (await connector.start()).url;
  running = await startTestApp();
});
afterAll(async () => {
  await running.stop();
  await connector.stop();
});
beforeEach(() => connector.reset());

describe('guards in front of the bot', () => {
  it('answers a message Teams delivers twice only once', async () => {
    const message = personalMessage('ohje', { serviceUrl });
    const first = await postJson(`${running.url}/api/messages`, message);
    const second = await postJson(`${running.url}/api/messages`, message);
    expect([first.status, second.status]).toEqual([200, 200]);
    await connector.waitForActivities(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.allActivities()).toHaveLength(1);
  });

  it('welcomes once when the install is redelivered', async () => {
    const install = teamInstall({ serviceUrl });
    await postJson(`${running.url}/api/messages`, install);
    await postJson(`${running.url}/api/messages`, install);
    await running.app.tasks.idle();
    const welcomes = connector
      .allActivities()
      .filter((recorded) => JSON.stringify(recorded.activity).includes('Tervetuloa Digiverkostoon'));
    expect(welcomes).toHaveLength(1);
  });

  it('answers someone who floods the bot at a bounded rate without slowing others', async () => {
    const flood = Array.from({ length: 40 }, (_, i) => personalMessage(`viesti ${i}`, { serviceUrl }));
    const statuses = await Promise.all(
      flood.map((activity) => postJson(`${running.url}/api/messages`, activity)),
    );
    expect(statuses.every((response) => response.status === 200)).toBe(true);
    const started = Date.now();
    const other = await postJson(
      `${running.url}/api/messages`,
      personalMessage('ohje', { serviceUrl, from: ERIK }),
    );
    expect(other.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const toAino = connector.activitiesFor(personalConversation(AINO).id as string);
    const toErik = connector.activitiesFor(personalConversation(ERIK).id as string);
    // At most 12 answers plus one "too many messages" note, however many were sent.
    expect(toAino.length).toBeLessThanOrEqual(13);
    expect(
      toAino.some((recorded) => String(recorded.activity.text).includes('Viestejä tulee nyt paljon')),
    ).toBe(true);
    expect(toErik).toHaveLength(1);
  });
});
