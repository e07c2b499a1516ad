import fs from 'node:fs';
import path from 'node:path';

/**
 * Teams Toolkit style environment files: `env/.env.<name>` (committed, no secrets) and
 * `env/.env.<name>.user` (git-ignored, secrets and personal values), and the `${{NAME}}`
 * placeholders that the app package files take their values from.
 */
export type EnvironmentValues = Readonly<Record<string, string>>;

/** Variables whose value may be empty: production has no name suffix. */
export const MAY_BE_EMPTY: readonly string[] = ['APP_NAME_SUFFIX'];

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const LINE = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

export class MissingVariablesError extends EnvironmentError {
  constructor(
    readonly variables: readonly string[],
    where: string,
  ) {
    super(
      `Missing values for ${variables.join(', ')} (used in ${where}). ` +
        'Set them in env/.env.<environment>, env/.env.<environment>.user or the process environment ' +
        '(provisioning fills most of them).',
    );
    this.name = 'MissingVariablesError';
  }
}

/** Parses KEY=VALUE lines; `#` starts a comment line; values may be wrapped in quotes. */
export function parseEnvFile(text: string, fileName: string): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) throw new EnvironmentError(`${fileName}:${index + 1}: expected KEY=VALUE, got "${line}"`);
    let value = match[2].trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    values[match[1]] = value;
  });
  return values;
}

export interface EnvironmentSource {
  readonly envName: string;
  /** The folder holding the `.env.*` files. */
  readonly envDir: string;
  /** Fills variables the files leave undefined or empty, as CI injects secrets. */
  readonly processEnv?: NodeJS.ProcessEnv;
}

/**
 * Reads `.env.<envName>` (which must exist) and then `.env.<envName>.user` (if present, its values
 * win), then fills gaps from the process environment.
 */
export function readEnvironment(source: EnvironmentSource): EnvironmentValues {
  if (!ENV_NAME.test(source.envName)) {
    throw new EnvironmentError(`Invalid environment name "${source.envName}": use letters, digits, - and _`);
  }
  const mainFile = path.join(source.envDir, `.env.${source.envName}`);
  if (!fs.existsSync(mainFile)) {
    throw new EnvironmentError(`No environment file ${mainFile} for environment "${source.envName}"`);
  }
  const values: Record<string, string> = parseEnvFile(fs.readFileSync(mainFile, 'utf8'), mainFile);
  const userFile = `${mainFile}.user`;
  if (fs.existsSync(userFile))
    Object.assign(values, parseEnvFile(fs.readFileSync(userFile, 'utf8'), userFile));
  for (const [name, value] of Object.entries(source.processEnv ?? {})) {
    if (value !== undefined && value !== '' && !values[name]) values[name] = value;
  }
  return Object.freeze(values);
}

/** The distinct placeholder names in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Escapes a value for use inside a JSON string literal. */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * Replaces every `${{NAME}}` with its value, passed through `encode` (for example
 * {@link jsonStringContent} inside JSON). Throws a {@link MissingVariablesError} naming all
 * variables that are undefined, or empty without being allowed to be.
 */
export function substitutePlaceholders(
  text: string,
  values: EnvironmentValues,
  where: string,
  encode: (value: string) => string = (value) => value,
): string {
  const missing = placeholdersIn(text).filter((name) => {
    const value = values[name];
    return value === undefined || (value === '' && !MAY_BE_EMPTY.includes(name));
  });
  if (missing.length > 0) throw new MissingVariablesError(missing, where);
  return text.replace(PLACEHOLDER, (_placeholder, name: string) => encode(values[name]));
}
