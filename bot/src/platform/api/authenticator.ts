import Negotiator from 'negotiator';
import { createRemoteJWKSet } from 'jose';
import type { Request } from 'restify';
import type { AppConfig } from '../config/config';
import { isLanguage, languageFromLocale, type Language } from '../../shared/i18n/language';
import { createLogger, type Logger } from '../observability/logger';
import type { Coordinator, Participant, TeamsIdentity } from '../../shared/participant';
import type { AuthOutcome, Authenticator } from './api-router';
import { devIdentityProviderFor, usesDevIdentityProvider } from './dev-identity-provider';
import {
  ACCESS_AS_USER_SCOPE,
  ENTRA_ISSUER_TEMPLATES,
  ENTRA_JWKS_URL,
  createTokenValidator,
  type TokenValidationOptions,
  type TokenValidator,
} from './token-validator';

/** Where sign-in looks people up: the network's participants and coordinators. */
export interface SignInDirectory {
  readonly participants: {
    get(identity: TeamsIdentity): Promise<{ readonly value: Participant } | undefined>;
  };
  readonly coordinators: { get(identity: TeamsIdentity): Promise<Coordinator | undefined> };
}

/** Clock skew between Entra, Teams clients and this server that still counts as on time. */
const CLOCK_TOLERANCE_SECONDS = 120;

/**
 * Validates the tab's Teams SSO token (Entra's keys, or the local development identity provider's
 * in local mode: the same checks either way) and looks up who the person is in the network.
 */
export function createAuthenticator(
  config: AppConfig,
  repositories: SignInDirectory,
  options: {
    readonly logger?: Logger;
    /** Tenants allowed in local mode when ALLOWED_TENANT_IDS is empty (the demo's). */
    readonly localTenantIds?: readonly string[];
  } = {},
): Authenticator {
  const logger = (options.logger ?? createLogger(config.logLevel)).child({ component: 'sign-in' });
  const validate = createTokenValidator(signInOptions(config, logger, options.localTenantIds ?? []));
  return {
    authenticate: (req) => authenticate(req, validate, repositories, logger),
  };
}

/** Where keys, issuers, audiences and allowed tenants come from in this mode. */
export function signInOptions(
  config: AppConfig,
  logger: Logger,
  localTenantIds: readonly string[] = [],
): TokenValidationOptions {
  const common = {
    requiredScope: ACCESS_AS_USER_SCOPE,
    clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    algorithms: ['RS256'],
  };
  if (usesDevIdentityProvider(config)) {
    const provider = devIdentityProviderFor(config);
    const allowedTenantIds =
      config.sso.allowedTenantIds.length > 0 ? config.sso.allowedTenantIds : localTenantIds;
    return {
      ...common,
      keys: provider.keys,
      issuerTemplates: [provider.issuerTemplate],
      audiences: [provider.clientId],
      allowedTenantIds,
    };
  }
  const audiences = [config.sso.clientId, config.sso.applicationIdUri].filter(
    (audience): audience is string => audience !== undefined,
  );
  if (audiences.length === 0) {
    logger.error('tab sign-in is off: AAD_APP_CLIENT_ID is not set, so every API call is answered 401');
  }
  if (config.sso.allowedTenantIds.length === 0) {
    logger.error(
      'tab sign-in lets nobody in: ALLOWED_TENANT_IDS is empty; list the host tenant and the guests’ home tenants',
    );
  }
  return {
    ...common,
    keys: createRemoteJWKSet(new URL(ENTRA_JWKS_URL), {
      cacheMaxAge: 12 * 60 * 60 * 1000,
      cooldownDuration: 30_000,
      timeoutDuration: 5_000,
    }),
    issuerTemplates: [...ENTRA_ISSUER_TEMPLATES],
    audiences,
    allowedTenantIds: config.sso.allowedTenantIds,
  };
}

async function authenticate(
  req: Request,
  validate: TokenValidator,
  repositories: SignInDirectory,
  logger: Logger,
): Promise<AuthOutcome> {
  const token = bearerToken(req.headers.authorization);
  if (!token) return { ok: false, status: 401, reason: 'Sign-in is required.' };
  const validation = await validate(token).catch((error: unknown) => {
    // Entra's key set could not be fetched: the person is not signed in as far as we can tell.
    logger.error('sign-in could not be checked', { error });
    return { ok: false as const, status: 401 as const, reason: 'Sign-in could not be checked right now.' };
  });
  if (!validation.ok) {
    logger.debug('sign-in rejected', { status: validation.status, reason: validation.reason });
    return validation;
  }
  const identity = { tenantId: validation.claims.tenantId, aadObjectId: validation.claims.objectId };
  const [participant, coordinator] = await Promise.all([
    repositories.participants.get(identity),
    repositories.coordinators.get(identity),
  ]);
  // The language the reader asked for (the tab sends the one it shows) wins; then the person's own
  // choice with the bot's language command; then the browser's; then Finnish.
  const language: Language =
    queryLanguage(req) ??
    participant?.value.language ??
    languageFromAcceptLanguage(headerText(req.headers['accept-language'])) ??
    'fi';
  return {
    ok: true,
    user: {
      ...identity,
      name: validation.claims.name || participant?.value.name || coordinator?.name || '',
      isCoordinator: coordinator !== undefined,
      language,
    },
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function queryLanguage(req: Request): Language | undefined {
  const value = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
  return isLanguage(value) ? value : undefined;
}

/**
 * The first supported language in `Accept-Language` by preference (`sv-FI,sv;q=0.9,en;q=0.5`).
 * negotiator (the parser behind Express's `req.acceptsLanguages`) ranks the tags by q-value, drops
 * q=0 and keeps the header's order among equals; we then map each tag to fi, sv or en.
 */
export function languageFromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  for (const tag of new Negotiator({ headers: { 'accept-language': header } }).languages()) {
    const language = languageFromLocale(tag);
    if (language) return language;
  }
  return undefined;
}
