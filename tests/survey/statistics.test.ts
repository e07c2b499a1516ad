import fc from 'fast-check';
import {
  meanOf,
  percentileRank,
  quantile,
  spreadOf,
  suppressedGroups,
} from '../../bot/src/survey/survey-statistics';
import { addAnswer, emptyTally, groupKey, mergeTallies, NOT_GIVEN } from '../../bot/src/survey/survey-tally';
import { SEEDED_PERSPECTIVES, type Rating } from '../../bot/src/survey';
import { validateAnswer, seededInstrument } from '../../bot/src/survey/survey-instrument';

const QUESTIONS = ['department', 'supervisor'];

describe('survey statistics', () => {
  it('leaves "don\'t know" out of the mean', () => {
    expect(meanOf([0, 0, 2, 0, 2, 7])).toBe(4);
    expect(meanOf([0, 0, 0, 0, 0, 3])).toBeUndefined();
  });

  it('computes quartiles as Excel’s PERCENTILE.INC and ranks with half the ties', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantile(sorted, 0.25)).toBeCloseTo(1.75, 10);
    expect(quantile(sorted, 0.5)).toBeCloseTo(2.5, 10);
    expect(quantile(sorted, 0.75)).toBeCloseTo(3.25, 10);
    expect(spreadOf([3, 1, 2], 5)).toBeUndefined();
    expect(percentileRank([1, 2, 3, 4, 5], 3)).toBe(50);
    expect(percentileRank([3, 3, 3, 3], 3)).toBe(50);
    expect(percentileRank([1, 2, 3, 4, 5], 5)).toBe(90);
  });

  it('hides a lone small group together with the next smallest, so no subtraction reveals it', () => {
    const groups = [
      { key: 'a', respondents: 30 },
      { key: 'b', respondents: 2 },
      { key: 'c', respondents: 9 },
      { key: 'd', respondents: 0 },
    ];
    expect([...suppressedGroups(groups, 5)].sort()).toEqual(['b', 'c']);
    expect([...suppressedGroups([...groups, { key: 'e', respondents: 3 }], 5)].sort()).toEqual(['b', 'e']);
    expect([...suppressedGroups([{ key: 'a', respondents: 30 }], 5)]).toEqual([]);
  });

  it('refuses out-of-range ratings, unknown options and an oversized comment, all at once', () => {
    const instrument = seededInstrument(new Date());
    const ratings = Object.fromEntries(SEEDED_PERSPECTIVES.map((p) => [p.id, '3']));
    const checked = validateAnswer(instrument, {
      ratings: { ...ratings, 'e-services': '6', 'ict-devices': '' },
      background: { department: 'moon-base' },
      comment: 'x'.repeat(2001),
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.kind).sort()).toEqual(
      ['commentTooLong', 'invalidBackground', 'invalidRating', 'missingRating'].sort(),
    );
  });
});

const rating = fc.constantFrom<Rating>(1, 2, 3, 4, 5, 'dontKnow');
const answer = fc.record({
  ratings: fc.record(
    Object.fromEntries(SEEDED_PERSPECTIVES.map((p) => [p.id, rating])) as Record<
      string,
      fc.Arbitrary<Rating>
    >,
  ),
  background: fc.record(
    { department: fc.constantFrom('education', 'vitality'), supervisor: fc.constantFrom('yes', 'no') },
    { requiredKeys: [] },
  ),
  comment: fc.option(fc.string({ minLength: 1, maxLength: 5 }), { nil: undefined }),
});

describe('the sharded tally', () => {
  it('sums to the same counts however the answers are spread over shards', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(answer, fc.nat(15)), { maxLength: 60 }), (answers) => {
        const shards = Array.from({ length: 16 }, () => emptyTally());
        let whole = emptyTally();
        for (const [item, shard] of answers) {
          shards[shard] = addAnswer(shards[shard] ?? emptyTally(), item, QUESTIONS);
          whole = addAnswer(whole, item, QUESTIONS);
        }
        const merged = mergeTallies(shards);
        expect(merged.respondents).toBe(answers.length);
        expect(merged.ratings).toEqual(whole.ratings);
        expect(merged.comments).toBe(answers.filter(([item]) => item.comment !== undefined).length);
        // Every question's groups add up to the whole, the blank ones included.
        for (const question of QUESTIONS) {
          const keys = Object.keys(merged.groups).filter((key) => key.startsWith(`${question}=`));
          const sum = keys.reduce((total, key) => total + (merged.groups[key]?.respondents ?? 0), 0);
          expect(sum).toBe(answers.length);
        }
        expect(merged.groups[groupKey('supervisor', NOT_GIVEN)]?.respondents ?? 0).toBe(
          answers.filter(([item]) => item.background.supervisor === undefined).length,
        );
      }),
    );
  });
});
