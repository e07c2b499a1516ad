import { z } from 'zod';
import type { ProgrammeEvent } from '../shared/programme-event';
import type { Clock } from '../platform/clock';
import { ApiError, type ApiResult, type ApiRouter, pathParams } from '../platform/api/api-router';
import type { MunicipalityView, PagedResponse, RosterResponse } from '../shared/contracts';
import { pageSizeSchema } from '../platform/api/paging';
import { languageQuery, municipalityMap, type ProgrammeRepositories } from './programme-routes';
import { editableEvent, municipalityView, participantView } from '../shared/views';
import { fromWallClockText, toWallClockText, WALL_CLOCK_PATTERN } from '../shared/i18n/helsinki-time';
import { attachmentDisposition, CSV_CONTENT_TYPE } from '../shared/csv';
import type { Language } from '../shared/i18n/language';
import { filterRoster, rosterCsv, rosterFilterSchema, rosterTokenSchema, type RosterFilter } from './roster';

export interface CoordinatorRouteDeps {
  readonly repositories: ProgrammeRepositories;
  readonly clock: Clock;
}

// The shape here; a date that does not exist is a 422 from the handler, with a sentence to show.
const wallClock = z.string().regex(WALL_CLOCK_PATTERN, 'Helsinki time as YYYY-MM-DDTHH:mm');
/** Links open from Teams: only https, never `javascript:` or other schemes. */
const httpsUrl = z.url({ protocol: /^https$/, message: 'an https address' }).max(2000);
const line = (max: number) => z.string().trim().max(max);

export const eventUpdateSchema = z
  .object({
    title: z.object({ fi: line(200).min(1), sv: line(200).min(1), en: line(200).min(1) }),
    startsAt: wallClock,
    endsAt: wallClock,
    place: z
      .object({
        name: line(200).min(1),
        address: line(300),
        nameSv: line(200).optional(),
        addressSv: line(300).optional(),
      })
      .nullable(),
    onlineUrl: httpsUrl.nullable(),
    preAssignment: z
      .object({
        text: z.object({ fi: line(2000).min(1), sv: line(2000), en: line(2000) }),
        url: httpsUrl.nullable(),
        dueAt: wallClock.nullable(),
      })
      .nullable(),
  })
  .strict();

const participantsQuery = rosterFilterSchema.extend({
  pageSize: pageSizeSchema(25, 100),
  continuationToken: rosterTokenSchema.optional(),
  lang: languageQuery,
});
const rosterExportQuery = rosterFilterSchema.extend({ lang: languageQuery });

const languageOnlyQuery = z.object({ lang: languageQuery });

