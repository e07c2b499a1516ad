import { createHash } from 'node:crypto';
import type { TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import {
  conversationReferenceSchema,
  outgoingActivitySchema,
  type ConversationReference,
  type OutgoingActivity,
} from '../platform/teams';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';
import type { DeliveryPurpose, OutboxState } from '../platform/delivery';
import { isStatusCode } from '../platform/storage/errors';
import { escapeKey } from '../platform/storage/keys';
import { jsonColumn, StoredDataError } from '../platform/storage/json-column';
import {
  createIfAbsent,
  deleteIfPresent,
  getEntity,
  odata,
  readAll,
  readPage,
  type TableStore,
} from '../platform/storage/table-store';

/**
 * The outbox: one partition per delivery (partition key = the delivery id), so a delivery's rows
 * are written in batch transactions, claimed in batch transactions, and counted with one partition
 * scan. Row keys inside a partition:
 *
 * - `header`: purpose, the instant after which nothing is sent, when it was created and completed.
 * - `b_<sha256>`: a rendered activity, stored once however many recipients share it (a reminder
 *   has one body per language, not one per person).
 * - `t_<target>`: one row per (delivery, target): state, attempts, last error, the claim of the
 *   sender working on it, and the ids the connector answered with.
 *
 * Open deliveries are also listed in the `deliveryqueue` table (one small partition), which is
 * all a sender has to read to find work.
 */
export type ResolvedTarget =
  | {
      readonly kind: 'channel';
      readonly tenantId: string;
      readonly conversationId: string;
      readonly reference: ConversationReference;
    }
  | {
      readonly kind: 'person';
      readonly identity: TeamsIdentity;
      /** The person's chat with the bot when it was known at enqueue time (saves a read per message). */
      readonly chat?: { readonly conversationId: string; readonly serviceUrl: string } | undefined;
    }
  /**
   * A target that could not be resolved at enqueue time (no channel installation). The round is
   * kept so the channel can be resolved again once the app is installed.
   */
  | { readonly kind: 'none'; readonly reason: string; readonly roundId?: string | undefined };

export interface OutboxRow {
  readonly deliveryId: string;
  readonly targetKey: string;
  readonly target: ResolvedTarget;
  readonly bodyHash: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError: string | undefined;
  readonly nextAttemptAt: number;
  readonly claimToken: string | undefined;
  readonly claimedAt: number;
  readonly etag: string;
}

export interface DeliveryHeader {
  readonly deliveryId: string;
  readonly purpose: DeliveryPurpose;
  readonly notAfter: string | undefined;
  readonly createdAt: string;
  /** The round the delivery belongs to (purged with it); unset for older rows and round-less sends. */
  readonly roundId?: string | undefined;
  readonly total: number;
  readonly completedAt: string | undefined;
}

export interface OpenDelivery {
  readonly deliveryId: string;
  readonly createdAt: string;
  readonly notAfter: string | undefined;
  /** Changes whenever rows are added, so completing cannot hide rows enqueued meanwhile. */
  readonly etag: string;
}

export interface NewOutboxRow {
  readonly targetKey: string;
  readonly target: ResolvedTarget;
  readonly activity: OutgoingActivity;
  /** Rows that can never be sent are written in their final state at once. */
  readonly state?: 'pending' | 'unreachable';
  readonly lastError?: string;
}

export interface RowUpdate {
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError?: string | undefined;
  readonly nextAttemptAt?: number;
  readonly claimToken?: string;
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly sentAt?: string;
}

interface HeaderEntity {
  deliveryId: string;
  purpose: string;
  notAfter?: string;
  createdAt: string;
  roundId?: string;
  total: number;
  completedAt?: string;
}

interface TargetEntity {
  deliveryId: string;
  targetKey: string;
  target: string;
  bodyHash: string;
  state: string;
  attempts: number;
  lastError?: string;
  nextAttemptAt: number;
  claimToken?: string;
  claimedAt?: number;
  conversationId?: string;
  activityId?: string;
  sentAt?: string;
  updatedAt: string;
}

const HEADER_ROW = 'header';
const TARGET_PREFIX = 't_';
const BODY_PREFIX = 'b_';
const QUEUE_PARTITION = 'open';
const TRANSACTION_SIZE = 100;
// A string property holds at most 32K UTF-16 characters; longer bodies are split over columns.
const BODY_CHUNK = 30_000;
const MAX_BODY_CHUNKS = 15;

const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'unreachable'] as const;
const purposeSchema = z.enum([
  'reminder',
  'poll',
  'pollReminder',
  'invitation',
  'rsvpReminder',
  'announcement',
  'privateReply',
  'survey',
  'roadmap',
]);
const targetColumn = jsonColumn<ResolvedTarget>(
  'outbox target',
  z.union([
    z.object({
      kind: z.literal('channel'),
      tenantId: z.string(),
      conversationId: z.string(),
      reference: conversationReferenceSchema,
    }),
    z.object({
      kind: z.literal('person'),
      identity: z.object({ tenantId: z.string(), aadObjectId: z.string() }),
      chat: z.object({ conversationId: z.string(), serviceUrl: z.string() }).optional(),
    }),
    z.object({ kind: z.literal('none'), reason: z.string(), roundId: z.string().optional() }),
  ]),
);
const bodyColumn = jsonColumn<OutgoingActivity>('outbox message', outgoingActivitySchema);

