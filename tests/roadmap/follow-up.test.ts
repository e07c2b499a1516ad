/**
 * The quarterly follow-up through the real server, Azurite and the Bot Connector emulator: each
 * open action's owner in Teams gets the check-in card once (however many passes run, at once or
 * later), the answer updates the roadmap, one reminder goes to those who did not answer, and the
 * leadership team gets a summary of what moved once the quarter is over.
 */
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import type { RoadmapView } from '../../bot/src/roadmap/roadmap-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import type { Participant } from '../../bot/src/shared/participant';
import { executeAction, invoke } from '../polls/support';
import { movableClock } from '../registration/support';
import { waitFor } from '../reminders/support';
import {
  api,
  asPerson,
  cardsTo,
  createRoadmap,
  path,
  roadmapOf,
  startRoadmapApp,
  testParticipant,
  textOf,
  tokenFor,
  view,
  type RoadmapTestApp,
} from './support';

jest.setTimeout(90_000);

// Q1 2026: cadence 3 months, so the period is 2026-01 and its check-in is 17.3.2026 klo 9.00.
const clock = movableClock('2026-03-02T08:00:00.000Z');
const MIKKO = playgroundIdentity('mikko');
const PERIOD = '2026-01';
let test: RoadmapTestApp;
let coordinator: string;
let roadmap: RoadmapView;
const owner = testParticipant(21, { name: 'Olli Omistaja', roles: ['developer'] });
const silent = testParticipant(22, { name: 'Sanna Vaitelias', roles: ['expert'], language: 'sv' });
const ids: Record<string, string> = {};

const CHECK_IN_TITLES = ['Miten toimenpide etenee?', 'Hur går åtgärden framåt?'];

const checkInCards = (person: Participant) =>
  CHECK_IN_TITLES.flatMap((title) => cardsTo(test.emulator, person, title)).filter((card) =>
    JSON.stringify(card.activity).includes(VERBS.roadmapCheckIn),
  );

function answer(person: Participant, actionId: string, data: Record<string, unknown>) {
  return invoke(
    test.running,
    executeAction(
      VERBS.roadmapCheckIn,
      { roadmapId: roadmap.id, actionId, period: PERIOD, ...data },
      { serviceUrl: test.emulator.serviceUrl, from: asPerson(person), timestamp: clock().toISOString() },
    ),
  );
}

beforeAll(async () => {
  test = await startRoadmapApp({ clock, surveys: false });
  await test.running.app.repositories.participants.save(owner);
  await test.running.app.repositories.participants.save(silent);
  coordinator = await tokenFor(test.running, MIKKO.aadObjectId, MIKKO.name);
  roadmap = await createRoadmap(test.running, coordinator, 'hameenlinna');
  const goal = await api(test.running, path(roadmap.id, '/goals'), coordinator, {
    method: 'POST',
    body: { title: 'Asiointi verkossa', perspectiveId: 'e-services' },
  });
  const goalId = (goal.json as RoadmapView).goals[0]?.id ?? '';
  const add = async (key: string, body: Record<string, unknown>) => {
    const created = await api(test.running, path(roadmap.id, '/actions'), coordinator, {
      method: 'POST',
      body: {
        goalId,
        start: { year: 2026, quarter: 1 },
        end: { year: 2026, quarter: 4 },
        status: 'planned',
        indicator: '',
        note: '',
        ...body,
      },
    });
    if (created.status !== 201) throw new Error(`action: ${created.status} ${created.text}`);
    const action = (created.json as RoadmapView).goals[0]?.actions.find((a) => a.title === body.title);
    ids[key] = action?.id ?? '';
  };
  const participantOwner = (p: Participant) => ({
    kind: 'participant',
    tenantId: p.tenantId,
    aadObjectId: p.aadObjectId,
  });
  await add('forms', { title: 'Lomakkeet verkkoon', owner: participantOwner(owner) });
  await add('chat', { title: 'Chat-neuvonta', owner: participantOwner(silent) });
  await add('external', {
    title: 'Asiakaskysely',
    owner: { kind: 'external', name: 'Kaisa Mäkelä', title: 'viestintäpäällikkö' },
  });
  await add('done', { title: 'Valmis jo', owner: participantOwner(owner), status: 'done' });
  await add('later', {
    title: 'Ensi vuonna',
    owner: participantOwner(owner),
    start: { year: 2027, quarter: 1 },
    end: { year: 2027, quarter: 2 },
  });
  const header = await view(test.running, coordinator, roadmap.id);
  const followUp = await api(test.running, path(roadmap.id), coordinator, {
    method: 'PATCH',
    body: { phase: 'followUp', cadenceMonths: 3 },
    headers: { 'If-Match': header.etag },
  });
  if (followUp.status !== 200) throw new Error(`phase: ${followUp.status} ${followUp.text}`);
  roadmap = followUp.json as RoadmapView;
}, 120_000);
afterAll(async () => {
  await test.stop();
});

