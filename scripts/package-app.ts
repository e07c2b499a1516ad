/**
 * Builds the Teams app package for an environment: `npx tsx scripts/package-app.ts [envName]`
 * (default `local`) writes appPackage/build/appPackage.<envName>.zip from env/.env.<envName> and
 * env/.env.<envName>.user. Variables the files leave empty are taken from the process environment,
 * so CI can supply them.
 */
import path from 'node:path';
import { buildAppPackage } from './lib/app-package';
import { EnvironmentError } from './lib/env-files';
import { AppPackageValidationError } from './lib/manifest-validation';

async function main(): Promise<void> {
  const envName = process.argv[2] ?? 'local';
  try {
    const built = await buildAppPackage({ envName, processEnv: process.env });
    process.stdout.write(
      `Wrote ${path.relative(process.cwd(), built.zipPath)} (${built.files.join(', ')})\n`,
    );
  } catch (error) {
    if (error instanceof EnvironmentError || error instanceof AppPackageValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Packaging failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
