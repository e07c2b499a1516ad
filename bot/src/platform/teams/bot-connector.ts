import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference as BotReference,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Logger } from '../observability/logger';
import { toBotActivity } from './teams-turn';
import type { ConversationReference, OutgoingActivity } from './types';

/** A conversation the outbox writes to. */
export interface ConversationAddress {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly reference: ConversationReference;
}

/**
 * The two Bot Connector calls proactive messages need: send to a known conversation, and create
 * the one-to-one chat with a team member who never opened one (guests included), as Teams allows
 * a bot installed in the team to do.
 */
export interface BotConnector {
  createPersonalChat(
    tenantId: string,
    teamsUserId: string,
    serviceUrl: string,
  ): Promise<{ readonly conversationId: string; readonly serviceUrl: string }>;
  send(
    conversation: ConversationAddress,
    activity: OutgoingActivity,
  ): Promise<{ readonly activityId: string | undefined }>;
  /** Replaces a message the bot sent earlier (a poll's live tally in the channel). */
  update(conversation: ConversationAddress, activityId: string, activity: OutgoingActivity): Promise<void>;
}

const CLIENT_LIFETIME_MS = 10 * 60_000;
const RETRY_POLICY_NAMES = [
  'defaultRetryPolicy',
  'exponentialRetryPolicy',
  'throttlingRetryPolicy',
  'systemErrorRetryPolicy',
];

/**
 * The Bot Connector through the adapter's own connector clients, so the bot's credentials and
 * cloud settings apply.
 *
 * The connector client's built-in retry policy is removed: the outbox retries on its own terms and
 * must see every 429 and 5xx, both to honour Retry-After per conversation and to account every
 * request in its rate windows.
 */
export class AdapterBotConnector implements BotConnector {
  private readonly clients = new Map<string, { client: Promise<ConnectorClient>; createdAt: number }>();
  private warnedAboutRetries = false;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly logger: Logger,
  ) {}

  async createPersonalChat(
    tenantId: string,
    teamsUserId: string,
    serviceUrl: string,
  ): Promise<{ conversationId: string; serviceUrl: string }> {
    const connector = await this.client(serviceUrl, tenantId);
    const created = await connector.conversations.createConversation({
      isGroup: false,
      bot: { id: this.botAppId ? `28:${this.botAppId}` : 'digiverkosto-bot', name: 'Digiverkosto' },
      members: [{ id: teamsUserId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    });
    return { conversationId: created.id, serviceUrl: created.serviceUrl || serviceUrl };
  }

  async send(
    conversation: ConversationAddress,
    activity: OutgoingActivity,
  ): Promise<{ activityId: string | undefined }> {
    const connector = await this.client(conversation.serviceUrl, conversation.tenantId);
    const outgoing = TurnContext.applyConversationReference(
      toBotActivity(activity),
      conversation.reference as Partial<BotReference>,
    ) as Activity;
    outgoing.conversation = { ...outgoing.conversation, id: conversation.conversationId };
    const response = await connector.conversations.sendToConversation(conversation.conversationId, outgoing);
    return { activityId: response.id };
  }

  async update(
    conversation: ConversationAddress,
    activityId: string,
    activity: OutgoingActivity,
  ): Promise<void> {
    const connector = await this.client(conversation.serviceUrl, conversation.tenantId);
    const outgoing = TurnContext.applyConversationReference(
      toBotActivity(activity),
      conversation.reference as Partial<BotReference>,
    ) as Activity;
    outgoing.conversation = { ...outgoing.conversation, id: conversation.conversationId };
    outgoing.id = activityId;
    await connector.conversations.updateActivity(conversation.conversationId, activityId, outgoing);
  }

  /** A connector client for a service URL, built by the adapter and reused for a few minutes. */
  private async client(serviceUrl: string, tenantId: string): Promise<ConnectorClient> {
    const now = Date.now();
    const cached = this.clients.get(serviceUrl);
    if (cached && now - cached.createdAt < CLIENT_LIFETIME_MS) return cached.client;
    const client = new Promise<ConnectorClient>((resolve, reject) => {
      const reference: Partial<BotReference> = {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: 'outbox', tenantId, isGroup: false, conversationType: 'personal', name: '' },
      };
      this.adapter
        .continueConversationAsync(this.botAppId, reference, async (context) => {
          await Promise.resolve();
          const connector = context.turnState.get<ConnectorClient | undefined>(
            this.adapter.ConnectorClientKey,
          );
          if (!connector) throw new Error('The adapter did not provide a connector client');
          this.removeRetryPolicies(connector);
          resolve(connector);
        })
        .catch(reject);
    });
    this.clients.set(serviceUrl, { client, createdAt: now });
    client.catch(() => this.clients.delete(serviceUrl));
    return client;
  }

  private removeRetryPolicies(connector: ConnectorClient): void {
    // The pipeline is private in botframework-connector; reach it defensively and say so if it moved.
    const inner: unknown = (connector as unknown as { client?: unknown }).client;
    const pipeline = isObject(inner) ? inner.pipeline : undefined;
    if (isObject(pipeline) && typeof pipeline.removePolicy === 'function') {
      const remove = pipeline.removePolicy as (options: { name: string }) => unknown;
      for (const name of RETRY_POLICY_NAMES) remove.call(pipeline, { name });
      return;
    }
    if (!this.warnedAboutRetries) {
      this.warnedAboutRetries = true;
      this.logger.warn('connector client retry policy could not be removed; retries stay inside one permit');
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
