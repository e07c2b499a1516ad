import type { Participant, TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/observability/logger';
import { ConflictError } from '../platform/storage/errors';
import type { ParticipantRepository } from '../people';
import { isVisibleTo, type ProgrammeRepository } from '../programme';
import type { OverrideLog } from './override-log';
import {
  cancelDeadlineOf,
  isHoldingSeat,
  personKey,
  phaseOf,
  quotaOf,
  sameIdentity,
  takenSeats,
  waitlistOrder,
  type CancelReason,
  type Registration,
  type RegistrationAnswers,
  type RegistrationSettings,
  type SeatCount,
} from './registration-model';
import {
  seatPartition,
  type RegistrationRepository,
  type SeatScope,
  type SeatWrite,
} from './registration-repository';

/** Why a registration request was refused; each is a sentence for the person, in their language. */
export type RegistrationErrorCode =
  | 'eventNotFound'
  | 'noRegistration'
  | 'notYetOpen'
  | 'closed'
  | 'eventStarted'
  | 'notParticipant'
  | 'noMunicipality'
  | 'notInAudience'
  | 'notRegistered'
  | 'deadlinePassed'
  | 'noOffer'
  | 'staleOffer'
  | 'offerExpired'
  | 'notColleague'
  | 'colleagueHasSeat'
  | 'notConfirmed'
  | 'eventFull'
  | 'quotaBelowTaken'
  | 'invalid'
  | 'busy';

export class RegistrationError extends Error {
  constructor(
    readonly code: RegistrationErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'RegistrationError';
  }
}

/** Something a person should hear about by a message of its own (an offer, a seat handed to them). */
export type RegistrationNotice =
  | { readonly kind: 'offered'; readonly registration: Registration }
  | { readonly kind: 'offerExpired'; readonly registration: Registration }
  | { readonly kind: 'transferredToYou'; readonly registration: Registration }
  | { readonly kind: 'confirmedByCoordinator'; readonly registration: Registration }
  | { readonly kind: 'cancelledByCoordinator'; readonly registration: Registration };

/** A person's standing for one event, as cards and the tab show it. */
export interface SeatStanding {
  readonly event: ProgrammeEvent;
  readonly settings: RegistrationSettings;
  readonly phase: 'notYetOpen' | 'open' | 'closed';
  readonly municipalityId: string | undefined;
  readonly quota: number;
  readonly taken: number;
  /** Waiting in the person's municipality. */
  readonly waiting: number;
  readonly total: { readonly capacity: number; readonly taken: number } | undefined;
  readonly registration: Registration | undefined;
  /** 1 = next in line; only while waitlisted. */
  readonly position: number | undefined;
  readonly canRegister: boolean;
  readonly canCancel: boolean;
  readonly cancelDeadline: string;
}

export interface RegistrationStats {
  /** Transactions refused because someone changed the seats first (412/409), each retried. */
  conflicts: number;
}

export interface Actor extends TeamsIdentity {
  readonly name: string;
}

/** What a coordinator sets when opening registration (times already UTC instants). */
export interface SettingsInput {
  readonly opensAt: string;
  readonly closesAt: string;
  readonly quota: number;
  readonly capacity: number | undefined;
  readonly cancelDeadline: string | undefined;
  readonly offerHours: number;
  readonly questions: RegistrationSettings['questions'];
}

/** Sentences for a coordinator about settings that cannot work. */
export function settingsProblems(input: SettingsInput, event: ProgrammeEvent): string[] {
  const problems: string[] = [];
  if (input.opensAt >= input.closesAt) problems.push('Registration must open before it closes.');
  if (input.closesAt > event.startsAt) problems.push('Registration must close by the start of the event.');
  if (input.cancelDeadline !== undefined && input.cancelDeadline > event.startsAt) {
    problems.push('The cancellation deadline must be before the event starts.');
  }
  if (input.capacity !== undefined && input.capacity < input.quota) {
    problems.push('The total capacity must be at least the quota of one municipality.');
  }
  if (input.questions.some((question) => question.id === 'other' && !question.label?.fi.trim())) {
    problems.push('The other question needs its wording, at least in Finnish.');
  }
  if (new Set(input.questions.map((question) => question.id)).size !== input.questions.length) {
    problems.push('Each question is asked once.');
  }
  return problems;
}

export interface RegistrationServiceDeps {
  readonly registrations: RegistrationRepository;
  readonly programme: ProgrammeRepository;
  readonly participants: ParticipantRepository;
  readonly log: OverrideLog;
  readonly notify: (notice: RegistrationNotice) => Promise<void>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Waits between retries (tests and the benchmark may shorten it). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Conflicts retried before a request is answered "busy, try again"; never a seat too many. */
const MAX_ATTEMPTS = 15;
/** Rounds of offering freed seats in one pass (each offers one seat). */
const MAX_FILL_ROUNDS = 50;

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registration with a per-municipality quota. Every change of who holds a seat is one
 * entity-group transaction of the seat partition, conditional on the ETags of the count and the
 * registration it read: when several people take the last seat at the same moment, on any number
 * of instances, one transaction succeeds and the others are retried with what they then read
 * (full: they join the waitlist). Joining the waitlist writes only the person's own row and then
 * offers any free seat, so a cancellation at the same moment is never missed: whichever of the two
 * writes comes second sees the other.
 */
export class RegistrationService {
  readonly stats: RegistrationStats = { conflicts: 0 };
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: RegistrationServiceDeps) {
    this.sleep = deps.sleep ?? sleepFor;
  }

  /** The event and its registration, or a refusal naming what is missing. */
  async eventWithSettings(
    roundId: string,
    eventId: string,
  ): Promise<{ event: ProgrammeEvent; settings: RegistrationSettings }> {
    const [found, settings] = await Promise.all([
      this.deps.programme.getEvent(roundId, eventId),
      this.deps.registrations.getSettings(roundId, eventId),
    ]);
    const event = found?.value;
    if (!event) throw new RegistrationError('eventNotFound', 'There is no such event.');
    if (!settings) throw new RegistrationError('noRegistration', 'The event has no registration.');
    return { event, settings };
  }

  /** A person registers, or changes their answers. Confirmed while their municipality has seats. */
  async register(
    roundId: string,
    eventId: string,
    who: TeamsIdentity,
    answers: RegistrationAnswers,
    /** The person as the caller already read them (a bot turn has), to save a read. */
    known?: Participant,
  ): Promise<SeatStanding & { readonly outcome: 'joined' | 'answersSaved' }> {
    const [{ event, settings }, participant] = await Promise.all([
      this.eventWithSettings(roundId, eventId),
      known ?? this.deps.participants.get(who).then((found) => found?.value),
    ]);
    const now = this.deps.clock();
    if (event.startsAt <= now.toISOString())
      throw new RegistrationError('eventStarted', 'The event has started.');
    this.requireApplicant(participant, event);
    const kept = keepAsked(settings, answers);
    let municipalityId: string;
    if (phaseOf(settings, now) === 'open') {
      // Where the registration lives is recorded once, before its first seat transaction; an
      // earlier registration's record wins, so a roster change never splits a person in two.
      municipalityId = await this.deps.registrations.ensureIndex(settings, who, participant.municipalityId);
    } else {
      // Closed (or not yet open): only the registered may come in, to correct their answers.
      const existing = await this.deps.registrations.findRegistration(settings, who);
      if (!existing || existing.status === 'cancelled') this.requireOpen(settings, event, now);
      municipalityId = existing?.municipalityId ?? participant.municipalityId;
    }
    const base = (mine: Registration | undefined, at: string): Registration => ({
      roundId,
      eventId,
      municipalityId,
      tenantId: who.tenantId,
      aadObjectId: who.aadObjectId,
      name: participant.name,
      email: participant.email,
      status: 'waitlisted',
      cancelReason: undefined,
      answers: kept,
      registeredAt: mine?.registeredAt ?? at,
      queuedAt: at,
      confirmedAt: undefined,
      offerExpiresAt: undefined,
      offerSequence: mine?.offerSequence ?? 0,
      cancelledAt: undefined,
      transferredFrom: undefined,
      transferredTo: undefined,
      byCoordinator: false,
      updatedAt: at,
      etag: mine?.etag,
    });
    const outcome = await this.retrying(async (): Promise<RegisterAttempt> => {
      if (settings.layout === 'municipality') {
        const quick = await this.registerQuickly(settings, event, municipalityId, who, kept, base);
        if (quick) return quick;
      }
      const scope = await this.deps.registrations.scope(settings, municipalityId);
      const mine = scope.registrations.find((registration) => sameIdentity(registration, who));
      const at = this.deps.clock().toISOString();
      if (mine && mine.status !== 'cancelled') {
        if (sameAnswers(mine.answers, kept)) return { registration: mine, joined: false, count: undefined };
        const updated: Registration = { ...mine, answers: kept, updatedAt: at };
        await this.deps.registrations.commit(scope, [{ kind: 'registration', registration: updated }]);
        return { registration: updated, joined: false, count: undefined };
      }
      // Cancelled in the meantime (or never registered): joining needs registration open.
      this.requireOpen(settings, event, this.deps.clock());
      const waiting = base(mine, at);
      // Nobody takes a free seat past people already waiting for it (they are offered it first).
      if (!nextInLine(scope, municipalityId) && hasRoom(scope, municipalityId)) {
        const confirmed: Registration = { ...waiting, status: 'confirmed', confirmedAt: at };
        await this.deps.registrations.commit(scope, [
          ...seatChange(scope, municipalityId, { confirmed: +1 }),
          { kind: 'registration', registration: confirmed },
        ]);
        return { registration: confirmed, joined: true, count: undefined };
      }
      // The first one to wait marks the count, so later registrations read the whole line.
      const count = scope.counts.get(municipalityId);
      await this.deps.registrations.commit(scope, [
        ...(count?.queue
          ? []
          : [{ kind: 'count' as const, count: { ...(count ?? emptyCount(municipalityId)), queue: true } }]),
        { kind: 'registration', registration: waiting },
      ]);
      return { registration: waiting, joined: true, count: undefined };
    });
    let settled: SeatScope | undefined;
    if (outcome.registration.status === 'waitlisted') {
      await this.fillSeats(settings, event, municipalityId, who, (scope) => {
        settled = scope;
      });
    }
    const mine = settled?.registrations.find((registration) => sameIdentity(registration, who));
    // The standing comes from what was just written or read, unless a seat moved meanwhile.
    const standing = outcome.count
      ? this.standingOf(event, settings, outcome.registration, outcome.count)
      : settled && mine
        ? this.standingIn(event, settings, mine, municipalityId, settled)
        : await this.standing(event, settings, who, participant);
    return { ...standing, outcome: outcome.joined ? 'joined' : 'answersSaved' };
  }

  /**
   * The common case without a partition scan: nobody has ever waited in the municipality and it
   * has room, so the person's seat is decided by two point reads and one transaction. Undefined
   * leaves the decision to the full read (a line, or no room).
   */
  private async registerQuickly(
    settings: RegistrationSettings,
    event: ProgrammeEvent,
    municipalityId: string,
    who: TeamsIdentity,
    answers: RegistrationAnswers,
    base: (mine: Registration | undefined, at: string) => Registration,
  ): Promise<RegisterAttempt | undefined> {
    const { count, registration: mine } = await this.deps.registrations.seat(settings, municipalityId, who);
    const scope: Pick<SeatScope, 'settings' | 'partition'> & { counts: Map<string, SeatCount> } = {
      settings,
      partition: seatPartition(settings, municipalityId),
      counts: new Map(count ? [[municipalityId, count]] : []),
    };
    const at = this.deps.clock().toISOString();
    if (mine && mine.status !== 'cancelled') {
      if (sameAnswers(mine.answers, answers))
        return { registration: mine, joined: false, count: count ?? emptyCount(municipalityId) };
      const updated: Registration = { ...mine, answers, updatedAt: at };
      await this.deps.registrations.commit(scope, [{ kind: 'registration', registration: updated }]);
      return { registration: updated, joined: false, count: count ?? emptyCount(municipalityId) };
    }
    if (count?.queue || takenSeats(count) >= quotaOf(settings, count)) return undefined;
    this.requireOpen(settings, event, this.deps.clock());
    const confirmed: Registration = { ...base(mine, at), status: 'confirmed', confirmedAt: at };
    const writes = seatChange({ ...scope, total: undefined, registrations: [] }, municipalityId, {
      confirmed: +1,
    });
    await this.deps.registrations.commit(scope, [
      ...writes,
      { kind: 'registration', registration: confirmed },
    ]);
    const after = writes[0]?.kind === 'count' ? writes[0].count : emptyCount(municipalityId);
    return { registration: confirmed, joined: true, count: after };
  }

  /** A standing from what a transaction just wrote (no reads): nobody waits, no total kept. */
  private standingOf(
    event: ProgrammeEvent,
    settings: RegistrationSettings,
    registration: Registration,
    count: SeatCount,
  ): SeatStanding {
    const now = this.deps.clock().toISOString();
    const cancelDeadline = cancelDeadlineOf(settings, event.startsAt);
    return {
      event,
      settings,
      phase: phaseOf(settings, this.deps.clock()),
      municipalityId: registration.municipalityId,
      quota: quotaOf(settings, count),
      taken: takenSeats(count),
      waiting: 0,
      total: undefined,
      registration,
      position: undefined,
      canRegister: false,
      canCancel:
        event.startsAt > now &&
        (registration.status === 'waitlisted' || (isHoldingSeat(registration) && now < cancelDeadline)),
      cancelDeadline,
    };
  }

  /**
   * A person gives up their seat or their place in the waitlist. Participants may cancel until the
   * cancellation deadline; a coordinator's cancellation has none. The seat goes to the next in line.
   */
  async cancel(
    roundId: string,
    eventId: string,
    who: TeamsIdentity,
    reason: Extract<CancelReason, 'participant' | 'cannotAttend' | 'coordinator'>,
  ): Promise<SeatStanding> {
    const { event, settings } = await this.eventWithSettings(roundId, eventId);
    const now = this.deps.clock();
    const found = await this.deps.registrations.findRegistration(settings, who);
    if (!found || found.status === 'cancelled')
      throw new RegistrationError('notRegistered', 'Not registered.');
    if (reason !== 'coordinator' && isHoldingSeat(found)) {
      if (now.toISOString() >= cancelDeadlineOf(settings, event.startsAt)) {
        throw new RegistrationError('deadlinePassed', 'The cancellation deadline has passed.');
      }
    }
    await this.retrying(async () => {
      const scope = await this.deps.registrations.scope(settings, found.municipalityId);
      const mine = scope.registrations.find((registration) => sameIdentity(registration, who));
      if (!mine || mine.status === 'cancelled') return;
      const at = this.deps.clock().toISOString();
      await this.deps.registrations.commit(scope, [
        ...releaseOf(scope, mine),
        {
          kind: 'registration',
          registration: {
            ...mine,
            status: 'cancelled',
            cancelReason: reason,
            cancelledAt: at,
            offerExpiresAt: undefined,
            updatedAt: at,
          },
        },
      ]);
    });
    await this.fillSeats(settings, event, found.municipalityId);
    return this.standing(event, settings, who);
  }

  /** The answer to a seat offered from the waitlist: accepted it is theirs, declined it goes on. */
  async respondToOffer(
    roundId: string,
    eventId: string,
    who: TeamsIdentity,
    accept: boolean,
    offerSequence: number | undefined,
  ): Promise<SeatStanding> {
    const { event, settings } = await this.eventWithSettings(roundId, eventId);
    const found = await this.deps.registrations.findRegistration(settings, who);
    if (!found || found.status !== 'offered') throw new RegistrationError('noOffer', 'No seat is offered.');
    if (offerSequence !== undefined && offerSequence !== found.offerSequence) {
      throw new RegistrationError('staleOffer', 'The offer has changed.');
    }
    await this.retrying(async () => {
      const scope = await this.deps.registrations.scope(settings, found.municipalityId);
      const mine = scope.registrations.find((registration) => sameIdentity(registration, who));
      if (!mine || mine.status !== 'offered') throw new RegistrationError('noOffer', 'No seat is offered.');
      const at = this.deps.clock().toISOString();
      if (mine.offerExpiresAt !== undefined && mine.offerExpiresAt <= at) {
        throw new RegistrationError('offerExpired', 'The offer has expired.');
      }
      const writes: SeatWrite[] = accept
        ? [
            ...seatChange(scope, mine.municipalityId, { offered: -1, confirmed: +1 }),
            {
              kind: 'registration',
              registration: {
                ...mine,
                status: 'confirmed',
                confirmedAt: at,
                offerExpiresAt: undefined,
                updatedAt: at,
              },
            },
          ]
        : [
            ...seatChange(scope, mine.municipalityId, { offered: -1 }),
            {
              kind: 'registration',
              registration: {
                ...mine,
                status: 'cancelled',
                cancelReason: 'offerDeclined',
                cancelledAt: at,
                offerExpiresAt: undefined,
                updatedAt: at,
              },
            },
          ];
      await this.deps.registrations.commit(scope, writes);
    });
    if (!accept) await this.fillSeats(settings, event, found.municipalityId);
    return this.standing(event, settings, who);
  }

  /**
   * A confirmed person hands their seat to a colleague of the same municipality (who may be
   * waiting): the count does not change, the two registrations change in one transaction.
   */
  async transfer(
    roundId: string,
    eventId: string,
    from: TeamsIdentity,
    to: TeamsIdentity,
  ): Promise<SeatStanding> {
    const { event, settings } = await this.eventWithSettings(roundId, eventId);
    const now = this.deps.clock();
    if (event.startsAt <= now.toISOString())
      throw new RegistrationError('eventStarted', 'The event has started.');
    if (sameIdentity(from, to))
      throw new RegistrationError('notColleague', 'A seat is handed to someone else.');
    const found = await this.deps.registrations.findRegistration(settings, from);
    if (found?.status !== 'confirmed') throw new RegistrationError('notConfirmed', 'No confirmed seat.');
    const colleague = (await this.deps.participants.get(to))?.value;
    if (!colleague?.active || colleague.municipalityId !== found.municipalityId) {
      throw new RegistrationError('notColleague', 'Seats go to colleagues of the same municipality.');
    }
    // A colleague whose registration lives under another municipality cannot take the seat here.
    if (
      (await this.deps.registrations.ensureIndex(settings, to, found.municipalityId)) !== found.municipalityId
    ) {
      throw new RegistrationError('notColleague', 'The colleague is registered under another municipality.');
    }
    const giver = (await this.deps.participants.get(from))?.value;
    const handedOver = await this.retrying(async () => {
      const scope = await this.deps.registrations.scope(settings, found.municipalityId);
      const mine = scope.registrations.find((registration) => sameIdentity(registration, from));
      if (mine?.status !== 'confirmed') throw new RegistrationError('notConfirmed', 'No confirmed seat.');
      const theirs = scope.registrations.find((registration) => sameIdentity(registration, to));
      if (isHoldingSeat(theirs)) throw new RegistrationError('colleagueHasSeat', 'The colleague has a seat.');
      const at = this.deps.clock().toISOString();
      const received: Registration = {
        roundId,
        eventId,
        municipalityId: found.municipalityId,
        tenantId: to.tenantId,
        aadObjectId: to.aadObjectId,
        name: colleague.name,
        email: colleague.email,
        status: 'confirmed',
        cancelReason: undefined,
        answers: theirs?.answers ?? {},
        registeredAt: theirs?.registeredAt ?? at,
        queuedAt: at,
        confirmedAt: at,
        offerExpiresAt: undefined,
        offerSequence: theirs?.offerSequence ?? 0,
        cancelledAt: undefined,
        transferredFrom: giver?.name ?? mine.name,
        transferredTo: undefined,
        byCoordinator: false,
        updatedAt: at,
        etag: theirs?.etag,
      };
      await this.deps.registrations.commit(scope, [
        {
          kind: 'registration',
          registration: {
            ...mine,
            status: 'cancelled',
            cancelReason: 'transferred',
            cancelledAt: at,
            transferredTo: colleague.name,
            updatedAt: at,
          },
        },
        { kind: 'registration', registration: received },
      ]);
      return received;
    });
    await this.deps.notify({ kind: 'transferredToYou', registration: handedOver });
    return this.standing(event, settings, from);
  }

  /**
   * A coordinator's decision past the rules: a seat for the person even when their municipality is
   * full (its quota is raised by the seats needed, so the count never exceeds the quota in force).
   */
  async confirmByCoordinator(
    roundId: string,
    eventId: string,
    subject: TeamsIdentity,
    reason: string,
    actor: Actor,
  ): Promise<Registration> {
    const { settings } = await this.eventWithSettings(roundId, eventId);
    const participant = (await this.deps.participants.get(subject))?.value;
    const existing = await this.deps.registrations.findRegistration(settings, subject);
    const roster = existing?.municipalityId ?? participant?.municipalityId;
    if (!roster || (!participant && !existing)) {
      throw new RegistrationError('noMunicipality', 'The person has no municipality in the roster.');
    }
    const municipalityId =
      existing?.municipalityId ?? (await this.deps.registrations.ensureIndex(settings, subject, roster));
    let detail = '';
    const confirmed = await this.retrying(async () => {
      const scope = await this.deps.registrations.scope(settings, municipalityId);
      const mine = scope.registrations.find((registration) => sameIdentity(registration, subject));
      if (mine?.status === 'confirmed') return mine;
      const count = scope.counts.get(municipalityId);
      const quota = quotaOf(settings, count);
      const wasOffered = mine?.status === 'offered';
      const takenAfter = takenSeats(count) + (wasOffered ? 0 : 1);
      const total = scope.total;
      if (settings.capacity !== undefined && total && !wasOffered && takenSeats(total) >= settings.capacity) {
        throw new RegistrationError('eventFull', 'The event is full; raise its capacity first.');
      }
      const raisedQuota = takenAfter > quota ? takenAfter : undefined;
      detail = raisedQuota === undefined ? '' : `quota ${quota} → ${raisedQuota}`;
      const at = this.deps.clock().toISOString();
      const registration: Registration = {
        roundId,
        eventId,
        municipalityId,
        tenantId: subject.tenantId,
        aadObjectId: subject.aadObjectId,
        name: participant?.name ?? mine?.name ?? '',
        email: participant?.email ?? mine?.email,
        status: 'confirmed',
        cancelReason: undefined,
        answers: mine?.answers ?? {},
        registeredAt: mine?.registeredAt ?? at,
        queuedAt: mine?.queuedAt ?? at,
        confirmedAt: at,
        offerExpiresAt: undefined,
        offerSequence: mine?.offerSequence ?? 0,
        cancelledAt: undefined,
        transferredFrom: undefined,
        transferredTo: undefined,
        byCoordinator: true,
        updatedAt: at,
        etag: mine?.etag,
      };
      await this.deps.registrations.commit(scope, [
        ...seatChange(
          scope,
          municipalityId,
          wasOffered ? { offered: -1, confirmed: +1 } : { confirmed: +1 },
          raisedQuota,
        ),
        { kind: 'registration', registration },
      ]);
      return registration;
    });
    await this.deps.log.record({
      roundId,
      eventId,
      kind: 'confirm',
      municipalityId,
      subject: { tenantId: subject.tenantId, aadObjectId: subject.aadObjectId, name: confirmed.name },
      detail,
      reason,
      actor,
      at: this.deps.clock().toISOString(),
    });
    await this.deps.notify({ kind: 'confirmedByCoordinator', registration: confirmed });
    return confirmed;
  }

  /** A coordinator cancels someone's seat or waitlist place, with a reason. */
  async cancelByCoordinator(
    roundId: string,
    eventId: string,
    subject: TeamsIdentity,
    reason: string,
    actor: Actor,
  ): Promise<void> {
    const { settings } = await this.eventWithSettings(roundId, eventId);
    const found = await this.deps.registrations.findRegistration(settings, subject);
    if (!found || found.status === 'cancelled')
      throw new RegistrationError('notRegistered', 'Not registered.');
    await this.cancel(roundId, eventId, subject, 'coordinator');
    await this.deps.log.record({
      roundId,
      eventId,
      kind: 'cancel',
      municipalityId: found.municipalityId,
      subject: { tenantId: subject.tenantId, aadObjectId: subject.aadObjectId, name: found.name },
      detail: found.status,
      reason,
      actor,
      at: this.deps.clock().toISOString(),
    });
    await this.deps.notify({
      kind: 'cancelledByCoordinator',
      registration: { ...found, status: 'cancelled' },
    });
  }

  /** A municipality's own quota (a sub-region of several municipalities may get more seats). */
  async setMunicipalityQuota(
    roundId: string,
    eventId: string,
    municipalityId: string,
    quota: number | null,
    reason: string,
    actor: Actor,
  ): Promise<SeatCount> {
    const { event, settings } = await this.eventWithSettings(roundId, eventId);
    let before = settings.quota;
    const count = await this.retrying(async () => {
      const scope = await this.deps.registrations.scope(settings, municipalityId);
      const current = scope.counts.get(municipalityId);
      before = quotaOf(settings, current);
      const wanted = quota ?? settings.quota;
      if (wanted < takenSeats(current)) {
        throw new RegistrationError('quotaBelowTaken', `${takenSeats(current)} seats are taken.`);
      }
      const next: SeatCount = {
        municipalityId,
        quotaOverride: quota ?? undefined,
        confirmed: current?.confirmed ?? 0,
        offered: current?.offered ?? 0,
        queue: current?.queue ?? false,
        etag: current?.etag,
      };
      await this.deps.registrations.commit(scope, [{ kind: 'count', count: next }]);
      return next;
    });
    await this.deps.log.record({
      roundId,
      eventId,
      kind: 'quota',
      municipalityId,
      subject: undefined,
      detail: `quota ${before} → ${quota ?? settings.quota}`,
      reason,
      actor,
      at: this.deps.clock().toISOString(),
    });
    await this.fillSeats(settings, event, municipalityId);
    return count;
  }

  /**
   * Offers free seats to the waitlist, first in line first, while registration is open (after it
   * closes the coordinators decide). An offer holds the seat for `offerHours`, never past the
   * start. `active` is the person registering right now: if the seat is theirs, it is confirmed.
   */
  async fillSeats(
    settings: RegistrationSettings,
    event: ProgrammeEvent,
    municipalityId: string,
    active?: TeamsIdentity,
    /** Given the partition as last read when nothing more could be offered. */
    settled?: (scope: SeatScope) => void,
  ): Promise<number> {
    let offered = 0;
    for (let round = 0; round < MAX_FILL_ROUNDS; round += 1) {
      const now = this.deps.clock();
      if (event.startsAt <= now.toISOString()) return offered;
      if (phaseOf(settings, now) !== 'open') return offered;
      const scope = await this.deps.registrations.scope(settings, municipalityId);
      const next = nextInLine(scope, municipalityId);
      if (!next) {
        settled?.(scope);
        return offered;
      }
      const at = now.toISOString();
      const confirmNow = active !== undefined && sameIdentity(next, active);
      const expiresAt = new Date(
        Math.min(now.getTime() + settings.offerHours * 3_600_000, new Date(event.startsAt).getTime()),
      ).toISOString();
      const registration: Registration = confirmNow
        ? { ...next, status: 'confirmed', confirmedAt: at, updatedAt: at }
        : {
            ...next,
            status: 'offered',
            offerExpiresAt: expiresAt,
            offerSequence: next.offerSequence + 1,
            updatedAt: at,
          };
      try {
        await this.deps.registrations.commit(scope, [
          ...seatChange(scope, next.municipalityId, confirmNow ? { confirmed: +1 } : { offered: +1 }),
          { kind: 'registration', registration },
        ]);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        this.stats.conflicts += 1;
        await this.sleep(backoff(round + 1));
        continue;
      }
      if (!confirmNow) {
        offered += 1;
        this.deps.logger.info('registration seat offered', {
          roundId: settings.roundId,
          eventId: settings.eventId,
          municipalityId: next.municipalityId,
        });
        await this.deps.notify({ kind: 'offered', registration });
      }
    }
    return offered;
  }

  /**
   * The background pass: offers not accepted in time are withdrawn (the seat goes to the next in
   * line), and any free seat with people waiting is offered, which also mends a pass cut short by
   * a crash between a cancellation and its offer.
   */
  async expireOffers(roundId: string): Promise<number> {
    let expired = 0;
    for (const settings of await this.deps.registrations.listSettings(roundId)) {
      const event = (await this.deps.programme.getEvent(roundId, settings.eventId))?.value;
      if (!event) continue;
      for (const scope of await this.deps.registrations.eventScopes(settings)) {
        const now = this.deps.clock().toISOString();
        const due = scope.registrations.filter(
          (registration) =>
            registration.status === 'offered' &&
            registration.offerExpiresAt !== undefined &&
            registration.offerExpiresAt <= now,
        );
        for (const offer of due) {
          const withdrawn = await this.retrying(async () => {
            const fresh = await this.deps.registrations.scope(settings, offer.municipalityId);
            const mine = fresh.registrations.find((registration) => sameIdentity(registration, offer));
            const at = this.deps.clock().toISOString();
            if (mine?.status !== 'offered' || (mine.offerExpiresAt ?? at) > at) return undefined;
            const cancelled: Registration = {
              ...mine,
              status: 'cancelled',
              cancelReason: 'offerExpired',
              cancelledAt: at,
              offerExpiresAt: undefined,
              updatedAt: at,
            };
            await this.deps.registrations.commit(fresh, [
              ...seatChange(fresh, mine.municipalityId, { offered: -1 }),
              { kind: 'registration', registration: cancelled },
            ]);
            return cancelled;
          });
          if (withdrawn) {
            expired += 1;
            await this.deps.notify({ kind: 'offerExpired', registration: withdrawn });
          }
        }
        const municipalities = new Set(
          scope.registrations
            .filter((registration) => registration.status === 'waitlisted' || due.includes(registration))
            .map((registration) => registration.municipalityId),
        );
        for (const municipalityId of municipalities) await this.fillSeats(settings, event, municipalityId);
      }
    }
    return expired;
  }

  /**
   * Opens registration for an event or changes its settings. The quota and the capacity may not go
   * below the seats already taken, and a total capacity can be added only before anyone registers
   * (the seats are then counted in one partition for the whole event).
   */
  async saveSettings(
    roundId: string,
    eventId: string,
    input: SettingsInput,
    actor: Actor,
    ifMatch: string | undefined,
  ): Promise<RegistrationSettings> {
    const event = (await this.deps.programme.getEvent(roundId, eventId))?.value;
    if (!event) throw new RegistrationError('eventNotFound', 'There is no such event.');
    const now = this.deps.clock();
    if (event.startsAt <= now.toISOString())
      throw new RegistrationError('eventStarted', 'The event has started.');
    const problems = settingsProblems(input, event);
    if (problems.length > 0) throw new RegistrationError('invalid', problems.join(' '));
    const existing = await this.deps.registrations.getSettings(roundId, eventId);
    if (existing && ifMatch !== undefined && ifMatch !== '*' && ifMatch !== existing.etag) {
      throw new ConflictError('registrations', roundId, eventId);
    }
    let layout = existing?.layout ?? (input.capacity === undefined ? 'municipality' : 'event');
    if (existing) {
      const scopes = await this.deps.registrations.eventScopes(existing);
      const registrations = scopes.flatMap((scope) => scope.registrations);
      if (existing.layout === 'municipality' && input.capacity !== undefined) {
        if (registrations.length > 0) {
          throw new RegistrationError(
            'invalid',
            'A total capacity can be set only before the first registration.',
          );
        }
        layout = 'event';
      }
      for (const scope of scopes) {
        for (const count of scope.counts.values()) {
          if (count.quotaOverride === undefined && takenSeats(count) > input.quota) {
            throw new RegistrationError(
              'quotaBelowTaken',
              `A municipality already has ${takenSeats(count)} seats taken.`,
            );
          }
        }
        if (input.capacity !== undefined && scope.total && takenSeats(scope.total) > input.capacity) {
          throw new RegistrationError(
            'quotaBelowTaken',
            `${takenSeats(scope.total)} seats are already taken.`,
          );
        }
      }
    }
    const saved = await this.deps.registrations.saveSettings({
      roundId,
      eventId,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      quota: input.quota,
      capacity: input.capacity,
      cancelDeadline: input.cancelDeadline,
      offerHours: input.offerHours,
      questions: input.questions,
      layout,
      updatedAt: now.toISOString(),
      updatedBy: actor.name,
      etag: existing?.etag,
    });
    // More seats, or a later close, may let people in from the waitlist.
    if (existing) {
      const waiting = new Set(
        (await this.allRegistrations(saved))
          .filter((registration) => registration.status === 'waitlisted')
          .map((registration) => registration.municipalityId),
      );
      for (const municipalityId of waiting) await this.fillSeats(saved, event, municipalityId);
    }
    return saved;
  }

  /**
   * Erasure: each of the person's registrations goes, and a seat they held is freed for the next
   * in line (the count and the removal in one transaction).
   */
  async forget(identity: TeamsIdentity): Promise<void> {
    for (const registration of await this.deps.registrations.registrationsOf(identity)) {
      const settings = await this.deps.registrations.getSettings(registration.roundId, registration.eventId);
      if (!settings) continue;
      await this.retrying(async () => {
        const scope = await this.deps.registrations.scope(settings, registration.municipalityId);
        const mine = scope.registrations.find((other) => sameIdentity(other, identity));
        if (!mine) return;
        await this.deps.registrations.commit(scope, [
          ...releaseOf(scope, mine),
          { kind: 'delete', identity },
        ]);
      });
      const event = (await this.deps.programme.getEvent(registration.roundId, registration.eventId))?.value;
      if (event && isHoldingSeat(registration)) {
        await this.fillSeats(settings, event, registration.municipalityId);
      }
    }
    // Index rows name the person too, also one whose registration never got written.
    await this.deps.registrations.deleteIndexRowsOf(identity);
  }

  /** Who is confirmed for the event (reminders go to them only); undefined without registration. */
  async confirmedFor(event: ProgrammeEvent): Promise<TeamsIdentity[] | undefined> {
    const settings = await this.deps.registrations.getSettings(event.roundId, event.id);
    if (!settings) return undefined;
    return (await this.allRegistrations(settings))
      .filter((registration) => registration.status === 'confirmed')
      .map((registration) => ({ tenantId: registration.tenantId, aadObjectId: registration.aadObjectId }));
  }

  async allRegistrations(settings: RegistrationSettings): Promise<Registration[]> {
    return (await this.deps.registrations.eventScopes(settings)).flatMap((scope) => scope.registrations);
  }

  /** A person's standing: their municipality's seats, their registration and what they can do. */
  async standing(
    event: ProgrammeEvent,
    settings: RegistrationSettings,
    who: TeamsIdentity,
    participant?: Participant,
  ): Promise<SeatStanding> {
    const registration = await this.deps.registrations.findRegistration(settings, who);
    const municipalityId =
      registration?.municipalityId ??
      (participant ?? (await this.deps.participants.get(who))?.value)?.municipalityId;
    const scope = municipalityId ? await this.deps.registrations.scope(settings, municipalityId) : undefined;
    return this.standingIn(event, settings, registration, municipalityId, scope);
  }

  /** A standing from a partition just read (the person's row, if any, is in it). */
  private standingIn(
    event: ProgrammeEvent,
    settings: RegistrationSettings,
    registration: Registration | undefined,
    municipalityId: string | undefined,
    scope: SeatScope | undefined,
  ): SeatStanding {
    const now = this.deps.clock();
    const count = municipalityId ? scope?.counts.get(municipalityId) : undefined;
    const queue = (scope?.registrations ?? [])
      .filter((other) => other.status === 'waitlisted' && other.municipalityId === municipalityId)
      .sort(waitlistOrder);
    const position =
      registration?.status === 'waitlisted'
        ? queue.findIndex((other) => personKey(other) === personKey(registration)) + 1
        : undefined;
    const phase = phaseOf(settings, now);
    const cancelDeadline = cancelDeadlineOf(settings, event.startsAt);
    const started = event.startsAt <= now.toISOString();
    return {
      event,
      settings,
      phase,
      municipalityId,
      quota: quotaOf(settings, count),
      taken: takenSeats(count),
      waiting: queue.length,
      total:
        settings.capacity !== undefined
          ? { capacity: settings.capacity, taken: takenSeats(scope?.total) }
          : undefined,
      registration,
      position: position && position > 0 ? position : undefined,
      canRegister:
        phase === 'open' &&
        !started &&
        municipalityId !== undefined &&
        (registration === undefined || registration.status === 'cancelled'),
      canCancel:
        !started &&
        registration !== undefined &&
        (registration.status === 'waitlisted' ||
          (isHoldingSeat(registration) && now.toISOString() < cancelDeadline)),
      cancelDeadline,
    };
  }

  private requireOpen(settings: RegistrationSettings, event: ProgrammeEvent, now: Date): void {
    if (event.startsAt <= now.toISOString())
      throw new RegistrationError('eventStarted', 'The event has started.');
    const phase = phaseOf(settings, now);
    if (phase === 'notYetOpen') throw new RegistrationError('notYetOpen', 'Registration has not opened yet.');
    if (phase === 'closed') throw new RegistrationError('closed', 'Registration has closed.');
  }

  /** The person registering: an active participant of the event's audience with a municipality. */
  private requireApplicant(
    participant: Participant | undefined,
    event: ProgrammeEvent,
  ): asserts participant is Participant & { readonly municipalityId: string } {
    if (!participant?.active) throw new RegistrationError('notParticipant', 'Not a participant.');
    if (!participant.municipalityId) throw new RegistrationError('noMunicipality', 'No municipality.');
    if (!isVisibleTo(event, participant)) throw new RegistrationError('notInAudience', 'Not for you.');
  }

  /** Runs a read-decide-write step again when its transaction lost to a concurrent one. */
  private async retrying<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        this.stats.conflicts += 1;
        if (tries >= MAX_ATTEMPTS) {
          this.deps.logger.warn('registration busy: retries exhausted', { tries });
          throw new RegistrationError('busy', 'Too many people at the same moment; try again.');
        }
        await this.sleep(backoff(tries));
      }
    }
  }
}

