import type { TeamsIdentity } from '../shared/participant';
import type {
  BotConnector,
  ConversationAddress,
  InstallationRepository,
  OutgoingActivity,
} from '../platform/teams';
import type { PersonalChat, PersonalChatRepository } from './personal-chat-repository';

/**
 * Why a person could not be reached before the app was installed or the roster read. Rows given
 * up for these reasons are sent once the person becomes reachable ({@link UnreachableRetry}).
 */
export const NOT_IN_ROSTER = 'no Teams user id: the person is not in the team roster';
export const NOT_INSTALLED = 'the app is not installed in the team';

/** A conversation the outbox sends to (a team channel or a personal chat). */
export type Conversation = ConversationAddress;

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
    activity: OutgoingActivity,
  ): Promise<{ readonly activityId: string | undefined }>;
  update(conversation: Conversation, activityId: string, activity: OutgoingActivity): Promise<void>;
}

/** Finds a person's Teams user id (from the team roster), needed to open a chat with them. */
export type TeamsUserIdLookup = (identity: TeamsIdentity) => Promise<string | undefined>;

/**
 * The outbox's view of the Bot Connector: where a person is reached (a chat the bot already has,
 * or one to create from the roster), creating that chat once and remembering it, and sending.
 */
export class AdapterConnectorGateway implements ConnectorGateway {
  private defaultServiceUrl: { url: string; tenantId: string; readAt: number } | undefined;

  constructor(
    private readonly connector: BotConnector,
    private readonly installations: InstallationRepository,
    private readonly teamsUserIdOf: TeamsUserIdLookup,
    private readonly personalChats: PersonalChatRepository,
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
    const teamsUserId = await this.teamsUserIdOf(identity);
    if (!teamsUserId) {
      return { kind: 'unreachable', reason: NOT_IN_ROSTER };
    }
    const serviceUrl = await this.serviceUrlFor(identity.tenantId);
    if (!serviceUrl) return { kind: 'unreachable', reason: NOT_INSTALLED };
    return { kind: 'create', teamsUserId, serviceUrl, tenantId: identity.tenantId };
  }

  async createPersonalChat(
    identity: TeamsIdentity,
    teamsUserId: string,
    serviceUrl: string,
    now: Date,
  ): Promise<Conversation> {
    const chat: PersonalChat = await this.connector.createPersonalChat(
      identity.tenantId,
      teamsUserId,
      serviceUrl,
    );
    await this.personalChats.save(identity, chat, now);
    return personalConversation(identity, chat);
  }

  send(conversation: Conversation, activity: OutgoingActivity): Promise<{ activityId: string | undefined }> {
    return this.connector.send(conversation, activity);
  }

  update(conversation: Conversation, activityId: string, activity: OutgoingActivity): Promise<void> {
    return this.connector.update(conversation, activityId, activity);
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
