import type { Participant, TeamsIdentity } from '../shared/participant';
import { ConflictError } from '../platform/storage/errors';
import type { Versioned } from '../platform/storage/table-store';
import {
  MAX_GROUP_ANSWERS,
  personKey,
  type AnswerChange,
  type CommittedAnswer,
  type TallyShard,
  type WishPollRepository,
} from './wish-poll-repository';
import { AnswerWriteState, type WriteStateLimits } from './wish-poll-write-state';
import { GroupCommitter } from '../platform/group-commit';
import type { Clock } from '../platform/clock';
import {
  effectiveCloseTime,
  isInAudience,
  pollStatus,
  sameAnswer,
  validateAnswer,
  type AnswerInput,
  type AnswerProblem,
  type Answerer,
  type WishPoll,
  type WishPollAnswer,
} from './wish-poll';
import { applyAnswerChange, mergeTallies, type WishPollTally } from './wish-poll-tally';

export type AnswerOutcome =
  /** Stored (or already stored exactly so: a double click); `answer` is what is stored now. */
  | {
      readonly kind: 'saved';
      readonly poll: WishPoll;
      readonly answer: WishPollAnswer;
      readonly changed: boolean;
    }
  /** The same person submitted a later change meanwhile; that one stands and is returned. */
  | { readonly kind: 'superseded'; readonly poll: WishPoll; readonly answer: WishPollAnswer }
  | { readonly kind: 'unknownPoll' }
  | { readonly kind: 'notOpenYet'; readonly poll: WishPoll }
  | { readonly kind: 'closed'; readonly poll: WishPoll }
  | { readonly kind: 'outsideAudience'; readonly poll: WishPoll }
  | { readonly kind: 'invalid'; readonly poll: WishPoll; readonly problem: AnswerProblem };

export interface WishPollServiceOptions {
  /** Conflicting writes retried before giving up (each retry re-reads and re-applies). */
  readonly maxAttempts?: number;
  /** How long a poll definition is reused from memory; only its early close can change, and that is checked in storage. */
  readonly cacheTtlMs?: number;
  /** The payload one transaction of a group may carry, estimated (default about 3.5 MiB of 4). */
  readonly transactionBytes?: number;
  /** Bounds of the memory of answers and shards written (see {@link AnswerWriteState}). */
  readonly writeState?: WriteStateLimits;
}

/**
 * A transaction's payload may be 4 MiB: a group is split before its rows could pass about 3.5 MiB
 * (estimated generously: UTF-16 for the tallies' JSON, three bytes a character of a suggestion).
 */
const TRANSACTION_BYTES = 3.5 * 1024 * 1024;
const ANSWER_ROW_BYTES = 1024;

/** An answer waiting for its poll's next group commit, checked and validated already. */
interface PendingAnswer {
  readonly poll: WishPoll;
  readonly answerer: Answerer;
  readonly content: Pick<WishPollAnswer, 'topicIds' | 'suggestion'>;
  readonly submitted: string;
}

/** The answer to store when `previous` (if any) is replaced. */
function nextAnswer(
  poll: WishPoll,
  answerer: Answerer,
  content: Pick<WishPollAnswer, 'topicIds' | 'suggestion'>,
  submitted: string,
  previous: Versioned<WishPollAnswer> | undefined,
): WishPollAnswer {
  return {
    pollId: poll.id,
    answerer: { tenantId: answerer.tenantId, aadObjectId: answerer.aadObjectId },
    name: poll.anonymous ? undefined : answerer.name,
    municipalityId: answerer.municipalityId,
    roles: answerer.roles,
    ...content,
    submittedAt: submitted,
    version: (previous?.value.version ?? 0) + 1,
  };
}

/** A person's answer row and the tally shard it counts in, with their ETags. */
interface FreshRows {
  readonly answer: Versioned<WishPollAnswer> | undefined;
  readonly shard: Versioned<TallyShard> | undefined;
}

/** Thrown when a change kept conflicting with others for every attempt; the caller says "try again". */
export class AnswerContentionError extends Error {
  constructor(readonly pollId: string) {
    super(`Answer to poll ${pollId} conflicted on every attempt`);
    this.name = 'AnswerContentionError';
  }
}

