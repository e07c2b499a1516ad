/**
 * The app in a process of its own, for tests that must see what happens to the process itself (a
 * crash on a storage fault, a kill in the middle of a fan-out). It listens on a free loopback port
 * with its background work on, logs JSON lines on stdout, and prints `listening <port>` once up.
 *
 *   CHILD_STORAGE      the storage connection string
 *   CHILD_PREFIX       the table prefix (the parent's, so both see the same tables)
 *   CHILD_OPTIONS      JSON: { delivery?: { dispatcher? }, reminders?, groups? } of AppOptions
 *   CHILD_LOG_LEVEL    debug, info, warn (default), error or silent
 */
import { createApp, type AppOptions } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/platform/config/config';
import { createLogger, type LogLevel } from '../../bot/src/platform/observability/logger';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: required('CHILD_STORAGE'),
    TABLE_PREFIX: required('CHILD_PREFIX'),
    LOG_LEVEL: 'silent',
  });
  const options = JSON.parse(process.env.CHILD_OPTIONS ?? '{}') as Pick<
    AppOptions,
    'delivery' | 'reminders' | 'groups'
  >;
  const level = (process.env.CHILD_LOG_LEVEL ?? 'warn') as LogLevel;
  const app = createApp(config, { ...options, logger: createLogger(level) });
  const port = await app.listen();
  process.stdout.write(`listening ${port}\n`);
  process.once('SIGTERM', () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`app child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
