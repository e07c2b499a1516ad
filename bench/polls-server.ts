/**
 * The bot process of `bench:polls`: the real app from `createApp` (restify, the Bot Framework
 * adapter, every middleware and feature) plus the two floor card actions, on the Azurite whose
 * connection string it is given. The load process drives it over HTTP and asks it, over IPC, to
 * seed data and to report the storage calls it counted. Started by bench/polls.ts, never alone.
 */
import type { TransactionAction } from '@azure/data-tables';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { createApp } from '../bot/src/app';
import { loadConfig } from '../bot/src/platform/config/config';
import { createLogger } from '../bot/src/platform/observability/logger';
import { escapeKey } from '../bot/src/platform/storage/keys';
import { odata, type StorageCall } from '../bot/src/platform/storage/table-store';
import { demoMunicipalities } from '../bot/src/demo/demo-network';
import { demoWishPoll } from '../bot/src/demo/demo-polls';
import type { Participant, TeamsIdentity } from '../bot/src/shared/participant';
import type { Versioned } from '../bot/src/platform/storage/table-store';
import type { pollsFeature } from '../bot/src/polls/polls-feature';
import { answererOf } from '../bot/src/polls/wish-poll-service';
import { applyAnswerChange, emptyTally } from '../bot/src/polls/wish-poll-tally';
import { benchFloorsFeature } from './lib/bench-floors';
import { answerData, COORDINATOR, person, random, TENANT } from './lib/polls-people';
import type { BotCommand, BotMessage, StorageCounts, TallyCheck } from './lib/polls-protocol';

const connectionString = process.env.BENCH_STORAGE_CONNECTION_STRING;
if (!connectionString || !process.send) {
  process.stderr.write(
    'polls-server is started by bench/polls.ts (IPC and BENCH_STORAGE_CONNECTION_STRING)\n',
  );
  process.exit(2);
}
const send = (message: BotMessage): void => {
  process.send?.(message);
};

const config = loadConfig({
  APP_MODE: 'local',
  PORT: '0',
  STORAGE_CONNECTION_STRING: connectionString,
  TABLE_PREFIX: 'bench',
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
});
const app = createApp(config, {
  logger: createLogger('silent'),
  startBackgroundWork: false,
  extraFeatures: [benchFloorsFeature],
});
const polls = (app.features.find((feature) => feature.name === 'polls') as ReturnType<typeof pollsFeature>)
  .polls;

// Counting storage requests: the app's own observer hook, read and reset between runs.
let counts = freshCounts();
function freshCounts() {
  return {
    calls: 0,
    byTable: {} as Record<string, number>,
    byKind: {} as Record<string, number>,
    conflicts412: 0,
    conflicts409: 0,
    notFound404: 0,
    failed: 0,
  };
}
app.store.observe((call: StorageCall) => {
  counts.calls += 1;
  counts.byTable[call.table] = (counts.byTable[call.table] ?? 0) + 1;
  const kind = `${call.table} ${call.method}${call.batch ? ' batch' : ''}`;
  counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
  if (call.status === 412) counts.conflicts412 += 1;
  if (call.status === 409) counts.conflicts409 += 1;
  if (call.status === 404) counts.notFound404 += 1;
  if (call.status === undefined || call.status >= 500) counts.failed += 1;
});

// Bench-only comparison for the wired participant cache (`ParticipantRepository.recent`, 30 s): a
// map that never expires, so the * phases show what a perfect cache would add. Off unless the load
// process turns it on.
let participantCacheOn = false;
const participants = app.repositories.participants;
const readParticipant = participants.get.bind(participants);
const remembered = new Map<string, Promise<Versioned<Participant> | undefined>>();
participants.get = (identity: TeamsIdentity) => {
  if (!participantCacheOn) return readParticipant(identity);
  const key = `${identity.tenantId}/${identity.aadObjectId}`;
  let found = remembered.get(key);
  if (!found) {
    found = readParticipant(identity);
    remembered.set(key, found);
  }
  return found;
};

async function seedParticipants(from: number, to: number): Promise<void> {
  for (const municipality of demoMunicipalities()) await app.repositories.municipalities.save(municipality);
  await app.repositories.coordinators.save({
    tenantId: TENANT,
    aadObjectId: COORDINATOR,
    name: 'Bench Coordinator',
    organisation: 'Kuntaliitto',
  });
  // One partition (the tenant): 100 rows per transaction.
  const client = await app.store.table('participants');
  const batches: TransactionAction[][] = [];
  for (let start = from; start < to; start += 100) {
    const batch: TransactionAction[] = [];
    for (let index = start; index < Math.min(to, start + 100); index += 1) {
      const p = person(index);
      batch.push([
        'upsert',
        {
          partitionKey: escapeKey(p.tenantId),
          rowKey: escapeKey(p.aadObjectId),
          tenantId: p.tenantId,
          aadObjectId: p.aadObjectId,
          name: p.name,
          ...(p.municipalityId ? { municipalityId: p.municipalityId } : {}),
          roles: JSON.stringify(p.roles),
          teamsUserId: p.teamsUserId,
          isGuest: p.isGuest,
          active: p.active,
          updatedAt: p.updatedAt,
        },
        'Replace',
      ]);
    }
    batches.push(batch);
  }
  await pool(batches, 4, async (batch) => {
    await client.submitTransaction(batch);
  });
  // The first look-up must find what was seeded, never a "not there" remembered earlier.
  remembered.clear();
}

