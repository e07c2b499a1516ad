import type { TableEntityResult } from '@azure/data-tables';
import type { Participant, TeamsIdentity } from '../shared/participant';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../shared/roles';
import { isLanguage, type Language } from '../shared/i18n/language';
import { escapeKey } from '../platform/storage/keys';
import {
  deleteIfPresent,
  getEntity,
  odata,
  parseJsonArray,
  readAll,
  readPage,
  replaceIfUnchanged,
  type Page,
  type TableStore,
  type Versioned,
} from '../platform/storage/table-store';

/**
 * Participants: partition = tenant id of the network's workspace, row = Entra object id. A point
 * read by identity serves every bot turn and API call; a partition scan lists the roster.
 */
interface ParticipantEntity {
  tenantId: string;
  aadObjectId: string;
  name: string;
  email?: string;
  municipalityId?: string;
  roles: string;
  language?: string;
  teamsUserId?: string;
  isGuest: boolean;
  active: boolean;
  updatedAt: string;
}

/** The fields the Teams roster knows; syncing them never touches roles, municipality or language. */
export interface RosterMember extends TeamsIdentity {
  readonly name: string;
  readonly email: string | undefined;
  readonly teamsUserId: string;
  readonly isGuest: boolean;
}

/** A participant as an audience count sees them. */
export interface AudienceFacts extends TeamsIdentity {
  readonly municipalityId: string | undefined;
  readonly roles: readonly ParticipantRole[];
  readonly active: boolean;
}

export class ParticipantRepository {
  constructor(private readonly store: TableStore) {}

  async get(identity: TeamsIdentity): Promise<Versioned<Participant> | undefined> {
    const client = await this.store.table('participants');
    const entity = await getEntity<ParticipantEntity>(client, ...keys(identity));
    return entity ? { value: toParticipant(entity), etag: entity.etag } : undefined;
  }

  /** Writes a whole participant (demo data, coordinator edits after an ETag check elsewhere). */
  async save(participant: Participant): Promise<void> {
    const client = await this.store.table('participants');
    await client.upsertEntity(toEntity(participant), 'Replace');
  }

  /** Replaces a participant only if unchanged since read; throws ConflictError otherwise. */
  async update(participant: Participant, etag: string): Promise<string> {
    const client = await this.store.table('participants');
    return replaceIfUnchanged(client, toEntity(participant), etag);
  }

  /** Creates or refreshes a participant from the Teams roster, keeping what people chose themselves. */
  async upsertFromRoster(member: RosterMember, now: Date): Promise<void> {
    const client = await this.store.table('participants');
    const [partitionKey, rowKey] = keys(member);
    const existing = await getEntity<ParticipantEntity>(client, partitionKey, rowKey);
    const rosterFields = {
      partitionKey,
      rowKey,
      tenantId: member.tenantId,
      aadObjectId: member.aadObjectId,
      name: member.name,
      teamsUserId: member.teamsUserId,
      isGuest: member.isGuest,
      active: true,
      updatedAt: now.toISOString(),
      ...(member.email ? { email: member.email } : {}),
    };
    if (existing) {
      await client.updateEntity(rosterFields, 'Merge');
    } else {
      await client.upsertEntity({ ...rosterFields, roles: '[]' }, 'Merge');
    }
  }

  async markInactive(identity: TeamsIdentity, now: Date): Promise<void> {
    const client = await this.store.table('participants');
    const [partitionKey, rowKey] = keys(identity);
    if (!(await getEntity(client, partitionKey, rowKey))) return;
    await client.updateEntity({ partitionKey, rowKey, active: false, updatedAt: now.toISOString() }, 'Merge');
  }

