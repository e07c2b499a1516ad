/**
 * The running tally of a poll: counts per topic, and per municipality and role. It is kept in
 * shards (see the repository) that each hold a {@link WishPollTally}; results sum the shards, so
 * reading results never touches the answers themselves.
 */
import type { WishPollAnswer } from './wish-poll';

export type Counts = Readonly<Record<string, number>>;

export interface GroupCounts {
  readonly respondents: number;
  readonly topics: Counts;
}

export interface WishPollTally {
  readonly respondents: number;
  /** Answers that carry a free-text suggestion. */
  readonly suggestions: number;
  readonly topics: Counts;
  /** Key: municipality id, or {@link NO_MUNICIPALITY}. */
  readonly byMunicipality: Readonly<Record<string, GroupCounts>>;
  /** Key: role; a person with two roles counts in both. */
  readonly byRole: Readonly<Record<string, GroupCounts>>;
}

export const NO_MUNICIPALITY = '-';

/** What the tally counts of one answer. */
export type TallyFacts = Pick<WishPollAnswer, 'topicIds' | 'suggestion' | 'municipalityId' | 'roles'>;

export function emptyTally(): WishPollTally {
  return { respondents: 0, suggestions: 0, topics: {}, byMunicipality: {}, byRole: {} };
}

/**
 * The tally after one person's answer changed from `previous` to `next` (either may be absent:
 * a first answer, a withdrawn one). Pure: the input is not changed.
 */
export function applyAnswerChange(
  tally: WishPollTally,
  previous: TallyFacts | undefined,
  next: TallyFacts | undefined,
): WishPollTally {
  const draft = toDraft(tally);
  if (previous) addFacts(draft, previous, -1);
  if (next) addFacts(draft, next, +1);
  return fromDraft(draft);
}

export function mergeTallies(tallies: readonly WishPollTally[]): WishPollTally {
  const draft = toDraft(emptyTally());
  for (const tally of tallies) {
    draft.respondents += tally.respondents;
    draft.suggestions += tally.suggestions;
    addCounts(draft.topics, tally.topics, 1);
    for (const [key, group] of Object.entries(tally.byMunicipality))
      addGroup(draft.byMunicipality, key, group);
    for (const [key, group] of Object.entries(tally.byRole)) addGroup(draft.byRole, key, group);
  }
  return fromDraft(draft);
}

/** Reads a tally from its stored JSON; anything malformed counts as zero rather than failing results. */
export function parseTally(json: string | undefined): WishPollTally {
  if (!json) return emptyTally();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    if (error instanceof SyntaxError) return emptyTally();
    throw error;
  }
  if (typeof value !== 'object' || value === null) return emptyTally();
  const record = value as Record<string, unknown>;
  return {
    respondents: numberOf(record.respondents),
    suggestions: numberOf(record.suggestions),
    topics: countsOf(record.topics),
    byMunicipality: groupsOf(record.byMunicipality),
    byRole: groupsOf(record.byRole),
  };
}

interface DraftGroup {
  respondents: number;
  topics: Record<string, number>;
}

interface Draft {
  respondents: number;
  suggestions: number;
  topics: Record<string, number>;
  byMunicipality: Record<string, DraftGroup>;
  byRole: Record<string, DraftGroup>;
}

// Dictionaries without a prototype: keys come from data (municipality ids), so `__proto__` is just a key.
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function toDraft(tally: WishPollTally): Draft {
  const draft: Draft = {
    respondents: tally.respondents,
    suggestions: tally.suggestions,
    topics: dict(),
    byMunicipality: dict(),
    byRole: dict(),
  };
  addCounts(draft.topics, tally.topics, 1);
  for (const [key, group] of Object.entries(tally.byMunicipality)) addGroup(draft.byMunicipality, key, group);
  for (const [key, group] of Object.entries(tally.byRole)) addGroup(draft.byRole, key, group);
  return draft;
}

function addFacts(draft: Draft, facts: TallyFacts, sign: 1 | -1): void {
  draft.respondents += sign;
  if (facts.suggestion !== undefined) draft.suggestions += sign;
  const topics = Object.fromEntries(facts.topicIds.map((id) => [id, 1]));
  addCounts(draft.topics, topics, sign);
  const one = { respondents: 1, topics };
  addGroup(draft.byMunicipality, facts.municipalityId ?? NO_MUNICIPALITY, one, sign);
  for (const role of new Set(facts.roles)) addGroup(draft.byRole, role, one, sign);
}

function addGroup(groups: Record<string, DraftGroup>, key: string, group: GroupCounts, sign = 1): void {
  let target = groups[key];
  if (!target) {
    target = { respondents: 0, topics: dict() };
    groups[key] = target;
  }
  target.respondents += sign * group.respondents;
  addCounts(target.topics, group.topics, sign);
}

function addCounts(target: Record<string, number>, source: Counts, sign: number): void {
  for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + sign * count;
}

/** Drops zero entries so the stored tally stays small; plain objects again for JSON. */
function fromDraft(draft: Draft): WishPollTally {
  const clean = (counts: Record<string, number>): Counts =>
    Object.fromEntries(Object.entries(counts).filter(([, count]) => count !== 0));
  const groups = (source: Record<string, DraftGroup>): Record<string, GroupCounts> =>
    Object.fromEntries(
      Object.entries(source)
        .filter(([, group]) => group.respondents !== 0)
        .map(([key, group]) => [key, { respondents: group.respondents, topics: clean(group.topics) }]),
    );
  return {
    respondents: draft.respondents,
    suggestions: draft.suggestions,
    topics: clean(draft.topics),
    byMunicipality: groups(draft.byMunicipality),
    byRole: groups(draft.byRole),
  };
}

function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function countsOf(value: unknown): Counts {
  if (typeof value !== 'object' || value === null) return {};
  const out = dict<number>();
  for (const [key, count] of Object.entries(value)) out[key] = numberOf(count);
  return out;
}

function groupsOf(value: unknown): Record<string, GroupCounts> {
  if (typeof value !== 'object' || value === null) return {};
  const out = dict<GroupCounts>();
  for (const [key, group] of Object.entries(value as Record<string, unknown>)) {
    if (typeof group !== 'object' || group === null) continue;
    const record = group as Record<string, unknown>;
    out[key] = { respondents: numberOf(record.respondents), topics: countsOf(record.topics) };
  }
  return out;
}
