/**
 * Benchmark of topic wish poll answers through the real bot. Three processes: Azurite (in memory),
 * the bot (bench/polls-server.ts: `createApp` with restify and every middleware, plus two floor card
 * actions) and this one, the load client, with a fixed pool of warm keep-alive connections.
 *
 * Each run reports, for every phase, throughput, p50/p95/p99/max, storage calls and 412s per turn,
 * and CPU ms per turn of the bot, Azurite and the load client:
 * - floors: a no-op card action through the full middleware, and one that makes a single storage read;
 * - closed loop (`--concurrency` always in flight): first answers, then changes by the same people,
 *   and the `ohje` message (whose per-turn writes are counted by kind); then first answers and
 *   changes again with the participant look-up served from a never-expiring map (a bench-only
 *   check that the wired cache, `ParticipantRepository.recent`, leaves nothing on the table);
 * - open loop: answers arriving at fixed rates (`--rates`), then at twice the highest throughput
 *   seen, to show whether throughput holds past saturation;
 * - exactness: each poll's sharded tally against a recount of its stored answers;
 * - results of a poll with 10,000 answers through the tab API, cold (first read) and warm.
 * With `--runs 3` (the default) every figure is also given as the median of the runs; `--json FILE`
 * writes them all, `--profile DIR` writes CPU profiles of the bot during the no-op floor and the
 * first answers with the participant look-up from memory.
 *
 *   npx tsx bench/polls.ts [--runs 3] [--n 1000] [--concurrency 100] [--rates 100,200,400,650]
 *                          [--step-seconds 4] [--results-answers 10000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { VERBS } from '../bot/src/shared/cards/verbs';
import type { WishPollResultsView } from '../bot/src/polls/wish-poll-contracts';
import { startAzurite, type AzuriteProcess } from '../scripts/lib/azurite';
import { BotConnectorEmulator } from '../tests/emulators/bot-connector-emulator';
import { LoadClient, median, percentile, type Reply, type RunResult } from './lib/load';
import {
  answerData,
  COORDINATOR,
  FLOOR_VERBS,
  invoke,
  message,
  person,
  random,
  TENANT,
} from './lib/polls-people';
import type { BotCommand, BotMessage, StorageCounts, TallyCheck } from './lib/polls-protocol';
import { processCpuMs } from './lib/process-cpu';

function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

function listOption(name: string, fallback: readonly number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return [...fallback];
  const values = (process.argv[index + 1] ?? '').split(',').map(Number);
  if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error(`--${name} takes positive whole numbers separated by commas`);
  }
  return values;
}

const RUNS = numberOption('runs', 3);
const N = numberOption('n', 1000);
const CONCURRENCY = numberOption('concurrency', 100);
const RATES = listOption('rates', [100, 200, 400, 650]);
const STEP_SECONDS = numberOption('step-seconds', 4);
const RESULT_ANSWERS = numberOption('results-answers', 10_000);
/**
 * The latency phases see a network of 2 × N people (the real one has a few hundred): Azurite finds
 * a row by scanning its partition, so a larger roster or poll would make every point read slower
 * there than in Table Storage. The rest of the people for the results poll are added afterwards.
 */
const PEOPLE = 2 * N;
const FLOOR_N = 2 * N;
/** `--json FILE`: every figure of every run, and the medians, as JSON. */
const JSON_FILE = (() => {
  const index = process.argv.indexOf('--json');
  return index >= 0 ? path.resolve(process.argv[index + 1] ?? 'bench-polls.json') : undefined;
})();
/** `--profile DIR`: CPU profiles of the bot during the answer phases, for DevTools. */
const PROFILE_DIR = (() => {
  const index = process.argv.indexOf('--profile');
  return index >= 0 ? path.resolve(process.argv[index + 1] ?? '.') : undefined;
})();

/** One phase of one run, with everything measured around it. */
interface Phase {
  readonly name: string;
  readonly count: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly failures: number;
  readonly newConnections: number;
  readonly callsPerTurn: number;
  readonly conflictsPerTurn: number;
  readonly botCpuMs: number;
  readonly azuriteCpuMs: number;
  readonly loadCpuMs: number;
  readonly kinds: Readonly<Record<string, number>>;
  readonly offeredRate?: number;
  readonly sentRate?: number;
}

