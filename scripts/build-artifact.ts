/**
 * `npm run build:artifact [-- --out <folder>]`: what App Service runs, and nothing else.
 *
 * Builds the bot (tsc) and the tab (Vite) straight into `<folder>/app` (default `.deployment/app`),
 * adds package.json and the same package-lock.json, installs the production dependencies alone
 * with `npm ci --omit=dev`, and zips the folder into `<folder>/app.zip`. `teamsapp deploy` uploads
 * that folder (teamsapp.yml), and App Service starts `node bot/dist/index.js` in it. Install
 * scripts are not run, as in the development install (npm runs none unless approved): none of the
 * production packages needs one, and tests/ops/production-artifact.test.ts proves the folder
 * starts and reaches storage on its own.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..');

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  description?: string;
  license?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

export interface Artifact {
  readonly folder: string;
  readonly zipPath: string;
  readonly folderBytes: number;
  readonly zipBytes: number;
  readonly files: number;
}

function run(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export async function buildArtifact(outDir: string): Promise<Artifact> {
  const folder = path.join(outDir, 'app');
  const zipPath = path.join(outDir, 'app.zip');
  rmSync(folder, { recursive: true, force: true });
  rmSync(zipPath, { force: true });
  mkdirSync(folder, { recursive: true });

  run(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'bot', '--outDir', path.join(folder, 'bot', 'dist')],
    ROOT,
  );
  run(
    process.execPath,
    [
      path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'),
      'build',
      '--config',
      'tab/vite.config.ts',
      '--outDir',
      path.join(folder, 'tab', 'dist'),
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    ROOT,
  );

  // package.json as it is (npm ci checks it against the lockfile), but with the one script that
  // means something there: the local launcher of `npm start` is not shipped.
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  manifest.scripts = { start: 'node bot/dist/index.js' };
  writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(folder, 'package-lock.json'));
  run(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    [
      'ci',
      '--omit=dev',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    folder,
  );

  const zip = new JSZip();
  const files = filesUnder(folder);
  let folderBytes = 0;
  for (const file of files) {
    const stats = statSync(file);
    folderBytes += stats.size;
    zip.file(path.relative(folder, file).split(path.sep).join('/'), readFileSync(file), {
      date: new Date('2000-01-01T00:00:00Z'),
      unixPermissions: stats.mode,
    });
  }
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
  writeFileSync(zipPath, bytes);
  return { folder, zipPath, folderBytes, zipBytes: bytes.length, files: files.length };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const outDir = path.resolve(
    outIndex >= 0 ? (process.argv[outIndex + 1] ?? '') : path.join(ROOT, '.deployment'),
  );
  const artifact = await buildArtifact(outDir);
  process.stdout.write(
    `Production artifact: ${path.relative(process.cwd(), artifact.folder) || '.'} ` +
      `(${artifact.files} files, ${megabytes(artifact.folderBytes)}), ` +
      `${path.relative(process.cwd(), artifact.zipPath)} (${megabytes(artifact.zipBytes)})\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `build:artifact failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
