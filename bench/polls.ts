/**
 * Benchmark of topic wish poll answers through the real server: N participants (default 1,000)
 * answer concurrently (default 100 at a time) with `Action.Execute` invokes to /api/messages, the
 * app on its own in-memory Azurite. The floor beside it is the cheapest turn on the same server and
 * pipeline: an invoke with a verb nobody handles (the router answers it after one participant
 * read), and the `ohje` help command (a message: redelivery ledger write and a reply to the
 * connector). Then the results of a poll with 10,000 answers are read through the tab API.
 *
 *   npx tsx bench/polls.ts [--n 1000] [--concurrency 100] [--results-answers 10000]
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createApp, type App } from '../bot/src/app';
import { VERBS } from '../bot/src/shared/cards/verbs';
import { loadConfig } from '../bot/src/platform/config/config';
import { CHALLENGE_AREAS, demoWishPoll } from '../bot/src/demo/demo-polls';
import { demoMunicipalities } from '../bot/src/demo/demo-network';
import type { Participant } from '../bot/src/shared/participant';
import type { ParticipantRole } from '../bot/src/shared/roles';
import type { pollsFeature } from '../bot/src/polls/polls-feature';
import { createLogger } from '../bot/src/platform/observability/logger';
import type { WishPoll } from '../bot/src/polls/wish-poll';
import type { WishPollResultsView } from '../bot/src/polls/wish-poll-contracts';
import { answererOf } from '../bot/src/polls/wish-poll-service';
import { startAzurite } from '../scripts/lib/azurite';
import { BotConnectorEmulator } from '../tests/emulators/bot-connector-emulator';

const TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';
const BOT = { id: '28:digiverkosto-bench', name: 'Digiverkosto' };
const COORDINATOR = 'e5000000-0000-4000-8000-000000000001';
const ROLES: readonly ParticipantRole[] = ['leadership', 'supervisor', 'developer', 'expert', 'elected'];
const TOPICS = CHALLENGE_AREAS.map((topic) => topic.id);

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const N = option('n', 1000);
const CONCURRENCY = option('concurrency', 100);
const RESULT_ANSWERS = option('results-answers', 10_000);
const PEOPLE = Math.max(N, RESULT_ANSWERS);

/** A deterministic pseudo-random sequence, so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function person(index: number): Participant {
  const municipalities = demoMunicipalities();
  return {
    tenantId: TENANT,
    aadObjectId: `b9000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `Vastaaja ${index}`,
    email: undefined,
    municipalityId: municipalities[index % municipalities.length]?.id,
    roles: [ROLES[index % ROLES.length] ?? 'developer'],
    language: undefined,
    teamsUserId: `29:bench-${index}`,
    isGuest: true,
    active: true,
    updatedAt: new Date().toISOString(),
  };
}

function invoke(serviceUrl: string, who: Participant, verb: string, data: Record<string, unknown>) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: who.teamsUserId, name: who.name, aadObjectId: who.aadObjectId },
    recipient: BOT,
    conversation: { id: `a:bench-${who.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fi-FI',
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

function message(serviceUrl: string, who: Participant, text: string) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: who.teamsUserId, name: who.name, aadObjectId: who.aadObjectId },
    recipient: BOT,
    conversation: { id: `a:bench-${who.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fi-FI',
    type: 'message',
    text,
  };
}

interface Run {
  readonly name: string;
  readonly count: number;
  readonly seconds: number;
  readonly latencies: number[];
  readonly failures: number;
}

/** Sends `count` requests, `concurrency` at a time; `check` says whether an answer is right. */
async function load(
  name: string,
  url: string,
  count: number,
  concurrency: number,
  body: (index: number) => unknown,
  check: (status: number, text: string) => boolean,
): Promise<Run> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      const payload = JSON.stringify(body(index));
      const at = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: payload,
      });
      const text = await response.text();
      latencies.push(performance.now() - at);
      if (!check(response.status, text)) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { name, count, seconds: (performance.now() - started) / 1000, latencies, failures };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function report(run: Run): string {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const cells = [
    run.name.padEnd(38),
    String(run.count).padStart(6),
    (run.count / run.seconds).toFixed(0).padStart(8),
    percentile(sorted, 50).toFixed(1).padStart(8),
    percentile(sorted, 95).toFixed(1).padStart(8),
    percentile(sorted, 99).toFixed(1).padStart(8),
    (sorted.at(-1) ?? Number.NaN).toFixed(1).padStart(8),
    String(run.failures).padStart(6),
  ];
  return cells.join(' ');
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }),
  );
}