interface RunFigures {
  readonly phases: Phase[];
  readonly checks: TallyCheck[];
  readonly resultsCold: number;
  readonly resultsWarm: number;
  readonly resultsRespondents: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

/** The bot process and a request/answer channel to it. */
interface BotProcess {
  readonly port: number;
  readonly pid: number;
  call<T>(command: BotCommand): Promise<T>;
  stop(): Promise<void>;
}

async function startBot(connectionString: string): Promise<BotProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-deprecation', '--import', 'tsx', path.join(__dirname, 'polls-server.ts')],
    {
      env: { ...process.env, BENCH_STORAGE_CONNECTION_STRING: connectionString },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<{ port: number; pid: number }>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the bot process exited (${code ?? 'signal'}) before it was ready`)),
    );
    child.on('message', (raw: BotMessage) => {
      if (raw.kind === 'ready') {
        resolve({ port: raw.port, pid: raw.pid });
        return;
      }
      const waiting = pending.get(raw.id);
      if (!waiting) return;
      pending.delete(raw.id);
      if (raw.ok) waiting.resolve(raw.result);
      else waiting.reject(new Error(`bot process: ${raw.error}`));
    });
  });
  const { port, pid } = await ready;
  return {
    port,
    pid,
    call: <T>(command: BotCommand) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId;
        nextId += 1;
        pending.set(id, { resolve: (value) => resolve(value as T), reject });
        child.send({ id, command });
      }),
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const id = nextId;
      nextId += 1;
      child.send({ id, command: { op: 'stop' } });
      const timer = setTimeout(() => child.kill('SIGTERM'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const answered = (reply: Reply): boolean =>
  reply.status === 200 && reply.text.includes('"statusCode":200') && reply.text.includes('Kiitos!');
const invokeOk = (reply: Reply): boolean => reply.status === 200 && reply.text.includes('"statusCode":200');
const messageOk = (reply: Reply): boolean => reply.status >= 200 && reply.status < 300;

async function runOnce(run: number): Promise<RunFigures> {
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  const azurite: AzuriteProcess = await startAzurite();
  const connector = new BotConnectorEmulator({
    defaultTenantId: TENANT,
    perConversationLimits: [],
    perTenantLimits: [],
  });
  const serviceUrl = (await connector.start()).url;
  const bot = await startBot(azurite.connectionString);
  const client = new LoadClient(bot.port, CONCURRENCY);
  const azuritePid = azurite.child.pid ?? -1;
  const phases: Phase[] = [];
  const say = (text: string): void => {
    process.stdout.write(text);
  };
  try {
    say(
      `\nRun ${run} of ${RUNS} (load average ${loadBefore.toFixed(2)}): seeding ${PEOPLE} participants and the polls…\n`,
    );
    await bot.call({ op: 'seedParticipants', from: 0, to: PEOPLE });
    const polls = ['bench-warmup', 'bench-closed', 'bench-closed-cached', 'bench-results'];
    for (const pollId of polls) await bot.call({ op: 'createPoll', pollId });
    await client.warm();

    const choose = random(7 + run);
    const range = (from: number, count: number): number[] =>
      Array.from({ length: count }, (_, offset) => (from + offset) % PEOPLE);
    const invokes = (
      people: readonly number[],
      verb: string,
      data: (index: number) => Record<string, unknown>,
    ) => people.map((index) => JSON.stringify(invoke(serviceUrl, person(index), verb, data(index))));
    const answers = (people: readonly number[], pollId: string) =>
      invokes(people, VERBS.pollAnswer, () => answerData(choose, pollId));

    const measure = async (runPhase: () => Promise<RunResult>, profileName?: string): Promise<Phase> => {
      await client.warm();
      const profileFile =
        PROFILE_DIR && profileName
          ? path.join(PROFILE_DIR, `run${run}-${profileName}.cpuprofile`)
          : undefined;
      if (profileFile) await bot.call({ op: 'profile', file: undefined });
      await bot.call({ op: 'counters', reset: true });
      const botBefore = processCpuMs(bot.pid);
      const azuriteBefore = processCpuMs(azuritePid);
      const loadBefore = process.cpuUsage();
      const result = await runPhase();
      const loadUsed = process.cpuUsage(loadBefore);
      const botCpu = processCpuMs(bot.pid) - botBefore;
      const azuriteCpu = processCpuMs(azuritePid) - azuriteBefore;
      const counts = await bot.call<StorageCounts>({ op: 'counters', reset: true });
      if (profileFile) await bot.call({ op: 'profile', file: profileFile });
      const phase: Phase = {
        name: result.name,
        count: result.count,
        perSecond: result.count / result.seconds,
        p50: percentile(result.latencies, 50),
        p95: percentile(result.latencies, 95),
        p99: percentile(result.latencies, 99),
        max: Math.max(...result.latencies),
        failures: result.failures,
        newConnections: result.newConnections,
        callsPerTurn: counts.calls / result.count,
        conflictsPerTurn: counts.conflicts412 / result.count,
        botCpuMs: botCpu / result.count,
        azuriteCpuMs: azuriteCpu / result.count,
        loadCpuMs: (loadUsed.user + loadUsed.system) / 1000 / result.count,
        kinds: Object.fromEntries(
          Object.entries(counts.byKind).map(([kind, calls]) => [kind, calls / result.count]),
        ),
        ...(result.offeredRate !== undefined
          ? { offeredRate: result.offeredRate, sentRate: result.sentRate }
          : {}),
      };
      phases.push(phase);
      say(`${phaseLine(phase)}\n`);
      return phase;
    };

    // Warm-up (JIT, table clients, the poll caches); not reported.
    const warmPeople = range(N, N);
    await client.closedLoop(
      'warm-up',
      '/api/messages',
      answers(warmPeople, 'bench-warmup'),
      CONCURRENCY,
      () => true,
    );
    await client.closedLoop(
      'warm-up',
      '/api/messages',
      invokes(warmPeople, FLOOR_VERBS.noop, () => ({})),
      CONCURRENCY,
      () => true,
    );
    await client.closedLoop(
      'warm-up',
      '/api/messages',
      invokes(warmPeople, FLOOR_VERBS.oneRead, () => ({})),
      CONCURRENCY,
      () => true,
    );

    say(`\nClosed loop, ${CONCURRENCY} in flight, ${CONCURRENCY} warm keep-alive connections\n${HEADER}\n`);
    const closed = (name: string, bodies: string[], check: (reply: Reply) => boolean, profileName?: string) =>
      measure(() => client.closedLoop(name, '/api/messages', bodies, CONCURRENCY, check), profileName);
    await closed(
      'floor: no-op card action',
      invokes(range(0, FLOOR_N), FLOOR_VERBS.noop, () => ({})),
      invokeOk,
      'floor-noop',
    );
    await closed(
      'floor: one storage read',
      invokes(range(FLOOR_N, FLOOR_N), FLOOR_VERBS.oneRead, () => ({})),
      invokeOk,
    );
    await closed('answer, first', answers(range(0, N), 'bench-closed'), answered);
    await closed('answer, changed', answers(range(0, N), 'bench-closed'), answered);
    await closed(
      '`ohje` message (reply via connector)',
      range(N, N).map((index) => JSON.stringify(message(serviceUrl, person(index), 'ohje'))),
      messageOk,
    );
    await bot.call({ op: 'participantCache', on: true });
    await closed(
      'answer, first, participant cached*',
      answers(range(N, N), 'bench-closed-cached'),
      answered,
      'answer-first-cached',
    );
    await closed(
      'answer, changed, participant cached*',
      answers(range(N, N), 'bench-closed-cached'),
      answered,
    );
    await bot.call({ op: 'participantCache', on: false });

    // Each step answers a poll of its own, so no step's partition outgrows the network (see PEOPLE).
    let cursor = 0;
    const openPolls: string[] = [];
    const openStep = async (rate: number, label: string): Promise<Phase> => {
      const count = Math.round(rate * STEP_SECONDS);
      const people = range(cursor, count);
      cursor = (cursor + count) % PEOPLE;
      const pollId = `bench-open-${openPolls.length + 1}`;
      openPolls.push(pollId);
      await bot.call({ op: 'createPoll', pollId });
      const bodies = answers(people, pollId);
      return measure(() => client.openLoop(label, '/api/messages', bodies, rate, answered));
    };
    const openSeries = async (cached: boolean): Promise<void> => {
      const mark = cached ? ', participant cached*' : '';
      say(
        `\nOpen loop${mark}: answers arriving at fixed rates for ${STEP_SECONDS} s each (first answers, and changes where a step has more answers than the network has people)\n${HEADER}\n`,
      );
      await bot.call({ op: 'participantCache', on: cached });
      const series: Phase[] = [];
      for (const rate of RATES) series.push(await openStep(rate, `open ${rate}/s${mark}`));
      const first = phases.find((phase) => phase.name === `answer, first${mark}`);
      const peak = Math.max(first?.perSecond ?? 0, ...series.map((phase) => phase.perSecond));
      const overload = Math.round(2 * peak);
      await openStep(overload, `open 2 × peak (${overload}/s)${mark}`);
      await bot.call({ op: 'participantCache', on: false });
    };
    await openSeries(false);
    await openSeries(true);

    say("\nExactness: each poll's sharded tally against a recount of its stored answers\n");
    const checks: TallyCheck[] = [];
    const check = async (pollId: string): Promise<void> => {
      const result = await bot.call<TallyCheck>({ op: 'tallyCheck', pollId });
      checks.push(result);
      say(
        `  ${pollId}: ${result.respondents} respondents, ${result.storedAnswers} stored answers, recount ${result.equal ? 'equal' : 'DIFFERENT'}\n`,
      );
    };
    for (const pollId of ['bench-closed', 'bench-closed-cached', ...openPolls]) await check(pollId);
    // Azurite scans a whole table for a range query; the results poll should not pay for these.
    for (const pollId of ['bench-warmup', 'bench-closed', 'bench-closed-cached', ...openPolls]) {
      await bot.call({ op: 'dropAnswers', pollId });
    }

    say(
      `\nSeeding ${Math.max(0, RESULT_ANSWERS - PEOPLE)} more participants and ${RESULT_ANSWERS} answers into a poll through the service…\n`,
    );
    if (RESULT_ANSWERS > PEOPLE) await bot.call({ op: 'seedParticipants', from: PEOPLE, to: RESULT_ANSWERS });
    const seedStart = performance.now();
    await bot.call({ op: 'seedAnswers', pollId: 'bench-results', from: 0, to: RESULT_ANSWERS });
    say(`  ${RESULT_ANSWERS} answers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);
    await check('bench-results');

