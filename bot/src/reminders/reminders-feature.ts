import { registerReminderRoutes } from './reminder-routes';
import { reminderActivity } from './reminder-card';
import { CannotAttendAction } from './cannot-attend-action';
import { ReminderScheduler, type TickResult } from './reminder-scheduler';
import { PeerMeetingRepository } from '../groups/peer-group-meeting-repository';
import { AbsenceRepository } from './absence-repository';
import { ReminderRepository } from './reminder-repository';
import { toTeamsFxHandler } from '../platform/teams/card-action';
import { instanceName } from '../delivery/delivery-feature';
import type { Feature, FeatureContext } from '../platform/feature';

export interface ReminderSettings {
  /** How often each instance looks for due reminders (default 15 s). */
  readonly tickMs?: number;
  /** How long a claimed reminder stays claimed before another instance may take it (default 2 min). */
  readonly claimTtlMs?: number;
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
export function remindersFeature(context: FeatureContext, settings: ReminderSettings = {}): RemindersFeature {
  const delivery = context.delivery;
  if (!delivery) throw new Error('Reminders need the delivery feature on the context');
  const { store, repositories, clock, logger } = context;
  const reminders = new ReminderRepository(store);
  const absences = new AbsenceRepository(store);
  const meetings = new PeerMeetingRepository(store);
  const calendarUrl = (roundId: string, eventId: string): string =>
    `${context.config.publicUrl}/api/calendar/${encodeURIComponent(roundId)}/${encodeURIComponent(eventId)}`;
  const scheduler = new ReminderScheduler(
    repositories.programme,
    reminders,
    repositories.participants,
    absences,
    delivery,
    (event, language) =>
      reminderActivity(event, language, {
        now: clock(),
        calendarUrl: `${calendarUrl(event.roundId, event.id)}?lang=${language}`,
      }),
    clock,
    logger.child({ component: 'reminders' }),
    {
      instanceId: instanceName(),
      claimTtlMs: settings.claimTtlMs ?? 120_000,
      groupMembers: async (event) =>
        (await meetings.listForRound(event.roundId))
          .filter((meeting) => meeting.eventId === event.id && meeting.status === 'scheduled')
          .flatMap((meeting) =>
            meeting.members.map((member) => ({
              identity: { tenantId: member.tenantId, aadObjectId: member.aadObjectId },
              joinUrl: meeting.joinUrl,
            })),
          ),
    },
  );

  const tickMs = settings.tickMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  const runTick = (): void => {
    if (running || stopped) return;
    running = scheduler
      .tick()
      .then(
        (result) => {
          if (result.enqueued.length > 0 || result.skipped.length > 0)
            logger.info('reminder tick', { ...result });
        },
        (error: unknown) => logger.error('reminder tick failed', { error }),
      )
      .finally(() => {
        running = undefined;
      });
  };

  return {
    name: 'reminders',
    scheduler,
    absences,
    reminders,
    tick: () => scheduler.tick(),
    cardActions: [
      toTeamsFxHandler(
        new CannotAttendAction(repositories.programme, absences, calendarUrl, clock),
        context.people,
        context.logger,
      ),
    ],
    registerApi: (router) =>
      registerReminderRoutes(router, {
        programme: repositories.programme,
        reminders,
        absences,
        scheduler,
        delivery,
        clock,
        calendarUrl,
      }),
    start: () => {
      stopped = false;
      // The first look soon after start, so a reminder due while the app was down goes out at once.
      timer = setTimeout(function again() {
        runTick();
        timer = setTimeout(again, tickMs);
      }, 1_000);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
