/**
 * Registration under load: N people (default 1,000) from M municipalities (default 300) press
 * Register at the same moment, as `Action.Execute` invokes to /api/messages of the real server on
 * its own in-memory Azurite. The municipalities' sizes are skewed (a few big ones with 10-20
 * registrants, many with one or two), so dozens of municipalities are contested for their last
 * seats. The client runs in its own process. After each run the bench reads every seat partition
 * and counts municipalities over their quota (must be 0) and counts that disagree with the rows.
 *
 * Three runs, each on a fresh event, and beside each a floor from the same server: the same number
 * of invokes, at the same concurrency, of a verb nobody handles (authentication, the participant's
 * read and the invoke pipeline, no registration). Medians of the three are printed with the ratio.
 *
 *   npm run bench:registration [-- --n 1000 --municipalities 300 --concurrency 1000 --quota 4]
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createApp } from '../bot/src/app';
import { loadConfig } from '../bot/src/platform/config/config';
import { createLogger } from '../bot/src/platform/observability/logger';
import type { RegistrationFeature } from '../bot/src/registration';
import { quotaOf, takenSeats } from '../bot/src/registration/registration-model';
import { VERBS } from '../bot/src/shared/cards/verbs';
import type { Participant } from '../bot/src/shared/participant';
import type { ProgrammeEvent } from '../bot/src/shared/programme-event';
import { startAzurite } from '../scripts/lib/azurite';
import { BotConnectorEmulator } from '../tests/emulators/bot-connector-emulator';
import { random, percentile } from './lib/bench-utils';

const TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';
const BOT = { id: '28:digiverkosto-bench', name: 'Digiverkosto' };
const ROUND = 'bench-round';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

/** A deterministic pseudo-random sequence, so runs are comparable. */

interface Person {
  readonly aadObjectId: string;
  readonly teamsUserId: string;
  readonly name: string;
}

interface ClientRequest {
  readonly endpoint: string;
  readonly serviceUrl: string;
  readonly verb: string;
  readonly eventId: string;
  readonly concurrency: number;
  readonly people: readonly Person[];
}

interface ClientResult {
  readonly seconds: number;
  readonly latencies: number[];
  readonly outcomes: Record<string, number>;
  /** The first few answers that were none of the expected ones, for the report. */
  readonly unexpected: string[];
}

