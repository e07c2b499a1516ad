import type { BotIdentity } from '../config/config';
import type { Clock } from '../clock';
import type { Logger } from '../observability/logger';
import type { TableStore } from '../storage/table-store';
import { ActivityLedger } from './activity-ledger';
import { createAdapter, type BotEndpointOverrides } from './adapter';
import { AdapterBotConnector, type BotConnector } from './bot-connector';
import { CardCommandBridge } from './middleware/card-command';
import { DEFAULT_FLOOD_LIMITS, FloodGuard } from './middleware/flood-guard';
import { RedeliveryGuard } from './middleware/redelivery-guard';
import { TeamsBot, type TeamsBotParts } from './teams-bot';
import { TeamsInfoRoster, type TeamRoster } from './team-roster';

export interface TeamsPlatformOptions {
  readonly bot: BotIdentity | undefined;
  readonly logger: Logger;
  readonly store: TableStore;
  readonly clock: Clock;
  readonly endpoints?: BotEndpointOverrides;
}

/** What the composition root gets from the Teams platform. */
export interface TeamsPlatform {
  /** Proactive sends and chat creation (the outbox uses it). */
  readonly connector: BotConnector;
  /** The team's members (roster sync uses it). */
  readonly roster: TeamRoster;
  /** The bot endpoint's handler, with the features' commands, card actions and events. */
  createBot(parts: TeamsBotParts): TeamsBot;
}

/**
 * Builds the adapter with its guards: a flood is cut first, then a redelivery is skipped, then
 * clicked commands become typed ones; TeamsFx's middleware runs after these.
 */
export function createTeamsPlatform(options: TeamsPlatformOptions): TeamsPlatform {
  const { logger } = options;
  const botAppId = options.bot?.appId ?? '';
  const adapter = createAdapter(options.bot, logger, options.endpoints);
  adapter.use(
    new FloodGuard(DEFAULT_FLOOD_LIMITS, Date.now, logger),
    new RedeliveryGuard(new ActivityLedger(options.store), options.clock, logger),
    new CardCommandBridge(),
  );
  return {
    connector: new AdapterBotConnector(adapter, botAppId, logger),
    roster: new TeamsInfoRoster(adapter, botAppId, logger),
    createBot: (parts) => new TeamsBot(adapter, botAppId, parts, logger),
  };
}
