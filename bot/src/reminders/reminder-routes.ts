import { z } from 'zod';
import { buildReminderCard } from './reminder-card';
import { isValidOffset } from './reminder-plan';
import type { ProgrammeEvent } from '../shared/programme-event';
import { LANGUAGES, type Language } from '../shared/i18n/language';
import type { SendReachView } from '../delivery';
import type { Clock } from '../platform/clock';
import type { Delivery, DeliveryStatus } from '../platform/delivery';
import { reminderDueAt } from './reminder-schedule';
import type { ReminderScheduler } from './reminder-scheduler';
import type { AbsenceRepository } from './absence-repository';
import type { ProgrammeRepository } from '../programme';
import { reminderSpecSchema, type ReminderRepository } from './reminder-repository';
import { ApiError, type ApiRouter, pathParams } from '../platform/api/api-router';
import type { ReminderCardButtons } from './reminder-card';
import type { ReaderCalendarLink } from './cannot-attend-action';

export interface ReminderRouteDeps {
  readonly programme: ProgrammeRepository;
  readonly reminders: ReminderRepository;
  readonly absences: AbsenceRepository;
  readonly scheduler: ReminderScheduler;
  readonly delivery: Delivery;
  readonly clock: Clock;
  /** A reader's own signed "add to calendar" link (the preview shows the coordinator's own). */
  readonly calendarLink: ReaderCalendarLink;
  readonly cardButtons?: ReminderCardButtons;
}

const roundQuery = z.object({ roundId: z.string().min(1).max(200).optional() });
const planBody = z.object({
  reminders: z
    .array(reminderSpecSchema)
    .max(10)
    .refine((list) => new Set(list.map((spec) => spec.offset)).size === list.length, 'each offset once')
    .nullable(),
});
const previewBody = z.object({
  language: z.enum(LANGUAGES).default('fi'),
  offset: z.string().refine(isValidOffset, 'an offset such as P1D').optional(),
});
const sendNowBody = z.object({
  channel: z.boolean().default(true),
  personal: z.boolean().default(true),
  /** The tab's id for this press, so a retried request sends once. */
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .optional(),
});

/**
 * The tab's reminder routes, for coordinators: the plan of an event with the delivery status of
 * each reminder, editing the plan, a preview of the card, "send now", and who said they can't
 * attend. Plus the public "add to calendar" file the cards link to.
 */
