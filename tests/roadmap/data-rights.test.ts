/**
 * The roadmap's personal data through the real API on Azurite: a leader who owns the roadmap and
 * an action, picked target levels, agreed a target, checked in and changed things exports all of
 * it; after erasure the municipality's roadmap stays whole, the owner reads "poistettu henkilö /
 * raderad person", the picks are gone, and no row of the table names the person any more; the
 * round's purge removes the roadmaps.
 */
import { DEMO_ROUND_ID } from '../../bot/src/demo/demo-network';
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import { periodOf } from '../../bot/src/roadmap/roadmap';
import type { RoadmapView, TargetSpreadView } from '../../bot/src/roadmap/roadmap-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { executeAction, invoke } from '../polls/support';
import {
  api,
  asPerson,
  createRoadmap,
  path,
  roadmapOf,
  startRoadmapApp,
  testParticipant,
  tokenFor,
  view,
  type RoadmapTestApp,
} from './support';

jest.setTimeout(120_000);

const MIKKO = playgroundIdentity('mikko');
const leader = testParticipant(41, { name: 'Leena Poistettava' });
const colleague = testParticipant(42, { name: 'Kalle Kollega', roles: ['developer'] });
let test: RoadmapTestApp;
let coordinator: string;
let token: string;
let roadmap: RoadmapView;
let actionId: string;
let colleagueActionId: string;

/** Every row of the roadmap table whose columns mention the text. */
async function rowsMentioning(text: string): Promise<string[]> {
  const client = await test.running.app.store.table('roadmaps');
  const found: string[] = [];
  for await (const entity of client.listEntities()) {
    if (JSON.stringify(entity).includes(text)) found.push(`${entity.partitionKey}/${entity.rowKey}`);
  }
  return found;
}

beforeAll(async () => {
  test = await startRoadmapApp();
  const participants = test.running.app.repositories.participants;
  await participants.save(leader);
  await participants.save(colleague);
  coordinator = await tokenFor(test.running, MIKKO.aadObjectId, MIKKO.name);
  token = await tokenFor(test.running, leader.aadObjectId, leader.name);
  roadmap = await createRoadmap(test.running, coordinator, 'hameenlinna');
  const asOwner = (p: typeof leader) => ({
    kind: 'participant',
    tenantId: p.tenantId,
    aadObjectId: p.aadObjectId,
  });

  // The leader owns the roadmap, adds a goal and two actions (one her own), agrees a target.
  const owned = await api(test.running, path(roadmap.id), token, {
    method: 'PATCH',
    body: { owner: asOwner(leader), vision: 'Hämeenlinna palvelee verkossa.' },
    headers: { 'If-Match': roadmap.etag },
  });
  if (owned.status !== 200) throw new Error(`owner: ${owned.status} ${owned.text}`);
  const goal = await api(test.running, path(roadmap.id, '/goals'), token, {
    method: 'POST',
    body: { title: 'Asiointi verkossa', perspectiveId: 'e-services' },
  });
  const goalId = (goal.json as RoadmapView).goals[0]?.id ?? '';
  const addAction = async (title: string, owner: Record<string, unknown>) => {
    const created = await api(test.running, path(roadmap.id, '/actions'), token, {
      method: 'POST',
      body: {
        goalId,
        title,
        owner,
        start: { year: 2026, quarter: 1 },
        end: { year: 2027, quarter: 4 },
        status: 'planned',
        indicator: '',
        note: '',
      },
    });
    if (created.status !== 201) throw new Error(`action: ${created.status} ${created.text}`);
    return (created.json as RoadmapView).goals[0]?.actions.find((a) => a.title === title)?.id ?? '';
  };
  actionId = await addAction('Sähköinen ajanvaraus', asOwner(leader));
  colleagueActionId = await addAction('Chat-neuvonta', asOwner(colleague));
  const current = await view(test.running, coordinator, roadmap.id);
  const perspective = current.perspectives.find((p) => p.id === 'e-services');
  const agreed = await api(test.running, path(roadmap.id, '/perspectives/e-services/target'), token, {
    method: 'PUT',
    body: { target: 4, targetYear: 2028, priority: 'high' },
    headers: { 'If-Match': perspective?.etag ?? '' },
  });
  if (agreed.status !== 200) throw new Error(`agreed: ${agreed.status} ${agreed.text}`);

  // Her target picks on the card, and her check-in of her own action.
  await api(test.running, path(roadmap.id, '/target-setting/open'), coordinator, { method: 'POST' });
  const opened = await view(test.running, coordinator, roadmap.id);
  const picks = Object.fromEntries(opened.perspectives.map((p) => [`t_${p.id}`, '4']));
  const picked = await invoke(
    test.running,
    executeAction(
      VERBS.roadmapTargetsSave,
      { roadmapId: roadmap.id, session: opened.targetSetting.session, ...picks },
      { serviceUrl: test.emulator.serviceUrl, from: asPerson(leader) },
    ),
  );
  if (!picked.text.includes('Tallennettu')) throw new Error(`picks: ${picked.text}`);
  const checkedIn = await invoke(
    test.running,
    executeAction(
      VERBS.roadmapCheckIn,
      {
        roadmapId: roadmap.id,
        actionId,
        period: periodOf(new Date(), 3).key,
        status: 'inProgress',
        line: 'Ajanvaraus pilotissa kahdella asemalla.',
      },
      { serviceUrl: test.emulator.serviceUrl, from: asPerson(leader) },
    ),
  );
  if (!checkedIn.text.includes('Käynnissä')) throw new Error(`check-in: ${checkedIn.text}`);
}, 180_000);
afterAll(async () => {
  await test.stop();
});

