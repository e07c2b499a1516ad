import type { TableEntityResult } from '@azure/data-tables';
import type { ConversationReference as BotReference } from 'botbuilder';
import { conversationReferenceSchema, type ConversationReference } from './types';
import { escapeKey } from '../storage/keys';
import { jsonColumn } from '../storage/json-column';
import {
  createIfAbsent,
  deleteIfPresent,
  odata,
  readAll,
  readPage,
  type Page,
  type TableStore,
} from '../storage/table-store';

/**
 * Where the bot is installed: the team's channel, group chats and personal chats, with the
 * conversation reference needed to post there later. Partition = the conversation's tenant, row =
 * the store key TeamsFx gives (`_<tenant>_<conversation id>`), escaped.
 *
 * This is TeamsFx's `ConversationReferenceStore` contract (add / remove / list by page) on Table
 * Storage, so installations survive restarts and are shared by every instance.
 */
/** The reference as TeamsFx gave it (checked for the parts we use, the rest kept as it was). */
const referenceColumn = jsonColumn<ConversationReference>(
  'conversation reference',
  conversationReferenceSchema,
);

export type ConversationKind = 'channel' | 'groupChat' | 'personal';

export interface Installation {
  readonly key: string;
  readonly kind: ConversationKind;
  readonly tenantId: string;
  readonly conversationId: string;
  readonly teamId: string | undefined;
  /** For personal chats: the person the chat is with. */
  readonly userAadObjectId: string | undefined;
  readonly reference: ConversationReference;
  readonly installedAt: string;
}

interface InstallationEntity {
  key: string;
  kind: string;
  tenantId: string;
  conversationId: string;
  teamId?: string;
  userAadObjectId?: string;
  reference: string;
  installedAt: string;
}

/** TeamsFx's notification store contract, in botbuilder's types. */
export interface ConversationReferenceStoreLike {
  add(key: string, reference: Partial<BotReference>, options: { overwrite?: boolean }): Promise<boolean>;
  remove(key: string, reference: Partial<BotReference>): Promise<boolean>;
  list(
    pageSize?: number,
    continuationToken?: string,
  ): Promise<{ data: Partial<BotReference>[]; continuationToken?: string }>;
}

/** Conversations this process knows are stored; beyond this many the set starts again. */
const KNOWN_LIMIT = 10_000;

export class InstallationRepository implements ConversationReferenceStoreLike {
  /**
   * TeamsFx adds the conversation of every message it sees ("add unless present"). A conversation
   * this process has stored or found stored is not written again: that was a storage call on every
   * message turn. An uninstall removes it here too, and a reinstall overwrites in any case.
   */
  private readonly known = new Set<string>();

