import { PARTICIPANT_ROLES } from '../../bot/src/shared/roles';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { cardAction, TENANT } from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';
import {
  emulatorLimits,
  FAST_LIMITS,
  fakeClock,
  participant,
  ROUND_ID,
  seedNetwork,
  workshop,
} from '../reminders/support';

/**
 * Issue 13, items 9 and 10: someone signed in from an allowed tenant who is not a participant sees
 * the public events only and stores nothing; "I can't attend" is stored only for a participant,
 * for an event they may see that has not started, under the roster's name.
 */
describe('who may see an event and say they cannot attend', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  const clock = fakeClock('2024-08-01T09:00:00.000Z');
  const coordinatorId = 'c3000000-0000-4000-8000-999999999999';
  const strangerId = 'c3000000-0000-4000-8000-888888888888';
  const developer = participant(1, { language: 'fi', municipalityId: 'tampere' });
  let running: RunningApp;
  let coordinatorToken: string;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({ clock, appOptions: { startBackgroundWork: false } });
    await seedNetwork(
      running.app.repositories,
      emulator.serviceUrl,
      [
        workshop('public', '2024-08-20T06:00:00.000Z', '2024-08-20T13:00:00.000Z', {
          audienceRoles: [...PARTICIPANT_ROLES],
        }),
        workshop('developers', '2024-08-21T06:00:00.000Z', '2024-08-21T13:00:00.000Z'),
        workshop('leaders', '2024-08-22T06:00:00.000Z', '2024-08-22T13:00:00.000Z', {
          type: 'leadershipDiscussion',
          audienceRoles: ['leadership'],
        }),
        workshop('hameenlinna', '2024-08-23T06:00:00.000Z', '2024-08-23T13:00:00.000Z', {
          audienceRoles: [...PARTICIPANT_ROLES],
          municipalityId: 'hameenlinna',
        }),
        workshop('past', '2024-07-20T06:00:00.000Z', '2024-07-20T13:00:00.000Z', {
          audienceRoles: [...PARTICIPANT_ROLES],
        }),
      ],
      [developer],
    );
    await running.app.repositories.coordinators.save({
      tenantId: TENANT,
      aadObjectId: coordinatorId,
      name: 'Koordinaattori',
      organisation: 'Kuntaliitto',
    });
    coordinatorToken = await tokenFor(coordinatorId);
  });

  afterAll(async () => {
    await running.stop();
    await emulator.stop();
  });

  /** Tokens are issued on the app's clock but checked against real time: issue them "now". */
  async function tokenFor(aadObjectId: string): Promise<string> {
    const pinned = clock().toISOString();
    clock.set(new Date().toISOString());
    const response = await postJson(`${running.url}/dev-auth/token`, {
      tenantId: TENANT,
      aadObjectId,
      name: 'x',
    });
    clock.set(pinned);
    return (response.json as { access_token: string }).access_token;
  }

  async function call(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
    const response = await fetch(`${running.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  async function programmeIds(token: string): Promise<string[]> {
    const answer = await call('/api/programme?when=all', token);
    expect(answer.status).toBe(200);
    return (answer.json.items as { id: string }[]).map((item) => item.id).sort();
  }

  async function absentNames(eventId: string): Promise<string[]> {
    const answer = await call(`/api/events/${eventId}/absences`, coordinatorToken);
    expect(answer.status).toBe(200);
    return (answer.json.absences as { name: string }[]).map((absence) => absence.name);
  }

  function pressCannotAttend(eventId: string, from: { id: string; aadObjectId: string; name: string }) {
    return postJson(
      `${running.url}/api/messages`,
      cardAction(
        VERBS.cannotAttend,
        { roundId: ROUND_ID, eventId },
        { serviceUrl: emulator.serviceUrl, from },
      ),
    );
  }

  it('shows a stranger the public events only', async () => {
    const stranger = await tokenFor(strangerId);
    expect(await programmeIds(stranger)).toEqual(['past', 'public']);
    // A participant still sees what their roles and municipality allow.
    expect(await programmeIds(await tokenFor(developer.aadObjectId))).toEqual([
      'developers',
      'past',
      'public',
    ]);
  });

  it("stores no stranger's opt-out of the peer groups", async () => {
    const stranger = await tokenFor(strangerId);
    const answer = await call('/api/groups/me/opt-out', stranger, {
      method: 'PUT',
      body: { optedOut: true },
    });
    expect(answer.status).toBe(403);
    const overview = await call('/api/groups/discussions', coordinatorToken);
    expect(overview.status).toBe(200);
    expect(overview.json.optedOut).toBe(0);
    const mine = await call('/api/groups/me', stranger);
    expect(mine.json.optedOut).toBe(false);
  });

  it('stores "I can\'t attend" for a participant\'s own visible, upcoming event only', async () => {
    const from = {
      id: developer.teamsUserId ?? '',
      aadObjectId: developer.aadObjectId,
      name: 'Itse keksitty nimi',
    };
    const hidden = await pressCannotAttend('leaders', from);
    expect(JSON.stringify(hidden.json)).toContain('Tapahtumaa ei löytynyt');
    const elsewhere = await pressCannotAttend('hameenlinna', from);
    expect(JSON.stringify(elsewhere.json)).toContain('Tapahtumaa ei löytynyt');
    const past = await pressCannotAttend('past', from);
    expect(JSON.stringify(past.json)).toContain('Tapahtuma on jo alkanut');
    const unknown = await pressCannotAttend('no-such-event', from);
    expect(JSON.stringify(unknown.json)).toContain('Tapahtumaa ei löytynyt');

    const stored = await pressCannotAttend('public', from);
    expect(JSON.stringify(stored.json)).toContain('Kiitos, että kerroit');

    expect(await absentNames('leaders')).toEqual([]);
    expect(await absentNames('hameenlinna')).toEqual([]);
    expect(await absentNames('past')).toEqual([]);
    // The roster's name, not the one the client declared.
    expect(await absentNames('public')).toEqual([developer.name]);
  });

  it('stores nothing for someone who is not a participant, whatever name they give', async () => {
    const answer = await pressCannotAttend('public', {
      id: '29:stranger',
      aadObjectId: strangerId,
      name: '=HYPERLINK("https://example.com","x")',
    });
    expect(JSON.stringify(answer.json)).toContain('osallistujalistalla');
    expect(await absentNames('public')).toEqual([developer.name]);
  });
});
