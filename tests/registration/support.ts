import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { createApp, type App, type AppOptions } from '../../bot/src/app';
import { PersonalChatRepository } from '../../bot/src/delivery/personal-chat-repository';
import { devIdentityProviderFor } from '../../bot/src/platform/api/dev-identity-provider';
import { loadConfig } from '../../bot/src/platform/config/config';
import { createLogger } from '../../bot/src/platform/observability/logger';
import type { RegistrationFeature } from '../../bot/src/registration';
import type { Participant, TeamsIdentity } from '../../bot/src/shared/participant';
import type { ProgrammeEvent, Round } from '../../bot/src/shared/programme-event';
import type { BotConnectorEmulator, RecordedActivity } from '../emulators/bot-connector-emulator';
import { fastDispatcher } from '../reminders/support';
import { BOT, TEAM_ID, TENANT } from '../support/activities';
import { postJson, testStorageConnectionString, uniquePrefix } from '../support/test-app';

export { TENANT };
export const ROUND_ID = 'round-registration';
export const EVENT_ID = 'closing-day';

export const ROUND: Round = {
  id: ROUND_ID,
  name: { fi: 'Testikierros' },
  startsAt: '2025-01-01T00:00:00.000Z',
  endsAt: '2025-12-31T00:00:00.000Z',
};

/** The closing day at Kuntatalo on Tuesday 20.5.2025 at 9.00–16.00 Helsinki time. */
export function closingDay(overrides: Partial<ProgrammeEvent> = {}): ProgrammeEvent {
  return {
    roundId: ROUND_ID,
    id: EVENT_ID,
    type: 'closingDay',
    title: { fi: 'Päätöstilaisuus', sv: 'Avslutningsevenemang', en: 'Closing day' },
    description: undefined,
    startsAt: '2025-05-20T06:00:00.000Z',
    endsAt: '2025-05-20T13:00:00.000Z',
    place: { name: 'Kuntatalo', address: 'Toinen linja 14, 00530 Helsinki' },
    onlineUrl: undefined,
    audienceRoles: [],
    municipalityId: undefined,
    inPersonQuota: 4,
    preAssignment: undefined,
    organiser: 'Kuntaliitto',
    ...overrides,
  };
}

