import { createHash, randomBytes } from 'node:crypto';

export interface BucketRule {
  /** Requests allowed at once. */
  readonly burst: number;
  /** Requests allowed per second after the burst. */
  readonly perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Per-address limits for the public answer page, kept only in this process's memory and never
 * stored: the address is a person's data, and a limit only needs to last minutes. Addresses are
 * held as salted hashes (the salt is random per process), so not even a memory dump lists them.
 *
 * A municipality's staff often share one public address (the town hall's network), so the rule
 * is a generous token bucket: a burst, then a steady rate. It stops a script from stuffing
 * hundreds of answers a minute; it does not stop a colleague behind the same address.
 */
export class AddressRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly salt = randomBytes(16);

  constructor(
    private readonly rule: BucketRule,
    /** Addresses tracked at most; the least recently seen are dropped first (they are full anyway). */
    private readonly maxAddresses = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the address's allowance; false when it has none left right now. */
  take(address: string): { readonly allowed: boolean; readonly retryAfterSeconds: number } {
    const key = createHash('sha256').update(this.salt).update(address).digest('base64url').slice(0, 22);
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.rule.burst;
    if (bucket) {
      tokens = Math.min(this.rule.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rule.perSecond);
      // Re-inserted below, so the Map's order stays least recently seen first.
      this.buckets.delete(key);
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.rule.perSecond)),
      };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    while (this.buckets.size > this.maxAddresses) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Drops buckets that have refilled completely: they hold nothing a fresh bucket would not. */
  sweep(): number {
    const now = this.now();
    const fullAfterMs = (this.rule.burst / this.rule.perSecond) * 1000;
    let dropped = 0;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at >= fullAfterMs) {
        this.buckets.delete(key);
        dropped += 1;
      }
    }
    return dropped;
  }

  get size(): number {
    return this.buckets.size;
  }
}

/**
 * The client's address. Behind Azure App Service's front end every request arrives from the
 * front end, which appends the real client address to X-Forwarded-For; the last entry is the one
 * it added (earlier ones are whatever the client claimed). Without a trusted front end, the
 * socket's address is the only one that cannot be forged.
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustForwardedFor: boolean,
): string {
  if (trustForwardedFor && forwardedFor) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
    const last = header
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .at(-1);
    if (last) return stripPort(last);
  }
  return socketAddress ?? 'unknown';
}

function stripPort(address: string): string {
  if (address.startsWith('[')) return address.slice(1, address.indexOf(']'));
  // IPv4 with a port (App Service adds one); a bare IPv6 address has several colons.
  return /^\d+\.\d+\.\d+\.\d+:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}
