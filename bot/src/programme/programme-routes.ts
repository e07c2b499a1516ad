import { z } from 'zod';
import { organisationName } from '../shared/organisations';
import type { AppConfig } from '../platform/config/config';
import type { Municipality } from '../shared/municipality';
import type { Participant } from '../shared/participant';
import { EVENT_TYPE_NAMES, EVENT_TYPES, type ProgrammeEvent, type Round } from '../shared/programme-event';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../shared/i18n/language';
import type { Clock } from '../platform/clock';
import { buildEventCalendar, type EventCalendarFile } from './event-calendar';
import type { PersonalLinkSigner } from '../platform/links/personal-link';
import { isVisibleTo } from './programme-service';
import type { CoordinatorRepository, MunicipalityRepository, ParticipantRepository } from '../people';
import type { ProgrammeRepository } from './programme-repository';
import {
  ApiError,
  type ApiResult,
  type ApiRouter,
  type ApiUser,
  pathParams,
} from '../platform/api/api-router';
import type { AboutResponse, MeResponse, ProgrammeResponse } from '../shared/contracts';
import { pageOf, pageSizeSchema } from '../platform/api/paging';
import { eventView, municipalityView, participantView } from '../shared/views';

/** The tables the programme's routes read. */
export interface ProgrammeRepositories {
  readonly programme: ProgrammeRepository;
  readonly participants: ParticipantRepository;
  readonly coordinators: CoordinatorRepository;
  readonly municipalities: MunicipalityRepository;
}

export interface ProgrammeRouteDeps {
  readonly config: AppConfig;
  /** Checks the signed calendar links of reminder cards. */
  readonly signer: PersonalLinkSigner;
  readonly repositories: ProgrammeRepositories;
  readonly clock: Clock;
}

/** `lang` on any call overrides the language for that answer (the tab's language switcher). */
export const languageQuery = z.enum(LANGUAGES).optional();

const programmeQuery = z.object({
  type: z.enum(EVENT_TYPES).optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  pageSize: pageSizeSchema(50, 200),
  continuationToken: z.string().max(200).optional(),
  lang: languageQuery,
});

const languageOnlyQuery = z.object({ lang: languageQuery });

