/**
 * With Microsoft Graph configured, each group's meeting becomes an Outlook event with a Teams
 * meeting in the organiser's calendar, the members as required attendees. Checked against the Graph
 * emulator, which holds requests to the documented shapes and answers as Graph does.
 */
import type { AnswersResponse, MyGroupsResponse } from '../../bot/src/groups/peer-group-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { PersonalChatRepository } from '../../bot/src/delivery/personal-chat-repository';
import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-network';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { GraphEmulator } from '../emulators/graph-emulator';
import { TENANT } from '../support/activities';
import {
  AINO,
  DISCUSSION,
  FakeCredential,
  MIKKO,
  api,
  cardText,
  movableClock,
  openUrls,
  startGroupsApp,
  tokenFor,
  waitFor,
  type GroupsApp,
} from './support';

const ORGANIZER = 'digiverkosto@kuntaliitto.fi';
const NOW = '2025-09-01T07:00:00.000Z';
const clock = movableClock(NOW);

let connector: BotConnectorEmulator;
let graph: GraphEmulator;
let serviceUrl: string;
let graphUrl: string;

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  serviceUrl = (await connector.start()).url;
  graph = new GraphEmulator({ mailboxes: [ORGANIZER] });
  graphUrl = await graph.start();
});
afterAll(async () => {
  await connector.stop();
  await graph.stop();
});
beforeEach(() => {
  connector.reset();
  graph.reset();
  clock.set(NOW);
});

async function withApp(
  work: (running: GroupsApp, credential: FakeCredential) => Promise<void>,
): Promise<void> {
  const credential = new FakeCredential();
  const running = await startGroupsApp({
    clock,
    serviceUrl,
    env: { SEED_DEMO: 'false', GRAPH_ORGANIZER_UPN: ORGANIZER, GRAPH_BASE_URL: graphUrl },
    graphCredential: credential,
  });
  try {
    await work(running, credential);
  } finally {
    await running.stop();
  }
}

async function formAndSend(running: GroupsApp): Promise<{ status: number }> {
  const token = await tokenFor(running, MIKKO);
  const formed = await api(running, `/api/groups/discussions/${DISCUSSION}/formation`, token, {
    method: 'POST',
    body: { seed: 'graph', groupSize: 5 },
  });
  expect(formed.status).toBe(201);
  return api(running, `/api/groups/discussions/${DISCUSSION}/invitations`, token, { method: 'POST' });
}

function invitationCards() {
  return connector
    .allActivities()
    .filter((recorded) => JSON.stringify(recorded.activity.attachments ?? []).includes(VERBS.rsvp));
}

