import type { ConversationReference } from 'botbuilder';
import type { App } from '../../bot/src/app';
import type { Participant } from '../../bot/src/shared/participant';
import type { ProgrammeEvent, Round } from '../../bot/src/shared/programme-event';
import type { DispatcherOptions } from '../../bot/src/delivery/outbox-dispatcher';
import { scaleLimits, TEAMS_RATE_LIMITS, type RateLimits } from '../../bot/src/delivery/rate-limiter';
import type { DeliveryFeature } from '../../bot/src/delivery/delivery-feature';
import type { RemindersFeature } from '../../bot/src/reminders/reminders-feature';
import type { Repositories } from '../../bot/src/repositories';
import { BOT, TEAM_ID, TENANT } from '../support/activities';
import type { BotConnectorEmulatorOptions, RateLimit } from '../emulators/bot-connector-emulator';

export const ROUND_ID = 'round-test';

/** The published Teams limits run ten times faster: the same shape, a tenth of the wall time. */
export const FAST_LIMITS: RateLimits = scaleLimits(TEAMS_RATE_LIMITS, 0.1);

export function emulatorLimits(
  limits: RateLimits,
): Pick<BotConnectorEmulatorOptions, 'perConversationLimits' | 'perTenantLimits'> {
  const copy = (list: RateLimits['perTenant']): RateLimit[] => list.map((limit) => ({ ...limit }));
  return { perConversationLimits: copy(limits.perConversation), perTenantLimits: copy(limits.perTenant) };
}

/** Outbox settings for tests that are not about timing: short leases, quick retries. */
export function fastDispatcher(overrides: Partial<DispatcherOptions> = {}): Partial<DispatcherOptions> {
  return {
    limits: FAST_LIMITS,
    retry: { maxAttempts: 6, maxThrottledAttempts: 20, baseDelayMs: 20, maxDelayMs: 400 },
    leaseTtlMs: 3_000,
    staleClaimMs: 500,
    idlePollMs: 100,
    inlineRetryMaxMs: 5_000,
    concurrency: 16,
    ...overrides,
  };
}

export function deliveryOf(app: App): DeliveryFeature {
  const feature = app.features.find((candidate) => candidate.name === 'delivery');
  if (!feature) throw new Error('no delivery feature');
  return feature as DeliveryFeature;
}

export function remindersOf(app: App): RemindersFeature {
  const feature = app.features.find((candidate) => candidate.name === 'reminders');
  if (!feature) throw new Error('no reminders feature');
  return feature as RemindersFeature;
}

/** A mutable fake clock: `clock.set(...)` moves time for the app's domain decisions. */
export function fakeClock(start: string): { (): Date; set(iso: string): void } {
  let now = new Date(start);
  const clock = (() => new Date(now)) as { (): Date; set(iso: string): void };
  clock.set = (iso: string) => {
    now = new Date(iso);
  };
  return clock;
}

export function channelReference(serviceUrl: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    bot: BOT,
    user: { id: '29:installer', name: 'Installer' },
    conversation: { id: TEAM_ID, conversationType: 'channel', isGroup: true, tenantId: TENANT, name: '' },
  };
}

export function participant(index: number, overrides: Partial<Participant> = {}): Participant {
  return {
    tenantId: TENANT,
    aadObjectId: `c3000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `Osallistuja ${index}`,
    email: undefined,
    municipalityId: 'hameenlinna',
    roles: ['developer'],
    language: index % 3 === 1 ? 'sv' : index % 3 === 2 ? 'en' : undefined,
    teamsUserId: `29:person-${index}`,
    isGuest: true,
    active: true,
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function workshop(
  id: string,
  startsAt: string,
  endsAt: string,
  overrides: Partial<ProgrammeEvent> = {},
): ProgrammeEvent {
  return {
    roundId: ROUND_ID,
    id,
    type: 'developmentWorkshop',
    title: { fi: `Kehittämispaja ${id}`, sv: `Utvecklingsverkstad ${id}`, en: `Development workshop ${id}` },
    description: undefined,
    startsAt,
    endsAt,
    place: undefined,
    onlineUrl: `https://teams.microsoft.com/l/meetup-join/${id}`,
    audienceRoles: ['developer'],
    municipalityId: undefined,
    inPersonQuota: undefined,
    preAssignment: {
      text: {
        fi: 'Kirjaa kolme haastetta.',
        sv: 'Skriv ner tre utmaningar.',
        en: 'Write down three challenges.',
      },
      url: 'https://www.kuntaliitto.fi/digitalisaatio',
      dueAt: undefined,
    },
    organiser: 'Kuntaliitto',
    ...overrides,
  };
}

export const TEST_ROUND: Round = {
  id: ROUND_ID,
  name: { fi: 'Testikierros' },
  startsAt: '2024-01-01T00:00:00.000Z',
  endsAt: '2026-12-31T00:00:00.000Z',
};

/** A round, events, participants and the team channel installation pointing at the emulator. */
export async function seedNetwork(
  repositories: Repositories,
  serviceUrl: string,
  events: readonly ProgrammeEvent[],
  people: readonly Participant[],
): Promise<void> {
  await repositories.programme.saveRound(TEST_ROUND);
  for (const event of events) await repositories.programme.saveEvent(event);
  await Promise.all(people.map((person) => repositories.participants.save(person)));
  await repositories.installations.add(`_${TENANT}_${TEAM_ID}`, channelReference(serviceUrl), {
    overwrite: true,
  });
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
