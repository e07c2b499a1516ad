import type { TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';
import type { GroupingDiagnostics, PeerGroup } from './group-formation';
import { memberIdOf, type MemberId, type PeerGroupFormation } from './peer-group-model';
import { ConflictError, isStatusCode } from '../platform/storage/errors';
import { escapeKey } from '../platform/storage/keys';
import { jsonColumn } from '../platform/storage/json-column';
import {
  deleteIfPresent,
  getEntity,
  odata,
  readAll,
  replaceIfUnchanged,
  type TableStore,
} from '../platform/storage/table-store';

/**
 * Peer-group formations: table `peergroups`, partition = round, row = leadership discussion (event
 * id). A formation is one row, so every coordinator edit (move, lock, re-form) is one ETag-guarded
 * replace and two coordinators cannot silently overwrite each other. The groups are JSON split over
 * columns of at most 30,000 characters (a column holds 64 KiB), which fits thousands of leaders in
 * the 1 MiB a row may hold.
 *
 * Opt-outs: table `peergroupoptouts`, partition = round, row = member; a partition scan lists them.
 */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 30;

const groupsSchema = z.array(
  z.object({ i: z.number().int().min(0), m: z.array(z.string()), l: z.boolean() }),
);
const diagnosticsSchema = z.object({
  repeatPairings: z.number(),
  municipalityConflicts: z.number(),
  sameRegionPairs: z.number(),
  sameSizeClassPairs: z.number(),
  sizeSpread: z.object({ smallest: z.number(), largest: z.number() }),
});
const groupsColumn = jsonColumn('peer groups', groupsSchema, { whenBlank: () => [] });
const diagnosticsColumn = jsonColumn('grouping diagnostics', diagnosticsSchema);

interface FormationEntity {
  roundId: string;
  eventId: string;
  seed: string;
  groupSize: number;
  chunks: number;
  diagnostics: string;
  invitedAt?: string;
  updatedAt: string;
  updatedBy: string;
  [chunk: `groups${number}`]: string;
}

export type NewFormation = Omit<PeerGroupFormation, 'etag'>;

export class PeerGroupRepository {
  constructor(private readonly store: TableStore) {}

  async get(roundId: string, eventId: string): Promise<PeerGroupFormation | undefined> {
    const client = await this.store.table('peergroups');
    const entity = await getEntity<FormationEntity>(client, escapeKey(roundId), escapeKey(eventId));
    return entity ? toFormation(entity) : undefined;
  }

  /** Every formation of the round (at most one per leadership discussion). */
  async listForRound(roundId: string): Promise<PeerGroupFormation[]> {
    const client = await this.store.table('peergroups');
    return readAll<FormationEntity, PeerGroupFormation>(
      client,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      toFormation,
    );
  }

  /**
   * Stores a formation: a new one when `etag` is undefined (ConflictError if one appeared in the
   * meantime), else a replacement of the version read (ConflictError if it changed since).
   */
  async save(formation: NewFormation, etag: string | undefined): Promise<PeerGroupFormation> {
    const client = await this.store.table('peergroups');
    const entity = toEntity(formation);
    let newEtag: string;
    if (etag === undefined) {
      try {
        newEtag = (await client.createEntity(entity)).etag ?? '';
      } catch (error) {
        if (isStatusCode(error, 409))
          throw new ConflictError(client.tableName, entity.partitionKey, entity.rowKey);
        throw error;
      }
    } else {
      newEtag = await replaceIfUnchanged(client, entity, etag);
    }
    return { ...formation, etag: newEtag };
  }

  async delete(roundId: string, eventId: string): Promise<boolean> {
    const client = await this.store.table('peergroups');
    return deleteIfPresent(client, escapeKey(roundId), escapeKey(eventId));
  }

  /** Removes every formation and opt-out of a round (retention ended). */
  async deleteRound(roundId: string): Promise<void> {
    for (const table of ['peergroups', 'peergroupoptouts']) {
      const client = await this.store.table(table);
      const keys = await readAll<object, string>(
        client,
        odata`PartitionKey eq ${escapeKey(roundId)}`,
        (entity) => (entity as { rowKey?: string }).rowKey ?? '',
      );
      for (const rowKey of keys) await deleteIfPresent(client, escapeKey(roundId), rowKey);
    }
  }

  /** The rounds in which the person has opted out. */
  async optedOutRounds(roundIds: readonly string[], identity: TeamsIdentity): Promise<string[]> {
    const client = await this.store.table('peergroupoptouts');
    const rounds: string[] = [];
    for (const roundId of roundIds) {
      if (await getEntity(client, escapeKey(roundId), escapeKey(memberIdOf(identity)))) rounds.push(roundId);
    }
    return rounds;
  }

  async setOptOut(roundId: string, identity: TeamsIdentity, optedOut: boolean, now: Date): Promise<void> {
    const client = await this.store.table('peergroupoptouts');
    const rowKey = escapeKey(memberIdOf(identity));
    if (!optedOut) {
      await deleteIfPresent(client, escapeKey(roundId), rowKey);
      return;
    }
    await client.upsertEntity(
      { partitionKey: escapeKey(roundId), rowKey, memberId: memberIdOf(identity), at: now.toISOString() },
      'Replace',
    );
  }

  async optOuts(roundId: string): Promise<Set<MemberId>> {
    const client = await this.store.table('peergroupoptouts');
    const ids = await readAll<{ memberId: string }, string>(
      client,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      (entity) => entity.memberId,
    );
    return new Set(ids);
  }
}

function toEntity(formation: NewFormation): FormationEntity & { partitionKey: string; rowKey: string } {
  const json = JSON.stringify(
    formation.groups.map((group) => ({ i: group.index, m: group.memberIds, l: group.locked })),
  );
  const chunks: Record<string, string> = {};
  let count = 0;
  for (let start = 0; start < json.length; start += CHUNK_CHARS) {
    chunks[`groups${count}`] = json.slice(start, start + CHUNK_CHARS);
    count += 1;
  }
  if (count > MAX_CHUNKS) throw new RangeError('The formation is too large to store in one row');
  return {
    partitionKey: escapeKey(formation.roundId),
    rowKey: escapeKey(formation.eventId),
    roundId: formation.roundId,
    eventId: formation.eventId,
    seed: formation.seed,
    groupSize: formation.groupSize,
    chunks: count,
    diagnostics: diagnosticsColumn.write(formation.diagnostics),
    ...(formation.invitedAt ? { invitedAt: formation.invitedAt } : {}),
    updatedAt: formation.updatedAt,
    updatedBy: formation.updatedBy,
    ...chunks,
  };
}

function toFormation(entity: TableEntityResult<FormationEntity>): PeerGroupFormation {
  let json = '';
  for (let chunk = 0; chunk < entity.chunks; chunk++) json += entity[`groups${chunk}`] ?? '';
  const groups: PeerGroup[] = groupsColumn
    .read(json)
    .map((group) => ({ index: group.i, memberIds: group.m, locked: group.l }));
  const diagnostics: GroupingDiagnostics = diagnosticsColumn.read(entity.diagnostics);
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    seed: entity.seed,
    groupSize: entity.groupSize,
    groups,
    diagnostics,
    invitedAt: entity.invitedAt || undefined,
    updatedAt: entity.updatedAt,
    updatedBy: entity.updatedBy,
    etag: entity.etag,
  };
}
