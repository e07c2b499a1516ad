/**
 * A loopback stand-in for the Teams Bot Connector (REST API v3), for tests and benchmarks.
 *
 * It answers the calls botbuilder's ConnectorClient, CloudAdapter and TeamsInfo make, enforces the
 * rate limits Microsoft publishes for Teams bots, injects faults on demand and records every
 * accepted activity. It deliberately keeps no per-request log and uses O(1) bookkeeping per request,
 * because the fan-out benchmark pushes tens of thousands of requests through it.
 *
 * Authentication is accepted, never validated: the `Authorization` header is only recorded.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Activity, TeamsChannelAccount } from 'botbuilder';

/** The Connector operations the emulator serves, named after the ConnectorClient methods. */
export type ConnectorOperation =
  | 'createConversation'
  | 'sendToConversation'
  | 'replyToActivity'
  | 'updateActivity'
  | 'deleteActivity'
  | 'getConversationMembers'
  | 'getConversationMember'
  | 'getConversationPagedMembers';

/** At most `maxRequests` accepted requests in any sliding window of `windowMs`. */
export interface RateLimit {
  readonly maxRequests: number;
  readonly windowMs: number;
}

/** Microsoft's published per-bot-per-thread limits for Teams (Optimize your bot with rate limiting). */
export const TEAMS_PER_CONVERSATION_LIMITS: readonly RateLimit[] = Object.freeze([
  { maxRequests: 7, windowMs: 1_000 },
  { maxRequests: 8, windowMs: 2_000 },
  { maxRequests: 60, windowMs: 30_000 },
  { maxRequests: 1_800, windowMs: 3_600_000 },
]);

/** Microsoft's published global limit: 50 requests per second per app per tenant. */
export const TEAMS_PER_TENANT_LIMITS: readonly RateLimit[] = Object.freeze([
  { maxRequests: 50, windowMs: 1_000 },
]);

/** What an injected fault does to the one request it hits. */
export type FaultKind =
  '429' | '429-no-retry-after' | '500' | '502' | '503' | '504' | '412' | '403' | '404' | 'timeout';

/** One queued fault; it hits the first later request that matches its filters, then is spent. */
export interface InjectedFault {
  readonly kind: FaultKind;
  /** Only a request to this conversation (or team id) matches; any conversation when absent. */
  readonly conversationId?: string;
  /** Only these operations match; any operation when absent. */
  readonly operations?: readonly ConnectorOperation[];
  /** `Retry-After` for kind `429`, in whole seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** For kind `timeout`: how long to hold the request before destroying the socket. */
  readonly holdMs?: number;
  /** Overrides the error code in the JSON body. */
  readonly code?: string;
}

/** Faults drawn at random from a seeded generator, so a failing run can be replayed exactly. */
export interface RandomFaultMode {
  /** Probability in [0, 1] that a matching request is faulted. */
  readonly rate: number;
  readonly kinds: readonly FaultKind[];
  readonly seed: number;
  readonly operations?: readonly ConnectorOperation[];
  readonly holdMs?: number;
}

/** Constructor options; every limit can be replaced, and `[]` switches a scope off. */
export interface BotConnectorEmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Sliding-window limits per conversation and operation group (see {@link BotConnectorEmulator}). */
  readonly perConversationLimits?: readonly RateLimit[];
  /** Sliding-window limits per tenant over all requests. */
  readonly perTenantLimits?: readonly RateLimit[];
  /** Tenant charged for requests that name none and go to a conversation the emulator does not know. */
  readonly defaultTenantId?: string;
  /** How long a `timeout` fault holds a request when the fault does not say (default 5,000 ms). */
  readonly timeoutHoldMs?: number;
  /** Page size when `pagedmembers` is called without one (default 200). */
  readonly defaultPageSize?: number;
  /** Largest page `pagedmembers` returns, like the real service's cap (default 500). */
  readonly maxPageSize?: number;
  /** Milliseconds clock for the rate-limit windows; tests may pass a fake one. */
  readonly now?: () => number;
}

