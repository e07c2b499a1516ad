import type { Clock } from '../platform/clock';
import type { OutboxRepository, OutboxRow, RowUpdate } from './outbox-repository';
import type { Signal } from './signal';

/** A batch transaction holds at most 100 operations. */
export const MAX_RESULT_BATCH = 100;

/** The outcome of one attempt at one row, waiting to be stored. */
export interface Outcome {
  readonly row: OutboxRow;
  readonly update: RowUpdate;
}

export interface ResultWriterOptions {
  /** Outcomes written per batch transaction (at most {@link MAX_RESULT_BATCH}). */
  readonly batchSize: number;
  /** The longest an outcome waits for its batch to fill. */
  readonly flushMs: number;
}

export interface ResultWriterHooks {
  /** The outcome is in storage; `etag` is undefined when someone else changed the row meanwhile. */
  stored(outcome: Outcome, etag: string | undefined): void;
  /** The batch could not be written: its rows stay claimed by this lease. */
  lost(batch: readonly Outcome[], error: unknown): void;
}

/**
 * Writes one delivery's outcomes in small batch transactions: one storage call per batch instead
 * of one per message. One write at a time; outcomes that arrive meanwhile join the next batch, so
 * slow storage gets fewer, bigger transactions instead of a growing queue of small ones. Every
 * finished write notifies `written`, which is what senders waiting for room listen to.
 */
export class ResultWriter {
  private readonly unwritten: Outcome[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private writingCount = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly options: ResultWriterOptions,
    private readonly hooks: ResultWriterHooks,
    private readonly written: Signal,
  ) {}

  /** Outcomes not yet in storage: the messages a crash now would repeat. */
  get unrecorded(): number {
    return this.unwritten.length + this.writingCount;
  }

  /** Storage is behind: two batches wait. Senders pause rather than widen what a crash could repeat. */
  get full(): boolean {
    return this.unrecorded >= this.options.batchSize * 2;
  }

  /** Queues an outcome; it is written with the next batch. */
  async record(outcome: Outcome): Promise<void> {
    await Promise.resolve();
    this.unwritten.push(outcome);
    if (this.unwritten.length >= this.options.batchSize) this.pump();
    else this.flushTimer ??= setTimeout(() => this.pump(), this.options.flushMs);
  }

  /** Resolves when everything recorded so far has been written (or found unwritable). */
  async flush(): Promise<void> {
    while (this.writing || this.unwritten.length > 0) {
      this.pump();
      await this.writing;
    }
  }

  private pump(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.writing || this.unwritten.length === 0) return;
    const batch = this.unwritten.splice(0, MAX_RESULT_BATCH);
    this.writingCount = batch.length;
    this.writing = this.write(batch).finally(() => {
      this.writing = undefined;
      this.writingCount = 0;
      this.written.notify();
      if (this.unwritten.length >= this.options.batchSize) this.pump();
      else if (this.unwritten.length > 0)
        this.flushTimer ??= setTimeout(() => this.pump(), this.options.flushMs);
    });
  }

  private async write(batch: readonly Outcome[]): Promise<void> {
    let etags: (string | undefined)[];
    try {
      etags = await this.outbox.updateMany(batch, this.clock());
    } catch (error) {
      this.hooks.lost(batch, error);
      return;
    }
    batch.forEach((outcome, index) => this.hooks.stored(outcome, etags[index]));
  }
}