/** The person as the poll sees them, from the network's participant record. */
export function answererOf(participant: Participant | undefined): Answerer | undefined {
  if (!participant) return undefined;
  return {
    tenantId: participant.tenantId,
    aadObjectId: participant.aadObjectId,
    name: participant.name,
    municipalityId: participant.municipalityId,
    roles: participant.roles,
    active: participant.active,
  };
}

/**
 * Answers and the lifecycle of wish polls. An answer change is read-modify-write of the person's
 * answer row and their tally shard, committed as one conditional transaction and retried on
 * conflict. Which of two changes by the same person wins is decided by when each was submitted,
 * not by which reached storage first: a retry never overwrites a later submission.
 *
 * The read is usually skipped: the rows' ETags from this process's last commit are used (see
 * {@link AnswerWriteState}). A poll's answers are committed by one writer per process (see
 * {@link GroupCommitter}): the answers that arrive while one transaction is in flight go out
 * together in the next, so a process never conflicts with itself and an answer costs at most one
 * storage round trip, fewer under load. Across instances the ETags still decide.
 */
export class WishPollService {
  private readonly cache = new Map<string, { poll: WishPoll; until: number }>();
  private readonly reads = new Map<string, Promise<WishPoll | undefined>>();
  private readonly maxAttempts: number;
  private readonly cacheTtlMs: number;
  private readonly state: AnswerWriteState;
  private readonly transactionBytes: number;
  private readonly committers = new Map<string, GroupCommitter<PendingAnswer, AnswerOutcome>>();

  constructor(
    private readonly polls: WishPollRepository,
    private readonly clock: Clock,
    options: WishPollServiceOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 16;
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.state = new AnswerWriteState(Date.now, options.writeState);
    this.transactionBytes = options.transactionBytes ?? TRANSACTION_BYTES;
  }

  /** Stores a new poll; false when the id is taken. */
  async create(poll: WishPoll): Promise<boolean> {
    return this.polls.create(poll);
  }

  async get(pollId: string): Promise<WishPoll | undefined> {
    const now = Date.now();
    const cached = this.cache.get(pollId);
    if (cached && cached.until > now) return cached.poll;
    // Answers arriving together after the cache lapsed share one read.
    let reading = this.reads.get(pollId);
    if (!reading) {
      reading = this.polls.get(pollId).then((stored) => {
        if (stored) this.remember(stored.value);
        else this.cache.delete(pollId);
        return stored?.value;
      });
      this.reads.set(pollId, reading);
      const done = (): void => {
        this.reads.delete(pollId);
      };
      reading.then(done, done);
    }
    return reading;
  }

  async list(): Promise<WishPoll[]> {
    const polls = await this.polls.list();
    return polls.sort((a, b) => b.opensAt.localeCompare(a.opensAt) || a.id.localeCompare(b.id));
  }

  /** The polls open now whose audience includes the person, each with their own answer if any. */
  async openFor(
    answerer: Answerer | undefined,
  ): Promise<{ poll: WishPoll; answer: WishPollAnswer | undefined }[]> {
    if (!answerer) return [];
    const now = this.clock();
    const open = (await this.list()).filter(
      (poll) => pollStatus(poll, now) === 'open' && isInAudience(poll, answerer),
    );
    return Promise.all(
      open.map(async (poll) => ({ poll, answer: (await this.polls.getAnswer(poll.id, answerer))?.value })),
    );
  }

  /**
   * Polls that closed in the last `withinMs` and let participants see the results, among those the
   * person was asked in, each with the person's own answer.
   */
  async closedWithResultsFor(
    answerer: Answerer | undefined,
    withinMs: number,
  ): Promise<{ poll: WishPoll; answer: WishPollAnswer | undefined }[]> {
    if (!answerer) return [];
    const now = this.clock();
    const closed = (await this.list()).filter(
      (poll) =>
        poll.resultsVisibleToParticipants &&
        pollStatus(poll, now) === 'closed' &&
        now.getTime() - Date.parse(effectiveCloseTime(poll)) <= withinMs &&
        isInAudience(poll, answerer),
    );
    return Promise.all(
      closed.map(async (poll) => ({ poll, answer: (await this.polls.getAnswer(poll.id, answerer))?.value })),
    );
  }

