import type { Logger } from '../platform/observability/logger';
import type { Clock } from '../platform/clock';
import type { ConnectorGateway } from './connector-sender';
import { DeliveryDrain, type DrainHost } from './delivery-drain';
import type { HeldLease, LeaseRepository } from './lease-repository';
import type { OpenDelivery, OutboxRepository } from './outbox-repository';
import { SlidingWindowRateLimiter, TEAMS_RATE_LIMITS, type RateLimits } from './rate-limiter';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './retry-policy';

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
 * holder are claimed again; a message counts as sent only once its outcome is stored, and a sender
 * starts its next message only then, so at most the messages in flight at the crash (one per
 * sender, `concurrency` in all) are repeated.
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
   * Outcomes written per batch transaction at most. A sender waits for its outcome to be written
   * before its next message, so a crash repeats at most `concurrency` messages: those in flight.
   */
  readonly resultBatchSize: number;
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
  resultBatchSize: 100,
});

export const DISPATCHER_LEASE = 'outbox-dispatcher';

export interface DispatcherStats {
  sent: number;
  failed: number;
  unreachable: number;
  retries: number;
  conversationsCreated: number;
  passes: number;
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
  private readonly drains = new Set<DeliveryDrain>();
  private readonly host: DrainHost;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly leases: LeaseRepository,
    gateway: ConnectorGateway,
    /** The domain clock: decides whether an event has started (fake in schedule tests). */
    clock: Clock,
    private readonly logger: Logger,
    options: Partial<DispatcherOptions> & { instanceId: string },
    /** Wall time for leases and claims, which other instances compare against. */
    private readonly wallClock: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
    this.limiter = new SlidingWindowRateLimiter(this.options.limits);
    this.host = {
      outbox,
      gateway,
      limiter: this.limiter,
      clock,
      wallClock,
      logger,
      stats: this.stats,
      inMemory: this.inMemory,
      retryTimers: this.retryTimers,
      settings: this.options,
      holdsLease: () => this.holdsLease(),
      isStopping: () => this.stopping,
    };
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
    for (const drain of this.drains) drain.wake();
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

  /** Sends one delivery's claimable rows; completes it when nothing is left. */
  private async drain(delivery: OpenDelivery, workerCount: number): Promise<void> {
    const lease = this.lease;
    if (!lease) return;
    const drain = new DeliveryDrain(this.host, delivery, lease, workerCount);
    this.drains.add(drain);
    try {
      await drain.run();
    } finally {
      this.drains.delete(drain);
    }
  }

  private async releaseLease(): Promise<void> {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = undefined;
    const lease = this.lease;
    this.lease = undefined;
    if (lease) await this.leases.release(lease, this.wallClock());
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
