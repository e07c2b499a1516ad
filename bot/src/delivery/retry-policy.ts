/**
 * What to do after the Bot Connector answered a send, and how long to wait before trying again.
 *
 * Transient answers (429, 412, 5xx, a dropped connection) are retried a bounded number of times: a
 * 429 after its Retry-After, anything else after an exponential back-off with "equal jitter" (half
 * fixed, half random), so many senders that failed together do not return together. 403 and 404
 * mean the bot was blocked or removed, or the chat is gone: the recipient is unreachable and trying
 * again only burns the rate budget. Other 4xx answers are faults in the message: failed at once.
 *
 * Ours rather than a retry library's (p-retry, cockatiel): those retry inside one running promise,
 * while a message here waits in the outbox table with its attempt count and next time, so a retry
 * survives a restart and may be sent by another instance. What is left to share is the back-off
 * formula (two lines) and the reading of botbuilder's errors, which no library knows.
 */
export interface RetryOptions {
  /** Attempts that failed for other reasons than throttling, the first included. */
  readonly maxAttempts: number;
  /**
   * Answers of 429 tolerated per message: throttling says "later", not "broken", so a storm of them
   * gets a larger, separate allowance before the message is given up.
   */
  readonly maxThrottledAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = Object.freeze({
  maxAttempts: 6,
  maxThrottledAttempts: 20,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
});

export type SendFailure =
  | {
      readonly kind: 'retry';
      readonly status: number | undefined;
      readonly reason: string;
      readonly retryAfterMs: number | undefined;
    }
  | { readonly kind: 'unreachable'; readonly status: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly status: number | undefined; readonly reason: string };

const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);
const UNREACHABLE = new Set([403, 404]);

/** Reads status, error code and Retry-After from what botbuilder's connector client throws. */
export function classifySendError(error: unknown): SendFailure {
  const status = statusOf(error);
  const code = errorCodeOf(error);
  const reason = `${status ?? 'network'}${code ? ` ${code}` : ''}`;
  if (status === undefined) return { kind: 'retry', status, reason, retryAfterMs: undefined };
  if (UNREACHABLE.has(status)) return { kind: 'unreachable', status, reason };
  if (RETRYABLE.has(status)) return { kind: 'retry', status, reason, retryAfterMs: retryAfterOf(error) };
  return { kind: 'failed', status, reason };
}

/** Milliseconds to wait before attempt `attempt + 1`, after `attempt` attempts failed. */
export function retryDelayMs(
  attempt: number,
  options: RetryOptions,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) {
    // Honour the server; a little spread keeps the retries of one burst apart.
    return retryAfterMs + Math.floor(random() * Math.min(250, retryAfterMs * 0.1 + 1));
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function statusOf(error: unknown): number | undefined {
  if (!isObject(error)) return undefined;
  if (typeof error.statusCode === 'number') return error.statusCode;
  const response = error.response;
  if (isObject(response) && typeof response.status === 'number') return response.status;
  return undefined;
}

function errorCodeOf(error: unknown): string | undefined {
  if (!isObject(error)) return undefined;
  if (typeof error.code === 'string' && error.code !== '') return error.code;
  const body = isObject(error.body) ? error.body : undefined;
  const inner = body && isObject(body.error) ? body.error : undefined;
  return inner && typeof inner.code === 'string' ? inner.code : undefined;
}

function hasGetter(value: unknown): value is { get(name: string): unknown } {
  return isObject(value) && typeof value.get === 'function';
}

function retryAfterOf(error: unknown): number | undefined {
  if (!isObject(error) || !isObject(error.response)) return undefined;
  const headers = error.response.headers;
  let value: unknown;
  if (hasGetter(headers)) value = headers.get('retry-after');
  else if (isObject(headers)) value = headers['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
