import type { PersonalDataProvider } from '../platform/feature';
import type { TeamsIdentity } from '../shared/participant';
import type { OverrideLog } from './override-log';
import type { PreAssignmentRepository } from './pre-assignment-repository';
import type { RecordingRepository } from './recording-repository';
import type { RegistrationRepository } from './registration-repository';
import type { RegistrationService } from './registration-service';

/**
 * Registration's part in people's data rights. Export: every registration with its status and
 * answers (diet and accessibility needs included: they are the person's own), pre-assignment
 * hand-ins, recording cards sent to them, coordinators' decisions about them. Erasure: the
 * registrations go and a seat they held passes to the next in line; hand-ins, deliveries and the
 * coordinators' decisions about them are deleted (a reason may name them). Retention: a round's rows go
 * with the round.
 */
export class RegistrationPersonalData implements PersonalDataProvider {
  constructor(
    private readonly deps: {
      readonly service: RegistrationService;
      readonly registrations: RegistrationRepository;
      readonly handIns: PreAssignmentRepository;
      readonly recordings: RecordingRepository;
      readonly log: OverrideLog;
    },
  ) {}

  async export(identity: TeamsIdentity): Promise<Record<string, unknown>> {
    const [registrations, handIns, deliveries, decisions] = await Promise.all([
      this.deps.registrations.registrationsOf(identity),
      this.deps.handIns.of(identity),
      this.deps.recordings.deliveriesOf(identity),
      this.deps.log.about(identity),
    ]);
    return {
      registrations: registrations.map((registration) => ({
        roundId: registration.roundId,
        eventId: registration.eventId,
        municipalityId: registration.municipalityId,
        status: registration.status,
        cancelReason: registration.cancelReason ?? null,
        answers: registration.answers,
        registeredAt: registration.registeredAt,
        confirmedAt: registration.confirmedAt ?? null,
        offerExpiresAt: registration.offerExpiresAt ?? null,
        cancelledAt: registration.cancelledAt ?? null,
        transferredFrom: registration.transferredFrom ?? null,
        transferredTo: registration.transferredTo ?? null,
        byCoordinator: registration.byCoordinator,
      })),
      preAssignmentHandIns: handIns.map((handIn) => ({
        roundId: handIn.roundId,
        eventId: handIn.eventId,
        text: handIn.text ?? null,
        url: handIn.url ?? null,
        done: handIn.done,
        submittedAt: handIn.submittedAt,
        updatedAt: handIn.updatedAt,
      })),
      recordingCards: deliveries.map((delivery) => ({
        roundId: delivery.roundId,
        eventId: delivery.eventId,
        reason: delivery.reason,
        sentAt: delivery.enqueuedAt,
      })),
      coordinatorDecisions: decisions.map((decision) => ({
        roundId: decision.roundId,
        eventId: decision.eventId,
        kind: decision.kind,
        reason: decision.reason,
        at: decision.at,
      })),
    };
  }

  async erase(identity: TeamsIdentity): Promise<void> {
    await this.deps.service.forget(identity);
    for (const handIn of await this.deps.handIns.of(identity)) {
      await this.deps.handIns.delete(handIn.roundId, handIn.eventId, identity);
    }
    await this.deps.recordings.forgetDeliveries(identity);
    await this.deps.log.forget(identity);
  }

  async purgeRounds(roundIds: readonly string[]): Promise<void> {
    await this.deps.registrations.deleteRounds(roundIds);
    await this.deps.handIns.deleteRounds(roundIds);
    await this.deps.recordings.deleteRounds(roundIds);
    await this.deps.log.deleteRounds(roundIds);
  }
}
