import { z } from 'zod';
import { ApiError, pathParams, type ApiRouter, type ApiUser } from '../platform/api/api-router';
import { helsinkiInstant } from '../platform/api/inputs';
import type { Clock } from '../platform/clock';
import { isLanguage, type Language } from '../shared/i18n/language';
import type { Round } from '../shared/programme-event';
import { AnswerContentionError } from './survey-answer-writer';
import type { InstrumentView, MySurveysResponse, SurveyListResponse } from './survey-contracts';
import { attachmentDisposition, codesCsv, CSV_CONTENT_TYPE, resultsCsv } from './survey-csv';
import { contentOf, instrumentContentSchema, type SurveyInstrument } from './survey-instrument';
import type { PeopleDirectory, SurveyReporting } from './survey-results';
import { SurveyRuleError, type SurveyService } from './survey-service';
import type { Survey } from './survey';
import type { SurveyReports } from './survey-report';

export interface SurveyRouteDeps {
  readonly service: SurveyService;
  readonly reporting: SurveyReporting;
  readonly reports: SurveyReports;
  readonly people: PeopleDirectory;
  readonly rounds: () => Promise<Round[]>;
  readonly clock: Clock;
}

const surveyParams = pathParams('surveyId');
const langQuery = z.object({ lang: z.string().max(10).optional() });
const listQuery = z.object({
  roundId: z.string().min(1).max(100).optional(),
  lang: z.string().max(10).optional(),
});
const identity = z
  .object({ tenantId: z.string().min(1).max(100), aadObjectId: z.string().min(1).max(100) })
  .strict();

const newSurvey = z
  .object({
    municipalityId: z.string().min(1).max(100),
    roundId: z.string().min(1).max(100).optional(),
    opensAt: helsinkiInstant,
    closesAt: helsinkiInstant,
    headcount: z.int().min(1).max(200_000).nullable().default(null),
    requireCode: z.boolean().default(false),
  })
  .strict();

const surveyChange = z
  .object({
    opensAt: helsinkiInstant.optional(),
    closesAt: helsinkiInstant.optional(),
    headcount: z.int().min(1).max(200_000).nullable().optional(),
    requireCode: z.boolean().optional(),
  })
  .strict();

const RULE_MESSAGES: Record<SurveyRuleError['rule'], string> = {
  alreadyOpen: 'The survey is open already: its opening time and code requirement can no longer change.',
  closed: 'The survey has closed: only its headcount can still change.',
  closesBeforeOpens: 'The closing time must be after the opening time.',
  closesInPast: 'The closing time must be in the future.',
  duplicateRun:
    'The municipality has a survey in this round at that time already; a follow-up must come after it.',
};

/** The round a request means: the one asked for, else the one under way, else the latest. */
export function currentRound(rounds: readonly Round[], now: Date): Round | undefined {
  const at = now.toISOString();
  const sorted = [...rounds].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return sorted.find((round) => round.startsAt <= at && at <= round.endsAt) ?? sorted.at(-1);
}

