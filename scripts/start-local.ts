/**
 * `npm start`: the whole app on this machine with embedded defaults. Azurite keeps Table Storage in
 * `.azurite/`, the bot listens on 3978 (anonymous, loopback only), the tab is served by the same
 * server, and the Microsoft 365 Agents Playground on 56150 talks to the bot. Ctrl-C stops all.
 */
// First: listen for Ctrl-C before the app's modules load (see shutdown.ts).
import { logger, shutdown, stopWhenParentDies } from './lib/shutdown';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../bot/src/app';
import { ConfigError, loadConfig } from '../bot/src/platform/config/config';
import { seedDemoIfEmpty } from '../bot/src/demo/seed-demo';
import { DEMO_SURVEY_CODE } from '../bot/src/demo/demo-survey';
import { ensurePortFree, PortInUseError, startAzurite, waitForPort } from './lib/azurite';
import { startHelper } from './lib/helper-process';

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
  stopWhenParentDies();
  // Each port must be free: an orphan of an earlier run still listening there would otherwise be
  // used silently (an old Azurite with other data, a Playground the banner does not point at).
  try {
    if (!process.env.STORAGE_CONNECTION_STRING) {
      await ensurePortFree(AZURITE_PORT, 'Azurite, the Table Storage emulator', 'AZURITE_TABLE_PORT');
    }
    await ensurePortFree(BOT_PORT, 'the bot and the tab', 'PORT');
    await ensurePortFree(PLAYGROUND_PORT, 'the Agents Playground', 'PLAYGROUND_PORT');
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    process.stderr.write(`npm start: ${error.message}\n`);
    return shutdown.run('port in use', 1);
  }
  const dataDir = path.resolve(ROOT, process.env.AZURITE_LOCATION ?? '.azurite');
  mkdirSync(dataDir, { recursive: true });
  const azurite = process.env.STORAGE_CONNECTION_STRING
    ? undefined
    : await startAzurite({ port: AZURITE_PORT, location: dataDir });
  if (azurite) {
    shutdown.add('Azurite', () => azurite.stop());
    azurite.child.once('exit', (code, signal) => {
      if (!shutdown.stopping) {
        logger.error('Azurite exited while the app was running; storage calls will fail', { code, signal });
      }
    });
  }

  let config;
  try {
    config = loadConfig({
      ...process.env,
      APP_MODE: 'local',
      PORT: String(BOT_PORT),
      ...(azurite ? { STORAGE_CONNECTION_STRING: azurite.connectionString } : {}),
    });
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    return shutdown.run('configuration', 1);
  }

  const app = createApp(config, { logger });
  shutdown.add('bot and tab', () => app.close());
  await seedDemoIfEmpty(app.repositories, new Date(), logger);
  await app.listen();

  const playground = startHelper(
    path.join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
    [
      '-e',
      `http://127.0.0.1:${BOT_PORT}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(PLAYGROUND_PORT),
      '--disable-telemetry',
    ],
    { cwd: ROOT, env: { ...process.env, PATH: noBrowserPath(), BROWSER: 'none' }, stdout: 'inherit' },
  );
  shutdown.add('Agents Playground', () => playground.stop());
  playground.child.once('exit', (code) => {
    if (!shutdown.stopping) {
      process.stderr.write(
        `The Agents Playground exited (code ${code ?? 'none'}); the bot and tab keep running.\n`,
      );
    }
  });
  await waitForPort(PLAYGROUND_PORT, 60000, '127.0.0.1', {
    name: 'The Agents Playground',
    get exited() {
      return playground.exited;
    },
  });
  if (shutdown.stopping) return;

  process.stdout.write(
    [
      '',
      'Digiverkosto is running:',
      `  Agents Playground (chat with the bot):  http://localhost:${PLAYGROUND_PORT}`,
      `  Tab (programme, groups, coordinators): http://localhost:${BOT_PORT}/tab/`,
      `  Staff survey, public answer page:       http://localhost:${BOT_PORT}/s/${DEMO_SURVEY_CODE} (Hämeenlinna, no sign-in)`,
      `  Bot endpoint:                           http://localhost:${BOT_PORT}/api/messages`,
      `  Table Storage (Azurite):                http://127.0.0.1:${azurite?.port ?? '-'} (data in ${path.relative(ROOT, dataDir) || '.'}/)`,
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `npm start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  // Stops what did start (Azurite above all), then exits 1.
  return shutdown.run('start-up failed', 1);
});
