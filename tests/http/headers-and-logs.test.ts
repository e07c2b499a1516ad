import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { TENANT, personalMessage } from '../support/activities';
import { postJson, startTestApp, testStorageConnectionString, uniquePrefix } from '../support/test-app';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..');

describe('response headers', () => {
  it('sends X-Content-Type-Options: nosniff on API answers, problems, probes and the bot endpoint', async () => {
    const connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
    const serviceUrl = (await connector.start()).url;
    const running = await startTestApp();
    try {
      const token = (
        (
          await postJson(`${running.url}/dev-auth/token`, {
            tenantId: DEMO_TENANT_ID,
            aadObjectId: playgroundObjectId(1),
          })
        ).json as { access_token: string }
      ).access_token;
      const answers = [
        await fetch(`${running.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } }),
        await fetch(`${running.url}/api/me`),
        await fetch(`${running.url}/api/nothing-here`),
        await fetch(`${running.url}/healthz`),
        await fetch(`${running.url}/readyz`),
        await fetch(`${running.url}/dev-auth/users`),
        await fetch(`${running.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(personalMessage('ohje', { serviceUrl })),
        }),
        await fetch(`${running.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"type":',
        }),
      ];
      for (const answer of answers) {
        await answer.arrayBuffer();
        expect({ url: answer.url, nosniff: answer.headers.get('x-content-type-options') }).toEqual({
          url: answer.url,
          nosniff: 'nosniff',
        });
      }
    } finally {
      await running.stop();
      await connector.stop();
    }
  });
});

describe('activities with ids of the wrong type', () => {
  it('answers a numeric conversation.tenantId with 400 and no failed turn', async () => {
    const connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
    const serviceUrl = (await connector.start()).url;
    const lines: string[] = [];
    const running = await startTestApp({ logger: createLogger('warn', (line) => lines.push(line)) });
    try {
      for (const odd of [
        (activity: Record<string, unknown>) => ({
          ...activity,
          conversation: { ...(activity.conversation as object), tenantId: 12345 },
        }),
        (activity: Record<string, unknown>) => ({ ...activity, channelData: { tenant: { id: 12345 } } }),
        (activity: Record<string, unknown>) => ({
          ...activity,
          from: { ...(activity.from as object), aadObjectId: 7 },
        }),
      ]) {
        const response = await postJson(
          `${running.url}/api/messages`,
          odd(personalMessage('ohje', { serviceUrl })),
        );
        expect(response.status).toBe(400);
        expect((response.json as { title: string }).title).toBe('Bad request');
      }
      await running.app.tasks.idle();
      expect(connector.allActivities()).toHaveLength(0);
      expect(lines.filter((line) => (JSON.parse(line) as { level: string }).level === 'error')).toEqual([]);
      expect(lines.join('\n')).not.toContain('is not a function');
    } finally {
      await running.stop();
      await connector.stop();
    }
  });
});

describe('production logs', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('are JSON lines only, also when unauthenticated requests reach the bot endpoint and the Azure SDK logs', async () => {
    const tenantId = randomUUID();
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bot', 'src', 'index.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        APP_MODE: 'production',
        // The Azure SDK's own logger (an operator's diagnostics switch) writes to stderr itself.
        AZURE_LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        PUBLIC_URL: 'https://digiverkosto.example.test',
        BOT_ID: randomUUID(),
        BOT_TYPE: 'SingleTenant',
        BOT_TENANT_ID: tenantId,
        BOT_PASSWORD: 'logs-test-password',
        STORAGE_CONNECTION_STRING: testStorageConnectionString(),
        TABLE_PREFIX: uniquePrefix(),
        AAD_APP_CLIENT_ID: randomUUID(),
        ALLOWED_TENANT_IDS: tenantId,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    let port: number | undefined;
    while (port === undefined && Date.now() - started < 45_000) {
      const match = /"message":"listening","port":(\d+)/.exec(output);
      if (match) port = Number(match[1]);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (port === undefined) throw new Error(`the server did not start:\n${output}`);
    const url = `http://127.0.0.1:${port}`;
    const activity = personalMessage('ohje', { serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    for (const authorization of [undefined, 'Bearer not.a.jwt', 'Basic dXNlcjpwYXNz']) {
      const response = await postJson(
        `${url}/api/messages`,
        activity,
        authorization ? { Authorization: authorization } : {},
      );
      expect(response.status).toBe(401);
    }
    expect((await fetch(`${url}/api/me`)).status).toBe(401);
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;

    const lines = output.split('\n').filter((line) => line.trim() !== '');
    const notJson = lines.filter((line) => {
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const entries = lines.map((line) => JSON.parse(line) as { level: string; message: string });
    expect(entries.filter((entry) => entry.level === 'error')).toEqual([]);
    expect(entries.filter((entry) => entry.message === 'bot request not authenticated')).toHaveLength(3);
    // The SDK's lines arrive as entries of their own, at the SDK's level.
    expect(entries.some((entry) => entry.message === 'azure sdk')).toBe(true);
  });
});
