/**
 * Issue 13, item 5: a coordinator chooses the round's network team, the one team its channel
 * posts go to, through the real server. The app is installed in two teams of the network's tenant
 * and one team of another tenant by the activities Teams sends; the Bot Connector emulator shows
 * where the posts went.
 */
import type { DeliveryReportView } from '../../bot/src/delivery/delivery-contracts';
import type {
  NetworkTeamChoiceResponse,
  NetworkTeamView,
} from '../../bot/src/delivery/network-team-contracts';
import type { Round } from '../../bot/src/shared/programme-event';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { teamInstall, TENANT, type Activity } from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';
import {
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fastDispatcher,
  participant,
  workshop,
} from '../reminders/support';

jest.setTimeout(60_000);

const NETWORK_TEAM = '19:digiverkosto-2025-2026@thread.tacv2';
const OWN_TEAM = '19:hameenlinna-oma@thread.tacv2';
const FOREIGN_TENANT = '7d0c0a55-1111-4222-8333-944455556666';
const FOREIGN_TEAM = '19:toisen-organisaation-tiimi@thread.tacv2';
const COORDINATOR = 'c3000000-0000-4000-8000-999999999999';
const DAY = 24 * 3_600_000;
const ROUND: Round = {
  id: 'round-team',
  name: { fi: 'Kierros 3', sv: 'Omgång 3', en: 'Round 3' },
  startsAt: new Date(Date.now() - 30 * DAY).toISOString(),
  endsAt: new Date(Date.now() + 180 * DAY).toISOString(),
};
const EVENT = workshop(
  'paja',
  new Date(Date.now() + 7 * DAY).toISOString(),
  new Date(Date.now() + 7 * DAY + 3_600_000).toISOString(),
  {
    roundId: ROUND.id,
  },
);

/** The installationUpdate Teams sends when the app is added to a team, for any team and tenant. */
function installIn(serviceUrl: string, tenantId: string, teamId: string, teamName: string): Activity {
  const activity = teamInstall({ serviceUrl });
  return {
    ...activity,
    conversation: { id: teamId, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, team: { id: teamId, name: teamName }, channel: { id: teamId } },
  };
}

