import type { ConversationReference } from 'botbuilder';
import { BOT, TEAM_ID, TENANT } from '../support/activities';
import { startTestApp, type RunningApp } from '../support/test-app';
import { deliveryOf, ROUND_ID, TEST_ROUND } from './support';

/**
 * Issue 13, item 5: a channel post goes to the network's team only, never to every channel the
 * app was ever installed in (another team of the tenant, a team of another tenant).
 */
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const OTHER_TEAM = '19:municipality-own-team@thread.tacv2';
const FOREIGN_TENANT = '7d0c0a55-1111-4222-8333-944455556666';
const FOREIGN_TEAM = '19:foreign-team@thread.tacv2';

function channel(tenantId: string, teamId: string): ConversationReference {
  return {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    bot: BOT,
    user: { id: '29:installer', name: 'Installer' },
    conversation: { id: teamId, conversationType: 'channel', isGroup: true, tenantId, name: '' },
  };
}

describe('channel posts go to the network team only', () => {
  let running: RunningApp;

  beforeEach(async () => {
    running = await startTestApp({ appOptions: { startBackgroundWork: false } });
  });
  afterEach(() => running.stop());

  async function install(tenantId: string, teamId: string): Promise<void> {
    await running.app.repositories.installations.add(`_${tenantId}_${teamId}`, channel(tenantId, teamId), {
      overwrite: true,
    });
  }

  async function targetsOf(deliveryId: string): Promise<string[]> {
    const page = await deliveryOf(running.app).outbox.unfinishedPage(deliveryId, 100);
    return page.items.map((row) => row.targetKey).sort();
  }

  it("posts the round's reminder in the round's team and nowhere else", async () => {
    await running.app.repositories.programme.saveRound({ ...TEST_ROUND, teamId: TEAM_ID });
    await install(TENANT, TEAM_ID);
    await install(TENANT, OTHER_TEAM);
    await install(FOREIGN_TENANT, FOREIGN_TEAM);
    const { delivery } = deliveryOf(running.app);

    const accepted = await delivery.enqueue({
      deliveryId: 'reminder:team-test',
      purpose: 'reminder',
      messages: [
        { target: { kind: 'channel', roundId: ROUND_ID }, activity: { type: 'message', text: 'Muistutus' } },
      ],
    });

    expect(accepted.accepted).toBe(1);
    expect(await targetsOf('reminder:team-test')).toEqual([`channel:${TEAM_ID}`]);
  });

  it('with several teams and no choice, posts nowhere and says why', async () => {
    await running.app.repositories.programme.saveRound(TEST_ROUND);
    await install(TENANT, TEAM_ID);
    await install(FOREIGN_TENANT, FOREIGN_TEAM);
    const { delivery } = deliveryOf(running.app);

    await delivery.enqueue({
      deliveryId: 'poll:team-test:channel',
      purpose: 'poll',
      messages: [{ target: { kind: 'channel' }, activity: { type: 'message', text: 'Kysely' } }],
    });

    expect(await targetsOf('poll:team-test:channel')).toEqual([]);
    const status = await delivery.status('poll:team-test:channel');
    expect(status.counts.unreachable).toBe(1);
    expect(status.failures[0]?.reason).toMatch(/several teams/);
  });

  it('with one team installed and no choice, posts there', async () => {
    await running.app.repositories.programme.saveRound(TEST_ROUND);
    await install(TENANT, TEAM_ID);
    const { delivery } = deliveryOf(running.app);

    await delivery.enqueue({
      deliveryId: 'reminder:one-team',
      purpose: 'reminder',
      messages: [
        { target: { kind: 'channel', roundId: ROUND_ID }, activity: { type: 'message', text: 'Muistutus' } },
      ],
    });

    expect(await targetsOf('reminder:one-team')).toEqual([`channel:${TEAM_ID}`]);
  });
});
