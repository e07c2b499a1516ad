import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, SignJWT, UnsecuredJWT, type JWK, type JWTPayload } from 'jose';
import { DevIdentityProvider } from '../../bot/src/platform/api/dev-identity-provider';
import {
  ENTRA_ISSUER_TEMPLATES,
  createTokenValidator,
  type TokenValidationOptions,
} from '../../bot/src/platform/api/token-validator';

const HOST_TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';
const GUEST_HOME_TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT_ID = '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f';
const APP_ID_URI = `api://digiverkosto.example.fi/${CLIENT_ID}`;
const NOW = new Date('2024-08-20T06:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

function keyPair(): { privateKey: KeyObject; jwk: JWK } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), kid: 'k1', alg: 'RS256' } };
}

const signing = keyPair();
const forger = keyPair();

const options: TokenValidationOptions = {
  keys: createLocalJWKSet({ keys: [signing.jwk] }),
  issuerTemplates: [...ENTRA_ISSUER_TEMPLATES],
  audiences: [CLIENT_ID, APP_ID_URI],
  allowedTenantIds: [HOST_TENANT, GUEST_HOME_TENANT],
  requiredScope: 'access_as_user',
  clockToleranceSeconds: 120,
  algorithms: ['RS256'],
  currentDate: () => NOW,
};
const validate = createTokenValidator(options);

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: `https://login.microsoftonline.com/${HOST_TENANT}/v2.0`,
    aud: CLIENT_ID,
    tid: HOST_TENANT,
    oid: 'a1000000-0000-4000-8000-000000000001',
    name: 'Aino Korhonen',
    scp: 'access_as_user',
    iat: nowSeconds - 60,
    nbf: nowSeconds - 60,
    exp: nowSeconds + 3600,
    ...overrides,
  };
}

async function sign(payload: JWTPayload, key: KeyObject = signing.privateKey, kid = 'k1'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

describe('validating the Teams SSO token', () => {
  it('accepts a v2 token from an allowed tenant and names the user by tenant and object id', async () => {
    await expect(validate(await sign(claims()))).resolves.toEqual({
      ok: true,
      claims: {
        tenantId: HOST_TENANT,
        objectId: 'a1000000-0000-4000-8000-000000000001',
        name: 'Aino Korhonen',
      },
    });
  });

  it('accepts a v1 token whose audience is the application id URI', async () => {
    const token = await sign(claims({ iss: `https://sts.windows.net/${HOST_TENANT}/`, aud: APP_ID_URI }));
    await expect(validate(token)).resolves.toMatchObject({ ok: true });
  });

  it('accepts a guest whose home tenant is on the allow-list', async () => {
    const token = await sign(
      claims({ tid: GUEST_HOME_TENANT, iss: `https://login.microsoftonline.com/${GUEST_HOME_TENANT}/v2.0` }),
    );
    await expect(validate(token)).resolves.toMatchObject({ ok: true });
  });

  it('tolerates a little clock skew but rejects an expired token with 401', async () => {
    await expect(validate(await sign(claims({ exp: nowSeconds - 60 })))).resolves.toMatchObject({ ok: true });
    await expect(validate(await sign(claims({ exp: nowSeconds - 600 })))).resolves.toEqual({
      ok: false,
      status: 401,
      reason: 'The sign-in has expired.',
    });
  });

  it('rejects a token that is not valid yet', async () => {
    const token = await sign(claims({ nbf: nowSeconds + 600 }));
    await expect(validate(token)).resolves.toMatchObject({ ok: false, status: 401 });
  });

  it('rejects a token meant for another app', async () => {
    const token = await sign(claims({ aud: 'api://someone-else' }));
    await expect(validate(token)).resolves.toEqual({
      ok: false,
      status: 401,
      reason: 'The token is not meant for this app.',
    });
  });

  it('rejects a token from another issuer', async () => {
    const token = await sign(claims({ iss: `https://evil.example.com/${HOST_TENANT}/v2.0` }));
    await expect(validate(token)).resolves.toMatchObject({ ok: false, status: 401 });
  });

  it('rejects a token whose issuer names another tenant than its tid claim', async () => {
    const token = await sign(claims({ iss: `https://login.microsoftonline.com/${GUEST_HOME_TENANT}/v2.0` }));
    await expect(validate(token)).resolves.toEqual({
      ok: false,
      status: 401,
      reason: "The token's issuer does not match its tenant.",
    });
  });

  it('rejects a token without the access_as_user scope', async () => {
    await expect(validate(await sign(claims({ scp: 'User.Read' })))).resolves.toMatchObject({
      ok: false,
      status: 401,
    });
    const withoutScope = claims();
    delete withoutScope.scp;
    await expect(validate(await sign(withoutScope))).resolves.toMatchObject({ ok: false, status: 401 });
  });

  it('answers 403, not 401, for a valid token from a tenant that is not allowed', async () => {
    const token = await sign(
      claims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    );
    await expect(validate(token)).resolves.toMatchObject({ ok: false, status: 403 });
  });

  it('lets nobody in when the allow-list is empty', async () => {
    const closed = createTokenValidator({ ...options, allowedTenantIds: [] });
    await expect(closed(await sign(claims()))).resolves.toMatchObject({ ok: false, status: 403 });
  });

  it('rejects a token signed with another key, even under a known key id', async () => {
    const token = await sign(claims(), forger.privateKey, 'k1');
    await expect(validate(token)).resolves.toEqual({
      ok: false,
      status: 401,
      reason: 'The token signature is not valid.',
    });
    await expect(validate(await sign(claims(), forger.privateKey, 'unknown'))).resolves.toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('rejects an unsigned token (alg none)', async () => {
    const token = new UnsecuredJWT(claims()).encode();
    await expect(validate(token)).resolves.toMatchObject({ ok: false, status: 401 });
  });

  it('rejects a token signed with a symmetric key (algorithm confusion)', async () => {
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(new TextEncoder().encode('a'.repeat(32)));
    await expect(validate(token)).resolves.toMatchObject({ ok: false, status: 401 });
  });

  it('rejects garbage', async () => {
    for (const garbage of ['', 'not-a-token', 'a.b.c', 'eyJhbGciOiJSUzI1NiJ9.e30.', '...']) {
      await expect(validate(garbage)).resolves.toMatchObject({ ok: false, status: 401 });
    }
  });

  it('rejects a token without a tenant or object id', async () => {
    const noOid = claims();
    delete noOid.oid;
    await expect(validate(await sign(noOid))).resolves.toMatchObject({ ok: false, status: 401 });
  });
});

describe('the local development identity provider', () => {
  it('issues tokens the same validator accepts, shaped like Entra tokens', async () => {
    const provider = new DevIdentityProvider('http://localhost:3978', CLIENT_ID);
    const local = createTokenValidator({
      ...options,
      keys: provider.keys,
      issuerTemplates: [provider.issuerTemplate],
      audiences: [provider.clientId],
      currentDate: () => new Date(),
    });
    const token = await provider.issueToken(
      { tenantId: HOST_TENANT, aadObjectId: 'a1000000-0000-4000-8000-000000000002', name: 'Mikko Nieminen' },
      new Date(),
    );
    await expect(local(token)).resolves.toMatchObject({
      ok: true,
      claims: { tenantId: HOST_TENANT, name: 'Mikko Nieminen' },
    });
    // Entra's keys do not vouch for the development provider's tokens.
    await expect(validate(token)).resolves.toMatchObject({ ok: false, status: 401 });
  });
});
