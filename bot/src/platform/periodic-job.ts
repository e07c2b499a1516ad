import type { Logger } from './observability/logger';

export interface PeriodicJobOptions {
  /** For the logs: what the job does ("reminder tick"). */
  readonly name: string;
  readonly intervalMs: number;
  /** The first pass after start (default: one interval). */
  readonly firstRunAfterMs?: number;
  /**
   * Each wait is lengthened by up to this fraction of itself (default 0.1), so instances started
   * together do not all read storage at the same instant.
   */
  readonly jitter?: number;
  /** One pass; its errors are logged and the next pass runs as planned. */
  readonly run: () => Promise<void>;
  readonly logger: Logger;
}

/**
 * Background work that runs every so often: one pass at a time (a slow pass is never overlapped),
 * timers that never keep the process alive, and a stop that waits for the pass under way. Every
 * feature's background timer is one of these.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;

  constructor(private readonly options: PeriodicJobOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(this.options.firstRunAfterMs ?? this.options.intervalMs);
  }

  /** Runs one pass now, or waits for the pass under way; resolves when it is over. */
  runNow(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the timer and waits for a pass under way to finish. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number): void {
    const jitter = (this.options.jitter ?? 0.1) * delayMs * Math.random();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runNow()
        .finally(() => {
          if (this.started) this.schedule(this.options.intervalMs);
        })
        .catch((error: unknown) => this.options.logger.error(`${this.options.name} failed`, { error }));
    }, delayMs + jitter);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    try {
      await this.options.run();
    } catch (error) {
      this.options.logger.error(`${this.options.name} failed`, { error });
    }
  }
}
