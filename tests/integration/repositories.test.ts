import { createRepositories, type Repositories } from '../../bot/src/app';
import { demoParticipants, demoProgramme, demoRound, DEMO_TENANT_ID } from '../../bot/src/demo/demo-network';
import type { Participant } from '../../bot/src/shared/participant';
import { ConflictError } from '../../bot/src/platform/storage/errors';
import { TableStore } from '../../bot/src/platform/storage/table-store';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';

const NOW = new Date('2025-09-01T09:00:00Z');

function freshRepositories(): { store: TableStore; repos: Repositories } {
  const store = new TableStore(
    { kind: 'connectionString', connectionString: testStorageConnectionString() },
    uniquePrefix(),
  );
  return { store, repos: createRepositories(store, () => NOW) };
}

const guest: Participant = {
  tenantId: DEMO_TENANT_ID,
  aadObjectId: 'guest/with#odd?chars',
  name: 'Guest Person',
  email: 'guest@kunta.fi',
  municipalityId: 'kuopio',
  roles: ['leadership', 'elected'],
  language: undefined,
  teamsUserId: '29:guest',
  isGuest: true,
  active: true,
  updatedAt: NOW.toISOString(),
};

describe('repositories on Azurite', () => {
  it('store and read a participant whose id has characters Table Storage forbids in keys', async () => {
    const { repos } = freshRepositories();
    await repos.participants.save(guest);
    const read = await repos.participants.get(guest);
    expect(read?.value).toEqual(guest);
  });

  it('refuse an update based on a stale ETag and keep the newer write', async () => {
    const { repos } = freshRepositories();
    await repos.participants.save(guest);
    const first = await repos.participants.get(guest);
    const second = await repos.participants.get(guest);
    if (!first || !second) throw new Error('participant missing');
    await repos.participants.update({ ...first.value, name: 'First writer' }, first.etag);
    await expect(
      repos.participants.update({ ...second.value, name: 'Second writer' }, second.etag),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await repos.participants.get(guest))?.value.name).toBe('First writer');
  });

  it('keep roles, municipality and language when the roster refreshes a participant', async () => {
    const { repos } = freshRepositories();
    await repos.participants.save({ ...guest, language: 'sv' });
    await repos.participants.upsertFromRoster(
      {
        tenantId: guest.tenantId,
        aadObjectId: guest.aadObjectId,
        name: 'Renamed',
        email: undefined,
        teamsUserId: '29:new',
        isGuest: true,
      },
      NOW,
    );
    const read = (await repos.participants.get(guest))?.value;
    expect(read).toMatchObject({
      name: 'Renamed',
      language: 'sv',
      roles: ['leadership', 'elected'],
      municipalityId: 'kuopio',
      teamsUserId: '29:new',
    });
  });

  it('page through participants with continuation tokens', async () => {
    const { repos } = freshRepositories();
    const people = demoParticipants(NOW);
    await Promise.all(people.map((person) => repos.participants.save(person)));
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await repos.participants.listPage(DEMO_TENANT_ID, 25, token);
      expect(page.items.length).toBeLessThanOrEqual(25);
      for (const person of page.items) seen.add(person.aadObjectId);
      token = page.continuationToken;
      pages += 1;
    } while (token);
    expect(seen.size).toBe(people.length);
    expect(pages).toBe(Math.ceil(people.length / 25));
  });

  it("return a round's programme in time order and find the current round", async () => {
    const { repos } = freshRepositories();
    const events = demoProgramme(NOW);
    for (const event of [...events].reverse()) await repos.programme.saveEvent(event);
    await repos.programme.saveRound(demoRound(NOW));
    const listed = await repos.programme.listEvents('demo-round');
    expect(listed.map((event) => event.id)).toEqual(
      [...events].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((event) => event.id),
    );
    expect((await repos.programme.currentRound(NOW))?.id).toBe('demo-round');
    expect(listed.find((event) => event.id === 'kickoff')).toEqual(
      events.find((event) => event.id === 'kickoff'),
    );
  });

  it('create each table once, however many callers ask at the same time', async () => {
    const { store } = freshRepositories();
    const clients = await Promise.all(Array.from({ length: 20 }, () => store.table('participants')));
    expect(new Set(clients).size).toBe(1);
  });

  it('store installations as TeamsFx conversation references and page through them', async () => {
    const { repos } = freshRepositories();
    const reference = {
      conversation: {
        id: '19:team@thread.tacv2',
        conversationType: 'channel',
        tenantId: DEMO_TENANT_ID,
        isGroup: true,
        name: '',
      },
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
    };
    const key = `_${DEMO_TENANT_ID}_19:team@thread.tacv2`;
    expect(await repos.installations.add(key, reference, { overwrite: false })).toBe(true);
    expect(await repos.installations.add(key, reference, { overwrite: false })).toBe(false);
    expect(await repos.installations.add(key, reference, { overwrite: true })).toBe(true);
    const listed = await repos.installations.list(10);
    expect(listed.data).toEqual([reference]);
    expect((await repos.installations.channels()).map((installation) => installation.teamId)).toEqual([
      '19:team@thread.tacv2',
    ]);
    expect(await repos.installations.remove(key, reference)).toBe(true);
    expect(await repos.installations.remove(key, reference)).toBe(false);
  });
});
