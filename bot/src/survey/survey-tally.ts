import { z } from 'zod';
import type { Rating, SurveyAnswerContent } from './survey-instrument';

/**
 * The running aggregate of a survey's answers: per perspective, how many chose 1, 2, 3, 4, 5 and
 * "don't know"; the same for every background group (department, supervisor or not, staff or
 * elected). It is kept in shards that each hold a {@link SurveyTally}; results merge the shards, so
 * no view ever reads the answers themselves.
 */

/** Counts of 1, 2, 3, 4, 5 and "don't know", in that order. */
export type Distribution = readonly [number, number, number, number, number, number];
export const DONT_KNOW_INDEX = 5;

export interface GroupTally {
  readonly respondents: number;
  readonly ratings: Readonly<Record<string, Distribution>>;
}

export interface SurveyTally extends GroupTally {
  /** Answers that left a comment. */
  readonly comments: number;
  /** Key `<question id>=<option id>`; `<question id>=-` for those who left the question blank. */
  readonly groups: Readonly<Record<string, GroupTally>>;
}

export const NOT_GIVEN = '-';

export function groupKey(questionId: string, optionId: string): string {
  return `${questionId}=${optionId}`;
}

export function emptyDistribution(): Distribution {
  return [0, 0, 0, 0, 0, 0];
}

export function emptyTally(): SurveyTally {
  return { respondents: 0, comments: 0, ratings: {}, groups: {} };
}

function ratingIndex(rating: Rating): number {
  return rating === 'dontKnow' ? DONT_KNOW_INDEX : rating - 1;
}

type MutableGroup = { respondents: number; ratings: Record<string, number[]> };

// Keys come from data (perspective and option ids), so dictionaries have no prototype.
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function mutableGroup(source?: GroupTally): MutableGroup {
  const group: MutableGroup = { respondents: source?.respondents ?? 0, ratings: dict() };
  for (const [id, counts] of Object.entries(source?.ratings ?? {})) group.ratings[id] = [...counts];
  return group;
}

function addRatings(group: MutableGroup, ratings: Readonly<Record<string, Rating>>, sign: number): void {
  group.respondents += sign;
  for (const [id, rating] of Object.entries(ratings)) {
    const counts = (group.ratings[id] ??= [0, 0, 0, 0, 0, 0]);
    counts[ratingIndex(rating)] = (counts[ratingIndex(rating)] ?? 0) + sign;
  }
}

function addGroup(target: MutableGroup, source: GroupTally): void {
  target.respondents += source.respondents;
  for (const [id, counts] of Object.entries(source.ratings)) {
    const into = (target.ratings[id] ??= [0, 0, 0, 0, 0, 0]);
    counts.forEach((count, index) => {
      into[index] = (into[index] ?? 0) + count;
    });
  }
}

function frozenGroup(group: MutableGroup): GroupTally {
  const ratings: Record<string, Distribution> = {};
  for (const [id, counts] of Object.entries(group.ratings)) {
    ratings[id] = [
      counts[0] ?? 0,
      counts[1] ?? 0,
      counts[2] ?? 0,
      counts[3] ?? 0,
      counts[4] ?? 0,
      counts[5] ?? 0,
    ];
  }
  return { respondents: group.respondents, ratings };
}

/**
 * The tally with one more answer counted. `backgroundQuestions` are the instrument's question ids:
 * a question left blank counts in its "not given" group, so the groups of a question always add
 * up to the whole. Pure: the input is not changed.
 */
export function addAnswer(
  tally: SurveyTally,
  answer: SurveyAnswerContent,
  backgroundQuestions: readonly string[],
): SurveyTally {
  const whole = mutableGroup(tally);
  addRatings(whole, answer.ratings, 1);
  const groups = dict<MutableGroup>();
  for (const [key, group] of Object.entries(tally.groups)) groups[key] = mutableGroup(group);
  for (const questionId of backgroundQuestions) {
    const key = groupKey(questionId, answer.background[questionId] ?? NOT_GIVEN);
    addRatings((groups[key] ??= mutableGroup()), answer.ratings, 1);
  }
  const frozenGroups: Record<string, GroupTally> = {};
  for (const [key, group] of Object.entries(groups)) frozenGroups[key] = frozenGroup(group);
  return {
    ...frozenGroup(whole),
    comments: tally.comments + (answer.comment !== undefined ? 1 : 0),
    groups: frozenGroups,
  };
}

export function mergeTallies(tallies: readonly SurveyTally[]): SurveyTally {
  const whole = mutableGroup();
  const groups = dict<MutableGroup>();
  let comments = 0;
  for (const tally of tallies) {
    addGroup(whole, tally);
    comments += tally.comments;
    for (const [key, group] of Object.entries(tally.groups))
      addGroup((groups[key] ??= mutableGroup()), group);
  }
  const frozenGroups: Record<string, GroupTally> = {};
  for (const [key, group] of Object.entries(groups)) frozenGroups[key] = frozenGroup(group);
  return { ...frozenGroup(whole), comments, groups: frozenGroups };
}

/** The whole-survey part only: what the network comparison needs of each municipality. */
export function summaryOf(tally: SurveyTally): GroupTally {
  return { respondents: tally.respondents, ratings: tally.ratings };
}

const count = z.number().int().min(0);
const distributionSchema = z.tuple([count, count, count, count, count, count]);
const groupSchema = z.object({
  respondents: count,
  ratings: z.record(z.string(), distributionSchema),
});
export const groupTallySchema: z.ZodType<GroupTally> = groupSchema;
export const surveyTallySchema: z.ZodType<SurveyTally> = groupSchema.extend({
  comments: count,
  groups: z.record(z.string(), groupSchema),
});