describe("a coordinator chooses the round's network team", () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  let running: RunningApp;
  let coordinator: string;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      appOptions: { startBackgroundWork: false, delivery: { dispatcher: fastDispatcher() } },
    });
    const { repositories } = running.app;
    await repositories.programme.saveRound(ROUND);
    await repositories.programme.saveEvent(EVENT);
    await repositories.coordinators.save({
      tenantId: TENANT,
      aadObjectId: COORDINATOR,
      name: 'Koordinaattori',
      organisation: 'Kuntaliitto',
    });
    await repositories.participants.save(participant(1));
    for (const [tenantId, teamId, name] of [
      [TENANT, NETWORK_TEAM, 'Digiverkosto 2025–2026'],
      [TENANT, OWN_TEAM, 'Hämeenlinnan oma tiimi'],
      [FOREIGN_TENANT, FOREIGN_TEAM, 'Toisen organisaation salainen tiimi'],
    ] as const) {
      const answer = await postJson(
        `${running.url}/api/messages`,
        installIn(emulator.serviceUrl, tenantId, teamId, name),
      );
      expect(answer.status).toBeLessThan(300);
    }
    await running.app.tasks.idle();
    await deliveryOf(running.app).dispatcher.runUntilIdle(10_000);
    welcomes = emulator.activitiesFor(NETWORK_TEAM).length;
    expect(emulator.activitiesFor(FOREIGN_TEAM)).toHaveLength(welcomes);
    coordinator = await tokenFor(COORDINATOR);
  });

  afterAll(async () => {
    await running?.stop();
    await emulator.stop();
  });

  async function tokenFor(aadObjectId: string): Promise<string> {
    const response = await postJson(`${running.url}/dev-auth/token`, {
      tenantId: TENANT,
      aadObjectId,
      name: 'x',
    });
    return (response.json as { access_token: string }).access_token;
  }

  async function call<T = Record<string, unknown>>(
    path: string,
    init: { method?: string; body?: unknown; token?: string; ifMatch?: string } = {},
  ) {
    const response = await fetch(`${running.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${init.token ?? coordinator}`,
        ...(init.ifMatch ? { 'If-Match': init.ifMatch } : {}),
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      json: JSON.parse(text || '{}') as T,
    };
  }

  const path = `/api/rounds/${ROUND.id}/network-team`;
  /** The welcome each team got on install is not a post of the round. */
  let welcomes = 0;
  const channelPosts = (teamId: string) =>
    emulator.activitiesFor(teamId).filter((entry) => entry.activity.type === 'message').length - welcomes;

  it('lists the teams the app is in and warns that channel posts go nowhere until one is chosen', async () => {
    const answer = await call<NetworkTeamView>(`${path}?lang=fi`);
    expect(answer.status).toBe(200);
    expect(answer.etag).toMatch(/^W\/"datetime/);
    expect(answer.json).toMatchObject({
      roundId: ROUND.id,
      roundName: 'Kierros 3',
      state: 'notChosen',
      canPost: false,
      teamId: null,
      chosenTeamId: null,
      fixed: false,
    });
    expect(answer.json.teams.map((team) => [team.name, team.ownOrganisation, team.current])).toEqual([
      ['Digiverkosto 2025–2026', true, false],
      ['Hämeenlinnan oma tiimi', true, false],
      // Another organisation's team is listed to be chosen, but its name stays its own.
      [null, false, false],
    ]);
    expect(JSON.stringify(answer.json)).not.toContain('salainen');
  });

  it('says in the delivery report, in plain words, that the coordinator must choose the team', async () => {
    const sent = await call<{ deliveryId: string }>(
      `/api/events/${EVENT.id}/reminders/send-now?roundId=${ROUND.id}`,
      {
        method: 'POST',
        body: { channel: true, personal: false, requestId: 'before-choice-1' },
      },
    );
    expect(sent.status).toBe(202);
    const deliveryId = encodeURIComponent(sent.json.deliveryId);
    for (const [lang, words] of [
      ['fi', 'Valitse tiimi kohdassa Muistutukset → Verkoston tiimi'],
      ['sv', 'Välj teamet under Påminnelser → Nätverkets team'],
      ['en', "Choose it under Reminders → The network's team"],
    ] as const) {
      const report = await call<DeliveryReportView>(`/api/deliveries/${deliveryId}?lang=${lang}`);
      expect(report.json.counts.unreachable).toBe(1);
      expect(report.json.problems[0]?.reason).toBe('teamNotChosen');
      expect(report.json.problems[0]?.reasonText).toContain(words);
    }
    await deliveryOf(running.app).dispatcher.runUntilIdle(10_000);
    expect([NETWORK_TEAM, OWN_TEAM, FOREIGN_TEAM].map(channelPosts)).toEqual([0, 0, 0]);
  });

  it('refuses bad choices with a clear status and changes nothing', async () => {
    const { etag } = await call(path);
    if (!etag) throw new Error('no ETag');
    const put = (body: unknown, extra: { token?: string; ifMatch?: string | null; at?: string } = {}) =>
      call<{ code?: string; detail?: string }>(extra.at ?? path, {
        method: 'PUT',
        body,
        ...(extra.token ? { token: extra.token } : {}),
        ...(extra.ifMatch === null ? {} : { ifMatch: extra.ifMatch ?? etag }),
      });

    const unknown = await put({ teamId: '19:not-installed@thread.tacv2' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.code).toBe('teamNotInstalled');
    expect((await put({ teamId: 42 })).status).toBe(400);
    expect((await put({ teamId: '' })).status).toBe(400);
    expect((await put({ teamId: NETWORK_TEAM, extra: true })).status).toBe(400);
    expect((await put('{"teamId":')).status).toBe(400);
    expect((await put({ teamId: NETWORK_TEAM }, { ifMatch: null })).status).toBe(428);
    expect(
      (await put({ teamId: NETWORK_TEAM }, { ifMatch: 'W/"datetime\'2020-01-01T00%3A00%3A00Z\'"' })).status,
    ).toBe(412);
    const participantToken = await tokenFor(participant(1).aadObjectId);
    expect((await put({ teamId: NETWORK_TEAM }, { token: participantToken })).status).toBe(403);
    expect((await call(path, { token: participantToken })).status).toBe(403);
    const noRound = await put({ teamId: NETWORK_TEAM }, { at: '/api/rounds/no-such-round/network-team' });
    expect(noRound.status).toBe(404);
    expect((await call('/api/rounds/no-such-round/network-team')).status).toBe(404);

    const after = await call<NetworkTeamView>(path);
    expect(after.json.state).toBe('notChosen');
    expect(after.etag).toBe(etag);
  });

  it("after the choice, a channel reminder goes to the chosen team's channel only", async () => {
    const { etag } = await call(path);
    const chosen = await call<NetworkTeamChoiceResponse>(`${path}?lang=fi`, {
      method: 'PUT',
      body: { teamId: NETWORK_TEAM },
      ifMatch: etag ?? '',
    });
    expect(chosen.status).toBe(200);
    expect(chosen.etag).not.toBe(etag);
    expect(chosen.json.team).toMatchObject({
      state: 'chosen',
      canPost: true,
      teamId: NETWORK_TEAM,
      chosenTeamId: NETWORK_TEAM,
    });
    expect(chosen.json.team.teams.filter((team) => team.current).map((team) => team.teamId)).toEqual([
      NETWORK_TEAM,
    ]);
    // The reminder that had nowhere to go is still due: it goes to the chosen team now.
    expect(chosen.json.sentAgain).toBe(1);

    const sent = await call(`/api/events/${EVENT.id}/reminders/send-now?roundId=${ROUND.id}`, {
      method: 'POST',
      body: { channel: true, personal: false, requestId: 'after-choice-1' },
    });
    expect(sent.status).toBe(202);
    await deliveryOf(running.app).dispatcher.runUntilIdle(10_000);
    expect([NETWORK_TEAM, OWN_TEAM, FOREIGN_TEAM].map(channelPosts)).toEqual([2, 0, 0]);
  });

  it('clears the choice again, back to "choose a team"', async () => {
    const { etag } = await call(path);
    const cleared = await call<NetworkTeamChoiceResponse>(path, {
      method: 'PUT',
      body: { teamId: null },
      ifMatch: etag ?? '',
    });
    expect(cleared.status).toBe(200);
    expect(cleared.json.team).toMatchObject({ state: 'notChosen', canPost: false, chosenTeamId: null });
  });
});

