import { z } from 'zod';
import {
  ApiError,
  pathParams,
  type ApiResult,
  type ApiRouter,
  type ApiUser,
} from '../platform/api/api-router';
import { helsinkiInstant } from '../platform/api/inputs';
import type { Clock } from '../platform/clock';
import type { AuditLog } from '../platform/storage/audit-log';
import type { MunicipalityRepository, ParticipantRepository } from '../people';
import { isVisibleTo, type ProgrammeRepository } from '../programme';
import { attachmentDisposition, CSV_CONTENT_TYPE } from '../shared/csv';
import {
  formatHelsinkiDateTime,
  formatHelsinkiRange,
  helsinkiWeekday,
  toWallClockText,
} from '../shared/i18n/helsinki-time';
import { LANGUAGES, pickText, type Language } from '../shared/i18n/language';
import type { Municipality } from '../shared/municipality';
import type { Participant } from '../shared/participant';
import { EVENT_TYPE_NAMES, type ProgrammeEvent } from '../shared/programme-event';
import { municipalityName } from '../shared/views';
import type { PersonalLinkSigner } from '../platform/links/personal-link';
import { PreAssignmentError, PreAssignmentService, HAND_IN_TEXT_MAX } from './pre-assignment-service';
import { RecordingError, type RecordingService } from './recording-service';
import type { Recording } from './recording-repository';
import type { HandIn } from './pre-assignment-repository';
import { buildRegistrationCalendar } from './registration-calendar';
import { statusText, type RegistrationCards } from './registration-card';
import type {
  CoordinatorEventsResponse,
  OverrideView,
  PersonSeatView,
  PreAssignmentCompletionResponse,
  RecordingResponse,
  RecordingSendResponse,
  RegistrationEventView,
  RegistrationEventsResponse,
  RegistrationInfoView,
  RegistrationOverviewResponse,
  SeatRowView,
  SettingsView,
} from './registration-contracts';
import { attendeesCsv, cateringCsv } from './registration-csv';
import type { RegistrationAnnouncer } from './registration-notifier';
import { registrationMessagesFor } from './registration-messages';
import {
  ANSWER_MAX_LENGTH,
  QUESTION_IDS,
  personKey,
  phaseOf,
  quotaOf,
  takenSeats,
  waitlistOrder,
  type Registration,
  type RegistrationSettings,
} from './registration-model';
import type { OverrideLog } from './override-log';
import type { RegistrationRepository } from './registration-repository';
import {
  RegistrationError,
  type RegistrationErrorCode,
  type RegistrationService,
} from './registration-service';

export interface RegistrationRouteDeps {
  readonly service: RegistrationService;
  readonly registrations: RegistrationRepository;
  readonly preAssignments: PreAssignmentService;
  readonly recordings: RecordingService;
  readonly cards: RegistrationCards;
  readonly announcer: RegistrationAnnouncer;
  readonly log: OverrideLog;
  readonly audit: AuditLog;
  readonly signer: PersonalLinkSigner;
  readonly programme: ProgrammeRepository;
  readonly participants: ParticipantRepository;
  readonly municipalities: MunicipalityRepository;
  readonly clock: Clock;
}

const REGISTRATION_STATUSES: Record<RegistrationErrorCode, number> = {
  eventNotFound: 404,
  noRegistration: 404,
  notYetOpen: 409,
  closed: 409,
  eventStarted: 409,
  notParticipant: 403,
  noMunicipality: 422,
  notInAudience: 403,
  notRegistered: 404,
  deadlinePassed: 409,
  noOffer: 409,
  staleOffer: 409,
  offerExpired: 410,
  notColleague: 422,
  colleagueHasSeat: 409,
  notConfirmed: 409,
  eventFull: 409,
  quotaBelowTaken: 409,
  invalid: 422,
  busy: 503,
};

const PRE_ASSIGNMENT_STATUSES: Record<PreAssignmentError['code'], number> = {
  eventNotFound: 404,
  notFound: 404,
  closed: 409,
  empty: 422,
  badUrl: 422,
  notForYou: 403,
};

const RECORDING_STATUSES: Record<RecordingError['code'], number> = {
  eventNotFound: 404,
  notEnded: 409,
  badWindow: 422,
  badUrl: 422,
  graphNotConfigured: 409,
  noMeetingLink: 409,
  noRecording: 404,
  lookupFailed: 502,
  notFound: 404,
  notAvailable: 410,
  noAudience: 409,
};

const languageQuery = z.object({ lang: z.enum(LANGUAGES).optional() });
const eventParams = pathParams('eventId');
const linkParams = pathParams('roundId', 'eventId');
const identitySchema = z.object({
  tenantId: z.string().min(1).max(200),
  aadObjectId: z.string().min(1).max(200),
});
const reasonSchema = z.string().trim().min(3).max(500);
const localizedInput = z.object({
  fi: z.string().trim().max(300),
  sv: z.string().trim().max(300),
  en: z.string().trim().max(300),
});
const settingsBody = z
  .object({
    opensAt: helsinkiInstant,
    closesAt: helsinkiInstant,
    cancelDeadline: helsinkiInstant.nullable(),
    quota: z.number().int().min(1).max(100),
    capacity: z.number().int().min(1).max(10_000).nullable(),
    offerHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
    questions: z
      .array(z.object({ id: z.enum(QUESTION_IDS), label: localizedInput.nullable() }))
      .max(QUESTION_IDS.length),
  })
  .strict();