  /** Stores a participant's language choice, creating a minimal record for someone not yet synced. */
  async setLanguage(
    identity: TeamsIdentity & { name?: string },
    language: Language,
    now: Date,
  ): Promise<void> {
    const client = await this.store.table('participants');
    const [partitionKey, rowKey] = keys(identity);
    const existing = await getEntity<ParticipantEntity>(client, partitionKey, rowKey);
    if (existing) {
      await client.updateEntity({ partitionKey, rowKey, language, updatedAt: now.toISOString() }, 'Merge');
      return;
    }
    await client.upsertEntity(
      {
        partitionKey,
        rowKey,
        tenantId: identity.tenantId,
        aadObjectId: identity.aadObjectId,
        name: identity.name ?? '',
        roles: '[]',
        language,
        isGuest: false,
        active: true,
        updatedAt: now.toISOString(),
      } satisfies ParticipantEntity & { partitionKey: string; rowKey: string },
      'Merge',
    );
  }

  /** Removes a participant (erasure). */
  async delete(identity: TeamsIdentity): Promise<boolean> {
    const client = await this.store.table('participants');
    return deleteIfPresent(client, ...keys(identity));
  }

  async listPage(tenantId: string, pageSize: number, continuationToken?: string): Promise<Page<Participant>> {
    const client = await this.store.table('participants');
    return readPage<ParticipantEntity, Participant>(
      client,
      { filter: odata`PartitionKey eq ${escapeKey(tenantId)}`, pageSize, continuationToken },
      toParticipant,
    );
  }

  /**
   * What a poll's response rates count of every participant, and nothing else (no names, no
   * contact details): a scan of the whole roster that stays small however large the roster grows.
   */
  async listAudienceFacts(): Promise<AudienceFacts[]> {
    const client = await this.store.table('participants');
    return readAll<
      Pick<ParticipantEntity, 'tenantId' | 'aadObjectId' | 'municipalityId' | 'roles' | 'active'>,
      AudienceFacts
    >(
      client,
      undefined,
      (entity) => ({
        tenantId: entity.tenantId,
        aadObjectId: entity.aadObjectId,
        municipalityId: entity.municipalityId || undefined,
        roles: parseJsonArray(entity.roles, isRole),
        active: entity.active !== false,
      }),
      ['tenantId', 'aadObjectId', 'municipalityId', 'roles', 'active'],
    );
  }

  /** Every participant of the workspace; the network is a few hundred people, read page by page. */
  async listAll(tenantId?: string): Promise<Participant[]> {
    const client = await this.store.table('participants');
    return readAll<ParticipantEntity, Participant>(
      client,
      tenantId ? odata`PartitionKey eq ${escapeKey(tenantId)}` : undefined,
      toParticipant,
    );
  }
}

function keys(identity: TeamsIdentity): [string, string] {
  return [escapeKey(identity.tenantId), escapeKey(identity.aadObjectId)];
}

function isRole(value: unknown): value is ParticipantRole {
  return typeof value === 'string' && (PARTICIPANT_ROLES as readonly string[]).includes(value);
}

function toParticipant(entity: TableEntityResult<ParticipantEntity>): Participant {
  return {
    tenantId: entity.tenantId,
    aadObjectId: entity.aadObjectId,
    name: entity.name ?? '',
    email: entity.email || undefined,
    municipalityId: entity.municipalityId || undefined,
    roles: parseJsonArray(entity.roles, isRole),
    language: isLanguage(entity.language) ? entity.language : undefined,
    teamsUserId: entity.teamsUserId || undefined,
    isGuest: entity.isGuest === true,
    active: entity.active !== false,
    updatedAt: entity.updatedAt ?? '',
  };
}

function toEntity(participant: Participant): ParticipantEntity & { partitionKey: string; rowKey: string } {
  const [partitionKey, rowKey] = keys(participant);
  return {
    partitionKey,
    rowKey,
    tenantId: participant.tenantId,
    aadObjectId: participant.aadObjectId,
    name: participant.name,
    ...(participant.email ? { email: participant.email } : {}),
    ...(participant.municipalityId ? { municipalityId: participant.municipalityId } : {}),
    roles: JSON.stringify(participant.roles),
    ...(participant.language ? { language: participant.language } : {}),
    ...(participant.teamsUserId ? { teamsUserId: participant.teamsUserId } : {}),
    isGuest: participant.isGuest,
    active: participant.active,
    updatedAt: participant.updatedAt,
  };
}
