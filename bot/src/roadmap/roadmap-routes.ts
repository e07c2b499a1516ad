import { z } from 'zod';
import {
  ApiError,
  pathParams,
  type ApiResult,
  type ApiRouter,
  type ApiUser,
} from '../platform/api/api-router';
import type { Clock } from '../platform/clock';
import type { Delivery } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import { cardActivity } from '../platform/teams';
import { isLanguage, resolveLanguage, type Language } from '../shared/i18n/language';
import type { Municipality } from '../shared/municipality';
import type { Participant } from '../shared/participant';
import type { Round } from '../shared/programme-event';
import {
  ACTION_STATUSES,
  COMPASS_AREAS,
  LIMITS,
  PRIORITIES,
  ROADMAP_PHASES,
  TARGET_MAX,
  TARGET_MIN,
  quarterSchema,
  roadmapIdOf,
  type Roadmap,
} from './roadmap';
import { BrandingError, MAX_LOGO_BYTES, checkColours, logoPng } from './roadmap-branding';
import type { BrandingResult, MyRoadmapResponse, RoadmapView } from './roadmap-contracts';
import type { RoadmapDocuments } from './roadmap-document';
import type { RoadmapFollowUp } from './roadmap-follow-up';
import { roadmapMessagesFor } from './roadmap-messages';
import type { RoadmapData, RoadmapRepository } from './roadmap-repository';
import { RoadmapNotFoundError, RoadmapRuleError, type Actor, type RoadmapService } from './roadmap-service';
import type { RoadmapTeams } from './roadmap-teams';
import { historyPage, municipalityName, networkView, roadmapView, spreadView } from './roadmap-views';

export interface RoadmapRouteDeps {
  readonly service: RoadmapService;
  readonly repository: RoadmapRepository;
  readonly documents: RoadmapDocuments;
  readonly teams: RoadmapTeams;
  readonly followUp: RoadmapFollowUp;
  readonly people: {
    participant(identity: { tenantId: string; aadObjectId: string }): Promise<Participant | undefined>;
    ofMunicipality(municipalityId: string): Promise<Participant[]>;
  };
  readonly municipalities: () => Promise<Municipality[]>;
  readonly rounds: () => Promise<Round[]>;
  readonly delivery: Delivery;
  readonly clock: Clock;
  readonly logger: Logger;
}

const BASE = '/api/roadmaps';
const roadmapParams = pathParams('roadmapId');
const langQuery = z.object({ lang: z.string().max(10).optional() });

const text = (max: number) => z.string().max(max);
const ownerInput = z
  .union([
    z
      .object({
        kind: z.literal('participant'),
        tenantId: z.string().min(1).max(100),
        aadObjectId: z.string().min(1).max(100),
      })
      .strict(),
    z
      .object({
        kind: z.literal('external'),
        name: z.string().trim().min(1).max(LIMITS.name),
        title: z.string().max(LIMITS.name).optional(),
      })
      .strict(),
  ])
  .nullable();
const level = z.number().min(TARGET_MIN).max(TARGET_MAX);
const cadence = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(6),
  z.literal(12),
]);

const headerChange = z
  .object({
    phase: z.enum(ROADMAP_PHASES).optional(),
    vision: text(LIMITS.vision).optional(),
    owner: ownerInput.optional(),
    cadenceMonths: cadence.optional(),
    targetYear: z.int().min(2020).max(2100).optional(),
  })
  .strict();

const goalBody = z
  .object({
    title: z.string().trim().min(1).max(LIMITS.title),
    description: text(LIMITS.description).default(''),
    perspectiveId: z.string().min(1).max(60).nullable().default(null),
    strategyGoal: text(LIMITS.title).default(''),
    compassArea: z.enum(COMPASS_AREAS).nullable().default(null),
  })
  .strict();

const actionBody = z
  .object({
    goalId: z.string().min(1).max(100),
    title: z.string().trim().min(1).max(LIMITS.title),
    owner: ownerInput.default(null),
    start: quarterSchema,
    end: quarterSchema,
    status: z.enum(ACTION_STATUSES).default('planned'),
    indicator: text(LIMITS.indicator).default(''),
    note: text(LIMITS.note).default(''),
  })
  .strict();

