import type { Readable } from 'node:stream';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { TeamsIdentity } from '../../shared/participant';
import type { Language } from '../../shared/i18n/language';
import { sendProblem } from '../http/problem';
import type { Logger } from '../observability/logger';
import type { AuditLog } from '../storage/audit-log';
import { ConflictError, InvalidContinuationTokenError, isStorageUnreachable } from '../storage/errors';

/**
 * The tab's HTTP API: every route declares who may call it, and every body and query is parsed
 * with a schema before a handler sees it. The signed-in user comes from the validated token (tenant
 * id + object id), never from anything the client says about itself.
 */
export interface ApiUser extends TeamsIdentity {
  readonly name: string;
  readonly isCoordinator: boolean;
  readonly language: Language;
}

export type Access = 'participant' | 'coordinator' | 'public';

/** Why a request has no user: no token (401), a bad token (401), or a tenant that is not allowed (403). */
export type AuthOutcome =
  | { readonly ok: true; readonly user: ApiUser }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export interface Authenticator {
  authenticate(req: Request): Promise<AuthOutcome>;
}

/** Who may call a route decides what the handler knows: signed-in routes always have a user. */
export type UserFor<A extends Access> = A extends 'public' ? ApiUser | undefined : ApiUser;

export interface ApiRequest<B, Q, P = Record<string, string>, A extends Access = Access> {
  readonly user: UserFor<A>;
  readonly body: B;
  readonly query: Q;
  readonly params: P;
  readonly ifMatch: string | undefined;
  readonly raw: Request;
}

export type ApiResult =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  | {
      readonly status: number;
      readonly text: string;
      readonly contentType: string;
      readonly headers?: Record<string, string>;
    }
  /** A file (a PDF, a Word document, an image), sent as it is. */
  | {
      readonly status: number;
      readonly bytes: Uint8Array;
      readonly contentType: string;
      readonly headers?: Record<string, string>;
    }
  /** A large body passed through as it arrives (a meeting recording), never held in memory. */
  | {
      readonly status: number;
      readonly stream: Readable;
      readonly contentType: string;
      readonly headers?: Record<string, string>;
    };

export interface RouteSpec<
  A extends Access,
  BS extends z.ZodType,
  QS extends z.ZodType,
  PS extends z.ZodType<Record<string, unknown>>,
> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'del';
  readonly path: string;
  readonly access: A;
  readonly summary: string;
  readonly body?: BS;
  readonly query?: QS;
  /** The path's parameters (`:eventId`…); a value that does not fit is answered 404. */
  readonly params?: PS;
  handle(request: ApiRequest<z.infer<BS>, z.infer<QS>, z.infer<PS>, A>): Promise<ApiResult>;
}

/** An id in a path: what Table Storage keys and our ids allow, never empty. */
const PATH_ID = z.string().min(1).max(256);

/** The schema of a path's named parameters, each a non-empty id (`pathParams('eventId')`). */
export function pathParams<K extends string>(...names: K[]): z.ZodType<Record<K, string>> {
  return z.object(Object.fromEntries(names.map((name) => [name, PATH_ID]))) as unknown as z.ZodType<
    Record<K, string>
  >;
}

/**
 * Turns a feature's own error (a domain refusal) into the status it means, or says it is not
 * one of that feature's errors. Features register theirs with {@link ApiRouter.mapErrors}.
 */
export type ErrorMapper = (error: unknown) => ApiError | undefined;

/** Errors a handler may throw to answer with a specific status; anything else is a 500. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers?: Readonly<Record<string, string>>,
    /** A stable name of the refusal (`deadlinePassed`), so the tab can say it in the reader's language. */
    readonly code?: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export interface RegisteredRoute {
  readonly method: string;
  readonly path: string;
  readonly access: Access;
  readonly summary: string;
  readonly body: z.ZodType | undefined;
  readonly query: z.ZodType | undefined;
}

export class ApiRouter {
  readonly routes: RegisteredRoute[] = [];
  private readonly errorMappers: ErrorMapper[] = [];

  constructor(
    private readonly server: Server,
    private readonly authenticator: Authenticator,
    private readonly logger: Logger,
    /** Where coordinators' changes are recorded; every non-GET coordinator route is audited. */
    private readonly audit?: AuditLog,
  ) {}

  /** Adds the mapping of a feature's errors to statuses, for every route. */
  mapErrors(mapper: ErrorMapper): void {
    this.errorMappers.push(mapper);
  }

