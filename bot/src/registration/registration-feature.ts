import type { TokenCredential } from '@azure/identity';
import type { Feature, FeatureContext } from '../platform/feature';
import { graphCredentialFor } from '../platform/graph/graph-client';
import { PeriodicJob } from '../platform/periodic-job';
import type { AuditLog } from '../platform/storage/audit-log';
import type { MunicipalityRepository, ParticipantRepository } from '../people';
import type { ProgrammeRepository } from '../programme';
import { VERBS } from '../shared/cards/verbs';
import type { Language } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import { OverrideLog } from './override-log';
import { preAssignmentActions } from './pre-assignment-actions';
import { preAssignmentActivity } from './pre-assignment-card';
import { PreAssignmentRepository } from './pre-assignment-repository';
import { PreAssignmentService } from './pre-assignment-service';
import { recordingActivity } from './recording-card';
import { GraphRecordingFinder, type RecordingFinder } from './recording-graph';
import { RecordingRepository } from './recording-repository';
import { RecordingService } from './recording-service';
import { RegistrationCommand, registrationActions } from './registration-actions';
import { RegistrationCards } from './registration-card';
import { registrationMessagesFor } from './registration-messages';
import { isHoldingSeat } from './registration-model';
import { RegistrationAnnouncer, RegistrationNotifier } from './registration-notifier';
import { RegistrationPersonalData } from './registration-personal-data';
import { RegistrationRepository } from './registration-repository';
import { registerRegistrationRoutes } from './registration-routes';
import { RegistrationError, RegistrationService } from './registration-service';

export interface RegistrationFeatureSettings {
  /** How often each instance withdraws expired offers and sends due pre-assignment reminders (default 60 s). */
  readonly tickMs?: number;
  /** The one pre-assignment reminder goes this many hours before the due time (default 24). */
  readonly preAssignmentReminderHours?: number;
  /** The Graph token source for recordings (tests pass a fake); by default from the GRAPH_ settings. */
  readonly graphCredential?: TokenCredential;
  /** Replaces the Graph lookup of recordings (a test's fake). */
  readonly recordingFinder?: RecordingFinder;
}

export interface RegistrationDeps {
  readonly programme: ProgrammeRepository;
  readonly participants: ParticipantRepository;
  readonly municipalities: MunicipalityRepository;
  readonly audit: AuditLog;
  /** Who said "I can't attend" an event (the reminders record it); the recording goes to them too. */
  readonly absentees: (event: ProgrammeEvent) => Promise<readonly TeamsIdentity[]>;
}

