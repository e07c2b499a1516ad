import { DEMO_ROUND_ID } from '../../bot/src/demo/demo-network';
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import type { HistoryPage, NetworkRoadmapView, RoadmapView } from '../../bot/src/roadmap/roadmap-contracts';
import { quarterAt, quarterIndex, quarterOf } from '../../bot/src/roadmap/roadmap';
import type { Participant } from '../../bot/src/shared/participant';
import {
  api,
  createRoadmap,
  path,
  roadmapOf,
  startRoadmapApp,
  tokenFor,
  view,
  type RoadmapTestApp,
} from './support';

jest.setTimeout(60_000);

let test: RoadmapTestApp;
let coordinator: string;
let aino: string;
let roadmap: RoadmapView;
let goalId: string;
let owner: Participant;
const MIKKO = playgroundIdentity('mikko');
const AINO = playgroundIdentity('aino');
const now = quarterIndex(quarterOf(new Date()));

beforeAll(async () => {
  test = await startRoadmapApp({ surveys: false });
  coordinator = await tokenFor(test.running, MIKKO.aadObjectId, MIKKO.name);
  aino = await tokenFor(test.running, AINO.aadObjectId, AINO.name);
  roadmap = await createRoadmap(test.running, coordinator, 'hameenlinna');
  const everyone = await test.running.app.repositories.participants.listAll();
  const found = everyone.find(
    (p) => p.municipalityId === 'hameenlinna' && p.aadObjectId !== AINO.aadObjectId,
  );
  if (!found) throw new Error('no second Hämeenlinna participant');
  owner = found;
}, 120_000);
afterAll(async () => {
  await test.stop();
});

const action = (overrides: Record<string, unknown> = {}) => ({
  goalId,
  title: 'Lomakkeiden siirto verkkoasiointiin',
  owner: { kind: 'participant', tenantId: owner.tenantId, aadObjectId: owner.aadObjectId },
  start: quarterAt(now),
  end: quarterAt(now + 2),
  status: 'planned',
  indicator: 'verkkolomakkeiden määrä',
  note: '',
  ...overrides,
});