const answersBody = z.object({
  answers: z
    .object({
      diet: z.string().max(ANSWER_MAX_LENGTH).optional(),
      accessibility: z.string().max(ANSWER_MAX_LENGTH).optional(),
      other: z.string().max(ANSWER_MAX_LENGTH).optional(),
    })
    .strict()
    .default({}),
});
const overrideBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('confirm'), person: identitySchema, reason: reasonSchema }).strict(),
  z.object({ kind: z.literal('cancel'), person: identitySchema, reason: reasonSchema }).strict(),
  z
    .object({
      kind: z.literal('quota'),
      municipalityId: z.string().min(1).max(200),
      quota: z.number().int().min(0).max(100).nullable(),
      reason: reasonSchema,
    })
    .strict(),
]);
const handInBody = z
  .object({
    text: z.string().max(HAND_IN_TEXT_MAX).nullable().optional(),
    url: z.string().max(2000).nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict();
const recordingBody = z
  .object({
    url: z.string().max(2000).nullable().optional(),
    lookup: z.boolean().optional(),
    availableFrom: helsinkiInstant,
    availableUntil: helsinkiInstant,
  })
  .strict();
const sendBody = z
  .object({ notAttended: z.boolean().default(true), audience: z.boolean().default(true) })
  .strict()
  .refine((body) => body.notAttended || body.audience, 'choose at least one group');
const tokenQuery = z.object({ token: z.string().min(10).max(2000), lang: z.enum(LANGUAGES).optional() });

/**
 * The registration API: participants register, wait, cancel, hand a seat on, answer the questions
 * and hand in pre-assignments; coordinators open registration, see the municipality × seats matrix
 * and the waitlists, override with a reason, download the lists, follow the pre-assignments and add
 * recordings. Plus the two signed links that work outside Teams: the calendar file and a recording.
 */
export function registerRegistrationRoutes(router: ApiRouter, deps: RegistrationRouteDeps): void {
  const { service, clock } = deps;
  router.mapErrors((error) => {
    if (error instanceof RegistrationError) {
      return new ApiError(
        REGISTRATION_STATUSES[error.code],
        error.message,
        error.code === 'busy' ? { 'Retry-After': '2' } : undefined,
        error.code,
      );
    }
    if (error instanceof PreAssignmentError) {
      return new ApiError(PRE_ASSIGNMENT_STATUSES[error.code], error.message, undefined, error.code);
    }
    if (error instanceof RecordingError) {
      return new ApiError(RECORDING_STATUSES[error.code], error.message, undefined, error.code);
    }
    return undefined;
  });

  const currentRoundId = async (): Promise<string> => {
    const round = await deps.programme.currentRound(clock());
    if (!round) throw new ApiError(404, 'There is no current round.');
    return round.id;
  };
  const currentEvent = async (eventId: string): Promise<ProgrammeEvent> => {
    const event = (await deps.programme.getEvent(await currentRoundId(), eventId))?.value;
    if (!event) throw new ApiError(404, 'There is no such event in the current round.');
    return event;
  };
  const municipalityMap = async (): Promise<Map<string, Municipality>> =>
    new Map((await deps.municipalities.list()).map((municipality) => [municipality.id, municipality]));
  const actorOf = (user: ApiUser) => ({
    tenantId: user.tenantId,
    aadObjectId: user.aadObjectId,
    name: user.name,
  });

  const myEvent = async (
    event: ProgrammeEvent,
    user: ApiUser,
    participant: Participant | undefined,
    language: Language,
    municipalities: ReadonlyMap<string, Municipality>,
    /** What the caller has read for the whole round already; otherwise read for this event. */
    known?: {
      readonly settings: ReadonlyMap<string, RegistrationSettings>;
      readonly recordings: ReadonlyMap<string, Recording>;
      readonly handIns: ReadonlyMap<string, HandIn>;
    },
  ): Promise<RegistrationEventView> => {
    const now = clock();
    const [settings, recording, handIn] = known
      ? [known.settings.get(event.id), known.recordings.get(event.id), known.handIns.get(event.id)]
      : await Promise.all([
          deps.registrations.getSettings(event.roundId, event.id),
          deps.recordings.get(event.roundId, event.id),
          event.preAssignment ? deps.preAssignments.mine(event, user) : Promise.resolve(undefined),
        ]);
    const deadline = PreAssignmentService.deadlineOf(event);
    const start = new Date(event.startsAt);
    const m = registrationMessagesFor(language);
    return {
      roundId: event.roundId,
      eventId: event.id,
      title: pickText(event.title, language),
      typeName: pickText(EVENT_TYPE_NAMES[event.type], language),
      when: `${helsinkiWeekday(start, language)} ${formatHelsinkiRange(start, new Date(event.endsAt), language)}`,
      where: event.place ? `${event.place.name}, ${event.place.address}` : m.online,
      startsAt: event.startsAt,
      isPast: event.endsAt <= now.toISOString(),
      registration: settings
        ? await registrationInfo(event, settings, user, participant, language, municipalities)
        : null,
      preAssignment: event.preAssignment
        ? {
            text: pickText(event.preAssignment.text, language),
            url: event.preAssignment.url ?? null,
            deadline,
            deadlineText: formatHelsinkiDateTime(new Date(deadline), language),
            open: now.toISOString() < deadline,
            mine: handIn
              ? {
                  text: handIn.text ?? null,
                  url: handIn.url ?? null,
                  done: handIn.done,
                  updatedText: formatHelsinkiDateTime(new Date(handIn.updatedAt), language),
                }
              : null,
          }
        : null,
      recording:
        recording && deps.recordings.isAvailable(recording, now)
          ? {
              url: await deps.recordings.linkFor(recording, user),
              availableUntil: recording.availableUntil,
              availableUntilText: formatHelsinkiDateTime(new Date(recording.availableUntil), language),
            }
          : null,
    };
  };

  const registrationInfo = async (
    event: ProgrammeEvent,
    settings: RegistrationSettings,
    user: ApiUser,
    participant: Participant | undefined,
    language: Language,
    municipalities: ReadonlyMap<string, Municipality>,
  ): Promise<RegistrationInfoView> => {
    const standing = await service.standing(event, settings, user, participant);
    const m = registrationMessagesFor(language);
    const text = (iso: string): string => formatHelsinkiDateTime(new Date(iso), language);
    const municipality = standing.municipalityId ? municipalities.get(standing.municipalityId) : undefined;
    const registration = standing.registration;
    const active = registration && registration.status !== 'cancelled' ? registration : undefined;
    const confirmed = registration?.status === 'confirmed';
    const colleagues = confirmed ? await deps.cards.colleagues(standing, user) : [];
    const room =
      standing.taken < standing.quota &&
      standing.waiting === 0 &&
      (standing.total === undefined || standing.total.taken < standing.total.capacity);
    return {
      phase: standing.phase,
      opensAt: settings.opensAt,
      opensText: text(settings.opensAt),
      closesAt: settings.closesAt,
      closesText: text(settings.closesAt),
      cancelDeadline: standing.cancelDeadline,
      cancelDeadlineText: text(standing.cancelDeadline),
      municipalityName: municipality ? municipalityName(municipality, language) : null,
      seats: standing.municipalityId
        ? { taken: standing.taken, quota: standing.quota, full: standing.taken >= standing.quota }
        : null,
      total: standing.total ?? null,
      waiting: standing.waiting,
      questions: settings.questions.map((question) => ({
        id: question.id,
        label:
          question.id === 'other'
            ? question.label
              ? pickText(question.label, language)
              : ''
            : m.questionLabels[question.id],
        sensitive: question.id !== 'other',
      })),
      canRegister: standing.canRegister,
      wouldWaitlist: !room,
      mine: registration
        ? {
            status: registration.status,
            statusText: statusText(registration, standing.position, language),
            position: standing.position ?? null,
            offerExpiresAt: registration.offerExpiresAt ?? null,
            offerSequence: registration.offerSequence,
            answers: active?.answers ?? {},
            canCancel: standing.canCancel,
            calendarUrl: confirmed ? await deps.cards.calendarUrl(event, user, language) : null,
            transferredFrom: registration.transferredFrom ?? null,
            byCoordinator: registration.byCoordinator,
          }
        : null,
      colleagues: colleagues.map((colleague) => {
        const bar = colleague.value.indexOf('|');
        return {
          name: colleague.name,
          tenantId: colleague.value.slice(0, bar),
          aadObjectId: colleague.value.slice(bar + 1),
        };
      }),
    };
  };

  const answerWithEvent = async (user: ApiUser, language: Language | undefined, event: ProgrammeEvent) => {
    const participant = (await deps.participants.get(user))?.value;
    const body = await myEvent(event, user, participant, language ?? user.language, await municipalityMap());
    return { status: 200, body };
  };

  // ----- participants -----

  router.add({
    method: 'get',
    path: '/api/registration/events',
    access: 'participant',
    summary: 'My events of the current round with a registration, a pre-assignment or a recording',
    query: languageQuery,
    handle: async ({ user, query }) => {
      const language = query.lang ?? user.language;
      const now = clock();
      const round = await deps.programme.currentRound(now);
      if (!round) {
        const none: RegistrationEventsResponse = { roundId: null, events: [] };
        return { status: 200, body: none };
      }
      // The round's settings, recordings and the person's hand-ins are read once, not per event.
      const [events, settings, recordings, handIns, participant, municipalities] = await Promise.all([
        deps.programme.listEvents(round.id),
        deps.registrations.listSettings(round.id),
        deps.recordings.forRound(round.id),
        deps.preAssignments.handInsOf(user),
        deps.participants.get(user),
        municipalityMap(),
      ]);
      const known = {
        settings: new Map(settings.map((setting) => [setting.eventId, setting])),
        recordings: new Map(recordings.map((recording) => [recording.eventId, recording])),
        handIns: new Map(
          handIns.filter((handIn) => handIn.roundId === round.id).map((handIn) => [handIn.eventId, handIn]),
        ),
      };
      const withRegistration = new Set(settings.map((setting) => setting.eventId));
      const withRecording = new Set(
        recordings.filter((recording) => deps.recordings.isAvailable(recording, now)).map((r) => r.eventId),
      );
      const me = participant?.value;
      const views: RegistrationEventView[] = [];
      for (const event of events) {
        const relevant =
          (withRegistration.has(event.id) && event.endsAt > now.toISOString()) ||
          (event.preAssignment !== undefined && event.endsAt > now.toISOString()) ||
          withRecording.has(event.id);
        if (!relevant || !(user.isCoordinator || isVisibleTo(event, me))) continue;
        views.push(await myEvent(event, user, me, language, municipalities, known));
      }
      const body: RegistrationEventsResponse = { roundId: round.id, events: views };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/register',
    params: eventParams,
    access: 'participant',
    summary: 'Register for an event (or join its waitlist), or change my answers to its questions',
    query: languageQuery,
    body: answersBody,
    handle: async ({ user, params, query, body }) => {
      const event = await currentEvent(params.eventId);
      await service.register(event.roundId, event.id, user, body.answers);
      return answerWithEvent(user, query.lang, event);
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/cancel',
    params: eventParams,
    access: 'participant',
    summary: 'Cancel my registration or leave the waitlist (until the cancellation deadline)',
    query: languageQuery,
    handle: async ({ user, params, query }) => {
      const event = await currentEvent(params.eventId);
      await service.cancel(event.roundId, event.id, user, 'participant');
      return answerWithEvent(user, query.lang, event);
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/offer',
    params: eventParams,
    access: 'participant',
    summary: 'Accept or decline a seat offered to me from the waitlist',
    query: languageQuery,
    body: z.object({ accept: z.boolean(), offerSequence: z.number().int().min(0).optional() }).strict(),
    handle: async ({ user, params, query, body }) => {
      const event = await currentEvent(params.eventId);
      await service.respondToOffer(event.roundId, event.id, user, body.accept, body.offerSequence);
      return answerWithEvent(user, query.lang, event);
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/transfer',
    params: eventParams,
    access: 'participant',
    summary: 'Hand my confirmed seat to a colleague of the same municipality',
    query: languageQuery,
    body: z.object({ colleague: identitySchema }).strict(),
    handle: async ({ user, params, query, body }) => {
      const event = await currentEvent(params.eventId);
      await service.transfer(event.roundId, event.id, user, body.colleague);
      return answerWithEvent(user, query.lang, event);
    },
  });

  router.add({
    method: 'put',
    path: '/api/registration/events/:eventId/pre-assignment',
    params: eventParams,
    access: 'participant',
    summary: "Hand in the event's pre-assignment (an answer, a link or done); changeable until the due time",
    query: languageQuery,
    body: handInBody,
    handle: async ({ user, params, query, body }) => {
      const event = await currentEvent(params.eventId);
      await deps.preAssignments.handIn(event.roundId, event.id, user, {
        text: body.text ?? undefined,
        url: body.url ?? undefined,
        done: body.done,
      });
      return answerWithEvent(user, query.lang, event);
    },
  });

  router.add({
    method: 'get',
    path: '/api/registration/links/:roundId/:eventId/calendar.ics',
    params: linkParams,
    access: 'public',
    summary:
      "A confirmed person's own calendar entry (REQUEST, or CANCEL once the seat is gone); the signed token is the access",
    query: tokenQuery,
    handle: async ({ params, query }) => {
      const now = clock();
      const check = await deps.signer.verify(
        query.token,
        { purpose: 'registration-calendar', roundId: params.roundId, itemId: params.eventId },
        now,
      );
      if (!check.ok) {
        if (check.reason === 'expired') throw new ApiError(410, 'This calendar link has expired.');
        throw new ApiError(404, 'There is no such calendar entry.');
      }
      const { claims } = check;
      const event = (await deps.programme.getEvent(params.roundId, params.eventId))?.value;
      const settings = event ? await deps.registrations.getSettings(event.roundId, event.id) : undefined;
      const registration = settings ? await deps.registrations.findRegistration(settings, claims) : undefined;
      if (!event || !registration) throw new ApiError(404, 'There is no such calendar entry.');
      const participant = (await deps.participants.get(claims))?.value;
      const file = buildRegistrationCalendar({
        event,
        registration,
        language: query.lang ?? participant?.language ?? 'fi',
        now,
      });
      return {
        status: 200,
        text: file.text,
        contentType: file.contentType,
        headers: { 'Content-Disposition': `attachment; filename="${file.fileName}"` },
      };
    },
  });

  router.add({
    method: 'get',
    path: '/api/registration/links/:roundId/:eventId/recording',
    params: linkParams,
    access: 'public',
    summary:
      'A recording while it is available: the link entered, or the Teams recording streamed from Graph',
    query: tokenQuery,
    handle: async ({ params, query, raw }): Promise<ApiResult> => {
      const range = raw.headers.range;
      const answer = await deps.recordings.watch(
        params.roundId,
        params.eventId,
        query.token,
        typeof range === 'string' ? range : undefined,
      );
      if (answer === 'expired') throw new ApiError(410, 'The recording is no longer available.');
      if (!answer) throw new ApiError(404, 'There is no such recording.');
      if (answer.kind === 'redirect') {
        return { status: 302, headers: { Location: answer.url } };
      }
      return {
        status: answer.status,
        stream: answer.stream,
        contentType: answer.contentType,
        headers: { ...answer.headers, 'Content-Disposition': 'inline' },
      };
    },
  });

  // ----- coordinators -----

  router.add({
    method: 'get',
    path: '/api/registration/coordinator/events',
    access: 'coordinator',
    summary: "The current round's events with their registration, pre-assignment and recording at a glance",
    query: languageQuery,
    handle: async ({ user, query }) => {
      const language = query.lang ?? user.language;
      const now = clock();
      const round = await deps.programme.currentRound(now);
      if (!round) {
        const none: CoordinatorEventsResponse = { roundId: null, events: [], canLookUpRecordings: false };
        return { status: 200, body: none };
      }
      const [events, settings, recordings] = await Promise.all([
        deps.programme.listEvents(round.id),
        deps.registrations.listSettings(round.id),
        deps.recordings.forRound(round.id),
      ]);
      const settingsOf = new Map(settings.map((setting) => [setting.eventId, setting]));
      const recorded = new Set(recordings.map((recording) => recording.eventId));
      const views = [];
      for (const event of events) {
        const setting = settingsOf.get(event.id);
        let registration: CoordinatorEventsResponse['events'][number]['registration'] = null;
        if (setting) {
          const all = await service.allRegistrations(setting);
          registration = {
            phase: phaseOf(setting, now),
            confirmed: all.filter((r) => r.status === 'confirmed').length,
            offered: all.filter((r) => r.status === 'offered').length,
            waitlisted: all.filter((r) => r.status === 'waitlisted').length,
          };
        }
        views.push({
          eventId: event.id,
          title: pickText(event.title, language),
          typeName: pickText(EVENT_TYPE_NAMES[event.type], language),
          when: formatHelsinkiRange(new Date(event.startsAt), new Date(event.endsAt), language),
          isPast: event.endsAt <= now.toISOString(),
          hasStarted: event.startsAt <= now.toISOString(),
          inPersonQuota: event.inPersonQuota ?? null,
          hasOnlineMeeting: event.onlineUrl !== undefined,
          registration,
          hasPreAssignment: event.preAssignment !== undefined,
          hasRecording: recorded.has(event.id),
        });
      }
      const body: CoordinatorEventsResponse = {
        roundId: round.id,
        events: views,
        canLookUpRecordings: deps.recordings.canLookUp,
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'get',
    path: '/api/registration/events/:eventId/overview',
    params: eventParams,
    access: 'coordinator',
    summary:
      'The municipality × seats matrix, the waitlist, the confirmed and the overrides; the ETag versions the settings',
    query: languageQuery,
    handle: async ({ user, params, query }) => {
      const language = query.lang ?? user.language;
      const event = await currentEvent(params.eventId);
      const settings = await deps.registrations.getSettings(event.roundId, event.id);
      const body = await overview(event, settings, language);
      return { status: 200, body, ...(settings?.etag ? { headers: { ETag: settings.etag } } : {}) };
    },
  });

  const overview = async (
    event: ProgrammeEvent,
    settings: RegistrationSettings | undefined,
    language: Language,
  ): Promise<RegistrationOverviewResponse> => {
    const municipalities = await municipalityMap();
    const text = (iso: string): string => formatHelsinkiDateTime(new Date(iso), language);
    const nameOf = (id: string): string => {
      const municipality = municipalities.get(id);
      return municipality ? municipalityName(municipality, language) : id;
    };
    const scopes = settings ? await deps.registrations.eventScopes(settings) : [];
    const registrations = scopes.flatMap((scope) => scope.registrations);
    const counts = new Map(scopes.flatMap((scope) => [...scope.counts]));
    const waiting = registrations
      .filter((registration) => registration.status === 'waitlisted')
      .sort(waitlistOrder);
    const positions = new Map<string, number>();
    const perMunicipality = new Map<string, number>();
    for (const registration of waiting) {
      const next = (perMunicipality.get(registration.municipalityId) ?? 0) + 1;
      perMunicipality.set(registration.municipalityId, next);
      positions.set(personKey(registration), next);
    }
    const person = (registration: Registration): PersonSeatView => ({
      tenantId: registration.tenantId,
      aadObjectId: registration.aadObjectId,
      name: registration.name,
      municipalityId: registration.municipalityId,
      municipalityName: nameOf(registration.municipalityId),
      status: registration.status,
      position: positions.get(personKey(registration)) ?? null,
      offerExpiresText: registration.offerExpiresAt ? text(registration.offerExpiresAt) : null,
      registeredText: text(registration.registeredAt),
      byCoordinator: registration.byCoordinator,
      transferredFrom: registration.transferredFrom ?? null,
    });
    const ids = new Set([...municipalities.keys(), ...counts.keys()]);
    const matrix: SeatRowView[] = settings
      ? [...ids]
          .map((municipalityId) => {
            const count = counts.get(municipalityId);
            const quota = quotaOf(settings, count);
            return {
              municipalityId,
              municipalityName: nameOf(municipalityId),
              quota,
              quotaOverridden: count?.quotaOverride !== undefined,
              confirmed: count?.confirmed ?? 0,
              offered: count?.offered ?? 0,
              waitlisted: perMunicipality.get(municipalityId) ?? 0,
              full: takenSeats(count) >= quota,
            };
          })
          .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'fi'))
      : [];
    const overrides: OverrideView[] = settings
      ? (await deps.log.forEvent(event.roundId, event.id)).map((entry) => ({
          kind: entry.kind,
          municipalityName: nameOf(entry.municipalityId),
          subjectName: entry.subject?.name ?? null,
          detail: entry.detail,
          reason: entry.reason,
          actorName: entry.actor.name,
          atText: text(entry.at),
        }))
      : [];
    const settingsView: SettingsView | null = settings
      ? {
          opensAt: toWallClockText(new Date(settings.opensAt)),
          closesAt: toWallClockText(new Date(settings.closesAt)),
          cancelDeadline: settings.cancelDeadline ? toWallClockText(new Date(settings.cancelDeadline)) : null,
          quota: settings.quota,
          capacity: settings.capacity ?? null,
          offerHours: settings.offerHours,
          questions: settings.questions.map((question) => ({
            id: question.id,
            label: question.label
              ? { fi: question.label.fi, sv: question.label.sv ?? '', en: question.label.en ?? '' }
              : null,
          })),
          updatedAt: settings.updatedAt,
          updatedBy: settings.updatedBy,
        }
      : null;
    return {
      eventId: event.id,
      title: pickText(event.title, language),
      when: formatHelsinkiRange(new Date(event.startsAt), new Date(event.endsAt), language),
      settings: settingsView,
      phase: settings ? phaseOf(settings, clock()) : null,
      totals: {
        confirmed: registrations.filter((registration) => registration.status === 'confirmed').length,
        offered: registrations.filter((registration) => registration.status === 'offered').length,
        waitlisted: waiting.length,
        capacity: settings?.capacity ?? null,
      },
      matrix,
      waitlist: [
        ...registrations.filter((registration) => registration.status === 'offered'),
        ...waiting,
      ].map(person),
      confirmed: registrations
        .filter((registration) => registration.status === 'confirmed')
        .sort(
          (a, b) =>
            nameOf(a.municipalityId).localeCompare(nameOf(b.municipalityId), 'fi') ||
            a.name.localeCompare(b.name, 'fi'),
        )
        .map(person),
      overrides,
    };
  };

  router.add({
    method: 'put',
    path: '/api/registration/events/:eventId/settings',
    params: eventParams,
    access: 'coordinator',
    summary: 'Open registration for an event or change it (If-Match with the overview’s ETag to change)',
    query: languageQuery,
    body: settingsBody,
    handle: async ({ user, params, query, body, ifMatch }) => {
      const event = await currentEvent(params.eventId);
      const existing = await deps.registrations.getSettings(event.roundId, event.id);
      if (existing && !ifMatch) {
        throw new ApiError(
          428,
          'Send If-Match with the ETag you read, so nobody else’s change is overwritten.',
        );
      }
      const saved = await service.saveSettings(
        event.roundId,
        event.id,
        {
          opensAt: body.opensAt,
          closesAt: body.closesAt,
          cancelDeadline: body.cancelDeadline ?? undefined,
          quota: body.quota,
          capacity: body.capacity ?? undefined,
          offerHours: body.offerHours,
          questions: body.questions.map((question) => ({
            id: question.id,
            label:
              question.label && question.label.fi
                ? {
                    fi: question.label.fi,
                    ...(question.label.sv ? { sv: question.label.sv } : {}),
                    ...(question.label.en ? { en: question.label.en } : {}),
                  }
                : undefined,
          })),
        },
        actorOf(user),
        ifMatch,
      );
      const view = await overview(event, saved, query.lang ?? user.language);
      return {
        status: existing ? 200 : 201,
        body: view,
        ...(saved.etag ? { headers: { ETag: saved.etag } } : {}),
      };
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/close',
    params: eventParams,
    access: 'coordinator',
    summary: 'Close registration now; from then on the coordinators decide who gets a freed seat',
    query: languageQuery,
    handle: async ({ user, params, query }) => {
      const event = await currentEvent(params.eventId);
      const settings = await deps.registrations.getSettings(event.roundId, event.id);
      if (!settings) throw new RegistrationError('noRegistration', 'The event has no registration.');
      const now = clock().toISOString();
      const saved =
        settings.closesAt <= now
          ? settings
          : await service.saveSettings(
              event.roundId,
              event.id,
              {
                ...settings,
                opensAt: settings.opensAt < now ? settings.opensAt : now,
                closesAt: now,
              },
              actorOf(user),
              settings.etag,
            );
      const view = await overview(event, saved, query.lang ?? user.language);
      return { status: 200, body: view, ...(saved.etag ? { headers: { ETag: saved.etag } } : {}) };
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/overrides',
    params: eventParams,
    access: 'coordinator',
    summary:
      "A coordinator's decision past the rules, with a reason: confirm a seat, cancel one, or a municipality's quota",
    query: languageQuery,
    body: overrideBody,
    handle: async ({ user, params, query, body }) => {
      const event = await currentEvent(params.eventId);
      const actor = actorOf(user);
      switch (body.kind) {
        case 'confirm':
          await service.confirmByCoordinator(event.roundId, event.id, body.person, body.reason, actor);
          break;
        case 'cancel':
          await service.cancelByCoordinator(event.roundId, event.id, body.person, body.reason, actor);
          break;
        case 'quota':
          await service.setMunicipalityQuota(
            event.roundId,
            event.id,
            body.municipalityId,
            body.quota,
            body.reason,
            actor,
          );
          break;
      }
      const settings = await deps.registrations.getSettings(event.roundId, event.id);
      return { status: 200, body: await overview(event, settings, query.lang ?? user.language) };
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/announce',
    params: eventParams,
    access: 'coordinator',
    summary: 'Sends each person of the event’s audience who has not registered their registration card',
    handle: async ({ params }) => {
      const event = await currentEvent(params.eventId);
      return { status: 202, body: await deps.announcer.announce(event.roundId, event.id) };
    },
  });

  const csvRoute = (kind: 'attendees' | 'catering', summary: string): void => {
    router.add({
      method: 'get',
      path: `/api/registration/events/:eventId/${kind}.csv`,
      params: eventParams,
      access: 'coordinator',
      summary,
      query: languageQuery,
      handle: async ({ user, params, query, raw }) => {
        const language = query.lang ?? user.language;
        const event = await currentEvent(params.eventId);
        const settings = await deps.registrations.getSettings(event.roundId, event.id);
        if (!settings) throw new RegistrationError('noRegistration', 'The event has no registration.');
        const [registrations, municipalities] = await Promise.all([
          service.allRegistrations(settings),
          municipalityMap(),
        ]);
        const text =
          kind === 'attendees'
            ? attendeesCsv(settings, registrations, municipalities, language)
            : cateringCsv(registrations, municipalities, language);
        if (kind === 'catering') {
          // Reading health-related needs is recorded like a change: who took the list, and when
          // (real time, as the router stamps every other entry of the audit log).
          await deps.audit.record({
            at: new Date().toISOString(),
            actorTenantId: user.tenantId,
            actorObjectId: user.aadObjectId,
            actorName: user.name,
            action: 'GET /api/registration/events/:eventId/catering.csv',
            target: new URL(raw.url ?? '/', 'http://localhost').pathname,
            outcome: 200,
          });
        }
        const date = clock().toISOString().slice(0, 10);
        return {
          status: 200,
          text,
          contentType: CSV_CONTENT_TYPE,
          headers: { 'Content-Disposition': attachmentDisposition(`${event.id}-${kind}-${date}.csv`) },
        };
      },
    });
  };
  csvRoute(
    'attendees',
    'The attendee list (confirmed, offered, waitlisted) for Excel; without diet and accessibility needs',
  );
  csvRoute(
    'catering',
    'Diet and accessibility needs of the confirmed, for catering and the venue (sensitive; each download audited)',
  );

  router.add({
    method: 'get',
    path: '/api/registration/events/:eventId/pre-assignment/completion',
    params: eventParams,
    access: 'coordinator',
    summary: "Who has handed in the event's pre-assignment, per municipality, and the answers",
    query: languageQuery,
    handle: async ({ user, params, query }) => {
      const language = query.lang ?? user.language;
      const event = await deps.preAssignments.event(await currentRoundId(), params.eventId);
      const [completion, municipalities] = await Promise.all([
        deps.preAssignments.completion(event),
        municipalityMap(),
      ]);
      const nameOf = (id: string): string => {
        const municipality = municipalities.get(id);
        return municipality ? municipalityName(municipality, language) : id;
      };
      const body: PreAssignmentCompletionResponse = {
        eventId: event.id,
        title: pickText(event.title, language),
        deadlineText: formatHelsinkiDateTime(new Date(PreAssignmentService.deadlineOf(event)), language),
        rows: completion.byMunicipality
          .map((row) => ({ ...row, municipalityName: nameOf(row.municipalityId) }))
          .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'fi')),
        answers: completion.handIns.map((handIn) => ({
          name: handIn.name,
          municipalityName: nameOf(handIn.municipalityId ?? ''),
          text: handIn.text ?? null,
          url: handIn.url ?? null,
          done: handIn.done,
          updatedText: formatHelsinkiDateTime(new Date(handIn.updatedAt), language),
        })),
      };
      return { status: 200, body };
    },
  });

  const recordingResponse = async (event: ProgrammeEvent, language: Language): Promise<RecordingResponse> => {
    const recording = await deps.recordings.get(event.roundId, event.id);
    return {
      canLookUp: deps.recordings.canLookUp,
      recording: recording
        ? {
            source: recording.source,
            url: recording.url ?? null,
            recordedText: recording.graph
              ? formatHelsinkiDateTime(new Date(recording.graph.createdAt), language)
              : null,
            availableFrom: toWallClockText(new Date(recording.availableFrom)),
            availableUntil: toWallClockText(new Date(recording.availableUntil)),
            availableUntilText: formatHelsinkiDateTime(new Date(recording.availableUntil), language),
            version: recording.version,
            sent: recording.sentVersion === recording.version,
            addedBy: recording.addedBy,
          }
        : null,
    };
  };

  router.add({
    method: 'get',
    path: '/api/registration/events/:eventId/recording',
    params: eventParams,
    access: 'coordinator',
    summary: "The event's recording and its availability window; the ETag versions it",
    query: languageQuery,
    handle: async ({ user, params, query }) => {
      const event = await currentEvent(params.eventId);
      const recording = await deps.recordings.get(event.roundId, event.id);
      return {
        status: 200,
        body: await recordingResponse(event, query.lang ?? user.language),
        ...(recording?.etag ? { headers: { ETag: recording.etag } } : {}),
      };
    },
  });

  router.add({
    method: 'put',
    path: '/api/registration/events/:eventId/recording',
    params: eventParams,
    access: 'coordinator',
    summary:
      'Add or change the recording of a past event: a link by hand, or looked up from its Teams meeting',
    query: languageQuery,
    body: recordingBody,
    handle: async ({ user, params, query, body, ifMatch }) => {
      const event = await currentEvent(params.eventId);
      const existing = await deps.recordings.get(event.roundId, event.id);
      if (existing && !ifMatch) {
        throw new ApiError(
          428,
          'Send If-Match with the ETag you read, so nobody else’s change is overwritten.',
        );
      }
      const saved = await deps.recordings.save(
        event.roundId,
        event.id,
        {
          url: body.url ?? undefined,
          lookup: body.lookup,
          availableFrom: body.availableFrom,
          availableUntil: body.availableUntil,
        },
        user.name,
        ifMatch,
      );
      return {
        status: existing ? 200 : 201,
        body: await recordingResponse(event, query.lang ?? user.language),
        ...(saved.etag ? { headers: { ETag: saved.etag } } : {}),
      };
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/recording/lookup',
    params: eventParams,
    access: 'coordinator',
    summary:
      "Looks the recording up from the event's Teams meeting through Microsoft Graph (nothing is stored)",
    query: languageQuery,
    handle: async ({ user, params, query }) => {
      const event = await currentEvent(params.eventId);
      const found = await deps.recordings.lookup(event.roundId, event.id);
      return {
        status: 200,
        body: {
          recordingId: found.recordingId,
          recordedText: formatHelsinkiDateTime(new Date(found.createdAt), query.lang ?? user.language),
        },
      };
    },
  });

  router.add({
    method: 'post',
    path: '/api/registration/events/:eventId/recording/send',
    params: eventParams,
    access: 'coordinator',
    summary: 'Sends the recording card to those registered who did not attend and/or to the event’s audience',
    body: sendBody,
    handle: async ({ params, body }) => {
      const event = await currentEvent(params.eventId);
      const result: RecordingSendResponse = await deps.recordings.send(event.roundId, event.id, body);
      return { status: 202, body: result };
    },
  });

  router.add({
    method: 'del',
    path: '/api/registration/events/:eventId/recording',
    params: eventParams,
    access: 'coordinator',
    summary: "Removes the event's recording from the programme (cards already sent keep their link)",
    handle: async ({ params }) => {
      const event = await currentEvent(params.eventId);
      await deps.recordings.remove(event.roundId, event.id);
      return { status: 204 };
    },
  });
}
