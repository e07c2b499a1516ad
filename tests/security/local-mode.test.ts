import { request } from 'node:http';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { TENANT, personalMessage } from '../support/activities';
import { startTestApp, type RunningApp } from '../support/test-app';

/**
 * Local mode runs an anonymous bot and a development sign-in on loopback. A web page the developer
 * opens must not reach either: not with a "simple" cross-site request (no CORS preflight) and not
 * through DNS rebinding (a hostile name that resolves to 127.0.0.1).
 */

let connector: BotConnectorEmulator;
let serviceUrl: string;
let running: RunningApp;
let port: number;

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  serviceUrl = (await connector.start()).url;
  running = await startTestApp();
  port = Number(new URL(running.url).port);
});
afterAll(async () => {
  await running.stop();
  await connector.stop();
});
beforeEach(() => connector.reset());

/** node:http rather than fetch: fetch does not let a caller choose the Host header. */
function send(options: {
  method: string;
  path: string;
  host?: string;
  contentType?: string;
  body?: string;
}): Promise<{ status: number; text: string; contentType: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        headers: {
          Host: options.host ?? `127.0.0.1:${port}`,
          ...(options.contentType ? { 'Content-Type': options.contentType } : {}),
          ...(options.body === undefined ? {} : { 'Content-Length': Buffer.byteLength(options.body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            contentType: String(res.headers['content-type'] ?? ''),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('local mode is not reachable from a web page', () => {
  it('refuses a body whose content type merely mentions json, and sends nothing', async () => {
    const activity = JSON.stringify(personalMessage('ohje', { serviceUrl }));
    for (const contentType of [
      'text/plain; x=json',
      'text/plain;charset=json',
      'application/jsonp',
      'text/json',
    ]) {
      const response = await send({ method: 'POST', path: '/api/messages', contentType, body: activity });
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 415 });
      expect(response.contentType).toContain('application/problem+json');
    }
    await running.app.tasks.idle();
    expect(connector.allActivities()).toHaveLength(0);
  });

  it('accepts application/json with parameters and the +json suffix', async () => {
    for (const contentType of [
      'application/json',
      'Application/JSON; charset=utf-8',
      'application/activity+json',
    ]) {
      const response = await send({
        method: 'POST',
        path: '/api/messages',
        contentType,
        body: JSON.stringify(personalMessage('ohje', { serviceUrl })),
      });
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 200 });
    }
    await connector.waitForActivities(3);
  });

  it('answers only loopback Host names, so a rebound DNS name reaches neither sign-in nor bot', async () => {
    for (const host of [
      'attacker.example',
      `attacker.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      'localhost.attacker.example',
    ]) {
      const users = await send({ method: 'GET', path: '/dev-auth/users', host });
      expect({ host, status: users.status }).toEqual({ host, status: 421 });
      expect(users.contentType).toContain('application/problem+json');
      const token = await send({
        method: 'POST',
        path: '/dev-auth/token',
        host,
        contentType: 'application/json',
        body: JSON.stringify({ tenantId: TENANT, aadObjectId: 'a1000000-0000-4000-8000-000000000001' }),
      });
      expect({ host, status: token.status }).toEqual({ host, status: 421 });
      expect(token.text).not.toContain('access_token');
      const bot = await send({
        method: 'POST',
        path: '/api/messages',
        host,
        contentType: 'application/json',
        body: JSON.stringify(personalMessage('ohje', { serviceUrl })),
      });
      expect({ host, status: bot.status }).toEqual({ host, status: 421 });
    }
    await running.app.tasks.idle();
    expect(connector.allActivities()).toHaveLength(0);
  });

  it('answers localhost, 127.0.0.1 and [::1] with or without the port', async () => {
    for (const host of [
      `localhost:${port}`,
      'localhost',
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      'LOCALHOST',
    ]) {
      const users = await send({ method: 'GET', path: '/dev-auth/users', host });
      expect({ host, status: users.status }).toEqual({ host, status: 200 });
    }
  });
});
