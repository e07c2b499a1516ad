import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { messagesFor } from '../../shared/i18n/messages';
import type { Logger } from '../observability/logger';
import type { CommandRunner } from './bot-command';
import { TeamsTurn, toBotActivity } from './teams-turn';
import { toTeamMember } from './team-roster';
import type { BotCommand, ConversationEvents, ParticipantDirectory } from './turn';
import type { TeamMember } from './types';

/**
 * What runs after TeamsFx's middleware (commands, card actions, installation store) has seen the
 * activity: installs, roster changes and the fallback for unrecognised messages, handed to the
 * features' conversation events in the order the features are listed. Everything else is
 * acknowledged quietly.
 */
export class ActivityRouter {
  constructor(
    private readonly events: readonly ConversationEvents[],
    private readonly commands: readonly BotCommand[],
    private readonly runner: CommandRunner,
    private readonly directory: ParticipantDirectory,
    private readonly logger: Logger,
  ) {}

  async route(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const turn = TeamsTurn.of(context, this.directory);
    switch (activity.type) {
      case 'installationUpdate': {
        const action = activity.action?.toLowerCase();
        if (action === 'add' || action === 'add-upgrade') {
          for (const events of this.events) await events.installed?.(turn);
        } else if (action === 'remove') {
          for (const events of this.events) await events.uninstalled?.(turn);
        }
        return;
      }
      case 'conversationUpdate': {
        const botId = activity.recipient?.id;
        const added = members(activity.membersAdded, botId);
        const removed = members(activity.membersRemoved, botId);
        for (const events of this.events) {
          if (added.length > 0) await events.membersAdded?.(turn, added);
          if (removed.length > 0) await events.membersRemoved?.(turn, removed);
        }
        return;
      }
      case 'message': {
        if (turn.handled) return;
        for (const events of this.events) {
          if (!events.unrecognised) continue;
          const outcome = await events.unrecognised(turn);
          if (outcome) await this.runUnderstood(context, turn, outcome.runCommand);
          return;
        }
        return;
      }
      case 'invoke':
        await this.answerUnknownInvoke(context, turn);
        return;
      default:
        this.logger.debug('activity ignored', { type: activity.type, activityId: activity.id });
    }
  }

  /** A message understood as a command after all runs as if that command had been typed. */
  private async runUnderstood(context: TurnContext, turn: TeamsTurn, text: string): Promise<void> {
    for (const command of this.commands) {
      const match = command.pattern.exec(text);
      if (!match) continue;
      const reply = await this.runner.run(command, turn, match);
      if (reply) await context.sendActivity(toBotActivity(reply));
      return;
    }
    this.logger.warn('an understood message named no command', { command: text });
  }

  /** A card action whose verb no handler knows (an old card, a forged one) gets a clear answer. */
  private async answerUnknownInvoke(context: TurnContext, turn: TeamsTurn): Promise<void> {
    if (context.activity.name !== 'adaptiveCard/action') return;
    if (context.turnState.get(INVOKE_RESPONSE_KEY) !== undefined) return;
    const { language } = await turn.person();
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 200,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: messagesFor(language).unknownCardAction },
        },
      },
    });
  }
}

/** The members a conversationUpdate names, without the bot itself. */
function members(
  accounts: readonly { id: string; name?: string; aadObjectId?: string }[] | undefined,
  botId: string | undefined,
): TeamMember[] {
  return (accounts ?? [])
    .filter((account) => typeof account.id === 'string' && account.id !== botId)
    .map((account) => toTeamMember({ ...account, name: account.name ?? '' }));
}