    const token = await client.request(
      'POST',
      '/dev-auth/token',
      JSON.stringify({ tenantId: TENANT, aadObjectId: COORDINATOR }),
    );
    const { access_token: accessToken } = JSON.parse(token.text) as { access_token: string };
    const readResults = async (): Promise<{ ms: number; body: WishPollResultsView }> => {
      const at = performance.now();
      const reply = await client.request('GET', '/api/polls/bench-results/results', undefined, {
        Authorization: `Bearer ${accessToken}`,
      });
      const ms = performance.now() - at;
      if (reply.status !== 200) throw new Error(`results: ${reply.status} ${reply.text}`);
      return { ms, body: JSON.parse(reply.text) as WishPollResultsView };
    };
    const cold = await readResults();
    const warmReads: number[] = [];
    for (let i = 0; i < 30; i += 1) warmReads.push((await readResults()).ms);
    say(
      `  results of ${cold.body.respondents} answers: cold ${cold.ms.toFixed(1)} ms, warm p50 ${percentile(warmReads, 50).toFixed(1)} ms (p95 ${percentile(warmReads, 95).toFixed(1)} ms)\n`,
    );
    const loadAfter = os.loadavg()[0] ?? Number.NaN;
    return {
      phases,
      checks,
      resultsCold: cold.ms,
      resultsWarm: percentile(warmReads, 50),
      resultsRespondents: cold.body.respondents,
      loadBefore,
      loadAfter,
    };
  } finally {
    client.close();
    await bot.stop();
    await connector.stop();
    await azurite.stop();
  }
}

