import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/azurite';
import { waitFor } from '../reminders/support';

jest.setTimeout(180_000);

/**
 * The `npm start` launcher (scripts/start-local.ts, run as `npm start` runs it, without rebuilding
 * the tab) and what it leaves behind when it dies the hard way. Azurite and the Agents Playground
 * run in process groups of their own, so nothing but the launcher's own watchdogs ends them.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const LAUNCHER = ['--import', 'tsx', 'scripts/start-local.ts'];
const READY = 'Press Ctrl-C to stop everything.';

interface Ports {
  readonly bot: number;
  readonly playground: number;
  readonly azurite: number;
  readonly dataDir: string;
}

async function ports(): Promise<Ports> {
  return {
    bot: await freePort(),
    playground: await freePort(),
    azurite: await freePort(),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'dv-start-')),
  };
}

function environment(p: Ports): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(p.bot),
    PLAYGROUND_PORT: String(p.playground),
    AZURITE_TABLE_PORT: String(p.azurite),
    AZURITE_LOCATION: p.dataDir,
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: '--no-deprecation',
  };
  delete env.STORAGE_CONNECTION_STRING;
  return env;
}

interface ProcessRow {
  readonly pid: number;
  readonly ppid: number;
  readonly args: string;
}

function processTable(): ProcessRow[] {
  const text = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] ?? '' }));
}

/** The processes of one run: the helpers by the folder and port they were given, the launcher by pid. */
function processesOf(p: Ports, launcherPid?: number): ProcessRow[] {
  return processTable().filter(
    (row) =>
      row.pid === launcherPid || row.args.includes(p.dataDir) || row.args.includes(`-p ${p.playground} `),
  );
}

function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}

/** What each test started, so a failure leaves nothing behind (killed by pid, never by name). */
const started: { child: ChildProcess; ports: Ports; launcherPid?: number | undefined }[] = [];

afterEach(() => {
  // Whatever a failed test left: only the processes this test started, by pid.
  for (const { child, ports: p, launcherPid } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const row of processesOf(p, launcherPid)) process.kill(row.pid, 'SIGKILL');
    rmSync(p.dataDir, { recursive: true, force: true });
  }
});

describe('npm start', () => {
  it('ends Azurite and the Playground when the launcher is killed with SIGKILL', async () => {
    const p = await ports();
    const launcher = spawn(process.execPath, LAUNCHER, { cwd: ROOT, env: environment(p), stdio: 'pipe' });
    started.push({ child: launcher, ports: p });
    const output = collect(launcher);
    await waitFor(() => output().includes(READY) || launcher.exitCode !== null, 120_000, 'npm start');
    expect(output()).toContain(READY);
    const helpers = processesOf(p);
    expect(helpers.map((row) => row.args).join('\n')).toMatch(/azurite[\s\S]*m365agentsplayground/);

    launcher.kill('SIGKILL');
    await waitFor(() => processesOf(p).length === 0, 20_000, 'the helpers to end with the launcher');
  });

  it('stops everything when the npm process that started it is killed with SIGKILL', async () => {
    const p = await ports();
    // `sh` stands in for npm: a parent that dies without passing a signal on (`; true` keeps sh
    // from exec-ing node, so the launcher really has sh as its parent).
    const npm = spawn('sh', ['-c', `exec 2>&1; "${process.execPath}" ${LAUNCHER.join(' ')}; true`], {
      cwd: ROOT,
      env: environment(p),
      stdio: 'pipe',
    });
    started.push({ child: npm, ports: p });
    const output = collect(npm);
    await waitFor(() => output().includes(READY) || npm.exitCode !== null, 120_000, 'npm start');
    expect(output()).toContain(READY);
    const launcher = processTable().find((row) => row.ppid === npm.pid);
    expect(launcher?.args).toContain('start-local.ts');
    started[started.length - 1] = { child: npm, ports: p, launcherPid: launcher?.pid };
    expect(processesOf(p, launcher?.pid)).toHaveLength(3);

    npm.kill('SIGKILL');
    // The launcher notices it was orphaned, stops in order (Playground, app, Azurite) and exits.
    await waitFor(
      () => processesOf(p, launcher?.pid).length === 0,
      30_000,
      'the launcher and its helpers to stop',
    );
  });

  it.each([
    ['azurite', 'AZURITE_TABLE_PORT', 'Azurite'],
    ['bot', 'PORT', 'the bot and the tab'],
    ['playground', 'PLAYGROUND_PORT', 'the Agents Playground'],
  ] as const)(
    'names an occupied %s port and starts nothing rather than using what listens there',
    async (which, variable, what) => {
      const p = await ports();
      // An orphan of an earlier run, or anything else, holding the port.
      const squatter = net.createServer();
      await new Promise<void>((resolve) => squatter.listen(p[which], '127.0.0.1', () => resolve()));
      try {
        const launcher = spawn(process.execPath, LAUNCHER, { cwd: ROOT, env: environment(p), stdio: 'pipe' });
        started.push({ child: launcher, ports: p });
        const output = collect(launcher);
        await waitFor(() => launcher.exitCode !== null, 60_000, 'the launcher to give up');
        expect(launcher.exitCode).toBe(1);
        expect(output()).toContain(`Port ${p[which]} (${what}`);
        expect(output()).toContain(variable);
        expect(output()).not.toContain(READY);
        expect(output()).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
        expect(processesOf(p)).toEqual([]);
      } finally {
        await new Promise<void>((resolve) => squatter.close(() => resolve()));
      }
    },
  );
});
