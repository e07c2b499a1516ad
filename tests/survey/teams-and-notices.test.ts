import { DEMO_ROUND_ID, DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { playgroundIdentity, type PlaygroundPersonKey } from '../../bot/src/demo/playground-identities';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { SEEDED_PERSPECTIVES } from '../../bot/src/survey';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { personalMessage, TENANT, type Person } from '../support/activities';
import type { RunningApp } from '../support/test-app';
import { cardText, executeAction, invoke } from '../polls/support';
import { api, startSurveyApp, surveyOf, tokenFor } from './support';

function person(key: PlaygroundPersonKey): Person {
  const identity = playgroundIdentity(key);
  return { id: identity.teamsUserId, aadObjectId: identity.aadObjectId, name: identity.name };
}
const AINO = person('aino'); // Hämeenlinna, leadership
const JOHANNA = person('johanna'); // Kangasala, leadership
const MIKKO = person('mikko'); // coordinator, no municipality

let connector: BotConnectorEmulator;
let serviceUrl: string;
let running: RunningApp;

beforeAll(async () => {
  expect(TENANT).toBe(DEMO_TENANT_ID);
  connector = new BotConnectorEmulator({
    defaultTenantId: TENANT,
    perConversationLimits: [],
    perTenantLimits: [],
  });
  serviceUrl = (await connector.start()).url;
  running = await startSurveyApp({ demoSurveys: true });
}, 120_000);
afterAll(async () => {
  await running.stop();
  await connector.stop();
});

const ratings = (value: string, skip?: string): Record<string, string> =>
  Object.fromEntries(SEEDED_PERSPECTIVES.filter((p) => p.id !== skip).map((p) => [`r_${p.id}`, value]));

async function hameenlinnaSurvey() {
  const runs = await surveyOf(running.app).service.runsOf(DEMO_ROUND_ID, 'hameenlinna');
  const survey = runs[0];
  if (!survey) throw new Error('no demo survey for Hämeenlinna');
  return survey;
}

describe('answering the survey from a Teams card', () => {
  it('a participant gets the form with the command, answers once, and a second answer is refused', async () => {
    const survey = await hameenlinnaSurvey();
    const { service } = surveyOf(running.app);
    const before = (await service.tally(survey.id)).respondents;
    connector.reset();
    const reply = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personalMessage('kysely', { serviceUrl, from: AINO })),
    });
    expect(reply.status).toBeLessThan(300);
    const sent = await connector.waitForActivities(2);
    const texts = sent.map((activity) => cardText(activity.activity));
    // Aino is in Hämeenlinna's leadership team: the contacts' card with the live count comes first.
    expect(texts[0]).toContain('Digitalisaatiokysely on auki: Hämeenlinna');
    expect(texts[0]).toMatch(/\d+\/\d+ vastannut, \d+ %/);
    expect(texts[1]).toContain('Henkilöstön digitalisaatiokysely');
    expect(texts[1]).toContain('Digiosaaminen: Miten arvioit oman digiosaamisesi työtehtävissäsi?');
    expect(texts[1]).toContain('5 – erinomainen');
    expect(texts[1]).toContain('En osaa sanoa');

    const missing = await invoke(
      running,
      executeAction(
        VERBS.surveyAnswer,
        { surveyId: survey.id, ...ratings('4', 'e-services') },
        { serviceUrl, from: AINO },
      ),
    );
    expect(missing.text).toContain('Sähköiset palvelut: valitse yksi vaihtoehto.');
    expect((await service.tally(survey.id)).respondents).toBe(before);

    const saved = await invoke(
      running,
      executeAction(
        VERBS.surveyAnswer,
        {
          surveyId: survey.id,
          ...ratings('4'),
          'r_e-participation': 'x',
          b_department: 'education',
          comment: 'Hyvä',
        },
        { serviceUrl, from: AINO },
      ),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.text).toContain('Kiitos! Vastauksesi on tallennettu nimettömänä.');
    service.forget(survey.id);
    expect((await service.tally(survey.id)).respondents).toBe(before + 1);

    const twice = await invoke(
      running,
      executeAction(VERBS.surveyAnswer, { surveyId: survey.id, ...ratings('1') }, { serviceUrl, from: AINO }),
    );
    expect(twice.text).toContain('Olet jo vastannut tähän kyselyyn.');
    service.forget(survey.id);
    expect((await service.tally(survey.id)).respondents).toBe(before + 1);
    const show = await invoke(
      running,
      executeAction(VERBS.surveyShow, { surveyId: survey.id }, { serviceUrl, from: AINO }),
    );
    expect(show.text).toContain('Olet jo vastannut');
  });

  it("refuses an answer to another municipality's survey and to an unknown one, changing nothing", async () => {
    const survey = await hameenlinnaSurvey();
    const { service } = surveyOf(running.app);
    service.forget(survey.id);
    const before = (await service.tally(survey.id)).respondents;
    const other = await invoke(
      running,
      executeAction(
        VERBS.surveyAnswer,
        { surveyId: survey.id, ...ratings('2') },
        { serviceUrl, from: JOHANNA },
      ),
    );
    expect(other.text).toContain('Kunnallasi ei ole nyt avointa digitalisaatiokyselyä.');
    const coordinator = await invoke(
      running,
      executeAction(
        VERBS.surveyAnswer,
        { surveyId: survey.id, ...ratings('2') },
        { serviceUrl, from: MIKKO },
      ),
    );
    expect(coordinator.text).toContain('sinulle ei ole merkitty kuntaa');
    const unknown = await invoke(
      running,
      executeAction(
        VERBS.surveyAnswer,
        { surveyId: 'srv-nothere', ...ratings('2') },
        { serviceUrl, from: AINO },
      ),
    );
    expect(unknown.text).toContain('Kyselyä ei löydy.');
    const malformed = await invoke(
      running,
      executeAction(
        VERBS.surveyAnswer,
        { surveyId: survey.id, r_x: 'y'.repeat(500) },
        { serviceUrl, from: AINO },
      ),
    );
    expect(malformed.statusCode).toBe(400);
    service.forget(survey.id);
    expect((await service.tally(survey.id)).respondents).toBe(before);
  });

  it('keeps only a keyed hash of who answered: the export says so and erasure removes it', async () => {
    const survey = await hameenlinnaSurvey();
    const { service, repository } = surveyOf(running.app);
    const aino = { tenantId: TENANT, aadObjectId: AINO.aadObjectId };
    expect(await service.hasAnsweredInTeams(survey.id, aino)).toBe(true);
    const token = await tokenFor(running, AINO.aadObjectId, TENANT);
    const exported = await api(running, '/api/me/data', token);
    expect(JSON.stringify(exported.json)).toContain('surveyAnsweredInTeams');
    // No row of the survey's answers table holds Aino's object id.
    const ledger = await repository.countAnswers(survey.id);
    expect(ledger).toBeGreaterThan(0);
    expect(JSON.stringify(await repository.commentsPage(survey.id, 200))).not.toContain(AINO.aadObjectId);
    const erased = await api(running, '/api/me/erase', token, { method: 'POST', body: { confirm: true } });
    expect(erased.status).toBe(204);
    expect(await service.hasAnsweredInTeams(survey.id, aino)).toBe(false);
  });
});