const HEADER = [
  'phase'.padEnd(40),
  'count'.padStart(6),
  'per s'.padStart(6),
  'p50'.padStart(7),
  'p95'.padStart(7),
  'p99'.padStart(7),
  'max'.padStart(7),
  'fail'.padStart(5),
  'conn'.padStart(5),
  'calls'.padStart(6),
  '412s'.padStart(6),
  'bot ms'.padStart(7),
  'azur ms'.padStart(7),
  'load ms'.padStart(7),
].join(' ');

function phaseLine(phase: Phase): string {
  return [
    phase.name.padEnd(40),
    String(phase.count).padStart(6),
    phase.perSecond.toFixed(0).padStart(6),
    phase.p50.toFixed(1).padStart(7),
    phase.p95.toFixed(1).padStart(7),
    phase.p99.toFixed(1).padStart(7),
    phase.max.toFixed(0).padStart(7),
    String(phase.failures).padStart(5),
    String(phase.newConnections).padStart(5),
    phase.callsPerTurn.toFixed(2).padStart(6),
    phase.conflictsPerTurn.toFixed(3).padStart(6),
    phase.botCpuMs.toFixed(2).padStart(7),
    phase.azuriteCpuMs.toFixed(2).padStart(7),
    phase.loadCpuMs.toFixed(2).padStart(7),
  ].join(' ');
}

