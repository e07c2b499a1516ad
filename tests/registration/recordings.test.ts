/**
 * Recordings of past events: a link entered by hand, or the Teams meeting's recording looked up
 * through Microsoft Graph (the loopback Graph emulator) and streamed through a signed personal link;
 * the card to those registered who did not attend and to the event's audience; the programme shows
 * it while it is available.
 */
import type {
  RecordingResponse,
  RecordingSendResponse,
  RegistrationEventView,
} from '../../bot/src/registration/registration-contracts';
import type { RemindersFeature } from '../../bot/src/reminders';
import type { ProgrammeEvent } from '../../bot/src/shared/programme-event';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { GraphEmulator } from '../emulators/graph-emulator';
import { FakeCredential } from '../groups/support';
import {
  COORDINATOR,
  EVENT_ID,
  ROUND_ID,
  api,
  buttonsOf,
  cardText,
  cardsFor,
  closingDay,
  movableClock,
  openRegistration,
  person,
  seed,
  startRegistrationApp,
  tokenFor,
  waitFor,
  type RegistrationApp,
} from './support';

jest.setTimeout(90_000);

const ORGANIZER = 'digiverkosto@kuntaliitto.fi';
const TRAINING = 'training-digital-future';
const TRAINING_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_training%40thread.v2/0';
const training: ProgrammeEvent = {
  roundId: ROUND_ID,
  id: TRAINING,
  type: 'training',
  title: {
    fi: 'Koulutus: Kuntien digitaalinen tulevaisuus',
    sv: 'Utbildning: Kommunernas digitala framtid',
    en: 'Training: The digital future of municipalities',
  },
  description: undefined,
  startsAt: '2025-06-03T10:00:00.000Z',
  endsAt: '2025-06-03T12:00:00.000Z',
  place: undefined,
  onlineUrl: TRAINING_LINK,
  audienceRoles: ['elected'],
  municipalityId: undefined,
  inPersonQuota: undefined,
  preAssignment: undefined,
  organiser: 'FCG',
};

const clock = movableClock('2025-04-01T09:00:00.000Z');
let connector: BotConnectorEmulator;
let graph: GraphEmulator;
let graphUrl: string;

const anna = person(1, 'hameenlinna', { name: 'Anna Aalto' });
const bertta = person(2, 'hameenlinna', { name: 'Bertta Berg', language: 'sv' });
const cecilia = person(3, 'hameenlinna', { name: 'Cecilia Ek' });
const daniel = person(4, 'porvoo', { name: 'Daniel Dahl', language: 'en' });
const elected = person(5, 'kangasala', { name: 'Eeva Valtuutettu', roles: ['elected'] });
const people = [anna, bertta, cecilia, daniel, elected];

beforeAll(async () => {
  connector = new BotConnectorEmulator();
  await connector.start();
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
  clock.set('2025-04-01T09:00:00.000Z');
});

async function withApp(
  options: { graph: boolean },
  work: (running: RegistrationApp, coordinator: string) => Promise<void>,
): Promise<void> {
  const running = await startRegistrationApp({
    clock,
    ...(options.graph
      ? {
          env: { GRAPH_ORGANIZER_UPN: ORGANIZER, GRAPH_BASE_URL: graphUrl },
          graphCredential: new FakeCredential(),
        }
      : {}),
  });
  try {
    await seed(running.app, { events: [closingDay(), training], people, serviceUrl: connector.serviceUrl });
    await work(running, await tokenFor(running, COORDINATOR));
  } finally {
    await running.stop();
  }
}

const window = { availableFrom: '2025-06-04T09:00', availableUntil: '2025-09-30T16:00' };

