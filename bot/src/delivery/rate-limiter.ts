/**
 * Sliding-window rate limiting for calls to the Bot Connector, per conversation and per tenant.
 *
 * Microsoft publishes the Teams limits as several windows at once (per conversation 7 per second,
 * 8 per 2 seconds, 60 per 30 seconds, 1,800 per hour; 50 per second per app per tenant). A token
 * bucket cannot express "8 per 2 s" and "7 per 1 s" together, so each scope keeps the times of its
 * recent calls and a call may start only when every window of every scope it touches has room.
 *
 * The rule that keeps the service's own count below the limit whatever the network does: a call
 * counts from the moment it starts until its answer arrives as if it were happening "now", and after
 * that at the time its answer arrived (which is after the service counted it). A call the service
 * refused (429, 5xx) is not counted by the service and is given back. Proof sketch: if the service
 * saw N+1 accepted calls inside one window, take the one we started last; when we started it, each
 * of the other N was either still in flight or had been answered after the window began, so we
 * counted N and would not have started it.
 *
 * No library replaces it: the maintained limiters (bottleneck, limiter, p-throttle) keep one window
 * or one reservoir per key, and none counts a call in flight until its answer arrives.
 */
export interface WindowLimit {
  readonly maxRequests: number;
  readonly windowMs: number;
}

export interface RateLimits {
  readonly perConversation: readonly WindowLimit[];
  readonly perTenant: readonly WindowLimit[];
}

/** Microsoft's published limits for Teams bots ("Optimize your bot with rate limiting"). */
export const TEAMS_RATE_LIMITS: RateLimits = Object.freeze({
  perConversation: Object.freeze([
    { maxRequests: 7, windowMs: 1_000 },
    { maxRequests: 8, windowMs: 2_000 },
    { maxRequests: 60, windowMs: 30_000 },
    { maxRequests: 1_800, windowMs: 3_600_000 },
  ]),
  perTenant: Object.freeze([{ maxRequests: 50, windowMs: 1_000 }]),
});

/** The same limits with every window stretched or shrunk by `factor` (tests run them 10× faster). */
export function scaleLimits(limits: RateLimits, timeFactor: number): RateLimits {
  const scale = (list: readonly WindowLimit[]): WindowLimit[] =>
    list.map((limit) => ({ maxRequests: limit.maxRequests, windowMs: limit.windowMs * timeFactor }));
  return { perConversation: scale(limits.perConversation), perTenant: scale(limits.perTenant) };
}

/** Milliseconds, monotonic enough for windows; injected so unit tests can drive time. */
export type MillisecondClock = () => number;

/** What a caller must report when the call it was allowed to make has been answered. */
export interface RatePermit {
  /** The service accepted (or may have accepted) the call: it stays in the windows. */
  accepted(): void;
  /** The service refused the call (429, 5xx before processing): its place is given back. */
  refused(): void;
}

class ScopeLog {
  /** Answer times of accepted calls, oldest first; they are appended in time order. */
  private times: number[] = [];
  private start = 0;
  inFlight = 0;
  /** Callers waiting on this scope; a scope someone waits on is never forgotten. */
  waiting = 0;
  pausedUntil = 0;

  constructor(private readonly retain: number) {}

  /** Milliseconds until one more call fits every window, 0 when it fits now. */
  waitMs(limits: readonly WindowLimit[], now: number): number {
    let wait = Math.max(0, this.pausedUntil - now);
    const count = this.times.length - this.start;
    for (const limit of limits) {
      const room = limit.maxRequests - this.inFlight;
      // In-flight calls alone fill the window: wait for one of them to be answered (woken then).
      if (room <= 0) return Number.POSITIVE_INFINITY;
      if (count < room) continue;
      // The window has room when the room-th newest answer has left it.
      const nth = this.times[this.times.length - room] ?? 0;
      const until = nth + limit.windowMs - now;
      if (until > wait) wait = until;
    }
    return wait;
  }

  record(now: number): void {
    this.times.push(now);
    const excess = this.times.length - this.start - this.retain;
    if (excess > 0) this.start += excess;
    // Compact now and then so the array does not grow without bound.
    if (this.start > 1024 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.start = 0;
    }
  }

  /** True when nothing in the log can matter any more (the scope may be forgotten). */
  idle(now: number, longestWindowMs: number): boolean {
    const newest = this.times[this.times.length - 1];
    return (
      this.inFlight === 0 &&
      this.waiting === 0 &&
      this.pausedUntil <= now &&
      (newest === undefined || newest <= now - longestWindowMs)
    );
  }
}

