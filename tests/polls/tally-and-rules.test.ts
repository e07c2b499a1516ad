import fc from 'fast-check';
import { CHALLENGE_AREAS, demoWishPoll } from '../../bot/src/demo/demo-polls';
import type { ParticipantRole } from '../../bot/src/shared/roles';
import { toExcelCsv } from '../../bot/src/polls/wish-poll-csv';
import { validateAnswer, type Answerer, type WishPoll } from '../../bot/src/polls/wish-poll';
import { WishPollService, type AnswerOutcome } from '../../bot/src/polls/wish-poll-service';
import {
  applyAnswerChange,
  emptyTally,
  mergeTallies,
  type TallyFacts,
  type WishPollTally,
} from '../../bot/src/polls/wish-poll-tally';
import { TableStore } from '../../bot/src/platform/storage/table-store';
import { WishPollRepository } from '../../bot/src/polls/wish-poll-repository';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';

const NOW = new Date('2025-09-01T07:00:00Z');
const TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';
const TOPICS = CHALLENGE_AREAS.map((topic) => topic.id);
const ROLES: ParticipantRole[] = ['leadership', 'supervisor', 'developer', 'expert', 'elected'];

function freshService(clock: () => Date = () => NOW): {
  service: WishPollService;
  repository: WishPollRepository;
} {
  const store = new TableStore(
    { kind: 'connectionString', connectionString: testStorageConnectionString() },
    uniquePrefix(),
  );
  const repository = new WishPollRepository(store);
  return { service: new WishPollService(repository, clock), repository };
}

