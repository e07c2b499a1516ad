/**
 * Who sees and edits a roadmap, through the real API on Azurite: coordinators everything, the
 * municipality's leadership team edits its own, its other participants read it, and a participant
 * of another municipality learns nothing named of it: every route answers as if it did not exist,
 * and the network view shows it only as an anonymous row of counts.
 */
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import type { NetworkRoadmapView, RoadmapView } from '../../bot/src/roadmap/roadmap-contracts';
import type { Participant } from '../../bot/src/shared/participant';
import {
  api,
  createRoadmap,
  path,
  startRoadmapApp,
  testParticipant,
  tokenFor,
  type RoadmapTestApp,
} from './support';

jest.setTimeout(90_000);

const MIKKO = playgroundIdentity('mikko');
const AINO = playgroundIdentity('aino');
const JOHANNA = playgroundIdentity('johanna');
const reader = testParticipant(31, { name: 'Riikka Lukija', roles: ['supervisor'] });
const owner = testParticipant(32, { name: 'Onni Vastuullinen', roles: ['developer'] });
let test: RoadmapTestApp;
let coordinator: string;
let aino: string;
let johanna: string;
let readerToken: string;
let hameenlinna: RoadmapView;
let kangasala: RoadmapView;
let actionPath: string;
let actionEtag: string;
let actionBody: Record<string, unknown>;

const SECRET_TITLE = 'Salainen toimenpide Hämeenlinnassa';

beforeAll(async () => {
  test = await startRoadmapApp({ surveys: false });
  const participants = test.running.app.repositories.participants;
  for (const person of [reader, owner] as Participant[]) await participants.save(person);
  coordinator = await tokenFor(test.running, MIKKO.aadObjectId, MIKKO.name);
  aino = await tokenFor(test.running, AINO.aadObjectId, AINO.name);
  johanna = await tokenFor(test.running, JOHANNA.aadObjectId, JOHANNA.name);
  readerToken = await tokenFor(test.running, reader.aadObjectId, reader.name);
  hameenlinna = await createRoadmap(test.running, coordinator, 'hameenlinna');
  kangasala = await createRoadmap(test.running, coordinator, 'kangasala');
  const goal = await api(test.running, path(hameenlinna.id, '/goals'), aino, {
    method: 'POST',
    body: { title: 'Asiointi verkossa', perspectiveId: 'e-services' },
  });
  const goalId = (goal.json as RoadmapView).goals[0]?.id ?? '';
  actionBody = {
    goalId,
    title: SECRET_TITLE,
    owner: { kind: 'participant', tenantId: owner.tenantId, aadObjectId: owner.aadObjectId },
    start: { year: 2026, quarter: 1 },
    end: { year: 2027, quarter: 4 },
    status: 'inProgress',
    indicator: '',
    note: '',
  };
  const created = await api(test.running, path(hameenlinna.id, '/actions'), aino, {
    method: 'POST',
    body: actionBody,
  });
  if (created.status !== 201) throw new Error(`action: ${created.status} ${created.text}`);
  const action = (created.json as RoadmapView).goals[0]?.actions[0];
  actionPath = path(hameenlinna.id, `/actions/${action?.id ?? ''}`);
  actionEtag = action?.etag ?? '';
}, 120_000);
afterAll(async () => {
  await test.stop();
});