interface RegisterAttempt {
  readonly registration: Registration;
  readonly joined: boolean;
  /** The count after the quick path's transaction; undefined when the full read decided. */
  readonly count: SeatCount | undefined;
}

function emptyCount(municipalityId: string): SeatCount {
  return {
    municipalityId,
    quotaOverride: undefined,
    confirmed: 0,
    offered: 0,
    queue: false,
    etag: undefined,
  };
}

/** Exponential back-off with full jitter: contenders spread out instead of colliding again. */
function backoff(tries: number): number {
  return Math.random() * Math.min(250, 8 * 2 ** tries);
}

function hasRoom(scope: SeatScope, municipalityId: string): boolean {
  const count = scope.counts.get(municipalityId);
  if (takenSeats(count) >= quotaOf(scope.settings, count)) return false;
  const { capacity } = scope.settings;
  return capacity === undefined || takenSeats(scope.total) < capacity;
}

/** The next to be offered a seat: the earliest waiting, own municipality first, with room. */
function nextInLine(scope: SeatScope, municipalityId: string): Registration | undefined {
  const waiting = scope.registrations
    .filter((registration) => registration.status === 'waitlisted')
    .sort(
      (a, b) =>
        Number(a.municipalityId !== municipalityId) - Number(b.municipalityId !== municipalityId) ||
        waitlistOrder(a, b),
    );
  return waiting.find((registration) => hasRoom(scope, registration.municipalityId));
}