/** Counters a test or benchmark asserts on. A snapshot: later requests do not change it. */
export interface BotConnectorEmulatorStats {
  /** Every HTTP request that reached the emulator. */
  readonly requests: number;
  /** Activities recorded (sends, replies, updates and activities created with a conversation). */
  readonly acceptedActivities: number;
  readonly deletedActivities: number;
  /** Conversations created for the first time (repeated creation returns the same id, uncounted). */
  readonly conversationsCreated: number;
  /** Requests answered 429 because the client exceeded a rate limit; a well-behaved sender keeps 0. */
  readonly limitRejections: number;
  /** Requests refused because the conversation was blocked with {@link BotConnectorEmulator.blockConversation}. */
  readonly blockedRejections: number;
  readonly injectedFaults: number;
  readonly injectedFaultsByKind: Readonly<Partial<Record<FaultKind, number>>>;
  /** Accepted sends that repeat an idempotency key (or activity id) already seen in the conversation. */
  readonly duplicates: number;
  /** Most accepted messages (sends and replies) to one conversation in any one-second window. */
  readonly maxPerConversationPerSecond: number;
  /** Most accepted requests of one tenant in any one-second window. */
  readonly maxPerTenantPerSecond: number;
}

/** One accepted activity as the emulator received it. */
export interface RecordedActivity {
  readonly operation: 'createConversation' | 'sendToConversation' | 'replyToActivity' | 'updateActivity';
  readonly conversationId: string;
  /** The id the emulator answered with (for updates: the id that was updated). */
  readonly activityId: string;
  /** For replies: the activity id in the request path. */
  readonly replyToId?: string;
  /** The JSON body as sent; the emulator does not validate it beyond being an object. */
  readonly activity: Partial<Activity>;
  readonly tenantId: string;
  /** Wall-clock time of receipt, epoch milliseconds. */
  readonly receivedAt: number;
  readonly authorization?: string;
  /** `channelData.idempotencyKey`, or else the activity's own `id`, when the sender provided one. */
  readonly idempotencyKey?: string;
  /** True when an earlier accepted send to the same conversation carried the same idempotency key. */
  readonly duplicate: boolean;
}

/** One accepted `DELETE` of an activity. */
export interface RecordedDeletion {
  readonly conversationId: string;
  readonly activityId: string;
  readonly receivedAt: number;
  readonly authorization?: string;
}

const DEFAULT_TENANT_ID = '00000000-0000-0000-0000-000000000000';
const ONE_SECOND_MS = 1_000;
// Teams message ids are epoch-millisecond numbers; a fixed base keeps ours the same shape yet deterministic.
const ACTIVITY_ID_BASE = 1_700_000_000_000;

/** Operations that share one per-conversation window. Sends and replies are both "send to conversation". */
type ThreadGroup = 'messages' | 'updates' | 'deletes';
const THREAD_GROUP: Readonly<Partial<Record<ConnectorOperation, ThreadGroup>>> = {
  sendToConversation: 'messages',
  replyToActivity: 'messages',
  updateActivity: 'updates',
  deleteActivity: 'deletes',
};

interface ErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

const FAULT_ANSWERS: Readonly<Record<Exclude<FaultKind, 'timeout'>, ErrorAnswer>> = {
  '429': { status: 429, code: 'Throttled', message: 'Too many requests (injected).', retryAfterSeconds: 1 },
  '429-no-retry-after': { status: 429, code: 'Throttled', message: 'Too many requests (injected).' },
  '500': { status: 500, code: 'InternalServerError', message: 'Internal server error (injected).' },
  '502': { status: 502, code: 'BadGateway', message: 'Bad gateway (injected).' },
  '503': { status: 503, code: 'ServiceUnavailable', message: 'Service unavailable (injected).' },
  '504': { status: 504, code: 'GatewayTimeout', message: 'Gateway timeout (injected).' },
  '412': { status: 412, code: 'PreconditionFailed', message: 'Precondition failed (injected).' },
  '403': {
    status: 403,
    code: 'ConversationBlockedByUser',
    message: 'User blocked the conversation with the bot.',
  },
  '404': { status: 404, code: 'ConversationNotFound', message: 'Conversation not found.' },
};

interface Route {
  readonly operation: ConnectorOperation;
  /** Absent only for createConversation, whose id is known after the body is read. */
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly memberId?: string;
}

interface Roster {
  readonly members: readonly TeamsChannelAccount[];
  readonly byId: ReadonlyMap<string, TeamsChannelAccount>;
}

interface ConversationState {
  tenantId: string;
  idempotencyKeys?: Set<string>;
  activities: RecordedActivity[];
}

interface ActivityWaiter {
  readonly count: number;
  readonly resolve: (activities: readonly RecordedActivity[]) => void;
}

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringAt(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (!isJsonObject(current)) return undefined;
    current = current[key];
  }
  return typeof current === 'string' && current.length > 0 ? current : undefined;
}

/**
 * Timestamps of accepted requests in one scope, in a growable ring buffer.
 *
 * A limit "N per W" is exceeded exactly when the N-th newest timestamp lies inside the window, so
 * checking a limit is one array read. The log keeps the newest `retain` entries (the largest N)
 * plus everything from the last second, which the per-second maxima need.
 */