describe('goals and actions', () => {
  it('a roadmap without a survey starts in preparation with the seeded perspectives and no baseline', () => {
    expect(roadmap.phase).toBe('preparation');
    expect(roadmap.perspectives).toHaveLength(11);
    expect(roadmap.perspectives.every((p) => p.baseline === null)).toBe(true);
    expect(roadmap.canEdit).toBe(true);
    expect(roadmap.canFacilitate).toBe(true);
  });

  it('a second roadmap for the same municipality and round is refused', async () => {
    const again = await api(test.running, '/api/roadmaps', coordinator, {
      method: 'POST',
      body: { municipalityId: 'hameenlinna', roundId: DEMO_ROUND_ID },
    });
    expect(again.status).toBe(409);
    const unknown = await api(test.running, '/api/roadmaps', coordinator, {
      method: 'POST',
      body: { municipalityId: 'atlantis', roundId: DEMO_ROUND_ID },
    });
    expect(unknown.status).toBe(422);
    const participant = await api(test.running, '/api/roadmaps', aino, {
      method: 'POST',
      body: { municipalityId: 'kemi' },
    });
    expect(participant.status).toBe(403);
  });

  it("the municipality's leadership team adds a goal and actions with a participant and a named person as owners", async () => {
    const goal = await api(test.running, path(roadmap.id, '/goals'), aino, {
      method: 'POST',
      body: {
        title: 'Asiointi verkossa',
        description: 'Kymmenen eniten käytettyä palvelua verkossa.',
        perspectiveId: 'e-services',
        strategyGoal: 'Sujuva arki',
        compassArea: 'publicServices',
      },
    });
    expect(goal.status).toBe(201);
    const created = goal.json as RoadmapView;
    goalId = created.goals[0]?.id ?? '';
    expect(created.goals[0]).toMatchObject({
      perspectiveLabel: 'Sähköiset palvelut',
      compassAreaName: 'Julkisten palvelujen digitalisaatio',
    });

    const first = await api(test.running, path(roadmap.id, '/actions'), aino, {
      method: 'POST',
      body: action(),
    });
    expect(first.status).toBe(201);
    const second = await api(test.running, path(roadmap.id, '/actions'), aino, {
      method: 'POST',
      body: action({
        title: 'Asiakaspalautteen kerääminen',
        owner: { kind: 'external', name: 'Kaisa Mäkelä', title: 'viestintäpäällikkö' },
        start: quarterAt(now - 3),
        end: quarterAt(now - 1),
        status: 'inProgress',
      }),
    });
    const after = second.json as RoadmapView;
    const actions = after.goals[0]?.actions ?? [];
    expect(actions.map((a) => a.title)).toEqual([
      'Asiakaspalautteen kerääminen',
      'Lomakkeiden siirto verkkoasiointiin',
    ]);
    expect(actions[0]).toMatchObject({
      owner: { kind: 'external', name: 'Kaisa Mäkelä', title: 'viestintäpäällikkö', reachableInTeams: false },
      late: true,
      statusName: 'Käynnissä',
    });
    expect(actions[1]?.owner).toMatchObject({
      kind: 'participant',
      name: owner.name,
      reachableInTeams: true,
    });
    expect(after.lateCount).toBe(1);
  });

  it('two editors change one action at once: the second, with a stale ETag, gets 412 and nothing of it is stored', async () => {
    const before = await view(test.running, coordinator, roadmap.id);
    const target = before.goals[0]?.actions.find((a) => a.title === 'Lomakkeiden siirto verkkoasiointiin');
    if (!target) throw new Error('no action');
    const url = path(roadmap.id, `/actions/${target.id}`);
    const [one, two] = await Promise.all([
      api(test.running, url, aino, {
        method: 'PUT',
        body: action({ status: 'inProgress' }),
        headers: { 'If-Match': target.etag },
      }),
      api(test.running, url, coordinator, {
        method: 'PUT',
        body: action({ status: 'dropped', note: 'ei rahoitusta' }),
        headers: { 'If-Match': target.etag },
      }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 412]);
    expect((one.status === 412 ? one : two).json).toMatchObject({ status: 412 });
    const winner = one.status === 200 ? 'inProgress' : 'dropped';
    const stored = await view(test.running, coordinator, roadmap.id);
    const now = stored.goals[0]?.actions.find((a) => a.id === target.id);
    expect(now?.status).toBe(winner);
    expect(now?.note).toBe(winner === 'dropped' ? 'ei rahoitusta' : '');
    // The loser reads again and applies their change on the fresh ETag.
    const retried = await api(test.running, url, aino, {
      method: 'PUT',
      body: action({ status: 'inProgress', note: 'käynnistetty' }),
      headers: { 'If-Match': now?.etag ?? '' },
    });
    expect(retried.status).toBe(200);
    expect((await api(test.running, url, aino, { method: 'PUT', body: action() })).status).toBe(428);
  });

  it('the header (phase, vision, owner, cadence) is ETag-checked too', async () => {
    const before = await view(test.running, aino, roadmap.id);
    const change = {
      phase: 'contentWorkshop',
      vision: 'Hämeenlinna 2028: palvelut verkossa.',
      cadenceMonths: 6,
    };
    const ok = await api(test.running, path(roadmap.id), aino, {
      method: 'PATCH',
      body: change,
      headers: { 'If-Match': before.etag },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      phase: 'contentWorkshop',
      cadenceMonths: 6,
      cadenceText: '6 kuukauden välein',
    });
    const stale = await api(test.running, path(roadmap.id), coordinator, {
      method: 'PATCH',
      body: { vision: 'toinen' },
      headers: { 'If-Match': before.etag },
    });
    expect(stale.status).toBe(412);
    expect((await view(test.running, aino, roadmap.id)).vision).toBe('Hämeenlinna 2028: palvelut verkossa.');
  });

  it('refuses malformed, unknown, oversized and out-of-order input with a clear status and stores nothing', async () => {
    const service = roadmapOf(test.running.app).service;
    const before = (await service.load(roadmap.id))?.actions.length;
    const post = (body: unknown) =>
      api(test.running, path(roadmap.id, '/actions'), aino, { method: 'POST', body });
    expect((await post({ ...action(), title: '' })).status).toBe(400);
    expect((await post({ ...action(), title: 'x'.repeat(201) })).status).toBe(400);
    expect((await post({ ...action(), note: 'x'.repeat(2001) })).status).toBe(400);
    expect((await post({ ...action(), start: { year: 2027, quarter: 5 } })).status).toBe(400);
    expect((await post({ ...action(), status: 'finished' })).status).toBe(400);
    expect((await post({ ...action(), extra: 1 })).status).toBe(400);
    expect((await post(action({ start: quarterAt(now + 2), end: quarterAt(now) }))).status).toBe(422);
    expect((await post(action({ end: quarterAt(now + 25) }))).status).toBe(422);
    expect((await post(action({ goalId: 'g-nothere' }))).status).toBe(422);
    const kangasala = (await test.running.app.repositories.participants.listAll()).find(
      (p) => p.municipalityId === 'kangasala',
    );
    const foreignOwner = await post(
      action({
        owner: { kind: 'participant', tenantId: kangasala?.tenantId, aadObjectId: kangasala?.aadObjectId },
      }),
    );
    expect(foreignOwner.status).toBe(422);
    expect(foreignOwner.json).toMatchObject({
      detail: expect.stringContaining("roadmap's municipality") as unknown,
    });
    const raw = await fetch(`${test.running.url}${path(roadmap.id, '/actions')}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${aino}`, 'Content-Type': 'application/json' },
      body: '{"title": ',
    });
    expect(raw.status).toBe(400);
    expect((await api(test.running, path('demo-round~atlantis'), aino)).status).toBe(404);
    expect(
      (
        await api(test.running, path(roadmap.id, '/actions/a-nothere'), aino, {
          method: 'PUT',
          body: action(),
          headers: { 'If-Match': 'W/"x"' },
        })
      ).status,
    ).toBe(404);
    expect((await service.load(roadmap.id))?.actions.length).toBe(before);
  });

  it('a goal with actions cannot be removed; a removed action is gone and its removal is in the history', async () => {
    const current = await view(test.running, aino, roadmap.id);
    const goal = current.goals[0];
    if (!goal) throw new Error('no goal');
    expect(
      (
        await api(test.running, path(roadmap.id, `/goals/${goal.id}`), aino, {
          method: 'DELETE',
          headers: { 'If-Match': goal.etag },
        })
      ).status,
    ).toBe(409);
    const doomed = goal.actions.find((a) => a.title === 'Asiakaspalautteen kerääminen');
    const removed = await api(test.running, path(roadmap.id, `/actions/${doomed?.id ?? ''}`), aino, {
      method: 'DELETE',
      headers: { 'If-Match': doomed?.etag ?? '' },
    });
    expect(removed.status).toBe(200);
    expect((removed.json as RoadmapView).goals[0]?.actions.map((a) => a.title)).toEqual([
      'Lomakkeiden siirto verkkoasiointiin',
    ]);
    const history = (await api(test.running, path(roadmap.id, '/history?lang=fi&pageSize=50'), aino))
      .json as HistoryPage;
    const texts = history.items.map((item) => `${item.actorName}: ${item.text}`);
    expect(texts[0]).toBe(`${AINO.name}: Toimenpide poistettiin: Asiakaspalautteen kerääminen.`);
    expect(texts).toContain(`${AINO.name}: Vaihe: Valmistelu → Sisältötyöpaja.`);
    expect(texts).toContain(`${AINO.name}: Muutettiin: visio, seurantaväli.`);
    expect(
      texts.some(
        (t) =>
          t.includes('Toimenpidettä muutettiin: Lomakkeiden siirto verkkoasiointiin') &&
          t.includes('→ Käynnissä'),
      ),
    ).toBe(true);
    expect(texts.at(-1)).toBe(`${MIKKO.name}: Digitiekartta luotiin.`);
    expect(
      history.items.every((item) => /^\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}$/.test(item.atText)),
    ).toBe(true);
    const paged = (await api(test.running, path(roadmap.id, '/history?pageSize=2'), aino))
      .json as HistoryPage;
    expect(paged.items).toHaveLength(2);
    expect(paged.continuationToken).not.toBeNull();
  });

  it("keeps the network view's row in step with every change, without reading the actions", async () => {
    const network = (await api(test.running, '/api/roadmaps/network?lang=fi', coordinator))
      .json as NetworkRoadmapView;
    const row = network.rows.find((r) => r.municipalityId === 'hameenlinna');
    expect(row).toMatchObject({
      phase: 'contentWorkshop',
      actions: 1,
      onTrack: 1,
      late: 0,
      done: 0,
      perspectives: 11,
    });
    expect(network.rows.filter((r) => r.roadmapId !== null)).toHaveLength(1);
    expect(network.withoutRoadmap).toBe(19);
    expect(network.phases.find((p) => p.id === 'contentWorkshop')?.count).toBe(1);
  });
});