/** The median of each figure over the runs, phase by phase (phases are matched by position). */
function medianPhases(runs: readonly RunFigures[]): Phase[] {
  const first = runs[0];
  if (!first) return [];
  return first.phases.map((phase, index) => {
    const same = runs.map((run) => run.phases[index]).filter((p): p is Phase => p !== undefined);
    const m = (pick: (p: Phase) => number): number => median(same.map(pick));
    const kinds = new Set(same.flatMap((p) => Object.keys(p.kinds)));
    return {
      name: phase.name.includes('2 × peak') ? phase.name.replace(/ \(\d+\/s\)/, '') : phase.name,
      count: m((p) => p.count),
      perSecond: m((p) => p.perSecond),
      p50: m((p) => p.p50),
      p95: m((p) => p.p95),
      p99: m((p) => p.p99),
      max: m((p) => p.max),
      failures: m((p) => p.failures),
      newConnections: m((p) => p.newConnections),
      callsPerTurn: m((p) => p.callsPerTurn),
      conflictsPerTurn: m((p) => p.conflictsPerTurn),
      botCpuMs: m((p) => p.botCpuMs),
      azuriteCpuMs: m((p) => p.azuriteCpuMs),
      loadCpuMs: m((p) => p.loadCpuMs),
      kinds: Object.fromEntries([...kinds].map((kind) => [kind, m((p) => p.kinds[kind] ?? 0)])),
      ...(phase.offeredRate !== undefined
        ? { offeredRate: m((p) => p.offeredRate ?? 0), sentRate: m((p) => p.sentRate ?? 0) }
        : {}),
    };
  });
}