describe("the roadmap's personal data", () => {
  it('an export holds everything the roadmap keeps about the person, and nothing of a colleague', async () => {
    const exported = await api(test.running, '/api/me/data', token);
    expect(exported.status).toBe(200);
    const section = (exported.json as Record<string, Record<string, unknown[]>>).roadmap;
    expect(section?.roadmapOwnerOf).toEqual([roadmap.id]);
    expect(section?.roadmapActionsOwned).toEqual([
      { roadmapId: roadmap.id, title: 'Sähköinen ajanvaraus', status: 'inProgress' },
    ]);
    expect(section?.roadmapTargetPicks).toHaveLength(1);
    expect(JSON.stringify(section?.roadmapTargetPicks)).toContain('"e-services":4');
    expect(section?.roadmapCheckIns).toEqual([
      expect.objectContaining({
        roadmapId: roadmap.id,
        actionId,
        line: 'Ajanvaraus pilotissa kahdella asemalla.',
      }),
    ]);
    expect(section?.roadmapAgreedTargets).toEqual([
      expect.objectContaining({ roadmapId: roadmap.id, perspectiveId: 'e-services', target: 4 }),
    ]);
    // Her changes: the header, the goal, two actions, the agreed target, the picks, the check-in.
    expect(section?.roadmapChanges?.length).toBeGreaterThanOrEqual(7);
    // She added the colleague's action (her change), but its owner is the colleague's data.
    expect(section?.roadmapActionsOwned).toHaveLength(1);
    expect(exported.text).not.toContain(colleague.name);
    expect(exported.text).not.toContain(colleague.aadObjectId);
  });

  it('erasure keeps the roadmap whole, names her "poistettu henkilö / raderad person" and leaves no row naming her', async () => {
    expect((await rowsMentioning(leader.aadObjectId)).length).toBeGreaterThan(5);
    const erased = await api(test.running, '/api/me/erase', token, {
      method: 'POST',
      body: { confirm: true },
    });
    expect(erased.status).toBe(204);

    expect(await rowsMentioning(leader.aadObjectId)).toEqual([]);
    expect(await rowsMentioning(leader.name)).toEqual([]);
    const after = await view(test.running, coordinator, roadmap.id);
    expect(after.owner).toMatchObject({ kind: 'erased', name: 'poistettu henkilö', reachableInTeams: false });
    const actions = after.goals[0]?.actions ?? [];
    expect(actions.map((a) => a.title).sort()).toEqual(['Chat-neuvonta', 'Sähköinen ajanvaraus']);
    const hers = actions.find((a) => a.id === actionId);
    expect(hers).toMatchObject({
      status: 'inProgress',
      owner: { kind: 'erased', name: 'poistettu henkilö' },
    });
    expect(hers?.lastCheckIn?.line).toBe('Ajanvaraus pilotissa kahdella asemalla.');
    expect(actions.find((a) => a.id === colleagueActionId)?.owner).toMatchObject({
      kind: 'participant',
      name: colleague.name,
    });
    const swedish = await view(test.running, coordinator, roadmap.id, 'sv');
    expect(swedish.goals[0]?.actions.find((a) => a.id === actionId)?.owner?.name).toBe('raderad person');
    expect(after.perspectives.find((p) => p.id === 'e-services')?.target).toBe(4);

    const spread = (await api(test.running, path(roadmap.id, '/target-setting?lang=fi'), coordinator))
      .json as TargetSpreadView;
    expect(spread.answered).toBe(0);
    const history = (await api(test.running, path(roadmap.id, '/history?lang=fi'), coordinator)).json as {
      items: { actorName: string }[];
    };
    expect(
      history.items.filter((item) => item.actorName === 'poistettu henkilö').length,
    ).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(history)).not.toContain(leader.name);

    const again = (await api(test.running, '/api/me/data', token)).json as Record<
      string,
      Record<string, unknown[]>
    >;
    for (const items of Object.values(again.roadmap ?? {})) expect(items).toEqual([]);
  });

  it("the round's purge removes its roadmaps and their network rows", async () => {
    const provider = roadmapOf(test.running.app).personalData;
    if (!provider?.purgeRounds) throw new Error('no purge of expired rounds');
    await provider.purgeRounds([DEMO_ROUND_ID]);
    expect(await rowsMentioning(roadmap.id)).toEqual([]);
    expect((await api(test.running, path(roadmap.id), coordinator)).status).toBe(404);
    const network = (await api(test.running, '/api/roadmaps/network?lang=fi', coordinator)).json as {
      rows: { roadmapId: string | null }[];
    };
    expect(network.rows.every((row) => row.roadmapId === null)).toBe(true);
  });
});