describe('meetings in Outlook through Microsoft Graph', () => {
  it('creates one Teams meeting per group in the organiser’s calendar with the members as attendees', async () => {
    await withApp(async (running, credential) => {
      expect((await formAndSend(running)).status).toBe(200);
      const events = graph.allEvents();
      expect(events).toHaveLength(3);
      expect(graph.violations).toEqual([]);
      expect(credential.calls).toBeGreaterThan(0);
      for (const request of graph.requests) expect(request.authorization).toBe('Bearer test-graph-token');

      const posts = graph.requests.filter((request) => request.method === 'POST');
      expect(posts.map((request) => request.path)).toEqual(
        Array(3).fill(`/v1.0/users/${encodeURIComponent(ORGANIZER)}/events`),
      );
      const body = posts[0]?.body as Record<string, unknown>;
      expect(body).toMatchObject({
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        start: { dateTime: '2025-09-10T14:00:00', timeZone: 'Europe/Helsinki' },
        end: { dateTime: '2025-09-10T15:30:00', timeZone: 'Europe/Helsinki' },
        body: { contentType: 'text' },
      });
      expect(String(body.subject)).toMatch(/^Ylimmän johdon vertaiskeskustelu 1 – Ryhmä \d$/);
      expect(String(body.transactionId)).toMatch(/^peer-meeting\..+#0$/);
      const attendees = body.attendees as { emailAddress: { address: string; name: string }; type: string }[];
      expect(attendees.length).toBeGreaterThanOrEqual(4);
      expect(attendees.every((attendee) => attendee.type === 'required')).toBe(true);
      const everyone = events.flatMap((event) =>
        event.attendees.map((attendee) => attendee.emailAddress.address),
      );
      expect(everyone).toContain('aino.korhonen@hameenlinna.fi');
      expect(new Set(everyone).size).toBe(13);

      // Teams cards still carry the answer buttons, with Graph's Teams link and no .ics button.
      await waitFor(() => invitationCards().length >= 13, 15_000, '13 invitations');
      const chat = await new PersonalChatRepository(running.app.store).get({
        tenantId: DEMO_TENANT_ID,
        aadObjectId: AINO.aadObjectId,
      });
      const ainoCard: unknown = connector.activitiesFor(chat?.conversationId ?? '')[0]?.activity
        .attachments?.[0]?.content;
      const links = openUrls(ainoCard);
      const ainoEvent = events.find((event) =>
        event.attendees.some((attendee) => attendee.emailAddress.address === 'aino.korhonen@hameenlinna.fi'),
      );
      expect(links.find((link) => link.title === 'Liity kokoukseen')?.url).toBe(
        ainoEvent?.onlineMeeting?.joinUrl,
      );
      expect(links.some((link) => link.title === 'Lisää kalenteriin')).toBe(false);
      expect(cardText(ainoCard)).toContain('Kutsu on lähetetty myös Outlook-kalenteriisi.');

      // Sending again creates nothing new in Outlook.
      const requests = graph.requests.length;
      expect(
        (
          await api(
            running,
            `/api/groups/discussions/${DISCUSSION}/invitations`,
            await tokenFor(running, MIKKO),
            { method: 'POST' },
          )
        ).status,
      ).toBe(200);
      expect(graph.requests.length).toBe(requests);
    });
  });

  it('waits out a 429 with Retry-After, and on an outage answers 502 and creates nothing twice on the retry', async () => {
    await withApp(async (running) => {
      graph.injectFaults([{ status: 429, retryAfterSeconds: 1, method: 'POST' }]);
      expect((await formAndSend(running)).status).toBe(200);
      expect(graph.requests.map((request) => request.status).slice(0, 2)).toEqual([429, 201]);
      expect(graph.allEvents()).toHaveLength(3);
    });
    graph.reset();
    await withApp(async (running) => {
      graph.injectFaults(Array.from({ length: 4 }, () => ({ status: 503 as const, retryAfterSeconds: 1 })));
      expect((await formAndSend(running)).status).toBe(502);
      expect(graph.allEvents()).toHaveLength(0);
      const retried = await api(
        running,
        `/api/groups/discussions/${DISCUSSION}/invitations`,
        await tokenFor(running, MIKKO),
        { method: 'POST' },
      );
      expect(retried.status).toBe(200);
      expect(graph.allEvents()).toHaveLength(3);
    });
  }, 60_000);

  it('moves the Outlook event with PATCH and cancels it with the cancel action', async () => {
    await withApp(async (running) => {
      await formAndSend(running);
      const coordinator = await tokenFor(running, MIKKO);
      const meetingId = `${DISCUSSION}~1`;
      const moved = await api(running, `/api/groups/meetings/${encodeURIComponent(meetingId)}`, coordinator, {
        method: 'PATCH',
        body: { startsAt: '2025-10-27T12:00:00.000Z', endsAt: '2025-10-27T13:30:00.000Z' },
      });
      expect(moved.status).toBe(200);
      const patch = graph.requests.find((request) => request.method === 'PATCH');
      expect(patch?.status).toBe(200);
      // After the October change Helsinki is UTC+2: 12.00 UTC is 14.00 there.
      expect(patch?.body).toMatchObject({
        start: { dateTime: '2025-10-27T14:00:00', timeZone: 'Europe/Helsinki' },
      });

      const cancelled = await api(
        running,
        `/api/groups/meetings/${encodeURIComponent(meetingId)}/cancel`,
        coordinator,
        {
          method: 'POST',
        },
      );
      expect(cancelled.status).toBe(200);
      const cancel = graph.requests.find((request) => request.path.endsWith('/cancel'));
      expect(cancel?.status).toBe(202);
      expect(cancel?.body).toEqual({ comment: 'Ryhmän keskustelu on peruttu.' });
      expect(graph.allEvents().filter((event) => event.isCancelled)).toHaveLength(1);
      expect(graph.violations).toEqual([]);
    });
  });

  it('counts answers given in Outlook for the coordinators and the RSVP reminder, the later answer winning', async () => {
    await withApp(async (running) => {
      await formAndSend(running);
      const ainoEvent = graph
        .allEvents()
        .find((event) =>
          event.attendees.some(
            (attendee) => attendee.emailAddress.address === 'aino.korhonen@hameenlinna.fi',
          ),
        );
      if (!ainoEvent) throw new Error('no Outlook event for Aino');
      graph.respondAs(
        ainoEvent.id,
        'Aino.Korhonen@hameenlinna.fi',
        'declined',
        new Date('2025-09-02T08:00:00Z'),
      );
      const coordinator = await tokenFor(running, MIKKO);
      const read = async () =>
        (
          await api<AnswersResponse>(running, `/api/groups/discussions/${DISCUSSION}/answers`, coordinator)
        ).json.groups
          .flatMap((group) => group.members)
          .find((member) => member.name === 'Aino Korhonen');
      expect(await read()).toMatchObject({ response: 'declined', answeredIn: 'outlook' });
      expect(
        graph.requests.some((request) => request.method === 'GET' && request.path.endsWith(ainoEvent.id)),
      ).toBe(true);

      // She changes her mind on the Teams card a day later: the later answer counts.
      clock.set('2025-09-03T08:00:00.000Z');
      const mine = await api<MyGroupsResponse>(running, '/api/groups/me', await tokenFor(running, AINO));
      const meeting = mine.json.meetings[0];
      if (!meeting) throw new Error('Aino has no meeting');
      await api(
        running,
        `/api/groups/meetings/${encodeURIComponent(meeting.meetingId)}/rsvp`,
        await tokenFor(running, AINO),
        {
          method: 'POST',
          body: { response: 'accepted', sequence: meeting.sequence },
        },
      );
      expect(await read()).toMatchObject({ response: 'accepted', answeredIn: 'teams' });

      // The RSVP reminder skips people who answered in Outlook.
      const johanna = graph
        .allEvents()
        .flatMap((event) =>
          event.attendees.map((attendee) => ({ event, email: attendee.emailAddress.address })),
        )
        .find((entry) => entry.email === 'johanna.makela@kangasala.fi');
      if (!johanna) throw new Error('no Outlook invitation for Johanna');
      graph.respondAs(johanna.event.id, johanna.email, 'accepted', new Date('2025-09-03T09:00:00Z'));
      await waitFor(() => invitationCards().length >= 13, 15_000, '13 invitations');
      clock.set('2025-09-08T12:00:00.000Z');
      expect(await running.groups.tick()).toHaveLength(3);
      await waitFor(() => invitationCards().length >= 13 + 11, 15_000, '11 reminders');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(invitationCards()).toHaveLength(13 + 11);
    });
  });

  it('is refused by the emulator without a bearer token, as Graph refuses it', async () => {
    const response = await fetch(`${graphUrl}/v1.0/users/${encodeURIComponent(ORGANIZER)}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'InvalidAuthenticationToken',
    );
  });
});
