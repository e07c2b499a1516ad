import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { isLoopbackHost, type AppConfig } from '../config/config';
import type { TeamsIdentity } from '../../shared/participant';
import { ACCESS_AS_USER_SCOPE } from './token-validator';

/**
 * A stand-in for Entra ID on a developer's machine (`npm start`, tests): it signs tokens shaped
 * like the ones Teams SSO hands the tab (issuer with the tenant id, the app's client id as
 * audience, `scp: access_as_user`, `tid`, `oid`, `name`, one hour), with a key pair generated at
 * start-up. The server validates them with the same function as Entra's tokens; only the key set
 * and issuer differ. It exists only in local mode on a loopback address, so it can never mint
 * identities on a reachable server.
 */
export const LOCAL_SSO_CLIENT_ID = '6c1f0e8a-2b4d-4e7a-9c3f-5d8e1a2b3c4d';
export const DEV_AUTH_PATH = '/dev-auth';
export const DEV_TOKEN_LIFETIME_SECONDS = 3600;

export interface DevPerson extends TeamsIdentity {
  readonly name: string;
}

export class DevIdentityProvider {
  readonly clientId: string;
  /** `{tid}` stands for the tenant, as in Entra's `https://login.microsoftonline.com/{tid}/v2.0`. */
  readonly issuerTemplate: string;
  readonly keys: JWTVerifyGetKey;
  private readonly privateKey: KeyObject;
  private readonly publicJwk: JWK;

  constructor(publicUrl: string, clientId: string) {
    this.clientId = clientId;
    this.issuerTemplate = `${publicUrl}${DEV_AUTH_PATH}/{tid}/v2.0`;
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = {
      ...(publicKey.export({ format: 'jwk' }) as JWK),
      kid: randomUUID(),
      alg: 'RS256',
      use: 'sig',
    };
    this.keys = createLocalJWKSet({ keys: [this.publicJwk] });
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  issuerFor(tenantId: string): string {
    return this.issuerTemplate.replace('{tid}', tenantId);
  }

  /** An access token for the tab's API, as Entra would issue it to Teams for this person. */
  async issueToken(person: DevPerson, now: Date): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      scp: ACCESS_AS_USER_SCOPE,
      tid: person.tenantId,
      oid: person.aadObjectId,
      name: person.name,
      ver: '2.0',
      azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid ?? '', typ: 'JWT' })
      .setIssuer(this.issuerFor(person.tenantId))
      .setAudience(this.clientId)
      .setSubject(person.aadObjectId)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + DEV_TOKEN_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /** OpenID discovery in Entra's shape, with addresses on the server that answered. */
  openIdConfiguration(origin: string): Record<string, unknown> {
    return {
      issuer: `${origin}${DEV_AUTH_PATH}/{tenantid}/v2.0`,
      jwks_uri: `${origin}${DEV_AUTH_PATH}/discovery/v2.0/keys`,
      token_endpoint: `${origin}${DEV_AUTH_PATH}/token`,
      response_types_supported: ['token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: [ACCESS_AS_USER_SCOPE],
      claims_supported: ['iss', 'aud', 'exp', 'nbf', 'iat', 'tid', 'oid', 'name', 'scp'],
    };
  }
}

const providers = new WeakMap<AppConfig, DevIdentityProvider>();

/** True when this app may run the development identity provider: local mode on a loopback address. */
export function usesDevIdentityProvider(config: AppConfig): boolean {
  return config.mode === 'local' && isLoopbackHost(config.host);
}

/**
 * The one provider of an app (keyed by its frozen config): the authenticator validates with its
 * keys and the API serves its endpoints, so both must see the same key pair.
 */
export function devIdentityProviderFor(config: AppConfig): DevIdentityProvider {
  if (!usesDevIdentityProvider(config)) {
    throw new Error('The development identity provider runs only in local mode on a loopback address');
  }
  let provider = providers.get(config);
  if (!provider) {
    provider = new DevIdentityProvider(config.publicUrl, config.sso.clientId ?? LOCAL_SSO_CLIENT_ID);
    providers.set(config, provider);
  }
  return provider;
}
