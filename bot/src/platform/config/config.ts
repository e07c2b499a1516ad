import { isIP, isIPv4 } from 'node:net';
import { z } from 'zod';

/**
 * Every setting the app reads, parsed once from the environment. `local` mode is the anonymous,
 * loopback-only mode that `npm start` and the tests use; `production` refuses to start without a bot
 * identity and storage settings.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** An http(s) address; anything else (`javascript:`, `file:`) is never an address of ours. */
const webAddress = optionalText.pipe(z.url({ protocol: /^https?$/, error: 'an http(s) address' }).optional());

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const environmentSchema = z.object({
  APP_MODE: z.enum(['local', 'production']).default('local'),
  // Digits only: `PORT=''` would otherwise coerce to 0, a random port nobody routes to.
  PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'a port number from 0 to 65535')
    .default('3978')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535)),
  HOST: optionalText,
  PUBLIC_URL: webAddress,
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText,
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  STORAGE_CONNECTION_STRING: optionalText,
  STORAGE_ACCOUNT_NAME: optionalText,
  STORAGE_TABLE_ENDPOINT: webAddress,
  AZURE_CLIENT_ID: optionalText,
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter, at most 21')
    .default('dv'),
  TEAMS_APP_ID: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_ID_URI: optionalText,
  ALLOWED_TENANT_IDS: optionalText,
  SEED_DEMO: booleanFlag.optional(),
  DATA_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  GRAPH_TENANT_ID: optionalText,
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_ORGANIZER_UPN: optionalText,
  GRAPH_BASE_URL: webAddress,
  // The network's team, fixed by the operator: channel posts go there whatever a coordinator chose.
  NETWORK_TEAM_ID: optionalText.pipe(
    z
      .string()
      .regex(/^19:[^\s;]+@thread\.(tacv2|skype)$/, 'a Teams team id such as 19:…@thread.tacv2')
      .optional(),
  ),
  RSVP_REMINDER_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
});

export type AppMode = 'local' | 'production';

export interface BotIdentity {
  readonly appId: string;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export type StorageSettings =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'managedIdentity'; readonly endpoint: string; readonly clientId: string | undefined };

/**
 * Microsoft Graph for the peer-group meetings (Outlook events with a Teams meeting). With a client
 * secret the app signs in as its own app registration; without one, with the managed identity
 * (`AZURE_CLIENT_ID` names a user-assigned one).
 */
export interface GraphSettings {
  readonly organizerUpn: string;
  readonly tenantId: string | undefined;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly managedIdentityClientId: string | undefined;
  readonly baseUrl: string;
}