async function seedAnswers(pollId: string, from: number, to: number): Promise<void> {
  const choose = random(11);
  const indexes = Array.from({ length: to - from }, (_, offset) => from + offset);
  await pool(indexes, 32, async (index) => {
    const data = answerData(choose, pollId);
    const outcome = await polls.answer(
      pollId,
      answererOf(person(index)),
      { topicIds: String(data.topics).split(','), suggestion: data.suggestion },
      new Date(),
    );
    if (outcome.kind !== 'saved') throw new Error(`seeding answer ${index}: ${outcome.kind}`);
  });
}

async function dropAnswers(pollId: string): Promise<void> {
  const client = await app.store.table('wishpollanswers');
  const partitionKey = escapeKey(pollId);
  const keys: { partitionKey: string; rowKey: string }[] = [];
  for await (const entity of client.listEntities({
    queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] },
  })) {
    keys.push({ partitionKey, rowKey: entity.rowKey ?? '' });
  }
  const batches: TransactionAction[][] = [];
  for (let start = 0; start < keys.length; start += 100) {
    batches.push(keys.slice(start, start + 100).map((key): TransactionAction => ['delete', key]));
  }
  await pool(batches, 4, async (batch) => {
    await client.submitTransaction(batch);
  });
}

async function tallyCheck(pollId: string): Promise<TallyCheck> {
  const repository = app.repositories.wishPolls;
  let recount = emptyTally();
  let storedAnswers = 0;
  let token: string | undefined;
  do {
    const page = await repository.answersPage(pollId, 1000, token);
    for (const answer of page.items) recount = applyAnswerChange(recount, undefined, answer);
    storedAnswers += page.items.length;
    token = page.continuationToken;
  } while (token);
  const tally = await polls.tally(pollId);
  return {
    pollId,
    respondents: tally.respondents,
    storedAnswers,
    equal: JSON.stringify(sortKeys(tally)) === JSON.stringify(sortKeys(recount)),
  };
}

async function handle(command: BotCommand): Promise<unknown> {
  switch (command.op) {
    case 'seedParticipants':
      return seedParticipants(command.from, command.to);
    case 'createPoll':
      return polls.create({ ...demoWishPoll(new Date()), id: command.pollId });
    case 'seedAnswers':
      return seedAnswers(command.pollId, command.from, command.to);
    case 'counters': {
      const result: StorageCounts = counts;
      if (command.reset) counts = freshCounts();
      return result;
    }
    case 'participantCache': {
      remembered.clear();
      // Warm, as a cache is in steady state: every participant's row is in memory already.
      if (command.on) {
        for (const participant of await participants.listAll()) {
          const key = `${participant.tenantId}/${participant.aadObjectId}`;
          remembered.set(key, Promise.resolve({ value: participant, etag: '' }));
        }
      }
      participantCacheOn = command.on;
      return undefined;
    }
    case 'tallyCheck':
      return tallyCheck(command.pollId);
    case 'dropAnswers':
      return dropAnswers(command.pollId);
    case 'profile':
      return profile(command.file);
    case 'stop':
      await app.close();
      setImmediate(() => process.exit(0));
      return undefined;
  }
}

process.on('message', (raw: { id: number; command: BotCommand }) => {
  handle(raw.command).then(
    (result) => send({ kind: 'reply', id: raw.id, ok: true, result }),
    (error: unknown) =>
      send({
        kind: 'reply',
        id: raw.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
// Without the load process there is nothing to serve.
process.on('disconnect', () => process.exit(0));

app.listen().then(
  (port) => {
    // Teams' front ends keep connections open; the default 5 s would make the load process
    // reconnect between runs, and new connections mid-run are what inflated the old floor.
    app.server.server.keepAliveTimeout = 120_000;
    send({ kind: 'ready', port, pid: process.pid });
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

const inspector = new Session();
let profiling = false;

/** Starts the V8 profiler, or stops it and writes the profile (open it in Chrome's DevTools). */
async function profile(file: string | undefined): Promise<void> {
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      inspector.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
    });
  if (file === undefined) {
    if (!profiling) inspector.connect();
    profiling = true;
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    return;
  }
  const { profile: taken } = (await post('Profiler.stop')) as { profile: object };
  await writeFile(file, JSON.stringify(taken));
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

/** JSON with keys in order, so two equal tallies built in different orders compare equal. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