export function targetRowKey(targetKey: string): string {
  return `${TARGET_PREFIX}${escapeKey(targetKey)}`;
}

export function bodyHashOf(activity: OutgoingActivity): string {
  return createHash('sha256').update(JSON.stringify(activity)).digest('hex').slice(0, 32);
}

export class OutboxRepository {
  constructor(private readonly store: TableStore) {}

  /**
   * Writes a delivery: header, bodies and target rows, then lists it as open. Target rows that
   * exist already are left untouched and counted as duplicates, so enqueueing twice sends once.
   */
  async write(
    header: Omit<DeliveryHeader, 'completedAt' | 'total'>,
    rows: readonly NewOutboxRow[],
    now: Date,
  ): Promise<{ accepted: number; duplicates: number }> {
    const client = await this.store.table('outbox');
    const partitionKey = escapeKey(header.deliveryId);
    const existingHeader = await getEntity<HeaderEntity>(client, partitionKey, HEADER_ROW);
    if (!existingHeader) {
      await createIfAbsent(client, {
        partitionKey,
        rowKey: HEADER_ROW,
        deliveryId: header.deliveryId,
        purpose: header.purpose,
        ...(header.notAfter ? { notAfter: header.notAfter } : {}),
        ...(header.roundId ? { roundId: header.roundId } : {}),
        createdAt: header.createdAt,
        total: rows.length,
      });
    }

    const bodies = new Map<string, OutgoingActivity>();
    const targets = rows.map((row) => {
      const bodyHash = bodyHashOf(row.activity);
      bodies.set(bodyHash, row.activity);
      return { row, bodyHash };
    });
    const bodyActions: TransactionAction[] = [...bodies].map(([hash, activity]) => [
      'upsert',
      { partitionKey, rowKey: `${BODY_PREFIX}${hash}`, ...bodyColumns(activity) },
      'Replace',
    ]);
    for (const chunk of chunks(bodyActions, 20)) await client.submitTransaction(chunk);

    let accepted = 0;
    let duplicates = 0;
    const updatedAt = now.toISOString();
    const entities = targets.map(({ row, bodyHash }) => ({
      partitionKey,
      rowKey: targetRowKey(row.targetKey),
      deliveryId: header.deliveryId,
      targetKey: row.targetKey,
      target: targetColumn.write(row.target),
      bodyHash,
      state: row.state ?? 'pending',
      attempts: 0,
      ...(row.lastError ? { lastError: row.lastError } : {}),
      nextAttemptAt: 0,
      updatedAt,
    }));
    for (const chunk of chunks(dedupeByRowKey(entities), TRANSACTION_SIZE)) {
      try {
        await client.submitTransaction(chunk.map((entity): TransactionAction => ['create', entity]));
        accepted += chunk.length;
      } catch (error) {
        if (!isStatusCode(error, 409)) throw error;
        // Some rows exist already (an earlier enqueue of the same delivery): one at a time.
        for (const entity of chunk) {
          if (await createIfAbsent(client, entity)) accepted += 1;
          else duplicates += 1;
        }
      }
    }
    duplicates += entities.length - dedupeByRowKey(entities).length;

    if (accepted > 0 || !existingHeader?.completedAt) {
      const queue = await this.store.table('deliveryqueue');
      await queue.upsertEntity(
        {
          partitionKey: QUEUE_PARTITION,
          rowKey: partitionKey,
          deliveryId: header.deliveryId,
          createdAt: header.createdAt,
          ...(header.notAfter ? { notAfter: header.notAfter } : {}),
          touchedAt: now.toISOString(),
        },
        'Replace',
      );
      if (existingHeader?.completedAt) {
        await client.updateEntity({ partitionKey, rowKey: HEADER_ROW, completedAt: '' }, 'Merge');
      }
    }
    return { accepted, duplicates };
  }