/** Person `index` of a municipality: `d4…` ids, Teams user id `29:reg-<index>`. */
export function person(
  index: number,
  municipalityId: string,
  overrides: Partial<Participant> = {},
): Participant {
  return {
    tenantId: TENANT,
    aadObjectId: `d4000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `Henkilö ${index}`,
    email: `henkilo.${index}@${municipalityId}.example.fi`,
    municipalityId,
    roles: ['developer'],
    language: undefined,
    teamsUserId: `29:reg-${index}`,
    isGuest: true,
    active: true,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export const COORDINATOR = {
  tenantId: TENANT,
  aadObjectId: 'd4000000-0000-4000-8000-999999999999',
  name: 'Koordinaattori',
};

export interface RegistrationApp {
  readonly app: App;
  readonly url: string;
  readonly registration: RegistrationFeature;
  readonly tablePrefix: string;
  stop(): Promise<void>;
}

/**
 * The real server (the production composition root) on Azurite. The reminders' and registration's
 * own timers are stopped: tests run `registration.tick()` themselves with a fake clock. The outbox
 * keeps sending, fast, to the connector emulator.
 */
export async function startRegistrationApp(options: {
  readonly clock: () => Date;
  readonly tablePrefix?: string;
  readonly env?: Record<string, string>;
  readonly registration?: AppOptions['registration'];
  readonly graphCredential?: TokenCredential;
}): Promise<RegistrationApp> {
  const tablePrefix = options.tablePrefix ?? uniquePrefix();
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    STORAGE_CONNECTION_STRING: testStorageConnectionString(),
    TABLE_PREFIX: tablePrefix,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...options.env,
  });
  const app = createApp(config, {
    clock: options.clock,
    logger: createLogger('silent'),
    tabDirectory: path.join(__dirname, '..', 'support', 'fixtures', 'tab'),
    delivery: { dispatcher: fastDispatcher() },
    reminders: { tickMs: 3_600_000 },
    registration: {
      tickMs: 3_600_000,
      ...(options.graphCredential ? { graphCredential: options.graphCredential } : {}),
      ...options.registration,
    },
  });
  const port = await app.listen();
  for (const name of ['reminders', 'registration']) {
    await app.features.find((feature) => feature.name === name)?.stop?.();
  }
  const registration = app.features.find((feature) => feature.name === 'registration') as
    RegistrationFeature | undefined;
  if (!registration) throw new Error('no registration feature');
  return { app, url: `http://127.0.0.1:${port}`, registration, tablePrefix, stop: () => app.close() };
}

/** The round, events, people, the coordinator and the team channel (pointing at the emulator). */
export async function seed(
  app: App,
  options: { events: readonly ProgrammeEvent[]; people: readonly Participant[]; serviceUrl?: string },
): Promise<void> {
  const { repositories } = app;
  await repositories.programme.saveRound(ROUND);
  for (const event of options.events) await repositories.programme.saveEvent(event);
  await Promise.all(options.people.map((participant) => repositories.participants.save(participant)));
  await repositories.coordinators.save({ ...COORDINATOR, organisation: 'Kuntaliitto' });
  for (const id of ['hameenlinna', 'kangasala', 'porvoo', 'kuopio']) {
    await repositories.municipalities.save({
      id,
      name:
        { hameenlinna: 'Hämeenlinna', kangasala: 'Kangasala', porvoo: 'Porvoo', kuopio: 'Kuopio' }[id] ?? id,
      ...(id === 'porvoo' ? { nameSv: 'Borgå' } : id === 'hameenlinna' ? { nameSv: 'Tavastehus' } : {}),
      population: 50000,
      region: 'Uusimaa',
      sizeClass: '50to100k',
    });
  }
  if (options.serviceUrl) {
    await repositories.installations.add(
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
  }
}

/** A tab sign-in token, issued at the real time (the validator checks expiry against it). */
export function tokenFor(running: RegistrationApp, who: TeamsIdentity & { name?: string }): Promise<string> {
  return devIdentityProviderFor(running.app.config).issueToken(
    { tenantId: who.tenantId, aadObjectId: who.aadObjectId, name: who.name ?? 'Testaaja' },
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
  running: { readonly url: string },
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${running.url}${path}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const json = (/json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined) as T;
  return { status: response.status, headers: response.headers, json, text };
}

/** An `Action.Execute` invoke as Teams sends it from the person's personal chat. */
export function execute(
  verb: string,
  data: unknown,
  who: Participant,
  serviceUrl: string,
  locale = 'fi-FI',
): Record<string, unknown> {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: who.teamsUserId, name: who.name, aadObjectId: who.aadObjectId },
    recipient: BOT,
    conversation: { tenantId: TENANT, id: `a:personal-${who.aadObjectId}`, conversationType: 'personal' },
    channelData: { tenant: { id: TENANT } },
    locale,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId: 'card-activity-1',
  };
}

export function message(text: string, who: Participant, serviceUrl: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: who.teamsUserId, name: who.name, aadObjectId: who.aadObjectId },
    recipient: BOT,
    conversation: { tenantId: TENANT, id: `a:personal-${who.aadObjectId}`, conversationType: 'personal' },
    channelData: { tenant: { id: TENANT } },
    locale: 'fi-FI',
    type: 'message',
    text,
    textFormat: 'plain',
  };
}

export interface InvokeAnswer {
  readonly httpStatus: number;
  readonly statusCode: number | undefined;
  readonly card: Record<string, unknown> | undefined;
  readonly message: string;
  readonly text: string;
}

