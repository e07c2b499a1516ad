import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { AINO, TENANT, personalConversation, personalInstall, teamInstall } from '../support/activities';
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

describe('installs', () => {
  it('introduce the bot once however often the personal install is repeated, and again after removal', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await postJson(`${running.url}/api/messages`, personalInstall({ serviceUrl }))).status).toBe(
        200,
      );
    }
    const conversationId = personalConversation(AINO).id as string;
    expect(connector.activitiesFor(conversationId)).toHaveLength(1);
    await postJson(`${running.url}/api/messages`, { ...personalInstall({ serviceUrl }), action: 'remove' });
    await postJson(`${running.url}/api/messages`, personalInstall({ serviceUrl }));
    expect(connector.activitiesFor(conversationId)).toHaveLength(2);
  });

  it('welcome a team once per installation', async () => {
    await postJson(`${running.url}/api/messages`, teamInstall({ serviceUrl }));
    await postJson(`${running.url}/api/messages`, teamInstall({ serviceUrl }));
    await running.app.tasks.idle();
    const welcomes = connector
      .allActivities()
      .filter((recorded) => JSON.stringify(recorded.activity).includes('Tervetuloa Digiverkostoon'));
    expect(welcomes).toHaveLength(1);
  });
});
