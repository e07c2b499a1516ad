import type { Delivery } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import type { ParticipantRepository } from '../people';
import type { ProgrammeRepository } from '../programme';
import { DEFAULT_LANGUAGE } from '../shared/i18n/language';
import type { RegistrationCards } from './registration-card';
import { registrationMessagesFor } from './registration-messages';
import { personKey } from './registration-model';
import { eventAudience } from './event-audience';
import { isHoldingSeat, phaseOf } from './registration-model';
import type { RegistrationRepository } from './registration-repository';
import { RegistrationError, type RegistrationNotice } from './registration-service';
import type { Clock } from '../platform/clock';
import type { OutgoingMessage } from '../platform/delivery';

/**
 * Tells a person what happened to their registration without them asking: a seat offered from the
 * waitlist, an offer that ran out, a seat handed to them, a coordinator's decision. The message is
 * their registration card (with the buttons that fit) in their language, through the outbox. The
 * delivery id names the change (the offer's number, the time of the change), so a retried pass
 * never sends the same news twice.
 */
export class RegistrationNotifier {
  constructor(
    private readonly deps: {
      readonly programme: ProgrammeRepository;
      readonly participants: ParticipantRepository;
      readonly cards: RegistrationCards;
      readonly delivery: Delivery;
      readonly logger: Logger;
    },
  ) {}

  async notify(notice: RegistrationNotice): Promise<void> {
    const { registration } = notice;
    try {
      const event = (await this.deps.programme.getEvent(registration.roundId, registration.eventId))?.value;
      if (!event) return;
      const participant = (await this.deps.participants.get(registration))?.value;
      const language = participant?.language ?? DEFAULT_LANGUAGE;
      const m = registrationMessagesFor(language);
      const activity = await this.deps.cards.activity(event, registration, language, {
        notice: m.notices[notice.kind],
      });
      const change =
        notice.kind === 'offered' || notice.kind === 'offerExpired'
          ? `offer${registration.offerSequence}`
          : registration.updatedAt.replace(/[^0-9]/g, '');
      await this.deps.delivery.enqueue({
        deliveryId: `registration:${notice.kind}:${registration.roundId}:${registration.eventId}:${personKey(registration)}:${change}`,
        purpose: 'invitation',
        roundId: registration.roundId,
        messages: [
          {
            target: {
              kind: 'person',
              identity: { tenantId: registration.tenantId, aadObjectId: registration.aadObjectId },
            },
            activity,
          },
        ],
        notAfter: event.startsAt,
      });
    } catch (error) {
      // The seat has already changed and the tab shows it; a lost message is an operator's alarm.
      this.deps.logger.error('registration notice not enqueued', {
        kind: notice.kind,
        roundId: registration.roundId,
        eventId: registration.eventId,
        error,
      });
    }
  }
}

/**
 * "Registration is open": every person the event is for, who has not registered yet, gets their own
 * registration card (their municipality's seats, Register or Join the waitlist) in their language.
 * One delivery per event, so pressing the button again reaches only people added since.
 */
export class RegistrationAnnouncer {
  constructor(
    private readonly deps: {
      readonly programme: ProgrammeRepository;
      readonly participants: ParticipantRepository;
      readonly registrations: RegistrationRepository;
      readonly cards: RegistrationCards;
      readonly delivery: Delivery;
      readonly clock: Clock;
    },
  ) {}

  async announce(
    roundId: string,
    eventId: string,
  ): Promise<{ deliveryId: string; recipients: number; accepted: number; duplicates: number }> {
    const [found, settings] = await Promise.all([
      this.deps.programme.getEvent(roundId, eventId),
      this.deps.registrations.getSettings(roundId, eventId),
    ]);
    const event = found?.value;
    if (!event) throw new RegistrationError('eventNotFound', 'There is no such event.');
    if (!settings) throw new RegistrationError('noRegistration', 'The event has no registration.');
    const phase = phaseOf(settings, this.deps.clock());
    if (phase !== 'open') throw new RegistrationError(phase, 'Registration is not open.');
    const registered = new Set(
      (await this.deps.registrations.eventScopes(settings))
        .flatMap((scope) => scope.registrations)
        .filter((registration) => isHoldingSeat(registration) || registration.status === 'waitlisted')
        .map(personKey),
    );
    const people = eventAudience(event, await this.deps.participants.listAll(), undefined).filter(
      (person) => person.municipalityId !== undefined && !registered.has(personKey(person)),
    );
    const messages: OutgoingMessage[] = [];
    for (const person of people) {
      const language = person.language ?? DEFAULT_LANGUAGE;
      const identity = { tenantId: person.tenantId, aadObjectId: person.aadObjectId };
      messages.push({
        target: { kind: 'person', identity },
        activity: await this.deps.cards.activity(event, identity, language, {
          notice: registrationMessagesFor(language).notices.opened,
        }),
      });
    }
    const deliveryId = `registration-opened:${roundId}:${eventId}`;
    const result = await this.deps.delivery.enqueue({
      deliveryId,
      purpose: 'announcement',
      messages,
      notAfter: settings.closesAt,
      roundId,
    });
    return { deliveryId, recipients: messages.length, ...result };
  }
}
