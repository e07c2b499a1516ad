import type { OutgoingActivity } from '../platform/teams';
import type { TeamsIdentity } from '../shared/participant';
import type { Logger } from '../platform/observability/logger';
import type { Clock } from '../platform/clock';
import { personalConversation, type Conversation, type ConnectorGateway } from './connector-sender';
import type { HeldLease, LeaseRepository } from './lease-repository';
import type { OpenDelivery, OutboxRepository, OutboxRow, RowUpdate } from './outbox-repository';
import {
  RateLimiterClosedError,
  SlidingWindowRateLimiter,
  TEAMS_RATE_LIMITS,
  type RateLimits,
} from './rate-limiter';
import {
  classifySendError,
  DEFAULT_RETRY_OPTIONS,
  retryDelayMs,
  type RetryOptions,
  type SendFailure,
} from './retry-policy';

/**
 * Sends what the outbox holds. Exactly one app instance sends at a time: the holder of the
 * `outbox-dispatcher` lease. That is what makes the per-app-per-tenant limit (50 requests per second)
 * hold across instances without a distributed counter, and one Node process sends 50 messages a
 * second with room to spare. Other instances keep trying to take the lease and take over within
 * one lease period when the holder dies.
 *
 * Per row: pending → sending (claimed in a batch transaction, conditional on each row's ETag and
 * stamped with the lease token) → sent | failed | unreachable, or back to pending with a later
 * `nextAttemptAt` when a retry is far off. After a crash, rows left in `sending` by an earlier
 * holder are claimed again, so at most the messages that were in flight at the crash are repeated.
 */
export interface DispatcherOptions {
  /** Names this instance in the lease row (host name and process id in production). */
  readonly instanceId: string;
  readonly limits: RateLimits;
  readonly retry: RetryOptions;
  /** Messages in flight at once; the rate limiter decides when each may start. */
  readonly concurrency: number;
  readonly leaseTtlMs: number;
  /** A row another holder left in `sending` is taken over after this long. */
  readonly staleClaimMs: number;
  /** How often an idle dispatcher looks for work (an enqueue in this process wakes it at once). */
  readonly idlePollMs: number;
  readonly pageSize: number;
  /** Retries due sooner than this wait in memory; later ones go back to storage as pending. */
  readonly inlineRetryMaxMs: number;
  /** Deliveries drained side by side. */
  readonly parallelDeliveries: number;
  /**
   * Outcomes written per batch transaction, and the longest an outcome waits to be written. Sends
   * pause while two batches are unwritten, so a crash repeats at most that many plus those in flight.
   */
  readonly resultBatchSize: number;
  readonly resultFlushMs: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: Omit<DispatcherOptions, 'instanceId'> = Object.freeze({
  limits: TEAMS_RATE_LIMITS,
  retry: DEFAULT_RETRY_OPTIONS,
  concurrency: 16,
  leaseTtlMs: 30_000,
  staleClaimMs: 15_000,
  idlePollMs: 2_000,
  pageSize: 100,
  inlineRetryMaxMs: 30_000,
  parallelDeliveries: 8,
  resultBatchSize: 50,
  resultFlushMs: 200,
});

export const DISPATCHER_LEASE = 'outbox-dispatcher';

/** A batch transaction holds at most 100 operations. */
const MAX_RESULT_BATCH = 100;

export interface DispatcherStats {
  sent: number;
  failed: number;
  unreachable: number;
  retries: number;
  conversationsCreated: number;
  passes: number;
}

interface WorkItem {
  row: OutboxRow;
  attempts: number;
  /** Of which answered 429 (a separate, larger allowance). */
  throttled?: number;
  readonly notAfter: number;
  readonly activity: OutgoingActivity;
}

export class OutboxDispatcher {
  readonly options: DispatcherOptions;
  readonly stats: DispatcherStats = {
    sent: 0,
    failed: 0,
    unreachable: 0,
    retries: 0,
    conversationsCreated: 0,
    passes: 0,
  };
  private readonly limiter: SlidingWindowRateLimiter;
  private lease: HeldLease | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private running = false;
  private stopping = false;
  private loopDone: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly inMemory = new Set<string>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly drainSignals = new Set<() => void>();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly leases: LeaseRepository,
    private readonly gateway: ConnectorGateway,
    /** The domain clock: decides whether an event has started (fake in schedule tests). */
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<DispatcherOptions> & { instanceId: string },
    /** Wall time for leases and claims, which other instances compare against. */
    private readonly wallClock: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
    this.limiter = new SlidingWindowRateLimiter(this.options.limits);
  }

