import { VERBS } from '../../bot/src/shared/cards/verbs';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { cardAction, personalMessage, type Person } from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

const LAURA: Person = { id: '29:laura-salonen', aadObjectId: playgroundObjectId(6), name: 'Laura Salonen' };
const PEKKA: Person = {
  id: '29:pekka-heikkinen',
  aadObjectId: playgroundObjectId(5),
  name: 'Pekka Heikkinen',
};
const MIKKO = playgroundObjectId(1);

let connector: BotConnectorEmulator;
let serviceUrl: string;
let running: RunningApp;

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: DEMO_TENANT_ID });
  serviceUrl = (await connector.start()).url;
  running = await startTestApp({ appOptions: { startBackgroundWork: false } });
  await seedDemoIfEmpty(running.app.repositories, new Date(), createLogger('silent'));
});
afterAll(async () => {
  await running.stop();
  await connector.stop();
});

async function tokenFor(aadObjectId: string): Promise<string> {
  const response = await postJson(`${running.url}/dev-auth/token`, { tenantId: DEMO_TENANT_ID, aadObjectId });
  return (response.json as { access_token: string }).access_token;
}

async function api(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${running.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

describe('data rights', () => {
  it('shows a participant what is stored about them in their language', async () => {
    await postJson(
      `${running.url}/api/messages`,
      personalMessage('omat tietoni', { serviceUrl, from: LAURA }),
    );
    const [reply] = await connector.waitForActivities(1);
    const card = JSON.stringify(reply?.activity.attachments);
    expect(card).toContain('Omat tietoni');
    expect(card).toContain('laura.salonen@rovaniemi.fi');
    expect(card).toContain('Rovaniemi');
    expect(card).toContain(VERBS.eraseMyDataAsk);
  });

  it('exports everything stored about the signed-in person as a JSON download', async () => {
    const response = await api('/api/me/data', await tokenFor(LAURA.aadObjectId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    expect(response.json).toMatchObject({
      identity: { tenantId: DEMO_TENANT_ID, objectId: LAURA.aadObjectId },
      profile: { participant: { name: 'Laura Salonen', email: 'laura.salonen@rovaniemi.fi' } },
    });
  });

  it('erases a person only after confirmation, from the chat', async () => {
    const identity = { tenantId: DEMO_TENANT_ID, aadObjectId: PEKKA.aadObjectId };
    const ask = await postJson(
      `${running.url}/api/messages`,
      cardAction(VERBS.eraseMyDataAsk, {}, { serviceUrl, from: PEKKA }),
    );
    expect(JSON.stringify(ask.json)).toContain(VERBS.eraseMyDataConfirm);
    expect(await running.app.repositories.participants.get(identity)).toBeDefined();
    const cancel = await postJson(
      `${running.url}/api/messages`,
      cardAction(VERBS.eraseMyDataCancel, {}, { serviceUrl, from: PEKKA }),
    );
    // "Cancel" goes back to the person's data, with word that nothing was erased.
    const back = JSON.stringify(cancel.json);
    expect(back).toContain('Tietojasi ei poistettu.');
    expect(back).toContain('pekka.heikkinen@kuopio.fi');
    expect(back).toContain(VERBS.eraseMyDataAsk);
    expect(await running.app.repositories.participants.get(identity)).toBeDefined();
    const confirm = await postJson(
      `${running.url}/api/messages`,
      cardAction(VERBS.eraseMyDataConfirm, {}, { serviceUrl, from: PEKKA }),
    );
    expect(JSON.stringify(confirm.json)).toContain('Tietosi on poistettu');
    expect(await running.app.repositories.participants.get(identity)).toBeUndefined();
    const exported = await api('/api/me/data', await tokenFor(PEKKA.aadObjectId));
    expect(exported.json).toMatchObject({ profile: { participant: null, personalChat: null } });
  });

  it("erases a person's poll answer and suggestion but keeps the poll's counts", async () => {
    const johanna = playgroundObjectId(3);
    const token = await tokenFor(johanna);
    const answered = await api('/api/polls/demo-topic-wishes/answer', token, {
      method: 'POST',
      body: { topicIds: ['leadership'], suggestion: 'Johdon vertaistuki' },
    });
    expect(answered.status).toBe(200);
    const exported = await api('/api/me/data', token);
    expect(JSON.stringify(exported.json)).toContain('Johdon vertaistuki');
    expect((await api('/api/me/erase', token, { method: 'POST', body: { confirm: true } })).status).toBe(204);
    const identity = { tenantId: DEMO_TENANT_ID, aadObjectId: johanna };
    expect(await running.app.repositories.wishPolls.getAnswer('demo-topic-wishes', identity)).toBeUndefined();
    const results = await api('/api/polls/demo-topic-wishes/results', await tokenFor(MIKKO));
    expect(results.status).toBe(200);
    expect(JSON.stringify(results.json)).toContain('"respondents":1');
    expect(JSON.stringify(results.json)).not.toContain('Johdon vertaistuki');
  });

  it('requires an explicit confirmation for erasure through the API', async () => {
    const token = await tokenFor(LAURA.aadObjectId);
    expect((await api('/api/me/erase', token, { method: 'POST', body: {} })).status).toBe(400);
    expect((await api('/api/me/erase', token, { method: 'POST', body: { confirm: true } })).status).toBe(204);
    expect(
      await running.app.repositories.participants.get({
        tenantId: DEMO_TENANT_ID,
        aadObjectId: LAURA.aadObjectId,
      }),
    ).toBeUndefined();
  });

  it("keeps an audit log of coordinators' changes, readable only by coordinators", async () => {
    const mikko = await tokenFor(MIKKO);
    const month = new Date().toISOString().slice(0, 7);
    const event = await fetch(`${running.url}/api/events/kickoff`, {
      headers: { Authorization: `Bearer ${mikko}` },
    });
    expect(event.status).toBe(200);
    const editable = (await event.json()) as Record<string, unknown>;
    const change = await fetch(`${running.url}/api/events/kickoff`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${mikko}`,
        'Content-Type': 'application/json',
        'If-Match': event.headers.get('etag') ?? '',
      },
      body: JSON.stringify({
        title: editable.title,
        startsAt: editable.startsAt,
        endsAt: editable.endsAt,
        place: editable.place,
        onlineUrl: editable.onlineUrl,
        preAssignment: editable.preAssignment,
      }),
    });
    expect(change.status).toBe(200);
    const log = await api(`/api/audit?month=${month}`, mikko);
    expect(log.status).toBe(200);
    expect((log.json as { items: { actorObjectId: string; action: string }[] }).items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorObjectId: MIKKO, action: 'PUT /api/events/:eventId' }),
      ]),
    );
    expect((await api(`/api/audit?month=${month}`, await tokenFor(playgroundObjectId(0)))).status).toBe(403);
  });

  it('purges rounds whose retention has ended, and keeps the current one', async () => {
    const { repositories } = running.app;
    await repositories.programme.saveRound({
      id: 'old-round',
      name: { fi: 'Kierros 1' },
      startsAt: '2020-01-01T00:00:00.000Z',
      endsAt: '2020-06-01T00:00:00.000Z',
    });
    const dataRights = running.app.features.find((feature) => feature.name === 'dataRights') as unknown as {
      service: { purgeExpiredRounds(): Promise<string[]> };
    };
    expect(await dataRights.service.purgeExpiredRounds()).toEqual(['old-round']);
    const rounds = await repositories.programme.listRounds();
    expect(rounds.map((round) => round.id)).toEqual(['demo-round']);
  });
});
