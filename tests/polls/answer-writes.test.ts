import fc from 'fast-check';
import { CHALLENGE_AREAS, demoWishPoll } from '../../bot/src/demo/demo-polls';
import type { ParticipantRole } from '../../bot/src/shared/roles';
import type { Answerer, WishPoll } from '../../bot/src/polls/wish-poll';
import { WishPollService } from '../../bot/src/polls/wish-poll-service';
import { applyAnswerChange, emptyTally, type WishPollTally } from '../../bot/src/polls/wish-poll-tally';
import { TableStore, type StorageCall } from '../../bot/src/platform/storage/table-store';
import { WishPollRepository } from '../../bot/src/polls/wish-poll-repository';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';

const NOW = new Date('2025-09-01T07:00:00Z');
/** The instances' clock: an hour on, so submissions stamped after NOW are not capped to it. */
const LATER = new Date(NOW.getTime() + 3_600_000);
const TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';
const TOPICS = CHALLENGE_AREAS.map((topic) => topic.id);
const ROLES: ParticipantRole[] = ['leadership', 'supervisor', 'developer', 'expert', 'elected'];

/** One bot instance: its own store (own clients) and its own service (own memory of ETags). */
interface Instance {
  readonly store: TableStore;
  readonly repository: WishPollRepository;
  readonly service: WishPollService;
  readonly calls: StorageCall[];
}

function instance(
  prefix: string,
  clock: () => Date = () => LATER,
  options: ConstructorParameters<typeof WishPollService>[2] = {},
): Instance {
  const store = new TableStore(
    { kind: 'connectionString', connectionString: testStorageConnectionString() },
    prefix,
  );
  const calls: StorageCall[] = [];
  store.observe((call) => calls.push(call));
  const repository = new WishPollRepository(store);
  return { store, repository, service: new WishPollService(repository, clock, options), calls };
}

