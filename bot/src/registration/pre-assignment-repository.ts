import type { TableEntityResult } from '@azure/data-tables';
import type { TeamsIdentity } from '../shared/participant';
import {
  createIfAbsent,
  deleteIfPresent,
  getEntity,
  odata,
  readAll,
  type TableStore,
} from '../platform/storage/table-store';
import { deleteInBatches, keyPart } from './registration-repository';

/**
 * Hand-ins of workshops' pre-assignments (ennakkotehtävät): table `preassignments`, partition =
 * round and event, row = the person, so handing in again replaces the earlier answer and the
 * coordinators read an event's answers with one partition scan. Partition `~reminders` holds one
 * row per reminder sent, created once: two instances never both send it.
 */
export interface HandIn extends TeamsIdentity {
  readonly roundId: string;
  readonly eventId: string;
  readonly name: string;
  readonly municipalityId: string | undefined;
  readonly text: string | undefined;
  readonly url: string | undefined;
  /** Marked done without (or besides) a written answer. */
  readonly done: boolean;
  readonly submittedAt: string;
  readonly updatedAt: string;
}

interface HandInEntity {
  roundId: string;
  eventId: string;
  tenantId: string;
  aadObjectId: string;
  name: string;
  municipalityId?: string;
  text?: string;
  url?: string;
  done: boolean;
  submittedAt: string;
  updatedAt: string;
}

const TABLE = 'preassignments';
const REMINDER_PARTITION = '~reminders';

function partitionOf(roundId: string, eventId: string): string {
  return `${keyPart(roundId)}|${keyPart(eventId)}`;
}

function rowOf(identity: TeamsIdentity): string {
  return `${keyPart(identity.tenantId)}|${keyPart(identity.aadObjectId)}`;
}

export class PreAssignmentRepository {
  constructor(private readonly store: TableStore) {}

  async save(handIn: HandIn): Promise<void> {
    const client = await this.store.table(TABLE);
    await client.upsertEntity(
      {
        partitionKey: partitionOf(handIn.roundId, handIn.eventId),
        rowKey: rowOf(handIn),
        roundId: handIn.roundId,
        eventId: handIn.eventId,
        tenantId: handIn.tenantId,
        aadObjectId: handIn.aadObjectId,
        name: handIn.name,
        ...(handIn.municipalityId ? { municipalityId: handIn.municipalityId } : {}),
        ...(handIn.text ? { text: handIn.text } : {}),
        ...(handIn.url ? { url: handIn.url } : {}),
        done: handIn.done,
        submittedAt: handIn.submittedAt,
        updatedAt: handIn.updatedAt,
      } satisfies HandInEntity & { partitionKey: string; rowKey: string },
      'Replace',
    );
  }

  async get(roundId: string, eventId: string, identity: TeamsIdentity): Promise<HandIn | undefined> {
    const client = await this.store.table(TABLE);
    const entity = await getEntity<HandInEntity>(client, partitionOf(roundId, eventId), rowOf(identity));
    return entity ? toHandIn(entity) : undefined;
  }

  async forEvent(roundId: string, eventId: string): Promise<HandIn[]> {
    const client = await this.store.table(TABLE);
    return readAll<HandInEntity, HandIn>(
      client,
      odata`PartitionKey eq ${partitionOf(roundId, eventId)}`,
      toHandIn,
    );
  }

  async of(identity: TeamsIdentity): Promise<HandIn[]> {
    const client = await this.store.table(TABLE);
    return readAll<HandInEntity, HandIn>(
      client,
      odata`tenantId eq ${identity.tenantId} and aadObjectId eq ${identity.aadObjectId}`,
      toHandIn,
    );
  }

  async delete(roundId: string, eventId: string, identity: TeamsIdentity): Promise<void> {
    const client = await this.store.table(TABLE);
    await deleteIfPresent(client, partitionOf(roundId, eventId), rowOf(identity));
  }

  /** Claims the reminder of one deadline; false when another instance (or an earlier pass) did. */
  async claimReminder(roundId: string, eventId: string, dueAt: string, now: Date): Promise<boolean> {
    const client = await this.store.table(TABLE);
    return createIfAbsent(client, {
      partitionKey: REMINDER_PARTITION,
      rowKey: `${partitionOf(roundId, eventId)}|${dueAt.replace(/[^0-9]/g, '')}`,
      roundId,
      eventId,
      claimedAt: now.toISOString(),
    });
  }

  async deleteRounds(roundIds: readonly string[]): Promise<void> {
    const client = await this.store.table(TABLE);
    for (const roundId of roundIds) {
      const rows = await readAll<HandInEntity, { partitionKey: string; rowKey: string }>(
        client,
        odata`roundId eq ${roundId}`,
        (entity: TableEntityResult<HandInEntity>) => ({
          partitionKey: entity.partitionKey ?? '',
          rowKey: entity.rowKey ?? '',
        }),
      );
      await deleteInBatches(client, rows);
    }
  }
}

function toHandIn(entity: HandInEntity): HandIn {
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    tenantId: entity.tenantId,
    aadObjectId: entity.aadObjectId,
    name: entity.name ?? '',
    municipalityId: entity.municipalityId || undefined,
    text: entity.text || undefined,
    url: entity.url || undefined,
    done: entity.done === true,
    submittedAt: entity.submittedAt,
    updatedAt: entity.updatedAt,
  };
}
