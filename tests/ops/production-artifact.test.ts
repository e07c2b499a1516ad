import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { personalMessage } from '../support/activities';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';

/**
 * The deployable artifact (`npm run build:artifact`) holds everything production needs and no
 * development package: it is built, unzipped into a folder of its own outside the repository (so
 * no module can be found in the repository's node_modules), and started as App Service starts it,
 * with production settings, against real storage (Azurite).
 */
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const DEV_ONLY = [
  'typescript',
  'vite',
  'azurite',
  'jest',
  'playwright-core',
  '@swc/core',
  'tsx',
  'eslint',
  'react',
];

let workDir: string;
let folder: string;
let zipPath: string;
let extracted: string;
let zippedFiles: number;

async function unzip(file: string, target: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  for (const entry of entries) {
    const destination = path.join(target, entry.name);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, await entry.async('nodebuffer'));
  }
  return entries.length;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'dv-artifact-'));
  const built = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'build-artifact.ts'), '--out', workDir],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--no-deprecation' } },
  );
  if (built.status !== 0) throw new Error(`build:artifact failed:\n${built.stdout}\n${built.stderr}`);
  process.stdout.write(
    built.stdout
      .split('\n')
      .filter((line) => line.startsWith('Production artifact'))
      .join('\n'),
  );
  folder = path.join(workDir, 'app');
  zipPath = path.join(workDir, 'app.zip');
  extracted = path.join(workDir, 'unzipped');
  zippedFiles = await unzip(zipPath, extracted);
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the production artifact', () => {
  it('holds the built bot and tab and the runtime packages, and no development package', () => {
    const folderFiles = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    ).length;
    expect(zippedFiles).toBe(folderFiles);
    expect(existsSync(path.join(extracted, 'bot', 'dist', 'index.js'))).toBe(true);
    expect(existsSync(path.join(extracted, 'tab', 'dist', 'index.html'))).toBe(true);
    expect(existsSync(path.join(extracted, 'bot', 'src'))).toBe(false);
    expect(existsSync(path.join(extracted, 'tests'))).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(extracted, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(manifest.scripts).toEqual({ start: 'node bot/dist/index.js' });
    for (const name of Object.keys(manifest.dependencies)) {
      expect(existsSync(path.join(extracted, 'node_modules', name, 'package.json'))).toBe(true);
    }
    for (const name of DEV_ONLY) expect(existsSync(path.join(extracted, 'node_modules', name))).toBe(false);
  });

  it('resolves every package the compiled bot requires from the artifact alone', () => {
    const dist = path.join(extracted, 'bot', 'dist');
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
      .map((entry) => path.join(entry.parentPath, entry.name));
    const specifiers = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g)) {
        const specifier = match[1] ?? '';
        if (!specifier.startsWith('node:')) specifiers.add(specifier);
      }
    }
    expect(specifiers.size).toBeGreaterThan(5);
    const missing = [...specifiers].filter((specifier) => {
      try {
        require.resolve(specifier, { paths: [dist] });
        return false;
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'MODULE_NOT_FOUND') return true;
        throw error;
      }
    });
    expect(missing).toEqual([]);
  });

  it('starts from the unzipped folder with production settings, serves the tab and is ready on real storage', async () => {
    let output = '';
    const tenantId = randomUUID();
    const child = spawn(process.execPath, ['bot/dist/index.js'], {
      cwd: extracted,
      // Only what App Service would set: no development settings leak in from this process.
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        APP_MODE: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        PUBLIC_URL: 'https://digiverkosto.example.test',
        BOT_ID: randomUUID(),
        BOT_TYPE: 'SingleTenant',
        BOT_TENANT_ID: tenantId,
        BOT_PASSWORD: 'artifact-test-password',
        STORAGE_CONNECTION_STRING: testStorageConnectionString(),
        TABLE_PREFIX: uniquePrefix(),
        AAD_APP_CLIENT_ID: randomUUID(),
        ALLOWED_TENANT_IDS: tenantId,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 60_000;
      let port: number | undefined;
      while (port === undefined) {
        const listening = /"message":"listening","port":(\d+)/.exec(output);
        if (listening) port = Number(listening[1]);
        else if (child.exitCode !== null) throw new Error(`the artifact exited at start:\n${output}`);
        else if (Date.now() > deadline) throw new Error(`the artifact did not listen:\n${output}`);
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain('"mode":"production"');
      const base = `http://127.0.0.1:${port}`;

      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });

      const tab = await fetch(`${base}/tab/`);
      expect(tab.status).toBe(200);
      expect(await tab.text()).toContain('<div id="root"');
      // Production never takes an anonymous activity: botbuilder's authentication is in the artifact.
      const anonymous = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          personalMessage('ohje', { serviceUrl: 'https://smba.trafficmanager.net/teams/' }),
        ),
      });
      expect(anonymous.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exitOf(child)).toBe(0);
    expect(output).not.toMatch(/"level":"error"/);
  });
});
