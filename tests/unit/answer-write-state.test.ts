import { AnswerWriteState } from '../../bot/src/polls/wish-poll-write-state';
import type { WishPollAnswer } from '../../bot/src/polls/wish-poll';

const TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';
const person = (index: number) => ({ tenantId: TENANT, aadObjectId: `p-${index}` });

function answer(index: number): WishPollAnswer {
  return {
    pollId: 'poll',
    answerer: person(index),
    name: undefined,
    municipalityId: undefined,
    roles: [],
    topicIds: ['competence'],
    suggestion: undefined,
    submittedAt: '2025-09-01T07:00:00.000Z',
    version: 1,
  };
}

describe('the memory of answers written', () => {
  it('forgets an answer after its lifetime, and the least recently used beyond its size', () => {
    let now = 0;
    const state = new AnswerWriteState(() => now, { maxAnswers: 2, answerTtlMs: 1000 });
    for (const index of [1, 2])
      state.setAnswer('poll', person(index), { stored: { value: answer(index), etag: 'e' }, shard: 0 });
    state.setAnswer('poll', person(1), { stored: { value: answer(1), etag: 'e2' }, shard: 0 });
    state.setAnswer('poll', person(3), { stored: { value: answer(3), etag: 'e' }, shard: 0 });
    // Person 2 was used least recently and went first.
    expect(state.answer('poll', person(2))).toBeUndefined();
    expect(state.answer('poll', person(1))?.stored.etag).toBe('e2');
    now = 1000;
    expect(state.answer('poll', person(3))).toBeUndefined();
  });

  it('reads a poll’s shards once, however many answers ask at the same time', async () => {
    const state = new AnswerWriteState();
    let reads = 0;
    const read = () => {
      reads += 1;
      return Promise.resolve([
        {
          value: {
            index: 0,
            tally: { respondents: 0, suggestions: 0, topics: {}, byMunicipality: {}, byRole: {} },
            closedAt: undefined,
          },
          etag: 'e',
        },
      ]);
    };
    await Promise.all(Array.from({ length: 10 }, () => state.ensureShards('poll', read)));
    await state.ensureShards('poll', read);
    expect(reads).toBe(1);
    expect(state.shard('poll', 0)?.etag).toBe('e');
    state.forgetPoll('poll');
    await state.ensureShards('poll', read);
    expect(reads).toBe(2);
  });
});
