import { BotBuilderCloudAdapter } from '@microsoft/teamsfx';
import type { CloudAdapter, Request, TurnContext } from 'botbuilder';
import type { Response } from 'restify';
import type { Logger } from '../observability/logger';
import { ActivityRouter } from './activity-router';
import { CommandRunner, toTeamsFxCommand, type PrivateReplies } from './bot-command';
import { toTeamsFxHandler, type CardAction } from './card-action';
import type { ConversationReferenceStoreLike } from './installation-repository';
import { sanitisedResponse } from './sanitised-response';
import type { BotCommand, ConversationEvents, ParticipantDirectory } from './turn';

export interface TeamsBotParts {
  readonly commands: readonly BotCommand[];
  readonly cardActions: readonly CardAction[];
  readonly events: readonly ConversationEvents[];
  readonly directory: ParticipantDirectory;
  /** Where installations are kept (TeamsFx's notification store contract). */
  readonly installations: ConversationReferenceStoreLike;
  /** Where private commands asked in shared conversations send their answers. */
  readonly privateReplies: PrivateReplies;
}

/**
 * The whole Teams-facing surface: TeamsFx's ConversationBot (commands, card actions and the
 * installation store) on our adapter, followed by our router. Moving to the Microsoft 365 Agents
 * SDK means replacing the files of `platform/teams/`; the features see only our own interfaces.
 */
export class TeamsBot {
  private readonly conversationBot: BotBuilderCloudAdapter.ConversationBot;
  private readonly router: ActivityRouter;

  constructor(
    readonly adapter: CloudAdapter,
    botAppId: string,
    parts: TeamsBotParts,
    logger: Logger,
  ) {
    const runner = new CommandRunner(parts.privateReplies);
    this.router = new ActivityRouter(parts.events, parts.commands, runner, parts.directory, logger);
    this.conversationBot = new BotBuilderCloudAdapter.ConversationBot({
      adapter,
      command: {
        enabled: true,
        commands: parts.commands.map((command) => toTeamsFxCommand(command, parts.directory, runner)),
      },
      cardAction: {
        enabled: true,
        actions: parts.cardActions.map((action) => toTeamsFxHandler(action, parts.directory, logger)),
      },
      notification: { enabled: true, botAppId, store: parts.installations },
    });
  }

  async process(req: Request, res: Response): Promise<void> {
    await this.conversationBot.requestHandler(req, sanitisedResponse(res), (context: TurnContext) =>
      this.router.route(context),
    );
  }
}
