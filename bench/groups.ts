/**
 * Benchmark of the peer-discussion group formation: 2,000 leaders from 300 municipalities, groups of
 * five, the three discussions of one round each using the earlier ones as history, beside the naive
 * shuffle-and-cut baseline. Run with `npm run bench:groups`.
 */
import { performance } from 'node:perf_hooks';
import { sizeClassFor } from '../bot/src/shared/municipality';
import type { Grouping, GroupingDiagnostics, Leader, PeerGroup } from '../bot/src/groups/group-formation';
import { diagnoseGroups, formGroups, randomGrouping, seededRandom } from '../bot/src/groups/group-formation';

const LEADER_COUNT = 2000;
const MUNICIPALITY_COUNT = 300;
const GROUP_SIZE = 5;
const ROUNDS = 3;
const SEED = 'digiverkosto-bench';

// Regions weighted by roughly how many municipalities each has.
const REGIONS: readonly [region: string, municipalities: number][] = [
  ['Uusimaa', 26],
  ['Varsinais-Suomi', 27],
  ['Satakunta', 16],
  ['Kanta-Häme', 11],
  ['Pirkanmaa', 23],
  ['Päijät-Häme', 10],
  ['Kymenlaakso', 6],
  ['Etelä-Karjala', 9],
  ['Etelä-Savo', 12],
  ['Pohjois-Savo', 19],
  ['Pohjois-Karjala', 13],
  ['Keski-Suomi', 22],
  ['Etelä-Pohjanmaa', 18],
  ['Pohjanmaa', 14],
  ['Keski-Pohjanmaa', 8],
  ['Pohjois-Pohjanmaa', 30],
  ['Kainuu', 8],
  ['Lappi', 21],
  ['Ahvenanmaa', 16],
];

interface BenchMunicipality {
  readonly id: string;
  readonly region: string;
  readonly population: number;
}

/** Populations spread like Finland's (median around 6,000, a few cities over 100,000). */
function benchNetwork(): Leader[] {
  const random = seededRandom(SEED);
  const totalWeight = REGIONS.reduce((sum, [, weight]) => sum + weight, 0);
  const pickRegion = (): string => {
    let ticket = random() * totalWeight;
    for (const [region, weight] of REGIONS) {
      ticket -= weight;
      if (ticket < 0) return region;
    }
    return REGIONS[REGIONS.length - 1][0];
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const municipalities: BenchMunicipality[] = Array.from({ length: MUNICIPALITY_COUNT }, (_, index) => ({
    id: `kunta-${String(index + 1).padStart(3, '0')}`,
    region: pickRegion(),
    population: Math.round(Math.min(700_000, Math.max(700, Math.exp(8.7 + 1.25 * normal())))),
  }));

  // Bigger municipalities send more of their top management; shares scaled to exactly LEADER_COUNT.
  const weights = municipalities.map((municipality) => Math.max(1, Math.log2(municipality.population / 500)));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => (weight * LEADER_COUNT) / weightSum);
  const counts = shares.map((share) => Math.max(1, Math.floor(share)));
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder);
  let missing = LEADER_COUNT - counts.reduce((sum, count) => sum + count, 0);
  for (let i = 0; missing > 0; i = (i + 1) % byRemainder.length, missing--) counts[byRemainder[i].index]++;

  return municipalities.flatMap((municipality, index) =>
    Array.from({ length: counts[index] }, (_, seat) => ({
      id: `${municipality.id}-johto-${seat + 1}`,
      municipalityId: municipality.id,
      sizeClass: sizeClassFor(municipality.population),
      region: municipality.region,
    })),
  );
}

interface RoundResult {
  readonly round: number;
  readonly method: string;
  readonly milliseconds: number;
  readonly groups: number;
  readonly placed: number;
  readonly diagnostics: GroupingDiagnostics;
}

function toGrouping(groups: readonly PeerGroup[]): Grouping {
  return groups.map((group) => group.memberIds);
}

function runRounds(
  leaders: readonly Leader[],
  method: string,
  form: (history: readonly Grouping[], round: number) => readonly PeerGroup[],
): RoundResult[] {
  const history: Grouping[] = [];
  const results: RoundResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const started = performance.now();
    const groups = form(history, round);
    const milliseconds = performance.now() - started;
    results.push({
      round,
      method,
      milliseconds,
      groups: groups.length,
      placed: groups.reduce((sum, group) => sum + group.memberIds.length, 0),
      diagnostics: diagnoseGroups(groups, { leaders, history }),
    });
    history.push(toGrouping(groups));
  }
  return results;
}

function main(): void {
  const leaders = benchNetwork();
  const municipalityCount = new Set(leaders.map((leader) => leader.municipalityId)).size;
  const largestMunicipality = Math.max(
    ...Object.values(
      leaders.reduce<Record<string, number>>((counts, leader) => {
        counts[leader.municipalityId] = (counts[leader.municipalityId] ?? 0) + 1;
        return counts;
      }, {}),
    ),
  );
  console.log(
    `${leaders.length} leaders from ${municipalityCount} municipalities (largest sends ${largestMunicipality}), ` +
      `group size ${GROUP_SIZE}, ${ROUNDS} discussions\n`,
  );

  const formed = runRounds(
    leaders,
    'formGroups',
    (history, round) =>
      formGroups({ leaders, groupSize: GROUP_SIZE, seed: `${SEED}-${round}`, history }).groups,
  );
  const random = runRounds(leaders, 'random', (_history, round) =>
    randomGrouping(leaders, GROUP_SIZE, `${SEED}-${round}`),
  );

  const rows = [...formed, ...random]
    .sort((a, b) => a.round - b.round)
    .map((result) => ({
      round: result.round,
      method: result.method,
      ms: result.milliseconds.toFixed(0),
      groups: result.groups,
      placed: result.placed,
      sizes: `${result.diagnostics.sizeSpread.smallest}-${result.diagnostics.sizeSpread.largest}`,
      repeats: result.diagnostics.repeatPairings,
      'same municipality': result.diagnostics.municipalityConflicts,
      'same region': result.diagnostics.sameRegionPairs,
      'same size class': result.diagnostics.sameSizeClassPairs,
    }));
  console.table(rows);

  const total = (results: readonly RoundResult[], pick: (result: RoundResult) => number) =>
    results.reduce((sum, result) => sum + pick(result), 0);
  console.log(
    `Totals over the round: formGroups ${total(formed, (r) => r.diagnostics.repeatPairings)} repeats, ` +
      `${total(formed, (r) => r.diagnostics.municipalityConflicts)} same-municipality pairs, ` +
      `${total(formed, (r) => r.milliseconds).toFixed(0)} ms; random ` +
      `${total(random, (r) => r.diagnostics.repeatPairings)} repeats, ` +
      `${total(random, (r) => r.diagnostics.municipalityConflicts)} same-municipality pairs.`,
  );
}

main();
