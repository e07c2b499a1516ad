/**
 * Benchmark of the digital roadmap at national scale: 300 municipalities with 40 actions each
 * (12,000 actions), agreed targets on every perspective, through the real server on its own
 * in-memory Azurite.
 *
 * 1. Seeding through the roadmap service (the same path as the tab's edits, minus HTTP): per
 *    municipality a roadmap, four goals, 40 actions with owners in and outside Teams, eleven
 *    agreed targets; its throughput is printed.
 * 2. Three runs of a client in its own process (bench/roadmap-client.ts), one request at a time:
 *    the floor (`/healthz`, the cheapest request on the same server), the network view for a
 *    coordinator and for a participant (others anonymous), one roadmap with its 40 actions, its
 *    history; then the summary document as PDF and DOCX in Finnish and Swedish.
 *
 *   npx tsx bench/roadmap.ts [--municipalities 300] [--actions 40] [--repeats 30]
 *
 * The targets (network view ≤ 300 ms warm, one roadmap ≤ 100 ms, a summary document ≤ 3 s) live
 * here and nowhere else. The machine is shared: the load average is printed beside the figures.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp, type App } from '../bot/src/app';
import { DEMO_TENANT_ID } from '../bot/src/demo/demo-network';
import { loadConfig, type AppConfig } from '../bot/src/platform/config/config';
import { createLogger } from '../bot/src/platform/observability/logger';
import type { ActionStatus } from '../bot/src/roadmap';
import { quarterAt, quarterIndex, quarterOf } from '../bot/src/roadmap/roadmap';
import type { roadmapFeature } from '../bot/src/roadmap/roadmap-feature';
import type { Actor } from '../bot/src/roadmap/roadmap-service';
import { sizeClassFor } from '../bot/src/shared/municipality';
import { startAzurite } from '../scripts/lib/azurite';
import { load, median, ms, option, pool, random } from './lib/bench-utils';

const MUNICIPALITIES = option('municipalities', 300);
const ACTIONS = option('actions', 40);
const REPEATS = option('repeats', 30);
const ROUND = 'bench-round';
const COORDINATOR = 'e5000000-0000-4000-8000-00000000c0de';
const TARGETS = { networkMs: 300, roadmapMs: 100, documentMs: 3000 };
const STATUSES: readonly ActionStatus[] = ['planned', 'inProgress', 'inProgress', 'done', 'late', 'planned'];

type RoadmapFeature = ReturnType<typeof roadmapFeature>;

function roadmapOf(app: App): RoadmapFeature {
  const feature = app.features.find((candidate) => candidate.name === 'roadmap');
  if (!feature) throw new Error('The roadmap feature is not wired in');
  return feature as RoadmapFeature;
}

type ClientResult = Record<string, { ms: number[]; statuses: Record<string, number>; bytes: number }>;

function runClient(input: Record<string, unknown>): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'roadmap-client.ts'), JSON.stringify(input)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`The client exited with ${code ?? 'a signal'}`));
        return;
      }
      resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ClientResult);
    });
  });
}

async function devToken(base: string, aadObjectId: string, name: string): Promise<string> {
  const response = await fetch(`${base}/dev-auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenantId: DEMO_TENANT_ID, aadObjectId, name }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const personId = (municipality: number, person: number): string =>
  `e6000000-0000-4000-8000-${String(municipality * 10 + person).padStart(12, '0')}`;

async function main(): Promise<void> {
  process.stdout.write(`Load average at start: ${load()} (2 cores)\n`);
  const azurite = await startAzurite();
  const config: AppConfig = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: 'benchroadmap',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const app = createApp(config, { logger: createLogger('silent'), startBackgroundWork: false });
  const base = `http://127.0.0.1:${await app.listen()}`;
  const stop = async (): Promise<void> => {
    await Promise.allSettled([app.close()]);
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
    const { service } = roadmapOf(app);
    const now = new Date();
    await app.repositories.programme.saveRound({
      id: ROUND,
      name: { fi: 'Benchmark', sv: 'Benchmark', en: 'Benchmark' },
      startsAt: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
      endsAt: new Date(now.getTime() + 300 * 86_400_000).toISOString(),
    });
    await app.repositories.coordinators.save({
      tenantId: DEMO_TENANT_ID,
      aadObjectId: COORDINATOR,
      name: 'Bench Coordinator',
      organisation: 'FCG',
    });
    const actor: Actor = { tenantId: DEMO_TENANT_ID, aadObjectId: COORDINATOR, name: 'Bench Coordinator' };
    const next = random(42);
    const current = quarterIndex(quarterOf(now));
    process.stdout.write(
      `Seeding ${MUNICIPALITIES} municipalities × ${ACTIONS} actions through the roadmap service…\n`,
    );
    const seedStart = performance.now();
    let operations = 0;
    const roadmapIds: string[] = [];
    await pool(
      Array.from({ length: MUNICIPALITIES }, (_, index) => index),
      12,
      async (index) => {
        const id = `m${String(index + 1).padStart(3, '0')}`;
        const population = Math.round(800 * Math.exp(next() * 5.5));
        await app.repositories.municipalities.save({
          id,
          name: `Kunta ${index + 1}`,
          population,
          region: 'Benchmark',
          sizeClass: sizeClassFor(population),
        });
        for (let person = 0; person < 3; person += 1) {
          await app.repositories.participants.save({
            tenantId: DEMO_TENANT_ID,
            aadObjectId: personId(index, person),
            name: `Henkilö ${index + 1}.${person + 1}`,
            email: undefined,
            municipalityId: id,
            roles: person === 0 ? ['leadership'] : ['developer'],
            language: undefined,
            teamsUserId: `29:bench-${index}-${person}`,
            isGuest: true,
            active: true,
            updatedAt: now.toISOString(),
          });
        }
        const data = await service.create(ROUND, id, actor, quarterOf(now).year + 2);
        const roadmapId = data.roadmap.value.id;
        roadmapIds[index] = roadmapId;
        const perspectives = data.perspectives.map((p) => p.value.perspectiveId);
        const goals: string[] = [];
        for (let goal = 0; goal < 4; goal += 1) {
          const added = await service.addGoal(
            roadmapId,
            {
              title: `Tavoite ${goal + 1}: palvelut sujuvasti verkossa`,
              description: 'Kymmenen eniten käytettyä palvelua on asioitavissa verkossa.',
              perspectiveId: perspectives[goal] ?? null,
              strategyGoal: 'Sujuva arki',
              compassArea: 'publicServices',
            },
            actor,
          );
          goals.push(added.id);
          operations += 1;
        }
        for (let action = 0; action < ACTIONS; action += 1) {
          const start = current - 4 + Math.floor(next() * 8);
          await service.addAction(
            roadmapId,
            {
              goalId: goals[action % goals.length] ?? '',
              title: `Toimenpide ${action + 1}: lomakkeiden siirto verkkoasiointiin`,
              owner:
                action % 5 === 4
                  ? { kind: 'external', name: 'Kaisa Mäkelä', title: 'viestintäpäällikkö' }
                  : {
                      kind: 'participant',
                      tenantId: DEMO_TENANT_ID,
                      aadObjectId: personId(index, action % 3),
                    },
              start: quarterAt(start),
              end: quarterAt(start + Math.floor(next() * 5)),
              status: STATUSES[Math.floor(next() * STATUSES.length)] ?? 'planned',
              indicator: 'verkossa asioitavien palvelujen määrä',
              note: '',
            },
            actor,
          );
          operations += 1;
        }
        const loaded = await service.loadOrThrow(roadmapId);
        for (const { value, etag } of loaded.perspectives) {
          await service.agreeTarget(
            roadmapId,
            value.perspectiveId,
            {
              target: 3 + Math.round(next() * 15) / 10,
              targetYear: quarterOf(now).year + 2,
              priority: 'medium',
            },
            etag,
            actor,
          );
          operations += 1;
        }
        if ((index + 1) % 50 === 0) process.stdout.write(`  ${index + 1} roadmaps…\n`);
      },
    );
    const seedSeconds = (performance.now() - seedStart) / 1000;
    process.stdout.write(
      `  ${operations} changes in ${seedSeconds.toFixed(1)} s (${(operations / seedSeconds).toFixed(0)}/s, 12 roadmaps at a time)\n`,
    );

    const coordinator = await devToken(base, COORDINATOR, 'Bench Coordinator');
    const participant = await devToken(base, personId(0, 1), 'Henkilö 1.2');
    const one = encodeURIComponent(roadmapIds[Math.floor(MUNICIPALITIES / 2)] ?? '');
    const warm = await fetch(`${base}/api/roadmaps/${one}/summary.pdf?lang=en`, {
      headers: { Authorization: `Bearer ${coordinator}` },
    });
    await warm.arrayBuffer();
    const runs: {
      coordinator: ClientResult;
      participant: ClientResult;
      documents: ClientResult;
      load: string;
    }[] = [];
    for (let run = 1; run <= 3; run += 1) {
      process.stdout.write(`Run ${run}…\n`);
      const asCoordinator = await runClient({
        base,
        token: coordinator,
        repeats: REPEATS,
        paths: {
          floor: '/healthz',
          network: `/api/roadmaps/network?roundId=${ROUND}&lang=fi`,
          roadmap: `/api/roadmaps/${one}?lang=fi`,
          history: `/api/roadmaps/${one}/history?lang=fi&pageSize=50`,
        },
      });
      const asParticipant = await runClient({
        base,
        token: participant,
        repeats: REPEATS,
        paths: { network: `/api/roadmaps/network?roundId=${ROUND}&lang=fi` },
      });
      // The server keeps a rendered summary for a few minutes: each run asks for another
      // municipality's, without a warm-up, so every measured request really renders.
      const other = encodeURIComponent(roadmapIds[(run * 7) % MUNICIPALITIES] ?? '');
      const documents = await runClient({
        base,
        token: coordinator,
        repeats: 1,
        warmUp: false,
        paths: {
          'pdf fi': `/api/roadmaps/${other}/summary.pdf?lang=fi`,
          'pdf sv': `/api/roadmaps/${other}/summary.pdf?lang=sv`,
          'docx fi': `/api/roadmaps/${other}/summary.docx?lang=fi`,
          'docx sv': `/api/roadmaps/${other}/summary.docx?lang=sv`,
        },
      });
      for (const result of [asCoordinator, asParticipant, documents]) {
        for (const [name, entry] of Object.entries(result)) {
          if (Object.keys(entry.statuses).some((status) => status !== '200')) {
            throw new Error(`${name}: statuses ${JSON.stringify(entry.statuses)}`);
          }
        }
      }
      runs.push({ coordinator: asCoordinator, participant: asParticipant, documents, load: load() });
      process.stdout.write(
        `  floor ${ms(median(asCoordinator.floor?.ms ?? []))}, network ${ms(median(asCoordinator.network?.ms ?? []))}, roadmap ${ms(
          median(asCoordinator.roadmap?.ms ?? []),
        )}; load ${load()}\n`,
      );
    }

    const medianOfRuns = (pick: (run: (typeof runs)[number]) => number[] | undefined): number[] =>
      runs.map((run) => median(pick(run) ?? []));
    const figure = (label: string, values: number[], target?: number, floor?: number): string => {
      const value = median(values);
      const parts = [`  ${label}: ${ms(value)} (runs ${values.map(ms).join(', ')})`];
      if (floor !== undefined) parts.push(`${(value / floor).toFixed(1)}× the floor`);
      if (target !== undefined) parts.push(`target ≤ ${target} ms ${value <= target ? 'met' : 'NOT met'}`);
      return parts.join('; ');
    };
    const floor = medianOfRuns((run) => run.coordinator.floor?.ms);
    const floorValue = median(floor);
    const documentNames = Object.keys(runs[0]?.documents ?? {});
    const slowestDocument = Math.max(
      ...runs.flatMap((run) => Object.values(run.documents).flatMap((d) => d.ms)),
    );
    const lines = [
      '',
      `Roadmap benchmark: ${MUNICIPALITIES} municipalities × ${ACTIONS} actions (${MUNICIPALITIES * ACTIONS} actions), medians of ${REPEATS} warm requests per run, three runs, one request at a time from a client process`,
      figure('floor (/healthz)', floor),
      figure(
        'network view, coordinator',
        medianOfRuns((run) => run.coordinator.network?.ms),
        TARGETS.networkMs,
        floorValue,
      ),
      figure(
        'network view, participant (others anonymous)',
        medianOfRuns((run) => run.participant.network?.ms),
        TARGETS.networkMs,
        floorValue,
      ),
      `    network answer ${((runs[0]?.coordinator.network?.bytes ?? 0) / 1024).toFixed(0)} KB`,
      figure(
        `one roadmap (${ACTIONS} actions)`,
        medianOfRuns((run) => run.coordinator.roadmap?.ms),
        TARGETS.roadmapMs,
        floorValue,
      ),
      figure(
        'its history (50 changes)',
        medianOfRuns((run) => run.coordinator.history?.ms),
        undefined,
        floorValue,
      ),
      ...documentNames.map((name) =>
        figure(
          `summary ${name} (${((runs[0]?.documents[name]?.bytes ?? 0) / 1024).toFixed(0)} KB)`,
          runs.map((run) => run.documents[name]?.ms[0] ?? Number.NaN),
          TARGETS.documentMs,
        ),
      ),
      `    slowest document of all runs ${ms(slowestDocument)}: target ≤ ${TARGETS.documentMs} ms ${
        slowestDocument <= TARGETS.documentMs ? 'met' : 'NOT met'
      }`,
      `  peak RSS of the server process ${(peakRss / 1024 / 1024).toFixed(0)} MB; load average per run ${runs
        .map((run) => run.load)
        .join(' | ')}; at the end ${load()}`,
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
    `bench:roadmap failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