  async answerOf(pollId: string, person: TeamsIdentity): Promise<WishPollAnswer | undefined> {
    return (await this.polls.getAnswer(pollId, person))?.value;
  }

  /**
   * Stores a person's answer, replacing their earlier one. Everything is checked before anything
   * is written; a rejected answer changes nothing.
   */
  async answer(
    pollId: string,
    answerer: Answerer | undefined,
    input: AnswerInput,
    submittedAt: Date,
  ): Promise<AnswerOutcome> {
    const poll = await this.get(pollId);
    if (!poll) return { kind: 'unknownPoll' };
    const status = pollStatus(poll, this.clock());
    if (status === 'scheduled') return { kind: 'notOpenYet', poll };
    if (status === 'closed') return { kind: 'closed', poll };
    if (!answerer || !isInAudience(poll, answerer)) return { kind: 'outsideAudience', poll };
    const validated = validateAnswer(poll, input);
    if (!validated.ok) return { kind: 'invalid', poll, problem: validated.problem };

    // A submission time from the future would lock the answer against later changes; cap it.
    const submitted = new Date(Math.min(submittedAt.getTime(), this.clock().getTime())).toISOString();
    const content = { topicIds: validated.topicIds, suggestion: validated.suggestion };
    return this.committerFor(poll.id).submit({ poll, answerer, content, submitted });
  }

  private committerFor(pollId: string): GroupCommitter<PendingAnswer, AnswerOutcome> {
    let committer = this.committers.get(pollId);
    if (!committer) {
      committer = new GroupCommitter(
        (group) => this.commitGroup(pollId, group),
        // One change per person per transaction, so each sees the one before; and the size limit.
        (group, item) =>
          group.length < MAX_GROUP_ANSWERS &&
          group.every((other) => personKey(other.answerer) !== personKey(item.answerer)),
      );
      this.committers.set(pollId, committer);
      // Polls are few, but their committers need not outlive their work.
      if (this.committers.size > 50) {
        for (const [id, idle] of this.committers) if (idle.idle && id !== pollId) this.committers.delete(id);
      }
    }
    return committer;
  }

  /**
   * Commits a group of answers to one poll as one transaction, from what this process remembers
   * (see {@link AnswerWriteState}): no read when the shards and the people's earlier answers are
   * known, and a first answer created outright when no earlier one is known. An answer that needs
   * storage's word first (memory says it is unchanged or superseded, or its shard is not known) is
   * written on its own after a read, and so is every answer of a group that storage refused.
   */
  private async commitGroup(pollId: string, group: readonly PendingAnswer[]): Promise<AnswerOutcome[]> {
    if (group.length === 0) return [];
    await this.state.ensureShards(pollId, () => this.polls.readShards(pollId));
    const outcomes: (AnswerOutcome | undefined)[] = group.map(() => undefined);
    const alone: number[] = [];
    let remaining = group.map((_, index) => index);
    // Usually one transaction; more only when the group's rows would pass the payload limit.
    while (remaining.length > 0) {
      const writes: { index: number; change: AnswerChange }[] = [];
      const shards = new Map<number, Versioned<TallyShard>>();
      const later: number[] = [];
      let bytes = 0;
      for (const index of remaining) {
        const { poll, answerer, content, submitted } = group[index];
        const known = this.state.answer(pollId, answerer);
        const shardIndex = known?.shard ?? this.polls.shardFor(answerer);
        const shard = shards.get(shardIndex) ?? this.state.shard(pollId, shardIndex);
        if (!shard) {
          alone.push(index);
          continue;
        }
        // Closing is final, so a shard seen closed, even from memory, means closed.
        if (shard.value.closedAt !== undefined) {
          outcomes[index] = { kind: 'closed', poll: { ...poll, closedAt: shard.value.closedAt } };
          continue;
        }
        const previous = known?.stored;
        if (previous && (sameAnswer(previous.value, content) || previous.value.submittedAt > submitted)) {
          alone.push(index);
          continue;
        }
        const cost =
          ANSWER_ROW_BYTES +
          3 * (content.suggestion?.length ?? 0) +
          (shards.has(shardIndex) ? 0 : 2 * JSON.stringify(shard.value.tally).length + ANSWER_ROW_BYTES);
        if (writes.length > 0 && bytes + cost > this.transactionBytes) {
          later.push(index);
          continue;
        }
        bytes += cost;
        const next = nextAnswer(poll, answerer, content, submitted, previous);
        shards.set(shardIndex, {
          ...shard,
          value: { ...shard.value, tally: applyAnswerChange(shard.value.tally, previous?.value, next) },
        });
        writes.push({ index, change: { previous, next, shard: shardIndex } });
      }
      await this.commitWrites(pollId, group, writes, [...shards.values()], outcomes, alone);
      remaining = later;
    }
    for (const index of alone.sort((a, b) => a - b)) {
      const pending = group[index];
      outcomes[index] = await this.commit(
        pending.poll,
        pending.answerer,
        pending.content,
        pending.submitted,
        this.polls.shardFor(pending.answerer),
      );
    }
    return outcomes.map((outcome) => {
      if (!outcome) throw new Error('An answer of the group was left without an outcome');
      return outcome;
    });
  }