describe('access to a roadmap', () => {
  it("another municipality's leader gets 404 from every route of it, reading or writing, and nothing changes", async () => {
    const reads = ['', '/history', '/target-setting', '/summary.pdf', '/summary.docx', '/logo.png'].map(
      (rest) => path(hameenlinna.id, rest),
    );
    for (const route of reads) {
      const answer = await api(test.running, route, johanna);
      expect({ route, status: answer.status }).toEqual({ route, status: 404 });
      expect(answer.text).not.toContain(SECRET_TITLE);
      expect(answer.text).not.toContain(owner.name);
    }
    const writes: [string, string, Record<string, unknown>][] = [
      ['PATCH', path(hameenlinna.id), { vision: 'Kangasalan visio' }],
      ['PUT', actionPath, { ...actionBody, status: 'dropped' }],
      ['DELETE', actionPath, {}],
      ['POST', path(hameenlinna.id, '/goals'), { title: 'Vieras tavoite' }],
      ['PUT', path(hameenlinna.id, '/perspectives/e-services/target'), { target: 5, targetYear: 2028 }],
    ];
    for (const [method, route, body] of writes) {
      const answer = await api(test.running, route, johanna, {
        method,
        ...(method === 'DELETE' ? {} : { body }),
        headers: { 'If-Match': route === actionPath ? actionEtag : hameenlinna.etag },
      });
      expect({ method, route, status: answer.status }).toEqual({ method, route, status: 404 });
    }
    // A facilitator's step is for coordinators only.
    expect(
      (await api(test.running, path(hameenlinna.id, '/target-setting/open'), johanna, { method: 'POST' }))
        .status,
    ).toBe(403);
    const after = await api(test.running, path(hameenlinna.id), coordinator);
    const body = after.json as RoadmapView;
    expect(body.vision).toBe('');
    expect(body.goals).toHaveLength(1);
    expect(body.goals[0]?.actions[0]).toMatchObject({ title: SECRET_TITLE, status: 'inProgress' });
  });

  it('her own municipality leader edits her own roadmap; a participant of Hämeenlinna outside the leadership team reads but cannot edit', async () => {
    const own = await api(test.running, path(kangasala.id), johanna);
    expect(own.status).toBe(200);
    expect((own.json as RoadmapView).canEdit).toBe(true);
    const edited = await api(test.running, path(kangasala.id), johanna, {
      method: 'PATCH',
      body: { vision: 'Kangasala asioi verkossa 2028.' },
      headers: { 'If-Match': (own.json as RoadmapView).etag },
    });
    expect(edited.status).toBe(200);

    const read = await api(test.running, path(hameenlinna.id), readerToken);
    expect(read.status).toBe(200);
    expect((read.json as RoadmapView).canEdit).toBe(false);
    expect((read.json as RoadmapView).canFacilitate).toBe(false);
    const refused = await api(test.running, actionPath, readerToken, {
      method: 'PUT',
      body: { ...actionBody, status: 'done' },
      headers: { 'If-Match': actionEtag },
    });
    expect(refused.status).toBe(403);
    const mine = (await api(test.running, '/api/roadmaps/mine', readerToken)).json as {
      roadmapId: string;
      canEdit: boolean;
    };
    expect(mine).toMatchObject({ roadmapId: hameenlinna.id, canEdit: false });
    // Not signed in: nothing at all.
    expect((await api(test.running, path(hameenlinna.id), undefined)).status).toBe(401);
  });

  it('the network view names every municipality for coordinators and only her own for a participant', async () => {
    const forCoordinator = (await api(test.running, '/api/roadmaps/network?lang=fi', coordinator))
      .json as NetworkRoadmapView;
    expect(forCoordinator.anonymous).toBe(false);
    const named = forCoordinator.rows.find((row) => row.municipalityId === 'hameenlinna');
    expect(named).toMatchObject({ name: 'Hämeenlinna', roadmapId: hameenlinna.id, actions: 1 });
    expect(forCoordinator.withoutRoadmap).toBeGreaterThan(0);

    const network = await api(test.running, '/api/roadmaps/network?lang=fi', johanna);
    expect(network.status).toBe(200);
    const forJohanna = network.json as NetworkRoadmapView;
    expect(forJohanna.anonymous).toBe(true);
    const ownRow = forJohanna.rows.find((row) => row.own);
    expect(ownRow).toMatchObject({ municipalityId: 'kangasala', name: 'Kangasala', roadmapId: kangasala.id });
    const others = forJohanna.rows.filter((row) => !row.own);
    expect(others).toHaveLength(1);
    expect(others[0]).toMatchObject({ municipalityId: null, roadmapId: null, name: 'Kunta', actions: 1 });
    // Municipalities without a roadmap are counted, not listed, for her.
    expect(forJohanna.rows).toHaveLength(2);
    for (const hidden of ['Hämeenlinna', 'hameenlinna', SECRET_TITLE, owner.name, AINO.name]) {
      expect(network.text).not.toContain(hidden);
    }
  });
});