export function registerReminderRoutes(router: ApiRouter, deps: ReminderRouteDeps): void {
  const findEvent = async (
    eventId: string | undefined,
    roundId: string | undefined,
  ): Promise<ProgrammeEvent> => {
    if (!eventId) throw new ApiError(404, 'No such event.');
    const round = roundId ?? (await deps.programme.currentRound(deps.clock()))?.id;
    const event = round ? (await deps.programme.getEvent(round, eventId))?.value : undefined;
    if (!event) throw new ApiError(404, 'No such event.');
    return event;
  };

  const describe = async (event: ProgrammeEvent) => {
    const plan = await deps.scheduler.planFor(event);
    const occurrences = await deps.scheduler.occurrencesOf(event);
    const statuses = new Map<string, DeliveryStatus>();
    for (const occurrence of occurrences) {
      if (occurrence.deliveryId)
        statuses.set(occurrence.deliveryId, await deps.delivery.status(occurrence.deliveryId));
    }
    return {
      event: {
        roundId: event.roundId,
        id: event.id,
        type: event.type,
        title: event.title,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
      },
      plan: {
        custom: plan.custom,
        reminders: plan.reminders,
        updatedAt: plan.updatedAt,
        updatedBy: plan.updatedBy,
      },
      reminders: occurrences.map((occurrence) => ({
        offset: isValidOffset(occurrence.offset) ? occurrence.offset : undefined,
        manual: !isValidOffset(occurrence.offset),
        dueAt: occurrence.dueAt,
        channel: occurrence.channel,
        personal: occurrence.personal,
        state: occurrence.state,
        reason: occurrence.reason,
        deliveryId: occurrence.deliveryId,
        delivery: occurrence.deliveryId ? statuses.get(occurrence.deliveryId) : undefined,
      })),
      etag: plan.etag,
    };
  };

  router.add({
    method: 'get',
    path: '/api/events/:eventId/reminders',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: "An event's reminder plan and the delivery status of each reminder",
    query: roundQuery,
    handle: async ({ params, query }) => {
      const event = await findEvent(params.eventId, query.roundId);
      const body = await describe(event);
      return { status: 200, body, ...(body.etag ? { headers: { ETag: body.etag } } : {}) };
    },
  });

  router.add({
    method: 'put',
    path: '/api/events/:eventId/reminders',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary:
      "Replaces an event's reminder plan (null restores the event type's default); If-Match guards edits",
    query: roundQuery,
    body: planBody,
    handle: async ({ params, query, body, user, ifMatch }) => {
      const event = await findEvent(params.eventId, query.roundId);
      if (body.reminders === null) {
        await deps.reminders.deletePlan(event.roundId, event.id);
      } else {
        const current = await deps.reminders.getPlan(event.roundId, event.id);
        if (ifMatch && ifMatch !== '*' && current?.etag !== ifMatch) {
          throw new ApiError(412, 'Someone else changed the plan in the meantime. Reload and try again.');
        }
        await deps.reminders.savePlan(
          {
            roundId: event.roundId,
            eventId: event.id,
            reminders: body.reminders,
            updatedBy: user?.name ?? '',
          },
          current?.etag,
          deps.clock(),
        );
      }
      // Occurrences follow at the next scheduler tick; run one now so the answer shows them.
      await deps.scheduler.tick();
      const described = await describe(event);
      return {
        status: 200,
        body: described,
        ...(described.etag ? { headers: { ETag: described.etag } } : {}),
      };
    },
  });

  router.add({
    method: 'post',
    path: '/api/events/:eventId/reminders/preview',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary:
      'The reminder card as Adaptive Card JSON in each language, and how many it would reach (for the confirmation)',
    query: roundQuery,
    body: previewBody,
    handle: async ({ params, query, body, user }) => {
      const event = await findEvent(params.eventId, query.roundId);
      // As it will read when sent: at the reminder's due time, or now if that time has passed (a
      // week-ahead reminder of an event 1.5 hours away goes out now and says "in 2 hours").
      const now = deps.clock();
      const due = body.offset ? reminderDueAt(new Date(event.startsAt), body.offset) : now;
      const sentAt = due.getTime() > now.getTime() ? due : now;
      const cardIn = async (language: Language) =>
        buildReminderCard(event, language, {
          now: sentAt,
          calendar: { url: await deps.calendarLink(event, user, language) },
          buttons: deps.cardButtons?.(event, language) ?? [],
        });
      const messages = await deps.scheduler.messages(event, {
        offset: undefined,
        channel: false,
        personal: true,
      });
      const reach: SendReachView = { channels: await deps.delivery.channelCount(), people: messages.length };
      return {
        status: 200,
        body: {
          language: body.language,
          card: await cardIn(body.language),
          cards: { fi: await cardIn('fi'), sv: await cardIn('sv'), en: await cardIn('en') },
          sentAt: sentAt.toISOString(),
          reach,
        },
      };
    },
  });

  router.add({
    method: 'post',
    path: '/api/events/:eventId/reminders/send-now',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: "Sends the event's reminder now to the channel and/or the audience personally",
    query: roundQuery,
    body: sendNowBody,
    handle: async ({ params, query, body }) => {
      const event = await findEvent(params.eventId, query.roundId);
      if (event.startsAt <= deps.clock().toISOString())
        throw new ApiError(409, 'The event has already started.');
      if (!body.channel && !body.personal)
        throw new ApiError(400, 'Choose the channel, personal messages or both.');
      const result = await deps.scheduler.sendNow(
        event,
        { channel: body.channel, personal: body.personal },
        body.requestId,
      );
      return { status: 202, body: result };
    },
  });

  router.add({
    method: 'get',
    path: '/api/events/:eventId/absences',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: "Who said they can't attend the event",
    query: roundQuery,
    handle: async ({ params, query }) => {
      const event = await findEvent(params.eventId, query.roundId);
      const absences = await deps.absences.listForEvent(event.roundId, event.id);
      return {
        status: 200,
        body: {
          absences: absences.map((absence) => ({
            tenantId: absence.tenantId,
            aadObjectId: absence.aadObjectId,
            name: absence.name,
            municipalityId: absence.municipalityId,
            recordedAt: absence.recordedAt,
          })),
        },
      };
    },
  });
}
