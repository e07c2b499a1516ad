import {
  TeamsInfo,
  type CloudAdapter,
  type ConversationReference as BotReference,
  type TeamsChannelAccount,
} from 'botbuilder';
import type { Logger } from '../observability/logger';
import { TeamsTurn } from './teams-turn';
import type { Turn } from './turn';
import type { ConversationReference, TeamMember } from './types';

const PAGE_SIZE = 100;

/** Reading a team's members from Teams (the members API returns at most 500 a page). */
export interface TeamRoster {
  /** Every member of the team, page by page, in a conversation continued from `reference`. */
  forEachPage(
    reference: ConversationReference,
    teamId: string,
    onPage: (members: readonly TeamMember[]) => Promise<void>,
  ): Promise<void>;
  /** One member's details (e-mail, guest or not) in the current turn; undefined when Teams cannot say. */
  member(turn: Turn, memberId: string): Promise<TeamMember | undefined>;
}

export class TeamsInfoRoster implements TeamRoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly logger: Logger,
  ) {}

  async forEachPage(
    reference: ConversationReference,
    teamId: string,
    onPage: (members: readonly TeamMember[]) => Promise<void>,
  ): Promise<void> {
    await this.adapter.continueConversationAsync(
      this.botAppId,
      reference as Partial<BotReference>,
      async (context) => {
        let continuationToken: string | undefined;
        do {
          const page = await TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, continuationToken);
          await onPage(page.members.map(toTeamMember));
          continuationToken = page.continuationToken || undefined;
        } while (continuationToken);
      },
    );
  }

  async member(turn: Turn, memberId: string): Promise<TeamMember | undefined> {
    if (!(turn instanceof TeamsTurn)) throw new Error('A Teams turn is needed to read a member');
    try {
      return toTeamMember(await TeamsInfo.getMember(turn.context, memberId));
    } catch (error) {
      // The member is still added from what the activity says; details follow at the next full sync.
      this.logger.warn('member details unavailable', { memberId, error });
      return undefined;
    }
  }
}

export function toTeamMember(member: Partial<TeamsChannelAccount> & { id: string }): TeamMember {
  return {
    id: member.id,
    aadObjectId: member.aadObjectId || undefined,
    name: member.name ?? '',
    email: member.email || member.userPrincipalName || undefined,
    isGuest: member.userRole === 'guest',
  };
}