function find(phases: readonly Phase[], name: string): Phase {
  const phase = phases.find((candidate) => candidate.name === name);
  if (!phase) throw new Error(`no phase ${name}`);
  return phase;
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

/** The open-loop figures of one series (as wired, or with the participant look-up from memory). */
function openFigures(phases: readonly Phase[], mark: string) {
  const series = phases.filter(
    (phase) => phase.offeredRate !== undefined && phase.name.includes('*') === (mark !== ''),
  );
  const overload = series.find((phase) => phase.name.includes('peak'));
  const steps = series.filter((phase) => phase !== overload);
  const at600 = steps.find((phase) => (phase.offeredRate ?? 0) >= 600);
  const first = phases.find((phase) => phase.name === `answer, first${mark}`);
  const peak = Math.max(first?.perSecond ?? 0, ...steps.map((phase) => phase.perSecond));
  return { series, overload, at600, peak };
}

function summary(phases: readonly Phase[], runs: readonly RunFigures[]): string {
  const noop = find(phases, 'floor: no-op card action');
  const read = find(phases, 'floor: one storage read');
  const first = find(phases, 'answer, first');
  const changed = find(phases, 'answer, changed');
  const firstCached = find(phases, 'answer, first, participant cached*');
  const changedCached = find(phases, 'answer, changed, participant cached*');
  const ohje = find(phases, '`ohje` message (reply via connector)');
  const wired = openFigures(phases, '');
  const cached = openFigures(phases, ', participant cached*');
  const answerPhases = [first, changed, firstCached, changedCached, ...wired.series, ...cached.series];
  const exact = runs.every((run) => run.checks.every((check) => check.equal));
  const kinds = (phase: Phase): string =>
    Object.entries(phase.kinds)
      .filter(([, perTurn]) => perTurn >= 0.005)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, perTurn]) => `${kind} ${perTurn.toFixed(2)}`)
      .join(', ');
  const both = (label: string, test: (p: Phase) => boolean, show: (p: Phase) => string, a: Phase, b: Phase) =>
    `  ${label}: ${verdict(test(a))} as wired (${show(a)}), ${verdict(test(b))}* (${show(b)})`;
  const openLines = (figures: ReturnType<typeof openFigures>, mark: string): string[] => [
    figures.at600
      ? `  open loop p99 ≤ 100 ms at ${figures.at600.offeredRate}/s${mark}: ${verdict(figures.at600.p99 <= 100)} (p99 ${figures.at600.p99.toFixed(0)} ms, p50 ${figures.at600.p50.toFixed(0)} ms; ${figures.at600.perSecond.toFixed(0)}/s served)`
      : `  open loop p99 at 600/s${mark}: no rate ≥ 600 was run`,
    figures.overload
      ? `  no collapse past saturation${mark} (at 2 × peak ≥ 0.9 × peak): ${verdict(figures.overload.perSecond >= 0.9 * figures.peak)} (${figures.overload.perSecond.toFixed(0)}/s served at ${figures.overload.offeredRate}/s offered; peak ${figures.peak.toFixed(0)}/s; ratio ${(figures.overload.perSecond / figures.peak).toFixed(2)})`
      : `  no collapse past saturation${mark}: no overload step was run`,
  ];
  const warm = median(runs.map((run) => run.resultsWarm));
  const cold = median(runs.map((run) => run.resultsCold));
  return [
    '',
    'Storage calls per turn, by table and method:',
    `  answer, first:      ${kinds(first)}`,
    `  answer, changed:    ${kinds(changed)}`,
    `  answer, first*:     ${kinds(firstCached)}`,
    `  answer, changed*:   ${kinds(changedCached)}`,
    `  \`ohje\` message:     ${kinds(ohje)}`,
    '',
    `Ratios to the same run's floors: first answers ${(first.perSecond / noop.perSecond).toFixed(2)} (as wired) and ${(firstCached.perSecond / noop.perSecond).toFixed(2)}* of the no-op floor (${noop.perSecond.toFixed(0)}/s); ` +
      `${(first.perSecond / read.perSecond).toFixed(2)} and ${(firstCached.perSecond / read.perSecond).toFixed(2)}* of the one-read floor (${read.perSecond.toFixed(0)}/s)`,
    `CPU per turn (bot + Azurite + load client) and what two idle cores could serve at that cost (derived, not measured; the machine is shared):`,
    ...[noop, read, first, changed, firstCached, changedCached].map((phase) => {
      const cpu = phase.botCpuMs + phase.azuriteCpuMs + phase.loadCpuMs;
      return `  ${phase.name.padEnd(38)} ${cpu.toFixed(2)} ms → about ${(2000 / cpu).toFixed(0)}/s`;
    }),
    `Tally equals a recount of the stored answers in every poll of every run (closed and open loop): ${exact ? 'yes' : 'NO'}`,
    '',
    `Targets (medians of ${runs.length} run${runs.length === 1 ? '' : 's'}; * = participant look-up from a never-expiring map in the bench process, beside the wired 30-s cache):`,
    both(
      'closed loop ≥ 600 answers/s',
      (p) => p.perSecond >= 600,
      (p) => `${p.perSecond.toFixed(0)}/s`,
      first,
      firstCached,
    ),
    both(
      'closed loop p99 ≤ 300 ms',
      (p) => p.p99 <= 300,
      (p) => `${p.p99.toFixed(0)} ms`,
      first,
      firstCached,
    ),
    both(
      'answers/s ≥ 0.35 × no-op floor',
      (p) => p.perSecond >= 0.35 * noop.perSecond,
      (p) => (p.perSecond / noop.perSecond).toFixed(2),
      first,
      firstCached,
    ),
    both(
      '≤ 1.2 storage calls per answer (first / changed)',
      (p) => p.callsPerTurn <= 1.2,
      (p) => p.callsPerTurn.toFixed(2),
      first,
      firstCached,
    ).replace(
      /\)$/,
      `; changed ${changed.callsPerTurn.toFixed(2)} as wired, ${changedCached.callsPerTurn.toFixed(2)}*)`,
    ),
    `  0 conflicts within one process: ${verdict(answerPhases.every((phase) => phase.conflictsPerTurn === 0))} (most 412s per answer in any answer phase: ${Math.max(...answerPhases.map((phase) => phase.conflictsPerTurn)).toFixed(3)})`,
    ...openLines(wired, ''),
    ...openLines(cached, '*'),
    `  changed answers as fast as first answers: ${verdict(changed.perSecond >= 0.9 * first.perSecond)} as wired (${(changed.perSecond / first.perSecond).toFixed(2)}; p99 ${changed.p99.toFixed(0)} vs ${first.p99.toFixed(0)} ms), ${verdict(changedCached.perSecond >= 0.9 * firstCached.perSecond)}* (${(changedCached.perSecond / firstCached.perSecond).toFixed(2)}; p99 ${changedCached.p99.toFixed(0)} vs ${firstCached.p99.toFixed(0)} ms)`,
    `  results of a ${runs[0]?.resultsRespondents ?? 0}-answer poll: warm p50 ≤ 50 ms ${verdict(warm <= 50)} (${warm.toFixed(1)} ms); cold ≤ 250 ms ${verdict(cold <= 250)} (${cold.toFixed(1)} ms)`,
    `  load average (1 min) before each run: ${runs.map((run) => run.loadBefore.toFixed(2)).join(', ')}; after: ${runs.map((run) => run.loadAfter.toFixed(2)).join(', ')}`,
  ].join('\n');
}

