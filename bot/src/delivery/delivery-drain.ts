import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/observability/logger';
import type { OutgoingActivity } from '../platform/teams';
import type { TeamsIdentity } from '../shared/participant';
import { personalConversation, type Conversation, type ConnectorGateway } from './connector-sender';
import type { HeldLease } from './lease-repository';
import type { OpenDelivery, OutboxRepository, OutboxRow, RowUpdate } from './outbox-repository';
import { RateLimiterClosedError, type SlidingWindowRateLimiter } from './rate-limiter';
import { MAX_RESULT_BATCH, ResultWriter, type Outcome } from './result-writer';
import { classifySendError, retryDelayMs, type RetryOptions, type SendFailure } from './retry-policy';
import { Signal } from './signal';

/** What a drain needs of the dispatcher that runs it. */
export interface DrainHost {
  readonly outbox: OutboxRepository;
  readonly gateway: ConnectorGateway;
  readonly limiter: SlidingWindowRateLimiter;
  readonly clock: Clock;
  readonly wallClock: () => number;
  readonly logger: Logger;
  readonly stats: {
    sent: number;
    failed: number;
    unreachable: number;
    retries: number;
    conversationsCreated: number;
  };
  /** Rows some drain of this process holds in memory (claimed, not yet recorded). */
  readonly inMemory: Set<string>;
  /** Timers of retries waiting in memory, which the dispatcher clears on stop. */
  readonly retryTimers: Set<NodeJS.Timeout>;
  readonly settings: DrainSettings;
  holdsLease(): boolean;
  isStopping(): boolean;
}

export interface DrainSettings {
  readonly retry: RetryOptions;
  readonly pageSize: number;
  readonly staleClaimMs: number;
  readonly inlineRetryMaxMs: number;
  readonly resultBatchSize: number;
}

interface WorkItem {
  row: OutboxRow;
  attempts: number;
  /** Of which answered 429 (a separate, larger allowance). */
  throttled?: number;
  readonly notAfter: number;
  readonly activity: OutgoingActivity;
}

/**
 * Sends one delivery's claimable rows with `workerCount` senders and completes the delivery when
 * nothing is left. A reader claims rows a transaction's worth ahead of the senders; the senders
 * take them from `ready`, and each outcome goes to the {@link ResultWriter}, whose write a sender
 * waits for before its next message. Reader and senders wake each other through one {@link Signal}.
 */
/**
 * Bodies kept read: a channel post or a card in a few languages is read once for every recipient,
 * while a reminder with each reader's own calendar link has a body per person, read once; keeping
 * the newest few hundred serves the first without holding every body of the second in memory.
 */
const BODY_CACHE_SIZE = 256;

export class DeliveryDrain {
  private readonly notAfter: number;
  private readonly bodies = new Map<string, Promise<OutgoingActivity | undefined>>();
  private readonly people = new Map<string, Promise<Conversation | SendFailure>>();
  private readonly ready: WorkItem[] = [];
  private readonly waitingRetries = new Map<NodeJS.Timeout, WorkItem>();
  private readonly changed = new Signal();
  private readonly writer: ResultWriter;
  /** Rows left unfinished (pending, claimed by others, unwritten): the delivery stays open. */
  private remaining = 0;
  private readerDone = false;
  private active = 0;

  constructor(
    private readonly host: DrainHost,
    private readonly delivery: OpenDelivery,
    private readonly lease: HeldLease,
    private readonly workerCount: number,
  ) {
    this.notAfter = delivery.notAfter ? Date.parse(delivery.notAfter) : Number.POSITIVE_INFINITY;
    this.writer = new ResultWriter(host.outbox, host.clock, host.settings.resultBatchSize, {
      stored: (outcome, etag) => this.stored(outcome, etag),
      lost: (batch, error) => this.lost(batch, error),
    });
  }

  /** Wakes every sender and the reader (the dispatcher is stopping). */
  wake(): void {
    this.changed.notify();
  }

  async run(): Promise<void> {
    const workers = Array.from({ length: this.workerCount }, () => this.worker());
    try {
      await this.reader();
    } finally {
      this.readerDone = true;
      this.changed.notify();
    }
    await Promise.all(workers);
    // Rows still in memory (stopping with retries waiting): back to pending for the next holder.
    for (const [timer, item] of this.waitingRetries) {
      clearTimeout(timer);
      this.host.retryTimers.delete(timer);
      this.ready.push(item);
    }
    this.waitingRetries.clear();
    await Promise.all(
      this.ready.splice(0).map((item) =>
        this.finish(item, {
          state: 'pending',
          attempts: item.attempts,
          lastError: item.row.lastError,
          nextAttemptAt: 0,
        }),
      ),
    );
    await this.writer.flush();
    if (this.remaining === 0 && !this.host.isStopping() && this.host.holdsLease()) {
      await this.host.outbox.complete(this.delivery, this.host.clock());
    }
  }