  /** Runs the send loop in the background until {@link stop}. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loopDone = this.loop();
  }

  /** Stops claiming, lets sends in flight finish, hands back unstarted rows and the lease. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    this.wake?.();
    for (const signal of this.drainSignals) signal();
    await this.loopDone;
    this.loopDone = undefined;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await this.releaseLease();
    this.limiter.close();
  }

  /** Wakes an idle loop: something was just enqueued. */
  notify(): void {
    this.wake?.();
  }

  /** True while this instance holds the lease with a safety margin left. */
  holdsLease(): boolean {
    const lease = this.lease;
    return lease !== undefined && this.wallClock() < lease.expiresAt - this.options.leaseTtlMs / 3;
  }

  /**
   * One pass: takes (or keeps) the lease and sends every open delivery as far as it can now.
   * Returns false when another instance holds the lease. Tests call this directly.
   */
  async runOnce(): Promise<boolean> {
    if (!(await this.ensureLease())) return false;
    this.stats.passes += 1;
    const open = await this.outbox.openDeliveries();
    // Several deliveries at once, so a retry waiting in one never holds up the others; the shared
    // rate limiter decides the actual pace.
    let next = 0;
    const laneCount = Math.min(this.options.parallelDeliveries, open.length);
    // The senders are shared out so that no more than `concurrency` messages are in flight.
    const workers = Math.max(1, Math.floor(this.options.concurrency / Math.max(1, laneCount)));
    const lanes = Array.from({ length: laneCount }, async () => {
      for (;;) {
        const delivery = open[next++];
        if (!delivery || !this.holdsLease() || this.stopping) return;
        await this.drain(delivery, workers);
      }
    });
    await Promise.all(lanes);
    return true;
  }

