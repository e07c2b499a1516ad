import { createLogger, type Logger } from '../../bot/src/platform/observability/logger';

/**
 * What has been started, stopped in the reverse order: the chat client first, then the app (stops
 * taking requests and claiming work, lets sends in flight finish and hands back its leases, all of
 * which still write to storage), the storage emulator last. Ctrl-C reaches this process alone (the
 * helpers run in their own process groups), so that order is ours to keep, from the first second
 * on. A step that fails is reported and the exit code says so.
 */
export class Shutdown {
  private readonly steps: (readonly [string, () => Promise<void>])[] = [];
  private startedAt: number | undefined;

  constructor(private readonly logger: Logger) {}

  get stopping(): boolean {
    return this.startedAt !== undefined;
  }

  add(name: string, step: () => Promise<void>): void {
    this.steps.unshift([name, step]);
  }

  /** Runs every step, reports the ones that fail and exits; never rejects. */
  async run(reason: string, exitCode = 0): Promise<never> {
    if (this.startedAt !== undefined) {
      // npm passes the terminal's signal on as well, so one Ctrl-C can arrive twice; only a later
      // one is someone waiting.
      if (Date.now() - this.startedAt > 2_000) {
        process.stdout.write('Still stopping: letting work in flight finish…\n');
      }
      return new Promise<never>(() => undefined);
    }
    this.startedAt = Date.now();
    process.stdout.write('\nStopping…\n');
    this.logger.info('shutting down', { reason });
    let failed = false;
    for (const [name, step] of this.steps) {
      try {
        await step();
      } catch (error) {
        failed = true;
        this.logger.error('shutdown step failed', { step: name, error });
      }
    }
    process.stdout.write(failed ? 'Stopped, with errors (see above).\n' : 'Stopped.\n');
    process.exit(failed ? 1 : exitCode);
  }
}

export const logger = createLogger((process.env.LOG_LEVEL as 'info' | undefined) ?? 'info');

/**
 * The launcher's one shutdown. It listens for Ctrl-C from the moment this module loads, which
 * `start-local.ts` makes the first thing it does, so a Ctrl-C while the app's modules are still
 * loading also ends in an orderly stop rather than a kill.
 */
export const shutdown = new Shutdown(logger);
const stopOn = (signal: NodeJS.Signals): void => {
  // `run` handles every error of a step itself; this is for a fault in `run`.
  shutdown.run(signal).catch((error: unknown) => {
    process.stderr.write(`Stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
};
process.on('SIGINT', () => stopOn('SIGINT'));
process.on('SIGTERM', () => stopOn('SIGTERM'));
// The terminal closed.
process.on('SIGHUP', () => stopOn('SIGHUP'));

/**
 * Stops everything when the process that started the launcher (npm, a shell) is gone without
 * passing a signal on, as after its `kill -9`: the launcher is then reparented, which `ppid`
 * shows, and a launcher nobody owns would otherwise keep the ports and the helpers forever.
 */
export function stopWhenParentDies(intervalMs = 500): void {
  const parent = process.ppid;
  const watchdog = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watchdog);
    logger.warn('the process that started npm start is gone; stopping', { parent });
    shutdown.run('parent exited', 1).catch((error: unknown) => {
      process.stderr.write(`Stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  }, intervalMs);
  watchdog.unref();
}
