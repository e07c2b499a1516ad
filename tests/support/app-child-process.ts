import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { AppOptions } from '../../bot/src/app';

/** The app running in a child process (tests/support/app-child.ts), and what it has logged. */
export interface AppChild {
  readonly process: ChildProcess;
  /** Every line the child wrote to stdout so far (JSON log lines and `listening <port>`). */
  readonly lines: string[];
  /** Resolves with the first line that matches, or rejects when the child exits first. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number, what: string): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the app in its own Node process (tsx's loader in the same process, so a kill hits it). */
export function startAppChild(options: {
  storage: string;
  tablePrefix: string;
  appOptions?: Pick<AppOptions, 'delivery' | 'reminders' | 'groups'>;
  logLevel?: string;
}): AppChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'app-child.ts')], {
    cwd: path.join(__dirname, '..', '..'),
    env: {
      ...process.env,
      CHILD_STORAGE: options.storage,
      CHILD_PREFIX: options.tablePrefix,
      CHILD_OPTIONS: JSON.stringify(options.appOptions ?? {}),
      CHILD_LOG_LEVEL: options.logLevel ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts.filter((line) => line !== ''));
    for (const listener of [...listeners]) listener();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
      for (const listener of [...listeners]) listener();
    }),
  );
  return {
    process: child,
    lines,
    exited,
    waitForLine: (match, timeoutMs, what) =>
      new Promise<string>((resolve, reject) => {
        const check = (): void => {
          const found = lines.find(match);
          if (found !== undefined) finish(() => resolve(found));
          else if (child.exitCode !== null || child.signalCode !== null) {
            finish(() =>
              reject(
                new Error(
                  `The app exited (code ${child.exitCode ?? 'none'}, signal ${child.signalCode ?? 'none'}) before ${what}:\n${lines.slice(-20).join('\n')}`,
                ),
              ),
            );
          }
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`Timed out waiting for ${what}`))),
          timeoutMs,
        );
        const finish = (settle: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** True for a JSON log line whose message is `message`. */
export function logged(message: string): (line: string) => boolean {
  return (line) => {
    if (!line.startsWith('{')) return false;
    try {
      return (JSON.parse(line) as { message?: unknown }).message === message;
    } catch (error) {
      if (error instanceof SyntaxError) return false;
      throw error;
    }
  };
}
