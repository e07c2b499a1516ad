import type { Participant, TeamsIdentity } from '../shared/participant';
import { ConflictError } from '../platform/storage/errors';
import type { Versioned } from '../platform/storage/table-store';
import type { WishPollRepository } from './wish-poll-repository';
import type { Clock } from '../platform/clock';
import {
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
 */
export class WishPollService {
  private readonly cache = new Map<string, { poll: WishPoll; until: number }>();
  private readonly maxAttempts: number;
  private readonly cacheTtlMs: number;

  constructor(
    private readonly polls: WishPollRepository,
    private readonly clock: Clock,
    options: WishPollServiceOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 16;
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
  }

  /** Stores a new poll; false when the id is taken. */
  async create(poll: WishPoll): Promise<boolean> {
    return this.polls.create(poll);
  }

  async get(pollId: string): Promise<WishPoll | undefined> {
    const now = Date.now();
    const cached = this.cache.get(pollId);
    if (cached && cached.until > now) return cached.poll;
    const stored = await this.polls.get(pollId);
    if (!stored) {
      this.cache.delete(pollId);
      return undefined;
    }
    this.remember(stored.value);
    return stored.value;
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
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const { answer: previous, shard } = await this.polls.readForAnswer(poll.id, answerer);
      if (!shard) throw new Error(`The tally of poll ${poll.id} is missing`);
      if (shard.value.closedAt !== undefined) {
        return { kind: 'closed', poll: { ...poll, closedAt: shard.value.closedAt } };
      }
      const content = { topicIds: validated.topicIds, suggestion: validated.suggestion };
      if (previous && sameAnswer(previous.value, content)) {
        return { kind: 'saved', poll, answer: previous.value, changed: false };
      }
      if (previous && previous.value.submittedAt > submitted) {
        return { kind: 'superseded', poll, answer: previous.value };
      }
      const next: WishPollAnswer = {
        pollId: poll.id,
        answerer: { tenantId: answerer.tenantId, aadObjectId: answerer.aadObjectId },
        name: poll.anonymous ? undefined : answerer.name,
        municipalityId: answerer.municipalityId,
        roles: answerer.roles,
        ...content,
        submittedAt: submitted,
        version: (previous?.value.version ?? 0) + 1,
      };
      try {
        await this.polls.commitAnswer({
          previous,
          next,
          shard,
          tally: applyAnswerChange(shard.value.tally, previous?.value, next),
        });
        return { kind: 'saved', poll, answer: next, changed: true };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        await backoff(attempt);
      }
    }
    throw new AnswerContentionError(poll.id);
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
