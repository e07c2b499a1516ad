import { DONT_KNOW_INDEX, type Distribution } from './survey-tally';

/**
 * The figures of the results, as pure functions: means that leave "don't know" out, quartiles over
 * municipalities, percentile ranks, and the suppression of small groups.
 */

/** The number of ratings 1–5 (not "don't know"). */
export function ratedCount(distribution: Distribution): number {
  let n = 0;
  for (let index = 0; index < DONT_KNOW_INDEX; index += 1) n += distribution[index] ?? 0;
  return n;
}

/** The mean of the ratings 1–5; undefined when nobody gave a number. */
export function meanOf(distribution: Distribution): number | undefined {
  const n = ratedCount(distribution);
  if (n === 0) return undefined;
  let sum = 0;
  for (let index = 0; index < DONT_KNOW_INDEX; index += 1) sum += (index + 1) * (distribution[index] ?? 0);
  return sum / n;
}

/**
 * The p-quantile (0…1) of sorted values with linear interpolation between order statistics
 * (Hyndman & Fan type 7, as R's default and Excel's PERCENTILE.INC).
 */
export function quantile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? 0;
  const b = sorted[upper] ?? a;
  return a + (b - a) * (position - lower);
}

export interface Spread {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  /** How many municipalities the figures are over. */
  readonly municipalities: number;
}

/** Median and quartiles of the values; undefined with fewer than `minimum` values. */
export function spreadOf(values: readonly number[], minimum: number): Spread | undefined {
  if (values.length < minimum || values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5) ?? 0,
    q1: quantile(sorted, 0.25) ?? 0,
    q3: quantile(sorted, 0.75) ?? 0,
    municipalities: sorted.length,
  };
}

/**
 * Where `value` stands among `values` (which include it), 0…100: the share below it plus half the
 * share equal to it (the mid-rank percentile), so the middle of the network is 50 whatever its size.
 */
export function percentileRank(values: readonly number[], value: number): number | undefined {
  if (values.length === 0) return undefined;
  const epsilon = 1e-9;
  let below = 0;
  let equal = 0;
  for (const other of values) {
    if (other < value - epsilon) below += 1;
    else if (Math.abs(other - value) <= epsilon) equal += 1;
  }
  return ((below + 0.5 * equal) / values.length) * 100;
}

/**
 * Which groups of one background question must be hidden: every group with fewer respondents than
 * `minimum` (primary suppression), and when exactly one group is hidden that way, the next-smallest
 * too, so the hidden one cannot be worked out by subtracting the shown groups from the whole
 * (secondary suppression). Groups with no respondents are not shown at all and hide nothing.
 */
export function suppressedGroups(
  groups: readonly { readonly key: string; readonly respondents: number }[],
  minimum: number,
): Set<string> {
  const present = groups.filter((group) => group.respondents > 0);
  const hidden = new Set(present.filter((group) => group.respondents < minimum).map((group) => group.key));
  if (hidden.size === 1) {
    const next = present
      .filter((group) => !hidden.has(group.key))
      .sort((a, b) => a.respondents - b.respondents || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return hidden;
}