const RULE_ANSWERS: Record<RoadmapRuleError['rule'], [number, string]> = {
  exists: [409, 'The municipality already has a roadmap in this round.'],
  unknownPerspective: [422, "The perspective is not one of the roadmap's perspectives."],
  unknownGoal: [422, 'There is no such goal in this roadmap.'],
  goalHasActions: [409, 'The goal still has actions: move or remove them first.'],
  endsBeforeStart: [422, 'An action must end in or after the quarter it starts.'],
  tooLong: [422, `An action may span at most ${LIMITS.actionQuarters} quarters.`],
  tooMany: [409, `A roadmap holds at most ${LIMITS.goals} goals and ${LIMITS.actions} actions.`],
  ownerNotInMunicipality: [
    422,
    "An owner in Teams must be a participant from the roadmap's municipality; name anyone else as a person outside Teams.",
  ],
  targetSettingNotOpen: [409, 'Target setting is not open.'],
};

/** The round a request means: the one asked for, else the one under way, else the latest. */
export function currentRound(rounds: readonly Round[], now: Date): Round | undefined {
  const at = now.toISOString();
  const sorted = [...rounds].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return sorted.find((round) => round.startsAt <= at && at <= round.endsAt) ?? sorted.at(-1);
}

type Access = 'none' | 'read' | 'edit';

