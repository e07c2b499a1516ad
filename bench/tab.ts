/**
 * Benchmark of the Teams tab: builds it, sums the gzip size of the JavaScript shipped, and measures
 * the time to first render of a programme with 200 events in headless Chromium (navigation start to
 * the 200th event row in the DOM, median of 5 cold runs) against the real server on Azurite.
 * Targets: at most 300 KB of gzipped JavaScript, first render within 1 s.
 * Run with `npx tsx bench/tab.ts` (`npm run bench:tab`).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createApp } from '../bot/src/app';
import { loadConfig } from '../bot/src/platform/config/config';
import {
  DEMO_ROUND_ID,
  DEMO_TENANT_ID,
  demoCoordinators,
  demoMunicipalities,
  demoParticipants,
  demoRound,
  playgroundObjectId,
} from '../bot/src/demo/demo-network';
import type { ProgrammeEvent } from '../bot/src/shared/programme-event';
import { PARTICIPANT_ROLES } from '../bot/src/shared/roles';
import { createLogger } from '../bot/src/platform/observability/logger';
import { startAzurite } from '../scripts/lib/azurite';

const ROOT = path.resolve(__dirname, '..');
const EVENT_COUNT = 200;
const RUNS = 5;
const JS_TARGET_BYTES = 300 * 1024;
const FIRST_RENDER_TARGET_MS = 1000;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function buildTab(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'tab', 'vite.config.ts'),
    logLevel: 'silent',
    mode: 'production',
    build: { outDir, emptyOutDir: true },
  });
}

async function javascriptSizes(outDir: string): Promise<{ file: string; raw: number; gzip: number }[]> {
  const assets = path.join(outDir, 'assets');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js')).sort();
  return Promise.all(
    files.map(async (file) => {
      const content = await readFile(path.join(assets, file));
      return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
    }),
  );
}

function benchEvents(now: Date): ProgrammeEvent[] {
  const day = 24 * 60 * 60 * 1000;
  return Array.from({ length: EVENT_COUNT }, (_, index) => {
    const startsAt = new Date(now.getTime() + (index + 1) * day);
    startsAt.setUTCHours(7, 0, 0, 0);
    const online = index % 3 !== 0;
    return {
      roundId: DEMO_ROUND_ID,
      id: `bench-${String(index + 1).padStart(3, '0')}`,
      type: online ? 'developmentWorkshop' : 'training',
      title: {
        fi: `Kehittämispaja ${index + 1}: Digitiekartan toimenpiteet`,
        sv: `Utvecklingsverkstad ${index + 1}: Åtgärder i den digitala färdplanen`,
        en: `Development workshop ${index + 1}: Roadmap actions`,
      },
      description: undefined,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000).toISOString(),
      place: online ? undefined : { name: 'Kuntatalo', address: 'Toinen linja 14, 00530 Helsinki' },
      onlineUrl: online ? `https://teams.microsoft.com/l/meetup-join/bench-${index + 1}` : undefined,
      audienceRoles: [...PARTICIPANT_ROLES],
      municipalityId: undefined,
      inPersonQuota: online ? undefined : 4,
      preAssignment:
        index % 4 === 0
          ? {
              text: { fi: 'Kirjaa kuntasi kolme tärkeintä haastetta.', sv: 'Skriv ner tre utmaningar.' },
              url: 'https://www.kuntaliitto.fi/digitalisaatio',
              dueAt: new Date(startsAt.getTime() - day).toISOString(),
            }
          : undefined,
      organiser: 'Kuntaliitto',
    };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'digiverkosto-tab-'));
  const azurite = await startAzurite();
  try {
    const buildStarted = performance.now();
    await buildTab(outDir);
    const sizes = await javascriptSizes(outDir);
    const totalGzip = sizes.reduce((sum, size) => sum + size.gzip, 0);
    console.log(`Tab built in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);
    console.log('JavaScript shipped (gzip, level 9):');
    for (const size of sizes)
      console.log(`  ${size.file.padEnd(40)} ${kb(size.raw).padStart(10)} ${kb(size.gzip).padStart(10)}`);
    console.log(
      `  ${'total'.padEnd(40)} ${kb(sizes.reduce((s, x) => s + x.raw, 0)).padStart(10)} ${kb(totalGzip).padStart(10)}`,
    );

    const config = loadConfig({
      APP_MODE: 'local',
      PORT: '0',
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: 'bench',
      LOG_LEVEL: 'silent',
    });
    const app = createApp(config, {
      logger: createLogger('silent'),
      tabDirectory: outDir,
      startBackgroundWork: false,
    });
    const now = new Date();
    const { repositories } = app;
    await Promise.all(
      demoMunicipalities().map((municipality) => repositories.municipalities.save(municipality)),
    );
    await Promise.all(
      demoParticipants(now).map((participant) => repositories.participants.save(participant)),
    );
    await Promise.all(demoCoordinators().map((coordinator) => repositories.coordinators.save(coordinator)));
    const events = benchEvents(now);
    for (let index = 0; index < events.length; index += 25) {
      await Promise.all(
        events.slice(index, index + 25).map((event) => repositories.programme.saveEvent(event)),
      );
    }
    await repositories.programme.saveRound({
      ...demoRound(now),
      endsAt: new Date(now.getTime() + 400 * 86400000).toISOString(),
    });
    const port = await app.listen();
    const origin = `http://127.0.0.1:${port}`;

    const tokenResponse = await fetch(`${origin}/dev-auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: DEMO_TENANT_ID, aadObjectId: playgroundObjectId(0) }),
    });
    const token = (await tokenResponse.json()) as { access_token: string; expires_in: number };

    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const timings: number[] = [];
    const shipped: number[] = [];
    try {
      for (let run = 0; run < RUNS; run += 1) {
        // A fresh context each run: no HTTP cache, so every run downloads and parses the JS.
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
        // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
        const stored = JSON.stringify({
          token: token.access_token,
          expiresAt: Date.now() + token.expires_in * 1000,
        });
        await context.addInitScript(`
          sessionStorage.setItem('digiverkosto.devToken', ${JSON.stringify(stored)});
          new MutationObserver(function (_, observer) {
            if (document.querySelectorAll('[data-event-row]').length >= ${EVENT_COUNT}) {
              window.__firstRender = performance.now();
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        `);
        const page = await context.newPage();
        let jsBytes = 0;
        page.on('response', (response) => {
          if (response.url().endsWith('.js')) {
            jsBytes += Number(response.headers()['content-length'] ?? 0);
          }
        });
        await page.goto(`${origin}/tab/#/programme`);
        await page.waitForFunction(
          () => (window as unknown as { __firstRender?: number }).__firstRender !== undefined,
          undefined,
          { timeout: 30_000 },
        );
        const firstRender = await page.evaluate(
          () => (window as unknown as { __firstRender: number }).__firstRender,
        );
        timings.push(firstRender);
        if (process.env.BENCH_DEBUG) {
          console.log(
            await page.evaluate(() =>
              performance
                .getEntriesByType('resource')
                .map(
                  (e) =>
                    `${e.name.replace(location.origin, '')} ${e.startTime.toFixed(0)}-${(e as PerformanceResourceTiming).responseEnd.toFixed(0)}`,
                )
                .join('\n'),
            ),
          );
        }
        shipped.push(jsBytes);
        console.log(`  run ${run + 1}: 200th event row after ${firstRender.toFixed(0)} ms`);
        await context.close();
      }
    } finally {
      await browser.close();
      await app.close();
    }

    const firstRender = median(timings);
    console.log(`JavaScript loaded for the programme view (uncompressed): ${kb(median(shipped))}`);
    console.log('');
    console.log(
      `JavaScript shipped: ${kb(totalGzip)} gzip (target ≤ ${kb(JS_TARGET_BYTES)}) ${totalGzip <= JS_TARGET_BYTES ? 'OK' : 'OVER'}`,
    );
    console.log(
      `First render of ${EVENT_COUNT} events: ${firstRender.toFixed(0)} ms median of ${RUNS} (target ≤ ${FIRST_RENDER_TARGET_MS} ms) ${firstRender <= FIRST_RENDER_TARGET_MS ? 'OK' : 'OVER'}`,
    );
    if (totalGzip > JS_TARGET_BYTES || firstRender > FIRST_RENDER_TARGET_MS) process.exitCode = 1;
  } finally {
    await azurite.stop();
    await rm(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
