import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { AppConfig, StorageSettings } from './config/config';
import { AppInstalledHandler } from './handlers/app-installed';
import { HelpCommand } from './handlers/help-command';
import { LanguageCommand } from './handlers/language-command';
import { MembersChangedHandler } from './handlers/members-changed';
import { ScheduleCommand } from './handlers/schedule-command';
import { SetLanguageAction } from './handlers/set-language-action';
import { UnrecognisedMessageHandler } from './handlers/unrecognised-message';
import { createLogger, type Logger } from './observability/logger';
import { DEFAULT_TAB_DIRECTORY, createServer } from './server';
import { systemClock, type Clock } from './services/clock';
import { LanguageService } from './services/language-service';
import { ProgrammeService } from './services/programme-service';
import { TaskSupervisor } from './services/task-supervisor';
import { CoordinatorRepository } from './storage/coordinator-repository';
import { InstallationRepository } from './storage/installation-repository';
import { MunicipalityRepository } from './storage/municipality-repository';
import { ParticipantRepository } from './storage/participant-repository';
import { ProgrammeRepository } from './storage/programme-repository';
import { TableStore } from './storage/table-store';
import { ActivityRouter } from './teams/activity-router';
import { createAdapter, type BotEndpointOverrides } from './teams/adapter';
import { toTeamsFxHandler } from './teams/card-action';
import { RosterSync } from './teams/roster-sync';
import { TabLinks } from './teams/tab-links';
import { TeamsBot } from './teams/teams-bot';
import { TurnPeople } from './teams/turn-people';

export interface Repositories {
  readonly municipalities: MunicipalityRepository;
  readonly participants: ParticipantRepository;
  readonly coordinators: CoordinatorRepository;
  readonly programme: ProgrammeRepository;
  readonly installations: InstallationRepository;
}

export interface App {
  readonly config: AppConfig;
  readonly server: Server;
  readonly store: TableStore;
  readonly repositories: Repositories;
  readonly tasks: TaskSupervisor;
  readonly logger: Logger;
  /** Starts listening on the configured host and port; resolves with the bound port. */
  listen(): Promise<number>;
  /** Stops taking requests, lets background work finish, then closes. */
  close(): Promise<void>;
}

export interface AppOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly tabDirectory?: string;
  readonly botEndpoints?: BotEndpointOverrides;
}

export function createRepositories(store: TableStore, clock: Clock): Repositories {
  return {
    municipalities: new MunicipalityRepository(store),
    participants: new ParticipantRepository(store),
    coordinators: new CoordinatorRepository(store),
    programme: new ProgrammeRepository(store),
    installations: new InstallationRepository(store, clock),
  };
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
  const programme = new ProgrammeService(repositories.programme, clock);
  const languages = new LanguageService(repositories.participants, clock);
  const roster = new RosterSync(adapter, botAppId, repositories.participants, clock, logger);

  const commands = [
    new HelpCommand(people, links),
    new ScheduleCommand(people, programme, links),
    new LanguageCommand(people, languages),
  ];
  const cardActions = [toTeamsFxHandler(new SetLanguageAction(people, languages), people, logger)];
  const router = new ActivityRouter(
    new AppInstalledHandler(people, links, roster, tasks),
    new MembersChangedHandler(roster),
    new UnrecognisedMessageHandler(people),
    people,
    logger,
  );
  const bot = new TeamsBot(adapter, botAppId, repositories.installations, commands, cardActions, router);

  const server = createServer({
    config,
    logger,
    bot,
    storage: store,
    tabDirectory: options.tabDirectory ?? DEFAULT_TAB_DIRECTORY,
  });

  return {
    config,
    server,
    store,
    repositories,
    tasks,
    logger,
    listen: () =>
      new Promise<number>((resolve) => {
        server.listen(config.port, config.host, () => {
          const address: AddressInfo = server.address();
          resolve(address.port);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await tasks.idle();
    },
  };
}
