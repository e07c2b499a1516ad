import type { Clock } from '../platform/clock';
import type { OutboxRepository, OutboxRow, RowUpdate } from './outbox-repository';

/** A batch transaction holds at most 100 operations. */
export const MAX_RESULT_BATCH = 100;

/** The outcome of one attempt at one row, waiting to be stored. */
export interface Outcome {
  readonly row: OutboxRow;
  readonly update: RowUpdate;
}

export interface ResultWriterHooks {
  /** The outcome is in storage; `etag` is undefined when someone else changed the row meanwhile. */
  stored(outcome: Outcome, etag: string | undefined): void;
  /** The batch could not be written: its rows stay claimed by this lease. */
  lost(batch: readonly Outcome[], error: unknown): void;
}

interface Waiting {
  readonly outcome: Outcome;
  readonly written: () => void;
}

/**
 * Writes one delivery's outcomes in batch transactions, one write at a time: an outcome that
 * arrives while a write is under way joins the next batch, so slow storage gets fewer, bigger
 * transactions instead of a growing queue of small ones, and fast storage writes at once.
 *
 * {@link record} resolves once the outcome is in storage (or its write failed), and a sender waits
 * for that before it starts its next message. So a message that was sent but not yet recorded is
 * always one a sender is still busy with: at most one per sender. That is the bound on repeats
 * after a crash: a process killed at any moment repeats at most as many messages as it had senders
 * working (the dispatcher's `concurrency`), and only those that were in flight.
 */
export class ResultWriter {
  private readonly unwritten: Waiting[] = [];
  private writing: Promise<void> | undefined;
  private writingCount = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    /** Outcomes per batch transaction (at most {@link MAX_RESULT_BATCH}). */
    private readonly batchSize: number,
    private readonly hooks: ResultWriterHooks,
  ) {}

  /** Outcomes not yet in storage: the messages a crash now would repeat. */
  get unrecorded(): number {
    return this.unwritten.length + this.writingCount;
  }

  /** Resolves when the outcome is in storage, or its batch could not be written. */
  record(outcome: Outcome): Promise<void> {
    return new Promise<void>((written) => {
      this.unwritten.push({ outcome, written });
      this.pump();
    });
  }

  /** Resolves when everything recorded so far has been written (or found unwritable). */
  async flush(): Promise<void> {
    while (this.writing || this.unwritten.length > 0) {
      this.pump();
      await this.writing;
    }
  }

  private pump(): void {
    if (this.writing || this.unwritten.length === 0) return;
    const batch = this.unwritten.splice(0, Math.min(this.batchSize, MAX_RESULT_BATCH));
    this.writingCount = batch.length;
    this.writing = this.write(batch.map((waiting) => waiting.outcome)).finally(() => {
      this.writing = undefined;
      this.writingCount = 0;
      for (const waiting of batch) waiting.written();
      this.pump();
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
