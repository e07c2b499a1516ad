import type { Logger } from '../platform/observability/logger';
import type { Clock } from '../platform/clock';
import type { ConversationReference, TeamMember, TeamRoster, Turn } from '../platform/teams';
import type { ParticipantRepository, RosterMember } from './participant-repository';

const WRITE_CONCURRENCY = 8;

/**
 * Keeps participants in step with the team's roster. Members appear as participants the moment
 * they join (most of them guests from their own municipality's tenant); people who leave are kept
 * but marked inactive, so their earlier answers still count.
 */
export class RosterSync {
  constructor(
    private readonly roster: TeamRoster,
    private readonly participants: ParticipantRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Reads the whole team roster page by page. */
  async syncTeam(reference: ConversationReference, teamId: string, tenantId: string): Promise<number> {
    let count = 0;
    await this.roster.forEachPage(reference, teamId, async (members) => {
      await forEachLimited(members, WRITE_CONCURRENCY, async (member) => {
        const roster = toRosterMember(member, tenantId);
        if (roster) await this.participants.upsertFromRoster(roster, this.clock());
      });
      count += members.length;
    });
    this.logger.info('team roster synchronised', { teamId, members: count });
    return count;
  }

  /** Adds the members a conversationUpdate names, with their details from the members API. */
  async addMembers(turn: Turn, members: readonly TeamMember[]): Promise<void> {
    const tenantId = turn.tenantId;
    if (!tenantId) return;
    for (const member of members) {
      const details = await this.roster.member(turn, member.id);
      const roster = toRosterMember(details ?? member, tenantId);
      if (roster) await this.participants.upsertFromRoster(roster, this.clock());
    }
  }

  async removeMembers(tenantId: string, members: readonly TeamMember[]): Promise<void> {
    for (const member of members) {
      if (member.aadObjectId)
        await this.participants.markInactive({ tenantId, aadObjectId: member.aadObjectId }, this.clock());
    }
  }
}

function toRosterMember(member: TeamMember, tenantId: string): RosterMember | undefined {
  if (!member.aadObjectId) return undefined;
  return {
    tenantId,
    aadObjectId: member.aadObjectId,
    name: member.name,
    email: member.email,
    teamsUserId: member.id,
    isGuest: member.isGuest,
  };
}

/**
 * At most `limit` writes at once. Kept by hand on purpose: the maintained libraries for this
 * (p-limit, p-map) ship as ES modules only, which this CommonJS build and jest's module loader
 * cannot require, and their older CommonJS majors are no longer maintained; the pool is ten lines.
 */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item === undefined) return;
      await work(item);
    }
  });
  await Promise.all(workers);
}