describe('cards to the contact people', () => {
  it('sends the opening card to the contacts and the answer card to the other participants, once', async () => {
    const { notifications, service } = surveyOf(running.app);
    const first = await notifications.runOnce();
    expect(first.opened).toBe(20);
    const again = await notifications.runOnce();
    expect(again.opened).toBe(0);
    const survey = (await service.runsOf(DEMO_ROUND_ID, 'kangasala'))[0];
    if (!survey) throw new Error('no Kangasala survey');
    const delivery = await deliveryStatus(`survey-opened:${survey.id}`);
    // Johanna (leadership) gets the contacts' card; Kangasala's three other participants the form.
    expect(delivery.counts.pending + delivery.counts.sent).toBe(4);
  });

  it('reminds the contacts near the close when few have answered', async () => {
    const { service, notifications } = surveyOf(running.app);
    const coordinator = { tenantId: TENANT, aadObjectId: playgroundObjectId(1) };
    const survey = await service.create(
      {
        roundId: 'reminder-round',
        municipalityId: 'loviisa',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
        headcount: 500,
        requireCode: false,
      },
      coordinator,
    );
    const loviisa = (await running.app.repositories.participants.listAll()).find(
      (p) => p.municipalityId === 'loviisa',
    );
    if (!loviisa) throw new Error('no Loviisa participant in the demo');
    await service.setContacts(survey.id, [loviisa]);
    const result = await notifications.runOnce();
    expect(result.reminded).toBeGreaterThanOrEqual(1);
    const reminder = await deliveryStatus(`survey-reminder:${survey.id}`);
    expect(reminder.counts.pending + reminder.counts.sent).toBe(1);
    expect((await notifications.runOnce()).reminded).toBe(0);
  });
});

async function deliveryStatus(deliveryId: string) {
  const feature = running.app.features.find((candidate) => candidate.name === 'delivery') as unknown as {
    delivery: { status(id: string): Promise<{ counts: Record<string, number> }> };
  };
  return feature.delivery.status(deliveryId);
}