  add<
    A extends Access,
    BS extends z.ZodType = z.ZodUnknown,
    QS extends z.ZodType = z.ZodUnknown,
    PS extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, string>>,
  >(spec: RouteSpec<A, BS, QS, PS>): void {
    this.routes.push({
      method: spec.method === 'del' ? 'delete' : spec.method,
      path: spec.path,
      access: spec.access,
      summary: spec.summary,
      body: spec.body,
      query: spec.query,
    });
    this.server[spec.method](spec.path, async (req: Request, res: Response) => {
      let user: ApiUser | undefined;
      if (spec.access !== 'public') {
        let outcome: AuthOutcome;
        try {
          outcome = await this.authenticator.authenticate(req);
        } catch (error) {
          this.answerFailure(res, req, spec.path, error);
          return;
        }
        if (!outcome.ok) {
          if (outcome.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
          sendProblem(res, outcome.status, outcome.reason);
          return;
        }
        user = outcome.user;
        if (spec.access === 'coordinator' && !user.isCoordinator) {
          sendProblem(res, 403, 'Only coordinators may do this.');
          return;
        }
      }
      const params = spec.params
        ? spec.params.safeParse(req.params ?? {})
        : { success: true as const, data: (req.params ?? {}) as Record<string, string> };
      if (!params.success) {
        sendProblem(res, 404, 'There is no such resource.');
        return;
      }
      const body = spec.body ? spec.body.safeParse(req.body) : { success: true as const, data: undefined };
      if (!body.success) {
        sendProblem(res, 400, 'The request body is not valid.', {
          errors: body.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        });
        return;
      }
      const query = spec.query
        ? spec.query.safeParse(queryObject(req))
        : { success: true as const, data: undefined };
      if (!query.success) {
        sendProblem(res, 400, 'The query parameters are not valid.', {
          errors: query.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        });
        return;
      }
      let outcome: number;
      try {
        const result = await spec.handle({
          // Authentication above guarantees a user on every route that is not public.
          user: user as UserFor<A>,
          body: body.data as z.infer<BS>,
          query: query.data as z.infer<QS>,
          params: params.data as z.infer<PS>,
          ifMatch: headerValue(req.headers['if-match']),
          raw: req,
        });
        outcome = result.status;
        send(res, result);
      } catch (thrown) {
        const error = this.mapped(thrown);
        if (error instanceof ApiError) {
          outcome = error.status;
          if (error.headers)
            for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
          sendProblem(res, error.status, error.detail, error.code ? { code: error.code } : undefined);
        } else if (error instanceof InvalidContinuationTokenError) {
          outcome = 400;
          sendProblem(res, 400, 'The continuation token is not valid.');
        } else if (error instanceof ConflictError) {
          outcome = 412;
          sendProblem(res, 412, 'Someone else changed this in the meantime. Reload and try again.');
        } else {
          outcome = this.answerFailure(res, req, spec.path, error);
        }
      }
      if (user && spec.access === 'coordinator' && spec.method !== 'get') {
        await this.recordAudit(user, spec, req, outcome);
      }
    });
  }

  private mapped(error: unknown): unknown {
    if (error instanceof ApiError) return error;
    for (const mapper of this.errorMappers) {
      const mappedError = mapper(error);
      if (mappedError) return mappedError;
    }
    return error;
  }

  /** An unexpected failure: 503 when storage cannot be reached (try again), else 500. */
  private answerFailure(res: Response, req: Request, path: string, error: unknown): number {
    if (isStorageUnreachable(error)) {
      this.logger.warn('api request failed: storage unreachable', { method: req.method, path, error });
      res.setHeader('Retry-After', '30');
      sendProblem(res, 503, 'The service is temporarily unavailable. Try again shortly.');
      return 503;
    }
    this.logger.error('api request failed', { method: req.method, path, error });
    sendProblem(res, 500);
    return 500;
  }

  private async recordAudit(
    user: ApiUser,
    spec: { method: string; path: string },
    req: Request,
    outcome: number,
  ): Promise<void> {
    if (!this.audit) return;
    try {
      await this.audit.record({
        at: new Date().toISOString(),
        actorTenantId: user.tenantId,
        actorObjectId: user.aadObjectId,
        actorName: user.name,
        action: `${spec.method.toUpperCase()} ${spec.path}`,
        target: new URL(req.url ?? '/', 'http://localhost').pathname,
        outcome,
      });
    } catch (error) {
      // The change itself has happened; a missing audit entry is an operator's alarm, not the user's.
      this.logger.error('audit entry not recorded', { action: spec.path, error });
    }
  }
}

function queryObject(req: Request): Record<string, string> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return Object.fromEntries(url.searchParams.entries());
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(res: Response, result: ApiResult): void {
  if ('bytes' in result) {
    res.writeHead(result.status, {
      'Content-Type': result.contentType,
      'Content-Length': result.bytes.byteLength,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...result.headers,
    });
    res.end(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
    return;
  }
  if ('stream' in result) {
    res.writeHead(result.status, {
      'Content-Type': result.contentType,
      'Cache-Control': 'no-store',
      ...result.headers,
    });
    // A source that fails half way cannot change the status any more: the connection is cut.
    result.stream.once('error', () => res.destroy());
    res.once('close', () => result.stream.destroy());
    result.stream.pipe(res);
    return;
  }
  if ('text' in result) {
    res.writeHead(result.status, {
      'Content-Type': result.contentType,
      'Cache-Control': 'no-store',
      ...result.headers,
    });
    res.end(result.text);
    return;
  }
  if (result.body === undefined) {
    res.writeHead(result.status, { 'Cache-Control': 'no-store', ...result.headers });
    res.end();
    return;
  }
  const text = JSON.stringify(result.body);
  res.writeHead(result.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...result.headers,
  });
  res.end(text);
}
