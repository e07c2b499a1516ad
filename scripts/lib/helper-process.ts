import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';

const EXIT_WITH_OWNER = path.join(__dirname, 'exit-with-owner.cjs');

export interface HelperProcess {
  readonly child: ChildProcess;
  /** True once the process has exited. */
  readonly exited: boolean;
  /** Sends SIGTERM and resolves when the process has exited (at once if it already has). */
  stop(): Promise<void>;
}

/**
 * Starts a Node script (Azurite, the Agents Playground) as a helper that only its owner stops.
 *
 * It runs in its own process group, so Ctrl-C in a terminal, which signals the whole foreground
 * group, reaches the owner alone; the owner then shuts down in order and stops the helper last.
 * It ends with its owner in every case: on the owner's normal exit through an `exit` hook, and on
 * a hard end (SIGKILL, a crash) through `exit-with-owner.cjs` watching the IPC channel.
 */
export function startHelper(
  script: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdout?: 'ignore' | 'inherit' } = {},
): HelperProcess {
  const stdio: StdioOptions = ['ignore', options.stdout ?? 'ignore', 'inherit', 'ipc'];
  const child = spawn(process.execPath, ['--require', EXIT_WITH_OWNER, script, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio,
    detached: true,
  });
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  // The IPC channel only tells the helper that its owner is gone; it must not keep the owner alive.
  // The child itself stays referenced, so an owner awaiting `stop()` lives until the helper is gone.
  child.channel?.unref();
  const helper: HelperProcess = {
    child,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    stop: async () => {
      if (!helper.exited) child.kill('SIGTERM');
      await exitedPromise;
    },
  };
  return helper;
}