class SlidingLog {
  private times = new Float64Array(8);
  private head = 0;
  private tail = 0;
  private secondStart = 0;

  constructor(private readonly retain: number) {}

  /** Milliseconds until the request could be accepted, or 0 when no limit stands in the way. */
  waitMs(limits: readonly RateLimit[], now: number): number {
    let wait = 0;
    for (const limit of limits) {
      // A limit of zero is a closed door, e.g. to simulate an app that is throttled outright.
      if (limit.maxRequests < 1) return Math.max(wait, limit.windowMs);
      if (limit.maxRequests > this.tail - this.head) continue;
      const nthNewest = this.times[(this.tail - limit.maxRequests) % this.times.length] ?? 0;
      if (nthNewest > now - limit.windowMs) wait = Math.max(wait, nthNewest + limit.windowMs - now);
    }
    return wait;
  }

  /** Records an accepted request and returns how many were accepted in the last second, itself included. */
  push(now: number): number {
    while (
      this.secondStart < this.tail &&
      (this.times[this.secondStart % this.times.length] ?? 0) <= now - ONE_SECOND_MS
    ) {
      this.secondStart += 1;
    }
    while (this.tail - this.head >= this.retain && this.head < this.secondStart) this.head += 1;
    if (this.tail - this.head === this.times.length) this.grow();
    this.times[this.tail % this.times.length] = now;
    this.tail += 1;
    return this.tail - this.secondStart;
  }

  private grow(): void {
    const bigger = new Float64Array(this.times.length * 2);
    for (let index = this.head; index < this.tail; index += 1) {
      bigger[index % bigger.length] = this.times[index % this.times.length] ?? 0;
    }
    this.times = bigger;
  }
}

/** mulberry32: tiny, seedable, good enough to spread faults evenly and replay them. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function parseRoute(method: string, segments: readonly string[]): Route | undefined {
  if (segments[0] !== 'v3' || segments[1] !== 'conversations') return undefined;
  const [, , conversationId, resource, itemId, extra] = segments;
  if (conversationId === undefined)
    return method === 'POST' ? { operation: 'createConversation' } : undefined;
  if (extra !== undefined) return undefined;
  if (resource === 'activities') {
    if (itemId === undefined)
      return method === 'POST' ? { operation: 'sendToConversation', conversationId } : undefined;
    // "history" is the transcript upload, which Teams does not support; do not mistake it for a reply.
    if (itemId === 'history') return undefined;
    const activityId = itemId;
    if (method === 'POST') return { operation: 'replyToActivity', conversationId, activityId };
    if (method === 'PUT') return { operation: 'updateActivity', conversationId, activityId };
    if (method === 'DELETE') return { operation: 'deleteActivity', conversationId, activityId };
    return undefined;
  }
  if (method !== 'GET') return undefined;
  if (resource === 'pagedmembers' && itemId === undefined) {
    return { operation: 'getConversationPagedMembers', conversationId };
  }
  if (resource === 'members') {
    return itemId === undefined
      ? { operation: 'getConversationMembers', conversationId }
      : { operation: 'getConversationMember', conversationId, memberId: itemId };
  }
  return undefined;
}

function encodeContinuationToken(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

function decodeContinuationToken(token: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

class BadRequest extends Error {}

/**
 * A loopback Bot Framework Connector (REST v3) for tests: point an activity's `serviceUrl` at
 * {@link BotConnectorEmulator.serviceUrl} and the bot's replies land here.
 *
 * Routes: `POST /v3/conversations`, `POST /v3/conversations/{id}/activities[/{activityId}]`,
 * `PUT|DELETE /v3/conversations/{id}/activities/{activityId}`, `GET /v3/conversations/{id}/members[/{memberId}]`
 * and `GET /v3/conversations/{id}/pagedmembers`. Path segments are URL-decoded, so Teams ids with
 * `:`, `@` and `;` work. A team id is just another conversation id here, which is what TeamsInfo relies on.
 *
 * Rate limits: the per-conversation windows apply separately to messages (sends and replies share one
 * window, as "send to conversation"), to updates and to deletes of each conversation; the per-tenant
 * windows apply to every request. Only accepted requests enter a window. A request over a limit is
 * answered 429 with `Retry-After` and counted in `stats.limitRejections`.
 *
 * Idempotency convention: a sender may put a key in `channelData.idempotencyKey` (otherwise the
 * activity's own `id` is used as the hint). A later accepted send or reply to the same conversation
 * with the same key is still accepted, like the real service would, but counted in `stats.duplicates`
 * and recorded with `duplicate: true`.
 *
 * Order of checks per request: blocked conversation, injected fault, rate limits; the first that
 * applies answers the request.
 */
