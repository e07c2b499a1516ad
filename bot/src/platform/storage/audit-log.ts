import type { TableEntityResult } from '@azure/data-tables';
import { createHash, randomUUID } from 'node:crypto';
import type { TeamsIdentity } from '../../shared/participant';
import { reverseTimeKey } from './keys';
import { readAll, readPage, type Page, type TableStore } from './table-store';

/**
 * Who changed what, when: every coordinator action through the tab's API. Partition = the month
 * (`2025-09`), row = reverse time + id, so the newest come first and a month is one scan. Entries
 * are never edited, except that erasing a person replaces their identity with a pseudonym.
 */
export interface AuditEntry {
  readonly at: string;
  readonly actorTenantId: string;
  readonly actorObjectId: string;
  readonly actorName: string;
  readonly action: string;
  readonly target: string;
  readonly outcome: number;
}

interface AuditEntity {
  at: string;
  actorTenantId: string;
  actorObjectId: string;
  actorName: string;
  action: string;
  target: string;
  outcome: number;
}

export class AuditLog {
  constructor(private readonly store: TableStore) {}

  async record(entry: AuditEntry): Promise<void> {
    const client = await this.store.table('audit');
    const at = new Date(entry.at);
    await client.createEntity({
      partitionKey: entry.at.slice(0, 7),
      rowKey: reverseTimeKey(at, randomUUID()),
      ...entry,
    });
  }

  /** One month's entries, newest first, page by page. */
  async month(month: string, pageSize: number, continuationToken?: string): Promise<Page<AuditEntry>> {
    const client = await this.store.table('audit');
    return readPage<AuditEntity, AuditEntry>(
      client,
      { filter: `PartitionKey eq '${month.replace(/'/g, "''")}'`, pageSize, continuationToken },
      toEntry,
    );
  }

  /** Replaces a person's identity in every entry with a pseudonym that cannot be reversed. */
  async pseudonymise(identity: TeamsIdentity): Promise<number> {
    const client = await this.store.table('audit');
    const rows = await readAll<AuditEntity, TableEntityResult<AuditEntity>>(
      client,
      undefined,
      (entity) => entity,
    );
    const pseudonym = createHash('sha256')
      .update(`${identity.tenantId}/${identity.aadObjectId}`)
      .digest('hex')
      .slice(0, 16);
    let changed = 0;
    for (const row of rows) {
      const { partitionKey, rowKey } = row;
      if (row.actorTenantId !== identity.tenantId || row.actorObjectId !== identity.aadObjectId) continue;
      if (partitionKey === undefined || rowKey === undefined) continue;
      await client.updateEntity(
        {
          partitionKey,
          rowKey,
          actorObjectId: `erased:${pseudonym}`,
          actorName: '',
        },
        'Merge',
      );
      changed += 1;
    }
    return changed;
  }
}

function toEntry(entity: AuditEntity): AuditEntry {
  return {
    at: entity.at,
    actorTenantId: entity.actorTenantId,
    actorObjectId: entity.actorObjectId,
    actorName: entity.actorName,
    action: entity.action,
    target: entity.target,
    outcome: entity.outcome,
  };
}
