import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/platform/config/config';
import { createLogger, type Logger } from '../../bot/src/platform/observability/logger';
import type { Clock } from '../../bot/src/platform/clock';

export interface RunningApp {
  readonly app: App;
  readonly url: string;
  readonly tablePrefix: string;
  stop(): Promise<void>;
}

/** A table prefix no other test file uses, so files can share one Azurite. */
export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export function testStorageConnectionString(): string {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('TEST_STORAGE_CONNECTION_STRING is set by jest global set-up');
  return connectionString;
}

/** Starts the real server (same composition root as production) on a free loopback port. */
export async function startTestApp(
  options: {
    clock?: Clock;
    tablePrefix?: string;
    env?: Record<string, string>;
    logger?: Logger;
    /** The built tab to serve (browser tests); a one-page fixture by default. */
    tabDirectory?: string;
    /** Background-work settings (outbox limits and leases, reminder ticks). */
    appOptions?: Pick<AppOptions, 'delivery' | 'reminders' | 'startBackgroundWork' | 'survey'>;
  } = {},
): Promise<RunningApp> {
  const tablePrefix = options.tablePrefix ?? uniquePrefix();
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: testStorageConnectionString(),
    TABLE_PREFIX: tablePrefix,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = createApp(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    logger: options.logger ?? createLogger('silent'),
    tabDirectory: options.tabDirectory ?? path.join(__dirname, 'fixtures', 'tab'),
    ...options.appOptions,
  });
  const port = await app.listen();
  return { app, url: `http://127.0.0.1:${port}`, tablePrefix, stop: () => app.close() };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    json = undefined;
  }
  return { status: response.status, text, json };
}
