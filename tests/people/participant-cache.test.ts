import { ParticipantRepository } from '../../bot/src/people';
import { PARTICIPANT_CACHE_MS } from '../../bot/src/people/participant-repository';
import { TableStore } from '../../bot/src/platform/storage/table-store';
import type { Participant } from '../../bot/src/shared/participant';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';

const aino: Participant = {
  tenantId: '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60',
  aadObjectId: 'aino',
  name: 'Aino Korhonen',
  email: 'aino@hameenlinna.fi',
  municipalityId: 'hameenlinna',
  roles: ['leadership'],
  language: 'fi',
  teamsUserId: '29:aino',
  isGuest: true,
  active: true,
  updatedAt: '2026-12-01T09:00:00.000Z',
};

/** Two app instances on one table, each with its own cache and a clock the test moves. */
function twoInstances(): { a: ParticipantRepository; b: ParticipantRepository; advance(ms: number): void } {
  const prefix = uniquePrefix();
  let now = Date.parse('2026-12-01T09:00:00Z');
  const store = (): TableStore =>
    new TableStore({ kind: 'connectionString', connectionString: testStorageConnectionString() }, prefix);
  return {
    a: new ParticipantRepository(store(), () => now),
    b: new ParticipantRepository(store(), () => now),
    advance: (ms) => (now += ms),
  };
}

describe("a turn's look-up of its sender", () => {
  it('sees its own instance’s change of language at once', async () => {
    const { a } = twoInstances();
    await a.save(aino);
    expect((await a.recent(aino))?.language).toBe('fi');
    await a.setLanguage(aino, 'sv', new Date());
    expect((await a.recent(aino))?.language).toBe('sv');
  });

  it('sees another instance’s change within the cache lifetime, not necessarily at once', async () => {
    const { a, b, advance } = twoInstances();
    await a.save(aino);
    expect((await a.recent(aino))?.roles).toEqual(['leadership']);
    await b.save({ ...aino, roles: ['leadership', 'developer'] });
    advance(PARTICIPANT_CACHE_MS - 1);
    expect((await a.recent(aino))?.roles).toEqual(['leadership']);
    advance(2);
    expect((await a.recent(aino))?.roles).toEqual(['leadership', 'developer']);
  });

  it('finds a person added by the roster soon after an earlier miss', async () => {
    const { a, b, advance } = twoInstances();
    expect(await a.recent(aino)).toBeUndefined();
    await b.save(aino);
    advance(5_001);
    expect((await a.recent(aino))?.name).toBe('Aino Korhonen');
  });

  it('forgets an erased person at once in the instance that erased them', async () => {
    const { a } = twoInstances();
    await a.save(aino);
    expect(await a.recent(aino)).toBeDefined();
    await a.delete(aino);
    expect(await a.recent(aino)).toBeUndefined();
  });
});
