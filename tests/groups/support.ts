import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { devIdentityProviderFor } from '../../bot/src/platform/api/dev-identity-provider';
import { createApp, type App } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/platform/config/config';
import { DEMO_ROUND_ID, DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import type { GroupsFeature } from '../../bot/src/groups/groups-feature';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BOT, TEAM_ID, TENANT, personalConversation, type Person } from '../support/activities';
import { postJson, testStorageConnectionString, uniquePrefix } from '../support/test-app';
import { fastDispatcher } from '../reminders/support';

export const ROUND = DEMO_ROUND_ID;
export const DISCUSSION = 'leadership-1';

/** The Playground people of the demo network, as Teams senders. */
function person(index: number, id: string, name: string): Person {
  return { id, aadObjectId: playgroundObjectId(index), name };
}
export const AINO = person(0, '29:aino-korhonen', 'Aino Korhonen');
export const MIKKO = person(1, '29:mikko-nieminen', 'Mikko Nieminen');
export const JOHANNA = person(3, '29:johanna-makela', 'Johanna Mäkelä');
export const ERIK = person(4, '29:erik-lindqvist', 'Erik Lindqvist');
export const PEKKA = person(5, '29:pekka-heikkinen', 'Pekka Heikkinen');

export const memberIdOfPerson = (who: Person): string => `${DEMO_TENANT_ID}|${who.aadObjectId}`;

/** A clock the test moves. */
export function movableClock(start: string): { (): Date; set(iso: string): void } {
  let now = new Date(start);
  const clock = (() => new Date(now)) as { (): Date; set(iso: string): void };
  clock.set = (iso: string) => {
    now = new Date(iso);
  };
  return clock;
}

/** A token source for the Graph client in tests: a fixed bearer token, as Entra would issue. */
export class FakeCredential implements TokenCredential {
  calls = 0;
  getToken(): Promise<AccessToken> {
    this.calls += 1;
    return Promise.resolve({ token: 'test-graph-token', expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

export interface GroupsApp {
  readonly app: App;
  readonly url: string;
  readonly groups: GroupsFeature;
  stop(): Promise<void>;
}

/**
 * The real server (same composition root as production) with the demo network, a team channel
 * installation pointing at the connector emulator, and fast outbox settings.
 */
export async function startGroupsApp(options: {
  clock: () => Date;
  serviceUrl: string;
  env?: Record<string, string>;
  graphCredential?: TokenCredential;
}): Promise<GroupsApp> {
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: testStorageConnectionString(),
    TABLE_PREFIX: uniquePrefix(),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = createApp(config, {
    clock: options.clock,
    logger: createLogger('silent'),
    tabDirectory: path.join(__dirname, '..', 'support', 'fixtures', 'tab'),
    delivery: { dispatcher: fastDispatcher() },
    groups: {
      tickMs: 3_600_000,
      ...(options.graphCredential ? { graphCredential: options.graphCredential } : {}),
    },
  });
  const port = await app.listen();
  // The reminders' first look comes a second after start and would send the demo's workshop
  // reminders into the same emulator; these tests are about invitations only.
  await app.features.find((feature) => feature.name === 'reminders')?.stop?.();
  await seedDemoIfEmpty(app.repositories, options.clock(), createLogger('silent'));
  await app.repositories.installations.add(
    `_${TENANT}_${TEAM_ID}`,
    {
      channelId: 'msteams',
      serviceUrl: options.serviceUrl,
      bot: BOT,
      user: { id: '29:installer', name: 'Installer' },
      conversation: { id: TEAM_ID, conversationType: 'channel', isGroup: true, tenantId: TENANT, name: '' },
    },
    { overwrite: true },
  );
  const groups = app.features.find((feature) => feature.name === 'groups') as GroupsFeature | undefined;
  if (!groups) throw new Error('no groups feature');
  // Tests run the RSVP-reminder pass themselves with `groups.tick()`; the background pass, a
  // second "instance", would claim some reminders first (correctly) and make counts vary.
  await groups.stop?.();
  return { app, url: `http://127.0.0.1:${port}`, groups, stop: () => app.close() };
}

/**
 * A sign-in token from the app's development identity provider. Issued at the real time: the
 * validator checks expiry against the real clock, while `/dev-auth/token` stamps the app's clock,
 * which these tests pin to 2025.
 */
export async function tokenFor(running: GroupsApp, who: Person): Promise<string> {
  return devIdentityProviderFor(running.app.config).issueToken(
    { tenantId: DEMO_TENANT_ID, aadObjectId: who.aadObjectId, name: who.name },
    new Date(),
  );
}

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: T;
  readonly text: string;
}

export async function api<T = unknown>(
  running: GroupsApp,
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${running.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  const json = (/json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined) as T;
  return { status: response.status, headers: response.headers, json, text };
}

/** An `Action.Execute` invoke as Teams sends it from a personal chat. */
export function execute(verb: string, data: unknown, from: Person, serviceUrl: string, locale = 'fi-FI') {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { tenantId: TENANT, ...personalConversation(from) },
    channelData: { tenant: { id: TENANT } },
    locale,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId: 'card-activity-1',
  };
}

export function personalText(text: string, from: Person, serviceUrl: string) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { tenantId: TENANT, ...personalConversation(from) },
    channelData: { tenant: { id: TENANT } },
    locale: 'fi-FI',
    type: 'message',
    text,
    textFormat: 'plain',
  };
}

export interface InvokeAnswer {
  readonly statusCode: number | undefined;
  readonly card: Record<string, unknown> | undefined;
  /** The message of a rejected action. */
  readonly message: string;
  readonly text: string;
}

export async function invoke(running: GroupsApp, activity: Record<string, unknown>): Promise<InvokeAnswer> {
  const response = await postJson(`${running.url}/api/messages`, activity);
  const body = response.json as { statusCode?: number; value?: unknown } | undefined;
  const value = body?.value as Record<string, unknown> | undefined;
  const card = value?.type === 'AdaptiveCard' ? value : undefined;
  return {
    statusCode: body?.statusCode,
    card,
    message: typeof value?.message === 'string' ? value.message : '',
    text: card ? cardText(card) : '',
  };
}

/** The texts a reader sees on a card. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value']) {
      if (typeof record[key] === 'string') texts.push(record[key]);
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return texts.join('\n');
}

/** The Action.Execute buttons of a card with their data. */
export function executeActions(
  card: unknown,
): { title: string; verb: string; data: Record<string, unknown> }[] {
  const actions = ((card as { actions?: unknown[] } | undefined)?.actions ?? []) as Record<string, unknown>[];
  return actions
    .filter((action) => action.type === 'Action.Execute')
    .map((action) => ({
      title: String(action.title),
      verb: String(action.verb),
      data: action.data as Record<string, unknown>,
    }));
}

export function openUrls(card: unknown): { title: string; url: string }[] {
  const actions = ((card as { actions?: unknown[] } | undefined)?.actions ?? []) as Record<string, unknown>[];
  return actions
    .filter((action) => action.type === 'Action.OpenUrl')
    .map((action) => ({ title: String(action.title), url: String(action.url) }));
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