export async function invoke(running: { readonly url: string }, activity: unknown): Promise<InvokeAnswer> {
  const response = await postJson(`${running.url}/api/messages`, activity);
  const body = response.json as { statusCode?: number; value?: unknown } | undefined;
  const value = body?.value as Record<string, unknown> | undefined;
  const card = value?.type === 'AdaptiveCard' ? value : undefined;
  return {
    httpStatus: response.status,
    statusCode: body?.statusCode,
    card,
    message: typeof value?.message === 'string' ? value.message : '',
    text: card ? cardText(card) : '',
  };
}

/** The texts a reader sees on a card (inputs' labels and values included). */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label']) {
      if (typeof record[key] === 'string') texts.push(record[key]);
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return texts.join('\n');
}

export interface CardButtonFound {
  readonly type: string;
  readonly title: string;
  readonly verb: string | undefined;
  readonly url: string | undefined;
  readonly data: Record<string, unknown> | undefined;
}

/** Every button of a card, including those inside an `Action.ShowCard`. */
export function buttonsOf(card: unknown): CardButtonFound[] {
  const found: CardButtonFound[] = [];
  const walk = (actions: unknown): void => {
    for (const action of (Array.isArray(actions) ? actions : []) as Record<string, unknown>[]) {
      found.push({
        type: String(action.type),
        title: String(action.title),
        verb: typeof action.verb === 'string' ? action.verb : undefined,
        url: typeof action.url === 'string' ? action.url : undefined,
        data: action.data as Record<string, unknown> | undefined,
      });
      const inner = action.card as { actions?: unknown } | undefined;
      if (inner) walk(inner.actions);
    }
  };
  walk((card as { actions?: unknown } | undefined)?.actions);
  return found;
}

export function cardOf(recorded: RecordedActivity | undefined): Record<string, unknown> {
  const content = recorded?.activity.attachments?.[0]?.content as Record<string, unknown> | undefined;
  if (!content) throw new Error('no card');
  return content;
}

/** The cards a person got in their personal chat, oldest first. */
export async function cardsFor(
  running: RegistrationApp,
  connector: BotConnectorEmulator,
  who: TeamsIdentity,
): Promise<Record<string, unknown>[]> {
  const chat = await new PersonalChatRepository(running.app.store).get(who);
  if (!chat) return [];
  return connector
    .activitiesFor(chat.conversationId)
    .filter((recorded) => recorded.activity.attachments?.length)
    .map(cardOf);
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A clock the test moves. */
export function movableClock(start: string): { (): Date; set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as { (): Date; set(iso: string): void; advance(ms: number): void };
  clock.set = (iso: string) => {
    now = new Date(iso).getTime();
  };
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

/** Registration opened the usual way: the coordinator's PUT through the tab API. */
export async function openRegistration(
  running: RegistrationApp,
  settings: Partial<{
    opensAt: string;
    closesAt: string;
    cancelDeadline: string | null;
    quota: number;
    capacity: number | null;
    offerHours: number;
    questions: {
      id: 'diet' | 'accessibility' | 'other';
      label: { fi: string; sv: string; en: string } | null;
    }[];
  }> = {},
  eventId = EVENT_ID,
): Promise<ApiAnswer> {
  const answer = await api(
    running,
    `/api/registration/events/${eventId}/settings`,
    await tokenFor(running, COORDINATOR),
    {
      method: 'PUT',
      body: {
        opensAt: '2025-03-01T09:00',
        closesAt: '2025-05-01T16:00',
        cancelDeadline: '2025-05-06T16:00',
        quota: 4,
        capacity: null,
        offerHours: 48,
        questions: [
          { id: 'diet', label: null },
          { id: 'accessibility', label: null },
        ],
        ...settings,
      },
    },
  );
  if (answer.status !== 201) throw new Error(`opening registration: ${answer.status} ${answer.text}`);
  return answer;
}
