import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import type { TeamsIdentity } from '../../shared/participant';
import type { Language } from '../../shared/i18n/language';
import { sendProblem } from '../http/problem';
import type { Logger } from '../observability/logger';
import type { AuditLog } from '../storage/audit-log';
import { ConflictError, isStorageUnreachable } from '../storage/errors';

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

export interface ApiRequest<B, Q> {
  readonly user: ApiUser | undefined;
  readonly body: B;
  readonly query: Q;
  readonly params: Record<string, string>;
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
    };

export interface RouteSpec<BS extends z.ZodType, QS extends z.ZodType> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'del';
  readonly path: string;
  readonly access: Access;
  readonly summary: string;
  readonly body?: BS;
  readonly query?: QS;
  handle(request: ApiRequest<z.infer<BS>, z.infer<QS>>): Promise<ApiResult>;
}

/** Errors a handler may throw to answer with a specific status; anything else is a 500. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
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

  constructor(
    private readonly server: Server,
    private readonly authenticator: Authenticator,
    private readonly logger: Logger,
    /** Where coordinators' changes are recorded; every non-GET coordinator route is audited. */
    private readonly audit?: AuditLog,
  ) {}

  add<BS extends z.ZodType = z.ZodUnknown, QS extends z.ZodType = z.ZodUnknown>(
    spec: RouteSpec<BS, QS>,
  ): void {
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
          user,
          body: body.data as z.infer<BS>,
          query: query.data as z.infer<QS>,
          params: (req.params ?? {}) as Record<string, string>,
          ifMatch: headerValue(req.headers['if-match']),
          raw: req,
        });
        outcome = result.status;
        send(res, result);
      } catch (error) {
        if (error instanceof ApiError) {
          outcome = error.status;
          sendProblem(res, error.status, error.detail);
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
