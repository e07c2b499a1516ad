import type { Logger } from './observability/logger';

/**
 * Runs work that outlives the request that started it (a roster sync after an install) and keeps
 * track of it, so failures are logged, tests can wait for quiet, and shutdown can let work finish.
 */
export class TaskSupervisor {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(name: string, work: () => Promise<void>): void {
    const task: Promise<void> = work()
      .catch((error: unknown) => this.logger.error('background task failed', { task: name, error }))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when every task started so far, and any they started, has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
  }
}
