import type { TeamsIdentity } from '../shared/participant';
import type { Versioned } from '../platform/storage/table-store';
import type { WishPollAnswer } from './wish-poll';
import { personKey, type TallyShard } from './wish-poll-repository';

/** An answer this process wrote or read, the shard it counts in, and until when it is used. */
export interface KnownAnswer {
  readonly stored: Versioned<WishPollAnswer>;
  readonly shard: number;
}

export interface WriteStateLimits {
  /** Answers remembered at most (the oldest are forgotten first). */
  readonly maxAnswers?: number;
  /** How long a remembered answer is used; a change usually follows within minutes, if at all. */
  readonly answerTtlMs?: number;
  /** Polls whose shards are remembered at most (a round has a handful open). */
  readonly maxPolls?: number;
}

/**
 * What this process last wrote or read of a poll's answer rows and tally shards, with the ETags
 * storage returned. A change is then written on the strength of these ETags with no read first.
 * Nothing here is trusted beyond that: every write stays conditional on the ETag, so a row another
 * instance changed (or an erasure removed) makes the write fail, and the service reads it afresh
 * and tries again. A stale entry costs one failed write, never a wrong count.
 */
export class AnswerWriteState {
  private readonly shards = new Map<string, Map<number, Versioned<TallyShard>>>();
  private readonly loads = new Map<string, Promise<void>>();
  private readonly loaded = new Set<string>();
  private readonly answers = new Map<string, KnownAnswer & { readonly until: number }>();
  private readonly maxAnswers: number;
  private readonly answerTtlMs: number;
  private readonly maxPolls: number;

  constructor(
    private readonly now: () => number = Date.now,
    limits: WriteStateLimits = {},
  ) {
    this.maxAnswers = limits.maxAnswers ?? 50_000;
    this.answerTtlMs = limits.answerTtlMs ?? 10 * 60_000;
    this.maxPolls = limits.maxPolls ?? 50;
  }

  shard(pollId: string, index: number): Versioned<TallyShard> | undefined {
    return this.shards.get(pollId)?.get(index);
  }

  /**
   * Makes sure the poll's shards are known, reading all of them in one query the first time a poll
   * is answered in this process (one read per poll, not one per shard); concurrent callers share it.
   */
  async ensureShards(pollId: string, read: () => Promise<Versioned<TallyShard>[]>): Promise<void> {
    if (this.loaded.has(pollId)) return;
    let load = this.loads.get(pollId);
    if (!load) {
      load = read().then((shards) => {
        const byIndex = this.pollShards(pollId);
        // A shard written meanwhile by this process is newer than what the query returned.
        for (const shard of shards)
          if (!byIndex.has(shard.value.index)) byIndex.set(shard.value.index, shard);
        this.loaded.add(pollId);
      });
      this.loads.set(pollId, load);
      void load.then(
        () => this.loads.delete(pollId),
        () => this.loads.delete(pollId),
      );
    }
    await load;
  }

  setShard(pollId: string, shard: Versioned<TallyShard>): void {
    this.pollShards(pollId).set(shard.value.index, shard);
  }

  forgetShard(pollId: string, index: number): void {
    this.shards.get(pollId)?.delete(index);
  }

  /** Forgets everything about a poll (after it was closed, say). */
  forgetPoll(pollId: string): void {
    this.shards.delete(pollId);
    this.loaded.delete(pollId);
    for (const key of [...this.answers.keys()]) if (key.startsWith(`${pollId}\n`)) this.answers.delete(key);
  }

  answer(pollId: string, person: TeamsIdentity): KnownAnswer | undefined {
    const key = answerKey(pollId, person);
    const known = this.answers.get(key);
    if (!known) return undefined;
    if (known.until <= this.now()) {
      this.answers.delete(key);
      return undefined;
    }
    return known;
  }

  setAnswer(pollId: string, person: TeamsIdentity, known: KnownAnswer): void {
    const key = answerKey(pollId, person);
    // Re-inserted at the end: the map's order is the order of last use, oldest first.
    this.answers.delete(key);
    this.answers.set(key, { ...known, until: this.now() + this.answerTtlMs });
    while (this.answers.size > this.maxAnswers) {
      const oldest = this.answers.keys().next().value;
      if (oldest === undefined) break;
      this.answers.delete(oldest);
    }
  }

  forgetAnswer(pollId: string, person: TeamsIdentity): void {
    this.answers.delete(answerKey(pollId, person));
  }

  private pollShards(pollId: string): Map<number, Versioned<TallyShard>> {
    let byIndex = this.shards.get(pollId);
    if (!byIndex) {
      byIndex = new Map();
      this.shards.set(pollId, byIndex);
      while (this.shards.size > this.maxPolls) {
        const oldest = this.shards.keys().next().value;
        if (oldest === undefined) break;
        this.shards.delete(oldest);
        this.loaded.delete(oldest);
      }
    }
    return byIndex;
  }
}

function answerKey(pollId: string, person: TeamsIdentity): string {
  return `${pollId}\n${personKey(person)}`;
}
