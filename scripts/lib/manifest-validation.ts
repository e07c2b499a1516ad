import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { z } from 'zod';

/**
 * Validation of the Teams app package against the official JSON schemas that
 * `@microsoft/app-manifest` ships, plus the checks the schemas cannot express: the localization
 * files translate exactly the manifest's localizable strings, no placeholder is left, the icons
 * have the sizes Teams requires. Shared by `scripts/package-app.ts` and the tests.
 */

export const MANIFEST_FILE = 'manifest.json';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const UNRESOLVED_PLACEHOLDER = /\$\{\{[^}]*\}\}/;
/** Keys of a localization file that are not manifest paths. */
const LOCALIZATION_META_KEYS = new Set(['$schema', 'localizationKeys']);
const ICON_SIZES = { color: 192, outline: 32, color32x32: 32 } as const;

/** The parts of a manifest this module reads, parsed after the schema has passed. */
const manifestEssentials = z.object({
  $schema: z.string().optional(),
  manifestVersion: z.string(),
  version: z.string(),
  icons: z.object({ color: z.string(), outline: z.string(), color32x32: z.string().optional() }),
  localizationInfo: z
    .object({
      defaultLanguageTag: z.string(),
      defaultLanguageFile: z.string().optional(),
      additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string() })).optional(),
    })
    .optional(),
});
export type ManifestEssentials = z.infer<typeof manifestEssentials>;

export class AppPackageValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The app package is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'AppPackageValidationError';
  }
}

const SCHEMA_ROOT = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

export function manifestSchemaUrl(manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
}

export function localizationSchemaUrl(manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`;
}

/** The folder of the schemas for one manifest version; throws if the package does not ship it. */
export function schemaDirectory(manifestVersion: string): string {
  const directory = path.join(SCHEMA_ROOT, `v${manifestVersion}`);
  if (
    !/^[0-9]+\.[0-9]+$/.test(manifestVersion) ||
    !fs.existsSync(path.join(directory, 'MicrosoftTeams.schema.json'))
  ) {
    throw new Error(`@microsoft/app-manifest ships no schema for manifest version "${manifestVersion}"`);
  }
  return directory;
}

interface CompiledSchemas {
  readonly manifest: ValidateFunction;
  readonly localization: ValidateFunction;
  /** Which manifest paths a localization file may translate. */
  readonly localizable: readonly RegExp[];
}

const compiled = new Map<string, CompiledSchemas>();

function schemasFor(manifestVersion: string): CompiledSchemas {
  const cached = compiled.get(manifestVersion);
  if (cached) return cached;
  const directory = schemaDirectory(manifestVersion);
  const readSchema = (file: string): Record<string, unknown> =>
    z.record(z.string(), z.unknown()).parse(JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')));
  // The Teams schemas are draft-04. Their patterns are written for non-unicode regular expressions
  // (the localization schema has an unescaped `]`), as the Teams tooling compiles them.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const localizationSchema = readSchema('MicrosoftTeams.Localization.schema.json');
  const names = Object.keys(z.record(z.string(), z.unknown()).parse(localizationSchema.properties ?? {}));
  const patterns = Object.keys(
    z.record(z.string(), z.unknown()).parse(localizationSchema.patternProperties ?? {}),
  );
  const schemas: CompiledSchemas = {
    manifest: ajv.compile(readSchema('MicrosoftTeams.schema.json')),
    localization: ajv.compile(localizationSchema),
    localizable: [
      ...names
        .filter((name) => !LOCALIZATION_META_KEYS.has(name))
        .map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)),
      ...patterns.map((pattern) => new RegExp(pattern)),
    ],
  };
  compiled.set(manifestVersion, schemas);
  return schemas;
}

function schemaErrors(validate: ValidateFunction, data: unknown, file: string): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${file}: ${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
  );
}

function declaredVersion(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null || !('manifestVersion' in manifest)) return undefined;
  return typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : undefined;
}

/** Validates a manifest against the official schema of the version it declares. */
export function validateManifest(manifest: unknown): string[] {
  const version = declaredVersion(manifest);
  if (!version) return [`${MANIFEST_FILE}: no manifestVersion`];
  const problems = schemaErrors(schemasFor(version).manifest, manifest, MANIFEST_FILE);
  const parsed = manifestEssentials.safeParse(manifest);
  if (!parsed.success) return [...problems, `${MANIFEST_FILE}: ${parsed.error.message}`];
  const { $schema, version: appVersion } = parsed.data;
  if ($schema !== undefined && $schema.replace('/en-us/', '/') !== manifestSchemaUrl(version)) {
    problems.push(`${MANIFEST_FILE}: $schema ${$schema} is not the schema of manifest version ${version}`);
  }
  if (!SEMVER.test(appVersion))
    problems.push(`${MANIFEST_FILE}: version "${appVersion}" is not major.minor.patch`);
  return problems;
}

/** Validates a localization file against the localization schema of the manifest's version. */
export function validateLocalization(localization: unknown, manifestVersion: string, file: string): string[] {
  return schemaErrors(schemasFor(manifestVersion).localization, localization, file);
}

/** Every string in a JSON value by its Teams localization path, e.g. `bots[0].commandLists[0].commands[0].title`. */
export function stringsByPath(value: unknown, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  const visit = (node: unknown, at: string): void => {
    if (typeof node === 'string') result.set(at, node);
    else if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${at}[${index}]`));
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) visit(child, at === '' ? key : `${at}.${key}`);
    }
  };
  visit(value, prefix);
  return result;
}