/** The coordinators' view: the roster of municipalities and people, and editing the programme. */
export function registerCoordinatorRoutes(router: ApiRouter, deps: CoordinatorRouteDeps): void {
  const { repositories, clock } = deps;

  router.add({
    method: 'get',
    path: '/api/municipalities',
    access: 'coordinator',
    summary: "The network's municipalities (a few dozen), by name",
    query: languageOnlyQuery,
    handle: async ({ user, query }) => {
      const language = query.lang ?? user.language;
      const municipalities = await repositories.municipalities.list();
      const body: PagedResponse<MunicipalityView> = {
        items: municipalities.map((municipality) => municipalityView(municipality, language)),
        continuationToken: null,
      };
      return { status: 200, body };
    },
  });

  const roster = async (tenantId: string, filter: RosterFilter, language: Language) => {
    const [people, municipalities] = await Promise.all([
      repositories.participants.listAll(tenantId),
      municipalityMap(repositories),
    ]);
    return filterRoster(
      people.map((participant) => participantView(participant, municipalities, language)),
      filter,
    );
  };

  router.add({
    method: 'get',
    path: '/api/participants',
    access: 'coordinator',
    summary:
      "The workspace's participants by name, found by text (q: name, e-mail, municipality) and narrowed by municipality, role and status; a page at a time",
    query: participantsQuery,
    handle: async ({ user: me, query }) => {
      const { pageSize, continuationToken, lang, ...filter } = query;
      const matches = await roster(me.tenantId, filter, lang ?? me.language);
      const start = continuationToken ?? 0;
      const end = start + pageSize;
      const body: RosterResponse = {
        items: matches.slice(start, end),
        continuationToken: end < matches.length ? `o${end}` : null,
        total: matches.length,
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'get',
    path: '/api/participants.csv',
    access: 'coordinator',
    summary: 'The roster as filtered (same filters as /api/participants), as CSV for Excel',
    query: rosterExportQuery,
    handle: async ({ user: me, query }) => {
      const { lang, ...filter } = query;
      const language = lang ?? me.language;
      const matches = await roster(me.tenantId, filter, language);
      const date = toWallClockText(clock()).slice(0, 10);
      return {
        status: 200,
        text: rosterCsv(matches, language),
        contentType: CSV_CONTENT_TYPE,
        headers: { 'Content-Disposition': attachmentDisposition(`digiverkosto-osallistujat-${date}.csv`) },
      };
    },
  });

  router.add({
    method: 'get',
    path: '/api/events/:eventId',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: 'One event of the current round for editing, with its version in the ETag header',
    query: languageOnlyQuery,
    handle: async ({ user, query, params }) => {
      const language = query.lang ?? user.language;
      const { value, etag } = await currentEvent(repositories, clock, params.eventId);
      return { status: 200, body: editableEvent(value, language), headers: { ETag: etag } };
    },
  });

  router.add({
    method: 'put',
    path: '/api/events/:eventId',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary:
      'Edits an event (title, Helsinki times, place, online link, pre-assignment); If-Match with the ETag is required',
    body: eventUpdateSchema,
    query: languageOnlyQuery,
    handle: async ({ user, body, query, params, ifMatch }): Promise<ApiResult> => {
      const language = query.lang ?? user.language;
      if (!ifMatch) return preconditionRequired();
      const { value: current } = await currentEvent(repositories, clock, params.eventId);
      const startsAt = fromWallClockText(body.startsAt);
      const endsAt = fromWallClockText(body.endsAt);
      if (!startsAt || !endsAt) throw new ApiError(422, 'The start or end is not a real date and time.');
      if (endsAt <= startsAt) throw new ApiError(422, 'The event must end after it starts.');
      const dueAt = body.preAssignment?.dueAt ? fromWallClockText(body.preAssignment.dueAt) : undefined;
      if (body.preAssignment?.dueAt && !dueAt) {
        throw new ApiError(422, 'The pre-assignment deadline is not a real date and time.');
      }
      const updated: ProgrammeEvent = {
        ...current,
        title: body.title,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        place: body.place
          ? {
              name: body.place.name,
              address: body.place.address,
              ...(body.place.nameSv || body.place.addressSv
                ? {
                    sv: {
                      name: body.place.nameSv || body.place.name,
                      address: body.place.addressSv || body.place.address,
                    },
                  }
                : {}),
            }
          : undefined,
        onlineUrl: body.onlineUrl ?? undefined,
        preAssignment: body.preAssignment
          ? {
              text: {
                fi: body.preAssignment.text.fi,
                ...(body.preAssignment.text.sv ? { sv: body.preAssignment.text.sv } : {}),
                ...(body.preAssignment.text.en ? { en: body.preAssignment.text.en } : {}),
              },
              url: body.preAssignment.url ?? undefined,
              dueAt: dueAt?.toISOString(),
            }
          : undefined,
      };
      // A stale If-Match throws ConflictError, which the router answers with 412.
      const etag = await repositories.programme.updateEvent(updated, ifMatch);
      return { status: 200, body: editableEvent(updated, language), headers: { ETag: etag } };
    },
  });
}

async function currentEvent(repositories: ProgrammeRepositories, clock: Clock, eventId: string | undefined) {
  const round = await repositories.programme.currentRound(clock());
  const event = round && eventId ? await repositories.programme.getEvent(round.id, eventId) : undefined;
  if (!event) throw new ApiError(404, 'There is no such event in the current round.');
  return event;
}

/** 428: a write without If-Match could silently overwrite someone else's edit. */
function preconditionRequired(): ApiResult {
  return {
    status: 428,
    contentType: 'application/problem+json; charset=utf-8',
    text: JSON.stringify({
      type: 'about:blank',
      title: 'Precondition required',
      status: 428,
      detail: 'Send If-Match with the ETag you read, so nobody else’s change is overwritten.',
    }),
  };
}