  async header(deliveryId: string): Promise<DeliveryHeader | undefined> {
    const client = await this.store.table('outbox');
    const entity = await getEntity<HeaderEntity>(client, escapeKey(deliveryId), HEADER_ROW);
    if (!entity) return undefined;
    const purpose = purposeSchema.safeParse(entity.purpose);
    return {
      deliveryId: entity.deliveryId,
      purpose: purpose.success ? purpose.data : 'announcement',
      notAfter: entity.notAfter || undefined,
      createdAt: entity.createdAt,
      roundId: entity.roundId || undefined,
      total: entity.total ?? 0,
      completedAt: entity.completedAt || undefined,
    };
  }

  /**
   * Every delivery's id, round and creation time, for the retention purge. The header rows are
   * found by row key across partitions: a scan of the table, run once a day by the purge only.
   */
  async headers(): Promise<{ deliveryId: string; roundId: string | undefined; createdAt: string }[]> {
    const client = await this.store.table('outbox');
    return readAll<
      Pick<HeaderEntity, 'deliveryId' | 'roundId' | 'createdAt'>,
      { deliveryId: string; roundId: string | undefined; createdAt: string }
    >(
      client,
      odata`RowKey eq ${HEADER_ROW}`,
      (entity) => ({
        deliveryId: entity.deliveryId,
        roundId: entity.roundId || undefined,
        createdAt: entity.createdAt,
      }),
      ['deliveryId', 'roundId', 'createdAt'],
    );
  }

