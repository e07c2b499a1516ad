import type { TableEntityResult } from '@azure/data-tables';
import type { Participant, TeamsIdentity } from '../shared/participant';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../shared/roles';
import { isLanguage, type Language } from '../shared/i18n/language';
import { escapeKey } from '../platform/storage/keys';
import { z } from 'zod';
import { jsonColumn } from '../platform/storage/json-column';
import { isStatusCode } from '../platform/storage/errors';
import {
  createIfAbsent,
  deleteIfPresent,
  getEntity,
  odata,
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

/**
 * How long a turn may use a participant read a moment ago. Every turn starts by looking up its
 * sender; a card answer is otherwise one storage round trip, so this read would double it. Writes
 * in this process evict the entry at once; another instance's change (a role a coordinator set, a
 * language chosen in a chat served by the other instance) is seen within this time. Roles and
 * language change rarely and never need to take effect within the second, so that is acceptable;
 * anything with an ETag reads storage with {@link ParticipantRepository.get} instead.
 */
export const PARTICIPANT_CACHE_MS = 30_000;
/** A person not (yet) in the roster is asked again sooner: the roster sync may add them any moment. */
const ABSENT_CACHE_MS = 5_000;
const CACHE_ENTRIES = 5_000;

/** A participant as an audience count sees them. */
export interface AudienceFacts extends TeamsIdentity {
  readonly municipalityId: string | undefined;
  readonly roles: readonly ParticipantRole[];
  readonly active: boolean;
}

export class ParticipantRepository {
  private readonly recentReads = new Map<string, { value: Participant | undefined; until: number }>();
  /** Counts local writes, so a read that overlapped a write is not kept. */
  private writes = 0;

  constructor(
    private readonly store: TableStore,
    private readonly now: () => number = Date.now,
  ) {}

  async get(identity: TeamsIdentity): Promise<Versioned<Participant> | undefined> {
    const client = await this.store.table('participants');
    const entity = await getEntity<ParticipantEntity>(client, ...keys(identity));
    return entity ? { value: toParticipant(entity), etag: entity.etag } : undefined;
  }

  /** The participant as read within the last moments (see {@link PARTICIPANT_CACHE_MS}); for turns. */
  async recent(identity: TeamsIdentity): Promise<Participant | undefined> {
    const cacheKey = keys(identity).join('/');
    const cached = this.recentReads.get(cacheKey);
    const now = this.now();
    if (cached && cached.until > now) return cached.value;
    const writesBefore = this.writes;
    const value = (await this.get(identity))?.value;
    if (this.writes !== writesBefore) return value;
    if (this.recentReads.size >= CACHE_ENTRIES) this.recentReads.clear();
    this.recentReads.set(cacheKey, { value, until: now + (value ? PARTICIPANT_CACHE_MS : ABSENT_CACHE_MS) });
    return value;
  }

  /**
   * Every write goes through here: the cached entry goes before and after it, and a read under way
   * meanwhile is not kept, so this process never serves what it has itself overwritten.
   */
  private async writing<T>(identity: TeamsIdentity, work: () => Promise<T>): Promise<T> {
    const forget = (): void => {
      this.writes += 1;
      this.recentReads.delete(keys(identity).join('/'));
    };
    forget();
    try {
      return await work();
    } finally {
      forget();
    }
  }

  /** Writes a whole participant (demo data, coordinator edits after an ETag check elsewhere). */
  async save(participant: Participant): Promise<void> {
    const client = await this.store.table('participants');
    return this.writing(participant, async () => {
      await client.upsertEntity(toEntity(participant), 'Replace');
    });
  }

  /** Replaces a participant only if unchanged since read; throws ConflictError otherwise. */
  async update(participant: Participant, etag: string): Promise<string> {
    const client = await this.store.table('participants');
    return this.writing(participant, async () => {
      return replaceIfUnchanged(client, toEntity(participant), etag);
    });
  }

  /** Creates or refreshes a participant from the Teams roster, keeping what people chose themselves. */
  async upsertFromRoster(member: RosterMember, now: Date): Promise<void> {
    const client = await this.store.table('participants');
    const [partitionKey, rowKey] = keys(member);
    return this.writing(member, async () => {
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
        await client.upsertEntity({ ...rosterFields, roles: rolesColumn.write([]) }, 'Merge');
      }
    });
  }

  async markInactive(identity: TeamsIdentity, now: Date): Promise<void> {
    const client = await this.store.table('participants');
    const [partitionKey, rowKey] = keys(identity);
    return this.writing(identity, async () => {
      if (!(await getEntity(client, partitionKey, rowKey))) return;
      await client.updateEntity(
        { partitionKey, rowKey, active: false, updatedAt: now.toISOString() },
        'Merge',
      );
    });
  }

  /** Stores a participant's language choice, creating a minimal record for someone not yet synced. */
  async setLanguage(
    identity: TeamsIdentity & { name?: string },
    language: Language,
    now: Date,
  ): Promise<void> {
    const client = await this.store.table('participants');
    const [partitionKey, rowKey] = keys(identity);
    const change = { partitionKey, rowKey, language, updatedAt: now.toISOString() };
    return this.writing(identity, async () => {
      // One call for someone already known (If-Match: *, so a missing row is a 404, not a new row).
      try {
        await client.updateEntity(change, 'Merge');
        return;
      } catch (error) {
        if (!isStatusCode(error, 404)) throw error;
      }
      const created = await createIfAbsent(client, {
        ...change,
        tenantId: identity.tenantId,
        aadObjectId: identity.aadObjectId,
        name: identity.name ?? '',
        roles: rolesColumn.write([]),
        isGuest: false,
        active: true,
      } satisfies ParticipantEntity & { partitionKey: string; rowKey: string });
      // The roster added them meanwhile: keep what it wrote, set the language.
      if (!created) await client.updateEntity(change, 'Merge');
    });
  }

  /** Removes a participant (erasure). */
  async delete(identity: TeamsIdentity): Promise<boolean> {
    const client = await this.store.table('participants');
    return this.writing(identity, async () => {
      return deleteIfPresent(client, ...keys(identity));
    });
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
        roles: rolesColumn.read(entity.roles),
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

/** Roles a later version no longer knows are left out rather than failing the person's turn. */
const rolesColumn = jsonColumn<readonly ParticipantRole[]>(
  'participant roles',
  z
    .array(z.string())
    .transform((roles) =>
      roles.filter((role): role is ParticipantRole => PARTICIPANT_ROLES.includes(role as ParticipantRole)),
    ),
  { whenBlank: () => [] },
);

function toParticipant(entity: TableEntityResult<ParticipantEntity>): Participant {
  return {
    tenantId: entity.tenantId,
    aadObjectId: entity.aadObjectId,
    name: entity.name ?? '',
    email: entity.email || undefined,
    municipalityId: entity.municipalityId || undefined,
    roles: rolesColumn.read(entity.roles),
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
    roles: rolesColumn.write(participant.roles),
    ...(participant.language ? { language: participant.language } : {}),
    ...(participant.teamsUserId ? { teamsUserId: participant.teamsUserId } : {}),
    isGuest: participant.isGuest,
    active: participant.active,
    updatedAt: participant.updatedAt,
  };
}