  /** Passes until nothing is open (or `timeoutMs` passes); for tests and the benchmark. */
  async runUntilIdle(timeoutMs = 60_000): Promise<void> {
    const deadline = this.wallClock() + timeoutMs;
    for (;;) {
      const held = await this.runOnce();
      if (held && (await this.outbox.openDeliveries()).length === 0) return;
      if (this.wallClock() > deadline) throw new Error('The outbox did not empty in time');
      await sleep(held ? 50 : this.options.idlePollMs);
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let held = false;
      try {
        held = await this.runOnce();
      } catch (error) {
        this.logger.error('outbox pass failed', { error });
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, held ? this.options.idlePollMs : this.options.leaseTtlMs / 3);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private async ensureLease(): Promise<boolean> {
    if (this.holdsLease()) return true;
    const now = this.wallClock();
    const lease = await this.leases.tryAcquire(
      DISPATCHER_LEASE,
      this.options.instanceId,
      this.options.leaseTtlMs,
      now,
    );
    if (!lease) return false;
    this.lease = lease;
    this.logger.info('outbox sender lease taken', { instance: this.options.instanceId });
    this.scheduleRenewal();
    return true;
  }

  private scheduleRenewal(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => {
      this.renewTimer = undefined;
      const lease = this.lease;
      if (!lease || this.stopping) return;
      this.leases.renew(lease, this.options.leaseTtlMs, this.wallClock()).then(
        (renewed) => {
          if (this.lease !== lease) return;
          this.lease = renewed;
          if (renewed) this.scheduleRenewal();
          else this.logger.warn('outbox sender lease lost', { instance: this.options.instanceId });
        },
        (error: unknown) => {
          this.logger.warn('outbox sender lease renewal failed', { error });
          if (this.lease === lease) this.scheduleRenewal();
        },
      );
    }, this.options.leaseTtlMs / 4);
    this.renewTimer.unref();
  }

  private async releaseLease(): Promise<void> {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = undefined;
    const lease = this.lease;
    this.lease = undefined;
    if (lease) await this.leases.release(lease, this.wallClock());
  }

  /** Sends one delivery's claimable rows; completes it when nothing is left. */
  private async drain(delivery: OpenDelivery, workerCount: number): Promise<void> {
    const lease = this.lease;
    if (!lease) return;
    const notAfter = delivery.notAfter ? Date.parse(delivery.notAfter) : Number.POSITIVE_INFINITY;
    const bodies = new Map<string, Promise<OutgoingActivity | undefined>>();
    const people = new Map<string, Promise<Conversation | SendFailure>>();
    const ready: WorkItem[] = [];
    let remaining = 0;
    let readerDone = false;
    let active = 0;
    const waitingRetries = new Map<NodeJS.Timeout, WorkItem>();
    let notifyWorkers: (() => void) | undefined;
    const signal = () => {
      const notify = notifyWorkers;
      notifyWorkers = undefined;
      notify?.();
    };

    // Outcomes are written in small batch transactions: one storage call per batch instead of one
    // per message. A crash loses at most one batch of "sent" marks, and those rows are still in
    // `sending`, so the repeats stay within what was in flight.
    const unwritten: { item: WorkItem; update: RowUpdate }[] = [];
    let flushTimer: NodeJS.Timeout | undefined;
    let writing: Promise<void> | undefined;
    let writingCount = 0;
    const write = async (batch: { item: WorkItem; update: RowUpdate }[]): Promise<void> => {
      try {
        const etags = await this.outbox.updateMany(
          batch.map(({ item, update }) => ({ row: item.row, update })),
          this.clock(),
        );
        batch.forEach(({ item, update }, index) => {
          this.inMemory.delete(key(item.row));
          if (etags[index] === undefined) {
            this.logger.warn('outbox row changed while being sent', {
              deliveryId: item.row.deliveryId,
              target: item.row.targetKey,
            });
            return;
          }
          if (update.state === 'sent') this.stats.sent += 1;
          else if (update.state === 'failed') this.stats.failed += 1;
          else if (update.state === 'unreachable') this.stats.unreachable += 1;
        });
      } catch (error) {
        // The rows stay claimed by this lease; this or the next holder takes them over.
        this.logger.error('outbox results could not be written', {
          deliveryId: delivery.deliveryId,
          error,
        });
        remaining += batch.length;
        for (const { item } of batch) this.inMemory.delete(key(item.row));
      }
    };
    // One write at a time; outcomes that arrive meanwhile join the next batch, so slow storage
    // gets fewer, bigger transactions instead of a growing queue of small ones.
    const pump = (): void => {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = undefined;
      if (writing || unwritten.length === 0) return;
      const batch = unwritten.splice(0, MAX_RESULT_BATCH);
      writingCount = batch.length;
      writing = write(batch).finally(() => {
        writing = undefined;
        writingCount = 0;
        signal();
        if (unwritten.length >= this.options.resultBatchSize) pump();
        else if (unwritten.length > 0) flushTimer ??= setTimeout(pump, this.options.resultFlushMs);
      });
    };
    const flush = async (): Promise<void> => {
      while (writing || unwritten.length > 0) {
        pump();
        await writing;
      }
    };
    /** Outcomes not yet in storage: the messages a crash now would repeat. Kept bounded. */
    const unrecorded = (): number => unwritten.length + writingCount;
    const finish = async (item: WorkItem, update: RowUpdate): Promise<void> => {
      await Promise.resolve();
      unwritten.push({ item, update });
      if (update.state === 'pending') remaining += 1;
      if (unwritten.length >= this.options.resultBatchSize) pump();
      else flushTimer ??= setTimeout(pump, this.options.resultFlushMs);
    };

    const conversationFor = (item: WorkItem): Promise<Conversation | SendFailure> => {
      const target = item.row.target;
      if (target.kind === 'channel') {
        const serviceUrl = target.reference.serviceUrl ?? '';
        return Promise.resolve({
          tenantId: target.tenantId,
          conversationId: target.conversationId,
          serviceUrl,
          reference: target.reference,
        });
      }
      if (target.kind === 'none') {
        return Promise.resolve({ kind: 'unreachable', status: 404, reason: target.reason });
      }
      if (target.chat) return Promise.resolve(personalConversation(target.identity, target.chat));
      const personKey = `${target.identity.tenantId}|${target.identity.aadObjectId}`;
      let found = people.get(personKey);
      if (!found) {
        found = this.conversationForPerson(target.identity);
        people.set(personKey, found);
        // A failed creation is retried by the next attempt, not remembered.
        void found.then((value) => {
          if (!('conversationId' in value)) people.delete(personKey);
        });
      }
      return found;
    };

    const attempt = async (item: WorkItem): Promise<void> => {
      if (!this.holdsLease() || this.stopping) {
        await finish(item, {
          state: 'pending',
          attempts: item.attempts,
          lastError: item.row.lastError,
          nextAttemptAt: 0,
        });
        return;
      }
      if (this.clock().getTime() >= item.notAfter) {
        await finish(item, {
          state: 'failed',
          attempts: item.attempts,
          lastError: 'expired: the event had started',
        });
        return;
      }
      const resolved = await conversationFor(item);
      let failure: SendFailure;
      if ('conversationId' in resolved) {
        const idempotencyKey = `${item.row.deliveryId}#${item.row.targetKey}`;
        const activity: OutgoingActivity = {
          ...item.activity,
          channelData: { ...(item.activity.channelData as object | undefined), idempotencyKey },
        };
        const permit = await this.limiter.acquire(resolved.tenantId, resolved.conversationId);
        try {
          const sent = await this.gateway.send(resolved, activity);
          permit.accepted();
          await finish(item, {
            state: 'sent',
            attempts: item.attempts + 1,
            conversationId: resolved.conversationId,
            ...(sent.activityId ? { activityId: sent.activityId } : {}),
            sentAt: this.clock().toISOString(),
          });
          return;
        } catch (error) {
          failure = classifySendError(error);
          if (refusedByService(failure)) permit.refused();
          else permit.accepted();
          if (failure.kind === 'retry' && failure.status === 429 && failure.retryAfterMs !== undefined) {
            this.limiter.pauseConversation(resolved.tenantId, resolved.conversationId, failure.retryAfterMs);
          }
        }
      } else {
        failure = resolved;
      }
      item.attempts += 1;
      const throttled = failure.kind === 'retry' && failure.status === 429;
      if (throttled) item.throttled = (item.throttled ?? 0) + 1;
      if (failure.kind === 'unreachable') {
        await finish(item, { state: 'unreachable', attempts: item.attempts, lastError: failure.reason });
        return;
      }
      const exhausted = throttled
        ? (item.throttled ?? 0) >= this.options.retry.maxThrottledAttempts
        : item.attempts - (item.throttled ?? 0) >= this.options.retry.maxAttempts;
      if (failure.kind === 'failed' || exhausted) {
        await finish(item, { state: 'failed', attempts: item.attempts, lastError: failure.reason });
        return;
      }
      this.stats.retries += 1;
      const delay = retryDelayMs(
        throttled ? (item.throttled ?? 1) : item.attempts - (item.throttled ?? 0),
        this.options.retry,
        failure.retryAfterMs,
      );
      if (delay > this.options.inlineRetryMaxMs) {
        await finish(item, {
          state: 'pending',
          attempts: item.attempts,
          lastError: failure.reason,
          nextAttemptAt: this.wallClock() + delay,
        });
        return;
      }
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        waitingRetries.delete(timer);
        ready.push(item);
        signal();
      }, delay);
      this.retryTimers.add(timer);
      waitingRetries.set(timer, item);
    };