function pollsOf(app: App): ReturnType<typeof pollsFeature> {
  const feature = app.features.find((candidate) => candidate.name === 'polls');
  if (!feature) throw new Error('The polls feature is not wired in');
  return feature as ReturnType<typeof pollsFeature>;
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const connector = new BotConnectorEmulator({
    defaultTenantId: TENANT,
    perConversationLimits: [],
    perTenantLimits: [],
  });
  const serviceUrl = (await connector.start()).url;
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: 'bench',
    LOG_LEVEL: 'silent',
  });
  const app = createApp(config, { logger: createLogger('silent'), startBackgroundWork: false });
  const port = await app.listen();
  // Ctrl-C stops the emulators too, rather than leaving Azurite behind.
  const interrupt = (): void => {
    setTimeout(() => process.exit(130), 3000).unref();
    const exit = (): never => process.exit(130);
    Promise.allSettled([azurite.stop(), connector.stop(), app.close()]).then(exit, exit);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const base = `http://127.0.0.1:${port}`;
  const endpoint = `${base}/api/messages`;
  try {
    // The latency runs see a network of N people (the real one has a few hundred); the rest of the
    // people needed for the 10,000-answer poll are added afterwards.
    process.stdout.write(`Seeding ${N} participants and two polls…\n`);
    const { repositories } = app;
    for (const municipality of demoMunicipalities()) await repositories.municipalities.save(municipality);
    await repositories.coordinators.save({
      tenantId: TENANT,
      aadObjectId: COORDINATOR,
      name: 'Bench Coordinator',
      organisation: 'Kuntaliitto',
    });
    const people = Array.from({ length: PEOPLE }, (_, index) => person(index));
    await pool(people.slice(0, N), 64, (p) => repositories.participants.save(p));
    const now = new Date();
    const poll: WishPoll = { ...demoWishPoll(now), id: 'bench-answers' };
    const big: WishPoll = { ...demoWishPoll(now), id: 'bench-results' };
    const { polls } = pollsOf(app);
    await polls.create(poll);
    await polls.create(big);

    const choose = random(7);
    const answerData = (): Record<string, unknown> => {
      const picked = new Set<string>();
      const wanted = 1 + Math.floor(choose() * 3);
      while (picked.size < wanted) picked.add(TOPICS[Math.floor(choose() * TOPICS.length)] ?? 'competence');
      return {
        pollId: poll.id,
        topics: [...picked].join(','),
        ...(choose() < 0.2 ? { suggestion: 'Tekoäly ja asiakaspalvelu, esimerkkejä muista kunnista' } : {}),
      };
    };
    const ok = (status: number, text: string) => status === 200 && text.includes('"statusCode":200');
    // The receipt says "Kiitos!": stored (a bare "saved" check would also pass an error card).
    const saved = (status: number, text: string) => ok(status, text) && text.includes('Kiitos!');

    // Warm-up: connections, table creation, JIT.
    const warm = people.slice(0, Math.min(200, N));
    await load(
      'warm-up',
      endpoint,
      warm.length,
      CONCURRENCY,
      (i) => invoke(serviceUrl, warm[i], 'bench.unknown', {}),
      () => true,
    );

    process.stdout.write(`\n${N} answers, ${CONCURRENCY} at a time, through /api/messages on Azurite\n\n`);
    process.stdout.write(
      `${'run'.padEnd(38)} ${'count'.padStart(6)} ${'per s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'failed'.padStart(6)}\n`,
    );
    const floorInvoke = await load(
      'floor: invoke, unknown verb',
      endpoint,
      N,
      CONCURRENCY,
      (i) => invoke(serviceUrl, people[i], 'bench.unknown', {}),
      (status, text) => status === 200 && text.includes('BadRequest'),
    );
    process.stdout.write(`${report(floorInvoke)}\n`);
    const answers = await load(
      'poll answer (Action.Execute)',
      endpoint,
      N,
      CONCURRENCY,
      (i) => invoke(serviceUrl, people[i], VERBS.pollAnswer, answerData()),
      saved,
    );
    process.stdout.write(`${report(answers)}\n`);
    const changes = await load(
      'poll answer changed (same people)',
      endpoint,
      N,
      CONCURRENCY,
      (i) => invoke(serviceUrl, people[i], VERBS.pollAnswer, answerData()),
      ok,
    );
    process.stdout.write(`${report(changes)}\n`);
    const floorHelp = await load(
      'floor: `ohje` message (reply via connector)',
      endpoint,
      N,
      CONCURRENCY,
      (i) => message(serviceUrl, people[i], 'ohje'),
      (status) => status === 200 || status === 201 || status === 202,
    );
    process.stdout.write(`${report(floorHelp)}\n`);

    const tally = await polls.tally(poll.id);
    process.stdout.write(
      `\nTally check: ${tally.respondents} respondents counted for ${N} people (must be equal)\n`,
    );

    process.stdout.write(
      `\nSeeding ${PEOPLE - N} more participants and ${RESULT_ANSWERS} answers into a second poll…\n`,
    );
    await pool(people.slice(N), 64, (p) => repositories.participants.save(p));
    const seedStart = performance.now();
    await pool(people.slice(0, RESULT_ANSWERS), 32, async (p) => {
      const data = answerData();
      const outcome = await polls.answer(
        big.id,
        answererOf(p),
        {
          topicIds: String(data.topics).split(','),
          suggestion: typeof data.suggestion === 'string' ? data.suggestion : undefined,
        },
        new Date(),
      );
      if (outcome.kind !== 'saved') throw new Error(`seeding answer: ${outcome.kind}`);
    });
    process.stdout.write(
      `  ${RESULT_ANSWERS} answers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s through the service\n`,
    );

    const tokenResponse = await fetch(`${base}/dev-auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: TENANT, aadObjectId: COORDINATOR }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const readResults = async (): Promise<{ ms: number; body: WishPollResultsView }> => {
      const at = performance.now();
      const response = await fetch(`${base}/api/polls/${big.id}/results`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as WishPollResultsView;
      if (response.status !== 200) throw new Error(`results: ${response.status}`);
      return { ms: performance.now() - at, body };
    };
    const cold = await readResults();
    const warmReads: number[] = [];
    for (let i = 0; i < 30; i += 1) warmReads.push((await readResults()).ms);
    warmReads.sort((a, b) => a - b);
    const tallyReads: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const at = performance.now();
      await polls.tally(big.id);
      tallyReads.push(performance.now() - at);
    }
    tallyReads.sort((a, b) => a - b);
    process.stdout.write(
      `\nResults of a poll with ${cold.body.respondents} answers (GET /api/polls/:id/results, ${PEOPLE} participants):\n` +
        `  first read (audience counted from the roster): ${cold.ms.toFixed(1)} ms\n` +
        `  later reads (roster counts cached 60 s): p50 ${percentile(warmReads, 50).toFixed(1)} ms, p95 ${percentile(warmReads, 95).toFixed(1)} ms, max ${(warmReads.at(-1) ?? 0).toFixed(1)} ms\n` +
        `  the tally alone (64 shard rows): p50 ${percentile(tallyReads, 50).toFixed(1)} ms, max ${(tallyReads.at(-1) ?? 0).toFixed(1)} ms\n`,
    );
    const targetMet =
      percentile(
        [...answers.latencies].sort((a, b) => a - b),
        99,
      ) < 150;
    process.stdout.write(
      `\nTargets: p99 of answers under 150 ms at ${CONCURRENCY} concurrent: ${targetMet ? 'met' : 'NOT met'}; ` +
        `results under 100 ms: ${percentile(warmReads, 50) < 100 ? 'met' : 'NOT met'} (warm), ${cold.ms < 100 ? 'met' : 'NOT met'} (cold)\n`,
    );
  } finally {
    await app.close();
    await connector.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
