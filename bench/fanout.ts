/**
 * Fan-out benchmark: one reminder to 10,000 people through the outbox, the real Teams limits and
 * a loopback Bot Connector that answers 5 % of requests with 429 or 503.
 *
 *   npx tsx bench/fanout.ts [--recipients 10000] [--fault-rate 0.05] [--seed 42] [--personal-cards 1]
 *
 * With `--personal-cards 1` every recipient gets a reminder card of their own, as the app sends
 * them (the real card with a calendar link signed for the reader), so the outbox holds one body
 * per person instead of one shared text: the figures then include the rendering and signing.
 *
 * It starts its own Azurite and emulator. The recipients' personal chats are known beforehand (as
 * after their first message), so every request is a message and the ceiling is the per-tenant
 * limit: 50 requests a second. Prints wall time, the achieved rate as a share of that ceiling, the
 * highest per-conversation rate the emulator saw, duplicates, lost messages and peak memory.
 */
import type { TransactionAction } from '@azure/data-tables';
import { startAzurite } from '../scripts/lib/azurite';
import { AdapterConnectorGateway } from '../bot/src/delivery/connector-sender';
import { LeaseRepository } from '../bot/src/delivery/lease-repository';
import { OutboxDelivery } from '../bot/src/delivery/outbox-delivery';
import { NetworkTeam } from '../bot/src/delivery/network-team';
import { OutboxDispatcher } from '../bot/src/delivery/outbox-dispatcher';
import { OutboxRepository } from '../bot/src/delivery/outbox-repository';
import { PersonalChatRepository } from '../bot/src/delivery/personal-chat-repository';
import { TEAMS_RATE_LIMITS } from '../bot/src/delivery/rate-limiter';
import { createLogger } from '../bot/src/platform/observability/logger';
import type { OutgoingMessage } from '../bot/src/platform/delivery';
import { createRepositories } from '../bot/src/repositories';
import { escapeKey } from '../bot/src/platform/storage/keys';
import { TableStore } from '../bot/src/platform/storage/table-store';
import { createTeamsPlatform } from '../bot/src/platform/teams';
import { BotConnectorEmulator } from '../tests/emulators/bot-connector-emulator';
import { JwtPersonalLinkSigner } from '../bot/src/platform/links/personal-link';
import { eventCalendarLink } from '../bot/src/programme';
import { reminderActivity } from '../bot/src/reminders/reminder-card';
import type { ProgrammeEvent } from '../bot/src/shared/programme-event';

const TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

