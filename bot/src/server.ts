import path from 'node:path';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import { usesDevIdentityProvider } from './platform/api/dev-identity-provider';
import type { AppConfig } from './platform/config/config';
import { jsonBody } from './platform/http/json-body';
import { loopbackHostOnly } from './platform/http/loopback-host';
import { problem, sendProblem } from './platform/http/problem';
import { staticFiles } from './platform/http/static-files';
import type { Logger } from './platform/observability/logger';
import type { TableStore } from './platform/storage/table-store';
import { activityEnvelope, type TeamsBot } from './platform/teams';

/** Bot Framework activities are small; Teams caps a message at about 28 KB of text. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly bot: TeamsBot;
  readonly storage: TableStore;
  readonly tabDirectory: string;
  /** Registers further routes (the tab's API) on the same server. */
  readonly routes?: readonly ((server: Server) => void)[];
}

/** Builds the HTTP server: the bot endpoint, health probes and the tab. Listening is the caller's. */
export function createServer(deps: ServerDeps): Server {
  const { logger } = deps;
  const server = restify.createServer({
    name: 'digiverkosto',
    handleUncaughtExceptions: false,
    // Restify's own errors (below) go out as problem details; it needs a formatter for that type.
    formatters: { 'application/problem+json': (_req, _res, body: unknown) => JSON.stringify(body) },
  });
  server.pre(restify.plugins.pre.dedupeSlashes());
  // Every answer says what it is; a browser must not guess HTML out of a JSON body or a file.
  server.pre((_req: Request, res: Response, next: Next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  if (usesDevIdentityProvider(deps.config)) server.pre(loopbackHostOnly(deps.config.publicUrl));
  server.use(jsonBody(MAX_BODY_BYTES));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const envelope = activityEnvelope.safeParse(req.body);
    if (!envelope.success) {
      logger.warn('malformed activity rejected', {
        issues: envelope.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`),
      });
      sendProblem(res, 400, 'The body is not a Bot Framework activity with a conversation and service URL.');
      return;
    }
    const started = Date.now();
    await deps.bot.process(req, res);
    logger.info('activity processed', {
      requestId: req.id(),
      activityId: envelope.data.id,
      activityType: envelope.data.type,
      conversationId: envelope.data.conversation.id,
      status: res.statusCode,
      durationMs: Date.now() - started,
    });
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    await Promise.resolve();
    res.json(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await deps.storage.ping();
      res.json(200, { status: 'ready' });
    } catch (error) {
      logger.warn('readiness check failed', { error });
      sendProblem(res, 503, 'Storage is not reachable.');
    }
  });

  for (const register of deps.routes ?? []) register(server);

  const tab = staticFiles(deps.tabDirectory, '/tab', {
    'Content-Security-Policy':
      "frame-ancestors 'self' teams.microsoft.com *.teams.microsoft.com *.teams.microsoft.us *.office.com *.cloud.microsoft *.skype.com",
  });
  const toTab = async (_req: Request, res: Response): Promise<void> => {
    await Promise.resolve();
    res.redirect(302, '/tab/', () => undefined);
  };
  server.get('/tab', toTab);
  server.get('/tab/*', tab);
  server.get('/', toTab);

  // Restify's own errors (unknown route, wrong method, a handler that threw) leave as problem
  // details with a fixed title: no message, no stack.
  server.on(
    'restifyError',
    (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) logger.error('request failed', { method: req.method, url: req.url, error });
      Object.assign(error, { toJSON: () => problem(status), toString: () => problem(status).title });
      res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
      callback();
    },
  );
  server.on('after', (req: Request, res: Response) => {
    logger.debug('request', {
      method: req.method,
      url: req.url,
      status: res.statusCode,
      requestId: req.id(),
    });
  });
  return server;
}

export const DEFAULT_TAB_DIRECTORY = path.resolve(__dirname, '..', '..', 'tab', 'dist');
