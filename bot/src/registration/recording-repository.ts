import type { TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';
import { ConflictError } from '../platform/storage/errors';
import { jsonColumn } from '../platform/storage/json-column';
import {
  createIfAbsent,
  deleteIfPresent,
  getEntity,
  odata,
  readAll,
  replaceIfUnchanged,
  type TableStore,
} from '../platform/storage/table-store';
import { deleteInBatches, keyPart } from './registration-repository';

/**
 * Recordings of past events: table `recordings`, partition = round, row = event (one recording an
 * event). Table `recordingdeliveries`, partition = round and event, row = person: who was sent the
 * recording card, and which version of it (their data rights cover it).
 */
export interface GraphRecordingRef {
  /** The onlineMeeting's id in Graph. */
  readonly meetingId: string;
  readonly recordingId: string;
  readonly createdAt: string;
}

export interface Recording {
  readonly roundId: string;
  readonly eventId: string;
  /** A link entered by hand, or a recording found through Microsoft Graph. */
  readonly source: 'manual' | 'graph';
  readonly url: string | undefined;
  readonly graph: GraphRecordingRef | undefined;
  readonly availableFrom: string;
  readonly availableUntil: string;
  /** Raised when the recording itself changes, so a new link is sent again. */
  readonly version: number;
  readonly sentVersion: number | undefined;
  readonly addedBy: string;
  readonly updatedAt: string;
  readonly etag: string | undefined;
}

export interface RecordingDelivery extends TeamsIdentity {
  readonly roundId: string;
  readonly eventId: string;
  readonly version: number;
  /** Why they were sent it: registered but did not attend, or in the event's audience. */
  readonly reason: 'notAttended' | 'audience';
  readonly enqueuedAt: string;
}

interface RecordingEntity {
  roundId: string;
  eventId: string;
  source: string;
  url?: string;
  graph?: string;
  availableFrom: string;
  availableUntil: string;
  version: number;
  sentVersion?: number;
  addedBy: string;
  updatedAt: string;
}

interface DeliveryEntity {
  roundId: string;
  eventId: string;
  tenantId: string;
  aadObjectId: string;
  version: number;
  reason: string;
  enqueuedAt: string;
}

const graphColumn = jsonColumn(
  'recording in Graph',
  z.object({ meetingId: z.string(), recordingId: z.string(), createdAt: z.string() }),
);

export class RecordingRepository {
  constructor(private readonly store: TableStore) {}

  async get(roundId: string, eventId: string): Promise<Recording | undefined> {
    const client = await this.store.table('recordings');
    const entity = await getEntity<RecordingEntity>(client, keyPart(roundId), keyPart(eventId));
    return entity ? toRecording(entity) : undefined;
  }

  async forRound(roundId: string): Promise<Recording[]> {
    const client = await this.store.table('recordings');
    return readAll<RecordingEntity, Recording>(
      client,
      odata`PartitionKey eq ${keyPart(roundId)}`,
      toRecording,
    );
  }

  /** Creates (no ETag) or replaces if unchanged since read; otherwise {@link ConflictError}. */
  async save(recording: Recording): Promise<void> {
    const client = await this.store.table('recordings');
    const entity = {
      partitionKey: keyPart(recording.roundId),
      rowKey: keyPart(recording.eventId),
      roundId: recording.roundId,
      eventId: recording.eventId,
      source: recording.source,
      ...(recording.url ? { url: recording.url } : {}),
      ...(recording.graph ? { graph: graphColumn.write(recording.graph) } : {}),
      availableFrom: recording.availableFrom,
      availableUntil: recording.availableUntil,
      version: recording.version,
      ...(recording.sentVersion === undefined ? {} : { sentVersion: recording.sentVersion }),
      addedBy: recording.addedBy,
      updatedAt: recording.updatedAt,
    } satisfies RecordingEntity & { partitionKey: string; rowKey: string };
    if (recording.etag === undefined) {
      if (!(await createIfAbsent(client, entity))) {
        throw new ConflictError(client.tableName, entity.partitionKey, entity.rowKey);
      }
      return;
    }
    await replaceIfUnchanged(client, entity, recording.etag);
  }

  async delete(roundId: string, eventId: string): Promise<void> {
    const client = await this.store.table('recordings');
    await deleteIfPresent(client, keyPart(roundId), keyPart(eventId));
  }

  async recordDeliveries(deliveries: readonly RecordingDelivery[]): Promise<void> {
    const client = await this.store.table('recordingdeliveries');
    for (let start = 0; start < deliveries.length; start += 100) {
      const chunk = deliveries.slice(start, start + 100);
      const byPartition = new Map<string, RecordingDelivery[]>();
      for (const delivery of chunk) {
        const partition = `${keyPart(delivery.roundId)}|${keyPart(delivery.eventId)}`;
        byPartition.set(partition, [...(byPartition.get(partition) ?? []), delivery]);
      }
      for (const [partitionKey, list] of byPartition) {
        await client.submitTransaction(
          list.map((delivery) => [
            'upsert',
            {
              partitionKey,
              rowKey: `${keyPart(delivery.tenantId)}|${keyPart(delivery.aadObjectId)}`,
              roundId: delivery.roundId,
              eventId: delivery.eventId,
              tenantId: delivery.tenantId,
              aadObjectId: delivery.aadObjectId,
              version: delivery.version,
              reason: delivery.reason,
              enqueuedAt: delivery.enqueuedAt,
            } satisfies DeliveryEntity & { partitionKey: string; rowKey: string },
            'Replace',
          ]),
        );
      }
    }
  }

  async deliveriesOf(identity: TeamsIdentity): Promise<RecordingDelivery[]> {
    const client = await this.store.table('recordingdeliveries');
    return readAll<DeliveryEntity, RecordingDelivery>(
      client,
      odata`tenantId eq ${identity.tenantId} and aadObjectId eq ${identity.aadObjectId}`,
      toDelivery,
    );
  }

  async deliveriesFor(roundId: string, eventId: string): Promise<RecordingDelivery[]> {
    const client = await this.store.table('recordingdeliveries');
    return readAll<DeliveryEntity, RecordingDelivery>(
      client,
      odata`PartitionKey eq ${`${keyPart(roundId)}|${keyPart(eventId)}`}`,
      toDelivery,
    );
  }

  async forgetDeliveries(identity: TeamsIdentity): Promise<void> {
    const client = await this.store.table('recordingdeliveries');
    const rows = await readAll<DeliveryEntity, { partitionKey: string; rowKey: string }>(
      client,
      odata`tenantId eq ${identity.tenantId} and aadObjectId eq ${identity.aadObjectId}`,
      (entity: TableEntityResult<DeliveryEntity>) => ({
        partitionKey: entity.partitionKey ?? '',
        rowKey: entity.rowKey ?? '',
      }),
    );
    await deleteInBatches(client, rows);
  }

  async deleteRounds(roundIds: readonly string[]): Promise<void> {
    for (const table of ['recordings', 'recordingdeliveries']) {
      const client = await this.store.table(table);
      for (const roundId of roundIds) {
        const rows = await readAll<{ roundId: string }, { partitionKey: string; rowKey: string }>(
          client,
          odata`roundId eq ${roundId}`,
          (entity) => ({ partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '' }),
        );
        await deleteInBatches(client, rows);
      }
    }
  }
}

function toRecording(entity: TableEntityResult<RecordingEntity>): Recording {
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    source: entity.source === 'graph' ? 'graph' : 'manual',
    url: entity.url || undefined,
    graph: entity.graph ? graphColumn.read(entity.graph) : undefined,
    availableFrom: entity.availableFrom,
    availableUntil: entity.availableUntil,
    version: entity.version ?? 1,
    sentVersion: typeof entity.sentVersion === 'number' ? entity.sentVersion : undefined,
    addedBy: entity.addedBy ?? '',
    updatedAt: entity.updatedAt,
    etag: entity.etag,
  };
}

function toDelivery(entity: DeliveryEntity): RecordingDelivery {
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    tenantId: entity.tenantId,
    aadObjectId: entity.aadObjectId,
    version: entity.version,
    reason: entity.reason === 'notAttended' ? 'notAttended' : 'audience',
    enqueuedAt: entity.enqueuedAt,
  };
}