function answerer(index: number): Answerer {
  return {
    tenantId: TENANT,
    aadObjectId: `d5000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `Vastaaja ${index}`,
    municipalityId: ['kuopio', 'salo', 'kemi'][index % 3],
    roles: [ROLES[index % ROLES.length]],
    active: true,
  };
}

/** The tally recounted from the answer rows as stored: what the sharded tally must equal. */
async function recount(repository: WishPollRepository, pollId: string): Promise<WishPollTally> {
  let tally = emptyTally();
  let token: string | undefined;
  do {
    const page = await repository.answersPage(pollId, 1000, token);
    for (const answer of page.items) tally = applyAnswerChange(tally, undefined, answer);
    token = page.continuationToken;
  } while (token);
  return tally;
}

function answersTableCalls(calls: readonly StorageCall[]): StorageCall[] {
  return calls.filter((call) => call.table === 'wishpollanswers');
}

describe('answers written through one instance', () => {
  it('take at most one storage round trip each, first answers and changes alike, fewer when many arrive together, and never conflict with each other', async () => {
    const one = instance(uniquePrefix());
    const poll = demoWishPoll(NOW);
    await one.service.create(poll);
    one.calls.length = 0;
    const people = Array.from({ length: 150 }, (_, index) => answerer(index));
    const firsts = await Promise.all(
      people.map((person, index) =>
        one.service.answer(
          poll.id,
          person,
          { topicIds: [TOPICS[index % TOPICS.length]], suggestion: undefined },
          NOW,
        ),
      ),
    );
    expect(firsts.every((outcome) => outcome.kind === 'saved' && outcome.changed)).toBe(true);
    // One query loads the 64 shards; the answers that queue behind a transaction share the next.
    const firstCalls = answersTableCalls(one.calls);
    expect(firstCalls.filter((call) => call.method === 'GET')).toHaveLength(1);
    expect(firstCalls.filter((call) => call.batch).length).toBeLessThan(people.length / 4);
    one.calls.length = 0;
    const later = new Date(NOW.getTime() + 1000);
    const changes = await Promise.all(
      people.map((person, index) =>
        one.service.answer(
          poll.id,
          person,
          { topicIds: [TOPICS[(index + 1) % TOPICS.length]], suggestion: `idea ${index}` },
          later,
        ),
      ),
    );
    expect(changes.every((outcome) => outcome.kind === 'saved' && outcome.changed)).toBe(true);
    // No reads: the earlier answers and the shards' ETags are remembered from the first commits.
    const changeCalls = answersTableCalls(one.calls);
    expect(changeCalls.every((call) => call.batch)).toBe(true);
    expect(changeCalls.length).toBeLessThan(people.length / 4);
    expect(one.calls.filter((call) => call.status !== 202)).toEqual([]);
    const tally = await one.service.tally(poll.id);
    expect(tally).toEqual(await recount(one.repository, poll.id));
    expect(tally.respondents).toBe(150);
    expect(tally.suggestions).toBe(150);
  });

  it('a group too large for one transaction is split, and every answer is counted once', async () => {
    // A budget of one answer row and its shard: every answer needs a transaction of its own.
    const one = instance(uniquePrefix(), () => LATER, { transactionBytes: 2048 });
    const poll = demoWishPoll(NOW);
    await one.service.create(poll);
    one.calls.length = 0;
    const people = Array.from({ length: 40 }, (_, index) => answerer(200 + index));
    const outcomes = await Promise.all(
      people.map((person) =>
        one.service.answer(poll.id, person, { topicIds: ['competence'], suggestion: undefined }, NOW),
      ),
    );
    expect(outcomes.every((outcome) => outcome.kind === 'saved')).toBe(true);
    expect(answersTableCalls(one.calls).filter((call) => call.batch)).toHaveLength(people.length);
    expect(one.calls.filter((call) => call.batch && call.status !== 202)).toEqual([]);
    const tally = await one.service.tally(poll.id);
    expect(tally).toEqual(await recount(one.repository, poll.id));
    expect(tally.respondents).toBe(40);
  });

  it('a double click is checked against storage, not memory, and stores nothing new', async () => {
    const one = instance(uniquePrefix());
    const poll = demoWishPoll(NOW);
    await one.service.create(poll);
    const person = answerer(1);
    const input = { topicIds: ['competence'], suggestion: undefined };
    expect(await one.service.answer(poll.id, person, input, NOW)).toMatchObject({
      kind: 'saved',
      changed: true,
    });
    one.calls.length = 0;
    expect(await one.service.answer(poll.id, person, input, NOW)).toMatchObject({
      kind: 'saved',
      changed: false,
    });
    // The answer and its shard are read (in parallel); nothing is written.
    expect(answersTableCalls(one.calls).map((call) => call.method)).toEqual(['GET', 'GET']);
    expect((await one.service.tally(poll.id)).respondents).toBe(1);
  });
});

describe('answers written through several instances', () => {
  it('a change through another instance, then one through the first again, is counted once', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [instance(prefix), instance(prefix)];
    const poll = demoWishPoll(NOW);
    await a.service.create(poll);
    const person = answerer(7);
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    await a.service.answer(poll.id, person, { topicIds: ['competence'], suggestion: 'a' }, at(0));
    // b has never seen the person: its optimistic first answer meets the stored one and is re-read.
    expect(
      await b.service.answer(poll.id, person, { topicIds: ['leadership'], suggestion: undefined }, at(1)),
    ).toMatchObject({
      kind: 'saved',
      changed: true,
    });
    // a remembers an ETag b has replaced: its write fails, it reads again and writes the change.
    expect(
      await a.service.answer(poll.id, person, { topicIds: ['procurement'], suggestion: 'c' }, at(2)),
    ).toMatchObject({
      kind: 'saved',
      answer: { version: 3 },
    });
    expect(await b.service.answerOf(poll.id, person)).toMatchObject({
      topicIds: ['procurement'],
      suggestion: 'c',
    });
    const tally = await b.service.tally(poll.id);
    expect(tally).toEqual(await recount(b.repository, poll.id));
    expect(tally).toMatchObject({ respondents: 1, suggestions: 1, topics: { procurement: 1 } });
  });

  it('an answer erased through another instance and given again is stored again', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [instance(prefix), instance(prefix)];
    const poll = demoWishPoll(NOW);
    await a.service.create(poll);
    const person = answerer(8);
    const input = { topicIds: ['competence'], suggestion: 'idea' };
    await a.service.answer(poll.id, person, input, NOW);
    await b.service.eraseAnswer(poll.id, person);
    // Memory says "the same answer is stored"; storage says nothing is: it is written.
    expect(await a.service.answer(poll.id, person, input, NOW)).toMatchObject({
      kind: 'saved',
      changed: true,
    });
    expect(await b.service.answerOf(poll.id, person)).toMatchObject(input);
  });

  it('a close through another instance stops answers written from remembered ETags', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [instance(prefix), instance(prefix)];
    const poll: WishPoll = demoWishPoll(NOW);
    await a.service.create(poll);
    await a.service.answer(poll.id, answerer(1), { topicIds: ['competence'], suggestion: undefined }, NOW);
    await b.service.close(poll.id);
    // a's copy of the poll does not know of the close yet; the shards' ETags do.
    expect(
      await a.service.answer(poll.id, answerer(2), { topicIds: ['competence'], suggestion: undefined }, NOW),
    ).toMatchObject({
      kind: 'closed',
    });
    expect((await a.service.tally(poll.id)).respondents).toBe(1);
  });

  it('under any interleaving of answers and changes by two instances, the tally equals a recount and the latest submission stands', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [instance(prefix), instance(prefix)];
    const submission = fc.record({
      via: fc.constantFrom(0, 1),
      person: fc.nat(5),
      topicIds: fc.subarray(TOPICS, { minLength: 1, maxLength: 3 }),
      suggestion: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(submission, { minLength: 1, maxLength: 6 }), { maxLength: 6 }),
        async (rounds) => {
          run += 1;
          const poll: WishPoll = { ...demoWishPoll(NOW), id: `interleaving-${run}` };
          await a.service.create(poll);
          const latest = new Map<
            number,
            { at: number; topicIds: string[]; suggestion: string | undefined }
          >();
          let clock = NOW.getTime();
          for (const round of rounds) {
            // A round's submissions run at once; each is submitted a millisecond after the one before.
            await Promise.all(
              round.map((item) => {
                clock += 1;
                const at = clock;
                const seen = latest.get(item.person);
                if (!seen || seen.at < at)
                  latest.set(item.person, { at, topicIds: item.topicIds, suggestion: item.suggestion });
                const service = item.via === 0 ? a.service : b.service;
                return service.answer(
                  poll.id,
                  answerer(item.person),
                  { topicIds: item.topicIds, suggestion: item.suggestion },
                  new Date(at),
                );
              }),
            );
          }
          const tally = await a.service.tally(poll.id);
          expect(tally).toEqual(await recount(a.repository, poll.id));
          expect(tally.respondents).toBe(latest.size);
          for (const [person, expected] of latest) {
            const stored = await b.service.answerOf(poll.id, answerer(person));
            expect(stored).toMatchObject({
              topicIds: TOPICS.filter((topic) => expected.topicIds.includes(topic)),
              suggestion: expected.suggestion,
            });
          }
        },
      ),
      { numRuns: 12 },
    );
    // The instances did get in each other's way, so the path that re-reads was taken.
    const conflicts = [...a.calls, ...b.calls].filter(
      (call) => call.batch && (call.status === 409 || call.status === 412),
    );
    expect(conflicts.length).toBeGreaterThan(0);
  });
});

describe('stored lists of a poll', () => {
  it('keep the roles the code still knows, and a list that is not JSON fails visibly instead of reading as empty', async () => {
    const one = instance(uniquePrefix());
    const poll = demoWishPoll(NOW);
    await one.service.create(poll);
    const table = await one.store.table('wishpolls');
    const stored = await table.getEntity<Record<string, unknown>>('poll', poll.id);
    await table.updateEntity(
      {
        partitionKey: 'poll',
        rowKey: poll.id,
        audienceRoles: JSON.stringify(['leadership', 'retired-role']),
      },
      'Merge',
    );
    expect((await one.repository.get(poll.id))?.value.audience.roles).toEqual(['leadership']);
    await table.updateEntity({ partitionKey: 'poll', rowKey: poll.id, audienceRoles: 'not json' }, 'Merge');
    await expect(one.repository.get(poll.id)).rejects.toMatchObject({ name: 'StoredDataError' });
    await table.updateEntity(
      { partitionKey: 'poll', rowKey: poll.id, audienceRoles: stored.audienceRoles },
      'Merge',
    );
    expect((await one.repository.get(poll.id))?.value.audience.roles).toEqual(poll.audience.roles);
  });
});