    const worker = async (): Promise<void> => {
      for (;;) {
        // Storage is behind: wait rather than widen the window a crash could repeat.
        if (unrecorded() >= this.options.resultBatchSize * 2 && !this.stopping) {
          await new Promise<void>((resolve) => {
            const previous = notifyWorkers;
            notifyWorkers = () => {
              previous?.();
              resolve();
            };
          });
          continue;
        }
        const item = ready.shift();
        if (item) {
          active += 1;
          try {
            await attempt(item);
          } catch (error) {
            if (error instanceof RateLimiterClosedError) {
              this.inMemory.delete(key(item.row));
              return;
            }
            this.logger.error('outbox send failed unexpectedly', { deliveryId: item.row.deliveryId, error });
            await finish(item, {
              state: 'pending',
              attempts: item.attempts + 1,
              lastError: 'internal error',
              nextAttemptAt: this.wallClock() + this.options.retry.baseDelayMs,
            }).catch((writeError: unknown) =>
              this.logger.error('outbox row write failed', { error: writeError }),
            );
          } finally {
            active -= 1;
            signal();
          }
          continue;
        }
        if (readerDone && active === 0 && (waitingRetries.size === 0 || this.stopping)) {
          signal();
          return;
        }
        await new Promise<void>((resolve) => {
          const previous = notifyWorkers;
          notifyWorkers = () => {
            previous?.();
            resolve();
          };
        });
      }
    };

    const waitForRoom = async (limit: number): Promise<void> => {
      while (ready.length >= limit && !this.stopping) {
        await new Promise<void>((resolve) => {
          const previous = notifyWorkers;
          notifyWorkers = () => {
            previous?.();
            resolve();
          };
        });
      }
    };

