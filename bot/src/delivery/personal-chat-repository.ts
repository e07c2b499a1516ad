import type { TeamsIdentity } from '../shared/participant';
import { escapeKey, unescapeKey } from '../platform/storage/keys';
import { deleteIfPresent, getEntity, odata, readAll, type TableStore } from '../platform/storage/table-store';

/**
 * The one-to-one chat the bot has with each person, by (tenant, object id): a point read per
 * message instead of a filter query over the installations. Filled when the bot creates a chat
 * for someone who never opened one, and from the installations when someone installed the app.
 */
export interface PersonalChat {
  readonly conversationId: string;
  readonly serviceUrl: string;
}

interface PersonalChatEntity {
  conversationId: string;
  serviceUrl: string;
  createdAt: string;
}

export class PersonalChatRepository {
  constructor(private readonly store: TableStore) {}

  async get(identity: TeamsIdentity): Promise<PersonalChat | undefined> {
    const client = await this.store.table('personalchats');
    const entity = await getEntity<PersonalChatEntity>(
      client,
      escapeKey(identity.tenantId),
      escapeKey(identity.aadObjectId),
    );
    return entity ? { conversationId: entity.conversationId, serviceUrl: entity.serviceUrl } : undefined;
  }

  /** Every known chat in a tenant, by object id: one partition scan for a large fan-out. */
  async listTenant(tenantId: string): Promise<Map<string, PersonalChat>> {
    const client = await this.store.table('personalchats');
    const rows = await readAll<PersonalChatEntity, [string, PersonalChat]>(
      client,
      odata`PartitionKey eq ${escapeKey(tenantId)}`,
      (entity) => [
        unescapeKey(entity.rowKey ?? ''),
        { conversationId: entity.conversationId, serviceUrl: entity.serviceUrl },
      ],
    );
    return new Map(rows);
  }

  /** Erasure: the chat's id points to the person. */
  async erase(identity: TeamsIdentity): Promise<void> {
    const client = await this.store.table('personalchats');
    await deleteIfPresent(client, escapeKey(identity.tenantId), escapeKey(identity.aadObjectId));
  }

  async save(identity: TeamsIdentity, chat: PersonalChat, now: Date): Promise<void> {
    const client = await this.store.table('personalchats');
    await client.upsertEntity(
      {
        partitionKey: escapeKey(identity.tenantId),
        rowKey: escapeKey(identity.aadObjectId),
        conversationId: chat.conversationId,
        serviceUrl: chat.serviceUrl,
        createdAt: now.toISOString(),
      },
      'Replace',
    );
  }
}
