import { VERBS } from '../../bot/src/shared/cards/verbs';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { cardAction, TEAM_ID, TENANT } from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';
import {
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fakeClock,
  fastDispatcher,
  participant,
  ROUND_ID,
  seedNetwork,
  workshop,
} from './support';
import type { Participant } from '../../bot/src/shared/participant';

/**
 * Issue 13 item 8: the calendar link of a reminder needed no sign-in and ignored who may see the
 * event, so the Hämeenlinna-only leadership workshop and its meeting link were served to anyone who
 * guessed its id. Now every link is signed for its one reader and checked again when opened.
 */
describe("a reminder's calendar link: signed for its reader, and only for what they may see", () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  const clock = fakeClock('2024-08-01T09:00:00.000Z');
  const coordinatorId = 'c3000000-0000-4000-8000-999999999998';
  const developer = participant(1, { language: 'fi' });
  const colleague = participant(4, { language: 'fi' });
  const leader = participant(2, { roles: ['leadership'], language: 'fi' });
  const outsider = participant(3, { roles: ['leadership'], municipalityId: 'tampere', language: 'fi' });
  const secretLink = 'https://teams.microsoft.com/l/meetup-join/hml-leaders-secret';
  const leadership = workshop('hml-leaders', '2024-08-21T06:00:00.000Z', '2024-08-21T08:00:00.000Z', {
    type: 'roadmapLeadershipWorkshop',
    title: {
      fi: 'Hämeenlinnan johdon työpaja',
      sv: 'Tavastehus ledningsverkstad',
      en: 'Hämeenlinna leadership',
    },
    audienceRoles: ['leadership'],
    municipalityId: 'hameenlinna',
    onlineUrl: secretLink,
    preAssignment: undefined,
  });
  const open = workshop('open', '2024-08-20T06:00:00.000Z', '2024-08-20T13:00:00.000Z');
  let running: RunningApp;
  let coordinatorToken: string;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      clock,
      appOptions: { startBackgroundWork: false, delivery: { dispatcher: fastDispatcher() } },
    });
    await seedNetwork(
      running.app.repositories,
      emulator.serviceUrl,
      [leadership, open],
      [developer, colleague, leader, outsider],
    );
    await running.app.repositories.coordinators.save({
      tenantId: TENANT,
      aadObjectId: coordinatorId,
      name: 'Koordinaattori',
      organisation: 'Kuntaliitto',
    });
    const pinned = clock().toISOString();
    clock.set(new Date().toISOString());
    const response = await postJson(`${running.url}/dev-auth/token`, {
      tenantId: TENANT,
      aadObjectId: coordinatorId,
      name: 'x',
    });
    clock.set(pinned);
    coordinatorToken = (response.json as { access_token: string }).access_token;
  });

  afterAll(async () => {
    await running.stop();
    await emulator.stop();
  });

  async function get(pathOrUrl: string) {
    // The links carry the app's public address; the test server listens on its own port.
    const path = pathOrUrl.startsWith('http')
      ? new URL(pathOrUrl).pathname + new URL(pathOrUrl).search
      : pathOrUrl;
    const response = await fetch(`${running.url}${path}`);
    return {
      status: response.status,
      text: await response.text(),
      type: response.headers.get('content-type'),
    };
  }

  async function coordinator(path: string, body: unknown) {
    const response = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${coordinatorToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  function cardOf(activity: unknown): Record<string, unknown> {
    const attachments = (activity as { attachments?: { content?: unknown }[] }).attachments ?? [];
    return (attachments[0]?.content ?? {}) as Record<string, unknown>;
  }

  function actions(card: unknown): Record<string, unknown>[] {
    return ((card as { actions?: unknown[] }).actions ?? []) as Record<string, unknown>[];
  }

  function calendarLinkOf(card: unknown): string | undefined {
    const action = actions(card).find(
      (candidate) => candidate.type === 'Action.OpenUrl' && String(candidate.url).includes('/calendar.ics'),
    );
    return action ? String(action.url) : undefined;
  }

  function from(person: Participant) {
    return { id: person.teamsUserId ?? '', aadObjectId: person.aadObjectId, name: person.name };
  }

  /** Sends a reminder now and answers with the activities that arrived for it. */
  async function sendNow(
    eventId: string,
    audience: { channel: boolean; personal: boolean },
    requestId: string,
  ) {
    const before = emulator.allActivities().length;
    const sent = await coordinator(`/api/events/${eventId}/reminders/send-now`, { ...audience, requestId });
    expect(sent.status).toBe(202);
    await deliveryOf(running.app).dispatcher.runUntilIdle(20_000);
    return emulator.allActivities().slice(before);
  }

  it('the old unsigned address names no event: 410, without the title or the meeting link', async () => {
    const old = await get(`/api/calendar/${ROUND_ID}/hml-leaders?lang=fi`);
    expect(old.status).toBe(410);
    expect(old.text).not.toContain('Hämeenlinnan johdon');
    expect(old.text).not.toContain(secretLink);
    const unsigned = await get(`/api/programme/links/${ROUND_ID}/hml-leaders/calendar.ics`);
    expect(unsigned.status).toBe(400);
    const forged = await get(
      `/api/programme/links/${ROUND_ID}/hml-leaders/calendar.ics?token=eyJhbGciOiJub25lIn0.e30.`,
    );
    expect(forged.status).toBe(404);
    expect(forged.text).not.toContain(secretLink);
  });

  it("a personal reminder carries its reader's own link, which opens only what they may see", async () => {
    const arrived = await sendNow('hml-leaders', { channel: false, personal: true }, 'leaders-0000001');
    // Only Hämeenlinna's leader is in the audience: the developer and Tampere's leader get nothing.
    expect(arrived).toHaveLength(1);
    const link = calendarLinkOf(cardOf(arrived[0]?.activity));
    expect(link).toMatch(
      new RegExp(`/api/programme/links/${ROUND_ID}/hml-leaders/calendar\\.ics\\?token=[^&]+&lang=fi$`),
    );
    const file = await get(link ?? '');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/calendar');
    expect(file.text).toContain('SUMMARY:Hämeenlinnan johdon työpaja');
    expect(file.text).toContain(secretLink);
    expect(file.text).toContain('UID:event.round-test%2Fhml-leaders@digiverkosto.kuntaliitto.fi');

    // The same token on another event's address opens nothing.
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    expect((await get(`/api/programme/links/${ROUND_ID}/open/calendar.ics?token=${token}`)).status).toBe(404);
    // Nor does a token edited by one character.
    const edited = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}${token.slice(-1)}`;
    expect(
      (await get(`/api/programme/links/${ROUND_ID}/hml-leaders/calendar.ics?token=${edited}`)).status,
    ).toBe(404);

    // Once the reader may no longer see the event (not a leader any more, or off the roster), the
    // link answers like one for an event that does not exist, naming nothing.
    const participants = running.app.repositories.participants;
    await participants.save({ ...leader, roles: ['developer'] });
    const noLonger = await get(link ?? '');
    expect(noLonger.status).toBe(404);
    expect(noLonger.text).not.toContain(secretLink);
    await participants.save({ ...leader, active: false });
    expect((await get(link ?? '')).status).toBe(404);
    await participants.save(leader);
    expect((await get(link ?? '')).status).toBe(200);

    // A week after the event the link has expired.
    const pinned = clock().toISOString();
    clock.set('2024-08-29T09:00:00.000Z');
    try {
      expect((await get(link ?? '')).status).toBe(410);
    } finally {
      clock.set(pinned);
    }
  });

  it('gives each reader a link of their own', async () => {
    const arrived = await sendNow('open', { channel: false, personal: true }, 'open-00000001');
    const links = arrived.map((recorded) => calendarLinkOf(cardOf(recorded.activity)));
    // The developers of the event's audience: two people, two different links.
    expect(links).toHaveLength(2);
    expect(new Set(links).size).toBe(2);
    for (const link of links) expect((await get(link ?? '')).status).toBe(200);
  });

  it('a channel card, read by many, asks; the one who presses gets their own link', async () => {
    const arrived = await sendNow('open', { channel: true, personal: false }, 'open-channel-1');
    expect(arrived).toHaveLength(1);
    expect(arrived[0]?.conversationId).toBe(TEAM_ID);
    const channelCard = cardOf(arrived[0]?.activity);
    expect(calendarLinkOf(channelCard)).toBeUndefined();
    expect(JSON.stringify(channelCard)).not.toContain('/api/calendar/');
    const ask = actions(channelCard).find((action) => action.verb === VERBS.reminderCalendar);
    expect(ask).toMatchObject({ type: 'Action.Execute', title: 'Lisää kalenteriin' });

    const pressed = await postJson(
      `${running.url}/api/messages`,
      cardAction(VERBS.reminderCalendar, ask?.data, {
        serviceUrl: emulator.serviceUrl,
        from: from(developer),
      }),
    );
    expect(pressed.status).toBe(200);
    const answered = (pressed.json as { value?: unknown }).value;
    expect(JSON.stringify(answered)).toContain('Kalenterilinkkisi on valmis');
    const link = calendarLinkOf(answered);
    expect((await get(link ?? '')).status).toBe(200);
    // The answer keeps the reader's "I can't attend".
    expect(JSON.stringify(answered)).toContain(VERBS.cannotAttend);
  });

  it('presses for an event the reader may not see, or by someone off the roster, get no link', async () => {
    const hidden = await postJson(
      `${running.url}/api/messages`,
      cardAction(
        VERBS.reminderCalendar,
        { roundId: ROUND_ID, eventId: 'hml-leaders' },
        { serviceUrl: emulator.serviceUrl, from: from(outsider) },
      ),
    );
    expect(JSON.stringify(hidden.json)).toContain('Tapahtumaa ei löytynyt');
    expect(JSON.stringify(hidden.json)).not.toContain('/calendar.ics');
    expect(JSON.stringify(hidden.json)).not.toContain(secretLink);

    const stranger = await postJson(
      `${running.url}/api/messages`,
      cardAction(
        VERBS.reminderCalendar,
        { roundId: ROUND_ID, eventId: 'open' },
        {
          serviceUrl: emulator.serviceUrl,
          from: { id: '29:stranger', aadObjectId: 'c3000000-0000-4000-8000-777777777777', name: 'Vieras' },
        },
      ),
    );
    expect(JSON.stringify(stranger.json)).toContain('Kalenterilinkki on verkoston osallistujille');
    expect(JSON.stringify(stranger.json)).not.toContain('/calendar.ics');

    const malformed = await postJson(
      `${running.url}/api/messages`,
      cardAction(
        VERBS.reminderCalendar,
        { roundId: ROUND_ID },
        { serviceUrl: emulator.serviceUrl, from: from(developer) },
      ),
    );
    expect(malformed.status).toBe(200);
    expect(JSON.stringify(malformed.json)).not.toContain('/calendar.ics');
  });

  it("the coordinator's preview shows the coordinator's own link, which opens for them", async () => {
    const preview = await coordinator('/api/events/hml-leaders/reminders/preview', {
      language: 'fi',
      offset: 'P1D',
    });
    expect(preview.status).toBe(200);
    const link = calendarLinkOf(preview.json.card);
    expect(link).toContain(`/api/programme/links/${ROUND_ID}/hml-leaders/calendar.ics?token=`);
    const file = await get(link ?? '');
    expect(file.status).toBe(200);
    expect(file.text).toContain('SUMMARY:Hämeenlinnan johdon työpaja');
  });
});