/** The count writes for a change of seats in a municipality (and the event's total, if kept). */
function seatChange(
  scope: SeatScope,
  municipalityId: string,
  change: { readonly confirmed?: number; readonly offered?: number },
  quotaOverride?: number,
): SeatWrite[] {
  const count = scope.counts.get(municipalityId);
  const confirmed = change.confirmed ?? 0;
  const offered = change.offered ?? 0;
  const writes: SeatWrite[] = [
    {
      kind: 'count',
      count: {
        municipalityId,
        quotaOverride: quotaOverride ?? count?.quotaOverride,
        confirmed: (count?.confirmed ?? 0) + confirmed,
        offered: (count?.offered ?? 0) + offered,
        queue: count?.queue ?? false,
        etag: count?.etag,
      },
    },
  ];
  if (scope.settings.layout === 'event') {
    const total = scope.total ?? { confirmed: 0, offered: 0, etag: undefined };
    writes.push({
      kind: 'total',
      total: {
        confirmed: total.confirmed + confirmed,
        offered: total.offered + offered,
        etag: total.etag,
      },
    });
  }
  return writes;
}

/** The count writes that free the seat a registration holds (none for the waitlisted). */
function releaseOf(scope: SeatScope, registration: Registration): SeatWrite[] {
  if (registration.status === 'confirmed')
    return seatChange(scope, registration.municipalityId, { confirmed: -1 });
  if (registration.status === 'offered')
    return seatChange(scope, registration.municipalityId, { offered: -1 });
  return [];
}

/** Only the questions the event asks are kept; empty answers are left out. */
function keepAsked(settings: RegistrationSettings, answers: RegistrationAnswers): RegistrationAnswers {
  const kept: Record<string, string> = {};
  for (const question of settings.questions) {
    const value = answers[question.id]?.trim();
    if (value) kept[question.id] = value;
  }
  return kept;
}

function sameAnswers(a: RegistrationAnswers, b: RegistrationAnswers): boolean {
  return a.diet === b.diet && a.accessibility === b.accessibility && a.other === b.other;
}