describe('quarterly follow-up', () => {
  it('sends nothing before the check-in time, then each open, started action owner in Teams gets one card, however many passes run', async () => {
    const followUp = roadmapOf(test.running.app).followUp;
    expect(await followUp.runOnce()).toEqual({ checkIns: 0, reminders: 0, summaries: 0 });
    expect(roadmap.followUp.nextCheckInText).toBe('17.3.2026 klo 9.00');

    clock.set('2026-03-17T08:00:00.000Z'); // 10.00 in Helsinki
    // Two instances' passes at once, and one more later: the cards still go once.
    const [first, second] = await Promise.all([followUp.runOnce(), followUp.runOnce()]);
    await followUp.runOnce();
    expect((first?.checkIns ?? 0) + (second?.checkIns ?? 0)).toBeGreaterThanOrEqual(2);
    await waitFor(
      () => checkInCards(owner).length >= 1 && checkInCards(silent).length >= 1,
      15_000,
      'check-in cards',
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    // The owner of three actions is asked about the one open and started: not the done one, not next year's.
    const ownerCards = checkInCards(owner);
    expect(ownerCards).toHaveLength(1);
    expect(JSON.stringify(ownerCards[0]?.activity)).toContain('Lomakkeet verkkoon');
    expect(textOf(ownerCards[0] ?? ({} as never))).toContain('Miten toimenpide etenee?');
    const swedish = checkInCards(silent);
    expect(swedish).toHaveLength(1);
    expect(textOf(swedish[0] ?? ({} as never))).toContain('Hur går åtgärden framåt?');

    const stored = await view(test.running, coordinator, roadmap.id);
    const external = stored.goals[0]?.actions.find((a) => a.id === ids.external);
    expect(external?.owner).toMatchObject({ kind: 'external', reachableInTeams: false });
  });

  it("the owner's answer updates the action and the history; someone else's answer changes nothing", async () => {
    clock.set('2026-03-18T10:00:00.000Z');
    const notOwner = await answer(silent, ids.forms ?? '', { status: 'dropped', line: 'ei' });
    expect(notOwner.text).toContain('Bara den som ansvarar för åtgärden');
    const missing = await answer(owner, ids.forms ?? '', { line: 'ilman tilaa' });
    expect(missing.text).toContain('Valitse');
    const saved = await answer(owner, ids.forms ?? '', {
      status: 'inProgress',
      line: 'Kolme lomaketta verkossa, loput huhtikuussa.',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.text).toContain('Käynnissä');

    const after = await view(test.running, coordinator, roadmap.id);
    const forms = after.goals[0]?.actions.find((a) => a.id === ids.forms);
    expect(forms?.status).toBe('inProgress');
    expect(forms?.lastCheckIn).toMatchObject({ line: 'Kolme lomaketta verkossa, loput huhtikuussa.' });
    const history = (await api(test.running, path(roadmap.id, '/history?lang=fi'), coordinator)).json as {
      items: { actorName: string; text: string }[];
    };
    expect(history.items[0]?.actorName).toBe('Olli Omistaja');
    expect(history.items[0]?.text).toContain('Lomakkeet verkkoon');
    const stored = await roadmapOf(test.running.app).repository.checkIns(roadmap.id, PERIOD);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ actionId: ids.forms, status: 'inProgress', previousStatus: 'planned' });
  });

  it('a week later only the owner who did not answer gets one reminder', async () => {
    const followUp = roadmapOf(test.running.app).followUp;
    clock.set('2026-03-23T08:00:00.000Z');
    expect((await followUp.runOnce()).reminders).toBe(0);
    clock.set('2026-03-24T08:00:00.000Z');
    expect((await followUp.runOnce()).reminders).toBe(1);
    expect((await followUp.runOnce()).reminders).toBe(0);
    await waitFor(() => checkInCards(silent).length >= 2, 15_000, 'the reminder');
    await new Promise((resolve) => setTimeout(resolve, 800));
    const cards = checkInCards(silent);
    expect(cards).toHaveLength(2);
    expect(textOf(cards[1] ?? ({} as never))).toContain('Påminnelse');
    expect(checkInCards(owner)).toHaveLength(1);
  });

  it('after the quarter the leadership team gets one summary of what moved', async () => {
    const followUp = roadmapOf(test.running.app).followUp;
    clock.set('2026-04-01T06:00:00.000Z');
    const result = await followUp.runOnce();
    expect(result.summaries).toBe(1);
    expect((await followUp.runOnce()).summaries).toBe(0);
    const leaders = (await test.running.app.repositories.participants.listAll()).filter(
      (p) => p.municipalityId === 'hameenlinna' && p.roles.includes('leadership') && p.teamsUserId,
    );
    expect(leaders.length).toBeGreaterThan(0);
    const summaryOf = (leader: Participant) => cardsTo(test.emulator, leader, 'Digitiekartan seuranta');
    await waitFor(() => leaders.every((l) => summaryOf(l).length >= 1), 15_000, 'summaries');
    for (const leader of leaders) {
      const cards = summaryOf(leader);
      expect(cards).toHaveLength(1);
      const text = textOf(cards[0] ?? ({} as never));
      expect(text).toContain('Digitiekartan seuranta Q1/2026: Hämeenlinna');
      expect(text).toContain('1/2 vastuuhenkilöä vastasi seurantaan.');
      expect(text).toContain('Yksi vastuuhenkilö ei vastannut.');
      expect(text).toContain('Yhden toimenpiteen vastuuhenkilö ei ole Teamsissa');
      expect(text).toContain('Lomakkeet verkkoon');
      expect(JSON.stringify(cards[0]?.activity)).toContain(
        'Suunniteltu → Käynnissä – Kolme lomaketta verkossa, loput huhtikuussa',
      );
    }
    // Owners who are not leaders get no summary.
    expect(cardsTo(test.emulator, owner, 'Mikä liikkui')).toHaveLength(0);
  });
});
