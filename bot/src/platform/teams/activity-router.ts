import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { AppInstalledHandler } from '../../people/app-installed';
import type { MembersChangedHandler } from '../../people/members-changed';
import type { UnrecognisedMessageHandler } from '../../people/unrecognised-message';
import { messagesFor } from '../../shared/i18n/messages';
import type { Logger } from '../observability/logger';
import { wasHandled, type TurnPeople } from './turn-people';

/**
 * What runs after TeamsFx's middleware (commands, card actions, installation store) has seen the
 * activity: installs, roster changes and the fallback for unrecognised messages. Everything else
 * is acknowledged quietly.
 */
export class ActivityRouter {
  constructor(
    private readonly installed: AppInstalledHandler,
    private readonly members: MembersChangedHandler,
    private readonly unrecognised: UnrecognisedMessageHandler,
    private readonly people: TurnPeople,
    private readonly logger: Logger,
  ) {}

  async route(context: TurnContext): Promise<void> {
    const activity = context.activity;
    switch (activity.type) {
      case 'installationUpdate': {
        const action = activity.action?.toLowerCase();
        if (action === 'add' || action === 'add-upgrade') await this.installed.installed(context);
        else if (action === 'remove') await this.installed.uninstalled(context);
        return;
      }
      case 'conversationUpdate':
        await this.members.handle(context);
        return;
      case 'message':
        if (!wasHandled(context)) await this.unrecognised.handle(context);
        return;
      case 'invoke':
        await this.answerUnknownInvoke(context);
        return;
      default:
        this.logger.debug('activity ignored', { type: activity.type, activityId: activity.id });
    }
  }

  /** A card action whose verb no handler knows (an old card, a forged one) gets a clear answer. */
  private async answerUnknownInvoke(context: TurnContext): Promise<void> {
    if (context.activity.name !== 'adaptiveCard/action') return;
    if (context.turnState.get(INVOKE_RESPONSE_KEY) !== undefined) return;
    const { language } = await this.people.resolve(context);
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