describe('a recording entered by hand', () => {
  it('is refused for an event that has not ended and for a link that is not https', async () => {
    await withApp({ graph: false }, async (running, coordinator) => {
      const path = `/api/registration/events/${TRAINING}/recording`;
      const early = await api(running, path, coordinator, {
        method: 'PUT',
        body: { url: 'https://stream.example/x', ...window },
      });
      expect(early.status).toBe(409);
      expect((early.json as { code: string }).code).toBe('notEnded');
      clock.set('2025-06-04T09:00:00.000Z');
      const plain = await api(running, path, coordinator, {
        method: 'PUT',
        body: { url: 'http://stream.example/x', ...window },
      });
      expect(plain.status).toBe(422);
      const lookup = await api(running, `${path}/lookup`, coordinator, { method: 'POST' });
      expect(lookup.status).toBe(409);
      expect((lookup.json as { code: string }).code).toBe('graphNotConfigured');
      const none = await api<RecordingResponse>(running, path, coordinator);
      expect(none.json).toEqual({ recording: null, canLookUp: false });
    });
  });

  it('is shown in the programme while available, and its card goes to the audience in each one’s language', async () => {
    await withApp({ graph: false }, async (running, coordinator) => {
      clock.set('2025-06-04T09:00:00.000Z');
      const path = `/api/registration/events/${TRAINING}/recording`;
      const saved = await api<RecordingResponse>(running, path, coordinator, {
        method: 'PUT',
        body: { url: 'https://stream.example/training', ...window },
      });
      expect(saved.status).toBe(201);
      expect(saved.json.recording).toMatchObject({
        source: 'manual',
        availableUntilText: '30.9.2025 klo 16.00',
        sent: false,
      });

      const programme = async (iso: string) => {
        clock.set(iso);
        const answer = await api<{ events: RegistrationEventView[] }>(
          running,
          '/api/registration/events',
          await tokenFor(running, elected),
        );
        return answer.json.events.find((event) => event.eventId === TRAINING)?.recording ?? null;
      };
      expect(await programme('2025-06-04T05:59:00.000Z')).toBeNull();
      expect(await programme('2025-06-10T09:00:00.000Z')).toMatchObject({
        url: 'https://stream.example/training',
      });
      expect(await programme('2025-09-30T13:00:00.000Z')).toBeNull();

      clock.set('2025-06-10T09:00:00.000Z');
      const sent = await api<RecordingSendResponse>(running, `${path}/send`, coordinator, {
        method: 'POST',
        body: { notAttended: true, audience: true },
      });
      expect(sent.status).toBe(202);
      // The training had no registration and nobody said they could not come: the audience only.
      expect(sent.json).toMatchObject({ recipients: 1, accepted: 1, duplicates: 0 });
      await waitFor(async () => (await cardsFor(running, connector, elected)).length > 0, 10_000, 'the card');
      const [card] = await cardsFor(running, connector, elected);
      expect(cardText(card)).toContain('Tallenne on katsottavissa 30.9.2025 klo 16.00 asti.');
      expect(buttonsOf(card)).toEqual([
        expect.objectContaining({ title: 'Katso tallenne', url: 'https://stream.example/training' }),
      ]);
      const again = await api<RecordingSendResponse>(running, `${path}/send`, coordinator, {
        method: 'POST',
        body: {},
      });
      expect(again.json).toMatchObject({ accepted: 0, duplicates: 1 });
      const after = await api<RecordingResponse>(running, path, coordinator);
      expect(after.json.recording?.sent).toBe(true);
    });
  });

  it('goes to those registered who did not attend: waiting, cancelled, or confirmed but unable to come', async () => {
    await withApp({ graph: false }, async (running, coordinator) => {
      await openRegistration(running, { quota: 2 });
      for (const who of [anna, bertta, cecilia, daniel]) {
        await running.registration.service.register(ROUND_ID, EVENT_ID, who, {});
      }
      await running.registration.service.cancel(ROUND_ID, EVENT_ID, daniel, 'participant');
      const reminders = running.app.features.find(
        (feature) => feature.name === 'reminders',
      ) as RemindersFeature;
      await reminders.absences.record({
        roundId: ROUND_ID,
        eventId: EVENT_ID,
        tenantId: bertta.tenantId,
        aadObjectId: bertta.aadObjectId,
        name: bertta.name,
        municipalityId: 'hameenlinna',
        recordedAt: '2025-05-19T06:00:00.000Z',
      });
      clock.set('2025-05-21T09:00:00.000Z');
      const path = `/api/registration/events/${EVENT_ID}/recording`;
      await api(running, path, coordinator, {
        method: 'PUT',
        body: {
          url: 'https://stream.example/closing',
          availableFrom: '2025-05-21T09:00',
          availableUntil: '2025-08-31T16:00',
        },
      });
      const sent = await api<RecordingSendResponse>(running, `${path}/send`, coordinator, {
        method: 'POST',
        body: { notAttended: true, audience: false },
      });
      expect(sent.json.recipients).toBe(3);
      await waitFor(() => connector.allActivities().length >= 3, 10_000, 'three cards');
      expect(await cardsFor(running, connector, anna)).toHaveLength(0);
      expect(cardText((await cardsFor(running, connector, bertta))[0])).toContain(
        'Inspelningen kan ses fram till',
      );
      expect(cardText((await cardsFor(running, connector, daniel))[0])).toContain(
        'The recording is available until',
      );
      expect(await cardsFor(running, connector, cecilia)).toHaveLength(1);
      const nobody = await api(running, `${path}/send`, coordinator, {
        method: 'POST',
        body: { notAttended: false, audience: false },
      });
      expect(nobody.status).toBe(400);
    });
  });
});

