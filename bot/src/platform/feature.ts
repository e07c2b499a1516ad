import type { ApiRouter } from './api/api-router';
import type { TeamsIdentity } from '../shared/participant';
import type { AppConfig } from './config/config';
import type { Logger } from './observability/logger';
import type { Clock } from './clock';
import type { Delivery } from './delivery';
import type { TaskSupervisor } from './task-supervisor';
import type { TableStore } from './storage/table-store';
import type { TabLinks } from '../shared/tab-links';
import type { BotCommand, CardAction, ConversationEvents } from './teams';
import type { PersonalLinkSigner } from './links/personal-link';

/**
 * What every feature may use; built once in the composition root. What a feature needs of another
 * feature (its repositories or services) it receives as an argument of its own factory.
 */
export interface FeatureContext {
  readonly config: AppConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly store: TableStore;
  readonly links: TabLinks;
  readonly tasks: TaskSupervisor;
  /**
   * Proactive messages (reminders, polls, invitations): enqueue a batch of per-target rendered
   * activities under a stable delivery id; the outbox sends them within the Teams rate limits.
   */
  readonly delivery: Delivery;
  /**
   * Signs and checks the per-person links opened outside Teams (calendar files, recordings): the
   * one mechanism every feature's such links use.
   */
  readonly personalLinks: PersonalLinkSigner;
}

/**
 * A slice of the app (core commands, polls, reminders, groups…): what it adds to the bot, to the
 * tab's API, and what it runs in the background. The composition root lists the features.
 */
export interface Feature {
  readonly name: string;
  readonly commands?: readonly BotCommand[];
  readonly cardActions?: readonly CardAction[];
  /** Installs, roster changes and the fallback for unrecognised messages. */
  readonly events?: ConversationEvents;
  registerApi?(router: ApiRouter): void;
  /** Starts background work (schedulers); called after the server listens. */
  start?(): void;
  /** Stops background work and lets in-flight work finish. */
  stop?(): Promise<void>;
  /** What the feature stores about people, for their data rights (export, erasure, retention). */
  readonly personalData?: PersonalDataProvider;
}

/**
 * A feature's part in people's data rights (GDPR): participants include elected officials and
 * their answers may be sensitive. Every table that holds personal data has a provider.
 */
export interface PersonalDataProvider {
  /** What the feature stores about the person, as plain JSON for their export. */
  export(identity: TeamsIdentity): Promise<Record<string, unknown>>;
  /**
   * Removes the person's personal data. Aggregates that identify no one (an anonymous poll's
   * counts) may stay; anything that names or points to the person goes.
   */
  erase(identity: TeamsIdentity): Promise<void>;
  /** Removes everything the feature keeps for rounds whose retention has ended. */
  purgeRounds?(roundIds: readonly string[]): Promise<void>;
}