/** The manifest's strings that a localization file may (and in this app must) translate. */
export function localizableStrings(manifest: unknown): Map<string, string> {
  const version = declaredVersion(manifest);
  if (!version) return new Map();
  const { localizable } = schemasFor(version);
  return new Map(
    [...stringsByPath(manifest)].filter(([key]) => localizable.some((pattern) => pattern.test(key))),
  );
}

/**
 * The localization file's keys must be exactly the manifest's localizable strings: a key without a
 * manifest string is a typo Teams silently ignores, and a missing key shows Finnish to everyone.
 */
export function compareLocalizationWithManifest(
  manifest: unknown,
  localization: unknown,
  file: string,
): string[] {
  const expected = localizableStrings(manifest);
  const translations = stringsByPath(localization);
  const keys =
    typeof localization === 'object' && localization !== null
      ? Object.keys(localization).filter((key) => !LOCALIZATION_META_KEYS.has(key))
      : [];
  const problems: string[] = [];
  for (const key of keys) {
    if (!expected.has(key)) problems.push(`${file}: "${key}" is not a localizable string of the manifest`);
    else if (!translations.get(key)?.trim()) problems.push(`${file}: "${key}" is empty`);
  }
  for (const key of expected.keys()) {
    if (!keys.includes(key)) problems.push(`${file}: no translation for "${key}"`);
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
export function pngDimensions(png: Uint8Array): { width: number; height: number } | undefined {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The files of an app package, with placeholders already substituted. */
export interface AppPackageContents {
  readonly manifest: unknown;
  /** Parsed localization files by file name, as the manifest's localizationInfo names them. */
  readonly localizations: ReadonlyMap<string, unknown>;
  /** Icon files by file name. */
  readonly icons: ReadonlyMap<string, Uint8Array>;
}

/** The files (besides manifest.json) the manifest refers to. */
export function referencedFiles(manifest: ManifestEssentials): { localizations: string[]; icons: string[] } {
  const info = manifest.localizationInfo;
  const localizations = [
    ...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info?.additionalLanguages ?? []).map((language) => language.file),
  ];
  const icons = [manifest.icons.color, manifest.icons.outline, manifest.icons.color32x32].filter(
    (file): file is string => file !== undefined,
  );
  return { localizations, icons };
}

export function parseManifestEssentials(manifest: unknown): ManifestEssentials {
  return manifestEssentials.parse(manifest);
}

/** Every problem of a package, empty when Teams should accept it. */
export function validateAppPackage(contents: AppPackageContents): string[] {
  const problems = validateManifest(contents.manifest);
  const parsed = manifestEssentials.safeParse(contents.manifest);
  if (!parsed.success) return problems;
  const manifest = parsed.data;
  const { localizations } = referencedFiles(manifest);

  for (const [file, text] of [
    [MANIFEST_FILE, JSON.stringify(contents.manifest)] as const,
    ...[...contents.localizations].map(([name, content]) => [name, JSON.stringify(content)] as const),
  ]) {
    const unresolved = UNRESOLVED_PLACEHOLDER.exec(text);
    if (unresolved) problems.push(`${file}: placeholder ${unresolved[0]} was not substituted`);
  }

  for (const file of localizations) {
    const localization = contents.localizations.get(file);
    if (localization === undefined) {
      problems.push(`${file}: named in localizationInfo but missing from the package`);
      continue;
    }
    problems.push(...validateLocalization(localization, manifest.manifestVersion, file));
    problems.push(...compareLocalizationWithManifest(contents.manifest, localization, file));
  }

  const iconRoles = Object.entries(manifest.icons).filter(
    (entry): entry is [keyof typeof ICON_SIZES, string] => typeof entry[1] === 'string',
  );
  for (const [role, file] of iconRoles) {
    const png = contents.icons.get(file);
    const size = png ? pngDimensions(png) : undefined;
    const expected = ICON_SIZES[role];
    if (!png) problems.push(`${file}: the ${role} icon is missing from the package`);
    else if (!size) problems.push(`${file}: the ${role} icon is not a PNG`);
    else if (size.width !== expected || size.height !== expected) {
      problems.push(
        `${file}: the ${role} icon is ${size.width}x${size.height}, Teams requires ${expected}x${expected}`,
      );
    }
  }
  return [...new Set(problems)];
}
