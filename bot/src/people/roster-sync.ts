import {
  TeamsInfo,
  type CloudAdapter,
  type ConversationReference,
  type TeamsChannelAccount,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../platform/observability/logger';
import type { Clock } from '../platform/clock';
import type { ParticipantRepository, RosterMember } from './participant-repository';

const PAGE_SIZE = 100;
const WRITE_CONCURRENCY = 8;

/**
 * Keeps participants in step with the team's roster. Members appear as participants the moment
 * they join (most of them guests from their own municipality's tenant); people who leave are kept
 * but marked inactive, so their earlier answers still count.
 */
export class RosterSync {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly participants: ParticipantRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Reads the whole team roster page by page (the members API returns at most 500 a page). */
  async syncTeam(
    reference: Partial<ConversationReference>,
    teamId: string,
    tenantId: string,
  ): Promise<number> {
    let count = 0;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, continuationToken);
        await forEachLimited(page.members, WRITE_CONCURRENCY, async (member) => {
          const roster = toRosterMember(member, tenantId);
          if (roster) await this.participants.upsertFromRoster(roster, this.clock());
        });
        count += page.members.length;
        continuationToken = page.continuationToken || undefined;
      } while (continuationToken);
    });
    this.logger.info('team roster synchronised', { teamId, members: count });
    return count;
  }

  /** Adds the members a conversationUpdate names, with their details from the members API. */
  async addMembers(
    context: TurnContext,
    members: readonly { id: string; aadObjectId?: string; name?: string }[],
  ): Promise<void> {
    const tenantId = context.activity.conversation.tenantId;
    if (!tenantId) return;
    for (const member of members) {
      const details = await this.memberDetails(context, member.id);
      const roster = toRosterMember(details ?? { ...member, name: member.name ?? '' }, tenantId);
      if (roster) await this.participants.upsertFromRoster(roster, this.clock());
    }
  }

  async removeMembers(tenantId: string, members: readonly { aadObjectId?: string }[]): Promise<void> {
    for (const member of members) {
      if (member.aadObjectId)
        await this.participants.markInactive({ tenantId, aadObjectId: member.aadObjectId }, this.clock());
    }
  }

  private async memberDetails(
    context: TurnContext,
    memberId: string,
  ): Promise<TeamsChannelAccount | undefined> {
    try {
      return await TeamsInfo.getMember(context, memberId);
    } catch (error) {
      // The member is still added from what the activity says; details follow at the next full sync.
      this.logger.warn('member details unavailable', { memberId, error });
      return undefined;
    }
  }
}

function toRosterMember(
  member: Partial<TeamsChannelAccount> & { id: string },
  tenantId: string,
): RosterMember | undefined {
  if (!member.aadObjectId) return undefined;
  return {
    tenantId,
    aadObjectId: member.aadObjectId,
    name: member.name ?? '',
    email: member.email ?? member.userPrincipalName ?? undefined,
    teamsUserId: member.id,
    isGuest: member.userRole === 'guest',
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
