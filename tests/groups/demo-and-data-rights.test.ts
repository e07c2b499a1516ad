/**
 * The demo as a newcomer meets it in the Agents Playground (Aino asks for her group, accepts, the
 * coordinator sees it), and the peer groups' part in people's data rights.
 */
import type { AnswersResponse } from '../../bot/src/groups/peer-group-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-network';
import { seedDemoPeerGroups } from '../../bot/src/demo/seed-peer-groups';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { TENANT } from '../support/activities';
import {
  AINO,
  DISCUSSION,
  MIKKO,
  ROUND,
  api,
  cardText,
  execute,
  executeActions,
  invoke,
  memberIdOfPerson,
  movableClock,
  personalText,
  startGroupsApp,
  tokenFor,
  type GroupsApp,
} from './support';

const NOW = '2025-09-01T07:00:00.000Z';
const clock = movableClock(NOW);
const AINO_IDENTITY = { tenantId: DEMO_TENANT_ID, aadObjectId: AINO.aadObjectId };

let connector: BotConnectorEmulator;
let serviceUrl: string;

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  serviceUrl = (await connector.start()).url;
});
afterAll(async () => {
  await connector.stop();
});
beforeEach(() => connector.reset());

async function withApp(work: (running: GroupsApp) => Promise<void>): Promise<void> {
  const running = await startGroupsApp({ clock, serviceUrl, env: { SEED_DEMO: 'false' } });
  try {
    await work(running);
  } finally {
    await running.stop();
  }
}

async function askForMyGroup(running: GroupsApp): Promise<Record<string, unknown>> {
  const before = connector.allActivities().length;
  await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(personalText('ryhmäni', AINO, serviceUrl)),
  });
  const [reply] = (await connector.waitForActivities(before + 1)).slice(before);
  const card = reply?.activity.attachments?.[0]?.content as Record<string, unknown> | undefined;
  if (!card) throw new Error(`no card: ${reply?.activity.text ?? ''}`);
  return card;
}

describe('the demo', () => {
  it('has Aino’s group ready: she asks for it, accepts, and the coordinator sees her answer', async () => {
    await withApp(async (running) => {
      const { groups, invitations } = running.groups;
      expect(await seedDemoPeerGroups(groups, invitations, clock(), createLogger('silent'))).toBe(true);
      expect(await seedDemoPeerGroups(groups, invitations, clock(), createLogger('silent'))).toBe(false);
      // Prepared, not sent: nobody has been messaged.
      expect(connector.allActivities()).toHaveLength(0);

      const card = await askForMyGroup(running);
      expect(cardText(card)).toContain('Ylimmän johdon vertaiskeskustelu 1');
      const accept = executeActions(card).find((action) => action.title === 'Osallistun');
      const answered = await invoke(running, execute(VERBS.rsvp, accept?.data, AINO, serviceUrl));
      expect(answered.text).toContain('Kiitos, osallistumisesi on kirjattu.');

      const answers = await api<AnswersResponse>(
        running,
        `/api/groups/discussions/${DISCUSSION}/answers`,
        await tokenFor(running, MIKKO),
      );
      const mine = answers.json.groups
        .flatMap((group) => group.members)
        .find((member) => member.memberId === memberIdOfPerson(AINO));
      expect(mine?.response).toBe('accepted');

      // The coordinator's "send invitations" then delivers everyone's card, Aino's included.
      const sent = await api(
        running,
        `/api/groups/discussions/${DISCUSSION}/invitations`,
        await tokenFor(running, MIKKO),
        {
          method: 'POST',
        },
      );
      expect(sent.status).toBe(200);
      await connector.waitForActivities(1 + 13, 15_000);
    });
  });
});

describe('the first send after the demo groups were changed', () => {
  it('sends everyone a plain invitation, no updates or cancellations for what nobody saw', async () => {
    await withApp(async (running) => {
      const { groups, invitations } = running.groups;
      await seedDemoPeerGroups(groups, invitations, clock(), createLogger('silent'));
      const coordinator = await tokenFor(running, MIKKO);
      const prepared = await api<{ etag: string }>(
        running,
        `/api/groups/discussions/${DISCUSSION}`,
        coordinator,
      );
      const reformed = await api(running, `/api/groups/discussions/${DISCUSSION}/formation`, coordinator, {
        method: 'POST',
        body: { seed: 'a-different-seed', groupSize: 4 },
        headers: { 'If-Match': prepared.json.etag },
      });
      expect(reformed.status).toBe(201);
      const sent = await api(running, `/api/groups/discussions/${DISCUSSION}/invitations`, coordinator, {
        method: 'POST',
      });
      expect(sent.status).toBe(200);
      await connector.waitForActivities(13, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const texts = connector
        .allActivities()
        .map((recorded) => cardText(recorded.activity.attachments?.[0]?.content));
      expect(texts).toHaveLength(13);
      expect(texts.every((text) => /Kutsu vertaiskeskusteluun|Inbjudan till kamratsamtal/.test(text))).toBe(
        true,
      );
    });
  });
});

describe('data rights', () => {
  it('exports a leader’s groups and answers, and erases them without messaging anyone', async () => {
    await withApp(async (running) => {
      const { groups, invitations } = running.groups;
      await seedDemoPeerGroups(groups, invitations, clock(), createLogger('silent'));
      const card = await askForMyGroup(running);
      await invoke(running, execute(VERBS.rsvp, executeActions(card)[0]?.data, AINO, serviceUrl));
      await groups.setOptOut(ROUND, AINO_IDENTITY, false);
      const provider = running.groups.personalData;
      if (!provider) throw new Error('no personal data provider');

      const exported = await provider.export(AINO_IDENTITY);
      expect(exported.groups).toEqual([
        { roundId: ROUND, eventId: DISCUSSION, groupNumber: expect.any(Number) as number },
      ]);
      expect(exported.meetings).toEqual([
        expect.objectContaining({
          member: true,
          answer: expect.objectContaining({ response: 'accepted' }) as unknown,
        }),
      ]);

      const before = connector.allActivities().length;
      await provider.erase(AINO_IDENTITY);
      expect(await provider.export(AINO_IDENTITY)).toEqual({
        groups: [],
        meetings: [],
        optedOutOfRounds: [],
      });
      const formation = await groups.get(ROUND, DISCUSSION);
      expect(formation?.groups.flatMap((group) => group.memberIds)).not.toContain(memberIdOfPerson(AINO));
      expect(formation?.groups.flatMap((group) => group.memberIds)).toHaveLength(12);
      expect(connector.allActivities()).toHaveLength(before);

      await provider.purgeRounds?.([ROUND]);
      expect(await groups.get(ROUND, DISCUSSION)).toBeUndefined();
      expect(await running.groups.meetings.listForRound(ROUND)).toEqual([]);
    });
  });
});