  /** Records an outcome; resolves once it is in storage, so a sender's next message waits for it. */
  private async finish(item: WorkItem, update: RowUpdate): Promise<void> {
    if (update.state === 'pending') this.remaining += 1;
    await this.writer.record({ row: item.row, update });
  }

  private stored({ row, update }: Outcome, etag: string | undefined): void {
    this.host.inMemory.delete(key(row));
    if (etag === undefined) {
      this.host.logger.warn('outbox row changed while being sent', {
        deliveryId: row.deliveryId,
        target: row.targetKey,
      });
      return;
    }
    if (update.state === 'sent') this.host.stats.sent += 1;
    else if (update.state === 'failed') this.host.stats.failed += 1;
    else if (update.state === 'unreachable') this.host.stats.unreachable += 1;
  }

  private lost(batch: readonly Outcome[], error: unknown): void {
    // The rows stay claimed by this lease; this or the next holder takes them over.
    this.host.logger.error('outbox results could not be written', {
      deliveryId: this.delivery.deliveryId,
      error,
    });
    this.remaining += batch.length;
    for (const { row } of batch) this.host.inMemory.delete(key(row));
  }

  private stopped(): boolean {
    return !this.host.holdsLease() || this.host.isStopping();
  }

  private async reader(): Promise<void> {
    const { outbox, settings } = this.host;
    // Claim a transaction's worth (100 rows) just ahead of the senders: claimed rows are what a
    // crash delays (by the stale-claim period), never what it repeats.
    const claimBatch = Math.min(MAX_RESULT_BATCH, Math.max(this.workerCount * 2, settings.pageSize));
    let continuationToken: string | undefined;
    do {
      if (this.stopped()) break;
      const page = await outbox.unfinishedPage(
        this.delivery.deliveryId,
        settings.pageSize,
        continuationToken,
      );
      continuationToken = page.continuationToken;
      const claimable: OutboxRow[] = [];
      const readAt = this.host.wallClock();
      for (const row of page.items) {
        if (this.host.inMemory.has(key(row))) continue;
        // A row in `sending` is taken over when an earlier holder left it (after a grace period,
        // in case that holder's last request is still on the wire) or when this holder lost
        // track of it (its outcome could not be written): it is in nobody's memory.
        const due =
          row.state === 'pending'
            ? row.nextAttemptAt <= readAt
            : row.claimToken === this.lease.token || readAt - row.claimedAt > settings.staleClaimMs;
        if (due) claimable.push(row);
        else this.remaining += 1;
      }
      while (claimable.length > 0) {
        while (this.ready.length >= claimBatch && !this.host.isStopping()) await this.changed.wait();
        if (this.stopped()) {
          this.remaining += claimable.length;
          break;
        }
        const batch = claimable.splice(0, claimBatch);
        const claimed = await outbox.claim(batch, this.lease.token, this.host.wallClock());
        this.remaining += batch.length - claimed.length;
        for (const row of claimed) this.host.inMemory.add(key(row));
        for (const row of claimed) {
          let body = this.bodies.get(row.bodyHash);
          if (!body) {
            body = outbox.body(row.deliveryId, row.bodyHash);
            this.bodies.set(row.bodyHash, body);
            // A Map iterates in insertion order: the first key is the oldest.
            if (this.bodies.size > BODY_CACHE_SIZE) {
              const oldest = this.bodies.keys().next();
              if (!oldest.done) this.bodies.delete(oldest.value);
            }
          }
          const activity = await body;
          if (!activity) {
            await this.finish(
              { row, attempts: row.attempts, notAfter: this.notAfter, activity: {} },
              { state: 'failed', attempts: row.attempts, lastError: 'the message body is missing' },
            );
            continue;
          }
          this.ready.push({ row, attempts: row.attempts, notAfter: this.notAfter, activity });
        }
        this.changed.notify();
      }
    } while (continuationToken);
    this.readerDone = true;
    this.changed.notify();
  }

  private async worker(): Promise<void> {
    for (;;) {
      const item = this.ready.shift();
      if (item) {
        this.active += 1;
        try {
          await this.attempt(item);
        } catch (error) {
          if (error instanceof RateLimiterClosedError) {
            this.host.inMemory.delete(key(item.row));
            return;
          }
          this.host.logger.error('outbox send failed unexpectedly', {
            deliveryId: item.row.deliveryId,
            error,
          });
          await this.finish(item, {
            state: 'pending',
            attempts: item.attempts + 1,
            lastError: 'internal error',
            nextAttemptAt: this.host.wallClock() + this.host.settings.retry.baseDelayMs,
          });
        } finally {
          this.active -= 1;
          this.changed.notify();
        }
        continue;
      }
      if (
        this.readerDone &&
        this.active === 0 &&
        (this.waitingRetries.size === 0 || this.host.isStopping())
      ) {
        this.changed.notify();
        return;
      }
      await this.changed.wait();
    }
  }

