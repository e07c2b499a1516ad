import { DEMO_POLL_ID } from '../../bot/src/demo/demo-polls';
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import type { Participant } from '../../bot/src/shared/participant';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import type { WishPollAdminView } from '../../bot/src/polls/wish-poll-contracts';
import type { PostOutcome } from '../../bot/src/polls/wish-poll-publisher';
import { BotConnectorEmulator, type RecordedActivity } from '../emulators/bot-connector-emulator';
import { TEAM_ID, TENANT } from '../support/activities';
import { startTestApp, type RunningApp } from '../support/test-app';
import { channelReference, emulatorLimits, FAST_LIMITS, fastDispatcher, waitFor } from '../reminders/support';
import { api, cardText, pollsOf, startPollsApp, tokenFor } from './support';

const MIKKO = playgroundIdentity('mikko').aadObjectId;
const appOptions = { delivery: { dispatcher: fastDispatcher() } };

const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
let running: RunningApp;
let second: RunningApp;
let coordinator: string;

beforeAll(async () => {
  await emulator.start();
  running = await startPollsApp(() => new Date(), { appOptions });
  await running.app.repositories.installations.add(
    `_${TENANT}_${TEAM_ID}`,
    channelReference(emulator.serviceUrl),
    {
      overwrite: true,
    },
  );
  // A second instance on the same tables, as when App Service runs two.
  second = await startTestApp({ tablePrefix: running.tablePrefix, appOptions });
  coordinator = await tokenFor(running, MIKKO);
});
afterAll(async () => {
  await Promise.all([running.stop(), second.stop()]);
  await emulator.stop();
});

/**
 * Poll messages sent (not the tally's updates of the channel post, which the background jobs of
 * both instances make on their own timers): the demo's workshop reminders share the outbox.
 */
function pollMessages(): RecordedActivity[] {
  return emulator
    .allActivities()
    .filter(
      (activity) =>
        activity.operation !== 'updateActivity' &&
        JSON.stringify(activity.activity).includes('digiverkosto.poll.'),
    );
}

function textOf(activity: RecordedActivity): string {
  return cardText(activity.activity.attachments?.map((attachment): unknown => attachment.content));
}