  /**
   * Deletes a whole delivery (retention): its header, message bodies and every recipient's row,
   * in batch transactions of the one partition, and its place on the open list.
   */
  async deleteDelivery(deliveryId: string): Promise<void> {
    const client = await this.store.table('outbox');
    const partitionKey = escapeKey(deliveryId);
    const rowKeys = (
      await readAll<object, string>(
        client,
        odata`PartitionKey eq ${partitionKey}`,
        (entity) => entity.rowKey ?? '',
        ['RowKey'],
      )
    ).filter((rowKey) => rowKey !== '');
    for (const chunk of chunks(rowKeys, TRANSACTION_SIZE)) {
      try {
        await client.submitTransaction(
          chunk.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]),
        );
      } catch (error) {
        // A row deleted meanwhile (an erasure) fails the batch: one at a time then.
        if (!isStatusCode(error, 404)) throw error;
        for (const rowKey of chunk) await deleteIfPresent(client, partitionKey, rowKey);
      }
    }
    await deleteIfPresent(await this.store.table('deliveryqueue'), QUEUE_PARTITION, partitionKey);
  }

  async body(deliveryId: string, bodyHash: string): Promise<OutgoingActivity | undefined> {
    const client = await this.store.table('outbox');
    const entity = await getEntity<Record<string, unknown>>(
      client,
      escapeKey(deliveryId),
      `${BODY_PREFIX}${bodyHash}`,
    );
    if (!entity) return undefined;
    let text = '';
    for (let index = 0; index < MAX_BODY_CHUNKS; index += 1) {
      const part = entity[index === 0 ? 'body' : `body${index}`];
      if (typeof part !== 'string') break;
      text += part;
    }
    return bodyColumn.read(text);
  }

  /** Deliveries with rows still to send, oldest first. */
  async openDeliveries(): Promise<OpenDelivery[]> {
    const queue = await this.store.table('deliveryqueue');
    const open = await readAll<{ deliveryId: string; createdAt: string; notAfter?: string }, OpenDelivery>(
      queue,
      odata`PartitionKey eq ${QUEUE_PARTITION}`,
      (entity) => ({
        deliveryId: entity.deliveryId,
        createdAt: entity.createdAt,
        notAfter: entity.notAfter || undefined,
        etag: entity.etag,
      }),
    );
    return open.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.deliveryId.localeCompare(b.deliveryId),
    );
  }

  /**
   * Every row given up as unreachable, across deliveries. A scan of the table (state is not a
   * key), run only when someone may have become reachable: after an install and its roster read.
   */
  async *unreachableRows(): AsyncGenerator<OutboxRow> {
    const client = await this.store.table('outbox');
    const pages = client
      .listEntities<TargetEntity>({
        queryOptions: {
          filter: odata`RowKey gt ${TARGET_PREFIX} and RowKey lt ${'t`'} and state eq ${'unreachable'}`,
        },
      })
      .byPage({ maxPageSize: 1000 });
    for await (const page of pages) for (const entity of page) yield toRow(entity);
  }

  /**
   * Sends unreachable rows again: each back to pending (if unchanged since read), with a newly
   * resolved target where one is given, and the delivery back on the open list.
   */
  async reopen(
    deliveryId: string,
    rows: readonly { readonly row: OutboxRow; readonly target?: ResolvedTarget | undefined }[],
    now: Date,
  ): Promise<number> {
    const client = await this.store.table('outbox');
    const partitionKey = escapeKey(deliveryId);
    let reopened = 0;
    for (const { row, target } of rows) {
      try {
        await client.updateEntity(
          {
            ...updateEntity(row, { state: 'pending', attempts: 0, lastError: undefined }, now),
            ...(target ? { target: targetColumn.write(target) } : {}),
          },
          'Merge',
          { etag: row.etag },
        );
        reopened += 1;
      } catch (error) {
        if (!isStatusCode(error, 412) && !isStatusCode(error, 404)) throw error;
      }
    }
    if (reopened === 0) return 0;
    const header = await getEntity<HeaderEntity>(client, partitionKey, HEADER_ROW);
    const queue = await this.store.table('deliveryqueue');
    await queue.upsertEntity(
      {
        partitionKey: QUEUE_PARTITION,
        rowKey: partitionKey,
        deliveryId,
        createdAt: header?.createdAt ?? now.toISOString(),
        ...(header?.notAfter ? { notAfter: header.notAfter } : {}),
        touchedAt: now.toISOString(),
      },
      'Replace',
    );
    if (header?.completedAt) {
      await client.updateEntity({ partitionKey, rowKey: HEADER_ROW, completedAt: '' }, 'Merge');
    }
    return reopened;
  }

  /**
   * One recipient's rows across deliveries (a person's export and erasure), by the row key every
   * delivery gives that recipient; with what each delivery was for.
   */
  async rowsOfTarget(
    targetKey: string,
  ): Promise<{ deliveryId: string; state: OutboxState; sentAt: string | undefined; updatedAt: string }[]> {
    const client = await this.store.table('outbox');
    return readAll<
      TargetEntity,
      { deliveryId: string; state: OutboxState; sentAt: string | undefined; updatedAt: string }
    >(client, odata`RowKey eq ${targetRowKey(targetKey)}`, (entity) => ({
      deliveryId: entity.deliveryId,
      state: toState(entity.state),
      sentAt: entity.sentAt || undefined,
      updatedAt: entity.updatedAt,
    }));
  }

  /**
   * Erasure: the recipient's rows go, and with them the messages no one else was sent (a card
   * written for them alone names them); a delivery left with no recipient goes whole, since its id
   * may name them (`registration:…:<tenant>|<object id>:…`). The counts of deliveries to many then
   * leave them out.
   */
  async deleteRowsOfTarget(targetKey: string): Promise<void> {
    const client = await this.store.table('outbox');
    for (const row of await this.rowsOfTarget(targetKey)) {
      const partitionKey = escapeKey(row.deliveryId);
      await deleteIfPresent(client, partitionKey, targetRowKey(targetKey));
      const used = new Set(
        await readAll<Pick<TargetEntity, 'bodyHash'>, string>(
          client,
          odata`PartitionKey eq ${partitionKey} and RowKey gt ${TARGET_PREFIX} and RowKey lt ${'t`'}`,
          (entity) => entity.bodyHash,
          ['bodyHash'],
        ),
      );
      if (used.size === 0) {
        await this.deleteDelivery(row.deliveryId);
        continue;
      }
      const bodies = await readAll<object, string>(
        client,
        odata`PartitionKey eq ${partitionKey} and RowKey gt ${BODY_PREFIX} and RowKey lt ${'b`'}`,
        (entity) => entity.rowKey ?? '',
        ['RowKey'],
      );
      for (const rowKey of bodies) {
        if (rowKey && !used.has(rowKey.slice(BODY_PREFIX.length)))
          await deleteIfPresent(client, partitionKey, rowKey);
      }
    }
  }

  /** One page of the rows still pending or being sent. */
  async unfinishedPage(deliveryId: string, pageSize: number, continuationToken?: string) {
    const client = await this.store.table('outbox');
    const partitionKey = escapeKey(deliveryId);
    return readPage<TargetEntity, OutboxRow>(
      client,
      {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey gt ${TARGET_PREFIX} and RowKey lt ${'t`'} and (state eq ${'pending'} or state eq ${'sending'})`,
        pageSize,
        continuationToken,
      },
      toRow,
    );
  }

  /**
   * Marks rows as being sent under `claimToken`, each only if unchanged since read; one batch
   * transaction per hundred rows. Returns the rows this caller now holds, with their new ETags.
   */
  async claim(rows: readonly OutboxRow[], claimToken: string, now: number): Promise<OutboxRow[]> {
    const client = await this.store.table('outbox');
    const claimed: OutboxRow[] = [];
    const updatedAt = new Date(now).toISOString();
    const entityOf = (row: OutboxRow) => ({
      partitionKey: escapeKey(row.deliveryId),
      rowKey: targetRowKey(row.targetKey),
      state: 'sending',
      claimToken,
      claimedAt: now,
      updatedAt,
    });
    for (const chunk of chunks(rows, TRANSACTION_SIZE)) {
      try {
        const response = await client.submitTransaction(
          chunk.map((row): TransactionAction => ['update', entityOf(row), 'Merge', { etag: row.etag }]),
        );
        chunk.forEach((row, index) => {
          const etag = response.subResponses[index]?.etag ?? '';
          claimed.push({ ...row, state: 'sending', claimToken, claimedAt: now, etag });
        });
      } catch (error) {
        if (!isStatusCode(error, 412) && !isStatusCode(error, 404)) throw error;
        for (const row of chunk) {
          const won = await this.claimOne(client, row, entityOf(row));
          if (won) claimed.push({ ...row, state: 'sending', claimToken, claimedAt: now, etag: won });
        }
      }
    }
    return claimed;
  }

  /** Records the outcome of an attempt; undefined when the row was claimed by someone else meanwhile. */
  async update(row: OutboxRow, update: RowUpdate, now: Date): Promise<string | undefined> {
    const client = await this.store.table('outbox');
    try {
      const response = await client.updateEntity(updateEntity(row, update, now), 'Merge', { etag: row.etag });
      return response.etag ?? '';
    } catch (error) {
      if (isStatusCode(error, 412) || isStatusCode(error, 404)) return undefined;
      throw error;
    }
  }

  /**
   * Records the outcomes of several attempts of one delivery in one batch transaction (each
   * conditional on its row's ETag); if any row changed meanwhile, falls back to one write each.
   */
  async updateMany(
    changes: readonly { readonly row: OutboxRow; readonly update: RowUpdate }[],
    now: Date,
  ): Promise<(string | undefined)[]> {
    if (changes.length === 1) {
      const [only] = changes;
      return only ? [await this.update(only.row, only.update, now)] : [];
    }
    const client = await this.store.table('outbox');
    const results: (string | undefined)[] = [];
    for (const chunk of chunks(changes, TRANSACTION_SIZE)) {
      try {
        const response = await client.submitTransaction(
          chunk.map(({ row, update }): TransactionAction => [
            'update',
            updateEntity(row, update, now),
            'Merge',
            { etag: row.etag },
          ]),
        );
        chunk.forEach((_change, index) => results.push(response.subResponses[index]?.etag ?? ''));
      } catch (error) {
        if (!isStatusCode(error, 412) && !isStatusCode(error, 404)) throw error;
        for (const { row, update } of chunk) results.push(await this.update(row, update, now));
      }
    }
    return results;
  }

  /** Every target row's state and reason, page by page (select only what a status needs). */
  async *states(deliveryId: string): AsyncGenerator<{
    targetKey: string;
    state: OutboxState;
    lastError: string | undefined;
    attempts: number;
  }> {
    const client = await this.store.table('outbox');
    const partitionKey = escapeKey(deliveryId);
    const pages = client
      .listEntities<Pick<TargetEntity, 'targetKey' | 'state' | 'lastError' | 'attempts'>>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey gt ${TARGET_PREFIX} and RowKey lt ${'t`'}`,
          select: ['targetKey', 'state', 'lastError', 'attempts'],
        },
      })
      .byPage({ maxPageSize: 1000 });
    for await (const page of pages) {
      for (const entity of page) {
        yield {
          targetKey: entity.targetKey,
          state: toState(entity.state),
          lastError: entity.lastError || undefined,
          attempts: entity.attempts ?? 0,
        };
      }
    }
  }

  /** The channel rows that were sent, with the conversation and the id the connector answered with. */
  async sentChannelPosts(
    deliveryId: string,
  ): Promise<
    { readonly target: ResolvedTarget; readonly conversationId: string; readonly activityId: string }[]
  > {
    const client = await this.store.table('outbox');
    const partitionKey = escapeKey(deliveryId);
    const rows = await readAll<
      TargetEntity,
      { target: ResolvedTarget; conversationId: string; activityId: string }
    >(
      client,
      odata`PartitionKey eq ${partitionKey} and RowKey gt ${`${TARGET_PREFIX}channel`} and RowKey lt ${`${TARGET_PREFIX}channel;`} and state eq ${'sent'}`,
      (entity) => ({
        target: readTarget(entity.target),
        conversationId: entity.conversationId ?? '',
        activityId: entity.activityId ?? '',
      }),
    );
    return rows.filter(
      (row) => row.target.kind === 'channel' && row.conversationId !== '' && row.activityId !== '',
    );
  }

  /** The rows that ended without being sent (failed, unreachable), with their ETags. */
  async unsentRows(deliveryId: string): Promise<OutboxRow[]> {
    const client = await this.store.table('outbox');
    const partitionKey = escapeKey(deliveryId);
    return readAll<TargetEntity, OutboxRow>(
      client,
      odata`PartitionKey eq ${partitionKey} and RowKey gt ${TARGET_PREFIX} and RowKey lt ${'t`'} and (state eq ${'failed'} or state eq ${'unreachable'})`,
      toRow,
    );
  }

  /**
   * Puts finished rows back to pending with a fresh attempt count, each only if unchanged since
   * read, and lists the delivery as open again. Returns how many rows were put back.
   */
  async requeue(deliveryId: string, rows: readonly OutboxRow[], now: Date): Promise<number> {
    if (rows.length === 0) return 0;
    const client = await this.store.table('outbox');
    const update: RowUpdate = { state: 'pending', attempts: 0, lastError: undefined, nextAttemptAt: 0 };
    let requeued = 0;
    for (const chunk of chunks(rows, TRANSACTION_SIZE)) {
      try {
        await client.submitTransaction(
          chunk.map((row): TransactionAction => [
            'update',
            updateEntity(row, update, now),
            'Merge',
            { etag: row.etag },
          ]),
        );
        requeued += chunk.length;
      } catch (error) {
        if (!isStatusCode(error, 412) && !isStatusCode(error, 404)) throw error;
        for (const row of chunk) if ((await this.update(row, update, now)) !== undefined) requeued += 1;
      }
    }
    if (requeued > 0) await this.listAsOpen(deliveryId, now);
    return requeued;
  }

  /**
   * Replaces a row that found no target at enqueue time (no channel installation then) with rows
   * for the targets known now, carrying the same message. Returns how many rows were added.
   */
  async resolveTargets(
    row: OutboxRow,
    targets: readonly { readonly targetKey: string; readonly target: ResolvedTarget }[],
    now: Date,
  ): Promise<number> {
    if (targets.length === 0) return 0;
    const client = await this.store.table('outbox');
    const partitionKey = escapeKey(row.deliveryId);
    let added = 0;
    for (const { targetKey, target } of targets) {
      const created = await createIfAbsent(client, {
        partitionKey,
        rowKey: targetRowKey(targetKey),
        deliveryId: row.deliveryId,
        targetKey,
        target: targetColumn.write(target),
        bodyHash: row.bodyHash,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: 0,
        updatedAt: now.toISOString(),
      });
      if (created) added += 1;
    }
    await deleteIfPresent(client, partitionKey, targetRowKey(row.targetKey));
    if (added > 0) await this.listAsOpen(row.deliveryId, now);
    return added;
  }

  /** Lists a delivery as open again (and no longer completed), so a sender picks it up. */
  private async listAsOpen(deliveryId: string, now: Date): Promise<void> {
    const header = await this.header(deliveryId);
    if (!header) return;
    const partitionKey = escapeKey(deliveryId);
    const queue = await this.store.table('deliveryqueue');
    await queue.upsertEntity(
      {
        partitionKey: QUEUE_PARTITION,
        rowKey: partitionKey,
        deliveryId,
        createdAt: header.createdAt,
        ...(header.notAfter ? { notAfter: header.notAfter } : {}),
        touchedAt: now.toISOString(),
      },
      'Replace',
    );
    if (header.completedAt) {
      const client = await this.store.table('outbox');
      await client.updateEntity({ partitionKey, rowKey: HEADER_ROW, completedAt: '' }, 'Merge');
    }
  }

  /**
   * Takes a delivery off the open list once nothing in it is left to send. Conditional on the
   * queue row's ETag: if rows were enqueued since it was read, the delivery stays open.
   */
  async complete(open: OpenDelivery, now: Date): Promise<boolean> {
    const queue = await this.store.table('deliveryqueue');
    const partitionKey = escapeKey(open.deliveryId);
    try {
      await queue.deleteEntity(QUEUE_PARTITION, partitionKey, { etag: open.etag });
    } catch (error) {
      if (isStatusCode(error, 412)) return false;
      if (!isStatusCode(error, 404)) throw error;
    }
    const client = await this.store.table('outbox');
    if (await getEntity(client, partitionKey, HEADER_ROW)) {
      await client.updateEntity(
        { partitionKey, rowKey: HEADER_ROW, completedAt: now.toISOString() },
        'Merge',
      );
    }
    return true;
  }

  private async claimOne(
    client: TableClient,
    row: OutboxRow,
    entity: Record<string, unknown> & { partitionKey: string; rowKey: string },
  ): Promise<string | undefined> {
    try {
      const response = await client.updateEntity(entity, 'Merge', { etag: row.etag });
      return response.etag ?? '';
    } catch (error) {
      if (isStatusCode(error, 412) || isStatusCode(error, 404)) return undefined;
      throw error;
    }
  }
}