function answerer(index: number): Answerer {
  return {
    tenantId: TENANT,
    aadObjectId: `d4000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `Vastaaja ${index}`,
    municipalityId: ['kuopio', 'salo', 'kemi'][index % 3],
    roles: [ROLES[index % ROLES.length]],
    active: true,
  };
}

/** The tally recomputed from scratch from the answers as they stand: what the running tally must equal. */
function recount(answers: readonly TallyFacts[]): WishPollTally {
  return answers.reduce((tally, facts) => applyAnswerChange(tally, undefined, facts), emptyTally());
}

describe('the rules of an answer', () => {
  const poll: WishPoll = demoWishPoll(NOW);

  it('keeps the poll’s topic order, drops duplicates and trims the suggestion', () => {
    expect(
      validateAnswer(poll, {
        topicIds: ['legislation', 'competence', 'legislation'],
        suggestion: '  idea \r\n ',
      }),
    ).toEqual({
      ok: true,
      topicIds: ['competence', 'legislation'],
      suggestion: 'idea',
    });
  });

  it('counts the suggestion length in characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(500);
    expect(validateAnswer(poll, { topicIds: [], suggestion: emoji }).ok).toBe(true);
    expect(validateAnswer(poll, { topicIds: [], suggestion: `${emoji}a` })).toEqual({
      ok: false,
      problem: { kind: 'suggestionTooLong', max: 500 },
    });
  });

  it('a single-choice poll takes one topic; a poll without suggestions takes none', () => {
    const single: WishPoll = { ...poll, selection: { mode: 'single' }, suggestionMaxLength: undefined };
    expect(validateAnswer(single, { topicIds: ['competence', 'leadership'], suggestion: undefined })).toEqual(
      {
        ok: false,
        problem: { kind: 'tooManyChoices', max: 1 },
      },
    );
    expect(validateAnswer(single, { topicIds: ['competence'], suggestion: 'x' })).toEqual({
      ok: false,
      problem: { kind: 'suggestionNotAllowed' },
    });
  });
});

describe('the running tally', () => {
  const facts = fc.record({
    topicIds: fc.subarray(TOPICS, { maxLength: 3 }),
    suggestion: fc.option(fc.string({ minLength: 1, maxLength: 5 }), { nil: undefined }),
    municipalityId: fc.option(fc.constantFrom('kuopio', 'salo', '__proto__'), { nil: undefined }),
    roles: fc.subarray(ROLES, { maxLength: 2 }),
  });

  it('equals a recount of the final answers after any sequence of changes, split over any shards', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5), facts), { maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        (changes, shardCount) => {
          const current = new Map<number, TallyFacts>();
          const shards: WishPollTally[] = Array.from({ length: shardCount }, () => emptyTally());
          for (const [person, next] of changes) {
            const shard = person % shardCount;
            shards[shard] = applyAnswerChange(shards[shard], current.get(person), next);
            current.set(person, next);
          }
          expect(mergeTallies(shards)).toEqual(recount([...current.values()]));
        },
      ),
    );
  });
});

describe('answers under concurrency, on Azurite', () => {
  it('many people answering at once are each counted once', async () => {
    const { service } = freshService();
    const poll = demoWishPoll(NOW);
    await service.create(poll);
    const people = Array.from({ length: 80 }, (_, index) => answerer(index));
    const outcomes = await Promise.all(
      people.map((person, index) =>
        service.answer(
          poll.id,
          person,
          { topicIds: [TOPICS[index % TOPICS.length]], suggestion: undefined },
          NOW,
        ),
      ),
    );
    expect(outcomes.every((outcome) => outcome.kind === 'saved')).toBe(true);
    const tally = await service.tally(poll.id);
    expect(tally.respondents).toBe(80);
    expect(Object.values(tally.topics).reduce((sum, count) => sum + count, 0)).toBe(80);
    expect(tally.byMunicipality.kuopio?.respondents).toBe(27);
  });

  it('of concurrent changes by one person the latest submitted stands, counted once', async () => {
    const { service } = freshService();
    const poll = demoWishPoll(NOW);
    await service.create(poll);
    const person = answerer(1);
    const submissions = TOPICS.map((topic, index) => ({
      topic,
      at: new Date(NOW.getTime() - 60_000 + index * 1000),
    }));
    // Shuffled: arrival order is not submission order.
    const shuffled = [...submissions].sort((a, b) => a.topic.localeCompare(b.topic));
    await Promise.all(
      shuffled.map(({ topic, at }) =>
        service.answer(poll.id, person, { topicIds: [topic], suggestion: topic }, at),
      ),
    );
    const latest = submissions.at(-1)!;
    expect(await service.answerOf(poll.id, person)).toMatchObject({
      topicIds: [latest.topic],
      suggestion: latest.topic,
    });
    expect(await service.tally(poll.id)).toEqual(
      recount([
        {
          topicIds: [latest.topic],
          suggestion: latest.topic,
          municipalityId: person.municipalityId,
          roles: person.roles,
        },
      ]),
    );
  });

  it('a close racing answers: everything that was saved is counted, nothing after the close', async () => {
    const { service, repository } = freshService();
    const poll = demoWishPoll(NOW);
    await service.create(poll);
    const people = Array.from({ length: 40 }, (_, index) => answerer(100 + index));
    const answering = people.map((person) =>
      service.answer(poll.id, person, { topicIds: ['procurement'], suggestion: undefined }, NOW),
    );
    const closing = new Promise((resolve) => setTimeout(resolve, 15)).then(() => service.close(poll.id));
    const outcomes: AnswerOutcome[] = await Promise.all(answering);
    await closing;
    const saved = outcomes.filter((outcome) => outcome.kind === 'saved').length;
    const refused = outcomes.filter((outcome) => outcome.kind === 'closed').length;
    expect(saved + refused).toBe(40);
    const stored = await repository.answersPage(poll.id, 1000);
    expect(stored.items).toHaveLength(saved);
    expect((await service.tally(poll.id)).respondents).toBe(saved);
    const late = await service.answer(
      poll.id,
      answerer(999),
      { topicIds: ['procurement'], suggestion: undefined },
      NOW,
    );
    expect(late.kind).toBe('closed');
  });
});

describe('CSV for Excel', () => {
  it('has a byte-order mark, semicolons, CRLF and every field quoted', () => {
    expect(
      toExcelCsv([
        ['Kunta', 'Määrä'],
        ['Hämeenlinna; "HML"', 3],
        ['-1', 2.5],
      ]),
    ).toBe('\uFEFF"Kunta";"Määrä"\r\n"Hämeenlinna; ""HML""";"3"\r\n"\'-1";"2,5"\r\n');
  });
});