async function main(): Promise<void> {
  const recipients = argument('recipients', 10_000);
  const faultRate = argument('fault-rate', 0.05);
  const seed = argument('seed', 42);
  const personalCards = argument('personal-cards', 0) === 1;
  const ceiling = TEAMS_RATE_LIMITS.perTenant[0]?.maxRequests ?? 50;

  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 200);

  const azurite = await startAzurite();
  const emulator = new BotConnectorEmulator({ defaultTenantId: TENANT });
  await emulator.start();
  const logger = createLogger('warn');
  try {
    const store = new TableStore(
      { kind: 'connectionString', connectionString: azurite.connectionString },
      'bench',
    );
    const repositories = createRepositories(store, () => new Date());
    const serviceUrl = emulator.serviceUrl;

    process.stdout.write(`Seeding ${recipients} personal chats…\n`);
    const chats = await store.table('personalchats');
    const identities = Array.from({ length: recipients }, (_, index) => ({
      tenantId: TENANT,
      aadObjectId: `d4000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    }));
    for (let start = 0; start < identities.length; start += 100) {
      const actions: TransactionAction[] = identities.slice(start, start + 100).map((identity, offset) => [
        'upsert',
        {
          partitionKey: escapeKey(TENANT),
          rowKey: escapeKey(identity.aadObjectId),
          conversationId: `a:1bench-${start + offset + 1}`,
          serviceUrl,
          createdAt: new Date().toISOString(),
        },
        'Replace',
      ]);
      await chats.submitTransaction(actions);
    }

    const outbox = new OutboxRepository(store);
    const personalChats = new PersonalChatRepository(store);
    const teams = createTeamsPlatform({ bot: undefined, logger, store, clock: () => new Date() });
    const gateway = new AdapterConnectorGateway(
      teams.connector,
      repositories.installations,
      async (identity) => (await repositories.participants.get(identity))?.value.teamsUserId,
      personalChats,
    );
    const dispatcher = new OutboxDispatcher(
      outbox,
      new LeaseRepository(store),
      gateway,
      () => new Date(),
      logger,
      {
        instanceId: 'bench',
        limits: TEAMS_RATE_LIMITS,
      },
    );
    const delivery = new OutboxDelivery(
      outbox,
      new NetworkTeam(repositories.installations, () => Promise.resolve(undefined)),
      () => new Date(),
      logger,
      () => undefined,
      personalChats,
    );

    const activity = {
      type: 'message',
      text: 'Muistutus: Kehittämispaja 2 alkaa huomenna klo 9.00.',
    } as const;
    const renderStarted = performance.now();
    const messages: OutgoingMessage[] = personalCards
      ? await personalReminders(store, identities)
      : identities.map((identity) => ({ target: { kind: 'person', identity }, activity }));
    const renderSeconds = (performance.now() - renderStarted) / 1000;
    const enqueueStarted = performance.now();
    const enqueued = await delivery.enqueue({
      deliveryId: 'reminder:bench:P1D',
      purpose: 'reminder',
      messages,
    });
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
    process.stdout.write(
      `Enqueued ${enqueued.accepted} messages in ${enqueueSeconds.toFixed(1)} s; sending with ${(faultRate * 100).toFixed(1)} % injected 429/503…\n`,
    );

    emulator.injectFaults({ rate: faultRate, kinds: ['429', '503'], seed });
    const started = performance.now();
    const progress = setInterval(
      () => {
        const seconds = (performance.now() - started) / 1000;
        const done = emulator.stats.acceptedActivities;
        process.stdout.write(
          `  ${seconds.toFixed(0).padStart(4)} s  ${String(done).padStart(6)} / ${recipients}  ${(done / seconds).toFixed(1)} msg/s\n`,
        );
      },
      Number(process.env.BENCH_PROGRESS_MS ?? 10_000),
    );
    await dispatcher.runUntilIdle(3_600_000);
    const wallSeconds = (performance.now() - started) / 1000;
    const startedAt = Date.now() - wallSeconds * 1000;
    clearInterval(progress);
    await dispatcher.stop();

    const stats = emulator.stats;
    const keys = new Set(emulator.allActivities().map((recorded) => recorded.idempotencyKey));
    const status = await delivery.status('reminder:bench:P1D');
    const lost = recipients - keys.size;
    const lastDelivered = Math.max(...emulator.allActivities().map((recorded) => recorded.receivedAt));
    const deliverySeconds = (lastDelivered - startedAt) / 1000;
    const rate = stats.acceptedActivities / wallSeconds;
    const figures = {
      recipients,
      wallSeconds: Number(wallSeconds.toFixed(1)),
      lastMessageAtSeconds: Number(deliverySeconds.toFixed(1)),
      senderPasses: dispatcher.stats.passes,
      retries: dispatcher.stats.retries,
      messagesPerSecond: Number(rate.toFixed(2)),
      ratioOfCeiling: Number((rate / ceiling).toFixed(3)),
      requestsPerSecond: Number((stats.requests / wallSeconds).toFixed(2)),
      highestPerConversationPerSecond: stats.maxPerConversationPerSecond,
      highestPerTenantPerSecond: stats.maxPerTenantPerSecond,
      limitRejections: stats.limitRejections,
      injectedFaults: stats.injectedFaultsByKind,
      duplicates: stats.duplicates,
      lost,
      outbox: status.counts,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      peakHeapMb: Math.round(peakHeap / 1024 / 1024),
      personalCards,
      renderSeconds: Number(renderSeconds.toFixed(2)),
      enqueueSeconds: Number(enqueueSeconds.toFixed(1)),
    };
    process.stdout.write(`\n${JSON.stringify(figures, null, 2)}\n`);
    const ok =
      figures.ratioOfCeiling >= 0.95 && lost === 0 && stats.duplicates === 0 && figures.peakRssMb < 300;
    process.stdout.write(
      ok
        ? 'Target met: ≥ 0.95 of the ceiling, nothing lost, no duplicates, under 300 MB.\n'
        : 'Target NOT met.\n',
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    clearInterval(sampler);
    await emulator.stop();
    await azurite.stop();
  }
}

/** A reminder card per reader, each with the calendar link signed for them (what the app sends). */
async function personalReminders(
  store: TableStore,
  identities: readonly { tenantId: string; aadObjectId: string }[],
): Promise<OutgoingMessage[]> {
  const signer = new JwtPersonalLinkSigner(store);
  const links = { signer, publicUrl: 'https://digiverkosto.example.fi' };
  const event: ProgrammeEvent = {
    roundId: 'bench-round',
    id: 'workshop-2',
    type: 'developmentWorkshop',
    title: { fi: 'Kehittämispaja 2', sv: 'Utvecklingsverkstad 2', en: 'Development workshop 2' },
    description: undefined,
    startsAt: '2027-02-10T07:00:00.000Z',
    endsAt: '2027-02-10T10:00:00.000Z',
    place: undefined,
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/bench-workshop-2',
    audienceRoles: ['developer'],
    municipalityId: undefined,
    inPersonQuota: undefined,
    preAssignment: undefined,
    organiser: 'Kuntaliitto',
  };
  const now = new Date('2027-02-09T07:00:00.000Z');
  const messages: OutgoingMessage[] = [];
  for (const identity of identities) {
    const url = await eventCalendarLink(links, event, identity, 'fi');
    messages.push({
      target: { kind: 'person', identity },
      activity: reminderActivity(event, 'fi', { now, calendar: { url } }),
    });
  }
  return messages;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