  private async attempt(item: WorkItem): Promise<void> {
    const { settings, clock, wallClock, limiter, gateway } = this.host;
    if (this.stopped()) {
      await this.finish(item, {
        state: 'pending',
        attempts: item.attempts,
        lastError: item.row.lastError,
        nextAttemptAt: 0,
      });
      return;
    }
    if (clock().getTime() >= item.notAfter) {
      await this.finish(item, {
        state: 'failed',
        attempts: item.attempts,
        lastError: 'expired: the event had started',
      });
      return;
    }
    const resolved = await this.conversationFor(item);
    let failure: SendFailure;
    if ('conversationId' in resolved) {
      const idempotencyKey = `${item.row.deliveryId}#${item.row.targetKey}`;
      const activity: OutgoingActivity = {
        ...item.activity,
        channelData: { ...(item.activity.channelData as object | undefined), idempotencyKey },
      };
      const permit = await limiter.acquire(resolved.tenantId, resolved.conversationId);
      try {
        const sent = await gateway.send(resolved, activity);
        permit.accepted();
        await this.finish(item, {
          state: 'sent',
          attempts: item.attempts + 1,
          conversationId: resolved.conversationId,
          ...(sent.activityId ? { activityId: sent.activityId } : {}),
          sentAt: clock().toISOString(),
        });
        return;
      } catch (error) {
        failure = classifySendError(error);
        if (refusedByService(failure)) permit.refused();
        else permit.accepted();
        if (failure.kind === 'retry' && failure.status === 429 && failure.retryAfterMs !== undefined) {
          limiter.pauseConversation(resolved.tenantId, resolved.conversationId, failure.retryAfterMs);
        }
      }
    } else {
      failure = resolved;
    }
    item.attempts += 1;
    const throttled = failure.kind === 'retry' && failure.status === 429;
    if (throttled) item.throttled = (item.throttled ?? 0) + 1;
    if (failure.kind === 'unreachable') {
      await this.finish(item, { state: 'unreachable', attempts: item.attempts, lastError: failure.reason });
      return;
    }
    const exhausted = throttled
      ? (item.throttled ?? 0) >= settings.retry.maxThrottledAttempts
      : item.attempts - (item.throttled ?? 0) >= settings.retry.maxAttempts;
    if (failure.kind === 'failed' || exhausted) {
      await this.finish(item, { state: 'failed', attempts: item.attempts, lastError: failure.reason });
      return;
    }
    this.host.stats.retries += 1;
    const delay = retryDelayMs(
      throttled ? (item.throttled ?? 1) : item.attempts - (item.throttled ?? 0),
      settings.retry,
      failure.retryAfterMs,
    );
    if (delay > settings.inlineRetryMaxMs) {
      await this.finish(item, {
        state: 'pending',
        attempts: item.attempts,
        lastError: failure.reason,
        nextAttemptAt: wallClock() + delay,
      });
      return;
    }
    const timer = setTimeout(() => {
      this.host.retryTimers.delete(timer);
      this.waitingRetries.delete(timer);
      this.ready.push(item);
      this.changed.notify();
    }, delay);
    this.host.retryTimers.add(timer);
    this.waitingRetries.set(timer, item);
  }

  private conversationFor(item: WorkItem): Promise<Conversation | SendFailure> {
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
    let found = this.people.get(personKey);
    if (!found) {
      found = this.conversationForPerson(target.identity);
      this.people.set(personKey, found);
      // A failed creation is retried by the next attempt, not remembered; nor is a failed look-up
      // (storage unreachable), whose error reaches the sender awaiting it.
      found.then(
        (value) => {
          if (!('conversationId' in value)) this.people.delete(personKey);
        },
        () => this.people.delete(personKey),
      );
    }
    return found;
  }

  private async conversationForPerson(identity: TeamsIdentity): Promise<Conversation | SendFailure> {
    const { gateway, limiter, clock } = this.host;
    const resolution = await gateway.resolvePerson(identity);
    if (resolution.kind === 'known') return resolution.conversation;
    if (resolution.kind === 'unreachable')
      return { kind: 'unreachable', status: 404, reason: resolution.reason };
    const permit = await limiter.acquire(resolution.tenantId, `create:${identity.aadObjectId}`);
    try {
      const conversation = await gateway.createPersonalChat(
        identity,
        resolution.teamsUserId,
        resolution.serviceUrl,
        clock(),
      );
      permit.accepted();
      this.host.stats.conversationsCreated += 1;
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

export function key(row: OutboxRow): string {
  return `${row.deliveryId}\u0000${row.targetKey}`;
}