  /** One transaction of a group; on a conflict its answers are left to be written one by one. */
  private async commitWrites(
    pollId: string,
    group: readonly PendingAnswer[],
    writes: readonly { index: number; change: AnswerChange }[],
    shards: readonly Versioned<TallyShard>[],
    outcomes: (AnswerOutcome | undefined)[],
    alone: number[],
  ): Promise<void> {
    if (writes.length === 0) return;
    try {
      const committed = await this.polls.commitAnswers(
        writes.map((write) => write.change),
        shards,
      );
      writes.forEach((write, position) => {
        const pending = group[write.index];
        this.rememberCommit(pollId, pending.answerer, write.change.shard, committed[position]);
        outcomes[write.index] = {
          kind: 'saved',
          poll: pending.poll,
          answer: write.change.next,
          changed: true,
        };
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Which row failed is not said: forget them all and write each answer on its own.
      for (const write of writes) {
        this.state.forgetAnswer(pollId, group[write.index].answerer);
        this.state.forgetShard(pollId, write.change.shard);
        alone.push(write.index);
      }
    }
  }

  /**
   * The write of one answer, at one round trip when this process knows the rows: the shard's ETag
   * from the last commit (or the one query that read all shards), the person's answer and its ETag
   * if they answered through this process, else a first answer created outright. Whatever storage
   * says otherwise (a 409 or 412) is read afresh and tried again. A decision not to write (the same
   * answer again, a later one stored) is only taken on what storage says, never on memory alone.
   */
  private async commit(
    poll: WishPoll,
    answerer: Answerer,
    content: Pick<WishPollAnswer, 'topicIds' | 'suggestion'>,
    submitted: string,
    expectedShard: number,
  ): Promise<AnswerOutcome> {
    let fresh: FreshRows | undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const rows = fresh ?? (await this.remembered(poll.id, answerer, expectedShard));
      const { answer: previous, shard } = rows;
      if (!shard) throw new Error(`The tally of poll ${poll.id} is missing`);
      // Closing is final, so a shard seen closed, even from memory, means closed.
      if (shard.value.closedAt !== undefined) {
        return { kind: 'closed', poll: { ...poll, closedAt: shard.value.closedAt } };
      }
      if (previous && (sameAnswer(previous.value, content) || previous.value.submittedAt > submitted)) {
        if (!fresh) {
          fresh = await this.readFresh(poll.id, answerer);
          continue;
        }
        if (sameAnswer(previous.value, content)) {
          return { kind: 'saved', poll, answer: previous.value, changed: false };
        }
        return { kind: 'superseded', poll, answer: previous.value };
      }
      const next = nextAnswer(poll, answerer, content, submitted, previous);
      try {
        const committed = await this.polls.commitAnswer({
          previous,
          next,
          shard,
          tally: applyAnswerChange(shard.value.tally, previous?.value, next),
        });
        this.rememberCommit(poll.id, answerer, shard.value.index, committed);
        return { kind: 'saved', poll, answer: next, changed: true };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        this.state.forgetAnswer(poll.id, answerer);
        this.state.forgetShard(poll.id, shard.value.index);
        // A conflict on rows just read means another process wrote meanwhile: give it room. A
        // conflict on remembered rows only means memory was stale: read at once.
        if (fresh) await backoff(attempt);
        fresh = await this.readFresh(poll.id, answerer);
      }
    }
    throw new AnswerContentionError(poll.id);
  }

  /** The rows as this process last saw them; the person's answer is undefined when not known. */
  private async remembered(pollId: string, answerer: Answerer, expectedShard: number): Promise<FreshRows> {
    const known = this.state.answer(pollId, answerer);
    const index = known?.shard ?? expectedShard;
    let shard = this.state.shard(pollId, index);
    if (!shard) {
      await this.state.ensureShards(pollId, () => this.polls.readShards(pollId));
      shard = this.state.shard(pollId, index);
    }
    // Not loaded with the others (forgotten after a conflict): read with the answer.
    if (!shard) return this.readFresh(pollId, answerer);
    return { answer: known?.stored, shard };
  }

  private async readFresh(pollId: string, answerer: Answerer): Promise<FreshRows> {
    const rows = await this.polls.readForAnswer(pollId, answerer);
    if (rows.shard) this.state.setShard(pollId, rows.shard);
    if (rows.answer && rows.shard) {
      this.state.setAnswer(pollId, answerer, { stored: rows.answer, shard: rows.shard.value.index });
    } else {
      this.state.forgetAnswer(pollId, answerer);
    }
    return rows;
  }

  private rememberCommit(
    pollId: string,
    answerer: Answerer,
    shardIndex: number,
    committed: CommittedAnswer | undefined,
  ): void {
    if (committed?.shard) this.state.setShard(pollId, committed.shard);
    else this.state.forgetShard(pollId, shardIndex);
    if (committed?.answer)
      this.state.setAnswer(pollId, answerer, { stored: committed.answer, shard: shardIndex });
    else this.state.forgetAnswer(pollId, answerer);
  }

  /** Removes a person's answer (erasure) and forgets it here too. */
  async eraseAnswer(pollId: string, person: TeamsIdentity): Promise<boolean> {
    this.state.forgetAnswer(pollId, person);
    return this.polls.eraseAnswer(pollId, person);
  }

  /**
   * Closes a poll now. Every tally shard is marked closed in one conditional transaction first, so
   * an answer racing the close either committed before it (and counts) or fails and sees it closed.
   */
  async close(pollId: string): Promise<WishPoll | undefined> {
    const closedAt = this.clock().toISOString();
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const stored = await this.polls.get(pollId);
      if (!stored) return undefined;
      if (stored.value.closedAt !== undefined) return stored.value;
      const shards = await this.polls.readShards(pollId);
      const alreadyClosed = shards.find((shard) => shard.value.closedAt !== undefined)?.value.closedAt;
      try {
        if (alreadyClosed === undefined) await this.polls.closeShards(pollId, shards, closedAt);
        const closed: WishPoll = { ...stored.value, closedAt: alreadyClosed ?? closedAt };
        await this.polls.update(closed, stored.etag);
        this.remember(closed);
        // The shards' ETags changed with the close; answers now see it from the poll.
        this.state.forgetPoll(pollId);
        return closed;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        await backoff(attempt);
      }
    }
    throw new AnswerContentionError(pollId);
  }

  /** The poll's tally: the sum of its shards (a fixed number of rows, however many answers). */
  async tally(pollId: string): Promise<WishPollTally> {
    const shards: Versioned<{ tally: WishPollTally }>[] = await this.polls.readShards(pollId);
    return mergeTallies(shards.map((shard) => shard.value.tally));
  }

  private remember(poll: WishPoll): void {
    this.cache.set(poll.id, { poll, until: Date.now() + this.cacheTtlMs });
  }
}

/** Jittered exponential back-off, so conflicting writers spread out instead of colliding again. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(250, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
