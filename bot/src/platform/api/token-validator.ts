import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * Validation of the tab's sign-in token, as Teams SSO issues it (an Entra ID access token for the
 * app's own API). Production and local development run this same function; only the key set and
 * the issuer templates differ (Entra's, or the local development identity provider's).
 */
export interface TokenValidationOptions {
  /** The signing keys: Entra's JWKS (remote, cached) or the local identity provider's. */
  readonly keys: JWTVerifyGetKey;
  /** Issuers with `{tid}` standing for the token's own tenant id claim. */
  readonly issuerTemplates: readonly string[];
  /** The app's client id and application id URI: v2 tokens carry the first, v1 tokens the second. */
  readonly audiences: readonly string[];
  /** Tenants whose users may sign in; an empty list lets nobody in. */
  readonly allowedTenantIds: readonly string[];
  readonly requiredScope: string;
  readonly clockToleranceSeconds: number;
  readonly algorithms: readonly string[];
  /** For tests: the time the token is checked against. */
  readonly currentDate?: () => Date;
}

export interface SignedInClaims {
  readonly tenantId: string;
  readonly objectId: string;
  readonly name: string;
}

export type TokenValidation =
  | { readonly ok: true; readonly claims: SignedInClaims }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/** Entra ID issues v2 tokens with the first issuer and v1 tokens (application id URI audience) with the second. */
export const ENTRA_ISSUER_TEMPLATES = [
  'https://login.microsoftonline.com/{tid}/v2.0',
  'https://sts.windows.net/{tid}/',
] as const;

/** Entra's signing keys for every tenant; rotated keys appear here before use. */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export const ACCESS_AS_USER_SCOPE = 'access_as_user';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TokenValidator = (token: string) => Promise<TokenValidation>;

export function createTokenValidator(options: TokenValidationOptions): TokenValidator {
  const allowed = new Set(options.allowedTenantIds.map((id) => id.toLowerCase()));
  const audiences = options.audiences.filter((audience) => audience.length > 0);
  return async (token) => {
    if (audiences.length === 0) return rejected(401, 'Sign-in is not configured.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        audience: audiences,
        algorithms: [...options.algorithms],
        clockTolerance: options.clockToleranceSeconds,
        requiredClaims: ['exp', 'iat', 'iss', 'aud'],
        ...(options.currentDate ? { currentDate: options.currentDate() } : {}),
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) {
        return rejected(401, reasonFor(error));
      }
      throw error;
    }
    const tenantId = stringClaim(payload, 'tid');
    const objectId = stringClaim(payload, 'oid');
    if (!tenantId || !GUID.test(tenantId) || !objectId) {
      return rejected(401, 'The token does not name a tenant and a user.');
    }
    const issuers = options.issuerTemplates.map((template) => template.replace('{tid}', tenantId));
    if (!issuers.includes(String(payload.iss))) {
      return rejected(401, "The token's issuer does not match its tenant.");
    }
    const scopes = (stringClaim(payload, 'scp') ?? '').split(' ');
    if (!scopes.includes(options.requiredScope)) {
      return rejected(401, `The token lacks the ${options.requiredScope} scope.`);
    }
    if (!allowed.has(tenantId.toLowerCase())) {
      return rejected(403, "Your organisation is not part of the network's workspace.");
    }
    return {
      ok: true,
      claims: { tenantId, objectId, name: stringClaim(payload, 'name') ?? '' },
    };
  };
}

function rejected(status: 401 | 403, reason: string): TokenValidation {
  return { ok: false, status, reason };
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A short, fixed explanation per failure; the token's content is never echoed. */
function reasonFor(error: Error): string {
  if (error instanceof errors.JWTExpired) return 'The sign-in has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.claim === 'aud'
      ? 'The token is not meant for this app.'
      : 'The token is not valid yet or any more.';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'The token signature is not valid.';
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The token is signed with an algorithm that is not accepted.';
  return 'The token is not valid.';
}
