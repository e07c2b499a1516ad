import { instanceName } from '../delivery';
import { PeriodicJob } from '../platform/periodic-job';
import type { Feature, FeatureContext } from '../platform/feature';
import type { ParticipantRepository } from '../people';
import { eventCalendarLink, type ProgrammeRepository } from '../programme';
import { absencesOf, AbsenceRepository, eraseAbsencesOf, purgeAbsencesOfRounds } from './absence-repository';
import {
  CanAttendAfterAllAction,
  CannotAttendAction,
  ReminderCalendarAction,
  type ReaderCalendarLink,
} from './cannot-attend-action';
import { reminderActivity } from './reminder-card';
import { ReminderRepository } from './reminder-repository';
import { registerReminderRoutes } from './reminder-routes';
import { ReminderScheduler, type GroupMember, type TickResult } from './reminder-scheduler';
import type { ProgrammeEvent } from '../shared/programme-event';
import type { Language } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';
import type { ReminderCardButtons } from './reminder-card';

export interface ReminderSettings {
  /** How often each instance looks for due reminders (default 15 s). */
  readonly tickMs?: number;
  /** How long a claimed reminder stays claimed before another instance may take it (default 2 min). */
  readonly claimTtlMs?: number;
}

export interface ReminderDeps {
  readonly programme: ProgrammeRepository;
  readonly participants: ParticipantRepository;
  /** The members of a leadership discussion's small groups, each with their own group's link. */
  readonly groupMembers: (event: ProgrammeEvent) => Promise<readonly GroupMember[]>;
  /**
   * For an event with a registration, the people whose seat is confirmed: its personal reminders
   * go to them only (undefined: the event has none, the reminders go by role).
   */
  readonly registeredAudience?: (event: ProgrammeEvent) => Promise<readonly TeamsIdentity[] | undefined>;
  /**
   * Told of an "I can't attend" (a registration gives up the seat, so the waitlist moves); answers
   * with a sentence for the card in the person's language, or undefined.
   */
  readonly onCannotAttend?: (
    event: ProgrammeEvent,
    who: TeamsIdentity,
    language: Language,
  ) => Promise<string | undefined>;
  /** Buttons other features add to the reminder card (the pre-assignment's "hand in"). */
  readonly cardButtons?: ReminderCardButtons;
}

export interface RemindersFeature extends Feature {
  readonly scheduler: ReminderScheduler;
  readonly absences: AbsenceRepository;
  readonly reminders: ReminderRepository;
  /** One scheduler pass now (tests; "send now" uses the scheduler directly). */
  tick(): Promise<TickResult>;
}

/**
 * Workshop reminders: plans per event (defaults by event type, editable by coordinators), the
 * scheduler that turns due reminders into deliveries, the reminder card with "I can't attend",
 * and the tab's reminder routes. Sending itself is the outbox's job ({@link FeatureContext.delivery}).
 */
export function remindersFeature(
  context: FeatureContext,
  deps: ReminderDeps,
  settings: ReminderSettings = {},
): RemindersFeature {
  const { store, clock, logger, delivery } = context;
  const reminders = new ReminderRepository(store);
  const absences = new AbsenceRepository(store);
  const linkDeps = { signer: context.personalLinks, publicUrl: context.config.publicUrl };
  const calendarLink: ReaderCalendarLink = (event, reader, language) =>
    eventCalendarLink(linkDeps, event, reader, language);
  const scheduler = new ReminderScheduler(
    deps.programme,
    reminders,
    deps.participants,
    absences,
    delivery,
    async (event, language, _offset, reader) =>
      reminderActivity(event, language, {
        now: clock(),
        calendar: reader ? { url: await calendarLink(event, reader, language) } : 'ask',
        buttons: deps.cardButtons?.(event, language) ?? [],
      }),
    clock,
    logger.child({ component: 'reminders' }),
    {
      instanceId: instanceName(),
      claimTtlMs: settings.claimTtlMs ?? 120_000,
      groupMembers: deps.groupMembers,
      ...(deps.registeredAudience ? { registeredAudience: deps.registeredAudience } : {}),
    },
  );

  const tickMs = settings.tickMs ?? 15_000;
  const job = new PeriodicJob({
    name: 'reminder tick',
    intervalMs: tickMs,
    // The first look soon after start, so a reminder due while the app was down goes out at once.
    firstRunAfterMs: 1_000,
    logger,
    run: async () => {
      const result = await scheduler.tick();
      if (result.enqueued.length > 0 || result.skipped.length > 0)
        logger.info('reminder tick', { ...result });
    },
  });

  return {
    name: 'reminders',
    scheduler,
    absences,
    reminders,
    tick: () => scheduler.tick(),
    cardActions: [
      new CannotAttendAction(deps.programme, absences, calendarLink, clock, {
        ...(deps.onCannotAttend ? { onCannotAttend: deps.onCannotAttend } : {}),
        ...(deps.cardButtons ? { cardButtons: deps.cardButtons } : {}),
      }),
      new CanAttendAfterAllAction(deps.programme, absences, calendarLink, {
        ...(deps.cardButtons ? { cardButtons: deps.cardButtons } : {}),
      }),
      new ReminderCalendarAction(deps.programme, absences, calendarLink, {
        ...(deps.cardButtons ? { cardButtons: deps.cardButtons } : {}),
      }),
    ],
    registerApi: (router) =>
      registerReminderRoutes(router, {
        programme: deps.programme,
        reminders,
        absences,
        scheduler,
        delivery,
        clock,
        calendarLink,
        ...(deps.cardButtons ? { cardButtons: deps.cardButtons } : {}),
      }),
    personalData: {
      // "I can't attend" names the person; the reminders they were sent are in the delivery part.
      export: async (identity) => ({
        cannotAttend: (await absencesOf(store, identity)).map((absence) => ({
          roundId: absence.roundId,
          eventId: absence.eventId,
          name: absence.name,
          recordedAt: absence.recordedAt,
        })),
      }),
      erase: (identity) => eraseAbsencesOf(store, identity),
      purgeRounds: async (roundIds) => {
        await purgeAbsencesOfRounds(store, roundIds);
        for (const roundId of roundIds) await reminders.deleteRound(roundId);
      },
    },
    start: () => job.start(),
    stop: () => job.stop(),
  };
}