    const reader = async (): Promise<void> => {
      // Claim a transaction's worth (100 rows) just ahead of the senders: claimed rows are what a
      // crash delays (by the stale-claim period), never what it repeats.
      const claimBatch = Math.min(MAX_RESULT_BATCH, Math.max(workerCount * 2, this.options.pageSize));
      let continuationToken: string | undefined;
      do {
        if (!this.holdsLease() || this.stopping) break;
        const page = await this.outbox.unfinishedPage(
          delivery.deliveryId,
          this.options.pageSize,
          continuationToken,
        );
        continuationToken = page.continuationToken;
        const claimable: OutboxRow[] = [];
        const readAt = this.wallClock();
        for (const row of page.items) {
          if (this.inMemory.has(key(row))) continue;
          // A row in `sending` is taken over when an earlier holder left it (after a grace period,
          // in case that holder's last request is still on the wire) or when this holder lost
          // track of it (its outcome could not be written): it is in nobody's memory.
          const due =
            row.state === 'pending'
              ? row.nextAttemptAt <= readAt
              : row.claimToken === lease.token || readAt - row.claimedAt > this.options.staleClaimMs;
          if (due) claimable.push(row);
          else remaining += 1;
        }
        while (claimable.length > 0) {
          await waitForRoom(claimBatch);
          if (!this.holdsLease() || this.stopping) {
            remaining += claimable.length;
            break;
          }
          const batch = claimable.splice(0, claimBatch);
          const claimed = await this.outbox.claim(batch, lease.token, this.wallClock());
          remaining += batch.length - claimed.length;
          for (const row of claimed) this.inMemory.add(key(row));
          for (const row of claimed) {
            let body = bodies.get(row.bodyHash);
            if (!body) {
              body = this.outbox.body(row.deliveryId, row.bodyHash);
              bodies.set(row.bodyHash, body);
            }
            const activity = await body;
            if (!activity) {
              await finish(
                { row, attempts: row.attempts, notAfter, activity: {} },
                { state: 'failed', attempts: row.attempts, lastError: 'the message body is missing' },
              );
              continue;
            }
            ready.push({ row, attempts: row.attempts, notAfter, activity });
          }
          signal();
        }
      } while (continuationToken);
      readerDone = true;
      signal();
    };

    this.drainSignals.add(signal);
    const workers = Array.from({ length: workerCount }, () => worker());
    try {
      await reader();
    } finally {
      readerDone = true;
      signal();
    }
    await Promise.all(workers);
    this.drainSignals.delete(signal);
    // Rows still in memory (stopping with retries waiting): back to pending for the next holder.
    for (const [timer, item] of waitingRetries) {
      clearTimeout(timer);
      this.retryTimers.delete(timer);
      ready.push(item);
    }
    waitingRetries.clear();
    for (const item of ready.splice(0)) {
      await finish(item, {
        state: 'pending',
        attempts: item.attempts,
        lastError: item.row.lastError,
        nextAttemptAt: 0,
      });
    }
    await flush();
    if (remaining === 0 && !this.stopping && this.holdsLease()) {
      await this.outbox.complete(delivery, this.clock());
    }
  }

  private async conversationForPerson(identity: TeamsIdentity): Promise<Conversation | SendFailure> {
    const resolution = await this.gateway.resolvePerson(identity);
    if (resolution.kind === 'known') return resolution.conversation;
    if (resolution.kind === 'unreachable')
      return { kind: 'unreachable', status: 404, reason: resolution.reason };
    const permit = await this.limiter.acquire(resolution.tenantId, `create:${identity.aadObjectId}`);
    try {
      const conversation = await this.gateway.createPersonalChat(
        identity,
        resolution.teamsUserId,
        resolution.serviceUrl,
        this.clock(),
      );
      permit.accepted();
      this.stats.conversationsCreated += 1;
      return conversation;
    } catch (error) {
      const failure = classifySendError(error);
      if (refusedByService(failure)) permit.refused();
      else permit.accepted();
      return failure;
    }
  }
}

/** Answers that mean the service did not take the request, so it does not count against the limits. */
function refusedByService(failure: SendFailure): boolean {
  return (
    failure.kind === 'retry' &&
    failure.status !== undefined &&
    [429, 500, 502, 503, 504].includes(failure.status)
  );
}

function key(row: OutboxRow): string {
  return `${row.deliveryId}\u0000${row.targetKey}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
