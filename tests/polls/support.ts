import { randomUUID } from 'node:crypto';
import type { App } from '../../bot/src/app';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import type { pollsFeature } from '../../bot/src/polls/polls-feature';
import { createLogger } from '../../bot/src/platform/observability/logger';
import {
  BOT,
  CHANNEL_CONVERSATION,
  TEAM_ID,
  TENANT,
  personalConversation,
  type Person,
} from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

export type PollsFeature = ReturnType<typeof pollsFeature>;

export function pollsOf(app: App): PollsFeature {
  const feature = app.features.find((candidate) => candidate.name === 'polls');
  if (!feature) throw new Error('no polls feature');
  return feature as PollsFeature;
}

/** A mutable fake clock shared by the app and the test. */
export function movableClock(start: string): { (): Date; set(iso: string): void } {
  let now = new Date(start);
  const clock = (() => new Date(now)) as { (): Date; set(iso: string): void };
  clock.set = (iso: string) => {
    now = new Date(iso);
  };
  return clock;
}

/** The real server with the demo network (and its open poll) seeded. */
export async function startPollsApp(
  clock: () => Date,
  options: Parameters<typeof startTestApp>[0] = {},
): Promise<RunningApp> {
  const running = await startTestApp({ clock, ...options });
  await seedDemoIfEmpty(running.app.repositories, clock(), createLogger('silent'));
  return running;
}

export interface InvokeOptions {
  readonly serviceUrl: string;
  readonly from: Person;
  readonly place?: 'personal' | 'channel';
  readonly locale?: string;
  /** When Teams says the click happened (the activity's timestamp). */
  readonly timestamp?: string;
}

/** An `Action.Execute` invoke as Teams sends it, in a personal chat or the network's channel. */
export function executeAction(
  verb: string,
  data: Record<string, unknown>,
  options: InvokeOptions,
): Record<string, unknown> {
  const channel = options.place === 'channel';
  return {
    id: randomUUID(),
    timestamp: options.timestamp ?? new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: options.from.id, name: options.from.name, aadObjectId: options.from.aadObjectId },
    recipient: BOT,
    conversation: {
      tenantId: TENANT,
      ...(channel ? CHANNEL_CONVERSATION : personalConversation(options.from)),
    },
    channelData: {
      tenant: { id: TENANT },
      ...(channel ? { team: { id: TEAM_ID }, channel: { id: TEAM_ID } } : {}),
    },
    locale: options.locale ?? 'fi-FI',
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId: 'card-activity-1',
  };
}

export interface InvokeAnswer {
  readonly status: number;
  readonly statusCode: number | undefined;
  /** The card Teams shows the person instead of the one they clicked. */
  readonly card: Record<string, unknown> | undefined;
  /** Every text on the card, joined: what a person reads. */
  readonly text: string;
  readonly raw: unknown;
}

export async function invoke(running: RunningApp, activity: Record<string, unknown>): Promise<InvokeAnswer> {
  const response = await postJson(`${running.url}/api/messages`, activity);
  const body = response.json as { statusCode?: number; value?: unknown } | undefined;
  const card =
    typeof body?.value === 'object' &&
    body.value !== null &&
    (body.value as { type?: unknown }).type === 'AdaptiveCard'
      ? (body.value as Record<string, unknown>)
      : undefined;
  return {
    status: response.status,
    statusCode: body?.statusCode,
    card,
    text: card ? cardText(card) : '',
    raw: body,
  };
}

/** The texts a reader sees on a card (TextBlocks, TextRuns, input labels, choice and button titles). */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label']) {
      if (typeof record[key] === 'string') texts.push(record[key]);
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return texts.join('\n');
}

/** The ids preselected in the form's topic ChoiceSet. */
export function selectedTopics(card: Record<string, unknown> | undefined): string[] {
  const body = (card?.body ?? []) as { type?: string; id?: string; value?: string }[];
  const choice = body.find((element) => element.type === 'Input.ChoiceSet' && element.id === 'topics');
  return choice?.value ? choice.value.split(',').filter((id) => id !== '') : [];
}

export async function tokenFor(running: RunningApp, aadObjectId: string, tenantId = TENANT): Promise<string> {
  const response = await postJson(`${running.url}/dev-auth/token`, {
    tenantId,
    aadObjectId,
    name: 'Someone',
  });
  if (response.status !== 200) throw new Error(`dev token: ${response.status} ${response.text}`);
  return (response.json as { access_token: string }).access_token;
}

export async function api(
  running: RunningApp,
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string; bytes: Buffer }> {
  const response = await fetch(`${running.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const json: unknown = /json/.test(response.headers.get('content-type') ?? '')
    ? JSON.parse(text)
    : undefined;
  return { status: response.status, headers: response.headers, json, text, bytes };
}
