import type { Feature, FeatureContext } from '../platform/feature';
import { PeriodicJob } from '../platform/periodic-job';
import type { Language } from '../shared/i18n/language';
import type { Municipality } from '../shared/municipality';
import type { Participant, TeamsIdentity } from '../shared/participant';
import type { Round } from '../shared/programme-event';
import type { SurveyBaselines } from '../survey';
import { RoadmapDocuments } from './roadmap-document';
import { RoadmapFollowUp, type FollowUpSettings } from './roadmap-follow-up';
import { roadmapPersonalData } from './roadmap-personal-data';
import { RoadmapRepository } from './roadmap-repository';
import { currentRound, registerRoadmapRoutes } from './roadmap-routes';
import { RoadmapService, type RoadmapPeople } from './roadmap-service';
import { RoadmapTeams } from './roadmap-teams';
import { municipalityName } from './roadmap-views';

/** What the roadmap needs of other features, passed in by the composition root. */
export interface RoadmapDeps {
  /** The staff survey's baseline per municipality (the survey feature's `baselines`). */
  readonly baselines: SurveyBaselines;
  readonly participants: {
    get(identity: TeamsIdentity): Promise<{ readonly value: Participant } | undefined>;
    listAll(): Promise<Participant[]>;
  };
  readonly municipalities: { list(): Promise<Municipality[]> };
  readonly rounds: () => Promise<Round[]>;
}

export interface RoadmapSettings {
  readonly followUp?: FollowUpSettings;
  /** How often every summary row is rebuilt from its roadmap (default 15 minutes). */
  readonly reconcileIntervalMs?: number;
}

/** How long people and municipalities are reused from memory by the roadmap's views. */
const DIRECTORY_CACHE_MS = 30_000;

/**
 * The digital roadmap (digitiekartta) of each municipality in a round: baseline from the staff
 * survey, target levels set by the leadership team on Teams cards, goals and actions by quarter,
 * quarterly check-ins with the action owners, the network view for coordinators, and the summary
 * for the municipality's board as PDF and DOCX in its own branding.
 */
export function roadmapFeature(
  context: FeatureContext,
  deps: RoadmapDeps,
  settings: RoadmapSettings = {},
): Feature & {
  readonly service: RoadmapService;
  readonly repository: RoadmapRepository;
  readonly followUp: RoadmapFollowUp;
  readonly documents: RoadmapDocuments;
} {
  const { clock, logger } = context;
  const repository = new RoadmapRepository(context.store);
  const municipalities = cached(DIRECTORY_CACHE_MS, () => deps.municipalities.list());
  const everyone = cached(DIRECTORY_CACHE_MS, () => deps.participants.listAll());
  const people: RoadmapPeople & { all(): Promise<Participant[]> } = {
    participant: async (identity) => (await deps.participants.get(identity))?.value,
    ofMunicipality: async (municipalityId) =>
      (await everyone()).filter((p) => p.active && p.municipalityId === municipalityId),
    all: everyone,
  };
  const service = new RoadmapService(
    repository,
    deps.baselines,
    people,
    clock,
    logger.child({ component: 'roadmap' }),
  );
  const nameOf = async (municipalityId: string, language: Language): Promise<string> =>
    municipalityName(
      (await municipalities()).find((m) => m.id === municipalityId),
      municipalityId,
      language,
    );
  const teams = new RoadmapTeams({
    service,
    links: context.links,
    clock,
    municipalityName: nameOf,
    currentRoundId: async () => currentRound(await deps.rounds(), clock())?.id,
  });
  const followUp = new RoadmapFollowUp(
    {
      service,
      repository,
      teams,
      people,
      delivery: context.delivery,
      municipalityName: nameOf,
      clock,
      logger: logger.child({ component: 'roadmap-follow-up' }),
    },
    settings.followUp,
  );
  const documents = new RoadmapDocuments();
  const followUpJob = new PeriodicJob({
    name: 'roadmap follow-up',
    intervalMs: settings.followUp?.intervalMs ?? 3_600_000,
    firstRunAfterMs: 30_000,
    logger,
    run: async () => {
      await followUp.runOnce();
    },
  });
  // Repairs a summary row that a process stopped between a change and its summary left behind.
  const reconcile = new PeriodicJob({
    name: 'roadmap summaries',
    intervalMs: settings.reconcileIntervalMs ?? 15 * 60_000,
    firstRunAfterMs: 60_000,
    logger,
    run: async () => {
      await service.reconcileSummaries();
    },
  });

  return {
    name: 'roadmap',
    service,
    repository,
    followUp,
    documents,
    commands: [teams.command()],
    cardActions: teams.cardActions(),
    registerApi: (router) =>
      registerRoadmapRoutes(router, {
        service,
        repository,
        documents,
        teams,
        followUp,
        people,
        municipalities,
        rounds: deps.rounds,
        delivery: context.delivery,
        clock,
        logger,
      }),
    personalData: roadmapPersonalData(repository, service, logger),
    start: () => {
      followUpJob.start();
      reconcile.start();
    },
    stop: async () => {
      await Promise.all([followUpJob.stop(), reconcile.stop()]);
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
