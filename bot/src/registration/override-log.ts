import { randomUUID } from 'node:crypto';
import type { TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';
import { reverseTimeKey } from '../platform/storage/keys';
import { deleteIfPresent, odata, readAll, type TableStore } from '../platform/storage/table-store';
import { deleteInBatches, keyPart } from './registration-repository';

/**
 * Coordinators' decisions that go past the rules (a seat beyond the quota, a cancellation, a
 * municipality's own quota), each with the reason they gave: table `registrationlog`, partition =
 * round and event, row = reverse time, so the newest come first. The API router's audit log
 * records that the request was made; this keeps why, where the other coordinators see it.
 */
export const OVERRIDE_KINDS = ['confirm', 'cancel', 'quota'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

export interface OverrideEntry {
  readonly roundId: string;
  readonly eventId: string;
  readonly kind: OverrideKind;
  readonly municipalityId: string;
  /** The person the decision is about (none for a quota). */
  readonly subject: (TeamsIdentity & { readonly name: string }) | undefined;
  /** What changed, e.g. "quota 4 → 5". */
  readonly detail: string;
  readonly reason: string;
  readonly actor: TeamsIdentity & { readonly name: string };
  readonly at: string;
}

interface OverrideEntity {
  roundId: string;
  eventId: string;
  kind: string;
  municipalityId: string;
  subjectTenantId?: string;
  subjectObjectId?: string;
  subjectName?: string;
  detail: string;
  reason: string;
  actorTenantId: string;
  actorObjectId: string;
  actorName: string;
  at: string;
}

const TABLE = 'registrationlog';
const kindSchema = z.enum(OVERRIDE_KINDS);

function partitionOf(roundId: string, eventId: string): string {
  return `${keyPart(roundId)}|${keyPart(eventId)}`;
}

export class OverrideLog {
  constructor(private readonly store: TableStore) {}

  async record(entry: OverrideEntry): Promise<void> {
    const client = await this.store.table(TABLE);
    await client.createEntity({
      partitionKey: partitionOf(entry.roundId, entry.eventId),
      rowKey: reverseTimeKey(new Date(entry.at), randomUUID()),
      roundId: entry.roundId,
      eventId: entry.eventId,
      kind: entry.kind,
      municipalityId: entry.municipalityId,
      ...(entry.subject
        ? {
            subjectTenantId: entry.subject.tenantId,
            subjectObjectId: entry.subject.aadObjectId,
            subjectName: entry.subject.name,
          }
        : {}),
      detail: entry.detail,
      reason: entry.reason,
      actorTenantId: entry.actor.tenantId,
      actorObjectId: entry.actor.aadObjectId,
      actorName: entry.actor.name,
      at: entry.at,
    } satisfies OverrideEntity & { partitionKey: string; rowKey: string });
  }

  /** An event's decisions, newest first (a handful; read whole). */
  async forEvent(roundId: string, eventId: string): Promise<OverrideEntry[]> {
    const client = await this.store.table(TABLE);
    return readAll<OverrideEntity, OverrideEntry>(
      client,
      odata`PartitionKey eq ${partitionOf(roundId, eventId)}`,
      toEntry,
    );
  }

  /** Decisions about the person (their export). */
  async about(identity: TeamsIdentity): Promise<OverrideEntry[]> {
    const client = await this.store.table(TABLE);
    return readAll<OverrideEntity, OverrideEntry>(
      client,
      odata`subjectTenantId eq ${identity.tenantId} and subjectObjectId eq ${identity.aadObjectId}`,
      toEntry,
    );
  }

  /**
   * Erasure: decisions about the person go (a coordinator's reason is free text and may name them);
   * decisions a coordinator made stay, with the coordinator no longer named. The API's audit log
   * keeps that a decision was made, naming no one but the actor (pseudonymised on their erasure).
   */
  async forget(identity: TeamsIdentity): Promise<void> {
    const client = await this.store.table(TABLE);
    const rows = await readAll<OverrideEntity, TableEntityResult<OverrideEntity>>(
      client,
      odata`(subjectTenantId eq ${identity.tenantId} and subjectObjectId eq ${identity.aadObjectId}) or (actorTenantId eq ${identity.tenantId} and actorObjectId eq ${identity.aadObjectId})`,
      (entity) => entity,
    );
    for (const row of rows) {
      if (row.partitionKey === undefined || row.rowKey === undefined) continue;
      const isSubject =
        row.subjectTenantId === identity.tenantId && row.subjectObjectId === identity.aadObjectId;
      if (isSubject) {
        await deleteIfPresent(client, row.partitionKey, row.rowKey);
        continue;
      }
      await client.updateEntity(
        {
          partitionKey: row.partitionKey,
          rowKey: row.rowKey,
          actorTenantId: '',
          actorObjectId: 'erased',
          actorName: '',
        },
        'Merge',
      );
    }
  }

  async deleteRounds(roundIds: readonly string[]): Promise<void> {
    const client = await this.store.table(TABLE);
    for (const roundId of roundIds) {
      const rows = await readAll<OverrideEntity, { partitionKey: string; rowKey: string }>(
        client,
        odata`roundId eq ${roundId}`,
        (entity) => ({
          partitionKey: (entity as { partitionKey?: string }).partitionKey ?? '',
          rowKey: (entity as { rowKey?: string }).rowKey ?? '',
        }),
      );
      await deleteInBatches(client, rows);
    }
  }
}

function toEntry(entity: OverrideEntity): OverrideEntry {
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    kind: kindSchema.catch('confirm').parse(entity.kind),
    municipalityId: entity.municipalityId,
    subject:
      entity.subjectObjectId && entity.subjectTenantId
        ? {
            tenantId: entity.subjectTenantId,
            aadObjectId: entity.subjectObjectId,
            name: entity.subjectName ?? '',
          }
        : undefined,
    detail: entity.detail,
    reason: entity.reason,
    actor: { tenantId: entity.actorTenantId, aadObjectId: entity.actorObjectId, name: entity.actorName },
    at: entity.at,
  };
}