/** The participant's own view: who am I, the programme, "add to calendar", and the privacy facts. */
export function registerProgrammeRoutes(router: ApiRouter, deps: ProgrammeRouteDeps): void {
  const { repositories, clock } = deps;
  const visibleEvents = new VisibleEvents(repositories, clock);

  router.add({
    method: 'get',
    path: '/api/me',
    access: 'participant',
    summary: 'The signed-in person: name, coordinator or not, language, profile and municipality',
    query: languageOnlyQuery,
    handle: async ({ user: me, query }) => {
      const language = query.lang ?? me.language;
      const [participant, coordinator, municipalities] = await Promise.all([
        repositories.participants.get(me),
        me.isCoordinator ? repositories.coordinators.get(me) : Promise.resolve(undefined),
        municipalityMap(repositories),
      ]);
      const municipality = participant?.value.municipalityId
        ? municipalities.get(participant.value.municipalityId)
        : undefined;
      const body: MeResponse = {
        user: { tenantId: me.tenantId, aadObjectId: me.aadObjectId, name: me.name },
        isCoordinator: me.isCoordinator,
        coordinatorOrganisation: coordinator?.organisation ?? null,
        coordinatorOrganisationName: coordinator
          ? organisationName(coordinator.organisation, language)
          : null,
        language,
        languageChoice: participant?.value.language ?? null,
        participant: participant ? participantView(participant.value, municipalities, language) : null,
        municipality: municipality ? municipalityView(municipality, language) : null,
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'get',
    path: '/api/programme',
    access: 'participant',
    summary:
      "The current round's events visible to me, upcoming (soonest first), past (latest first) or all, with Helsinki times",
    query: programmeQuery,
    handle: async ({ user: me, query }) => {
      const language = query.lang ?? me.language;
      const now = clock();
      const [{ round, events }, municipalities] = await Promise.all([
        visibleEvents.for(me),
        municipalityMap(repositories),
      ]);
      const nowIso = now.toISOString();
      const matching = events
        .filter((event) => (query.type ? event.type === query.type : true))
        .filter((event) => {
          if (query.when === 'upcoming') return event.endsAt > nowIso;
          if (query.when === 'past') return event.endsAt <= nowIso;
          return true;
        });
      if (query.when === 'past') matching.reverse();
      const page = pageOf(matching, query.pageSize, query.continuationToken);
      const presentTypes = new Set(events.map((event) => event.type));
      const body: ProgrammeResponse = {
        round: round ? { id: round.id, name: round.name[language] ?? round.name.fi } : null,
        language,
        eventTypes: EVENT_TYPES.filter((type) => presentTypes.has(type)).map((type) => ({
          id: type,
          name: EVENT_TYPE_NAMES[type][language],
        })),
        total: matching.length,
        items: page.items.map((event) => eventView(event, municipalities, language, now)),
        continuationToken: page.continuationToken,
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'get',
    path: '/api/programme/:eventId/calendar.ics',
    params: pathParams('eventId'),
    access: 'participant',
    summary: 'One event as an iCalendar file (METHOD:PUBLISH) to add to Outlook or another calendar',
    query: languageOnlyQuery,
    handle: async ({ user: me, query, params }) => {
      const language = query.lang ?? me.language;
      const { events } = await visibleEvents.for(me);
      const event = events.find((candidate) => candidate.id === params.eventId);
      if (!event) throw new ApiError(404, 'There is no such event in your programme.');
      const file = buildEventCalendar(event, language, clock());
      return calendarAnswer(file);
    },
  });

  router.add({
    method: 'get',
    path: '/api/programme/links/:roundId/:eventId/calendar.ics',
    params: pathParams('roundId', 'eventId'),
    access: 'public',
    summary:
      'A reminder card\'s "add to calendar": the event as iCalendar for the one person the signed token names, while they may see it',
    query: z.object({ token: z.string().min(1).max(2000), lang: languageQuery }),
    handle: async ({ params, query }) => {
      const now = clock();
      const check = await deps.signer.verify(
        query.token,
        { purpose: 'event-calendar', roundId: params.roundId, itemId: params.eventId },
        now,
      );
      if (!check.ok && check.reason === 'expired') throw new ApiError(410, 'This calendar link has expired.');
      // One answer for every other refusal, so a link says nothing of events its holder may not see.
      const none = new ApiError(404, 'There is no such calendar entry.');
      if (!check.ok) throw none;
      const reader = check.claims;
      const [event, participant, isCoordinator] = await Promise.all([
        repositories.programme.getEvent(params.roundId, params.eventId),
        repositories.participants.get(reader),
        repositories.coordinators.isCoordinator(reader),
      ]);
      const person = participant?.value.active ? participant.value : undefined;
      if (!event || !(isCoordinator || (person && isVisibleTo(event.value, person)))) throw none;
      const language = query.lang ?? person?.language ?? DEFAULT_LANGUAGE;
      return calendarAnswer(buildEventCalendar(event.value, language, now));
    },
  });

  router.add({
    method: 'get',
    path: '/api/calendar/:roundId/:eventId',
    params: pathParams('roundId', 'eventId'),
    access: 'public',
    summary: 'The unsigned calendar link of earlier reminder cards: gone, it names no event',
    handle: () => {
      throw new ApiError(
        410,
        'This calendar link is no longer in use. Add the event to your calendar from the programme in the Digiverkosto tab.',
      );
    },
  });

  router.add({
    method: 'get',
    path: '/api/about',
    access: 'public',
    summary: 'Facts the privacy notice shows: how long personal data is kept after a round',
    handle: () => {
      const body: AboutResponse = { retentionMonths: deps.config.retentionMonths };
      return Promise.resolve({ status: 200, body });
    },
  });
}

/**
 * The current round's events a person may see: coordinators steer the whole programme and see
 * everything; participants see what {@link isVisibleTo} allows.
 */
export class VisibleEvents {
  constructor(
    private readonly repositories: ProgrammeRepositories,
    private readonly clock: Clock,
  ) {}

  async for(user: ApiUser): Promise<{ round: Round | undefined; events: ProgrammeEvent[] }> {
    const round = await this.repositories.programme.currentRound(this.clock());
    if (!round) return { round: undefined, events: [] };
    const [events, participant] = await Promise.all([
      this.repositories.programme.listEvents(round.id),
      user.isCoordinator ? Promise.resolve(undefined) : this.repositories.participants.get(user),
    ]);
    if (user.isCoordinator) return { round, events };
    // Someone removed from the roster is no longer a participant: public events only.
    const person: Participant | undefined = participant?.value.active ? participant.value : undefined;
    return { round, events: events.filter((event) => isVisibleTo(event, person)) };
  }
}

export async function municipalityMap(
  repositories: Pick<ProgrammeRepositories, 'municipalities'>,
): Promise<Map<string, Municipality>> {
  const municipalities = await repositories.municipalities.list();
  return new Map(municipalities.map((municipality) => [municipality.id, municipality]));
}

/** A calendar file as a download that Outlook opens. */
function calendarAnswer(file: EventCalendarFile): ApiResult {
  return {
    status: 200,
    text: file.text,
    contentType: 'text/calendar; charset=utf-8',
    headers: { 'Content-Disposition': `attachment; filename="${file.fileName}"` },
  };
}