export interface AppConfig {
  readonly mode: AppMode;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  /** Undefined in local mode: the bot then runs anonymously, which only the loopback address allows. */
  readonly bot: BotIdentity | undefined;
  readonly storage: StorageSettings | undefined;
  readonly tablePrefix: string;
  readonly teamsAppId: string;
  readonly sso: {
    readonly clientId: string | undefined;
    readonly applicationIdUri: string | undefined;
    readonly allowedTenantIds: readonly string[];
  };
  readonly seedDemo: boolean;
  /** Personal data is kept until the round ends plus this many months (privacy notice). */
  readonly retentionMonths: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Undefined without GRAPH_ORGANIZER_UPN: invitations then go as cards with an .ics link. */
  readonly graph?: GraphSettings | undefined;
  /** The one reminder to members who have not answered goes this many hours before the meeting. */
  readonly rsvpReminderHours?: number;
  /**
   * NETWORK_TEAM_ID: the network's team, fixed by the operator. It takes precedence over a
   * coordinator's choice for a round, which the tab then shows as fixed.
   */
  readonly networkTeamId?: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The local development fallback app id used in the Teams app manifest when none is configured. */
export const LOCAL_TEAMS_APP_ID = '8f2b7f4e-5c1a-4d0e-9a57-0d1b2c3d4e5f';

/** Parses and validates the environment; throws a {@link ConfigError} naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const malformed = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    // The rules between settings are checked too, without the malformed ones, so that an operator
    // learns of every bad variable from one failed start, not one per attempt.
    const rest = Object.fromEntries(Object.entries(env).filter(([name]) => !malformed.has(name)));
    try {
      loadConfig(rest);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems.filter((problem) => !malformed.has(problem.split(/[: ]/)[0] ?? '')));
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const isProduction = e.APP_MODE === 'production';
  const tenantIds = (e.ALLOWED_TENANT_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);

  let storage: StorageSettings | undefined;
  if (e.STORAGE_CONNECTION_STRING) {
    storage = { kind: 'connectionString', connectionString: e.STORAGE_CONNECTION_STRING };
  } else if (e.STORAGE_TABLE_ENDPOINT || e.STORAGE_ACCOUNT_NAME) {
    storage = {
      kind: 'managedIdentity',
      endpoint: e.STORAGE_TABLE_ENDPOINT ?? `https://${e.STORAGE_ACCOUNT_NAME}.table.core.windows.net`,
      clientId: e.AZURE_CLIENT_ID,
    };
  }

  let bot: BotIdentity | undefined;
  if (e.BOT_ID) {
    bot = { appId: e.BOT_ID, appPassword: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, appType: e.BOT_TYPE };
    if (e.BOT_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID) {
      problems.push(`BOT_TENANT_ID: required when BOT_TYPE is ${e.BOT_TYPE}`);
    }
    if (e.BOT_TYPE !== 'UserAssignedMSI' && !e.BOT_PASSWORD) {
      problems.push(`BOT_PASSWORD: required when BOT_TYPE is ${e.BOT_TYPE}`);
    }
  }

  if (isProduction) {
    if (!bot) problems.push('BOT_ID: required in production; the bot must not run anonymously');
    if (!storage) {
      problems.push(
        'STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_NAME: required in production (managed identity is used with an account name)',
      );
    }
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL: required in production (the https address of the app)');
    if (!e.AAD_APP_CLIENT_ID) problems.push('AAD_APP_CLIENT_ID: required in production for tab sign-in');
    // Tokens, personal data and the bot's traffic must not travel in the clear.
    for (const [name, value] of [
      ['PUBLIC_URL', e.PUBLIC_URL],
      ['STORAGE_TABLE_ENDPOINT', e.STORAGE_TABLE_ENDPOINT],
      ['GRAPH_BASE_URL', e.GRAPH_BASE_URL],
    ] as const) {
      if (value && !value.startsWith('https://'))
        problems.push(`${name}: must be an https address in production`);
    }
    if (e.SEED_DEMO === true) {
      problems.push('SEED_DEMO: must not be true in production; the demo network is made-up people');
    }
    if (tenantIds.length === 0) {
      problems.push(
        "ALLOWED_TENANT_IDS: required in production: the tenant ids (GUIDs) of the host and the guests' home organisations",
      );
    }
  }
  if (e.PUBLIC_URL) {
    const url = new URL(e.PUBLIC_URL);
    if (url.username || url.password) problems.push('PUBLIC_URL: must not contain a user name or password');
  }
  const notGuids = tenantIds.filter((id) => !GUID.test(id));
  if (notGuids.length > 0) {
    problems.push(
      `ALLOWED_TENANT_IDS: tenant ids are GUIDs; "common", "organizations" or "*" do not name a tenant (got ${notGuids
        .map((id) => JSON.stringify(id.slice(0, 40)))
        .join(', ')})`,
    );
  }
  if (e.HOST && !isLoopbackHost(e.HOST) && !isIP(e.HOST)) {
    problems.push('HOST: the address to listen on must be an IP address or localhost');
  } else if (!isProduction && e.HOST && !isLoopbackHost(e.HOST) && !bot) {
    problems.push('HOST: an anonymous bot (no BOT_ID) may only listen on a loopback address');
  }
  let graph: GraphSettings | undefined;
  if (e.GRAPH_ORGANIZER_UPN) {
    if (e.GRAPH_CLIENT_SECRET && (!e.GRAPH_TENANT_ID || !e.GRAPH_CLIENT_ID)) {
      problems.push('GRAPH_TENANT_ID and GRAPH_CLIENT_ID: required with GRAPH_CLIENT_SECRET');
    }
    graph = Object.freeze({
      organizerUpn: e.GRAPH_ORGANIZER_UPN,
      tenantId: e.GRAPH_TENANT_ID,
      clientId: e.GRAPH_CLIENT_ID,
      clientSecret: e.GRAPH_CLIENT_SECRET,
      managedIdentityClientId: e.AZURE_CLIENT_ID,
      baseUrl: (e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com').replace(/\/$/, ''),
    });
  } else if (e.GRAPH_CLIENT_SECRET || e.GRAPH_CLIENT_ID) {
    problems.push('GRAPH_ORGANIZER_UPN: required when the other GRAPH_ settings are given');
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const host = e.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1');
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return Object.freeze({
    mode: e.APP_MODE,
    port: e.PORT,
    host,
    publicUrl: publicUrl.replace(/\/$/, ''),
    bot: bot ? Object.freeze(bot) : undefined,
    storage: storage ? Object.freeze(storage) : undefined,
    tablePrefix: e.TABLE_PREFIX,
    teamsAppId: e.TEAMS_APP_ID ?? LOCAL_TEAMS_APP_ID,
    sso: Object.freeze({
      clientId: e.AAD_APP_CLIENT_ID,
      applicationIdUri: e.AAD_APP_ID_URI,
      allowedTenantIds: Object.freeze(tenantIds),
    }),
    seedDemo: e.SEED_DEMO ?? !isProduction,
    retentionMonths: e.DATA_RETENTION_MONTHS,
    logLevel: e.LOG_LEVEL,
    graph,
    rsvpReminderHours: e.RSVP_REMINDER_HOURS,
    networkTeamId: e.NETWORK_TEAM_ID,
  });
}

/**
 * True for the loopback addresses themselves, compared as addresses: `127.0.0.1.nip.io` starts
 * with "127." but is a DNS name anyone can point anywhere.
 */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}