describe('a network team fixed by the operator (NETWORK_TEAM_ID)', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp({
      env: { NETWORK_TEAM_ID: NETWORK_TEAM },
      appOptions: { startBackgroundWork: false },
    });
    await running.app.repositories.programme.saveRound({ ...ROUND, teamId: OWN_TEAM });
    await running.app.repositories.coordinators.save({
      tenantId: TENANT,
      aadObjectId: COORDINATOR,
      name: 'Koordinaattori',
      organisation: 'Kuntaliitto',
    });
  });
  afterAll(() => running?.stop());

  it('is shown as fixed, wins over the stored choice, and cannot be changed in the tab', async () => {
    const token = (
      (await postJson(`${running.url}/dev-auth/token`, { tenantId: TENANT, aadObjectId: COORDINATOR }))
        .json as {
        access_token: string;
      }
    ).access_token;
    const headers = { Authorization: `Bearer ${token}` };
    const path = `${running.url}/api/rounds/${ROUND.id}/network-team`;
    const read = await fetch(path, { headers });
    const view = (await read.json()) as NetworkTeamView;
    // The app is in no team yet: the fixed team is named, and posts go nowhere until it is added there.
    expect(view).toMatchObject({
      fixed: true,
      state: 'notInstalled',
      teamId: NETWORK_TEAM,
      canPost: false,
      chosenTeamId: OWN_TEAM,
    });
    const refused = await fetch(path, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': read.headers.get('etag') ?? '' },
      body: JSON.stringify({ teamId: null }),
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('teamFixed');
  });
});
