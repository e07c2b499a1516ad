/**
 * Benchmark of the staff digitalisation survey at national scale: 300 municipalities, 60,000
 * answers, through the real server on its own in-memory Azurite.
 *
 * 1. Preload: 60,000 answers through the answer service (the same path as the public page, minus
 *    HTTP), to reach the national volume; its throughput is printed.
 * 2. Three runs of public-page answers at a fixed arrival rate (default 300/s for 20 s) from a load
 *    client in its own process (bench/survey-load-client.ts): page load, then the form post. Beside
 *    each, the floor: the same client at the same rate against `/healthz` (the cheapest request on
 *    the same server). After each run every survey's tally is read back: nothing may be lost.
 * 3. The benchmark view of one municipality (its figures, the network distribution, percentile
 *    ranks) at 60,000 answers: warm (30 requests, three times) and cold (a fresh server process's
 *    first request on the same storage, three times).
 * 4. The municipality's report: PDF and DOCX, three languages each (distinct reports, no cache).
 *
 *   npx tsx bench/survey.ts [--rate 300] [--seconds 20] [--answers 60000] [--municipalities 300]
 *
 * The targets (answers p99 ≤ 150 ms and nothing lost; view ≤ 150 ms warm, ≤ 1 s cold; report
 * ≤ 3 s) live here and nowhere else. The machine is shared: the load average is printed beside
 * the figures.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp, type App } from '../bot/src/app';
import { DEMO_TENANT_ID } from '../bot/src/demo/demo-network';
import { loadConfig, type AppConfig } from '../bot/src/platform/config/config';
import { createLogger } from '../bot/src/platform/observability/logger';
import { sizeClassFor } from '../bot/src/shared/municipality';
import { SEEDED_PERSPECTIVES } from '../bot/src/survey';
import type { Survey } from '../bot/src/survey';
import type { surveyFeature } from '../bot/src/survey/survey-feature';
import { startAzurite } from '../scripts/lib/azurite';
import { option, random, percentile, median, ms, load, pool } from './lib/bench-utils';

const RATE = option('rate', 300);
const SECONDS = option('seconds', 20);
const ANSWERS = option('answers', 60_000);
const MUNICIPALITIES = option('municipalities', 300);
const COORDINATOR = 'e5000000-0000-4000-8000-00000000c0de';
const TARGETS = { answerP99Ms: 150, viewWarmMs: 150, viewColdMs: 1000, reportMs: 3000 };

type SurveyFeature = ReturnType<typeof surveyFeature>;

function surveyOf(app: App): SurveyFeature {
  const feature = app.features.find((candidate) => candidate.name === 'survey');
  if (!feature) throw new Error('The survey feature is not wired in');
  return feature as SurveyFeature;
}

interface ClientResult {
  readonly latencies: number[];
  readonly pageLatencies: number[];
  readonly statuses: Record<string, number>;
  readonly errors: number;
  readonly seconds: number;
  readonly sent: number;
}

function runClient(input: Record<string, unknown>): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'survey-load-client.ts'), JSON.stringify(input)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`The load client exited with ${code ?? 'a signal'}`));
        return;
      }
      resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ClientResult);
    });
  });
}

async function totalRespondents(feature: SurveyFeature, surveys: readonly Survey[]): Promise<number> {
  let total = 0;
  await pool(surveys, 16, async (survey) => {
    const shards = await feature.repository.readShards(survey.id);
    total += shards.reduce((sum, shard) => sum + shard.value.tally.respondents, 0);
  });
  return total;
}

async function devToken(base: string): Promise<string> {
  const response = await fetch(`${base}/dev-auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenantId: DEMO_TENANT_ID, aadObjectId: COORDINATOR, name: 'Bench Coordinator' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function timed(url: string, token: string): Promise<{ ms: number; status: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - start, status: response.status, bytes: body.byteLength };
}

async function main(): Promise<void> {
  process.stdout.write(`Load average at start: ${load()} (2 cores)\n`);
  const azurite = await startAzurite();
  const config: AppConfig = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: 'benchsurvey',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const options = {
    logger: createLogger('silent'),
    startBackgroundWork: false,
    survey: { publicPage: { trustForwardedFor: true } },
  } as const;
  const app = createApp(config, options);
  const base = `http://127.0.0.1:${await app.listen()}`;
  const extra: App[] = [];
  const stop = async (): Promise<void> => {
    await Promise.allSettled([app.close(), ...extra.map((other) => other.close())]);
    await azurite.stop();
  };
  process.once('SIGINT', () => {
    setTimeout(() => process.exit(130), 3000).unref();
    const exit = (): never => process.exit(130);
    stop().then(exit, exit);
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  sampler.unref();
  try {
    const feature = surveyOf(app);
    const { service } = feature;
    const now = Date.now();
    await app.repositories.programme.saveRound({
      id: 'bench-round',
      name: { fi: 'Benchmark', sv: 'Benchmark', en: 'Benchmark' },
      startsAt: new Date(now - 30 * 86_400_000).toISOString(),
      endsAt: new Date(now + 200 * 86_400_000).toISOString(),
    });
    await app.repositories.coordinators.save({
      tenantId: DEMO_TENANT_ID,
      aadObjectId: COORDINATOR,
      name: 'Bench Coordinator',
      organisation: 'FCG',
    });
    const sizes = random(42);
    process.stdout.write(`Seeding ${MUNICIPALITIES} municipalities and their surveys…\n`);
    const surveys: Survey[] = [];
    await pool(
      Array.from({ length: MUNICIPALITIES }, (_, index) => index),
      16,
      async (index) => {
        const population = Math.round(800 * Math.exp(sizes() * 5.5));
        const id = `m${String(index + 1).padStart(3, '0')}`;
        await app.repositories.municipalities.save({
          id,
          name: `Kunta ${index + 1}`,
          population,
          region: 'Benchmark',
          sizeClass: sizeClassFor(population),
        });
        surveys[index] = await service.create(
          {
            roundId: 'bench-round',
            municipalityId: id,
            opensAt: new Date(now - 3_600_000).toISOString(),
            closesAt: new Date(now + 10 * 86_400_000).toISOString(),
            headcount: Math.max(50, Math.round(population * 0.02)),
            requireCode: false,
          },
          { tenantId: DEMO_TENANT_ID, aadObjectId: COORDINATOR },
        );
      },
    );

    process.stdout.write(`Preloading ${ANSWERS} answers through the answer service…\n`);
    const answerRandom = random(7);
    const preloadStart = performance.now();
    await pool(
      Array.from({ length: ANSWERS }, (_, index) => index),
      64,
      async (index) => {
        const survey = surveys[index % surveys.length];
        const ratings = Object.fromEntries(
          SEEDED_PERSPECTIVES.map((p) => [
            p.id,
            answerRandom() < 0.06 ? 'x' : String(1 + Math.floor(answerRandom() * 5)),
          ]),
        );
        const token = await service.issueToken(survey);
        const outcome = await service.submitWeb({
          code: survey.code,
          token,
          cookieToken: token,
          answer: {
            ratings,
            background: { department: answerRandom() < 0.5 ? 'education' : 'vitality' },
            comment: undefined,
          },
          oneTimeCode: undefined,
        });
        if (outcome.kind !== 'saved') throw new Error(`Preload answer refused: ${outcome.kind}`);
      },
    );
    const preloadSeconds = (performance.now() - preloadStart) / 1000;
    const preloaded = await totalRespondents(feature, surveys);
    process.stdout.write(
      `  ${preloaded} answers counted in ${preloadSeconds.toFixed(1)} s (${(ANSWERS / preloadSeconds).toFixed(0)}/s, 64 at a time)\n`,
    );
    if (preloaded !== ANSWERS) throw new Error(`Preload lost answers: ${preloaded} of ${ANSWERS}`);
    await service.rollUp({ all: true });

    const codes = surveys.map((survey) => survey.code);
    const perspectives = SEEDED_PERSPECTIVES.map((p) => p.id);
    const runs: { answers: ClientResult; floor: ClientResult; lost: number; load: string }[] = [];
    for (let run = 1; run <= 3; run += 1) {
      process.stdout.write(`Run ${run}: floor (/healthz) and answers at ${RATE}/s for ${SECONDS} s…\n`);
      const floor = await runClient({
        base,
        codes,
        perspectives,
        rate: RATE,
        seconds: SECONDS,
        mode: 'floor',
        seed: run,
      });
      const before = await totalRespondents(feature, surveys);
      const answers = await runClient({
        base,
        codes,
        perspectives,
        rate: RATE,
        seconds: SECONDS,
        mode: 'answers',
        seed: run,
      });
      const after = await totalRespondents(feature, surveys);
      const accepted = answers.statuses['303'] ?? 0;
      runs.push({ answers, floor, lost: accepted - (after - before), load: load() });
      process.stdout.write(
        `  answers p50 ${ms(median(answers.latencies))}, p99 ${ms(percentile(answers.latencies, 99))}; floor p99 ${ms(
          percentile(floor.latencies, 99),
        )}; accepted ${accepted}/${answers.sent}, statuses ${JSON.stringify(answers.statuses)}, counted ${after - before}; load ${load()}\n`,
      );
    }
    await service.rollUp({ all: true });
    const total = await totalRespondents(feature, surveys);

    // The benchmark view of the largest municipality.
    const municipalities = await app.repositories.municipalities.list();
    const largest = municipalities.sort((a, b) => b.population - a.population)[0];
    const viewed = surveys.find((survey) => survey.municipalityId === largest?.id) ?? surveys[0];
    const resultsPath = `/api/survey/surveys/${viewed.id}/results?lang=fi`;
    const token = await devToken(base);
    await timed(`${base}${resultsPath}`, token);
    const warmRuns: number[][] = [];
    for (let run = 0; run < 3; run += 1) {
      const times: number[] = [];
      for (let i = 0; i < 30; i += 1) times.push((await timed(`${base}${resultsPath}`, token)).ms);
      warmRuns.push(times);
    }
    const cold: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const fresh = createApp(config, options);
      extra.push(fresh);
      const freshBase = `http://127.0.0.1:${await fresh.listen()}`;
      const freshToken = await devToken(freshBase);
      cold.push((await timed(`${freshBase}${resultsPath}`, freshToken)).ms);
    }

    // Reports: three languages each, so every one is really rendered.
    const reports: Record<'pdf' | 'docx', { ms: number; bytes: number }[]> = { pdf: [], docx: [] };
    for (const format of ['pdf', 'docx'] as const) {
      for (const language of ['fi', 'sv', 'en']) {
        const result = await timed(
          `${base}/api/survey/surveys/${viewed.id}/report.${format}?lang=${language}`,
          token,
        );
        if (result.status !== 200) throw new Error(`Report ${format}/${language}: ${result.status}`);
        reports[format].push({ ms: result.ms, bytes: result.bytes });
      }
    }

    const answerP99s = runs.map((run) => percentile(run.answers.latencies, 99));
    const answerP50s = runs.map((run) => median(run.answers.latencies));
    const floorP99s = runs.map((run) => percentile(run.floor.latencies, 99));
    const pageP99s = runs.map((run) => percentile(run.answers.pageLatencies, 99));
    const achieved = runs.map((run) => run.answers.sent / run.answers.seconds);
    const lost = runs.reduce((sum, run) => sum + Math.max(0, run.lost), 0);
    const failed = runs.reduce(
      (sum, run) => sum + run.answers.errors + (run.answers.sent - (run.answers.statuses['303'] ?? 0)),
      0,
    );
    const warmMedians = warmRuns.map(median);
    const lines = [
      '',
      `Survey benchmark: ${MUNICIPALITIES} municipalities, ${total} answers at the end (${ANSWERS} preloaded)`,
      `  answers at ${RATE}/s for ${SECONDS} s, three runs (medians of the runs; each run: ${runs
        .map((run) => ms(percentile(run.answers.latencies, 99)))
        .join(', ')} p99)`,
      `    post p50 ${ms(median(answerP50s))}, p99 ${ms(median(answerP99s))} (target ≤ ${TARGETS.answerP99Ms} ms: ${
        median(answerP99s) <= TARGETS.answerP99Ms ? 'met' : 'NOT met'
      }); page load p99 ${ms(median(pageP99s))}; arrivals kept ${median(achieved).toFixed(0)}/s`,
      `    floor (/healthz at the same rate) p99 ${ms(median(floorP99s))}; ratio answer/floor p99 ${(median(answerP99s) / median(floorP99s)).toFixed(1)}`,
      `    lost ${lost} (accepted but not counted), not accepted ${failed}`,
      `  benchmark view of ${largest?.name ?? viewed.municipalityId} at ${total} answers: warm ${ms(median(warmMedians))} median (${warmMedians
        .map(ms)
        .join(
          ', ',
        )}; p95 ${ms(percentile(warmRuns.flat(), 95))}), cold ${ms(median(cold))} median (${cold.map(ms).join(', ')})`,
      `    targets: warm ≤ ${TARGETS.viewWarmMs} ms ${median(warmMedians) <= TARGETS.viewWarmMs ? 'met' : 'NOT met'}, cold ≤ ${TARGETS.viewColdMs} ms ${
        median(cold) <= TARGETS.viewColdMs ? 'met' : 'NOT met'
      }`,
      `  report PDF ${reports.pdf.map((r) => ms(r.ms)).join(', ')} (median ${ms(median(reports.pdf.map((r) => r.ms)))}, ${(
        (reports.pdf[0]?.bytes ?? 0) / 1024
      ).toFixed(
        0,
      )} KB); DOCX ${reports.docx.map((r) => ms(r.ms)).join(', ')} (median ${ms(median(reports.docx.map((r) => r.ms)))}, ${(
        (reports.docx[0]?.bytes ?? 0) / 1024
      ).toFixed(0)} KB); target ≤ ${TARGETS.reportMs} ms ${
        Math.max(...reports.pdf.map((r) => r.ms), ...reports.docx.map((r) => r.ms)) <= TARGETS.reportMs
          ? 'met'
          : 'NOT met'
      }`,
      `  peak RSS of the server process ${(peakRss / 1024 / 1024).toFixed(0)} MB; load average per run ${runs.map((run) => run.load).join(' | ')}; at the end ${load()}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    clearInterval(sampler);
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:survey failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
