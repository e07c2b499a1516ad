import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createRepositories } from '../../bot/src/repositories';
import { TableStore } from '../../bot/src/platform/storage/table-store';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { participant, seedNetwork, waitFor, workshop } from '../reminders/support';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * Two app processes, started through the production entry point, on one storage: each reminder
 * reaches each recipient once, and SIGTERM lets a process finish its work and exit cleanly.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const RECIPIENTS = 40;

function startInstance(tablePrefix: string): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bot', 'src', 'index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      APP_MODE: 'local',
      PORT: '0',
      STORAGE_CONNECTION_STRING: testStorageConnectionString(),
      TABLE_PREFIX: tablePrefix,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      NODE_OPTIONS: '--no-deprecation',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('two app processes on one storage', () => {
  const emulator = new BotConnectorEmulator();
  const instances: { child: ChildProcess; output: () => string }[] = [];

  beforeAll(async () => {
    await emulator.start();
  });
  afterAll(async () => {
    for (const { child } of instances)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await emulator.stop();
  });

  it('deliver each due reminder once to each recipient, then shut down cleanly on SIGTERM', async () => {
    const tablePrefix = uniquePrefix();
    const store = new TableStore(
      { kind: 'connectionString', connectionString: testStorageConnectionString() },
      tablePrefix,
    );
    const start = new Date(Date.now() + 2 * 3600_000);
    const people = Array.from({ length: RECIPIENTS }, (_, index) => participant(index + 1));
    // The day-ahead reminder of a workshop two hours away is overdue but still worth sending.
    await seedNetwork(
      createRepositories(store, () => new Date()),
      emulator.serviceUrl,
      [workshop('ops', start.toISOString(), new Date(start.getTime() + 3 * 3600_000).toISOString())],
      people,
    );

    instances.push(startInstance(tablePrefix), startInstance(tablePrefix));
    await waitFor(
      () => instances.every(({ output }) => output().includes('"listening"')),
      60_000,
      'both to listen',
    );

    // One message per person plus one in the team channel.
    await emulator.waitForActivities(RECIPIENTS + 1, 90_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const perConversation = new Map<string, number>();
    for (const recorded of emulator.allActivities()) {
      perConversation.set(recorded.conversationId, (perConversation.get(recorded.conversationId) ?? 0) + 1);
    }
    expect(perConversation.size).toBe(RECIPIENTS + 1);
    expect([...perConversation.values()].every((count) => count === 1)).toBe(true);
    expect(emulator.stats.duplicates).toBe(0);
    expect(emulator.stats.limitRejections).toBe(0);

    const exits = instances.map(({ child }) => exitOf(child));
    for (const { child } of instances) child.kill('SIGTERM');
    const codes = await Promise.race([
      Promise.all(exits),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000)),
    ]);
    expect(codes).toEqual([0, 0]);
    for (const { output } of instances) expect(output()).toContain('"shutting down"');
  });
});
