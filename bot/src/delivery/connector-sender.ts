import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { TeamsIdentity } from '../shared/participant';
import type { Logger } from '../platform/observability/logger';
import type { InstallationRepository } from '../platform/teams/installation-repository';
import type { ParticipantRepository } from '../people/participant-repository';
import type { PersonalChat, PersonalChatRepository } from './personal-chat-repository';

/**
 * The calls the outbox makes to the Bot Connector, through the adapter's own connector clients (so
 * the bot's credentials and cloud settings apply): send to a known conversation, and create the
 * one-to-one chat with a team member who never opened one (guests included), as Teams allows a bot
 * installed in the team to do.
 *
 * The connector client's built-in retry policy is removed: the outbox retries on its own terms and
 * must see every 429 and 5xx, both to honour Retry-After per conversation and to account every
 * request in its rate windows.
 */
export interface Conversation {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly reference: Partial<ConversationReference>;
}

export type PersonResolution =
  | { readonly kind: 'known'; readonly conversation: Conversation }
  /** No chat yet: it must be created with the person's Teams user id on this service URL. */
  | {
      readonly kind: 'create';
      readonly teamsUserId: string;
      readonly serviceUrl: string;
      readonly tenantId: string;
    }
  | { readonly kind: 'unreachable'; readonly reason: string };

export interface ConnectorGateway {
  resolvePerson(identity: TeamsIdentity): Promise<PersonResolution>;
  createPersonalChat(
    identity: TeamsIdentity,
    teamsUserId: string,
    serviceUrl: string,
    now: Date,
  ): Promise<Conversation>;
  send(
    conversation: Conversation,
    activity: Partial<Activity>,
  ): Promise<{ readonly activityId: string | undefined }>;
}

const CLIENT_LIFETIME_MS = 10 * 60_000;
const RETRY_POLICY_NAMES = [
  'defaultRetryPolicy',
  'exponentialRetryPolicy',
  'throttlingRetryPolicy',
  'systemErrorRetryPolicy',
];

export class AdapterConnectorGateway implements ConnectorGateway {
  private readonly clients = new Map<string, { client: Promise<ConnectorClient>; createdAt: number }>();
  private defaultServiceUrl: { url: string; tenantId: string; readAt: number } | undefined;
  private warnedAboutRetries = false;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly installations: InstallationRepository,
    private readonly participants: ParticipantRepository,
    private readonly personalChats: PersonalChatRepository,
    private readonly logger: Logger,
  ) {}

  async resolvePerson(identity: TeamsIdentity): Promise<PersonResolution> {
    const cached = await this.personalChats.get(identity);
    if (cached) return { kind: 'known', conversation: personalConversation(identity, cached) };
    const installed = await this.installations.personalChat(identity.tenantId, identity.aadObjectId);
    if (installed?.reference.serviceUrl) {
      const chat = { conversationId: installed.conversationId, serviceUrl: installed.reference.serviceUrl };
      return {
        kind: 'known',
        conversation: { ...personalConversation(identity, chat), reference: installed.reference },
      };
    }
    const participant = (await this.participants.get(identity))?.value;
    if (!participant?.teamsUserId) {
      return { kind: 'unreachable', reason: 'no Teams user id: the person is not in the team roster' };
    }
    const serviceUrl = await this.serviceUrlFor(identity.tenantId);
    if (!serviceUrl) return { kind: 'unreachable', reason: 'the app is not installed in the team' };
    return { kind: 'create', teamsUserId: participant.teamsUserId, serviceUrl, tenantId: identity.tenantId };
  }

  async createPersonalChat(
    identity: TeamsIdentity,
    teamsUserId: string,
    serviceUrl: string,
    now: Date,
  ): Promise<Conversation> {
    const connector = await this.client(serviceUrl, identity.tenantId);
    const created = await connector.conversations.createConversation({
      isGroup: false,
      bot: { id: this.botAppId ? `28:${this.botAppId}` : 'digiverkosto-bot', name: 'Digiverkosto' },
      members: [{ id: teamsUserId, name: '' }],
      tenantId: identity.tenantId,
      channelData: { tenant: { id: identity.tenantId } },
    });
    const chat: PersonalChat = { conversationId: created.id, serviceUrl: created.serviceUrl || serviceUrl };
    await this.personalChats.save(identity, chat, now);
    return personalConversation(identity, chat);
  }

  async send(
    conversation: Conversation,
    activity: Partial<Activity>,
  ): Promise<{ activityId: string | undefined }> {
    const connector = await this.client(conversation.serviceUrl, conversation.tenantId);
    const outgoing = TurnContext.applyConversationReference(
      { ...activity },
      conversation.reference,
    ) as Activity;
    outgoing.conversation = { ...outgoing.conversation, id: conversation.conversationId };
    const response = await connector.conversations.sendToConversation(conversation.conversationId, outgoing);
    return { activityId: response.id };
  }

  /** A connector client for a service URL, built by the adapter and reused for a few minutes. */
  private async client(serviceUrl: string, tenantId: string): Promise<ConnectorClient> {
    const now = Date.now();
    const cached = this.clients.get(serviceUrl);
    if (cached && now - cached.createdAt < CLIENT_LIFETIME_MS) return cached.client;
    const client = new Promise<ConnectorClient>((resolve, reject) => {
      const reference: Partial<ConversationReference> = {
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

  /** The service URL of the tenant's team (read from the channel installation, refreshed hourly). */
  private async serviceUrlFor(tenantId: string): Promise<string | undefined> {
    const known = this.defaultServiceUrl;
    if (known && known.tenantId === tenantId && Date.now() - known.readAt < 3_600_000) return known.url;
    const channels = await this.installations.channels();
    const channel = channels.find((installation) => installation.tenantId === tenantId) ?? channels[0];
    const url = channel?.reference.serviceUrl;
    if (!url) return undefined;
    this.defaultServiceUrl = { url, tenantId, readAt: Date.now() };
    return url;
  }
}

export function personalConversation(identity: TeamsIdentity, chat: PersonalChat): Conversation {
  return {
    tenantId: identity.tenantId,
    conversationId: chat.conversationId,
    serviceUrl: chat.serviceUrl,
    reference: {
      channelId: 'msteams',
      serviceUrl: chat.serviceUrl,
      conversation: {
        id: chat.conversationId,
        tenantId: identity.tenantId,
        conversationType: 'personal',
        isGroup: false,
        name: '',
      },
      user: { id: '', name: '', aadObjectId: identity.aadObjectId },
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
