import fc from 'fast-check';
import type { Grouping, Leader, PeerGroup } from '../../bot/src/groups/group-formation';
import {
  balancedGroupCount,
  countRepeatPairings,
  diagnoseGroups,
  formGroups,
  moveMember,
  randomGrouping,
  reformUnlockedGroups,
} from '../../bot/src/groups/group-formation';

const SIZE_CLASSES = ['under5k', '5to20k', '20to50k', '50to100k', 'over100k'];
const REGIONS = ['Uusimaa', 'Pirkanmaa', 'Varsinais-Suomi', 'Pohjois-Pohjanmaa', 'Keski-Suomi', 'Lappi'];

function leaderOf(index: number, municipality: number): Leader {
  return {
    id: `johtaja-${index}`,
    municipalityId: `kunta-${municipality}`,
    sizeClass: SIZE_CLASSES[municipality % SIZE_CLASSES.length],
    region: REGIONS[(municipality * 7) % REGIONS.length],
  };
}

interface NetworkCase {
  readonly leaders: Leader[];
  readonly groupSize: number;
  readonly seed: number;
  readonly optOuts: string[];
  readonly lockedGroups: string[][];
}

/**
 * Networks of 1..400 leaders over 1..80 municipalities; municipality 0 is often much bigger than
 * the rest, so that both sides of the one-per-municipality rule get exercised.
 */
const networkArbitrary = (options: { withLockedAndOptOuts: boolean }): fc.Arbitrary<NetworkCase> =>
  fc
    .record({
      municipalities: fc.integer({ min: 1, max: 80 }),
      picks: fc.array(
        fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.nat() }),
        { minLength: 1, maxLength: 400, size: 'max' },
      ),
      groupSize: fc.integer({ min: 3, max: 8 }),
      seed: fc.integer(),
      optOutPicks: fc.array(fc.nat(), { maxLength: options.withLockedAndOptOuts ? 20 : 0 }),
      lockedPicks: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), {
        maxLength: options.withLockedAndOptOuts ? 3 : 0,
      }),
    })
    .map(({ municipalities, picks, groupSize, seed, optOutPicks, lockedPicks }) => {
      const leaders = picks.map((pick, index) => leaderOf(index, pick % municipalities));
      const idAt = (pick: number) => leaders[pick % leaders.length].id;
      const used = new Set<string>();
      const lockedGroups = lockedPicks
        .map((group) =>
          [...new Set(group.map(idAt))].filter((id) => {
            if (used.has(id)) return false;
            used.add(id);
            return true;
          }),
        )
        .filter((group) => group.length > 0);
      return { leaders, groupSize, seed, optOuts: [...new Set(optOutPicks.map(idAt))], lockedGroups };
    });

const allIds = (groups: readonly PeerGroup[]) => groups.flatMap((group) => group.memberIds);
const formedGroups = (groups: readonly PeerGroup[]) => groups.filter((group) => !group.locked);

function municipalityCounts(leaders: readonly Leader[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const leader of leaders)
    counts.set(leader.municipalityId, (counts.get(leader.municipalityId) ?? 0) + 1);
  return counts;
}

/** Same-municipality pairs when every municipality is spread as evenly as possible over the groups. */
function fewestPossibleConflicts(leaders: readonly Leader[], groupCount: number): number {
  const pairs = (people: number) => (people * (people - 1)) / 2;
  let fewest = 0;
  for (const count of municipalityCounts(leaders).values()) {
    const base = Math.floor(count / groupCount);
    const extra = count % groupCount;
    fewest += extra * pairs(base + 1) + (groupCount - extra) * pairs(base);
  }
  return fewest;
}

/** Three successive discussions, each using the earlier ones as history. */
function threeDiscussions(
  form: (history: readonly Grouping[], round: number) => readonly PeerGroup[],
): number {
  const history: Grouping[] = [];
  let repeats = 0;
  for (let round = 1; round <= 3; round++) {
    const groups = form(history, round);
    repeats += countRepeatPairings(groups, history);
    history.push(groups.map((group) => group.memberIds));
  }
  return repeats;
}

