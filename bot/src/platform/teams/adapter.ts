import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { BotIdentity } from '../config/config';
import { resolveLanguage } from '../../shared/i18n/language';
import { messagesFor } from '../../shared/i18n/messages';
import type { Logger } from '../observability/logger';
import { textActivity } from './activities';
import { toBotActivity } from './teams-turn';
import { StrictAuthentication } from './strict-authentication';

/** Overrides for the Bot Framework endpoints; tests point these at loopback servers. */
export interface BotEndpointOverrides {
  readonly toBotFromChannelOpenIdMetadataUrl?: string;
  readonly toBotFromEmulatorOpenIdMetadataUrl?: string;
  readonly toChannelFromBotLoginUrl?: string;
  readonly oAuthUrl?: string;
}

/**
 * The Bot Framework adapter. Without a bot identity it runs anonymously, which the config allows
 * only in local mode on loopback (the Agents Playground sends no tokens). With an identity,
 * every incoming request must carry a valid Bot Framework token.
 */
export function createAdapter(
  bot: BotIdentity | undefined,
  logger: Logger,
  overrides: BotEndpointOverrides = {},
): CloudAdapter {
  const settings: Record<string, string> = {};
  if (bot) {
    settings.MicrosoftAppId = bot.appId;
    settings.MicrosoftAppType = bot.appType;
    if (bot.appPassword) settings.MicrosoftAppPassword = bot.appPassword;
    if (bot.tenantId) settings.MicrosoftAppTenantId = bot.tenantId;
  }
  // Overriding one endpoint switches botbuilder to "all parameters given" mode, so every other
  // endpoint is set to its public-cloud value explicitly.
  if (Object.values(overrides).some((value) => value !== undefined)) {
    settings.ToChannelFromBotLoginUrl = AuthenticationConstants.ToChannelFromBotLoginUrl;
    settings.ToChannelFromBotOAuthScope = AuthenticationConstants.ToChannelFromBotOAuthScope;
    settings.ToBotFromChannelTokenIssuer = AuthenticationConstants.ToBotFromChannelTokenIssuer;
    settings.OAuthUrl = AuthenticationConstants.OAuthUrl;
    settings.ToBotFromChannelOpenIdMetadataUrl = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
    settings.ToBotFromEmulatorOpenIdMetadataUrl = AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl;
    settings.CallerId = CallerIdConstants.PublicAzureChannel;
  }
  if (overrides.toBotFromChannelOpenIdMetadataUrl) {
    settings.ToBotFromChannelOpenIdMetadataUrl = overrides.toBotFromChannelOpenIdMetadataUrl;
  }
  if (overrides.toBotFromEmulatorOpenIdMetadataUrl) {
    settings.ToBotFromEmulatorOpenIdMetadataUrl = overrides.toBotFromEmulatorOpenIdMetadataUrl;
  }
  if (overrides.toChannelFromBotLoginUrl)
    settings.ToChannelFromBotLoginUrl = overrides.toChannelFromBotLoginUrl;
  if (overrides.oAuthUrl) settings.OAuthUrl = overrides.oAuthUrl;

  const adapter = new CloudAdapter(
    new StrictAuthentication(new ConfigurationBotFrameworkAuthentication(settings), logger),
  );
  adapter.onTurnError = async (context: TurnContext, error: unknown): Promise<void> => {
    const activity = context.activity;
    logger.error('turn failed', {
      activityId: activity.id,
      activityType: activity.type,
      conversationId: activity.conversation?.id,
      error,
    });
    // Tell the person, in their language, without any detail of the error.
    if (activity.type === 'message') {
      const language = resolveLanguage(undefined, activity.locale);
      try {
        await context.sendActivity(toBotActivity(textActivity(messagesFor(language).somethingWentWrong)));
      } catch (sendError) {
        logger.error('could not tell the user about a failed turn', {
          activityId: activity.id,
          error: sendError,
        });
      }
    }
  };
  return adapter;
}