describe('a recording looked up through Microsoft Graph', () => {
  it('finds the newest recording of the event’s Teams meeting and streams it through a signed personal link', async () => {
    await withApp({ graph: true }, async (running, coordinator) => {
      graph.addOnlineMeeting(ORGANIZER, TRAINING_LINK, 'Koulutus');
      const video = Buffer.from(Array.from({ length: 4096 }, (_, index) => index % 251));
      graph.addRecording(TRAINING_LINK, Buffer.from('an earlier, failed take'), '2025-06-03T10:01:00Z');
      graph.addRecording(TRAINING_LINK, video, '2025-06-03T10:05:00Z');
      clock.set('2025-06-04T09:00:00.000Z');
      const path = `/api/registration/events/${TRAINING}/recording`;
      const found = await api<{ recordedText: string }>(running, `${path}/lookup`, coordinator, {
        method: 'POST',
      });
      expect(found.status).toBe(200);
      expect(found.json.recordedText).toBe('3.6.2025 klo 13.05');
      const saved = await api<RecordingResponse>(running, path, coordinator, {
        method: 'PUT',
        body: { lookup: true, ...window },
      });
      expect(saved.json.recording).toMatchObject({
        source: 'graph',
        url: null,
        recordedText: '3.6.2025 klo 13.05',
      });

      const events = await api<{ events: RegistrationEventView[] }>(
        running,
        '/api/registration/events',
        await tokenFor(running, elected),
      );
      const link = events.json.events.find((event) => event.eventId === TRAINING)?.recording?.url ?? '';
      expect(link).toMatch(
        /\/api\/registration\/links\/round-registration\/training-digital-future\/recording\?token=/,
      );
      const watchPath = new URL(link).pathname + new URL(link).search;
      const stream = await fetch(`${running.url}${watchPath}`);
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('video/mp4');
      expect(Buffer.from(await stream.arrayBuffer()).equals(video)).toBe(true);
      const part = await fetch(`${running.url}${watchPath}`, { headers: { Range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe('bytes 100-199/4096');
      expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(100, 200))).toBe(true);
      // Graph was asked as documented, with the app's token.
      const asked = graph.requests.filter((request) => request.path.includes('onlineMeetings'));
      expect(asked.every((request) => request.authorization === 'Bearer test-graph-token')).toBe(true);
      expect(graph.violations).toEqual([]);

      // Someone else's token, or a calendar token, opens nothing; after the window, nothing either.
      expect(
        (await fetch(`${running.url}${watchPath.replace(/token=([^.]+)\.([^.]+)\./, 'token=$1.$2A.')}`))
          .status,
      ).toBe(404);
      clock.set('2025-09-30T13:00:00.000Z');
      expect((await fetch(`${running.url}${watchPath}`)).status).toBe(410);
    });
  });

  it('says so when the meeting has no recording, or when Graph refuses (no application access policy)', async () => {
    await withApp({ graph: true }, async (running, coordinator) => {
      clock.set('2025-06-04T09:00:00.000Z');
      const path = `/api/registration/events/${TRAINING}/recording/lookup`;
      const none = await api(running, path, coordinator, { method: 'POST' });
      expect(none.status).toBe(404);
      expect((none.json as { code: string }).code).toBe('noRecording');
      graph.addOnlineMeeting(ORGANIZER, TRAINING_LINK, 'Koulutus');
      const empty = await api(running, path, coordinator, { method: 'POST' });
      expect((empty.json as { code: string }).code).toBe('noRecording');
      graph.denyOnlineMeetings();
      const refused = await api(running, path, coordinator, { method: 'POST' });
      expect(refused.status).toBe(502);
      expect((refused.json as { code: string }).code).toBe('lookupFailed');
      const inPerson = await api(
        running,
        `/api/registration/events/${EVENT_ID}/recording/lookup`,
        coordinator,
        {
          method: 'POST',
        },
      );
      expect((inPerson.json as { code: string }).code).toBe('noMeetingLink');
    });
  });
});
