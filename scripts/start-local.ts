/**
 * `npm start`: the whole app on this machine with embedded defaults. Azurite keeps Table Storage in
 * `.azurite/`, the bot listens on 3978 (anonymous, loopback only), the tab is served by the same
 * server, and the Microsoft 365 Agents Playground on 56150 talks to the bot. Ctrl-C stops all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../bot/src/app';
import { ConfigError, loadConfig } from '../bot/src/platform/config/config';
import { seedDemoIfEmpty } from '../bot/src/demo/seed-demo';
import { DEMO_SURVEY_CODE } from '../bot/src/demo/demo-survey';
import { createLogger } from '../bot/src/platform/observability/logger';
import { startAzurite, waitForPort } from './lib/azurite';

const ROOT = path.resolve(__dirname, '..');
const BOT_PORT = Number(process.env.PORT ?? 3978);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const AZURITE_PORT = Number(process.env.AZURITE_TABLE_PORT ?? 10002);

/** The Playground opens a browser through xdg-open and exits when there is none; this one does nothing. */
function noBrowserPath(): string {
  const dir = path.join(ROOT, '.local', 'bin');
  mkdirSync(dir, { recursive: true });
  const opener = path.join(dir, 'xdg-open');
  writeFileSync(opener, '#!/bin/sh\nexit 0\n');
  chmodSync(opener, 0o755);
  return `${dir}${path.delimiter}${process.env.PATH ?? ''}`;
}

async function main(): Promise<void> {
  const logger = createLogger((process.env.LOG_LEVEL as 'info' | undefined) ?? 'info');
  const dataDir = path.join(ROOT, '.azurite');
  mkdirSync(dataDir, { recursive: true });
  const azurite = process.env.STORAGE_CONNECTION_STRING
    ? undefined
    : await startAzurite({ port: AZURITE_PORT, location: dataDir });

  let config;
  try {
    config = loadConfig({
      ...process.env,
      APP_MODE: 'local',
      PORT: String(BOT_PORT),
      ...(azurite ? { STORAGE_CONNECTION_STRING: azurite.connectionString } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    await azurite?.stop();
    process.exit(1);
  }

  const app = createApp(config, { logger });
  try {
    await seedDemoIfEmpty(app.repositories, new Date(), logger);
    await app.listen();
  } catch (error) {
    await azurite?.stop();
    throw error;
  }

  const playground: ChildProcess = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
      '-e',
      `http://127.0.0.1:${BOT_PORT}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(PLAYGROUND_PORT),
      '--disable-telemetry',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, PATH: noBrowserPath(), BROWSER: 'none' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  await waitForPort(PLAYGROUND_PORT, 60000);

  process.stdout.write(
    [
      '',
      'Digiverkosto is running:',
      `  Agents Playground (chat with the bot):  http://localhost:${PLAYGROUND_PORT}`,
      `  Tab (programme, groups, coordinators): http://localhost:${BOT_PORT}/tab/`,
      `  Staff survey, public answer page:       http://localhost:${BOT_PORT}/s/${DEMO_SURVEY_CODE} (Hämeenlinna, no sign-in)`,
      `  Bot endpoint:                           http://localhost:${BOT_PORT}/api/messages`,
      `  Table Storage (Azurite):                http://127.0.0.1:${azurite?.port ?? '-'} (data in .azurite/)`,
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping…\n');
    playground.kill('SIGTERM');
    await app.close();
    await azurite?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  playground.on('exit', (code) => {
    if (!stopping) {
      process.stderr.write(
        `The Agents Playground exited (code ${code ?? 'none'}); the bot and tab keep running.\n`,
      );
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `npm start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
