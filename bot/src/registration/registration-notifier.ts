import type { Delivery } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import type { ParticipantRepository } from '../people';
import type { ProgrammeRepository } from '../programme';
import { DEFAULT_LANGUAGE } from '../shared/i18n/language';
import type { RegistrationCards } from './registration-card';
import { registrationMessagesFor } from './registration-messages';
import { personKey } from './registration-model';
import type { RegistrationNotice } from './registration-service';

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
