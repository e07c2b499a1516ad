import type { TeamsFxAdaptiveCardActionHandler, TeamsFxBotCommandHandler } from '@microsoft/teamsfx';
import type { CloudAdapter } from 'botbuilder';
import type { ApiRouter } from '../api/api-router';
import type { AppConfig } from '../config/config';
import type { Logger } from '../observability/logger';
import type { Clock } from '../services/clock';
import type { Delivery } from '../services/delivery';
import type { TaskSupervisor } from '../services/task-supervisor';
import type { Repositories } from '../storage/repositories';
import type { TableStore } from '../storage/table-store';
import type { TabLinks } from '../teams/tab-links';
import type { TurnPeople } from '../teams/turn-people';

/** What every feature may use; built once in the composition root. */
export interface FeatureContext {
  readonly config: AppConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly store: TableStore;
  readonly repositories: Repositories;
  readonly people: TurnPeople;
  readonly links: TabLinks;
  readonly tasks: TaskSupervisor;
  readonly adapter: CloudAdapter;
  readonly botAppId: string;
  /**
   * Proactive messages (reminders, polls, invitations): enqueue a batch of per-target rendered
   * activities under a stable delivery id; the outbox sends them within the Teams rate limits.
   */
  readonly delivery?: Delivery;
}

/**
 * A slice of the app (core commands, polls, reminders, groups…): what it adds to the bot, to the
 * tab's API, and what it runs in the background. The composition root lists the features.
 */
export interface Feature {
  readonly name: string;
  readonly commands?: readonly TeamsFxBotCommandHandler[];
  readonly cardActions?: readonly TeamsFxAdaptiveCardActionHandler[];
  registerApi?(router: ApiRouter): void;
  /** Starts background work (schedulers); called after the server listens. */
  start?(): void;
  /** Stops background work and lets in-flight work finish. */
  stop?(): Promise<void>;
}
