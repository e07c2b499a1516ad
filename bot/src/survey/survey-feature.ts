import type { Feature, FeatureContext, PersonalDataProvider } from '../platform/feature';
import { PeriodicJob } from '../platform/periodic-job';
import type { TurnPerson } from '../platform/teams';
import type { Language } from '../shared/i18n/language';
import type { Municipality } from '../shared/municipality';
import type { Coordinator, Participant, TeamsIdentity } from '../shared/participant';
import type { Round } from '../shared/programme-event';
import { registerPublicRoutes, type PublicPageSettings } from './public-routes';
import { SurveyNotifications, type NotificationSettings } from './survey-notifications';
import { SurveyReportService } from './survey-report';
import { SurveyRepository } from './survey-repository';
import {
  SurveyReporting,
  type PeopleDirectory,
  type ResultsOptions,
  type SurveyBaselines,
} from './survey-results';
import { currentRound, registerSurveyRoutes } from './survey-routes';
import { SurveyService, type SurveyServiceOptions } from './survey-service';
import { SurveyTeams } from './survey-teams';

/** What the survey needs of other features, passed in by the composition root. */
export interface SurveyDeps {
  readonly participants: {
    get(identity: TeamsIdentity): Promise<{ readonly value: Participant } | undefined>;
    listAll(): Promise<Participant[]>;
  };
  readonly coordinators: { get(identity: TeamsIdentity): Promise<Coordinator | undefined> };
  readonly municipalities: { list(): Promise<Municipality[]> };
  readonly rounds: () => Promise<Round[]>;
}

export interface SurveySettings {
  readonly publicPage?: PublicPageSettings;
  readonly service?: SurveyServiceOptions;
  readonly results?: ResultsOptions;
  readonly notifications?: NotificationSettings;
  /** How often answered surveys are rolled up into their summary rows (default 10 s). */
  readonly rollUpIntervalMs?: number;
  /** How often opening and reminder cards are looked for (default one minute). */
  readonly noticeIntervalMs?: number;
}

/** How long people and municipalities are reused from memory by the survey's views. */
const DIRECTORY_CACHE_MS = 30_000;

/**
 * The staff digitalisation survey: a versioned questionnaire; per municipality a public anonymous
 * answer page (and a Teams card for network participants); aggregates kept as answers arrive;
 * results against the network with small groups suppressed; a report as PDF and DOCX; CSV of the
 * aggregates; and the baseline the digital roadmap builds on.
 */
