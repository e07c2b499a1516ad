import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const INPUTS = ['tests/support/tab-build.ts', 'tab/src', 'tab/index.html', 'tab/vite.config.ts'];
/** The tab imports the API's types from files named `*contracts.ts` anywhere under bot/src. */
const CONTRACTS = /contracts\.ts$/;

/**
 * Builds the tab from the current sources into `test-artifacts/tab-builds/<content hash>` and
 * returns the directory. A build of the same sources is reused, so several test files (and jest
 * workers) build once; `tab/dist` is never touched, so a running `npm start` is not disturbed.
 * Vite runs as a child process because it is ESM-only and jest's module loader is CommonJS.
 */
export async function buildTab(): Promise<string> {
  const hash = await sourceHash();
  const buildsDir = path.join(ROOT, 'test-artifacts', 'tab-builds');
  const target = path.join(buildsDir, hash);
  if (existsSync(path.join(target, 'index.html'))) return target;
  await mkdir(buildsDir, { recursive: true });
  const temporary = `${target}.tmp-${process.pid}-${Date.now()}`;
  await runVite(temporary);
  try {
    await rename(temporary, target);
  } catch (error) {
    // Another worker finished the same build first; theirs is identical.
    if (!existsSync(path.join(target, 'index.html'))) throw error;
    await rm(temporary, { recursive: true, force: true });
  }
  return target;
}

async function runVite(outDir: string): Promise<void> {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [
    vite,
    'build',
    '--config',
    'tab/vite.config.ts',
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ];
  await new Promise<void>((resolve, reject) => {
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${errors}`)),
    );
  });
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const contracts = (await filesUnder(path.join(ROOT, 'bot', 'src'))).filter((file) => CONTRACTS.test(file));
  for (const file of [
    ...(await Promise.all(INPUTS.map((input) => filesUnder(path.join(ROOT, input))))).flat(),
    ...contracts,
  ]) {
    hash.update(path.relative(ROOT, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function filesUnder(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  if (!(await stat(entry)).isDirectory()) return [entry];
  const children = await readdir(entry);
  const nested = await Promise.all(children.map((child) => filesUnder(path.join(entry, child))));
  return nested.flat().sort();
}