async function main(): Promise<void> {
  process.stdout.write(
    `bench:polls: ${RUNS} run(s) on ${os.cpus().length} cores; ${N} answers per closed-loop phase, ${CONCURRENCY} in flight; open loop at ${RATES.join(', ')}/s then 2 × peak, ${STEP_SECONDS} s each\n` +
      `columns: per s = turns a second; p50–max = latency ms (open loop: from when the request was due); fail = wrong answers; conn = connections opened during the phase;\n` +
      `calls / 412s = storage calls and 412 conflicts per turn; bot / azur / load ms = CPU ms per turn of the bot, Azurite and the load client\n`,
  );
  const runs: RunFigures[] = [];
  for (let run = 1; run <= RUNS; run += 1) runs.push(await runOnce(run));
  const phases = medianPhases(runs);
  if (runs.length > 1) {
    process.stdout.write(`\nMedians of ${runs.length} runs\n${HEADER}\n`);
    for (const phase of phases) process.stdout.write(`${phaseLine(phase)}\n`);
  }
  process.stdout.write(`${summary(phases, runs)}\n`);
  if (JSON_FILE) {
    await writeFile(JSON_FILE, JSON.stringify({ medians: phases, runs }, null, 2));
    process.stdout.write(`\nFigures written to ${JSON_FILE}\n`);
  }
  const wrong = runs.some(
    (run) => run.checks.some((check) => !check.equal) || run.phases.some((phase) => phase.failures > 0),
  );
  if (wrong) process.exitCode = 1;
}

process.once('SIGINT', () => process.exit(130));
main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
