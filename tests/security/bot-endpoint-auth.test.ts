import { generateKeyPair } from 'jose';
import { createApp, type App } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/platform/config/config';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { personalMessage } from '../support/activities';
import { OpenIdEmulator } from '../support/openid-emulator';
import { postJson, testStorageConnectionString, uniquePrefix } from '../support/test-app';

const BOT_ID = '7b0c2f3e-1d4a-4b5c-8e9f-0a1b2c3d4e5f';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const ISSUER = 'https://api.botframework.com';

let openId: OpenIdEmulator;
let app: App;
let url: string;

beforeAll(async () => {
  openId = new OpenIdEmulator();
  const metadataUrl = await openId.start();
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    BOT_ID,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TYPE: 'MultiTenant',
    STORAGE_CONNECTION_STRING: testStorageConnectionString(),
    TABLE_PREFIX: uniquePrefix(),
    LOG_LEVEL: 'silent',
  });
  app = createApp(config, {
    logger: createLogger('silent'),
    startBackgroundWork: false,
    botEndpoints: {
      toBotFromChannelOpenIdMetadataUrl: metadataUrl,
      toBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    },
  });
  url = `http://127.0.0.1:${await app.listen()}/api/messages`;
});
afterAll(async () => {
  await app.close();
  await openId.stop();
});

// A typing indicator needs no reply, so an accepted request does not try to reach the real connector.
const activity = { ...personalMessage('', { serviceUrl: SERVICE_URL }), type: 'typing' };
const goodClaims = { iss: ISSUER, aud: BOT_ID, serviceurl: SERVICE_URL };

async function post(token: string | undefined) {
  return postJson(url, activity, token === undefined ? {} : { Authorization: token });
}

describe('the bot endpoint with a bot id configured', () => {
  it('accepts a channel token signed by the published key', async () => {
    const response = await post(`Bearer ${await openId.channelToken(goodClaims)}`);
    expect(response.status).toBe(200);
  });

  const cases: [string, () => Promise<string | undefined>][] = [
    ['no Authorization header', () => Promise.resolve(undefined)],
    ['an empty bearer', () => Promise.resolve('Bearer ')],
    ['a header that is not a bearer token', () => Promise.resolve('Basic dXNlcjpwYXNz')],
    ['garbage', () => Promise.resolve('Bearer not.a.jwt')],
    [
      'a token signed by another key (forged)',
      async () =>
        `Bearer ${await openId.channelToken(goodClaims, { key: (await generateKeyPair('RS256')).privateKey })}`,
    ],
    [
      'a token naming an unknown key id',
      async () => `Bearer ${await openId.channelToken(goodClaims, { kid: 'unknown-key' })}`,
    ],
    [
      'an expired token',
      async () =>
        `Bearer ${await openId.channelToken(goodClaims, { issuedAt: Math.floor(Date.now() / 1000) - 7200, expiresIn: Math.floor(Date.now() / 1000) - 3600 })}`,
    ],
    [
      'a token for another audience',
      async () => `Bearer ${await openId.channelToken({ ...goodClaims, aud: 'someone-else' })}`,
    ],
    [
      'a token from another issuer',
      async () => `Bearer ${await openId.channelToken({ ...goodClaims, iss: 'https://evil.example.com' })}`,
    ],
    [
      'a token whose service URL does not match the activity',
      async () =>
        `Bearer ${await openId.channelToken({ ...goodClaims, serviceurl: 'https://evil.example.com/' })}`,
    ],
    [
      'an unsigned token (alg none)',
      () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
        const payload = Buffer.from(
          JSON.stringify({ ...goodClaims, exp: Math.floor(Date.now() / 1000) + 3600 }),
        ).toString('base64url');
        return Promise.resolve(`Bearer ${header}.${payload}.`);
      },
    ],
  ];

  it.each(cases)('answers 401 to %s, with nothing about why in the body', async (_name, token) => {
    const response = await post(await token());
    expect(response.status).toBe(401);
    expect(response.text).not.toMatch(/Unauthorized\.|claim|issuer|audience|stack|Error/i);
  });
});