/** A button another feature's card may carry for this one (the reminder's "hand in"). */
export interface CardButton {
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface RegistrationFeature extends Feature {
  readonly service: RegistrationService;
  readonly preAssignments: PreAssignmentService;
  readonly recordings: RecordingService;
  readonly repository: RegistrationRepository;
  /** The confirmed of an event with a registration (its personal reminders go to them only). */
  confirmedAudience(event: ProgrammeEvent): Promise<TeamsIdentity[] | undefined>;
  /**
   * "I can't attend" on an event with a registration gives the seat up (the waitlist moves);
   * returns a sentence for the person, or undefined when they had no registration.
   */
  cannotAttend(event: ProgrammeEvent, who: TeamsIdentity, language: Language): Promise<string | undefined>;
  /** "Hand in the pre-assignment" for a reminder card while the pre-assignment is open. */
  reminderButtons(event: ProgrammeEvent, language: Language): readonly CardButton[];
  /** One background pass now (tests): expired offers withdrawn, due pre-assignment reminders sent. */
  tick(): Promise<{ readonly expired: number; readonly reminders: readonly string[] }>;
}

/**
 * Registration with a per-municipality quota, pre-assignments that can be handed in, and
 * recordings of past events: the card and the `ilmoittaudu` command, the tab's routes, the signed
 * calendar and recording links, and the background pass that withdraws expired offers and sends
 * the pre-assignment reminders.
 */
export function registrationFeature(
  context: FeatureContext,
  deps: RegistrationDeps,
  settings: RegistrationFeatureSettings = {},
): RegistrationFeature {
  const { store, clock, logger, config, delivery, links } = context;
  const log = logger.child({ component: 'registration' });
  const repository = new RegistrationRepository(store);
  const overrides = new OverrideLog(store);
  const handIns = new PreAssignmentRepository(store);
  const recordingRepository = new RecordingRepository(store);
  const signer = context.personalLinks;

  // The notifier needs the cards, which need the service: the service reaches it once all exist.
  const service: RegistrationService = new RegistrationService({
    registrations: repository,
    programme: deps.programme,
    participants: deps.participants,
    log: overrides,
    notify: (notice): Promise<void> => notifier.notify(notice),
    clock,
    logger: log,
  });
  const cards: RegistrationCards = new RegistrationCards({
    service,
    registrations: repository,
    participants: deps.participants,
    municipalities: deps.municipalities,
    signer,
    links,
    publicUrl: config.publicUrl,
    clock,
  });
  const notifier: RegistrationNotifier = new RegistrationNotifier({
    programme: deps.programme,
    participants: deps.participants,
    cards,
    delivery,
    logger: log,
  });

  const announcer = new RegistrationAnnouncer({
    programme: deps.programme,
    participants: deps.participants,
    registrations: repository,
    cards,
    delivery,
    clock,
  });
  const confirmedAudience = (event: ProgrammeEvent) => service.confirmedFor(event);
  const preAssignments = new PreAssignmentService({
    handIns,
    programme: deps.programme,
    participants: deps.participants,
    confirmedFor: confirmedAudience,
    delivery,
    reminderCard: (event, language) =>
      preAssignmentActivity({ event, language, now: clock(), handIn: undefined, reminder: true }),
    clock,
    logger: log,
    reminderHours: settings.preAssignmentReminderHours ?? 24,
  });

  const finder =
    settings.recordingFinder ??
    (config.graph
      ? new GraphRecordingFinder({
          organizerUpn: config.graph.organizerUpn,
          baseUrl: config.graph.baseUrl,
          credential: settings.graphCredential ?? graphCredentialFor(config.graph),
        })
      : undefined);
  const recordings = new RecordingService({
    recordings: recordingRepository,
    programme: deps.programme,
    participants: deps.participants,
    finder,
    signer,
    delivery,
    registrationsFor: async (event) => {
      const eventSettings = await repository.getSettings(event.roundId, event.id);
      return eventSettings ? service.allRegistrations(eventSettings) : undefined;
    },
    absentees: deps.absentees,
    render: recordingActivity,
    clock,
    logger: log,
    publicUrl: config.publicUrl,
  });

  const tick = async () => {
    const round = await deps.programme.currentRound(clock());
    const expired = round ? await service.expireOffers(round.id) : 0;
    const reminders = await preAssignments.remind();
    return { expired, reminders };
  };
  const job = new PeriodicJob({
    name: 'registration tick',
    intervalMs: settings.tickMs ?? 60_000,
    firstRunAfterMs: 3_000,
    logger,
    run: async () => {
      const result = await tick();
      if (result.expired > 0 || result.reminders.length > 0) log.info('registration tick', { ...result });
    },
  });

  return {
    name: 'registration',
    service,
    preAssignments,
    recordings,
    repository,
    confirmedAudience,
    cannotAttend: async (event, who, language) => {
      const m = registrationMessagesFor(language);
      const eventSettings = await repository.getSettings(event.roundId, event.id);
      if (!eventSettings) return undefined;
      const mine = await repository.findRegistration(eventSettings, who);
      if (!mine || mine.status === 'cancelled') return undefined;
      try {
        await service.cancel(event.roundId, event.id, who, 'cannotAttend');
        return isHoldingSeat(mine) ? m.cannotAttendReleased : m.leftWaitlist;
      } catch (error) {
        if (error instanceof RegistrationError && error.code === 'deadlinePassed')
          return m.cannotAttendAfterDeadline;
        throw error;
      }
    },
    reminderButtons: (event, language) => {
      if (!event.preAssignment) return [];
      if (clock().toISOString() >= PreAssignmentService.deadlineOf(event)) return [];
      return [
        {
          title: registrationMessagesFor(language).preAssignment.handIn,
          verb: VERBS.preAssignmentOpen,
          data: { roundId: event.roundId, eventId: event.id },
        },
      ];
    },
    tick,
    commands: [new RegistrationCommand(deps.programme, repository, cards, clock)],
    cardActions: [...registrationActions({ service, cards }), ...preAssignmentActions(preAssignments, clock)],
    registerApi: (router) =>
      registerRegistrationRoutes(router, {
        service,
        registrations: repository,
        preAssignments,
        recordings,
        cards,
        announcer,
        log: overrides,
        audit: deps.audit,
        signer,
        programme: deps.programme,
        participants: deps.participants,
        municipalities: deps.municipalities,
        clock,
      }),
    personalData: new RegistrationPersonalData({
      service,
      registrations: repository,
      handIns,
      recordings: recordingRepository,
      log: overrides,
    }),
    start: () => job.start(),
    stop: () => job.stop(),
  };
}