  constructor(
    private readonly store: TableStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async add(
    key: string,
    reference: ConversationReference,
    options: { overwrite?: boolean },
  ): Promise<boolean> {
    if (!options.overwrite && this.known.has(key)) return false;
    const client = await this.store.table('installations');
    const entity = toEntity(key, reference, this.clock());
    let added = true;
    if (options.overwrite) await client.upsertEntity(entity, 'Replace');
    else added = await createIfAbsent(client, entity);
    if (this.known.size >= KNOWN_LIMIT) this.known.clear();
    this.known.add(key);
    return added;
  }

  async remove(key: string, reference: ConversationReference): Promise<boolean> {
    this.known.delete(key);
    const client = await this.store.table('installations');
    return deleteIfPresent(client, partitionFor(reference), escapeKey(key));
  }

  async list(
    pageSize = 100,
    continuationToken?: string,
  ): Promise<{ data: Partial<BotReference>[]; continuationToken?: string }> {
    const page = await this.listPage(pageSize, continuationToken);
    return {
      // The stored JSON is the reference TeamsFx gave us.
      data: page.items.map((installation) => installation.reference as Partial<BotReference>),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }

  async listPage(pageSize: number, continuationToken?: string): Promise<Page<Installation>> {
    const client = await this.store.table('installations');
    return readPage<InstallationEntity, Installation>(
      client,
      { pageSize, continuationToken },
      toInstallation,
    );
  }

  /** Removes every personal-chat reference of a person (erasure); returns how many there were. */
  async removePersonalChats(tenantId: string, aadObjectId: string): Promise<number> {
    const client = await this.store.table('installations');
    const rows = await readAll<InstallationEntity, Installation>(
      client,
      odata`PartitionKey eq ${escapeKey(tenantId)} and kind eq ${'personal'} and userAadObjectId eq ${aadObjectId}`,
      toInstallation,
    );
    for (const row of rows) {
      this.known.delete(row.key);
      await deleteIfPresent(client, escapeKey(row.tenantId || '_'), escapeKey(row.key));
    }
    return rows.length;
  }

  /**
   * Erasure: channel and group chat references stored before installers were left out still
   * name the person who installed the app; they are rewritten without them.
   */
  async forgetInstaller(tenantId: string, aadObjectId: string): Promise<void> {
    const client = await this.store.table('installations');
    const rows = await readAll<InstallationEntity, Installation>(
      client,
      odata`PartitionKey eq ${escapeKey(tenantId)} and kind ne ${'personal'}`,
      toInstallation,
    );
    for (const row of rows) {
      if (row.reference.user?.aadObjectId !== aadObjectId) continue;
      await client.updateEntity(
        {
          partitionKey: escapeKey(row.tenantId || '_'),
          rowKey: escapeKey(row.key),
          reference: referenceColumn.write(withoutInstaller(row.reference)),
        },
        'Merge',
      );
    }
  }

  /** The team channels the app is installed in (the network has one team; a test tenant may have more). */
  async channels(): Promise<Installation[]> {
    const client = await this.store.table('installations');
    return readAll<InstallationEntity, Installation>(client, odata`kind eq ${'channel'}`, toInstallation);
  }

  /** The personal chat with a participant, if they have installed the app or written to the bot. */
  async personalChat(tenantId: string, aadObjectId: string): Promise<Installation | undefined> {
    const client = await this.store.table('installations');
    const found = await readPage<InstallationEntity, Installation>(
      client,
      {
        filter: odata`PartitionKey eq ${escapeKey(tenantId)} and kind eq ${'personal'} and userAadObjectId eq ${aadObjectId}`,
        pageSize: 1,
      },
      toInstallation,
    );
    return found.items[0];
  }
}

function partitionFor(reference: ConversationReference): string {
  return escapeKey(reference.conversation?.tenantId ?? '_');
}

function kindOf(reference: ConversationReference): ConversationKind {
  const type = reference.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  return 'personal';
}

function toEntity(
  key: string,
  reference: ConversationReference,
  now: Date,
): InstallationEntity & { partitionKey: string; rowKey: string } {
  const kind = kindOf(reference);
  const teamId = teamIdOf(reference);
  const userAadObjectId = kind === 'personal' ? reference.user?.aadObjectId : undefined;
  return {
    partitionKey: partitionFor(reference),
    rowKey: escapeKey(key),
    key,
    kind,
    tenantId: reference.conversation?.tenantId ?? '',
    conversationId: reference.conversation?.id ?? '',
    ...(teamId ? { teamId } : {}),
    ...(userAadObjectId ? { userAadObjectId } : {}),
    // A channel's reference needs no user to post there; the installer is personal data that would
    // otherwise be copied into every channel post's outbox row.
    reference: referenceColumn.write(kind === 'personal' ? reference : withoutInstaller(reference)),
    installedAt: now.toISOString(),
  };
}

/** Channel conversation ids look like `19:…@thread.tacv2;messageid=…`; the team id is the part before `;`. */
function teamIdOf(reference: ConversationReference): string | undefined {
  if (kindOf(reference) !== 'channel') return undefined;
  return reference.conversation?.id?.split(';')[0];
}

function toInstallation(entity: TableEntityResult<InstallationEntity>): Installation {
  const kind: ConversationKind =
    entity.kind === 'channel' || entity.kind === 'groupChat' ? entity.kind : 'personal';
  return {
    key: entity.key,
    kind,
    tenantId: entity.tenantId,
    conversationId: entity.conversationId,
    teamId: entity.teamId || undefined,
    userAadObjectId: entity.userAadObjectId || undefined,
    reference: referenceColumn.read(entity.reference),
    installedAt: entity.installedAt,
  };
}

function withoutInstaller(reference: ConversationReference): ConversationReference {
  const { user: _installer, ...rest } = reference;
  return rest;
}
