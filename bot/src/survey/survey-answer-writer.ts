import { ConflictError } from '../platform/storage/errors';
import type { Versioned } from '../platform/storage/table-store';
import type { AnswerCommit, SurveyRepository, TallyShard } from './survey-repository';

/** Every attempt at committing an answer met a changed shard; the caller says "try again". */
export class AnswerContentionError extends Error {
  constructor(readonly surveyId: string) {
    super(`An answer to survey ${surveyId} conflicted on every attempt`);
    this.name = 'AnswerContentionError';
  }
}

export type WriteOutcome = 'committed' | 'closed';

export interface AnswerWriterOptions {
  readonly maxAttempts?: number;
  /** Surveys whose shards are remembered at most (a national run has about 300 open at once). */
  readonly maxSurveys?: number;
}

/**
 * Commits answers to a survey's tally shards without the conflict storms of racing writers.
 *
 * - Within this process, commits to one shard run one after another; an answer goes to the shard
 *   with the fewest commits queued (an idle one when there is one), so concurrent answers to one
 *   survey spread over its shards instead of colliding on one row. Racing writers in one process
 *   would only fail each other's ETag checks and retry, which costs more round trips than waiting.
 * - The shard's tally and ETag after each commit are remembered (the transaction returns the new
 *   ETag), so an answer is one storage round trip: no read before the write.
 * - Every write stays conditional on the ETag. A shard another instance changed fails the commit
 *   (412); it is read afresh and the answer tried again, on whichever shard is free then. A stale
 *   memory costs one failed write, never a wrong count.
 */
export class AnswerWriter {
  private readonly shards = new Map<string, Map<number, Versioned<TallyShard>>>();
  private readonly loads = new Map<string, Promise<void>>();
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly queued = new Map<string, number>();
  private readonly maxAttempts: number;
  private readonly maxSurveys: number;

  constructor(
    private readonly repository: SurveyRepository,
    options: AnswerWriterOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.maxSurveys = options.maxSurveys ?? 1000;
  }

  /**
   * Commits one answer: `build` turns the shard it will count in into the commit (the answer and
   * the shard's next tally). Errors other than a changed shard (a replayed token, a spent code)
   * reach the caller unchanged; the transaction failed whole, so the shard is as it was.
   */
  async commit(
    surveyId: string,
    build: (shard: Versioned<TallyShard>) => AnswerCommit,
  ): Promise<WriteOutcome> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      await this.ensureLoaded(surveyId);
      const index = this.pickShard(surveyId);
      const outcome = await this.serialised(surveyId, index, async () => {
        const shard = this.shards.get(surveyId)?.get(index) ?? (await this.reload(surveyId, index));
        if (shard.value.closedAt !== undefined) return 'closed' as const;
        const commit = build(shard);
        try {
          const etag = await this.repository.commitAnswer(commit);
          const known = this.shards.get(surveyId);
          if (etag && known) known.set(index, { value: { ...shard.value, tally: commit.tally }, etag });
          else known?.delete(index);
          return 'committed' as const;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          this.shards.get(surveyId)?.delete(index);
          return 'conflict' as const;
        }
      });
      if (outcome !== 'conflict') return outcome;
      await backoff(attempt);
    }
    throw new AnswerContentionError(surveyId);
  }

  /** Forgets what this process knows of a survey's shards (after closing it, or in tests). */
  forget(surveyId: string): void {
    this.shards.delete(surveyId);
    this.loads.delete(surveyId);
  }

  private async ensureLoaded(surveyId: string): Promise<void> {
    if (this.shards.has(surveyId)) return;
    let load = this.loads.get(surveyId);
    if (!load) {
      load = this.repository.readShards(surveyId).then((rows) => {
        if (rows.length === 0) throw new Error(`The tally of survey ${surveyId} is missing`);
        this.remember(surveyId, new Map(rows.map((row) => [row.value.index, row])));
      });
      this.loads.set(surveyId, load);
      load.then(
        () => this.loads.delete(surveyId),
        () => this.loads.delete(surveyId),
      );
    }
    await load;
  }

  private remember(surveyId: string, shards: Map<number, Versioned<TallyShard>>): void {
    this.shards.set(surveyId, shards);
    // Least recently loaded first out: a Map keeps insertion order.
    while (this.shards.size > this.maxSurveys) {
      const oldest = this.shards.keys().next().value;
      if (oldest === undefined) break;
      this.shards.delete(oldest);
    }
  }

  private async reload(surveyId: string, index: number): Promise<Versioned<TallyShard>> {
    const shard = await this.repository.readShard(surveyId, index);
    if (!shard) throw new Error(`Tally shard ${index} of survey ${surveyId} is missing`);
    this.shards.get(surveyId)?.set(index, shard);
    return shard;
  }

  /** The shard with the fewest commits queued in this process; ties broken at random. */
  private pickShard(surveyId: string): number {
    const indexes = [...(this.shards.get(surveyId)?.keys() ?? [])];
    const all = indexes.length > 0 ? indexes : [0];
    let best: number[] = [];
    let fewest = Number.POSITIVE_INFINITY;
    for (const index of all) {
      const queued = this.queued.get(`${surveyId}/${index}`) ?? 0;
      if (queued < fewest) {
        fewest = queued;
        best = [index];
      } else if (queued === fewest) {
        best.push(index);
      }
    }
    return best[Math.floor(Math.random() * best.length)] ?? 0;
  }

  private serialised<T>(surveyId: string, index: number, task: () => Promise<T>): Promise<T> {
    const key = `${surveyId}/${index}`;
    this.queued.set(key, (this.queued.get(key) ?? 0) + 1);
    const previous = this.tails.get(key);
    const result = previous ? previous.then(task, task) : task();
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // tail never rejects; the second handler only satisfies no-floating-promises.
    tail.then(
      () => {
        const left = (this.queued.get(key) ?? 1) - 1;
        if (left <= 0) this.queued.delete(key);
        else this.queued.set(key, left);
        if (this.tails.get(key) === tail) this.tails.delete(key);
      },
      () => undefined,
    );
    return result;
  }
}

/** Jittered exponential back-off, so conflicting writers spread out instead of colliding again. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
