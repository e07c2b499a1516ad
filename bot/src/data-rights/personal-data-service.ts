import type { TeamsIdentity } from '../shared/participant';
import type { PersonalDataProvider } from '../platform/feature';
import type { Logger } from '../platform/observability/logger';
import type { AuditLog } from '../platform/storage/audit-log';
import type { ProgrammeRepository } from '../programme';
import type { Clock } from '../platform/clock';

/**
 * People's data rights across every feature: one export with everything stored about a person,
 * erasure from every table, and the scheduled purge of rounds past their retention.
 */
export class PersonalDataService {
  constructor(
    private readonly providers: ReadonlyMap<string, PersonalDataProvider>,
    private readonly programme: ProgrammeRepository,
    private readonly audit: AuditLog,
    private readonly retentionMonths: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async export(identity: TeamsIdentity): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = {};
    for (const [name, provider] of this.providers) sections[name] = await provider.export(identity);
    return {
      exportedAt: this.clock().toISOString(),
      identity: { tenantId: identity.tenantId, objectId: identity.aadObjectId },
      ...sections,
    };
  }

  /** Erases the person from every feature, then pseudonymises them in the audit log. */
  async erase(identity: TeamsIdentity): Promise<void> {
    for (const [name, provider] of this.providers) {
      await provider.erase(identity);
      this.logger.info('personal data erased', { feature: name });
    }
    await this.audit.pseudonymise(identity);
  }

  /** Purges rounds that ended more than the retention period ago; returns their ids. */
  async purgeExpiredRounds(): Promise<string[]> {
    const now = this.clock();
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - this.retentionMonths);
    const expired = (await this.programme.listRounds())
      .filter((round) => new Date(round.endsAt) < cutoff)
      .map((round) => round.id);
    if (expired.length === 0) return [];
    for (const provider of this.providers.values()) await provider.purgeRounds?.(expired);
    for (const roundId of expired) await this.programme.deleteRound(roundId);
    this.logger.info('expired rounds purged', { rounds: expired });
    return expired;
  }
}
