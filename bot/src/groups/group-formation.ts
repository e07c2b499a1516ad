/**
 * Small groups for the top-management peer discussions that follow each development workshop.
 *
 * Pure functions: leaders, earlier groupings of the round and a seed go in; groups and their
 * diagnostics come out. The same input and seed always give the same groups, so a coordinator can
 * reproduce (and explain) a formation.
 *
 * The method: a constructive pass places leaders of the most numerous municipalities first, each in
 * the group with the most room among those without a colleague, cheapest first; a bounded local
 * search then swaps leaders between groups. A swap is taken only when it lowers the municipality
 * conflicts, or keeps them and lowers the soft cost: repeat meetings (weighted strongly), then
 * shared regions and shared size classes (weighted lightly, so that groups mix the country).
 */

/** A leader who may take part in a peer discussion. */
export interface Leader {
  readonly id: string;
  readonly municipalityId: string;
  /** Population class of the leader's municipality, e.g. `under5k` or `over100k`. */
  readonly sizeClass: string;
  readonly region: string;
}

/** One earlier formation of the round: groups of leader ids. */
export type Grouping = readonly (readonly string[])[];

export interface PeerGroup {
  /** Stable number of the group within its formation; a locked group keeps its number on re-forming. */
  readonly index: number;
  readonly memberIds: readonly string[];
  /** A locked group is kept as it is when the rest are re-formed. */
  readonly locked: boolean;
}

export interface GroupingDiagnostics {
  /** Pairs sitting together that already met in an earlier grouping of the round. */
  readonly repeatPairings: number;
  /** Pairs sitting together that come from the same municipality. */
  readonly municipalityConflicts: number;
  /** Pairs sitting together from the same region (lower means more mixing). */
  readonly sameRegionPairs: number;
  /** Pairs sitting together from municipalities of the same size class. */
  readonly sameSizeClassPairs: number;
  /** Sizes of the smallest and largest group, locked groups included; 0 and 0 when there are none. */
  readonly sizeSpread: { readonly smallest: number; readonly largest: number };
}

export interface GroupFormation {
  /** Ordered by index. */
  readonly groups: readonly PeerGroup[];
  readonly diagnostics: GroupingDiagnostics;
}

/** What the diagnostics of a grouping are measured against. */
export interface GroupingContext {
  readonly leaders: readonly Leader[];
  /** Earlier groupings of the round; pairs that met in them count as repeats. */
  readonly history?: readonly Grouping[];
}

export interface GroupFormationRequest extends GroupingContext {
  /** Target group size, at least 2; defaults to 5. */
  readonly groupSize?: number;
  readonly seed: string | number;
  /**
   * Member lists kept as they are. Their members are not placed again. A member who has opted out
   * is left out of a locked group too; the rest of it stays together.
   */
  readonly lockedGroups?: readonly (readonly string[])[];
  /** Ids of leaders who take no part this time. */
  readonly optOuts?: readonly string[];
}

export const DEFAULT_GROUP_SIZE = 5;

// Soft cost of one pair sitting together. Repeats dominate: a single repeat outweighs any region or
// size-class saving a swap can make in groups of ordinary size.
const REPEAT_WEIGHT = 100;
const REGION_WEIGHT = 2;
const SIZE_CLASS_WEIGHT = 1;

// Local search bounds, counted in pair evaluations rather than time so that the result stays
// deterministic. Ten million evaluations take a few hundred milliseconds.
const MAX_SEARCH_PASSES = 40;
const SEARCH_BUDGET = 10_000_000;
const CANDIDATE_GROUPS_PER_LEADER = 24;

