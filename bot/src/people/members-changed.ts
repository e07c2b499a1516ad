import type { TurnContext } from 'botbuilder';
import type { RosterSync } from './roster-sync';

/** People joined or left the team: participants follow the roster. The bot's own entry is skipped. */
export class MembersChangedHandler {
  constructor(private readonly roster: RosterSync) {}

  async handle(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const botId = activity.recipient?.id;
    const added = (activity.membersAdded ?? []).filter((member) => member.id !== botId);
    const removed = (activity.membersRemoved ?? []).filter((member) => member.id !== botId);
    if (added.length > 0) await this.roster.addMembers(context, added);
    const tenantId = activity.conversation.tenantId;
    if (removed.length > 0 && tenantId) await this.roster.removeMembers(tenantId, removed);
  }
}