describe('peer discussion group formation', () => {
  it('places every leader who has not opted out exactly once, and nobody who has', () => {
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: true }), (network) => {
        const { groups } = formGroups(network);
        const placed = allIds(groups);
        const optedOut = new Set(network.optOuts);
        const expected = network.leaders.map((leader) => leader.id).filter((id) => !optedOut.has(id));
        expect([...placed].sort()).toEqual([...expected].sort());
        expect(placed.filter((id) => optedOut.has(id))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('forms groups whose sizes differ by at most one and leaves nobody alone', () => {
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: true }), (network) => {
        const { groups } = formGroups(network);
        const sizes = formedGroups(groups).map((group) => group.memberIds.length);
        const placedInFormed = sizes.reduce((sum, size) => sum + size, 0);
        expect(sizes.length).toBe(balancedGroupCount(placedInFormed, network.groupSize));
        if (sizes.length > 0) {
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          if (placedInFormed > 1) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never seats two leaders of one municipality together when the numbers allow, and otherwise as few as possible', () => {
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: false }), (network) => {
        const { groups, diagnostics } = formGroups(network);
        const largestMunicipality = Math.max(...municipalityCounts(network.leaders).values());
        if (largestMunicipality <= groups.length) {
          expect(diagnostics.municipalityConflicts).toBe(0);
        } else {
          expect(diagnostics.municipalityConflicts).toBe(
            fewestPossibleConflicts(network.leaders, groups.length),
          );
        }
      }),
      { numRuns: 80 },
    );
  });

  it('keeps locked groups as they were, less anyone who has opted out', () => {
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: true }), (network) => {
        const { groups } = formGroups(network);
        const optedOut = new Set(network.optOuts);
        const expected = network.lockedGroups
          .map((members) => members.filter((id) => !optedOut.has(id)))
          .filter((members) => members.length > 0);
        expect(groups.filter((group) => group.locked).map((group) => group.memberIds)).toEqual(expected);
        expect(groups.map((group) => group.index)).toEqual(groups.map((_, position) => position));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same groups for the same seed and input, whatever the order of the leader list', () => {
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: true }), (network) => {
        const first = formGroups(network);
        expect(formGroups(network)).toEqual(first);
        expect(formGroups({ ...network, leaders: [...network.leaders].reverse() })).toEqual(first);
      }),
      { numRuns: 30 },
    );
  });

  it('reports diagnostics that match the groups', () => {
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: true }), fc.integer(), (network, historySeed) => {
        const history = [
          randomGrouping(network.leaders, network.groupSize, historySeed).map((g) => g.memberIds),
        ];
        const { groups, diagnostics } = formGroups({ ...network, history });
        expect(diagnostics).toEqual(diagnoseGroups(groups, { leaders: network.leaders, history }));
        expect(diagnostics.repeatPairings).toBe(countRepeatPairings(groups, history));
      }),
      { numRuns: 30 },
    );
  });

  it('meets far fewer of the same people again over three discussions than random assignment', () => {
    let formedRepeats = 0;
    let randomRepeats = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const pick = fc.sample(fc.array(fc.nat({ max: 29 }), { minLength: 100, maxLength: 100 }), {
        seed,
        numRuns: 1,
      })[0];
      const leaders = pick.map((municipality, index) => leaderOf(index, municipality));
      formedRepeats += threeDiscussions(
        (history, round) => formGroups({ leaders, groupSize: 5, seed: `${seed}/${round}`, history }).groups,
      );
      randomRepeats += threeDiscussions((_history, round) => randomGrouping(leaders, 5, `${seed}/${round}`));
    }
    expect(randomRepeats).toBeGreaterThan(50);
    expect(formedRepeats).toBeLessThan(randomRepeats);
    expect(formedRepeats * 10).toBeLessThanOrEqual(randomRepeats);
  });

  it('avoids repeats over three discussions for random networks in aggregate', () => {
    let formedRepeats = 0;
    let randomRepeats = 0;
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: false }), (network) => {
        formedRepeats += threeDiscussions(
          (history, round) => formGroups({ ...network, seed: `${network.seed}/${round}`, history }).groups,
        );
        randomRepeats += threeDiscussions((_history, round) =>
          randomGrouping(network.leaders, network.groupSize, `${network.seed}/${round}`),
        );
      }),
      { numRuns: 25, seed: 2024 },
    );
    expect(formedRepeats).toBeLessThan(randomRepeats);
  });

  it('moves one member to another group and recounts the diagnostics', () => {
    fc.assert(
      fc.property(
        networkArbitrary({ withLockedAndOptOuts: false }),
        fc.nat(),
        fc.nat(),
        (network, who, where) => {
          const { groups } = formGroups(network);
          fc.pre(groups.length >= 2);
          const memberId = allIds(groups)[who % allIds(groups).length];
          const target = groups[where % groups.length];
          const moved = moveMember(groups, memberId, target.index, { leaders: network.leaders });
          const after = moved.groups.find((group) => group.memberIds.includes(memberId));
          expect(after?.index).toBe(target.index);
          expect(allIds(moved.groups).filter((id) => id === memberId)).toHaveLength(1);
          expect([...allIds(moved.groups)].sort()).toEqual([...allIds(groups)].sort());
          for (const group of moved.groups) {
            const before = groups.find((candidate) => candidate.index === group.index);
            const others = (ids: readonly string[]) => ids.filter((id) => id !== memberId);
            expect(others(group.memberIds)).toEqual(others(before?.memberIds ?? []));
          }
          expect(moved.diagnostics).toEqual(diagnoseGroups(moved.groups, { leaders: network.leaders }));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses to move someone who is in no group, or into a group that does not exist', () => {
    const leaders = Array.from({ length: 10 }, (_, index) => leaderOf(index, index));
    const { groups } = formGroups({ leaders, seed: 1 });
    expect(() => moveMember(groups, 'nobody', 0, { leaders })).toThrow(RangeError);
    expect(() => moveMember(groups, 'johtaja-1', 99, { leaders })).toThrow(RangeError);
  });

  it('drops a group its last member leaves, keeping the other numbers', () => {
    const leaders = Array.from({ length: 7 }, (_, index) => leaderOf(index, index));
    const groups: PeerGroup[] = [
      { index: 0, memberIds: ['johtaja-0', 'johtaja-1', 'johtaja-2'], locked: false },
      { index: 1, memberIds: ['johtaja-3'], locked: true },
      { index: 2, memberIds: ['johtaja-4', 'johtaja-5', 'johtaja-6'], locked: false },
    ];
    const moved = moveMember(groups, 'johtaja-3', 2, { leaders });
    expect(moved.groups.map((group) => group.index)).toEqual([0, 2]);
    expect(moved.groups[1].memberIds).toEqual(['johtaja-4', 'johtaja-5', 'johtaja-6', 'johtaja-3']);
    expect(moved.diagnostics.sizeSpread).toEqual({ smallest: 3, largest: 4 });
  });

  it('re-forms only the unlocked groups, taking in newcomers and leaving out opt-outs', () => {
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: false }), fc.nat(), (network, lockPick) => {
        const first = formGroups(network).groups;
        fc.pre(first.length >= 2);
        const lockedIndex = first[lockPick % first.length].index;
        const current = first.map((group) => ({ ...group, locked: group.index === lockedIndex }));
        const newcomer = leaderOf(10_000, 10_000);
        const optOut = current.find((group) => !group.locked)?.memberIds[0] ?? '';
        const reformed = reformUnlockedGroups(current, {
          leaders: [...network.leaders, newcomer],
          groupSize: network.groupSize,
          seed: network.seed + 1,
          optOuts: [optOut],
        }).groups;
        expect(reformed.find((group) => group.index === lockedIndex)).toEqual(
          current.find((group) => group.index === lockedIndex),
        );
        const expected = [...network.leaders, newcomer]
          .map((leader) => leader.id)
          .filter((id) => id !== optOut);
        expect([...allIds(reformed)].sort()).toEqual(expected.sort());
        expect(new Set(reformed.map((group) => group.index)).size).toBe(reformed.length);
      }),
      { numRuns: 30 },
    );
  });

  it('cuts the random baseline into the same balanced sizes', () => {
    fc.assert(
      fc.property(networkArbitrary({ withLockedAndOptOuts: false }), (network) => {
        const groups = randomGrouping(network.leaders, network.groupSize, network.seed);
        const sizes = groups.map((group) => group.memberIds.length);
        expect(sizes.length).toBe(balancedGroupCount(network.leaders.length, network.groupSize));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect([...allIds(groups)].sort()).toEqual(network.leaders.map((leader) => leader.id).sort());
      }),
      { numRuns: 50 },
    );
  });

  it('chooses the group count whose sizes stay closest to the target', () => {
    const sizesFor = (n: number, size: number) => {
      const count = balancedGroupCount(n, size);
      return Array.from({ length: count }, (_, group) => Math.floor(n / count) + (group < n % count ? 1 : 0));
    };
    expect(sizesFor(0, 5)).toEqual([]);
    expect(sizesFor(1, 5)).toEqual([1]);
    expect(sizesFor(2, 5)).toEqual([2]);
    expect(sizesFor(7, 5)).toEqual([4, 3]);
    expect(sizesFor(10, 5)).toEqual([5, 5]);
    expect(sizesFor(11, 5)).toEqual([6, 5]);
    expect(sizesFor(12, 5)).toEqual([4, 4, 4]);
    expect(sizesFor(13, 5)).toEqual([5, 4, 4]);
    expect(sizesFor(2000, 5)).toHaveLength(400);
  });

  it('counts a pair that met in any earlier discussion once', () => {
    const history: Grouping[] = [
      [['a', 'b', 'c']],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ];
    expect(
      countRepeatPairings(
        [
          ['a', 'b', 'd'],
          ['c', 'e'],
        ],
        history,
      ),
    ).toBe(1);
    expect(countRepeatPairings([['b', 'c', 'd']], history)).toBe(2);
  });

  it('rejects a group size below two, duplicate leaders and locked groups naming strangers', () => {
    const leaders = [leaderOf(1, 1), leaderOf(2, 2), leaderOf(3, 3)];
    expect(() => formGroups({ leaders, seed: 1, groupSize: 1 })).toThrow(RangeError);
    expect(() => formGroups({ leaders: [...leaders, leaderOf(1, 4)], seed: 1 })).toThrow(RangeError);
    expect(() => formGroups({ leaders, seed: 1, lockedGroups: [['johtaja-1', 'stranger']] })).toThrow(
      RangeError,
    );
    expect(() =>
      formGroups({ leaders, seed: 1, lockedGroups: [['johtaja-1'], ['johtaja-1', 'johtaja-2']] }),
    ).toThrow(RangeError);
  });
});
