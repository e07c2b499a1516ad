import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { seedDemoPeerGroups } from './demo/seed-peer-groups';
import { DEMO_ROUND_ID, DEMO_TENANT_ID } from './demo/demo-network';
import { dataRightsFeature } from './data-rights';
import { deliveryFeature, recipientKey, type DeliverySettings } from './delivery';
import { groupsFeature, type GroupsSettings } from './groups';
import { peopleFeature, WelcomeLedger } from './people';
import { pollsFeature } from './polls';
import { programmeFeature } from './programme';
import { remindersFeature, type ReminderSettings, type RemindersFeature } from './reminders';
import { surveyFeature, type SurveySettings } from './survey';
import { seedDemoSurveys } from './demo/demo-survey';
import { seedDemoRoadmaps } from './demo/demo-roadmap';
import { roadmapFeature, type RoadmapSettings } from './roadmap';
import { registrationFeature, type RegistrationFeatureSettings } from './registration';
import { seedDemoRegistration } from './demo/seed-registration';
import { ApiRouter } from './platform/api/api-router';
import { createAuthenticator } from './platform/api/authenticator';
import { systemClock, type Clock } from './platform/clock';
import type { AppConfig, StorageSettings } from './platform/config/config';
import type { Feature, FeatureContext } from './platform/feature';
import { routeLibraryOutputToLogger } from './platform/observability/console-bridge';
import { createLogger, type Logger } from './platform/observability/logger';
import { AuditLog } from './platform/storage/audit-log';
import { JwtPersonalLinkSigner } from './platform/links/personal-link';
import { TableStore } from './platform/storage/table-store';
import { TaskSupervisor } from './platform/task-supervisor';
import {
  createTeamsPlatform,
  type BotEndpointOverrides,
  type ParticipantDirectory,
  type PrivateReplies,
} from './platform/teams';
import { createRepositories, type Repositories } from './repositories';
import { DEFAULT_TAB_DIRECTORY, createServer } from './server';
import { municipalityName } from './shared/municipality';
import { TabLinks } from './shared/tab-links';

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
  readonly survey?: SurveySettings;
  readonly roadmap?: RoadmapSettings;
  readonly registration?: RegistrationFeatureSettings;
}

export function createStore(settings: StorageSettings | undefined, prefix: string): TableStore {
  if (!settings) throw new Error('Storage settings are required');
  return new TableStore(settings, prefix);
}

