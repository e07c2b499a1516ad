import type { TeamsIdentity } from '../shared/participant';
import { escapeKey } from '../platform/storage/keys';
import { deleteIfPresent, getEntity, odata, readAll, type TableStore } from '../platform/storage/table-store';

/**
 * "I can't attend": partition = round and event, row = the person, so coordinators read an event's
 * absences with one partition scan and pressing the button twice stores one row.
 */
export interface Absence extends TeamsIdentity {
  readonly roundId: string;
  readonly eventId: string;
  readonly name: string;
  readonly municipalityId: string | undefined;
  readonly recordedAt: string;
}

interface AbsenceEntity {
  roundId: string;
  eventId: string;
  tenantId: string;
  aadObjectId: string;
  name: string;
  municipalityId?: string;
  recordedAt: string;
}

export class AbsenceRepository {
  constructor(private readonly store: TableStore) {}

  async record(absence: Absence): Promise<void> {
    const client = await this.store.table('absences');
    await client.upsertEntity(
      {
        partitionKey: partitionOf(absence.roundId, absence.eventId),
        rowKey: rowOf(absence),
        roundId: absence.roundId,
        eventId: absence.eventId,
        tenantId: absence.tenantId,
        aadObjectId: absence.aadObjectId,
        name: absence.name,
        ...(absence.municipalityId ? { municipalityId: absence.municipalityId } : {}),
        recordedAt: absence.recordedAt,
      },
      'Replace',
    );
  }

  /** Takes an absence back ("I can attend after all"); false when there was none. */
  async remove(roundId: string, eventId: string, identity: TeamsIdentity): Promise<boolean> {
    const client = await this.store.table('absences');
    return deleteIfPresent(client, partitionOf(roundId, eventId), rowOf(identity));
  }

  async has(roundId: string, eventId: string, identity: TeamsIdentity): Promise<boolean> {
    const client = await this.store.table('absences');
    return (await getEntity(client, partitionOf(roundId, eventId), rowOf(identity))) !== undefined;
  }

  async listForEvent(roundId: string, eventId: string): Promise<Absence[]> {
    const client = await this.store.table('absences');
    const absences = await readAll<AbsenceEntity, Absence>(
      client,
      odata`PartitionKey eq ${partitionOf(roundId, eventId)}`,
      (entity) => ({
        roundId: entity.roundId,
        eventId: entity.eventId,
        tenantId: entity.tenantId,
        aadObjectId: entity.aadObjectId,
        name: entity.name,
        municipalityId: entity.municipalityId || undefined,
        recordedAt: entity.recordedAt,
      }),
    );
    return absences.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }
}

/** A person's absences across events (their export and erasure): one query over the row key. */
export async function absencesOf(store: TableStore, identity: TeamsIdentity): Promise<Absence[]> {
  const client = await store.table('absences');
  return readAll<AbsenceEntity, Absence>(client, odata`RowKey eq ${rowOf(identity)}`, toAbsence);
}

export async function eraseAbsencesOf(store: TableStore, identity: TeamsIdentity): Promise<void> {
  const client = await store.table('absences');
  for (const absence of await absencesOf(store, identity)) {
    await deleteIfPresent(client, partitionOf(absence.roundId, absence.eventId), rowOf(identity));
  }
}

export async function purgeAbsencesOfRounds(store: TableStore, roundIds: readonly string[]): Promise<void> {
  const client = await store.table('absences');
  for (const roundId of roundIds) {
    const rows = await readAll<AbsenceEntity, Absence>(client, odata`roundId eq ${roundId}`, toAbsence);
    for (const row of rows) await deleteIfPresent(client, partitionOf(row.roundId, row.eventId), rowOf(row));
  }
}

function toAbsence(entity: AbsenceEntity): Absence {
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    tenantId: entity.tenantId,
    aadObjectId: entity.aadObjectId,
    name: entity.name,
    municipalityId: entity.municipalityId || undefined,
    recordedAt: entity.recordedAt,
  };
}

function partitionOf(roundId: string, eventId: string): string {
  return escapeKey(`${roundId}|${eventId}`);
}

function rowOf(identity: TeamsIdentity): string {
  return escapeKey(`${identity.tenantId}|${identity.aadObjectId}`);
}