export function registerSurveyRoutes(router: ApiRouter, deps: SurveyRouteDeps): void {
  const { service, reporting, reports, clock } = deps;
  const languageOf = (user: ApiUser, lang: string | undefined): Language =>
    isLanguage(lang) ? lang : user.language;

  router.mapErrors((error) => {
    if (error instanceof SurveyRuleError) return new ApiError(409, RULE_MESSAGES[error.rule]);
    if (error instanceof AnswerContentionError) {
      return new ApiError(503, 'Many answers arrived at once; try again in a moment.', {
        'Retry-After': '5',
      });
    }
    return undefined;
  });

  const surveyOr404 = async (surveyId: string): Promise<Survey> => {
    const survey = await service.get(surveyId);
    if (!survey) throw new ApiError(404, 'There is no such survey.');
    return survey;
  };

  /** The survey if the user may see its results: coordinators all, a municipality's leadership its own. */
  const visibleSurvey = async (user: ApiUser, surveyId: string): Promise<Survey> => {
    const survey = await surveyOr404(surveyId);
    if (!(await reporting.canSeeResults({ identity: user, isCoordinator: user.isCoordinator }, survey))) {
      throw new ApiError(403, "Only coordinators and the municipality's leadership team see these results.");
    }
    return survey;
  };

  const instrumentView = async (instrument: SurveyInstrument): Promise<InstrumentView> => ({
    id: instrument.id,
    version: instrument.version,
    frozen: await service.isFrozen(instrument),
    content: contentOf(instrument),
  });

  router.add({
    method: 'get',
    path: '/api/survey/instrument',
    access: 'coordinator',
    summary:
      'Coordinators: the current questionnaire (perspectives, scale, background questions, thresholds)',
    handle: async () => {
      const current = await service.currentInstrument();
      return { status: 200, body: await instrumentView(current.value), headers: { ETag: current.etag } };
    },
  });

  router.add({
    method: 'put',
    path: '/api/survey/instrument',
    access: 'coordinator',
    summary:
      'Coordinators: edit the questionnaire (If-Match); a version a survey has opened with is kept and the edit becomes the next version',
    body: instrumentContentSchema,
    handle: async ({ body, ifMatch }) => {
      const updated = await service.updateInstrument(body, ifMatch);
      return { status: 200, body: await instrumentView(updated.value), headers: { ETag: updated.etag } };
    },
  });

  router.add({
    method: 'get',
    path: '/api/survey/surveys',
    access: 'coordinator',
    summary:
      "Coordinators: every municipality's surveys in a round (the current one by default), with live counts",
    query: listQuery,
    handle: async ({ user, query }) => {
      const roundId = query.roundId ?? currentRound(await deps.rounds(), clock())?.id;
      const body: SurveyListResponse = {
        items: await reporting.list(roundId, languageOf(user, query.lang)),
        roundId: roundId ?? null,
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'post',
    path: '/api/survey/surveys',
    access: 'coordinator',
    summary:
      "Coordinators: create a municipality's survey (times with an offset, or Helsinki time without one)",
    body: newSurvey,
    handle: async ({ user, body }) => {
      const roundId = body.roundId ?? currentRound(await deps.rounds(), clock())?.id;
      if (!roundId) throw new ApiError(409, 'There is no round to run the survey in.');
      if (!(await deps.rounds()).some((round) => round.id === roundId))
        throw new ApiError(404, 'There is no such round.');
      if (!(await deps.people.municipalities()).some((m) => m.id === body.municipalityId)) {
        throw new ApiError(422, 'There is no such municipality in the network.');
      }
      const survey = await service.create(
        {
          roundId,
          municipalityId: body.municipalityId,
          opensAt: body.opensAt,
          closesAt: body.closesAt,
          headcount: body.headcount ?? undefined,
          requireCode: body.requireCode,
        },
        user,
      );
      return {
        status: 201,
        body: await reporting.adminView(survey, user.language),
        headers: { Location: `/api/survey/surveys/${survey.id}` },
      };
    },
  });

  router.add({
    method: 'get',
    path: '/api/survey/surveys/:surveyId',
    access: 'participant',
    summary: 'One survey with its live count (coordinators, and the municipality leadership team)',
    params: surveyParams,
    query: langQuery,
    handle: async ({ user, params, query }) => {
      await visibleSurvey(user, params.surveyId);
      const stored = await service.getVersioned(params.surveyId);
      if (!stored) throw new ApiError(404, 'There is no such survey.');
      return {
        status: 200,
        body: await reporting.adminView(stored.value, languageOf(user, query.lang)),
        headers: { ETag: stored.etag },
      };
    },
  });

  router.add({
    method: 'patch',
    path: '/api/survey/surveys/:surveyId',
    access: 'coordinator',
    summary: "Coordinators: change a survey's times, headcount or one-time-code requirement (If-Match)",
    params: surveyParams,
    body: surveyChange,
    handle: async ({ user, params, body, ifMatch }) => {
      const updated = await service.update(
        params.surveyId,
        {
          ...(body.opensAt !== undefined ? { opensAt: body.opensAt } : {}),
          ...(body.closesAt !== undefined ? { closesAt: body.closesAt } : {}),
          ...(body.headcount !== undefined ? { headcount: body.headcount ?? undefined } : {}),
          ...(body.requireCode !== undefined ? { requireCode: body.requireCode } : {}),
        },
        ifMatch,
      );
      if (!updated) throw new ApiError(404, 'There is no such survey.');
      return {
        status: 200,
        body: await reporting.adminView(updated.value, user.language),
        headers: { ETag: updated.etag },
      };
    },
  });

  for (const action of ['open', 'close'] as const) {
    router.add({
      method: 'post',
      path: `/api/survey/surveys/:surveyId/${action}`,
      access: 'coordinator',
      summary:
        action === 'open'
          ? 'Coordinators: open a scheduled survey now'
          : 'Coordinators: close a survey now; answers after this are refused',
      params: surveyParams,
      handle: async ({ user, params }) => {
        await surveyOr404(params.surveyId);
        const survey =
          action === 'open' ? await service.openNow(params.surveyId) : await service.close(params.surveyId);
        if (!survey) throw new ApiError(404, 'There is no such survey.');
        return { status: 200, body: await reporting.adminView(survey, user.language) };
      },
    });
  }

  router.add({
    method: 'put',
    path: '/api/survey/surveys/:surveyId/contacts',
    access: 'coordinator',
    summary:
      "Coordinators: name the municipality's contact people for the survey (none: its leadership-team participants)",
    params: surveyParams,
    body: z.object({ contacts: z.array(identity).max(50) }).strict(),
    handle: async ({ user, params, body }) => {
      const survey = await surveyOr404(params.surveyId);
      for (const contact of body.contacts) {
        const participant = await deps.people.participant(contact);
        if (!participant) throw new ApiError(422, 'A contact must be a participant of the network.');
        if (participant.municipalityId !== survey.municipalityId) {
          throw new ApiError(422, "A contact must be a participant from the survey's municipality.");
        }
      }
      await service.setContacts(survey.id, body.contacts);
      return { status: 200, body: await reporting.adminView(survey, user.language) };
    },
  });

  router.add({
    method: 'post',
    path: '/api/survey/surveys/:surveyId/codes',
    access: 'coordinator',
    summary:
      'Coordinators: new one-time answer codes for a municipality to hand out, as CSV (shown this once)',
    params: surveyParams,
    body: z.object({ count: z.int().min(1).max(5000) }).strict(),
    query: langQuery,
    handle: async ({ user, params, body, query }) => {
      const survey = await surveyOr404(params.surveyId);
      const codes = await service.addOneTimeCodes(survey.id, body.count);
      return {
        status: 201,
        text: codesCsv(codes, languageOf(user, query.lang)),
        contentType: CSV_CONTENT_TYPE,
        headers: { 'Content-Disposition': attachmentDisposition(`vastauskoodit-${survey.code}.csv`) },
      };
    },
  });

  router.add({
    method: 'get',
    path: '/api/survey/mine',
    access: 'participant',
    summary: "The signed-in participant's municipality's surveys, and whether they may see the results",
    query: langQuery,
    handle: async ({ user, query }) => {
      const language = languageOf(user, query.lang);
      const participant = await deps.people.participant(user);
      const municipalityId = participant?.municipalityId;
      const round = currentRound(await deps.rounds(), clock());
      const surveys = municipalityId && round ? await service.runsOf(round.id, municipalityId) : [];
      const body: MySurveysResponse = {
        items: await Promise.all(
          surveys.map(async (survey) => ({
            survey: await reporting.adminView(survey, language, { runs: surveys }),
            canSeeResults: await reporting.canSeeResults(
              { identity: user, isCoordinator: user.isCoordinator },
              survey,
            ),
          })),
        ),
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'get',
    path: '/api/survey/surveys/:surveyId/results',
    access: 'participant',
    summary:
      "A municipality's results against the network's anonymous figures (coordinators: any; leadership: their own)",
    params: surveyParams,
    query: langQuery,
    handle: async ({ user, params, query }) => {
      const survey = await visibleSurvey(user, params.surveyId);
      return { status: 200, body: await reporting.results(survey, languageOf(user, query.lang)) };
    },
  });

  router.add({
    method: 'get',
    path: '/api/survey/surveys/:surveyId/comments',
    access: 'participant',
    summary: "The survey's comments page by page (only when there are enough answers)",
    params: surveyParams,
    query: z.object({
      lang: z.string().max(10).optional(),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
      continuationToken: z.string().max(2000).optional(),
    }),
    handle: async ({ user, params, query }) => {
      const survey = await visibleSurvey(user, params.surveyId);
      const results = await reporting.results(survey, languageOf(user, query.lang), {
        commentsPageSize: query.pageSize,
        ...(query.continuationToken ? { commentsToken: query.continuationToken } : {}),
      });
      return { status: 200, body: results.comments };
    },
  });

  router.add({
    method: 'get',
    path: '/api/survey/surveys/:surveyId/results.csv',
    access: 'participant',
    summary: "The results' aggregates as CSV (never individual answers), small groups suppressed",
    params: surveyParams,
    query: langQuery,
    handle: async ({ user, params, query }) => {
      const survey = await visibleSurvey(user, params.surveyId);
      const language = languageOf(user, query.lang);
      const results = await reporting.results(survey, language);
      return {
        status: 200,
        text: resultsCsv(results, language),
        contentType: CSV_CONTENT_TYPE,
        headers: {
          'Content-Disposition': attachmentDisposition(
            `digikysely-${survey.municipalityId}-${survey.opensAt.slice(0, 10)}.csv`,
          ),
        },
      };
    },
  });

  for (const format of ['pdf', 'docx'] as const) {
    router.add({
      method: 'get',
      path: `/api/survey/surveys/:surveyId/report.${format}`,
      access: 'participant',
      summary: `The municipality's report as ${format === 'pdf' ? 'PDF' : 'a Word document (DOCX)'}, in the asked language`,
      params: surveyParams,
      query: langQuery,
      handle: async ({ user, params, query }) => {
        const survey = await visibleSurvey(user, params.surveyId);
        const language = languageOf(user, query.lang);
        const file = await reports.render(survey, language, format);
        return {
          status: 200,
          bytes: file.bytes,
          contentType: file.contentType,
          headers: { 'Content-Disposition': attachmentDisposition(file.filename) },
        };
      },
    });
  }

  router.add({
    method: 'get',
    path: '/api/survey/network',
    access: 'coordinator',
    summary: "Coordinators: every municipality's baseline means side by side, with the network's spread",
    query: listQuery,
    handle: async ({ user, query }) => {
      const roundId = query.roundId ?? currentRound(await deps.rounds(), clock())?.id;
      if (!roundId) throw new ApiError(404, 'There is no round.');
      return { status: 200, body: await reporting.network(roundId, languageOf(user, query.lang)) };
    },
  });
}