function invoke(request: ClientRequest, who: Person): string {
  return JSON.stringify({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: request.serviceUrl,
    from: { id: who.teamsUserId, name: who.name, aadObjectId: who.aadObjectId },
    recipient: BOT,
    conversation: { id: `a:bench-${who.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fi-FI',
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: {
        type: 'Action.Execute',
        verb: request.verb,
        data: { roundId: ROUND, eventId: request.eventId },
      },
      trigger: 'manual',
    },
  });
}

/** The client process: every person's invoke, `concurrency` at a time, timed one by one. */
async function client(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ClientRequest;
  const bodies = request.people.map((who) => invoke(request, who));
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  const unexpected: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next] ?? '';
      next += 1;
      const at = performance.now();
      const response = await fetch(request.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      const text = await response.text();
      latencies.push(performance.now() - at);
      const outcome = text.includes('Paikkasi on vahvistettu')
        ? 'confirmed'
        : text.includes('Olet jonossa')
          ? 'waitlisted'
          : text.includes('moni yhtä aikaa')
            ? 'busy'
            : text.includes('BadRequest')
              ? 'unknown verb'
              : `HTTP ${response.status}`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome.startsWith('HTTP') && unexpected.length < 3) unexpected.push(text.slice(0, 300));
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency, bodies.length) }, worker));
  const result: ClientResult = {
    seconds: (performance.now() - started) / 1000,
    latencies,
    outcomes,
    unexpected,
  };
  process.stdout.write(JSON.stringify(result));
}

/** Runs the client in its own process, so its work does not slow the server's event loop. */
async function runClient(request: ClientRequest): Promise<ClientResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--client'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stdin.end(JSON.stringify(request));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the client exited with ${code}`);
  return JSON.parse(Buffer.concat(output).toString('utf8')) as ClientResult;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

async function main(): Promise<void> {
  const n = option('n', 1000);
  const municipalityCount = option('municipalities', 300);
  const concurrency = option('concurrency', n);
  const quota = option('quota', 4);
  const runs = option('runs', 3);

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
    SEED_DEMO: 'false',
  });
  const app = createApp(config, { logger: createLogger('silent'), startBackgroundWork: false });
  const port = await app.listen();
  const interrupt = (): void => {
    setTimeout(() => process.exit(130), 3000).unref();
    const exit = (): never => process.exit(130);
    Promise.allSettled([azurite.stop(), connector.stop(), app.close()]).then(exit, exit);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  const registration = app.features.find((feature) => feature.name === 'registration') as RegistrationFeature;
  const { repositories } = app;

  try {
    process.stdout.write(`Seeding ${municipalityCount} municipalities and ${n} people…\n`);
    for (let index = 0; index < municipalityCount; index += 1) {
      await repositories.municipalities.save({
        id: `m${index}`,
        name: `Kunta ${index}`,
        population: 10_000 + index * 500,
        region: 'Uusimaa',
        sizeClass: '5to20k',
      });
    }
    // Municipality sizes follow a skewed distribution: index 0 is the biggest.
    const pick = random(16);
    const people: Participant[] = Array.from({ length: n }, (_, index) => {
      const municipality = Math.min(municipalityCount - 1, Math.floor(municipalityCount * pick() ** 2.2));
      return {
        tenantId: TENANT,
        aadObjectId: `f5000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        name: `Osallistuja ${index}`,
        email: undefined,
        municipalityId: `m${municipality}`,
        roles: ['developer'],
        language: undefined,
        teamsUserId: `29:bench-${index}`,
        isGuest: true,
        active: true,
        updatedAt: new Date().toISOString(),
      };
    });
    for (let start = 0; start < people.length; start += 50) {
      await Promise.all(
        people.slice(start, start + 50).map((person) => repositories.participants.save(person)),
      );
    }
    const sizes = new Map<string, number>();
    for (const person of people)
      sizes.set(person.municipalityId ?? '', (sizes.get(person.municipalityId ?? '') ?? 0) + 1);
    const contested = [...sizes.values()].filter((size) => size > quota).length;
    // Every municipality's seats fill exactly: all of a small one's people, the quota of a big one's.
    const expectedConfirmed = [...sizes.values()].reduce((sum, size) => sum + Math.min(size, quota), 0);
    process.stdout.write(
      `  ${sizes.size} municipalities have registrants; ${contested} have more than ${quota} (largest ${Math.max(...sizes.values())})\n`,
    );
    const now = Date.now();
    await repositories.programme.saveRound({
      id: ROUND,
      name: { fi: 'Bench' },
      startsAt: new Date(now - 86_400_000).toISOString(),
      endsAt: new Date(now + 365 * 86_400_000).toISOString(),
    });
    const clients = people.map((person) => ({
      aadObjectId: person.aadObjectId,
      teamsUserId: person.teamsUserId ?? '',
      name: person.name,
    }));

    // Warm-up: connections, table creation, JIT.
    await runClient({
      endpoint,
      serviceUrl,
      verb: 'bench.unknown',
      eventId: 'none',
      concurrency,
      people: clients.slice(0, 200),
    });

    const rows: {
      seconds: number;
      floorSeconds: number;
      p50: number;
      p99: number;
      floorP99: number;
      overQuota: number;
      mismatched: number;
      conflicts: number;
      outcomes: Record<string, number>;
      load: number;
    }[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const event: ProgrammeEvent = {
        roundId: ROUND,
        id: `closing-day-${run}`,
        type: 'closingDay',
        title: { fi: `Päätöstilaisuus ${run}`, sv: 'Avslutningsevenemang', en: 'Closing day' },
        description: undefined,
        startsAt: new Date(now + 60 * 86_400_000).toISOString(),
        endsAt: new Date(now + 60 * 86_400_000 + 7 * 3_600_000).toISOString(),
        place: { name: 'Kuntatalo', address: 'Toinen linja 14, 00530 Helsinki' },
        onlineUrl: undefined,
        audienceRoles: [],
        municipalityId: undefined,
        inPersonQuota: quota,
        preAssignment: undefined,
        organiser: 'Kuntaliitto',
      };
      await repositories.programme.saveEvent(event);
      await registration.service.saveSettings(
        ROUND,
        event.id,
        {
          opensAt: new Date(now - 3_600_000).toISOString(),
          closesAt: new Date(now + 30 * 86_400_000).toISOString(),
          quota,
          capacity: undefined,
          cancelDeadline: undefined,
          offerHours: 48,
          questions: [],
        },
        { tenantId: TENANT, aadObjectId: 'bench', name: 'Bench' },
        undefined,
      );
      const conflictsBefore = registration.service.stats.conflicts;
      const floor = await runClient({
        endpoint,
        serviceUrl,
        verb: 'bench.unknown',
        eventId: event.id,
        concurrency,
        people: clients,
      });
      const load = os.loadavg()[0] ?? 0;
      const result = await runClient({
        endpoint,
        serviceUrl,
        verb: VERBS.registrationRegister,
        eventId: event.id,
        concurrency,
        people: clients,
      });
      const settings = await registration.repository.getSettings(ROUND, event.id);
      if (!settings) throw new Error('no settings');
      let overQuota = 0;
      let mismatched = 0;
      for (const scope of await registration.repository.eventScopes(settings)) {
        for (const [municipalityId, count] of scope.counts) {
          if (takenSeats(count) > quotaOf(settings, count)) overQuota += 1;
          const holding = scope.registrations.filter(
            (row) =>
              row.municipalityId === municipalityId &&
              (row.status === 'confirmed' || row.status === 'offered'),
          ).length;
          if (holding !== takenSeats(count)) mismatched += 1;
        }
      }
      rows.push({
        seconds: result.seconds,
        floorSeconds: floor.seconds,
        p50: percentile(result.latencies, 50),
        p99: percentile(result.latencies, 99),
        floorP99: percentile(floor.latencies, 99),
        overQuota,
        mismatched,
        conflicts: registration.service.stats.conflicts - conflictsBefore,
        outcomes: result.outcomes,
        load,
      });
      process.stdout.write(
        `run ${run}: ${n} registrations in ${result.seconds.toFixed(2)} s (floor ${floor.seconds.toFixed(2)} s), ` +
          `p50 ${percentile(result.latencies, 50).toFixed(0)} ms, p99 ${percentile(result.latencies, 99).toFixed(0)} ms, ` +
          `over quota ${overQuota}, counts off ${mismatched}, conflicts retried ${rows.at(-1)?.conflicts ?? 0}, ` +
          `outcomes ${JSON.stringify(result.outcomes)}, load average ${load.toFixed(2)}\n`,
      );
      for (const text of result.unexpected) process.stdout.write(`  unexpected answer: ${text}\n`);
    }
    const seconds = median(rows.map((row) => row.seconds));
    const floorSeconds = median(rows.map((row) => row.floorSeconds));
    process.stdout.write(
      `\nMedian of ${runs}: ${n} concurrent registrations across ${sizes.size} municipalities in ${seconds.toFixed(2)} s ` +
        `(${(n / seconds).toFixed(0)}/s), ${(seconds / floorSeconds).toFixed(2)} × the floor of ${floorSeconds.toFixed(2)} s; ` +
        `p99 ${median(rows.map((row) => row.p99)).toFixed(0)} ms (floor p99 ${median(rows.map((row) => row.floorP99)).toFixed(0)} ms); ` +
        `over quota ${Math.max(...rows.map((row) => row.overQuota))} in every run; ` +
        `conflicts retried ${median(rows.map((row) => row.conflicts))}; load average ${median(rows.map((row) => row.load)).toFixed(2)} ` +
        `on ${os.cpus().length} cores\n`,
    );
    const filled = rows.every((row) => row.outcomes.confirmed === expectedConfirmed);
    process.stdout.write(
      `Seats filled as they should (${expectedConfirmed} confirmed, the rest waitlisted) in every run: ${filled ? 'yes' : 'NO'}\n`,
    );
    if (!filled || rows.some((row) => row.overQuota > 0 || row.mismatched > 0)) process.exitCode = 1;
  } finally {
    await app.close();
    await connector.stop();
    await azurite.stop();
  }
}

if (process.argv.includes('--client')) {
  client().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