function updateEntity(row: OutboxRow, update: RowUpdate, now: Date) {
  return {
    partitionKey: escapeKey(row.deliveryId),
    rowKey: targetRowKey(row.targetKey),
    state: update.state,
    attempts: update.attempts,
    lastError: update.lastError ?? '',
    nextAttemptAt: update.nextAttemptAt ?? 0,
    claimToken: update.claimToken ?? '',
    ...(update.conversationId ? { conversationId: update.conversationId } : {}),
    ...(update.activityId ? { activityId: update.activityId } : {}),
    ...(update.sentAt ? { sentAt: update.sentAt } : {}),
    updatedAt: now.toISOString(),
  };
}

function bodyColumns(activity: OutgoingActivity): Record<string, string> {
  const text = JSON.stringify(activity);
  if (text.length > BODY_CHUNK * MAX_BODY_CHUNKS)
    throw new RangeError('A message body may not exceed 450,000 characters');
  const columns: Record<string, string> = {};
  for (let index = 0; index * BODY_CHUNK < text.length || index === 0; index += 1) {
    columns[index === 0 ? 'body' : `body${index}`] = text.slice(index * BODY_CHUNK, (index + 1) * BODY_CHUNK);
  }
  return columns;
}

function toState(value: unknown): OutboxState {
  return (OUTBOX_STATES as readonly unknown[]).includes(value) ? (value as OutboxState) : 'failed';
}

/** An unreadable target fails its one row (reported to the coordinator), not the whole sender. */
function readTarget(text: string): ResolvedTarget {
  try {
    return targetColumn.read(text);
  } catch (error) {
    if (error instanceof StoredDataError)
      return { kind: 'none', reason: 'the stored target could not be read' };
    throw error;
  }
}

function toRow(entity: TableEntityResult<TargetEntity>): OutboxRow {
  const target = readTarget(entity.target);
  return {
    deliveryId: entity.deliveryId,
    targetKey: entity.targetKey,
    target,
    bodyHash: entity.bodyHash,
    state: toState(entity.state),
    attempts: entity.attempts ?? 0,
    lastError: entity.lastError || undefined,
    nextAttemptAt: entity.nextAttemptAt ?? 0,
    claimToken: entity.claimToken || undefined,
    claimedAt: entity.claimedAt ?? 0,
    etag: entity.etag,
  };
}

function dedupeByRowKey<T extends { rowKey: string }>(entities: readonly T[]): T[] {
  const seen = new Set<string>();
  return entities.filter((entity) => {
    if (seen.has(entity.rowKey)) return false;
    seen.add(entity.rowKey);
    return true;
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}
