import type { RegisteredRoute } from '../../bot/src/platform/api/api-router';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

/**
 * Every route of the tab's API, called as each kind of caller. The table is built from the
 * router's own list, so a route added later is covered without touching this file.
 */
type Caller = 'anonymous' | 'participant' | 'coordinator' | 'other tenant';
type Expectation = 'allowed' | 401 | 403;

const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';

let running: RunningApp;
let tokens: Record<Exclude<Caller, 'anonymous'>, string>;

function expected(route: RegisteredRoute, caller: Caller): Expectation {
  if (route.access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (caller === 'other tenant') return 403;
  if (route.access === 'coordinator' && caller === 'participant') return 403;
  return 'allowed';
}

/** Path parameters get plausible but unknown values: authorisation is decided before lookup. */
function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => `unknown-${name}`).replace(/\*$/, 'x');
}

beforeAll(async () => {
  running = await startTestApp({ appOptions: { startBackgroundWork: false } });
  await seedDemoIfEmpty(running.app.repositories, new Date(), createLogger('silent'));
  const token = async (tenantId: string, aadObjectId: string): Promise<string> => {
    const response = await postJson(`${running.url}/dev-auth/token`, { tenantId, aadObjectId });
    return (response.json as { access_token: string }).access_token;
  };
  tokens = {
    participant: await token(DEMO_TENANT_ID, playgroundObjectId(0)),
    coordinator: await token(DEMO_TENANT_ID, playgroundObjectId(1)),
    'other tenant': await token(OTHER_TENANT, 'c0ffee00-0000-4000-8000-000000000001'),
  };
});
afterAll(async () => {
  await running.stop();
});

describe('authorisation of the tab API', () => {
  it('covers a meaningful set of routes', () => {
    const routes = running.app.api.routes;
    expect(routes.filter((route) => route.access === 'participant').length).toBeGreaterThan(3);
    expect(routes.filter((route) => route.access === 'coordinator').length).toBeGreaterThan(3);
  });

  it('answers every route as expected for every caller', async () => {
    const callers: Caller[] = ['anonymous', 'participant', 'coordinator', 'other tenant'];
    const results: { route: string; caller: Caller; expected: Expectation; status: number }[] = [];
    for (const route of running.app.api.routes) {
      for (const caller of callers) {
        const response = await fetch(`${running.url}${concretePath(route.path)}`, {
          method: route.method.toUpperCase(),
          headers: {
            ...(caller === 'anonymous' ? {} : { Authorization: `Bearer ${tokens[caller]}` }),
            ...(route.method === 'get' || route.method === 'delete'
              ? {}
              : { 'Content-Type': 'application/json' }),
          },
          ...(route.method === 'get' || route.method === 'delete' ? {} : { body: '{}' }),
        });
        await response.arrayBuffer();
        results.push({
          route: `${route.method.toUpperCase()} ${route.path}`,
          caller,
          expected: expected(route, caller),
          status: response.status,
        });
      }
    }
    const wrong = results.filter(({ expected: want, status }) =>
      want === 'allowed' ? status === 401 || status === 403 || status >= 500 : status !== want,
    );
    expect(wrong).toEqual([]);
    // 401 and 403 stay distinct: no caller with a valid token is told to sign in.
    expect(results.filter((r) => r.caller !== 'anonymous' && r.status === 401)).toEqual([]);
  });
});
