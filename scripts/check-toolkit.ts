/**
 * `npm run check:toolkit`: the Microsoft 365 Agents Toolkit CLI itself validates the app manifest
 * and builds the dev app package from teamsapp.yml, as `teamsapp provision` and `publish` would.
 *
 * Optional, not part of `npm test`: the CLI is large (about 450 MB installed) and not a project
 * dependency. A pinned version is installed once into node_modules/.cache with --ignore-scripts (its
 * keychain add-on would try to build and is not needed here). The values provisioning writes to
 * env/.env.dev are taken from the environment when set, else made up for the check; the toolkit
 * reads environment variables before the env file.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

const CLI_VERSION = '1.1.17';
const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', `m365agentstoolkit-cli-${CLI_VERSION}`);
const ATK = path.join(CACHE, 'node_modules', '.bin', process.platform === 'win32' ? 'atk.cmd' : 'atk');
const PACKAGE = path.join(ROOT, 'appPackage', 'build', 'appPackage.dev.zip');
const UNPACKED = path.join(ROOT, 'appPackage', 'build', 'appPackage.dev');

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): void {
  process.stdout.write(`> ${path.basename(command)} ${args.join(' ')}\n`);
  // A step that waits for a sign-in or the network must fail, not hang.
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit', timeout: 300_000 });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `${path.basename(command)} ${args[0] ?? ''} failed (exit ${result.status ?? result.signal})`,
    );
}

async function main(): Promise<void> {
  if (!existsSync(ATK)) {
    mkdirSync(CACHE, { recursive: true });
    run(
      process.platform === 'win32' ? 'npm.cmd' : 'npm',
      [
        'install',
        '--prefix',
        CACHE,
        '--no-save',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `@microsoft/m365agentstoolkit-cli@${CLI_VERSION}`,
      ],
      process.env,
    );
  }
  const domain = process.env.TAB_DOMAIN || 'digiverkosto-check.azurewebsites.net';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMS_APP_ID: process.env.TEAMS_APP_ID || randomUUID(),
    AAD_APP_CLIENT_ID: process.env.AAD_APP_CLIENT_ID || randomUUID(),
    BOT_ID: process.env.BOT_ID || randomUUID(),
    TAB_DOMAIN: domain,
    TAB_ENDPOINT: process.env.TAB_ENDPOINT || `https://${domain}`,
  };
  const common = ['--env', 'dev', '--interactive', 'false', '--telemetry', 'false'];
  run(ATK, ['validate', '--manifest-file', './appPackage/manifest.json', ...common], env);
  run(ATK, ['package', ...common], env);
  const zip = await JSZip.loadAsync(readFileSync(PACKAGE));
  const files = Object.keys(zip.files).sort();
  for (const needed of ['manifest.json', 'color.png', 'outline.png']) {
    if (!files.includes(needed)) throw new Error(`${PACKAGE} has no ${needed}`);
  }
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string };
  if (manifest.id !== env.TEAMS_APP_ID) throw new Error('the packaged manifest does not carry TEAMS_APP_ID');

  // The package as Teams receives it, placeholders filled, unpacked and validated again. (Validating
  // the zip itself signs in to the Teams Developer Portal, which a check here cannot do.)
  rmSync(UNPACKED, { recursive: true, force: true });
  for (const name of files) {
    const entry = zip.file(name);
    if (!entry) continue;
    mkdirSync(path.dirname(path.join(UNPACKED, name)), { recursive: true });
    writeFileSync(path.join(UNPACKED, name), await entry.async('nodebuffer'));
  }
  run(
    ATK,
    ['validate', '--manifest-file', path.relative(ROOT, path.join(UNPACKED, 'manifest.json')), ...common],
    env,
  );

  process.stdout.write(
    `Agents Toolkit CLI ${CLI_VERSION}: manifest and package valid; ${path.relative(ROOT, PACKAGE)} holds ${files.join(', ')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`check:toolkit failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
