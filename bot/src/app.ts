import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { ApiRouter } from './platform/api/api-router';
import { createAuthenticator } from './platform/api/authenticator';
import type { AppConfig, StorageSettings } from './platform/config/config';
import { coreFeature } from './people/people-feature';
import { dataRightsFeature } from './data-rights/data-rights-feature';
import { deliveryFeature, type DeliverySettings } from './delivery/delivery-feature';
import type { Feature, FeatureContext } from './platform/feature';
import { groupsFeature, type GroupsSettings } from './groups/groups-feature';
import { remindersFeature, type ReminderSettings } from './reminders/reminders-feature';
import { programmeFeature } from './programme/programme-feature';
import { pollsFeature } from './polls/polls-feature';
import { AppInstalledHandler } from './people/app-installed';
import { MembersChangedHandler } from './people/members-changed';
import { UnrecognisedMessageHandler } from './people/unrecognised-message';
import { createLogger, type Logger } from './platform/observability/logger';
import { DEFAULT_TAB_DIRECTORY, createServer } from './server';
import { systemClock, type Clock } from './platform/clock';
import { TaskSupervisor } from './platform/task-supervisor';
import { createRepositories, type Repositories } from './repositories';
import { ActivityLedger } from './platform/teams/activity-ledger';
import { AuditLog } from './platform/storage/audit-log';
import { TableStore } from './platform/storage/table-store';
import { WelcomeLedger } from './people/welcome-ledger';
import { ActivityRouter } from './platform/teams/activity-router';
import { createAdapter, type BotEndpointOverrides } from './platform/teams/adapter';
import { CardCommandBridge } from './platform/teams/middleware/card-command';
import { DEFAULT_FLOOD_LIMITS, FloodGuard } from './platform/teams/middleware/flood-guard';
import { RedeliveryGuard } from './platform/teams/middleware/redelivery-guard';
import { RosterSync } from './people/roster-sync';
import { TabLinks } from './shared/tab-links';
import { TeamsBot } from './platform/teams/teams-bot';
import { TurnPeople } from './platform/teams/turn-people';

export { createRepositories, type Repositories };

export interface App {
  readonly config: AppConfig;
  readonly server: Server;
  readonly store: TableStore;
  readonly repositories: Repositories;
  readonly tasks: TaskSupervisor;
  readonly logger: Logger;
  readonly features: readonly Feature[];
  readonly api: ApiRouter;
  /** Starts listening on the configured host and port and starts background work; resolves with the port. */
  listen(): Promise<number>;
  /** Stops taking requests, stops background work and lets in-flight work finish. */
  close(): Promise<void>;
}

export interface AppOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly tabDirectory?: string;
  readonly botEndpoints?: BotEndpointOverrides;
  /** Start schedulers on listen (default true); tests of one turn may leave them off. */
  readonly startBackgroundWork?: boolean;
  /** Outbox sender settings (tests scale the rate windows and lease times). */
  readonly delivery?: DeliverySettings;
  readonly reminders?: ReminderSettings;
  readonly groups?: GroupsSettings;
  /**
   * Features added after the built-in ones, for benchmarks (the floors of `bench:polls`) and tests
   * only; production wiring never passes any.
   */
  readonly extraFeatures?: readonly ((context: FeatureContext) => Feature)[];
}

export function createStore(settings: StorageSettings | undefined, prefix: string): TableStore {
  if (!settings) throw new Error('Storage settings are required');
  return new TableStore(settings, prefix);
}

/** The composition root: every object is built here and handed to what needs it. */
export function createApp(config: AppConfig, options: AppOptions = {}): App {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = createStore(config.storage, config.tablePrefix);
  const repositories = createRepositories(store, clock);
  const tasks = new TaskSupervisor(logger);
  const links = new TabLinks({
    mode: config.mode,
    publicUrl: config.publicUrl,
    teamsAppId: config.teamsAppId,
  });
  const botAppId = config.bot?.appId ?? '';
  const adapter = createAdapter(config.bot, logger, options.botEndpoints);
  const people = new TurnPeople(repositories.participants);
  const outbox = deliveryFeature(
    { config, clock, logger, store, repositories, adapter, botAppId },
    options.delivery,
  );

  const context: FeatureContext = {
    config,
    clock,
    logger,
    store,
    repositories,
    people,
    links,
    tasks,
    adapter,
    botAppId,
    delivery: outbox.delivery,
  };
  const features: Feature[] = [coreFeature(context), programmeFeature(context)];
  features.push(outbox, remindersFeature(context, options.reminders));
  features.push(groupsFeature(context, options.groups));
  features.push(pollsFeature(context));
  for (const extra of options.extraFeatures ?? []) features.push(extra(context));

  // Data rights come last: they gather every other feature's personal-data provider.
  const welcomes = new WelcomeLedger(store);
  const audit = new AuditLog(store);
  const dataRights = dataRightsFeature(context, features, audit, welcomes);
  features.push(dataRights);

  const roster = new RosterSync(adapter, botAppId, repositories.participants, clock, logger);
  const router = new ActivityRouter(
    new AppInstalledHandler(people, links, roster, tasks, welcomes, clock),
    new MembersChangedHandler(roster),
    new UnrecognisedMessageHandler(people),
    people,
    logger,
  );
  // Guards run before TeamsFx's middleware: a flood is cut first, then a redelivery is skipped.
  adapter.use(
    new FloodGuard(DEFAULT_FLOOD_LIMITS, Date.now, logger),
    new RedeliveryGuard(new ActivityLedger(store), clock, logger),
    new CardCommandBridge(),
  );
  const bot = new TeamsBot(
    adapter,
    botAppId,
    repositories.installations,
    features.flatMap((feature) => feature.commands ?? []),
    features.flatMap((feature) => feature.cardActions ?? []),
    router,
  );

  let api: ApiRouter | undefined;
  const server = createServer({
    config,
    logger,
    bot,
    storage: store,
    tabDirectory: options.tabDirectory ?? DEFAULT_TAB_DIRECTORY,
    routes: [
      (restifyServer) => {
        api = new ApiRouter(restifyServer, createAuthenticator(config, repositories), logger, audit);
        for (const feature of features) feature.registerApi?.(api);
      },
    ],
  });
  if (!api) throw new Error('The API router was not created');
  const apiRouter: ApiRouter = api;

  return {
    config,
    server,
    store,
    repositories,
    tasks,
    logger,
    features,
    api: apiRouter,
    listen: () =>
      new Promise<number>((resolve) => {
        server.listen(config.port, config.host, () => {
          const address: AddressInfo = server.address();
          if (options.startBackgroundWork !== false) for (const feature of features) feature.start?.();
          resolve(address.port);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      for (const feature of features) await feature.stop?.();
      await tasks.idle();
    },
  };
}