export function surveyFeature(
  context: FeatureContext,
  deps: SurveyDeps,
  settings: SurveySettings = {},
): Feature & {
  readonly service: SurveyService;
  readonly reporting: SurveyReporting;
  /** The roadmap's view of the survey: each municipality's baseline. */
  readonly baselines: SurveyBaselines;
  readonly notifications: SurveyNotifications;
  readonly repository: SurveyRepository;
} {
  const { clock, logger, config } = context;
  const repository = new SurveyRepository(context.store);
  const municipalities = cached(DIRECTORY_CACHE_MS, () => deps.municipalities.list());
  const everyone = cached(DIRECTORY_CACHE_MS, () => deps.participants.listAll());
  const people: PeopleDirectory = {
    participant: async (identity) => (await deps.participants.get(identity))?.value,
    all: everyone,
    municipalities,
  };
  const service = new SurveyService(
    repository,
    { list: municipalities },
    clock,
    logger.child({ component: 'survey' }),
    settings.service,
  );
  const reporting = new SurveyReporting(
    service,
    repository,
    people,
    config.publicUrl,
    clock,
    settings.results,
  );
  const reports = new SurveyReportService(reporting, clock);
  const municipalityName = async (municipalityId: string, language: Language): Promise<string> => {
    const municipality = (await municipalities()).find((m) => m.id === municipalityId);
    if (!municipality) return municipalityId;
    return language === 'sv' && municipality.nameSv ? municipality.nameSv : municipality.name;
  };
  const currentRoundId = async (): Promise<string | undefined> =>
    currentRound(await deps.rounds(), clock())?.id;
  const teams = new SurveyTeams({
    service,
    reporting,
    links: context.links,
    publicUrl: config.publicUrl,
    clock,
    municipalityName,
    currentRoundId,
    isCoordinator: async (person: TurnPerson) =>
      person.identity !== undefined && (await deps.coordinators.get(person.identity)) !== undefined,
  });
  const notifications = new SurveyNotifications(
    {
      service,
      repository,
      reporting,
      teams,
      people,
      delivery: context.delivery,
      clock,
      logger: logger.child({ component: 'survey-notices' }),
    },
    settings.notifications,
  );
  const rollUp = new PeriodicJob({
    name: 'survey roll-up',
    intervalMs: settings.rollUpIntervalMs ?? 10_000,
    logger,
    run: async () => {
      await service.rollUp();
    },
  });
  // Repairs summaries another instance left behind (it stopped between an answer and its roll-up).
  const reconcile = new PeriodicJob({
    name: 'survey reconcile',
    intervalMs: 5 * 60_000,
    firstRunAfterMs: 5_000,
    logger,
    run: async () => {
      await service.rollUp({ all: true });
    },
  });
  const notices = new PeriodicJob({
    name: 'survey notices',
    intervalMs: settings.noticeIntervalMs ?? 60_000,
    firstRunAfterMs: 10_000,
    logger,
    run: async () => {
      await notifications.runOnce();
    },
  });

  let publicRoutes: { stop(): void } | undefined;

  return {
    name: 'survey',
    service,
    reporting,
    baselines: reporting,
    notifications,
    repository,
    commands: [teams.command()],
    cardActions: teams.cardActions(),
    registerApi: (router) => {
      publicRoutes = registerPublicRoutes(router, {
        service,
        municipalityName,
        publicUrl: config.publicUrl,
        clock,
        logger,
        settings: { trustForwardedFor: config.mode === 'production', ...settings.publicPage },
      });
      registerSurveyRoutes(router, { service, reporting, reports, people, rounds: deps.rounds, clock });
    },
    personalData: personalDataOf(service, repository),
    start: () => {
      rollUp.start();
      reconcile.start();
      notices.start();
      context.tasks.run('survey instrument', () => service.ensureInstrument());
    },
    stop: async () => {
      publicRoutes?.stop();
      await Promise.all([notices.stop(), reconcile.stop(), rollUp.stop()]);
      // Whatever was answered since the last pass is rolled up before the process ends; if storage
      // is down, the reconcile pass of the next process repairs the summaries.
      try {
        await service.rollUp();
      } catch (error) {
        logger.warn('survey roll-up at shutdown failed', { error });
      }
    },
  };
}

/**
 * The survey's answers name no one. What names or points to a person: being a survey's named
 * contact, and the Teams ledger's keyed hash that says a participant answered (so they cannot
 * answer twice). Comments are free text that may name people, so they go when a round's
 * retention ends, with the contacts and the ledger; the anonymous answers and aggregates stay.
 */
function personalDataOf(service: SurveyService, repository: SurveyRepository): PersonalDataProvider {
  const same = (a: TeamsIdentity, b: TeamsIdentity): boolean =>
    a.tenantId === b.tenantId && a.aadObjectId === b.aadObjectId;
  return {
    async export(identity) {
      const contactOf: { surveyId: string; municipalityId: string; roundId: string }[] = [];
      const answeredInTeams: { surveyId: string; municipalityId: string; note: string }[] = [];
      for (const survey of await service.list()) {
        if ((await repository.contacts(survey.id)).some((contact) => same(contact, identity))) {
          contactOf.push({
            surveyId: survey.id,
            municipalityId: survey.municipalityId,
            roundId: survey.roundId,
          });
        }
        if (await service.hasAnsweredInTeams(survey.id, identity)) {
          answeredInTeams.push({
            surveyId: survey.id,
            municipalityId: survey.municipalityId,
            note: 'Only a keyed hash that you answered is kept; your answers are anonymous and cannot be linked to you.',
          });
        }
      }
      return { surveyContactOf: contactOf, surveyAnsweredInTeams: answeredInTeams };
    },
    async erase(identity) {
      for (const survey of await service.list()) {
        await repository.removeContact(survey.id, identity);
        await service.forgetTeamsAnswer(survey.id, identity);
      }
    },
    async purgeRounds(roundIds) {
      const rounds = new Set(roundIds);
      for (const survey of await service.list()) {
        if (!rounds.has(survey.roundId)) continue;
        await repository.setContacts(survey.id, []);
        await repository.deleteLedger(survey.id);
        await repository.deleteComments(survey.id);
      }
    },
  };
}

function cached<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let value: { data: Promise<T>; until: number } | undefined;
  return () => {
    if (value && value.until > Date.now()) return value.data;
    const data = load();
    value = { data, until: Date.now() + ttlMs };
    data.catch(() => {
      value = undefined;
    });
    return data;
  };
}