/** A deterministic pseudo-random source in [0, 1): mulberry32 seeded with the FNV-1a hash of the seed. */
export function seededRandom(seed: string | number): () => number {
  const text = String(seed);
  let state = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    state ^= text.charCodeAt(i);
    state = Math.imul(state, 0x01000193);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How many groups n people form for a target size. Of the two counts around n / size (rounded down
 * and up) it takes the one whose balanced sizes stay closest to the target, and on a tie the one
 * with more, smaller groups, which suit a remote discussion better: 11 people at size 5 sit as 6 + 5,
 * 12 as 4 + 4 + 4, 13 as 5 + 4 + 4, and 7 as 4 + 3. Nobody sits alone unless n is 1.
 */
export function balancedGroupCount(n: number, groupSize: number = DEFAULT_GROUP_SIZE): number {
  assertGroupSize(groupSize);
  if (n <= 0) return 0;
  const fewer = Math.max(1, Math.floor(n / groupSize));
  const more = Math.max(1, Math.ceil(n / groupSize));
  const deviation = (count: number) =>
    Math.max(Math.abs(Math.ceil(n / count) - groupSize), Math.abs(groupSize - Math.floor(n / count)));
  const count = deviation(more) <= deviation(fewer) ? more : fewer;
  return n >= 2 ? Math.min(count, Math.floor(n / 2)) : count;
}

/**
 * Forms the discussion groups of one round. Locked groups come first (indices 0, 1, ...) in the
 * order given, then the newly formed ones. Every leader who has not opted out is placed exactly once.
 * The municipality rule holds for the newly formed groups: when no municipality has more of them
 * than there are groups nobody sits with a colleague, and otherwise every municipality is spread as
 * evenly as the groups allow, which is the fewest same-municipality pairs possible. Locked groups
 * are the coordinator's choice and are counted in the diagnostics as they are.
 *
 * @throws RangeError for a group size below 2, duplicate leader ids, or a locked group naming an
 * unknown leader or a leader already in another locked group.
 */
export function formGroups(request: GroupFormationRequest): GroupFormation {
  const locked = (request.lockedGroups ?? []).map((memberIds, index) => ({ index, memberIds }));
  const formation = formAroundLocked(request, locked);
  // A locked group emptied by opt-outs leaves a gap in the numbering; a fresh formation has none.
  return { ...formation, groups: formation.groups.map((group, index) => ({ ...group, index })) };
}

/**
 * Re-forms the unlocked groups of an existing formation: locked groups stay as they are, with their
 * indices; the other leaders (minus opt-outs, plus any newcomers in `request.leaders`) are grouped
 * afresh into the free indices.
 *
 * @throws RangeError as {@link formGroups} does, including when a locked group names a leader no
 * longer in `request.leaders`: unlock or edit that group first.
 */
export function reformUnlockedGroups(
  current: readonly PeerGroup[],
  request: Omit<GroupFormationRequest, 'lockedGroups'>,
): GroupFormation {
  const locked = current
    .filter((group) => group.locked)
    .map((group) => ({ index: group.index, memberIds: group.memberIds }));
  return formAroundLocked(request, locked);
}

/**
 * Moves one member to another group, as a coordinator's manual correction: sizes are not
 * rebalanced, and locks do not stop it (a lock only protects a group from re-forming). A group left
 * empty is dropped; the others keep their indices.
 *
 * @throws RangeError when the member is in no group or no group has the target index.
 */
export function moveMember(
  groups: readonly PeerGroup[],
  memberId: string,
  targetIndex: number,
  context: GroupingContext,
): GroupFormation {
  const source = groups.find((group) => group.memberIds.includes(memberId));
  if (!source) throw new RangeError(`Leader ${memberId} is in no group`);
  if (!groups.some((group) => group.index === targetIndex)) {
    throw new RangeError(`There is no group ${targetIndex}`);
  }
  const moved =
    source.index === targetIndex
      ? [...groups]
      : groups
          .map((group) => {
            if (group.index === source.index) {
              return { ...group, memberIds: group.memberIds.filter((id) => id !== memberId) };
            }
            if (group.index === targetIndex) return { ...group, memberIds: [...group.memberIds, memberId] };
            return group;
          })
          .filter((group) => group.memberIds.length > 0);
  return { groups: moved, diagnostics: diagnoseGroups(moved, context) };
}

/**
 * The naive baseline: shuffle and cut into the same balanced sizes as {@link formGroups}, ignoring
 * municipalities, regions and history.
 */
export function randomGrouping(
  leaders: readonly Leader[],
  groupSize: number = DEFAULT_GROUP_SIZE,
  seed: string | number = 0,
): PeerGroup[] {
  const random = seededRandom(seed);
  const ids = shuffle(
    leaders.map((leader) => leader.id),
    random,
  );
  const count = balancedGroupCount(ids.length, groupSize);
  const groups: string[][] = Array.from({ length: count }, () => []);
  ids.forEach((id, position) => groups[position % count].push(id));
  return groups.map((memberIds, index) => ({ index, memberIds, locked: false }));
}

/** Pairs sitting together in `groups` that already met in one of the earlier groupings. */
export function countRepeatPairings(
  groups: readonly (PeerGroup | readonly string[])[],
  history: readonly Grouping[],
): number {
  const met = new Set<string>();
  for (const grouping of history) {
    for (const group of grouping) forEachPair(group, (a, b) => met.add(pairKey(a, b)));
  }
  let repeats = 0;
  for (const group of groups) {
    forEachPair(memberIdsOf(group), (a, b) => {
      if (met.has(pairKey(a, b))) repeats++;
    });
  }
  return repeats;
}

/** Measures a grouping; members unknown to `context.leaders` count only towards sizes and repeats. */
export function diagnoseGroups(
  groups: readonly (PeerGroup | readonly string[])[],
  context: GroupingContext,
): GroupingDiagnostics {
  const byId = new Map(context.leaders.map((leader) => [leader.id, leader]));
  let municipalityConflicts = 0;
  let sameRegionPairs = 0;
  let sameSizeClassPairs = 0;
  for (const group of groups) {
    forEachPair(memberIdsOf(group), (a, b) => {
      const first = byId.get(a);
      const second = byId.get(b);
      if (!first || !second) return;
      if (first.municipalityId === second.municipalityId) municipalityConflicts++;
      if (first.region === second.region) sameRegionPairs++;
      if (first.sizeClass === second.sizeClass) sameSizeClassPairs++;
    });
  }
  const sizes = groups.map((group) => memberIdsOf(group).length);
  return {
    repeatPairings: countRepeatPairings(groups, context.history ?? []),
    municipalityConflicts,
    sameRegionPairs,
    sameSizeClassPairs,
    sizeSpread: {
      smallest: sizes.reduce((least, size) => Math.min(least, size), sizes[0] ?? 0),
      largest: sizes.reduce((most, size) => Math.max(most, size), 0),
    },
  };
}

interface LockedGroup {
  readonly index: number;
  readonly memberIds: readonly string[];
}

function formAroundLocked(request: GroupFormationRequest, locked: readonly LockedGroup[]): GroupFormation {
  const groupSize = request.groupSize ?? DEFAULT_GROUP_SIZE;
  assertGroupSize(groupSize);
  const network = indexNetwork(request.leaders, request.history ?? []);
  const optedOut = new Set(request.optOuts ?? []);

  const lockedIds = new Set<string>();
  for (const group of locked) {
    for (const id of group.memberIds) {
      if (!network.indexOf.has(id))
        throw new RangeError(`Locked group ${group.index} names unknown leader ${id}`);
      if (lockedIds.has(id)) throw new RangeError(`Leader ${id} is in more than one locked group`);
      lockedIds.add(id);
    }
  }
  const keptGroups: PeerGroup[] = locked
    .map((group) => ({
      index: group.index,
      memberIds: group.memberIds.filter((id) => !optedOut.has(id)),
      locked: true,
    }))
    .filter((group) => group.memberIds.length > 0);

  const eligible: number[] = [];
  network.leaders.forEach((leader, position) => {
    if (!optedOut.has(leader.id) && !lockedIds.has(leader.id)) eligible.push(position);
  });

  const random = seededRandom(request.seed);
  const formed = formBalancedGroups(network, eligible, groupSize, random);

  const takenIndices = new Set(keptGroups.map((group) => group.index));
  let nextIndex = 0;
  const freshGroups: PeerGroup[] = formed.map((members) => {
    while (takenIndices.has(nextIndex)) nextIndex++;
    const memberIds = members.map((position) => network.leaders[position].id).sort(compareIds);
    return { index: nextIndex++, memberIds, locked: false };
  });

  const groups = [...keptGroups, ...freshGroups].sort((a, b) => a.index - b.index);
  return { groups, diagnostics: diagnoseGroups(groups, request) };
}

/** Leaders by position (sorted by id, so the input order does not matter), with integer attributes. */
interface IndexedNetwork {
  readonly leaders: readonly Leader[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly municipality: Int32Array;
  readonly region: Int32Array;
  readonly sizeClass: Int32Array;
  readonly municipalityCount: number;
  readonly regionCount: number;
  readonly sizeClassCount: number;
  /** For each leader, the other leaders met earlier in the round and how many times. */
  readonly meetings: readonly (readonly [other: number, times: number][])[];
}

function indexNetwork(input: readonly Leader[], history: readonly Grouping[]): IndexedNetwork {
  const leaders = [...input].sort((a, b) => compareIds(a.id, b.id));
  const indexOf = new Map<string, number>();
  leaders.forEach((leader, position) => {
    if (indexOf.has(leader.id)) throw new RangeError(`Leader ${leader.id} is listed twice`);
    indexOf.set(leader.id, position);
  });
  const encode = (attribute: (leader: Leader) => string): { codes: Int32Array; count: number } => {
    const seen = new Map<string, number>();
    const codes = Int32Array.from(leaders, (leader) => {
      const value = attribute(leader);
      let code = seen.get(value);
      if (code === undefined) {
        code = seen.size;
        seen.set(value, code);
      }
      return code;
    });
    return { codes, count: seen.size };
  };
  const met = leaders.map(() => new Map<number, number>());
  for (const grouping of history) {
    for (const group of grouping) {
      const known = [...new Set(group)].flatMap((id) => {
        const position = indexOf.get(id);
        return position === undefined ? [] : [position];
      });
      forEachPair(known, (a, b) => {
        met[a].set(b, (met[a].get(b) ?? 0) + 1);
        met[b].set(a, (met[b].get(a) ?? 0) + 1);
      });
    }
  }
  const municipality = encode((leader) => leader.municipalityId);
  const region = encode((leader) => leader.region);
  const sizeClass = encode((leader) => leader.sizeClass);
  return {
    leaders,
    indexOf,
    municipality: municipality.codes,
    region: region.codes,
    sizeClass: sizeClass.codes,
    municipalityCount: municipality.count,
    regionCount: region.count,
    sizeClassCount: sizeClass.count,
    meetings: met.map((others) => [...others]),
  };
}

/** Adds (or with -1 takes away) a leader's earlier meetings into a per-leader tally. */
function tallyMeetings(network: IndexedNetwork, leader: number, tally: Float64Array, sign: 1 | -1): void {
  for (const [other, times] of network.meetings[leader]) tally[other] += sign * times;
}

/**
 * Soft cost of a pair, with the repeat part read from a tally of the first leader's meetings
 * (array reads instead of map look-ups in the hot loops).
 */
function softCost(network: IndexedNetwork, a: number, b: number, metWithA: Float64Array): number {
  return (
    REPEAT_WEIGHT * metWithA[b] +
    (network.region[a] === network.region[b] ? REGION_WEIGHT : 0) +
    (network.sizeClass[a] === network.sizeClass[b] ? SIZE_CLASS_WEIGHT : 0)
  );
}

function sameMunicipality(network: IndexedNetwork, a: number, b: number): number {
  return network.municipality[a] === network.municipality[b] ? 1 : 0;
}

function formBalancedGroups(
  network: IndexedNetwork,
  eligible: readonly number[],
  groupSize: number,
  random: () => number,
): number[][] {
  const count = balancedGroupCount(eligible.length, groupSize);
  if (count === 0) return [];
  // Bigger groups first, exactly as dealing round-robin fills them.
  const capacities = Array.from(
    { length: count },
    (_, group) => Math.floor(eligible.length / count) + (group < eligible.length % count ? 1 : 0),
  );
  const order = mostConstrainedFirst(network, eligible, random);

  let groups = placeGreedily(network, order, capacities, random);
  // Dealing the municipality-ordered list round-robin spreads every municipality as evenly as
  // possible, which is the least number of same-municipality pairs. The greedy pass reaches it in
  // practice; should it ever not, start the search from the deal, since the search never adds
  // conflicts.
  const least = leastMunicipalityConflicts(network, eligible, count);
  if (municipalityConflictsOf(network, groups) > least) {
    groups = capacities.map(() => []);
    order.forEach((leader, position) => groups[position % count].push(leader));
  }
  improveBySwaps(network, groups, random);
  return groups;
}

/** Leaders of the municipalities with most leaders first, each municipality's leaders together. */
function mostConstrainedFirst(
  network: IndexedNetwork,
  eligible: readonly number[],
  random: () => number,
): number[] {
  const byMunicipality = new Map<number, number[]>();
  for (const leader of eligible) {
    const code = network.municipality[leader];
    const members = byMunicipality.get(code);
    if (members) members.push(leader);
    else byMunicipality.set(code, [leader]);
  }
  const municipalities = shuffle([...byMunicipality.values()], random).sort((a, b) => b.length - a.length);
  return municipalities.flatMap((members) => shuffle(members, random));
}

/**
 * Places each leader, in order, in the group with room that has the fewest colleagues from the same
 * municipality, then the most room left, then the lowest soft cost. Taking the roomiest groups first
 * is Ryser's rule for filling a 0-1 matrix with given row and column sums, so when no municipality
 * has more leaders than there are groups nobody shares a group with a colleague.
 */
function placeGreedily(
  network: IndexedNetwork,
  order: readonly number[],
  capacities: readonly number[],
  random: () => number,
): number[][] {
  const groups: number[][] = capacities.map(() => []);
  const tieBreak = shuffle(
    capacities.map((_, group) => group),
    random,
  );
  const metWithLeader = new Float64Array(network.leaders.length);
  for (const leader of order) {
    tallyMeetings(network, leader, metWithLeader, 1);
    let best = -1;
    let bestSame = 0;
    let bestRoom = 0;
    let bestSoft = 0;
    for (const group of tieBreak) {
      const members = groups[group];
      const room = capacities[group] - members.length;
      if (room <= 0) continue;
      let same = 0;
      let soft = 0;
      for (const member of members) {
        same += sameMunicipality(network, leader, member);
        soft += softCost(network, leader, member, metWithLeader);
      }
      const better =
        best < 0 ||
        same < bestSame ||
        (same === bestSame && (room > bestRoom || (room === bestRoom && soft < bestSoft)));
      if (better) {
        best = group;
        bestSame = same;
        bestRoom = room;
        bestSoft = soft;
      }
    }
    groups[best].push(leader);
    tallyMeetings(network, leader, metWithLeader, -1);
  }
  return groups;
}

/**
 * Local search by swapping two leaders of different groups, which keeps every size. Each pass visits
 * the leaders in a seeded order and makes the best improving swap with a member of a sample of other
 * groups; it stops after a pass without improvement or when the budget is spent.
 */
function improveBySwaps(network: IndexedNetwork, groups: number[][], random: () => number): void {
  const groupCount = groups.length;
  if (groupCount < 2) return;
  const size = network.leaders.length;
  const groupOf = new Int32Array(size);
  groups.forEach((members, group) => members.forEach((leader) => (groupOf[leader] = group)));

  // Each leader's conflicts and soft cost within their own group, kept current across swaps.
  const ownConflicts = new Int32Array(size);
  const ownSoft = new Float64Array(size);
  const metWithA = new Float64Array(size);
  const refresh = (group: number) => {
    const members = groups[group];
    for (const leader of members) {
      tallyMeetings(network, leader, metWithA, 1);
      let conflicts = 0;
      let soft = 0;
      for (const other of members) {
        if (other === leader) continue;
        conflicts += sameMunicipality(network, leader, other);
        soft += softCost(network, leader, other, metWithA);
      }
      tallyMeetings(network, leader, metWithA, -1);
      ownConflicts[leader] = conflicts;
      ownSoft[leader] = soft;
    }
  };
  for (let group = 0; group < groupCount; group++) refresh(group);

  // What a's group, without a, would make of a newcomer: tallies of its meetings, municipalities,
  // regions and size classes, so that pricing a partner b there takes constant time.
  const homeMet = new Float64Array(size);
  const homeMunicipalities = new Int32Array(network.municipalityCount);
  const homeRegions = new Int32Array(network.regionCount);
  const homeSizeClasses = new Int32Array(network.sizeClassCount);
  const tallyHome = (members: readonly number[], a: number, sign: 1 | -1) => {
    for (const y of members) {
      if (y === a) continue;
      tallyMeetings(network, y, homeMet, sign);
      homeMunicipalities[network.municipality[y]] += sign;
      homeRegions[network.region[y]] += sign;
      homeSizeClasses[network.sizeClass[y]] += sign;
    }
  };

  const everyone = groups.flat();
  const sampleAll = groupCount - 1 <= CANDIDATE_GROUPS_PER_LEADER;
  const tries = sampleAll ? groupCount : CANDIDATE_GROUPS_PER_LEADER;
  let budget = SEARCH_BUDGET;
  for (let pass = 0; pass < MAX_SEARCH_PASSES && budget > 0; pass++) {
    let improved = false;
    for (const a of shuffle(everyone, random)) {
      const aConflicts = ownConflicts[a];
      const aSoft = ownSoft[a];
      if (aConflicts === 0 && aSoft === 0) continue;
      const home = groupOf[a];
      const homeMembers = groups[home];
      tallyMeetings(network, a, metWithA, 1);
      tallyHome(homeMembers, a, 1);
      let bestPartner = -1;
      let bestConflictDelta = 0;
      let bestSoftDelta = 0;
      for (let attempt = 0; attempt < tries; attempt++) {
        const away = sampleAll ? attempt : Math.floor(random() * groupCount);
        if (away === home) continue;
        const awayMembers = groups[away];
        let aAwayConflicts = 0;
        let aAwaySoft = 0;
        for (const x of awayMembers) {
          aAwayConflicts += sameMunicipality(network, a, x);
          aAwaySoft += softCost(network, a, x, metWithA);
        }
        for (const b of awayMembers) {
          const bHomeConflicts = homeMunicipalities[network.municipality[b]];
          const bHomeSoft =
            REPEAT_WEIGHT * homeMet[b] +
            REGION_WEIGHT * homeRegions[network.region[b]] +
            SIZE_CLASS_WEIGHT * homeSizeClasses[network.sizeClass[b]];
          const conflictDelta =
            aAwayConflicts - sameMunicipality(network, a, b) - aConflicts + bHomeConflicts - ownConflicts[b];
          const softDelta = aAwaySoft - softCost(network, a, b, metWithA) - aSoft + bHomeSoft - ownSoft[b];
          if (
            conflictDelta < bestConflictDelta ||
            (conflictDelta === bestConflictDelta && softDelta < bestSoftDelta)
          ) {
            bestPartner = b;
            bestConflictDelta = conflictDelta;
            bestSoftDelta = softDelta;
          }
        }
        budget -= 2 * awayMembers.length;
      }
      tallyMeetings(network, a, metWithA, -1);
      tallyHome(homeMembers, a, -1);
      if (bestPartner >= 0) {
        const away = groupOf[bestPartner];
        homeMembers[homeMembers.indexOf(a)] = bestPartner;
        groups[away][groups[away].indexOf(bestPartner)] = a;
        groupOf[a] = away;
        groupOf[bestPartner] = home;
        refresh(home);
        refresh(away);
        improved = true;
      }
      if (budget <= 0) break;
    }
    if (!improved) break;
  }
}

function municipalityConflictsOf(network: IndexedNetwork, groups: readonly (readonly number[])[]): number {
  let conflicts = 0;
  for (const members of groups)
    forEachPair(members, (a, b) => (conflicts += sameMunicipality(network, a, b)));
  return conflicts;
}

/** Same-municipality pairs when each municipality is spread as evenly as possible over the groups. */
function leastMunicipalityConflicts(
  network: IndexedNetwork,
  eligible: readonly number[],
  groupCount: number,
): number {
  const counts = new Map<number, number>();
  for (const leader of eligible) {
    const code = network.municipality[leader];
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let least = 0;
  for (const count of counts.values()) {
    const perGroup = Math.floor(count / groupCount);
    const withOneMore = count % groupCount;
    least += withOneMore * pairsAmong(perGroup + 1) + (groupCount - withOneMore) * pairsAmong(perGroup);
  }
  return least;
}

function pairsAmong(people: number): number {
  return (people * (people - 1)) / 2;
}

function forEachPair<T>(members: readonly T[], visit: (a: T, b: T) => void): void {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) visit(members[i], members[j]);
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function memberIdsOf(group: PeerGroup | readonly string[]): readonly string[] {
  return 'memberIds' in group ? group.memberIds : group;
}

/** Code-unit order, independent of the runtime's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fisher-Yates on a copy. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function assertGroupSize(groupSize: number): void {
  if (!Number.isInteger(groupSize) || groupSize < 2) {
    throw new RangeError(`Group size must be a whole number of at least 2, not ${groupSize}`);
  }
}