describe('posting a poll', () => {
  it('posts to the channel once and sends each person the form in their own language, once', async () => {
    emulator.reset();
    const audience = (await running.app.repositories.participants.listAll()).filter((p) => p.active);
    const posted = await api(running, `/api/polls/${DEMO_POLL_ID}/post`, coordinator, {
      method: 'POST',
      body: { channel: true, personal: true },
    });
    expect(posted.status).toBe(202);
    expect(posted.json).toEqual({
      channel: { accepted: 1, duplicates: 0 },
      personal: { accepted: audience.length, duplicates: 0 },
    } satisfies PostOutcome);
    await waitFor(() => pollMessages().length >= audience.length + 1, 20_000, 'every poll message');

    const channel = pollMessages().filter((activity) => activity.conversationId === TEAM_ID);
    expect(channel).toHaveLength(1);
    expect(textOf(channel[0])).toContain('Vastaa tai katso vastauksesi');
    expect(JSON.stringify(channel[0].activity)).toContain(VERBS.pollShow);
    const personal = pollMessages().filter((activity) => activity.conversationId !== TEAM_ID);
    expect(personal).toHaveLength(audience.length);
    const swedish = audience.filter((person) => person.language === 'sv').length;
    expect(personal.filter((activity) => textOf(activity).includes('Enkät om ämnesönskemål'))).toHaveLength(
      swedish,
    );
    // Personal cards are forms that refresh themselves.
    expect(JSON.stringify(personal[0].activity)).toContain('"refresh"');

    const again = await api(running, `/api/polls/${DEMO_POLL_ID}/post`, coordinator, {
      method: 'POST',
      body: { channel: true, personal: true },
    });
    expect(again.json).toEqual({
      channel: { accepted: 0, duplicates: 1 },
      personal: { accepted: 0, duplicates: audience.length },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pollMessages()).toHaveLength(audience.length + 1);
  });

  it("keeps the channel post's tally current as people answer, one update per change", async () => {
    const tally = pollsOf(running.app).channelTally;
    const updates = () =>
      emulator
        .allActivities()
        .filter((activity) => activity.operation === 'updateActivity' && activity.conversationId === TEAM_ID);
    // The first pass writes the count as it stands (unless a background pass of this instance just
    // did); a second pass with nothing new writes nothing.
    await tally.runOnce();
    const audience = (await running.app.repositories.participants.listAll()).filter((p) => p.active).length;
    expect(textOf(updates().at(-1) as RecordedActivity)).toContain(`0/${audience} vastannut`);
    expect(await tally.runOnce()).toEqual([]);

    const answered = await api(running, `/api/polls/${DEMO_POLL_ID}/answer`, await tokenFor(running, MIKKO), {
      method: 'POST',
      body: { topicIds: ['competence'] },
    });
    expect(answered.status).toBe(200);
    const wrote = await tally.runOnce();
    // Either this pass or a background one of this instance wrote the new count, never both.
    await waitFor(
      () => updates().some((update) => textOf(update).includes(`1/${audience} vastannut`)),
      10_000,
      'the new count',
    );
    expect(wrote.length).toBeLessThanOrEqual(1);
    expect(await tally.runOnce()).toEqual([]);
    const latest = updates().at(-1) as RecordedActivity;
    expect(textOf(latest)).toContain(`1/${audience} vastannut`);
    // The same post is replaced, not a new one sent.
    const original = pollMessages().find((activity) => activity.conversationId === TEAM_ID);
    expect(latest.activityId).toBe(original?.activityId);
  });

  it('refuses to post a closed poll', async () => {
    const created = await api(running, '/api/polls', coordinator, {
      method: 'POST',
      body: {
        question: { fi: 'Suljettava' },
        topics: [
          { id: 'a', label: { fi: 'A' } },
          { id: 'b', label: { fi: 'B' } },
        ],
        selection: { mode: 'single' },
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    const poll = created.json as WishPollAdminView;
    await api(running, `/api/polls/${poll.id}/close`, coordinator, { method: 'POST' });
    const posted = await api(running, `/api/polls/${poll.id}/post`, coordinator, {
      method: 'POST',
      body: { channel: true },
    });
    expect(posted.status).toBe(409);
  });
});

describe('the reminder to those who have not answered', () => {
  it('is sent once, only to non-answerers, even when two instances look at the same moment', async () => {
    emulator.reset();
    await running.app.repositories.municipalities.save({
      id: 'muistola',
      name: 'Muistola',
      population: 3000,
      region: 'Testimaakunta',
      sizeClass: 'under5k',
    });
    const people: Participant[] = Array.from({ length: 5 }, (_, index) => ({
      tenantId: TENANT,
      aadObjectId: `muistola-${index}`,
      name: `Muistolan asukas ${index}`,
      email: undefined,
      municipalityId: 'muistola',
      roles: ['developer'],
      language: index === 4 ? 'sv' : undefined,
      teamsUserId: `29:muistola-${index}`,
      isGuest: true,
      active: true,
      updatedAt: new Date().toISOString(),
    }));
    await Promise.all(people.map((person) => running.app.repositories.participants.save(person)));
    const created = await api(running, '/api/polls', coordinator, {
      method: 'POST',
      body: {
        question: { fi: 'Muistatko vastata?', sv: 'Kommer du ihåg att svara?' },
        topics: [
          { id: 'a', label: { fi: 'A' } },
          { id: 'b', label: { fi: 'B' } },
        ],
        selection: { mode: 'single' },
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        // Closes in 30 minutes; the reminder is an hour before closing, so it is due now.
        closesAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        audience: { municipalityIds: ['muistola'] },
        reminderLeadMinutes: 60,
      },
    });
    expect(created.status).toBe(201);
    const poll = created.json as WishPollAdminView;
    for (const person of people.slice(0, 2)) {
      const token = await tokenFor(running, person.aadObjectId);
      const answered = await api(running, `/api/polls/${poll.id}/answer`, token, {
        method: 'POST',
        body: { topicIds: ['a'] },
      });
      expect(answered.status).toBe(200);
    }

    const [first, other] = await Promise.all([
      pollsOf(running.app).reminders.runOnce(),
      pollsOf(second.app).reminders.runOnce(),
    ]);
    expect([...first, ...other].filter((id) => id === poll.id)).toHaveLength(1);
    await waitFor(() => pollMessages().length >= 3, 20_000, 'three reminders');
    await Promise.all([pollsOf(running.app).reminders.runOnce(), pollsOf(second.app).reminders.runOnce()]);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const reminders = pollMessages();
    expect(reminders).toHaveLength(3);
    expect(emulator.stats.duplicates).toBe(0);
    const texts = reminders.map(textOf);
    expect(texts.filter((text) => text.includes('Muistutus: kysely sulkeutuu'))).toHaveLength(2);
    expect(texts.filter((text) => text.includes('Påminnelse: enkäten stänger'))).toHaveLength(1);
  });
});