export function registerRoadmapRoutes(router: ApiRouter, deps: RoadmapRouteDeps): void {
  const { service, clock } = deps;
  const languageOf = (user: ApiUser, lang: string | undefined): Language =>
    isLanguage(lang) ? lang : user.language;
  const actorOf = (user: ApiUser): Actor => ({
    tenantId: user.tenantId,
    aadObjectId: user.aadObjectId,
    name: user.name,
  });

  router.mapErrors((error) => {
    if (error instanceof RoadmapRuleError) {
      const [status, detail] = RULE_ANSWERS[error.rule];
      return new ApiError(status, detail);
    }
    if (error instanceof RoadmapNotFoundError) return new ApiError(404, `There is no such ${error.what}.`);
    if (error instanceof BrandingError)
      return new ApiError(error.reason === 'logoTooLarge' ? 413 : 422, error.detail);
    return undefined;
  });

  /** Coordinators edit every roadmap; a municipality's leadership team edits its own, its other participants read it. */
  const accessOf = async (user: ApiUser, municipalityId: string): Promise<Access> => {
    if (user.isCoordinator) return 'edit';
    const participant = await deps.people.participant(user);
    if (!participant?.active || participant.municipalityId !== municipalityId) return 'none';
    return participant.roles.includes('leadership') ? 'edit' : 'read';
  };

  const withAccess = async (
    user: ApiUser,
    roadmapId: string,
    needed: 'read' | 'edit',
  ): Promise<{ data: RoadmapData; access: Access }> => {
    const data = await service.load(roadmapId);
    // Someone of another municipality learns nothing, not even whether the roadmap exists.
    if (!data) throw new ApiError(404, 'There is no such roadmap.');
    const access = await accessOf(user, data.roadmap.value.municipalityId);
    if (access === 'none') throw new ApiError(404, 'There is no such roadmap.');
    if (needed === 'edit' && access !== 'edit') {
      throw new ApiError(403, "Only coordinators and the municipality's leadership team edit its roadmap.");
    }
    return { data, access };
  };

  const requireIfMatch = (ifMatch: string | undefined): string => {
    if (!ifMatch || ifMatch === '*') {
      throw new ApiError(
        428,
        'Send If-Match with the ETag you read, so nobody else’s change is overwritten.',
      );
    }
    return ifMatch;
  };

  const viewOf = async (
    data: RoadmapData,
    user: ApiUser,
    language: Language,
    access: Access,
  ): Promise<RoadmapView> => {
    const roadmap = data.roadmap.value;
    const now = clock();
    const [municipalities, people] = await Promise.all([
      deps.municipalities(),
      deps.people.ofMunicipality(roadmap.municipalityId),
    ]);
    return roadmapView(data, {
      language,
      now,
      municipality: municipalities.find((m) => m.id === roadmap.municipalityId),
      canEdit: access === 'edit',
      canFacilitate: user.isCoordinator,
      people,
      nextCheckIn: roadmap.phase === 'followUp' ? deps.followUp.nextCheckIn(roadmap, now) : undefined,
      basePath: BASE,
    });
  };

  /** The roadmap as it is now, with its header's ETag. */
  const answer = async (
    roadmapId: string,
    user: ApiUser,
    language: Language,
    status = 200,
  ): Promise<ApiResult> => {
    const { data, access } = await withAccess(user, roadmapId, 'read');
    return { status, body: await viewOf(data, user, language, access), headers: { ETag: data.roadmap.etag } };
  };

  router.add({
    method: 'get',
    path: `${BASE}/network`,
    access: 'participant',
    summary:
      "Every municipality's roadmap at a glance: phases, actions on track and late, targets across the network (others anonymous for participants)",
    query: z.object({ roundId: z.string().min(1).max(100).optional(), lang: z.string().max(10).optional() }),
    handle: async ({ user, query }) => {
      const language = languageOf(user, query.lang);
      const roundId = query.roundId ?? currentRound(await deps.rounds(), clock())?.id;
      if (!roundId) throw new ApiError(404, 'There is no round.');
      const participant = user.isCoordinator ? undefined : await deps.people.participant(user);
      const [summaries, municipalities] = await Promise.all([
        deps.repository.summaries(roundId),
        deps.municipalities(),
      ]);
      return {
        status: 200,
        body: networkView(summaries, {
          roundId,
          language,
          now: clock(),
          municipalities,
          isCoordinator: user.isCoordinator,
          ownMunicipalityId: participant?.active ? participant.municipalityId : undefined,
          anonymousName: { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' }[language],
        }),
      };
    },
  });

  router.add({
    method: 'get',
    path: `${BASE}/mine`,
    access: 'participant',
    summary:
      "The signed-in participant's municipality's roadmap in the current round, and whether they may edit it",
    query: langQuery,
    handle: async ({ user, query }) => {
      const language = languageOf(user, query.lang);
      const participant = await deps.people.participant(user);
      const round = currentRound(await deps.rounds(), clock());
      const municipalityId = participant?.active ? participant.municipalityId : undefined;
      const body: MyRoadmapResponse = { roadmapId: null, municipalityName: null, canEdit: false };
      if (!municipalityId || !round) return { status: 200, body };
      const municipality = (await deps.municipalities()).find((m) => m.id === municipalityId);
      const header = await deps.repository.header(roadmapIdOf(round.id, municipalityId));
      const mine: MyRoadmapResponse = {
        roadmapId: header ? header.value.id : null,
        municipalityName: municipalityName(municipality, municipalityId, language),
        canEdit: participant?.roles.includes('leadership') === true,
      };
      return { status: 200, body: mine };
    },
  });

  router.add({
    method: 'post',
    path: BASE,
    access: 'coordinator',
    summary:
      "Coordinators: start a municipality's roadmap for the round; its perspectives and baseline come from the survey",
    body: z
      .object({
        municipalityId: z.string().min(1).max(100),
        roundId: z.string().min(1).max(100).optional(),
        targetYear: z.int().min(2020).max(2100).optional(),
      })
      .strict(),
    query: langQuery,
    handle: async ({ user, body, query }) => {
      const rounds = await deps.rounds();
      const roundId = body.roundId ?? currentRound(rounds, clock())?.id;
      if (!roundId || !rounds.some((round) => round.id === roundId))
        throw new ApiError(404, 'There is no such round.');
      if (!(await deps.municipalities()).some((m) => m.id === body.municipalityId)) {
        throw new ApiError(422, 'There is no such municipality in the network.');
      }
      const data = await service.create(roundId, body.municipalityId, actorOf(user), body.targetYear);
      const result = await answer(data.roadmap.value.id, user, languageOf(user, query.lang), 201);
      return {
        ...result,
        headers: { ...result.headers, Location: `${BASE}/${encodeURIComponent(data.roadmap.value.id)}` },
      };
    },
  });

  router.add({
    method: 'get',
    path: `${BASE}/:roadmapId`,
    access: 'participant',
    summary:
      "One roadmap: baseline and targets, goals and actions by quarter, each row's ETag (coordinators and its municipality)",
    params: roadmapParams,
    query: langQuery,
    handle: ({ user, params, query }) => answer(params.roadmapId, user, languageOf(user, query.lang)),
  });

  router.add({
    method: 'patch',
    path: `${BASE}/:roadmapId`,
    access: 'participant',
    summary:
      "Editors: the roadmap's phase, vision, owner, follow-up cadence or target year (If-Match: the roadmap's ETag)",
    params: roadmapParams,
    body: headerChange,
    query: langQuery,
    handle: async ({ user, params, body, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.updateHeader(params.roadmapId, body, requireIfMatch(ifMatch), actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'post',
    path: `${BASE}/:roadmapId/baseline/refresh`,
    access: 'coordinator',
    summary:
      "Coordinators: take the survey's current figures as the baseline again (adjustments and targets stay)",
    params: roadmapParams,
    query: langQuery,
    handle: async ({ user, params, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.refreshBaseline(params.roadmapId, actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'put',
    path: `${BASE}/:roadmapId/perspectives/:perspectiveId/baseline`,
    access: 'coordinator',
    summary:
      "Coordinators: adjust a perspective's baseline with a reason, kept and shown (null: back to the survey's mean; If-Match)",
    params: pathParams('roadmapId', 'perspectiveId'),
    body: z
      .object({ value: level.nullable(), reason: z.string().trim().max(LIMITS.reason).default('') })
      .strict()
      .refine((b) => b.value === null || b.reason.length >= 3, {
        message: 'a reason is required',
        path: ['reason'],
      }),
    query: langQuery,
    handle: async ({ user, params, body, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.adjustBaseline(
        params.roadmapId,
        params.perspectiveId,
        body,
        requireIfMatch(ifMatch),
        actorOf(user),
      );
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'put',
    path: `${BASE}/:roadmapId/perspectives/:perspectiveId/target`,
    access: 'participant',
    summary:
      "Editors: record the target level the leadership team agreed, its year and priority (If-Match: the perspective's ETag)",
    params: pathParams('roadmapId', 'perspectiveId'),
    body: z
      .object({
        target: level.nullable(),
        targetYear: z.int().min(2020).max(2100).nullable().default(null),
        priority: z.enum(PRIORITIES).nullable().default(null),
      })
      .strict(),
    query: langQuery,
    handle: async ({ user, params, body, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.agreeTarget(
        params.roadmapId,
        params.perspectiveId,
        body,
        requireIfMatch(ifMatch),
        actorOf(user),
      );
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'get',
    path: `${BASE}/:roadmapId/target-setting`,
    access: 'participant',
    summary:
      "The leadership team's target picks per perspective, anonymous, with the baseline and median (names of who answered for editors)",
    params: roadmapParams,
    query: langQuery,
    handle: async ({ user, params, query }) => {
      const { data, access } = await withAccess(user, params.roadmapId, 'read');
      const leaders = (await deps.people.ofMunicipality(data.roadmap.value.municipalityId)).filter((p) =>
        p.roles.includes('leadership'),
      );
      return {
        status: 200,
        body: spreadView(data, {
          language: languageOf(user, query.lang),
          eligible: leaders.length,
          showNames: access === 'edit',
        }),
      };
    },
  });

  for (const step of ['open', 'close'] as const) {
    router.add({
      method: 'post',
      path: `${BASE}/:roadmapId/target-setting/${step}`,
      access: 'coordinator',
      summary:
        step === 'open'
          ? 'Coordinators: open target setting; each leadership-team participant of the municipality gets the target card'
          : 'Coordinators: close target setting; picks can no longer change',
      params: roadmapParams,
      query: langQuery,
      handle: async ({ user, params, query }) => {
        await withAccess(user, params.roadmapId, 'edit');
        const actor = actorOf(user);
        if (step === 'close') {
          await service.closeTargetSetting(params.roadmapId, actor);
        } else {
          await service.openTargetSetting(params.roadmapId, actor);
          await sendTargetCards(params.roadmapId);
        }
        return answer(params.roadmapId, user, languageOf(user, query.lang));
      },
    });
  }

  /** The target card to each leader in their language; the session in the delivery id sends it once per opening. */
  const sendTargetCards = async (roadmapId: string): Promise<void> => {
    const data = await service.loadOrThrow(roadmapId);
    const roadmap = data.roadmap.value;
    const leaders = (await deps.people.ofMunicipality(roadmap.municipalityId)).filter((p) =>
      p.roles.includes('leadership'),
    );
    const municipality = (await deps.municipalities()).find((m) => m.id === roadmap.municipalityId);
    const messages = await Promise.all(
      leaders.map(async (leader) => {
        const language = resolveLanguage(leader.language, undefined);
        return {
          target: { kind: 'person' as const, identity: leader },
          activity: cardActivity(
            await deps.teams.targetsCard(data, leader, language),
            roadmapMessagesFor(language).targetsTitle(
              municipalityName(municipality, roadmap.municipalityId, language),
            ),
          ),
        };
      }),
    );
    if (messages.length === 0) return;
    const { accepted } = await deps.delivery.enqueue({
      deliveryId: `roadmap-targets:${roadmap.id}:${roadmap.targetSetting.session}`,
      purpose: 'roadmap',
      messages,
      roundId: roadmap.roundId,
    });
    deps.logger.info('roadmap target cards enqueued', { roadmapId, accepted, leaders: leaders.length });
  };

  router.add({
    method: 'post',
    path: `${BASE}/:roadmapId/goals`,
    access: 'participant',
    summary: 'Editors: add a goal, linked to a perspective, a strategy goal and a digital compass area',
    params: roadmapParams,
    body: goalBody,
    query: langQuery,
    handle: async ({ user, params, body, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.addGoal(params.roadmapId, body, actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang), 201);
    },
  });

  router.add({
    method: 'put',
    path: `${BASE}/:roadmapId/goals/:goalId`,
    access: 'participant',
    summary: "Editors: change a goal (If-Match: the goal's ETag)",
    params: pathParams('roadmapId', 'goalId'),
    body: goalBody,
    query: langQuery,
    handle: async ({ user, params, body, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.updateGoal(params.roadmapId, params.goalId, body, requireIfMatch(ifMatch), actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'del',
    path: `${BASE}/:roadmapId/goals/:goalId`,
    access: 'participant',
    summary: "Editors: remove a goal that has no actions (If-Match: the goal's ETag)",
    params: pathParams('roadmapId', 'goalId'),
    query: langQuery,
    handle: async ({ user, params, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.removeGoal(params.roadmapId, params.goalId, requireIfMatch(ifMatch), actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'post',
    path: `${BASE}/:roadmapId/actions`,
    access: 'participant',
    summary:
      'Editors: add an action under a goal: owner (a participant or a named person outside Teams), quarters, status, indicator',
    params: roadmapParams,
    body: actionBody,
    query: langQuery,
    handle: async ({ user, params, body, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.addAction(params.roadmapId, body, actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang), 201);
    },
  });

  router.add({
    method: 'put',
    path: `${BASE}/:roadmapId/actions/:actionId`,
    access: 'participant',
    summary:
      "Editors: change an action (If-Match: the action's ETag; 412 when someone else changed it meanwhile)",
    params: pathParams('roadmapId', 'actionId'),
    body: actionBody,
    query: langQuery,
    handle: async ({ user, params, body, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.updateAction(
        params.roadmapId,
        params.actionId,
        body,
        requireIfMatch(ifMatch),
        actorOf(user),
      );
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'del',
    path: `${BASE}/:roadmapId/actions/:actionId`,
    access: 'participant',
    summary: "Editors: remove an action (If-Match: the action's ETag)",
    params: pathParams('roadmapId', 'actionId'),
    query: langQuery,
    handle: async ({ user, params, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.removeAction(params.roadmapId, params.actionId, requireIfMatch(ifMatch), actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'get',
    path: `${BASE}/:roadmapId/history`,
    access: 'participant',
    summary: 'The history of changes: who, when, what; newest first, page by page',
    params: roadmapParams,
    query: z.object({
      lang: z.string().max(10).optional(),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
      continuationToken: z.string().max(2000).optional(),
    }),
    handle: async ({ user, params, query }) => {
      await withAccess(user, params.roadmapId, 'read');
      const page = await deps.repository.history(params.roadmapId, query.pageSize, query.continuationToken);
      return { status: 200, body: historyPage(page, languageOf(user, query.lang)) };
    },
  });

  router.add({
    method: 'put',
    path: `${BASE}/:roadmapId/branding`,
    access: 'participant',
    summary:
      "Editors: the municipality's two colours; a primary colour giving white text less than 4.5:1 is refused, or darkened with adjust: true (If-Match)",
    params: roadmapParams,
    body: z
      .object({
        primaryColour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour of the form #RRGGBB'),
        secondaryColour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour of the form #RRGGBB'),
        adjust: z.boolean().default(false),
      })
      .strict(),
    handle: async ({ user, params, body, ifMatch }) => {
      await withAccess(user, params.roadmapId, 'edit');
      const etag = requireIfMatch(ifMatch);
      const result: BrandingResult = checkColours(body);
      await service.setBranding(
        params.roadmapId,
        { primaryColour: result.primaryColour, secondaryColour: result.secondaryColour },
        etag,
        actorOf(user),
      );
      const header = await deps.repository.header(params.roadmapId);
      return { status: 200, body: result, ...(header ? { headers: { ETag: header.etag } } : {}) };
    },
  });

  router.add({
    method: 'put',
    path: `${BASE}/:roadmapId/logo`,
    access: 'participant',
    summary: `Editors: the municipality's logo, PNG or a self-contained SVG (rasterised), base64, at most ${MAX_LOGO_BYTES / 1024} KB, with its alternative text (If-Match)`,
    params: roadmapParams,
    body: z
      .object({
        format: z.enum(['png', 'svg']),
        data: z
          .string()
          .min(1)
          .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 8)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
        altText: z.string().trim().min(1).max(200),
      })
      .strict(),
    query: langQuery,
    handle: async ({ user, params, body, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      const etag = requireIfMatch(ifMatch);
      const png = await logoPng({
        format: body.format,
        data: Buffer.from(body.data, 'base64'),
        altText: body.altText,
      });
      await service.setLogo(params.roadmapId, png, body.altText, etag, actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'del',
    path: `${BASE}/:roadmapId/logo`,
    access: 'participant',
    summary: 'Editors: remove the logo (If-Match)',
    params: roadmapParams,
    query: langQuery,
    handle: async ({ user, params, ifMatch, query }) => {
      await withAccess(user, params.roadmapId, 'edit');
      await service.removeLogo(params.roadmapId, requireIfMatch(ifMatch), actorOf(user));
      return answer(params.roadmapId, user, languageOf(user, query.lang));
    },
  });

  router.add({
    method: 'get',
    path: `${BASE}/:roadmapId/logo.png`,
    access: 'participant',
    summary: 'The logo as PNG (an SVG was rasterised when it was uploaded)',
    params: roadmapParams,
    handle: async ({ user, params }) => {
      await withAccess(user, params.roadmapId, 'read');
      const png = await deps.repository.logo(params.roadmapId);
      if (!png) throw new ApiError(404, 'The roadmap has no logo.');
      return {
        status: 200,
        bytes: png,
        contentType: 'image/png',
        headers: { 'Content-Security-Policy': "default-src 'none'" },
      };
    },
  });

  for (const format of ['pdf', 'docx'] as const) {
    router.add({
      method: 'get',
      path: `${BASE}/:roadmapId/summary.${format}`,
      access: 'participant',
      summary: `The roadmap's summary for the board, in the municipality's logo and colours, as ${format === 'pdf' ? 'PDF' : 'a Word document (DOCX)'}, in the asked language`,
      params: roadmapParams,
      query: langQuery,
      handle: async ({ user, params, query }) => {
        const { data } = await withAccess(user, params.roadmapId, 'read');
        const roadmap: Roadmap = data.roadmap.value;
        const language = languageOf(user, query.lang);
        const now = clock();
        const municipality = (await deps.municipalities()).find((m) => m.id === roadmap.municipalityId);
        const file = await deps.documents.render(
          data,
          {
            language,
            now,
            municipalityName: municipalityName(municipality, roadmap.municipalityId, language),
            logo: roadmap.branding.logo ? await deps.repository.logo(roadmap.id) : undefined,
            nextCheckIn: roadmap.phase === 'followUp' ? deps.followUp.nextCheckIn(roadmap, now) : undefined,
          },
          format,
        );
        return {
          status: 200,
          bytes: file.bytes,
          contentType: file.contentType,
          headers: { 'Content-Disposition': `attachment; filename="${file.filename}"` },
        };
      },
    });
  }
}
