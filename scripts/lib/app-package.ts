import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { jsonStringContent, readEnvironment, substitutePlaceholders } from './env-files';
import {
  AppPackageValidationError,
  MANIFEST_FILE,
  parseManifestEssentials,
  referencedFiles,
  validateAppPackage,
  validateManifest,
} from './manifest-validation';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

export interface PackageOptions {
  /** `local` reads env/.env.local and env/.env.local.user. */
  readonly envName: string;
  /** The folder with the `.env.*` files; `env/` of the repository by default. */
  readonly envDir?: string;
  /** The folder with manifest.json and its files; `appPackage/` of the repository by default. */
  readonly appPackageDir?: string;
  /** Where the zip goes; `appPackage/build/` by default. */
  readonly outputDir?: string;
  /** Fills variables the env files leave empty (CI secrets); none by default. */
  readonly processEnv?: NodeJS.ProcessEnv;
}

export interface BuiltAppPackage {
  readonly zipPath: string;
  /** File names at the zip's root. */
  readonly files: readonly string[];
}

/**
 * Builds `appPackage.<envName>.zip`: substitutes the environment's values into manifest.json and
 * the localization files, validates everything against the official schemas, and zips the files
 * at the root as Teams expects. Throws naming every missing variable or validation problem.
 */
export async function buildAppPackage(options: PackageOptions): Promise<BuiltAppPackage> {
  const appPackageDir = options.appPackageDir ?? path.join(REPOSITORY_ROOT, 'appPackage');
  const outputDir = options.outputDir ?? path.join(appPackageDir, 'build');
  const values = readEnvironment({
    envName: options.envName,
    envDir: options.envDir ?? path.join(REPOSITORY_ROOT, 'env'),
    processEnv: options.processEnv ?? {},
  });

  const readJsonWithValues = (file: string): unknown => {
    const text = fs.readFileSync(path.join(appPackageDir, file), 'utf8');
    return JSON.parse(substitutePlaceholders(text, values, `appPackage/${file}`, jsonStringContent));
  };

  const manifest = readJsonWithValues(MANIFEST_FILE);
  const schemaProblems = validateManifest(manifest);
  if (schemaProblems.length > 0) throw new AppPackageValidationError(schemaProblems);
  const referenced = referencedFiles(parseManifestEssentials(manifest));

  const localizations = new Map(
    referenced.localizations.map((file) => [file, readJsonWithValues(file)] as const),
  );
  const icons = new Map(
    referenced.icons.map((file) => [file, fs.readFileSync(path.join(appPackageDir, file))] as const),
  );
  const problems = validateAppPackage({ manifest, localizations, icons });
  if (problems.length > 0) throw new AppPackageValidationError(problems);

  const zip = new JSZip();
  // A fixed date keeps the zip identical for identical inputs.
  const date = new Date('2024-08-20T06:00:00Z');
  zip.file(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const [file, icon] of icons) zip.file(file, icon, { date });
  for (const [file, localization] of localizations)
    zip.file(file, `${JSON.stringify(localization, null, 2)}\n`, { date });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

  fs.mkdirSync(outputDir, { recursive: true });
  const zipPath = path.join(outputDir, `appPackage.${options.envName}.zip`);
  fs.writeFileSync(zipPath, content);
  return { zipPath, files: Object.keys(zip.files) };
}