interface Waiter {
  readonly scopes: readonly { readonly log: ScopeLog; readonly limits: readonly WindowLimit[] }[];
  readonly resolve: (permit: RatePermit) => void;
  readonly reject: (error: Error) => void;
}

export class RateLimiterClosedError extends Error {
  constructor() {
    super('The rate limiter was closed');
    this.name = 'RateLimiterClosedError';
  }
}

/**
 * Hands out permission to call the connector. Waiters are served in arrival order per check, and a
 * single timer wakes them when the earliest window opens or a call is answered.
 */
export class SlidingWindowRateLimiter {
  private readonly conversations = new Map<string, ScopeLog>();
  private readonly tenants = new Map<string, ScopeLog>();
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private closed = false;
  private lastSweep = 0;

  constructor(
    private readonly limits: RateLimits = TEAMS_RATE_LIMITS,
    private readonly now: MillisecondClock = () => performance.now(),
  ) {}

  /** Resolves when a call to `conversationId` in `tenantId` may start. */
  acquire(tenantId: string, conversationId: string): Promise<RatePermit> {
    if (this.closed) return Promise.reject(new RateLimiterClosedError());
    const scopes = [
      { log: this.scope(this.tenants, tenantId, this.limits.perTenant), limits: this.limits.perTenant },
      {
        log: this.scope(
          this.conversations,
          `${tenantId}\u0000${conversationId}`,
          this.limits.perConversation,
        ),
        limits: this.limits.perConversation,
      },
    ];
    for (const scope of scopes) scope.log.waiting += 1;
    return new Promise<RatePermit>((resolve, reject) => {
      this.waiters.push({ scopes, resolve, reject });
      this.serve();
    });
  }

  /** Keeps every call to a conversation back until `untilMs` from now (a 429's Retry-After). */
  pauseConversation(tenantId: string, conversationId: string, forMs: number): void {
    const log = this.scope(
      this.conversations,
      `${tenantId}\u0000${conversationId}`,
      this.limits.perConversation,
    );
    log.pausedUntil = Math.max(log.pausedUntil, this.now() + forMs);
  }

  /** Calls waiting for a permit. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Rejects every waiting caller; later `acquire` calls reject at once. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(new RateLimiterClosedError());
  }

  private scope(map: Map<string, ScopeLog>, key: string, limits: readonly WindowLimit[]): ScopeLog {
    let log = map.get(key);
    if (!log) {
      log = new ScopeLog(Math.max(1, ...limits.map((limit) => limit.maxRequests)));
      map.set(key, log);
    }
    return log;
  }

  private serve(): void {
    const now = this.now();
    let earliest = Number.POSITIVE_INFINITY;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      let wait = 0;
      for (const scope of waiter.scopes) wait = Math.max(wait, scope.log.waitMs(scope.limits, now));
      if (wait <= 0) {
        for (const scope of waiter.scopes) {
          scope.log.inFlight += 1;
          scope.log.waiting -= 1;
        }
        waiter.resolve(this.permit(waiter.scopes));
      } else {
        still.push(waiter);
        earliest = Math.min(earliest, now + wait);
      }
    }
    this.waiters = still;
    this.sweep(now);
    this.arm(earliest);
  }

  private permit(scopes: Waiter['scopes']): RatePermit {
    let settled = false;
    const settle = (accepted: boolean): void => {
      if (settled) return;
      settled = true;
      const at = this.now();
      for (const scope of scopes) {
        scope.log.inFlight -= 1;
        if (accepted) scope.log.record(at);
      }
      if (this.waiters.length > 0) this.serve();
    };
    return { accepted: () => settle(true), refused: () => settle(false) };
  }

  private arm(at: number): void {
    if (this.closed || at === Number.POSITIVE_INFINITY) return;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    // +1 ms: timers may fire a hair early relative to performance.now().
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.serve();
      },
      Math.max(0, Math.ceil(at - this.now()) + 1),
    );
  }

  /** Forgets idle personal-chat scopes so ten thousand recipients do not stay in memory for an hour. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 10_000) return;
    this.lastSweep = now;
    const longest = Math.max(0, ...this.limits.perConversation.map((limit) => limit.windowMs));
    for (const [key, log] of this.conversations) if (log.idle(now, longest)) this.conversations.delete(key);
  }
}
