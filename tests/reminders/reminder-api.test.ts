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

describe('the reminder routes and "I can\'t attend"', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  const clock = fakeClock('2024-08-01T09:00:00.000Z');
  const coordinatorId = 'c3000000-0000-4000-8000-999999999999';
  const attendee = participant(1, { language: 'fi' });
  const guest = participant(2, { language: 'sv' });
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
      [
        workshop('api', '2024-08-20T06:00:00.000Z', '2024-08-20T13:00:00.000Z', {
          type: 'kickoff',
          place: { name: 'Kuntatalo', address: 'Toinen linja 14, 00530 Helsinki' },
          onlineUrl: undefined,
        }),
      ],
      [attendee, guest],
    );
    await running.app.repositories.coordinators.save({
      tenantId: TENANT,
      aadObjectId: coordinatorId,
      name: 'Koordinaattori',
      organisation: 'Kuntaliitto',
    });
    coordinatorToken = await tokenFor(coordinatorId);
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

  afterAll(async () => {
    await running.stop();
    await emulator.stop();
  });

  async function call(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) {
    const token = init.token === undefined ? coordinatorToken : init.token;
    const response = await fetch(`${running.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  }

  it('shows the in-person day default plan: two weeks and a day ahead', async () => {
    const answer = await call('/api/events/api/reminders');
    expect(answer.status).toBe(200);
    const body = answer.json as { plan: { custom: boolean; reminders: { offset: string }[] } };
    expect(body.plan.custom).toBe(false);
    expect(body.plan.reminders.map((spec) => spec.offset)).toEqual(['P14D', 'P1D']);
  });

  it('is closed to people who are not coordinators', async () => {
    const participantToken = await tokenFor(attendee.aadObjectId);
    expect((await call('/api/events/api/reminders', { token: participantToken })).status).toBe(403);
    expect((await call('/api/events/api/reminders', { token: null })).status).toBe(401);
  });

  it('lets a coordinator change the plan and rejects a malformed offset', async () => {
    const bad = await call('/api/events/api/reminders', {
      method: 'PUT',
      body: { reminders: [{ offset: 'tomorrow', channel: true, personal: true }] },
    });
    expect(bad.status).toBe(400);
    const answer = await call('/api/events/api/reminders', {
      method: 'PUT',
      body: {
        reminders: [
          { offset: 'PT2H', channel: false, personal: true },
          { offset: 'P3D', channel: true, personal: true },
        ],
      },
    });
    expect(answer.status).toBe(200);
    const body = answer.json as {
      plan: { custom: boolean; reminders: { offset: string }[] };
      reminders: { offset: string; dueAt: string }[];
    };
    expect(body.plan.custom).toBe(true);
    expect(body.plan.reminders.map((spec) => spec.offset)).toEqual(['P3D', 'PT2H']);
    // 20.8.2024 9.00 Helsinki: three days before at 9.00, and two hours before.
    expect(body.reminders.map((r) => [r.offset, r.dueAt])).toEqual([
      ['P3D', '2024-08-17T06:00:00.000Z'],
      ['PT2H', '2024-08-20T04:00:00.000Z'],
    ]);
  });

  it('previews the card in Swedish with the address and the Finnish way of writing time', async () => {
    const answer = await call('/api/events/api/reminders/preview', {
      method: 'POST',
      body: { language: 'sv', offset: 'P1D' },
    });
    expect(answer.status).toBe(200);
    const card = JSON.stringify(answer.json);
    expect(card).toContain('Påminnelse');
    expect(card).toContain('20.8.2024 kl. 9.00');
    expect(card).toContain('Toinen linja 14, 00530 Helsinki');
    expect(card).toContain('Evenemanget är i morgon.');
    expect(card).toContain(VERBS.cannotAttend);
    expect(card).toContain('/api/programme/links/round-test/api/calendar.ics?token=');
  });

  it('previews a reminder as it will read: "in 2 hours" for an event 1.5 hours away, never "in a week"', async () => {
    const pinned = clock().toISOString();
    // 7.30 on the day of the event (9.00): the week-ahead reminder's time has long passed.
    clock.set('2024-08-20T04:30:00.000Z');
    try {
      const answer = await call('/api/events/api/reminders/preview', {
        method: 'POST',
        body: { language: 'fi', offset: 'P7D' },
      });
      const body = answer.json as {
        card: unknown;
        sentAt: string;
        reach: { channels: number; people: number };
      };
      expect(JSON.stringify(body.card)).toContain('Tapahtuma alkaa 2 tunnin kuluttua.');
      expect(JSON.stringify(body.card)).not.toContain('viikon kuluttua');
      expect(body.sentAt).toBe('2024-08-20T04:30:00.000Z');
      // Before sending, the confirmation says how many it would reach: the channel and two people.
      expect(body.reach).toEqual({ channels: 1, people: 2 });
    } finally {
      clock.set(pinned);
    }
  });

  it('sends now and reports the delivery per state', async () => {
    const sent = await call('/api/events/api/reminders/send-now', {
      method: 'POST',
      body: { channel: true, personal: true, requestId: 'press-00000001' },
    });
    expect(sent.status).toBe(202);
    expect(sent.json).toMatchObject({ accepted: 3, duplicates: 0 });
    // The same press again (a retried request) sends nothing new.
    const again = await call('/api/events/api/reminders/send-now', {
      method: 'POST',
      body: { channel: true, personal: true, requestId: 'press-00000001' },
    });
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 3 });
    await deliveryOf(running.app).dispatcher.runUntilIdle(20_000);
    expect(emulator.allActivities()).toHaveLength(3);
    expect(emulator.activitiesFor(TEAM_ID)).toHaveLength(1);

    const answer = await call('/api/events/api/reminders');
    const body = answer.json as {
      reminders: { manual: boolean; delivery?: { counts: Record<string, number> } }[];
    };
    const manual = body.reminders.find((reminder) => reminder.manual);
    expect(manual?.delivery?.counts).toEqual({ pending: 0, sending: 0, sent: 3, failed: 0, unreachable: 0 });
  });

  it('records "I can\'t attend" from the card and shows it to coordinators', async () => {
    const invoke = cardAction(
      VERBS.cannotAttend,
      { roundId: ROUND_ID, eventId: 'api' },
      {
        serviceUrl: emulator.serviceUrl,
        from: { id: guest.teamsUserId ?? '', aadObjectId: guest.aadObjectId, name: guest.name },
      },
    );
    const answer = await postJson(`${running.url}/api/messages`, invoke);
    expect(answer.status).toBe(200);
    const card = JSON.stringify(answer.json);
    expect(card).toContain('Tack för att du meddelade');
    expect(card).not.toContain(VERBS.cannotAttend);
    // Twice is still one absence.
    await postJson(`${running.url}/api/messages`, { ...invoke, id: 'second-press' });

    const absences = await call('/api/events/api/absences');
    expect(absences.status).toBe(200);
    expect((absences.json as { absences: { name: string }[] }).absences.map((a) => a.name)).toEqual([
      guest.name,
    ]);
  });

  it('takes "I can\'t attend" back with "I can attend after all"', async () => {
    const from = { id: guest.teamsUserId ?? '', aadObjectId: guest.aadObjectId, name: guest.name };
    const pressed = await postJson(
      `${running.url}/api/messages`,
      cardAction(
        VERBS.cannotAttend,
        { roundId: ROUND_ID, eventId: 'api' },
        { serviceUrl: emulator.serviceUrl, from },
      ),
    );
    const card = JSON.stringify(pressed.json);
    expect(card).toContain('Jag kan delta ändå');
    expect(card).toContain(VERBS.canAttendAfterAll);
    const undone = await postJson(
      `${running.url}/api/messages`,
      cardAction(
        VERBS.canAttendAfterAll,
        { roundId: ROUND_ID, eventId: 'api' },
        { serviceUrl: emulator.serviceUrl, from },
      ),
    );
    const after = JSON.stringify(undone.json);
    expect(after).toContain('Din frånvaroanmälan har tagits bort.');
    expect(after).toContain(VERBS.cannotAttend);
    expect(after).not.toContain(VERBS.canAttendAfterAll);
    const absences = await call('/api/events/api/absences');
    expect((absences.json as { absences: unknown[] }).absences).toEqual([]);
  });

  it('serves the event as an .ics file that Outlook opens, from the signed link of the card', async () => {
    const preview = await call('/api/events/api/reminders/preview', {
      method: 'POST',
      body: { language: 'fi', offset: 'P1D' },
    });
    const link = /"url":"([^"]*\/calendar\.ics\?[^"]*)"/.exec(JSON.stringify(preview.json))?.[1] ?? '';
    const answer = await call(new URL(link).pathname + new URL(link).search, { token: null });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/calendar');
    expect(answer.text).toContain('BEGIN:VEVENT');
    expect(answer.text).toContain('DTSTART;TZID=Europe/Helsinki:20240820T090000');
    expect(answer.text).toContain('LOCATION:Kuntatalo\\, Toinen linja 14\\, 00530 Helsinki');
  });
});
