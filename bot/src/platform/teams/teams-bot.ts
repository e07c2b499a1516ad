import {
  BotBuilderCloudAdapter,
  type TeamsFxAdaptiveCardActionHandler,
  type TeamsFxBotCommandHandler,
} from '@microsoft/teamsfx';
import type { CloudAdapter, Request, TurnContext } from 'botbuilder';
import type { Response } from 'restify';
import type { ConversationReferenceStoreLike } from './installation-repository';
import type { ActivityRouter } from './activity-router';
import { sanitisedResponse } from './sanitised-response';

/**
 * The whole Teams-facing surface: TeamsFx's ConversationBot (commands, card actions and the
 * installation store) on our adapter, followed by our router. Moving to the Microsoft 365 Agents
 * SDK means replacing this file, the handlers' TeamsFx interfaces and `card-action.ts`.
 */
export class TeamsBot {
  private readonly conversationBot: BotBuilderCloudAdapter.ConversationBot;

  constructor(
    readonly adapter: CloudAdapter,
    botAppId: string,
    store: ConversationReferenceStoreLike,
    commands: TeamsFxBotCommandHandler[],
    cardActions: TeamsFxAdaptiveCardActionHandler[],
    private readonly router: ActivityRouter,
  ) {
    this.conversationBot = new BotBuilderCloudAdapter.ConversationBot({
      adapter,
      command: { enabled: true, commands },
      cardAction: { enabled: true, actions: cardActions },
      notification: { enabled: true, botAppId, store },
    });
  }

  async process(req: Request, res: Response): Promise<void> {
    await this.conversationBot.requestHandler(req, sanitisedResponse(res), (context: TurnContext) =>
      this.router.route(context),
    );
  }
}