export class BotConnectorEmulator {
  private readonly perConversationLimits: readonly RateLimit[];
  private readonly perTenantLimits: readonly RateLimit[];
  private readonly defaultTenantId: string;
  private readonly timeoutHoldMs: number;
  private readonly defaultPageSize: number;
  private readonly maxPageSize: number;
  private readonly now: () => number;

  private server: http.Server | undefined;
  private port: number | undefined;
  private readonly heldRequests = new Set<{ timer: NodeJS.Timeout; socket: Socket }>();

  private conversations = new Map<string, ConversationState>();
  private rosters = new Map<string, Roster>();
  private blocked = new Map<string, ErrorAnswer>();
  private threadLogs = new Map<string, SlidingLog>();
  private tenantLogs = new Map<string, SlidingLog>();
  private faultQueue: InjectedFault[] = [];
  private randomFaults: { mode: RandomFaultMode; next: () => number } | undefined;
  private recorded: RecordedActivity[] = [];
  private deletions: RecordedDeletion[] = [];
  private waiters: ActivityWaiter[] = [];
  private activitySequence = 0;
  private counters = BotConnectorEmulator.emptyCounters();
  private lastAuthorizationHeader: string | undefined;

  constructor(private readonly options: BotConnectorEmulatorOptions = {}) {
    this.perConversationLimits = options.perConversationLimits ?? TEAMS_PER_CONVERSATION_LIMITS;
    this.perTenantLimits = options.perTenantLimits ?? TEAMS_PER_TENANT_LIMITS;
    this.defaultTenantId = options.defaultTenantId ?? DEFAULT_TENANT_ID;
    this.timeoutHoldMs = options.timeoutHoldMs ?? 5_000;
    this.defaultPageSize = options.defaultPageSize ?? 200;
    this.maxPageSize = options.maxPageSize ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** Starts listening on 127.0.0.1. `url` has no trailing slash; {@link serviceUrl} has one. */
  async start(): Promise<{ url: string; port: number }> {
    if (this.server) throw new Error('BotConnectorEmulator is already started');
    const server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => this.answerUnexpected(response, error));
    });
    // Benchmarks reuse connections heavily; a short default would close them between bursts.
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { url: this.url, port: this.port };
  }

  /** Stops listening, drops open connections and requests held by `timeout` faults. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const held of this.heldRequests) {
      clearTimeout(held.timer);
      held.socket.destroy();
    }
    this.heldRequests.clear();
    const closed = new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
    server.closeAllConnections();
    await closed;
  }

  /** `http://127.0.0.1:PORT` (no trailing slash), for building request URLs. */
  get url(): string {
    if (this.port === undefined) throw new Error('BotConnectorEmulator is not started');
    return `http://127.0.0.1:${this.port}`;
  }

  /** `http://127.0.0.1:PORT/`, the value to put in an activity's `serviceUrl`. */
  get serviceUrl(): string {
    return `${this.url}/`;
  }

  /** The most recent `Authorization` header received, if any (never validated). */
  get lastAuthorization(): string | undefined {
    return this.lastAuthorizationHeader;
  }

  /** A snapshot of the counters. */
  get stats(): BotConnectorEmulatorStats {
    return { ...this.counters, injectedFaultsByKind: { ...this.counters.injectedFaultsByKind } };
  }

  /**
   * Sets the members `pagedmembers` and `members` return for a conversation or a team id, in this order.
   * `tenantId`, when given, becomes the conversation's tenant for rate limiting.
   */
  setRoster(conversationOrTeamId: string, members: readonly TeamsChannelAccount[], tenantId?: string): void {
    const byId = new Map<string, TeamsChannelAccount>();
    for (const member of members) {
      byId.set(member.id, member);
      // Teams also resolves a member by AAD object id.
      if (member.aadObjectId) byId.set(member.aadObjectId, member);
    }
    this.rosters.set(conversationOrTeamId, { members: [...members], byId });
    if (tenantId) this.conversationState(conversationOrTeamId, tenantId).tenantId = tenantId;
  }

  /**
   * Makes every later request to the conversation fail with 403 (bot blocked or removed) or 404
   * (conversation gone), until {@link unblockConversation} or {@link reset}.
   */
  blockConversation(conversationId: string, status: 403 | 404 = 403, code?: string): void {
    const answer = FAULT_ANSWERS[status === 403 ? '403' : '404'];
    this.blocked.set(conversationId, code ? { ...answer, code } : answer);
  }

  unblockConversation(conversationId: string): void {
    this.blocked.delete(conversationId);
  }

  /**
   * Queues faults, each spent on the first later request it matches; or, given a
   * {@link RandomFaultMode}, faults matching requests at random from then on (replacing an earlier mode).
   * Queued faults take precedence over random ones.
   */
  injectFaults(faults: readonly InjectedFault[] | RandomFaultMode): void {
    if (Array.isArray(faults)) {
      this.faultQueue.push(...(faults as readonly InjectedFault[]));
      return;
    }
    const mode = faults as RandomFaultMode;
    if (!(mode.rate >= 0 && mode.rate <= 1) || mode.kinds.length === 0) {
      throw new Error('Random faults need a rate in [0, 1] and at least one kind');
    }
    this.randomFaults = { mode, next: seededRandom(mode.seed) };
  }

  /** Drops queued faults and the random mode. */
  clearFaults(): void {
    this.faultQueue = [];
    this.randomFaults = undefined;
  }

  /** Queued faults not yet spent. */
  get pendingFaults(): number {
    return this.faultQueue.length;
  }

  /** Accepted activities of one conversation, oldest first. */
  activitiesFor(conversationId: string): readonly RecordedActivity[] {
    return [...(this.conversations.get(conversationId)?.activities ?? [])];
  }

  /** All accepted activities, oldest first. */
  allActivities(): readonly RecordedActivity[] {
    return [...this.recorded];
  }

  /** All accepted deletions, oldest first. */
  deletedActivities(): readonly RecordedDeletion[] {
    return [...this.deletions];
  }

  /**
   * Resolves with all recorded activities once at least `count` are recorded; rejects after
   * `timeoutMs` with a message saying how many arrived.
   */
  waitForActivities(count: number, timeoutMs = 5_000): Promise<readonly RecordedActivity[]> {
    if (this.recorded.length >= count) return Promise.resolve(this.allActivities());
    return new Promise((resolve, reject) => {
      const waiter: ActivityWaiter = {
        count,
        resolve: (activities) => {
          clearTimeout(timer);
          resolve(activities);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
        const s = this.counters;
        reject(
          new Error(
            `BotConnectorEmulator: expected at least ${count} activities within ${timeoutMs} ms but ` +
              `${this.recorded.length} were recorded (requests ${s.requests}, limit rejections ${s.limitRejections}, ` +
              `injected faults ${s.injectedFaults}, blocked ${s.blockedRejections})`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /**
   * Forgets everything tests set up or caused: recordings, conversations, rosters, blocks, faults,
   * rate-limit windows and stats. The server keeps running on the same port.
   */
  reset(): void {
    this.conversations = new Map();
    this.rosters = new Map();
    this.blocked = new Map();
    this.threadLogs = new Map();
    this.tenantLogs = new Map();
    this.clearFaults();
    this.recorded = [];
    this.deletions = [];
    this.activitySequence = 0;
    this.counters = BotConnectorEmulator.emptyCounters();
    this.lastAuthorizationHeader = undefined;
  }

  private static emptyCounters(): {
    -readonly [K in keyof BotConnectorEmulatorStats]: BotConnectorEmulatorStats[K];
  } & { injectedFaultsByKind: Partial<Record<FaultKind, number>> } {
    return {
      requests: 0,
      acceptedActivities: 0,
      deletedActivities: 0,
      conversationsCreated: 0,
      limitRejections: 0,
      blockedRejections: 0,
      injectedFaults: 0,
      injectedFaultsByKind: {},
      duplicates: 0,
      maxPerConversationPerSecond: 0,
      maxPerTenantPerSecond: 0,
    };
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    this.counters.requests += 1;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) this.lastAuthorizationHeader = authorization;

    const rawUrl = request.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const pathname = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    let segments: string[];
    try {
      segments = pathname
        .split('/')
        .filter((segment) => segment.length > 0)
        .map((segment) => decodeURIComponent(segment));
    } catch (error: unknown) {
      if (!(error instanceof URIError)) throw error;
      request.resume();
      return this.answerError(response, {
        status: 400,
        code: 'BadSyntax',
        message: 'Malformed percent-encoding in path.',
      });
    }
    const route = parseRoute(request.method ?? 'GET', segments);
    if (!route) {
      request.resume();
      return this.answerError(response, {
        status: 404,
        code: 'NotFound',
        message: `The emulator does not serve ${request.method ?? ''} ${pathname}`,
      });
    }

    let body: JsonObject | undefined;
    if (request.method === 'POST' || request.method === 'PUT') {
      try {
        body = await readJsonObject(request);
      } catch (error: unknown) {
        if (!(error instanceof BadRequest)) throw error;
        return this.answerError(response, { status: 400, code: 'BadSyntax', message: error.message });
      }
    } else {
      request.resume();
    }

    let conversationId = route.conversationId;
    let creation: { tenantId: string; memberIds: string[] } | undefined;
    if (route.operation === 'createConversation') {
      try {
        creation = parseCreation(body, this.defaultTenantId);
      } catch (error: unknown) {
        if (!(error instanceof BadRequest)) throw error;
        return this.answerError(response, { status: 400, code: 'BadArgument', message: error.message });
      }
      conversationId = conversationIdFor(creation.tenantId, creation.memberIds, body?.isGroup === true);
    }
    if (conversationId === undefined) throw new Error('Route without a conversation id');
    const tenantId = creation?.tenantId ?? this.tenantOf(conversationId, body);

    const blocked = this.blocked.get(conversationId);
    if (blocked) {
      this.counters.blockedRejections += 1;
      return this.answerError(response, blocked);
    }

    const fault = this.takeFault(route.operation, conversationId);
    if (fault) {
      this.counters.injectedFaults += 1;
      const byKind = this.counters.injectedFaultsByKind;
      byKind[fault.kind] = (byKind[fault.kind] ?? 0) + 1;
      if (fault.kind === 'timeout') return this.holdThenDrop(request, fault.holdMs ?? this.timeoutHoldMs);
      const answer = FAULT_ANSWERS[fault.kind];
      return this.answerError(response, {
        ...answer,
        code: fault.code ?? answer.code,
        ...(fault.kind === '429'
          ? { retryAfterSeconds: Math.max(1, Math.ceil(fault.retryAfterSeconds ?? 1)) }
          : {}),
      });
    }

    if (!this.admit(route.operation, conversationId, tenantId, response)) return;

    switch (route.operation) {
      case 'createConversation':
        return this.createConversation(
          response,
          conversationId,
          tenantId,
          creation?.memberIds ?? [],
          body,
          authorization,
        );
      case 'sendToConversation':
      case 'replyToActivity':
      case 'updateActivity': {
        const activityId =
          route.operation === 'updateActivity' ? (route.activityId ?? '') : this.nextActivityId();
        this.record({
          operation: route.operation,
          conversationId,
          activityId,
          replyToId: route.operation === 'replyToActivity' ? route.activityId : undefined,
          body: body ?? {},
          tenantId,
          authorization,
        });
        return this.answerJson(response, route.operation === 'updateActivity' ? 200 : 201, {
          id: activityId,
        });
      }
      case 'deleteActivity':
        this.deletions.push({
          conversationId,
          activityId: route.activityId ?? '',
          receivedAt: Date.now(),
          ...(authorization === undefined ? {} : { authorization }),
        });
        this.counters.deletedActivities += 1;
        return this.answerJson(response, 200, undefined);
      case 'getConversationMembers':
      case 'getConversationMember':
      case 'getConversationPagedMembers':
        return this.answerMembers(response, route, conversationId, rawUrl, queryStart);
    }
  }

  /** Applies the rate limits; answers 429 and returns false when the request must be refused. */
  private admit(
    operation: ConnectorOperation,
    conversationId: string,
    tenantId: string,
    response: http.ServerResponse,
  ): boolean {
    const now = this.now();
    const tenantLog = this.logFor(this.tenantLogs, tenantId, this.perTenantLimits);
    const group = THREAD_GROUP[operation];
    const threadLog = group
      ? this.logFor(this.threadLogs, `${group}\u0000${conversationId}`, this.perConversationLimits)
      : undefined;
    const tenantWait = tenantLog.waitMs(this.perTenantLimits, now);
    const threadWait = threadLog?.waitMs(this.perConversationLimits, now) ?? 0;
    if (tenantWait > 0 || threadWait > 0) {
      this.counters.limitRejections += 1;
      const scope =
        threadWait >= tenantWait ? `conversation ${conversationId} (${group ?? ''})` : `tenant ${tenantId}`;
      this.answerError(response, {
        status: 429,
        code: 'Throttled',
        message: `Rate limit exceeded for ${scope}; retry later.`,
        retryAfterSeconds: Math.max(1, Math.ceil(Math.max(tenantWait, threadWait) / 1_000)),
      });
      return false;
    }
    const tenantPerSecond = tenantLog.push(now);
    if (tenantPerSecond > this.counters.maxPerTenantPerSecond)
      this.counters.maxPerTenantPerSecond = tenantPerSecond;
    if (threadLog) {
      const threadPerSecond = threadLog.push(now);
      if (group === 'messages' && threadPerSecond > this.counters.maxPerConversationPerSecond) {
        this.counters.maxPerConversationPerSecond = threadPerSecond;
      }
    }
    return true;
  }

  private logFor(logs: Map<string, SlidingLog>, key: string, limits: readonly RateLimit[]): SlidingLog {
    let log = logs.get(key);
    if (!log) {
      log = new SlidingLog(Math.max(1, ...limits.map((limit) => limit.maxRequests)));
      logs.set(key, log);
    }
    return log;
  }

  private takeFault(operation: ConnectorOperation, conversationId: string): InjectedFault | undefined {
    const index = this.faultQueue.findIndex(
      (fault) =>
        (fault.conversationId === undefined || fault.conversationId === conversationId) &&
        (fault.operations === undefined || fault.operations.includes(operation)),
    );
    if (index !== -1) return this.faultQueue.splice(index, 1)[0];
    const random = this.randomFaults;
    if (!random || (random.mode.operations !== undefined && !random.mode.operations.includes(operation)))
      return undefined;
    if (random.next() >= random.mode.rate) return undefined;
    const kind = random.mode.kinds[Math.floor(random.next() * random.mode.kinds.length)] ?? '503';
    return random.mode.holdMs === undefined ? { kind } : { kind, holdMs: random.mode.holdMs };
  }

  private holdThenDrop(request: http.IncomingMessage, holdMs: number): void {
    const socket = request.socket;
    const held = {
      socket,
      timer: setTimeout(() => {
        this.heldRequests.delete(held);
        socket.destroy();
      }, holdMs),
    };
    this.heldRequests.add(held);
  }

  private tenantOf(conversationId: string, body: JsonObject | undefined): string {
    const known = this.conversations.get(conversationId)?.tenantId;
    if (known) return known;
    return (
      stringAt(body, 'conversation', 'tenantId') ??
      stringAt(body, 'channelData', 'tenant', 'id') ??
      this.defaultTenantId
    );
  }

  private conversationState(conversationId: string, tenantId: string): ConversationState {
    let state = this.conversations.get(conversationId);
    if (!state) {
      state = { tenantId, activities: [] };
      this.conversations.set(conversationId, state);
    }
    return state;
  }

  private createConversation(
    response: http.ServerResponse,
    conversationId: string,
    tenantId: string,
    memberIds: readonly string[],
    body: JsonObject | undefined,
    authorization: string | undefined,
  ): void {
    const existed = this.conversations.has(conversationId);
    this.conversationState(conversationId, tenantId);
    if (!existed) this.counters.conversationsCreated += 1;
    // Without a configured roster, the created conversation's members are the ones the bot named.
    if (!this.rosters.has(conversationId)) {
      this.setRoster(
        conversationId,
        memberIds.map((id) => ({ id, name: '', tenantId })),
      );
    }
    const initial = body?.activity;
    let activityId: string | undefined;
    if (isJsonObject(initial)) {
      activityId = this.nextActivityId();
      this.record({
        operation: 'createConversation',
        conversationId,
        activityId,
        body: initial,
        tenantId,
        authorization,
      });
    }
    this.answerJson(response, existed ? 200 : 201, {
      id: conversationId,
      ...(activityId === undefined ? {} : { activityId }),
      serviceUrl: this.serviceUrl,
    });
  }

  private record(input: {
    operation: RecordedActivity['operation'];
    conversationId: string;
    activityId: string;
    replyToId?: string | undefined;
    body: JsonObject;
    tenantId: string;
    authorization: string | undefined;
  }): void {
    const state = this.conversationState(input.conversationId, input.tenantId);
    const idempotencyKey =
      stringAt(input.body, 'channelData', 'idempotencyKey') ?? stringAt(input.body, 'id');
    let duplicate = false;
    // Updates legitimately carry the id of the activity they replace, so only new messages count.
    if (idempotencyKey !== undefined && input.operation !== 'updateActivity') {
      state.idempotencyKeys ??= new Set();
      duplicate = state.idempotencyKeys.has(idempotencyKey);
      state.idempotencyKeys.add(idempotencyKey);
      if (duplicate) this.counters.duplicates += 1;
    }
    const recorded: RecordedActivity = {
      operation: input.operation,
      conversationId: input.conversationId,
      activityId: input.activityId,
      ...(input.replyToId === undefined ? {} : { replyToId: input.replyToId }),
      activity: input.body,
      tenantId: input.tenantId,
      receivedAt: Date.now(),
      ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      duplicate,
    };
    state.activities.push(recorded);
    this.recorded.push(recorded);
    this.counters.acceptedActivities += 1;
    if (this.waiters.length > 0) this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const ready = this.waiters.filter((waiter) => waiter.count <= this.recorded.length);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.count > this.recorded.length);
    const snapshot = this.allActivities();
    for (const waiter of ready) waiter.resolve(snapshot);
  }

  private nextActivityId(): string {
    this.activitySequence += 1;
    return String(ACTIVITY_ID_BASE + this.activitySequence);
  }

  private answerMembers(
    response: http.ServerResponse,
    route: Route,
    conversationId: string,
    rawUrl: string,
    queryStart: number,
  ): void {
    const roster = this.rosters.get(conversationId);
    if (!roster) {
      if (this.conversations.has(conversationId)) {
        return this.answerJson(
          response,
          200,
          route.operation === 'getConversationPagedMembers' ? { members: [] } : [],
        );
      }
      return this.answerError(response, FAULT_ANSWERS['404']);
    }
    if (route.operation === 'getConversationMembers') return this.answerJson(response, 200, roster.members);
    if (route.operation === 'getConversationMember') {
      const member = roster.byId.get(route.memberId ?? '');
      if (member) return this.answerJson(response, 200, member);
      return this.answerError(response, {
        status: 404,
        code: 'MemberNotFoundInConversation',
        message: 'The member was not found in the conversation.',
      });
    }
    const query = new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1));
    const requestedSize = Number(query.get('pageSize') ?? Number.NaN);
    const pageSize =
      Number.isInteger(requestedSize) && requestedSize > 0
        ? Math.min(requestedSize, this.maxPageSize)
        : this.defaultPageSize;
    const token = query.get('continuationToken');
    const offset = token ? decodeContinuationToken(token) : 0;
    if (offset === undefined || offset > roster.members.length) {
      return this.answerError(response, {
        status: 400,
        code: 'BadArgument',
        message: 'Invalid continuation token.',
      });
    }
    const end = offset + pageSize;
    this.answerJson(response, 200, {
      members: roster.members.slice(offset, end),
      ...(end < roster.members.length ? { continuationToken: encodeContinuationToken(end) } : {}),
    });
  }

  // writeHead and end are separate calls: restify, loaded in the same process by the bot's tests,
  // replaces ServerResponse.writeHead with a version that does not return the response.
  private answerJson(response: http.ServerResponse, status: number, body: unknown): void {
    if (body === undefined) {
      response.writeHead(status, { 'content-length': 0 });
      response.end();
      return;
    }
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  }

  private answerError(response: http.ServerResponse, answer: ErrorAnswer): void {
    const text = JSON.stringify({ error: { code: answer.code, message: answer.message } });
    const headers: http.OutgoingHttpHeaders = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    };
    if (answer.retryAfterSeconds !== undefined) headers['retry-after'] = String(answer.retryAfterSeconds);
    response.writeHead(answer.status, headers);
    response.end(text);
  }

  private answerUnexpected(response: http.ServerResponse, error: unknown): void {
    // A bug in the emulator must fail the test loudly, not look like a transient service error.
    const message = `BotConnectorEmulator failed: ${error instanceof Error ? error.message : String(error)}`;
    process.emitWarning(message);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    this.answerError(response, { status: 500, code: 'EmulatorFailure', message });
  }
}

async function readJsonObject(request: http.IncomingMessage): Promise<JsonObject> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new BadRequest(`Request body is not JSON: ${error.message}`);
  }
  if (!isJsonObject(parsed)) throw new BadRequest('Request body must be a JSON object.');
  return parsed;
}

function parseCreation(
  body: JsonObject | undefined,
  defaultTenantId: string,
): { tenantId: string; memberIds: string[] } {
  const members = body?.members;
  if (!Array.isArray(members) || members.length === 0) {
    throw new BadRequest('Conversation parameters must name at least one member.');
  }
  const memberIds = members.map((member) => stringAt(member, 'id'));
  if (memberIds.some((id) => id === undefined)) throw new BadRequest('Every member needs an id.');
  const tenantId =
    stringAt(body, 'channelData', 'tenant', 'id') ?? stringAt(body, 'tenantId') ?? defaultTenantId;
  return { tenantId, memberIds: memberIds as string[] };
}

/**
 * Teams returns the same 1:1 conversation each time a bot creates one with the same user, so the id
 * is a pure function of tenant and members. Personal chat ids look like `a:1…`, group chats `19:…@thread.v2`.
 */
export function conversationIdFor(tenantId: string, memberIds: readonly string[], isGroup: boolean): string {
  const digest = createHash('sha256')
    .update([tenantId, ...[...memberIds].sort()].join('\u0000'))
    .digest('base64url')
    .slice(0, 40);
  return isGroup ? `19:${digest}@thread.v2` : `a:1${digest}`;
}
