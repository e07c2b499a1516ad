/**
 * `npm run check:ctrl-c` (run by `.ci/run`): Ctrl-C in a terminal ends `npm start` cleanly.
 *
 * A terminal sends SIGINT to the whole foreground process group: npm, the shell npm runs the script
 * in, the launcher, and whatever they started in that group. This starts a real `npm start` as the
 * leader of a new process group (as a terminal's job is), waits until it says it is running, sends
 * SIGINT to the group, and checks what a person at the terminal would see: exit code 0, no stack
 * trace or error line, and no process left behind, neither in the group nor the helpers (Azurite,
 * the Agents Playground) that run in groups of their own. Not a jest test: `npm start` rebuilds
 * tab/dist, which the browser tests read while jest runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './lib/azurite';

const ROOT = path.resolve(__dirname, '..');
const READY = 'Press Ctrl-C to stop everything.';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

interface ProcessRow {
  readonly pid: number;
  readonly pgid: number;
  readonly args: string;
}

function processes(): ProcessRow[] {
  const text = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), pgid: Number(match[2]), args: match[3] ?? '' }));
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dv-ctrl-c-'));
  const [port, playgroundPort, azuritePort] = [await freePort(), await freePort(), await freePort()];
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['start'], {
    cwd: ROOT,
    // A new process group with this child as its leader, like a job a terminal starts.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      PLAYGROUND_PORT: String(playgroundPort),
      AZURITE_TABLE_PORT: String(azuritePort),
      AZURITE_LOCATION: dataDir,
      LOG_LEVEL: 'warn',
    },
  });
  const group = child.pid;
  if (group === undefined) throw new Error('npm start did not start');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const problems: string[] = [];
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!stdout.includes(READY)) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${stdout}\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`npm start was not running after ${START_TIMEOUT_MS} ms`);
      await sleep(200);
    }
    // Let the background work start (reminder tick, outbox) so there is something to drain.
    await sleep(3_000);
    const helpers = processes().filter(
      (row) => row.args.includes(dataDir) || row.args.includes(`-p ${playgroundPort}`),
    );
    if (helpers.length < 2)
      problems.push(`expected Azurite and the Playground running, saw ${helpers.length}`);
    const before = stdout.length;
    process.kill(-group, 'SIGINT');
    const timeout = sleep(STOP_TIMEOUT_MS).then(() => undefined);
    const result = await Promise.race([exited, timeout]);
    if (result === undefined) {
      problems.push(`npm start had not exited ${STOP_TIMEOUT_MS} ms after SIGINT`);
    } else if (result.code !== 0) {
      problems.push(
        `npm start exited with code ${result.code ?? 'none'} (signal ${result.signal ?? 'none'})`,
      );
    }
    await sleep(1_000);
    const output = stdout.slice(before) + stderr;
    if (/\n\s+at .+:\d+:\d+\)?\n/.test(output)) problems.push('a stack trace was printed');
    if (/"level":"error"|Error:|ECONNREFUSED/.test(output)) problems.push('an error was printed');
    if (!stdout.slice(before).includes('Stopped.')) problems.push('"Stopped." was not printed');
    const left = processes().filter(
      (row) =>
        row.pgid === group || helpers.some((helper) => helper.pid === row.pid) || row.args.includes(dataDir),
    );
    if (left.length > 0) {
      problems.push(`left behind: ${left.map((row) => `${row.pid} ${row.args}`).join('; ')}`);
      for (const row of left) process.kill(row.pid, 'SIGKILL');
    }
    if (problems.length > 0) {
      process.stderr.write(`--- output after SIGINT ---\n${output}\n---\n`);
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-group, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (problems.length > 0) throw new Error(`Ctrl-C of npm start: ${problems.join('; ')}`);
  process.stdout.write('Ctrl-C of npm start: exit code 0, no error or stack trace, no process left.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
