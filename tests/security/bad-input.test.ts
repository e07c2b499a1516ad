import { request } from 'node:http';
import type { EditableEvent } from '../../bot/src/shared/contracts';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { DEMO_POLL_ID } from '../../bot/src/demo/demo-polls';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

/** Bad input from a client is the client's mistake: a 4xx problem response, never a 500 and a stack. */

const MIKKO = playgroundObjectId(1);

let running: RunningApp;
const errorLines: string[] = [];

beforeAll(async () => {
  running = await startTestApp({
    logger: createLogger('error', (line) => errorLines.push(line)),
  });
  await seedDemoIfEmpty(running.app.repositories, new Date(), createLogger('silent'));
});
afterAll(async () => {
  await running.stop();
});
beforeEach(() => {
  errorLines.length = 0;
});

async function coordinatorToken(): Promise<string> {
  const response = await postJson(`${running.url}/dev-auth/token`, {
    tenantId: DEMO_TENANT_ID,
    aadObjectId: MIKKO,
  });
  return (response.json as { access_token: string }).access_token;
}

/** node:http, so the path goes on the wire exactly as written (fetch would normalise it). */
function rawGet(path: string): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(new URL(running.url).port), path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function expectProblem(response: { status: number; contentType: string; text: string }, statuses: number[]) {
  expect(statuses).toContain(response.status);
  expect(response.contentType).toContain('application/problem+json');
  expect(response.text).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
}

describe('bad input gets a clear 4xx', () => {
  it('answers odd tab paths with 400 or 404, not a 500 with an error log', async () => {
    for (const path of [
      '/tab/%00',
      '/tab/index.html%00.png',
      `/tab/${'a'.repeat(5000)}`,
      `/tab/${'a'.repeat(300)}.js`,
      '/tab/%E0%A4%A',
      '/tab/assets/%2e%2e/%2e%2e/package.json',
    ]) {
      const response = await rawGet(path);
      expect({ path, status: response.status, type: response.contentType }).toEqual({
        path,
        status: expect.any(Number) as number,
        type: expect.stringContaining('application/problem+json') as string,
      });
      expectProblem(response, [400, 404]);
    }
    expect(errorLines).toEqual([]);
  });

  it('answers an invalid continuation token with 400 on every paged listing', async () => {
    const token = await coordinatorToken();
    for (const path of [
      '/api/participants?continuationToken=',
      `/api/polls/${DEMO_POLL_ID}/suggestions?continuationToken=`,
      '/api/audit?month=2026-11&continuationToken=',
    ]) {
      for (const bad of [
        'x',
        'not%20base64!',
        Buffer.from('{"nextPartitionKey":').toString('base64'),
        'e30',
      ]) {
        const response = await fetch(`${running.url}${path}${bad}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const text = await response.text();
        expect({ path, bad, status: response.status }).toEqual({ path, bad, status: 400 });
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(text).toContain('continuation token');
      }
    }
    expect(errorLines).toEqual([]);
  });

  it('answers an If-Match that is no version of the event with 412 and keeps the event', async () => {
    const token = await coordinatorToken();
    const read = await fetch(`${running.url}/api/events/workshop-3`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const event = (await read.json()) as EditableEvent;
    const update = {
      title: { ...event.title, fi: 'Muutettu otsikko' },
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      place: event.place,
      onlineUrl: event.onlineUrl,
      preAssignment: event.preAssignment,
    };
    for (const ifMatch of ['"x"', 'x', 'W/"datetime\'2020-01-01T00%3A00%3A00Z\'"', '""']) {
      const response = await fetch(`${running.url}/api/events/workshop-3`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'If-Match': ifMatch,
        },
        body: JSON.stringify(update),
      });
      expect({ ifMatch, status: response.status }).toEqual({ ifMatch, status: 412 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const after = await fetch(`${running.url}/api/events/workshop-3`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await after.json()) as EditableEvent).title.fi).toBe(event.title.fi);
    expect(after.headers.get('etag')).toBe(read.headers.get('etag'));
    expect(errorLines).toEqual([]);
  });
});
