import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';

/**
 * A loopback stand-in for the Bot Framework's OpenID metadata endpoint
 * (login.botframework.com/v1/.well-known/openidconfiguration): it publishes a signing key the way
 * Microsoft does (JWKS with `endorsements` naming the channels) and signs channel tokens with it.
 */
export class OpenIdEmulator {
  private server: http.Server | undefined;
  private privateKey: KeyLike | undefined;
  private publicJwk: JWK | undefined;
  readonly kid = 'loopback-key-1';
  url = '';

  async start(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.publicJwk = { ...(await exportJWK(publicKey)), kid: this.kid, use: 'sig', alg: 'RS256' };
    this.server = http.createServer((req, res) => {
      const body =
        req.url === '/keys'
          ? { keys: [{ ...this.publicJwk, endorsements: ['msteams', 'emulator'] }] }
          : {
              issuer: 'https://api.botframework.com',
              authorization_endpoint: `${this.url}/authorize`,
              jwks_uri: `${this.url}/keys`,
              id_token_signing_alg_values_supported: ['RS256'],
              token_endpoint_auth_methods_supported: ['private_key_jwt'],
            };
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${port}`;
    return `${this.url}/openid`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A channel token as Teams' Bot Connector sends it, with any claim overridden. */
  async channelToken(
    claims: Record<string, unknown>,
    options: { key?: KeyLike; kid?: string; expiresIn?: string | number; issuedAt?: number } = {},
  ): Promise<string> {
    const key = options.key ?? this.privateKey;
    if (!key) throw new Error('start() first');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .setIssuedAt(options.issuedAt ?? now)
      .setNotBefore((options.issuedAt ?? now) - 5)
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(key);
  }
}