/** The composition root: every object is built here and handed to what needs it. */
export function createApp(config: AppConfig, options: AppOptions = {}): App {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  // Production logs are JSON lines only: what libraries print goes through the logger, from before
  // the first of them is built until close() (tests and `npm start` keep the console as it is).
  const restoreOutput = config.mode === 'production' ? routeLibraryOutputToLogger(logger) : undefined;
  const store = createStore(config.storage, config.tablePrefix);
  const repositories = createRepositories(store, clock);
  const tasks = new TaskSupervisor(logger);
  const links = new TabLinks({
    mode: config.mode,
    publicUrl: config.publicUrl,
    teamsAppId: config.teamsAppId,
  });
  const teams = createTeamsPlatform({
    bot: config.bot,
    logger,
    store,
    clock,
    ...(options.botEndpoints ? { endpoints: options.botEndpoints } : {}),
  });
  const { participants, coordinators, municipalities, programme, installations } = repositories;
  const outbox = deliveryFeature(
    { store, clock, logger },
    {
      connector: teams.connector,
      installations,
      teamsUserIdOf: async (identity) => (await participants.get(identity))?.value.teamsUserId,
      recipients: {
        describe: async (identities, language) => {
          const names = new Map<string, { name: string; municipalityName: string | null }>();
          if (identities.length === 0) return names;
          const [everyone, places] = await Promise.all([participants.listAll(), municipalities.list()]);
          const byId = new Map(places.map((place) => [place.id, place]));
          const wanted = new Set(identities.map(recipientKey));
          for (const participant of everyone) {
            const key = recipientKey(participant);
            if (!wanted.has(key)) continue;
            const municipality = participant.municipalityId
              ? byId.get(participant.municipalityId)
              : undefined;
            names.set(key, {
              name: participant.name,
              municipalityName: municipality ? municipalityName(municipality, language) : null,
            });
          }
          return names;
        },
      },
      chosenTeam: (roundId) => programme.roundTeam(roundId, clock()),
      configuredTeamId: config.networkTeamId,
      rounds: programme,
    },
    options.delivery,
  );
  const context: FeatureContext = {
    config,
    clock,
    logger,
    store,
    links,
    tasks,
    delivery: outbox.delivery,
    personalLinks: new JwtPersonalLinkSigner(store),
  };

  const welcomes = new WelcomeLedger(store);
  const audit = new AuditLog(store);
  const groups = groupsFeature(context, { programme, participants, municipalities }, options.groups);
  // Registration and reminders talk through these functions only, so neither imports the other:
  // the reminders ask who is confirmed and report "I can't attend"; registration asks who said so.
  const registration = registrationFeature(
    context,
    {
      programme,
      participants,
      municipalities,
      audit,
      // Called only once the app runs, after `reminders` below exists.
      absentees: (event) => reminders.absences.listForEvent(event.roundId, event.id),
    },
    options.registration,
  );
  const reminders: RemindersFeature = remindersFeature(
    context,
    {
      programme,
      participants,
      groupMembers: (event) => groups.groupMembers(event),
      registeredAudience: (event) => registration.confirmedAudience(event),
      onCannotAttend: (event, who, language) => registration.cannotAttend(event, who, language),
      cardButtons: (event, language) => registration.reminderButtons(event, language),
    },
    options.reminders,
  );
  const features: Feature[] = [
    peopleFeature(context, { participants, coordinators, municipalities, welcomes, roster: teams.roster }),
    programmeFeature(context, { programme, participants, coordinators, municipalities }),
    outbox,
    reminders,
    groups,
    pollsFeature(context, { wishPolls: repositories.wishPolls, participants, coordinators, municipalities }),
    registration,
    ...(options.extraFeatures ?? []).map((extra) => extra(context)),
  ];
  const survey = surveyFeature(
    context,
    { participants, coordinators, municipalities, rounds: () => programme.listRounds() },
    options.survey,
  );
  features.push(survey);
  // The roadmap builds on the survey: each municipality's baseline comes from its survey.
  const roadmap = roadmapFeature(
    context,
    { baselines: survey.baselines, participants, municipalities, rounds: () => programme.listRounds() },
    options.roadmap,
  );
  features.push(roadmap);
  // Data rights come last: they gather every other feature's personal-data provider.
  features.push(
    dataRightsFeature(context, {
      features: [...features],
      audit,
      welcomes,
      participants,
      coordinators,
      municipalities,
      programme,
      installations,
    }),
  );

  const directory: ParticipantDirectory = { find: (identity) => participants.recent(identity) };
  const privateReplies: PrivateReplies = {
    // The outbox reaches a person in a chat the bot already has, or opens one with their Teams
    // user id from the roster; without either, nothing would ever arrive.
    send: async ({ replyId, identity, activities }) => {
      const reachable =
        (await participants.get(identity))?.value.teamsUserId !== undefined ||
        (await installations.personalChat(identity.tenantId, identity.aadObjectId)) !== undefined;
      if (!reachable) return false;
      const key = createHash('sha256').update(replyId).digest('hex').slice(0, 32);
      // One delivery per message: the outbox keeps one message per target of a delivery.
      for (const [index, activity] of activities.entries()) {
        await outbox.delivery.enqueue({
          deliveryId: `private:${key}:${index}`,
          purpose: 'privateReply',
          messages: [{ target: { kind: 'person', identity }, activity }],
        });
      }
      return true;
    },
  };
  const bot = teams.createBot({
    commands: features.flatMap((feature) => feature.commands ?? []),
    cardActions: features.flatMap((feature) => feature.cardActions ?? []),
    events: features.flatMap((feature) => (feature.events ? [feature.events] : [])),
    directory,
    installations,
    privateReplies,
  });

  let api: ApiRouter | undefined;
  const server = createServer({
    config,
    logger,
    bot,
    storage: store,
    tabDirectory: options.tabDirectory ?? DEFAULT_TAB_DIRECTORY,
    routes: [
      (restifyServer) => {
        const authenticator = createAuthenticator(config, repositories, { localTenantIds: [DEMO_TENANT_ID] });
        api = new ApiRouter(restifyServer, authenticator, logger, audit);
        for (const feature of features) feature.registerApi?.(api);
      },
    ],
  });
  if (!api) throw new Error('The API router was not created');
  const apiRouter: ApiRouter = api;

  const startBackgroundWork = (): void => {
    for (const feature of features) feature.start?.();
    if (config.seedDemo && config.mode === 'local') {
      tasks.run('seed demo peer groups', async () => {
        await seedDemoPeerGroups(groups.groups, groups.invitations, clock(), logger);
      });
      tasks.run('seed demo surveys and roadmaps', async () => {
        const roundIds = async () => (await programme.listRounds()).map((round) => round.id);
        await seedDemoSurveys(survey.service, roundIds, clock(), logger);
        // After the surveys: the roadmaps take their baselines from them.
        if ((await roundIds()).includes(DEMO_ROUND_ID)) {
          await seedDemoRoadmaps(roadmap, () => participants.listAll(), clock(), logger);
        }
      });
      tasks.run('seed demo registration', async () => {
        await seedDemoRegistration(registration, repositories, clock(), logger);
      });
    }
  };

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
          if (options.startBackgroundWork !== false) startBackgroundWork();
          resolve(address.port);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      for (const feature of features) await feature.stop?.();
      await tasks.idle();
      restoreOutput?.();
    },
  };
}
