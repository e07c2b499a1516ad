import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import type { RoadmapView, TargetSpreadView } from '../../bot/src/roadmap/roadmap-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import type { Participant } from '../../bot/src/shared/participant';
import { executeAction, invoke } from '../polls/support';
import { waitFor } from '../reminders/support';
import {
  api,
  asPerson,
  cardsTo,
  cardsWith,
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

jest.setTimeout(60_000);

let test: RoadmapTestApp;
let coordinator: string;
let leaders: Participant[];
let supervisor: Participant;
let roadmap: RoadmapView;
const MIKKO = playgroundIdentity('mikko');
const JOHANNA = playgroundIdentity('johanna');

beforeAll(async () => {
  test = await startRoadmapApp();
  const { repositories } = test.running.app;
  // Hämeenlinna's leadership team: Aino, a demo leader and a Swedish-speaking third member.
  const third = testParticipant(1, { name: 'Sofia Berg', language: 'sv' });
  await repositories.participants.save(third);
  const everyone = await repositories.participants.listAll();
  leaders = everyone.filter((p) => p.municipalityId === 'hameenlinna' && p.roles.includes('leadership'));
  const found = everyone.find((p) => p.municipalityId === 'hameenlinna' && !p.roles.includes('leadership'));
  if (!found) throw new Error('the demo has no Hämeenlinna participant outside the leadership team');
  supervisor = found;
  coordinator = await tokenFor(test.running, MIKKO.aadObjectId, MIKKO.name);
  roadmap = await createRoadmap(test.running, coordinator, 'hameenlinna');
}, 120_000);
afterAll(async () => {
  await test.stop();
});

const picksOf = (value: (perspectiveId: string, index: number) => string) =>
  Object.fromEntries(roadmap.perspectives.map((p, index) => [`t_${p.id}`, value(p.id, index)]));

function pick(person: Participant, data: Record<string, unknown>) {
  return invoke(
    test.running,
    executeAction(
      VERBS.roadmapTargetsSave,
      { roadmapId: roadmap.id, ...data },
      {
        serviceUrl: test.emulator.serviceUrl,
        from: asPerson(person),
      },
    ),
  );
}

describe('target setting in the leadership workshop', () => {
  it('starts from the survey baseline, and opening sends each of the three leaders the card once, in their language', async () => {
    expect(leaders).toHaveLength(3);
    expect(roadmap.baseline.surveyId).not.toBeNull();
    expect(roadmap.perspectives).toHaveLength(11);
    expect(roadmap.perspectives.every((p) => p.surveyMean !== null && p.baseline === p.surveyMean)).toBe(
      true,
    );

    const opened = await api(test.running, path(roadmap.id, '/target-setting/open'), coordinator, {
      method: 'POST',
    });
    expect(opened.status).toBe(200);
    const after = opened.json as RoadmapView;
    expect(after.targetSetting.state).toBe('open');
    expect(after.phase).toBe('leadershipWorkshop');

    await waitFor(
      () => cardsWith(test.emulator, VERBS.roadmapTargetsSave).length >= 3,
      15_000,
      'three target cards',
    );
    for (const leader of leaders) {
      const cards = cardsTo(test.emulator, leader, VERBS.roadmapTargetsSave);
      expect(cards).toHaveLength(1);
      const text = textOf(cards[0] ?? ({} as never));
      if (leader.language === 'sv') {
        expect(text).toContain('Målnivåer för den digitala färdplanen: Tavastehus');
        expect(text).toMatch(/Digital kompetens – utgångsläge \d,\d/);
      } else {
        expect(text).toContain('Digitiekartan tavoitetasot: Hämeenlinna');
        expect(text).toMatch(/Digiosaaminen – lähtötaso \d,\d/);
        expect(text).toContain('Tallenna tavoitetasot');
      }
    }
    expect(cardsTo(test.emulator, supervisor, VERBS.roadmapTargetsSave)).toHaveLength(0);

    // Opening again while open sends nothing new.
    expect(
      (await api(test.running, path(roadmap.id, '/target-setting/open'), coordinator, { method: 'POST' }))
        .status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(cardsWith(test.emulator, VERBS.roadmapTargetsSave)).toHaveLength(3);
  });

  it('keeps one row per leader with their last answer, and shows every pick and the median per perspective', async () => {
    const [aino, second, third] = leaders as [Participant, Participant, Participant];
    const first = await pick(aino, { session: 1, ...picksOf(() => '3') });
    expect(first.statusCode).toBe(200);
    expect(first.text).toContain('Tallennettu');
    // Aino changes her mind: only the second answer counts.
    const changed = await pick(aino, { session: 1, ...picksOf((_, index) => (index === 0 ? '4.5' : '3.5')) });
    expect(changed.text).toContain('Tallennettu');
    expect(JSON.stringify(changed.card)).toContain('"value":"4.5"');
    await pick(second, { session: 1, ...picksOf(() => '4') });
    const swedish = await pick(third, { session: 1, ...picksOf((_, index) => (index === 0 ? '5' : '')) });
    expect(swedish.text).toContain('Sparat');

    const stored = await roadmapOf(test.running.app).service.load(roadmap.id);
    expect(stored?.picks).toHaveLength(3);
    const spread = (await api(test.running, path(roadmap.id, '/target-setting?lang=fi'), coordinator))
      .json as TargetSpreadView;
    expect(spread.answered).toBe(3);
    expect(spread.eligible).toBe(3);
    expect(spread.answeredNames).toEqual(
      [...leaders.map((l) => l.name)].sort((a, b) => a.localeCompare(b, 'fi')),
    );
    const competence = spread.perspectives.find((p) => p.id === 'digital-competence');
    expect(competence?.picks).toEqual([4, 4.5, 5]);
    expect(competence?.median).toBe(4.5);
    const devices = spread.perspectives.find((p) => p.id === 'ict-devices');
    expect(devices?.picks).toEqual([3.5, 4]);
    expect(devices?.median).toBe(3.75);
    expect(competence?.baseline).toBeGreaterThan(1);
  });

  it('refuses picks from outside the leadership team or the municipality, invalid levels and an old session, changing nothing', async () => {
    const service = roadmapOf(test.running.app).service;
    const before = JSON.stringify((await service.load(roadmap.id))?.picks.map((p) => p.value));
    const outsider = await pick(supervisor, { session: 1, ...picksOf(() => '5') });
    expect(outsider.text).toContain('Tavoitetasot asettavat kunnan johtoryhmän jäsenet.');
    const johanna = await pick(
      {
        ...testParticipant(0),
        tenantId: DEMO_TENANT_ID,
        aadObjectId: JOHANNA.aadObjectId,
        name: JOHANNA.name,
        teamsUserId: JOHANNA.teamsUserId,
      },
      { session: 1, ...picksOf(() => '5') },
    );
    expect(johanna.text).toContain('Tavoitetasot asettavat kunnan johtoryhmän jäsenet.');
    const invalid = await pick(leaders[0], { session: 1, ...picksOf(() => '7') });
    expect(invalid.text).toContain('Jokin valinta ei kelpaa');
    const old = await pick(leaders[0], { session: 0, ...picksOf(() => '1') });
    expect(old.text).toContain('avattu uudelleen');
    const malformed = await pick(leaders[0], { session: 'x'.repeat(20) });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify((await service.load(roadmap.id))?.picks.map((p) => p.value))).toBe(before);
  });

  it('after closing, the card shows what the leader picked and a pick changes nothing', async () => {
    const closed = await api(test.running, path(roadmap.id, '/target-setting/close'), coordinator, {
      method: 'POST',
    });
    expect((closed.json as RoadmapView).targetSetting.state).toBe('closed');
    const late = await pick(leaders[0], { session: 1, ...picksOf(() => '1') });
    expect(late.text).toContain('Tavoitetasojen asettaminen on suljettu.');
    expect(late.text).toContain('Digiosaaminen');
    expect(JSON.stringify(late.card)).toContain('{"title":"Digiosaaminen","value":"4,5"}');
    const stored = await roadmapOf(test.running.app).service.load(roadmap.id);
    const aino = stored?.picks.find((p) => p.value.aadObjectId === playgroundObjectId(0));
    expect(aino?.value.picks['digital-competence']).toBe(4.5);
  });

  it('records the agreed target with the ETag: a stale one is refused with 412, none with 428', async () => {
    const before = await view(test.running, coordinator, roadmap.id);
    const competence = before.perspectives.find((p) => p.id === 'digital-competence');
    if (!competence) throw new Error('no perspective');
    const target = path(roadmap.id, '/perspectives/digital-competence/target');
    const body = { target: 4.3, targetYear: 2028, priority: 'high' };
    const agreed = await api(test.running, target, coordinator, {
      method: 'PUT',
      body,
      headers: { 'If-Match': competence.etag },
    });
    expect(agreed.status).toBe(200);
    const after = (agreed.json as RoadmapView).perspectives.find((p) => p.id === 'digital-competence');
    expect(after).toMatchObject({
      target: 4.3,
      targetYear: 2028,
      priority: 'high',
      agreedByName: MIKKO.name,
    });
    const stale = await api(test.running, target, coordinator, {
      method: 'PUT',
      body: { ...body, target: 2 },
      headers: { 'If-Match': competence.etag },
    });
    expect(stale.status).toBe(412);
    expect((await api(test.running, target, coordinator, { method: 'PUT', body })).status).toBe(428);
    const outOfScale = await api(test.running, target, coordinator, {
      method: 'PUT',
      body: { ...body, target: 6 },
      headers: { 'If-Match': after?.etag ?? '' },
    });
    expect(outOfScale.status).toBe(400);
    const johanna = await tokenFor(test.running, JOHANNA.aadObjectId, JOHANNA.name);
    expect(
      (
        await api(test.running, target, johanna, {
          method: 'PUT',
          body,
          headers: { 'If-Match': after?.etag ?? '' },
        })
      ).status,
    ).toBe(404);
    const final = await view(test.running, coordinator, roadmap.id);
    expect(final.perspectives.find((p) => p.id === 'digital-competence')?.target).toBe(4.3);
    const history = (await api(test.running, path(roadmap.id, '/history?lang=fi'), coordinator)).json as {
      items: { actorName: string; text: string }[];
    };
    expect(history.items[0]).toMatchObject({
      actorName: MIKKO.name,
      text: 'Sovittu tavoitetaso: Digiosaaminen – → 4,3.',
    });
    expect(history.items.some((item) => item.text === 'Tavoitetasojen asettaminen suljettiin.')).toBe(true);
  });
});
