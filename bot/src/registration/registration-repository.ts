import type { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';
import { ConflictError, isStatusCode } from '../platform/storage/errors';
import { escapeKey } from '../platform/storage/keys';
import { jsonColumn } from '../platform/storage/json-column';
import {
  createIfAbsent,
  getEntity,
  odata,
  readAll,
  replaceIfUnchanged,
  type TableStore,
} from '../platform/storage/table-store';
import {
  CANCEL_REASONS,
  QUESTION_IDS,
  answersSchema,
  type Registration,
  type RegistrationSettings,
  type RegistrationStatus,
  type SeatCount,
  type TotalCount,
} from './registration-model';

/**
 * Table `registrations`. Keys are built from escaped parts joined by `|` (a `|` inside a part is
 * escaped too, so one event's keys never run into another's):
 *
 * | PartitionKey                          | RowKey                 | holds                               |
 * | ------------------------------------- | ---------------------- | ----------------------------------- |
 * | `<round>\|<event>\|~`                 | `settings`             | what the coordinator opened         |
 * |                                       | `p\|<tenant>\|<object>` | where the person's registration is |
 * | `<round>\|<event>\|m\|<municipality>` | `~seats\|<municipality>` | the municipality's taken seats   |
 * |                                       | `p\|<tenant>\|<object>` | one person's registration          |
 * | `<round>\|<event>\|all` (with a total) | the same, plus `~total` | every municipality of the event    |
 *
 * The seat count and the registrations it counts share a partition, so a registration and the
 * change of the count are one entity-group transaction, conditional on the count's ETag: two
 * people taking the last seat at the same moment, on two instances, cannot both succeed. An event's
 * rows are one range of partition keys, read with one query. The index row (created once, before a
 * person's first registration) names the municipality their registration lives under, so finding
 * it is two point reads, even after their municipality changes in the roster.
 */
const TABLE = 'registrations';
const SETTINGS_ROW = 'settings';
const TOTAL_ROW = '~total';

/** An escaped key part: Table Storage's forbidden characters, `%` and our separator `|`. */
export function keyPart(value: string): string {
  return escapeKey(value).replace(/\|/g, '%7C');
}

function eventPrefix(roundId: string, eventId: string): string {
  return `${keyPart(roundId)}|${keyPart(eventId)}|`;
}

/** The first key after every key that starts with `prefix` (`|` + 1 = `}`). */
function prefixEnd(prefix: string): string {
  return `${prefix.slice(0, -1)}}`;
}

function settingsPartition(roundId: string, eventId: string): string {
  return `${eventPrefix(roundId, eventId)}~`;
}

export function seatPartition(settings: RegistrationSettings, municipalityId: string): string {
  const prefix = eventPrefix(settings.roundId, settings.eventId);
  return settings.layout === 'event' ? `${prefix}all` : `${prefix}m|${keyPart(municipalityId)}`;
}

function countRow(municipalityId: string): string {
  return `~seats|${keyPart(municipalityId)}`;
}

function registrationRow(identity: TeamsIdentity): string {
  return `p|${keyPart(identity.tenantId)}|${keyPart(identity.aadObjectId)}`;
}

const localizedSchema = z.object({ fi: z.string(), sv: z.string().optional(), en: z.string().optional() });
const questionsColumn = jsonColumn(
  'registration questions',
  z.array(z.object({ id: z.enum(QUESTION_IDS), label: localizedSchema.optional() })),
  { whenBlank: () => [] },
);
const answersColumn = jsonColumn('registration answers', answersSchema, { whenBlank: () => ({}) });

interface SettingsEntity {
  kind: 'settings';
  roundId: string;
  eventId: string;
  opensAt: string;
  closesAt: string;
  quota: number;
  capacity?: number;
  cancelDeadline?: string;
  offerHours: number;
  questions: string;
  layout: string;
  updatedAt: string;
  updatedBy: string;
}

interface CountEntity {
  kind: 'seats';
  municipalityId: string;
  quotaOverride?: number;
  confirmed: number;
  offered: number;
  queue?: boolean;
}

interface IndexEntity {
  kind: 'index';
  municipalityId: string;
}

interface TotalEntity {
  kind: 'total';
  confirmed: number;
  offered: number;
}

interface RegistrationEntity {
  kind: 'registration';
  roundId: string;
  eventId: string;
  municipalityId: string;
  tenantId: string;
  aadObjectId: string;
  name: string;
  email?: string;
  status: string;
  cancelReason?: string;
  answers: string;
  registeredAt: string;
  queuedAt: string;
  confirmedAt?: string;
  offerExpiresAt?: string;
  offerSequence: number;
  cancelledAt?: string;
  transferredFrom?: string;
  transferredTo?: string;
  byCoordinator: boolean;
  updatedAt: string;
}

/** Any row of an event's range, before it is told apart by `kind`. */
interface AnyEntity {
  kind?: string;
  confirmed?: number;
  offered?: number;
}

/** Everything of one seat partition (one municipality, or the whole event with a total). */
export interface SeatScope {
  readonly settings: RegistrationSettings;
  readonly partition: string;
  readonly counts: ReadonlyMap<string, SeatCount>;
  /** Only with a total capacity. */
  readonly total: TotalCount | undefined;
  readonly registrations: readonly Registration[];
}

/** One change in a seat partition; all changes of a {@link RegistrationRepository.commit} succeed or none. */
export type SeatWrite =
  /** A count as it should be; without an ETag it must not exist yet. */
  | { readonly kind: 'count'; readonly count: SeatCount }
  | { readonly kind: 'total'; readonly total: TotalCount }
  /** A registration as it should be; without an ETag it must not exist yet. */
  | { readonly kind: 'registration'; readonly registration: Registration }
  | { readonly kind: 'delete'; readonly identity: TeamsIdentity };

export class RegistrationRepository {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLE);
  }

  async getSettings(roundId: string, eventId: string): Promise<RegistrationSettings | undefined> {
    const client = await this.table();
    const entity = await getEntity<SettingsEntity>(client, settingsPartition(roundId, eventId), SETTINGS_ROW);
    return entity ? toSettings(entity) : undefined;
  }

  /** Every event of the round with a registration (a handful of rows). */
  async listSettings(roundId: string): Promise<RegistrationSettings[]> {
    const client = await this.table();
    const prefix = `${keyPart(roundId)}|`;
    return readAll<SettingsEntity, RegistrationSettings>(
      client,
      odata`PartitionKey ge ${prefix} and PartitionKey lt ${prefixEnd(prefix)} and RowKey eq ${SETTINGS_ROW}`,
      toSettings,
    );
  }

  /** Creates the settings (no ETag) or replaces them if unchanged since read; else {@link ConflictError}. */
  async saveSettings(settings: RegistrationSettings): Promise<RegistrationSettings> {
    const client = await this.table();
    const entity = toSettingsEntity(settings);
    if (settings.etag === undefined) {
      if (!(await createIfAbsent(client, entity))) {
        throw new ConflictError(client.tableName, entity.partitionKey, entity.rowKey);
      }
    } else {
      await replaceIfUnchanged(client, entity, settings.etag);
    }
    const stored = await this.getSettings(settings.roundId, settings.eventId);
    if (!stored) throw new Error('The registration settings disappeared after saving');
    return stored;
  }

  /**
   * The seat partition a municipality's registrations are in: with a per-municipality layout the
   * municipality alone; with a total, the whole event (a freed seat may go to another
   * municipality's waitlist, and nobody may jump the queue of the event's total).
   */
  async scope(settings: RegistrationSettings, municipalityId: string): Promise<SeatScope> {
    const partition = seatPartition(settings, municipalityId);
    return this.readScope(settings, partition, odata`PartitionKey eq ${partition}`);
  }

  private async readScope(
    settings: RegistrationSettings,
    partition: string,
    filter: string,
  ): Promise<SeatScope> {
    const client = await this.table();
    const rows = await readAll<AnyEntity, TableEntityResult<AnyEntity>>(client, filter, (entity) => entity);
    return toScope(settings, partition, rows);
  }

  /** Every seat partition of the event, for the coordinators' matrix and the background passes. */
  async eventScopes(settings: RegistrationSettings): Promise<SeatScope[]> {
    const client = await this.table();
    const prefix = eventPrefix(settings.roundId, settings.eventId);
    const rows = await readAll<AnyEntity, TableEntityResult<AnyEntity>>(
      client,
      odata`PartitionKey ge ${prefix} and PartitionKey lt ${prefixEnd(prefix)} and kind ne ${'settings'} and kind ne ${'index'}`,
      (entity) => entity,
    );
    const byPartition = new Map<string, TableEntityResult<AnyEntity>[]>();
    for (const row of rows) {
      const partition = row.partitionKey ?? '';
      const list = byPartition.get(partition) ?? [];
      list.push(row);
      byPartition.set(partition, list);
    }
    return [...byPartition].map(([partition, list]) => toScope(settings, partition, list));
  }

  /** The municipality a person's registration for the event lives under, if they ever registered. */
  async indexOf(settings: RegistrationSettings, identity: TeamsIdentity): Promise<string | undefined> {
    const client = await this.table();
    const entity = await getEntity<IndexEntity>(
      client,
      settingsPartition(settings.roundId, settings.eventId),
      registrationRow(identity),
    );
    return entity?.municipalityId;
  }

  /**
   * Records once where a person's registration lives; a later call (another municipality in the
   * roster, a concurrent first registration) gets the partition already recorded.
   */
  async ensureIndex(
    settings: RegistrationSettings,
    identity: TeamsIdentity,
    municipalityId: string,
  ): Promise<string> {
    const client = await this.table();
    const created = await createIfAbsent(client, {
      partitionKey: settingsPartition(settings.roundId, settings.eventId),
      rowKey: registrationRow(identity),
      kind: 'index',
      municipalityId,
    } satisfies TableEntity<IndexEntity>);
    if (created) return municipalityId;
    const existing = await this.indexOf(settings, identity);
    if (!existing) throw new Error('The registration index row disappeared');
    return existing;
  }

  /** A person's registration for the event, in whichever municipality it was made (two point reads). */
  async findRegistration(
    settings: RegistrationSettings,
    identity: TeamsIdentity,
  ): Promise<Registration | undefined> {
    const municipalityId = await this.indexOf(settings, identity);
    if (municipalityId === undefined) return undefined;
    const client = await this.table();
    const entity = await getEntity<RegistrationEntity>(
      client,
      seatPartition(settings, municipalityId),
      registrationRow(identity),
    );
    return entity ? toRegistration(entity) : undefined;
  }

  /** One municipality's count and one person's row in it, as two point reads (no partition scan). */
  async seat(
    settings: RegistrationSettings,
    municipalityId: string,
    identity: TeamsIdentity,
  ): Promise<{ count: SeatCount | undefined; registration: Registration | undefined }> {
    const client = await this.table();
    const partition = seatPartition(settings, municipalityId);
    const [count, registration] = await Promise.all([
      getEntity<CountEntity>(client, partition, countRow(municipalityId)),
      getEntity<RegistrationEntity>(client, partition, registrationRow(identity)),
    ]);
    return {
      count: count ? toCount(count) : undefined,
      registration: registration ? toRegistration(registration) : undefined,
    };
  }

  /** Removes every index row naming the person (erasure, after their registrations are gone). */
  async deleteIndexRowsOf(identity: TeamsIdentity): Promise<void> {
    const client = await this.table();
    const rows = await readAll<IndexEntity, { partitionKey: string; rowKey: string }>(
      client,
      odata`kind eq ${'index'} and RowKey eq ${registrationRow(identity)}`,
      (entity) => ({ partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '' }),
    );
    await deleteInBatches(client, rows);
  }

  /** Every registration of a person in any event (their data rights). */
  async registrationsOf(identity: TeamsIdentity): Promise<Registration[]> {
    const client = await this.table();
    return readAll<RegistrationEntity, Registration>(
      client,
      odata`kind eq ${'registration'} and tenantId eq ${identity.tenantId} and aadObjectId eq ${identity.aadObjectId}`,
      toRegistration,
    );
  }

  /**
   * Applies the writes to one seat partition as one entity-group transaction: all or nothing.
   * A count or registration changed since it was read (412), or created meanwhile (409), makes it
   * a {@link ConflictError}; the caller reads again and decides again.
   */
  async commit(
    scope: Pick<SeatScope, 'settings' | 'partition'>,
    writes: readonly SeatWrite[],
  ): Promise<void> {
    if (writes.length === 0) return;
    const client = await this.table();
    const actions = writes.map((write) => toAction(scope, write));
    try {
      await client.submitTransaction(actions);
    } catch (error) {
      if (isStatusCode(error, 412) || isStatusCode(error, 409) || isStatusCode(error, 404)) {
        throw new ConflictError(client.tableName, scope.partition, String(actions[0]?.[1].rowKey ?? ''));
      }
      throw error;
    }
  }

  /** Removes everything of the rounds (retention ended): settings, counts and registrations. */
  async deleteRounds(roundIds: readonly string[]): Promise<void> {
    const client = await this.table();
    for (const roundId of roundIds) {
      const prefix = `${keyPart(roundId)}|`;
      const rows = await readAll<AnyEntity, { partitionKey: string; rowKey: string }>(
        client,
        odata`PartitionKey ge ${prefix} and PartitionKey lt ${prefixEnd(prefix)}`,
        (entity) => ({ partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '' }),
      );
      await deleteInBatches(client, rows);
    }
  }
}

/** Deletes rows a partition and a hundred rows (a transaction's limit) at a time. */
export async function deleteInBatches(
  client: TableClient,
  rows: readonly { partitionKey: string; rowKey: string }[],
): Promise<void> {
  const byPartition = new Map<string, { partitionKey: string; rowKey: string }[]>();
  for (const row of rows) {
    const list = byPartition.get(row.partitionKey) ?? [];
    list.push(row);
    byPartition.set(row.partitionKey, list);
  }
  for (const list of byPartition.values()) {
    for (let start = 0; start < list.length; start += 100) {
      const chunk = list.slice(start, start + 100);
      try {
        await client.submitTransaction(chunk.map((row) => ['delete', row] as TransactionAction));
      } catch (error) {
        // A row deleted meanwhile fails the whole batch: delete the rest one by one.
        if (!isStatusCode(error, 404)) throw error;
        for (const row of chunk) {
          try {
            await client.deleteEntity(row.partitionKey, row.rowKey);
          } catch (single) {
            if (!isStatusCode(single, 404)) throw single;
          }
        }
      }
    }
  }
}

function toAction(scope: Pick<SeatScope, 'settings' | 'partition'>, write: SeatWrite): TransactionAction {
  const partitionKey = scope.partition;
  switch (write.kind) {
    case 'count': {
      const entity = {
        partitionKey,
        rowKey: countRow(write.count.municipalityId),
        kind: 'seats',
        municipalityId: write.count.municipalityId,
        confirmed: write.count.confirmed,
        offered: write.count.offered,
        ...(write.count.quotaOverride === undefined ? {} : { quotaOverride: write.count.quotaOverride }),
        ...(write.count.queue ? { queue: true } : {}),
      } satisfies TableEntity<CountEntity>;
      return write.count.etag === undefined
        ? ['create', entity]
        : ['update', entity, 'Replace', { etag: write.count.etag }];
    }
    case 'total': {
      const entity = {
        partitionKey,
        rowKey: TOTAL_ROW,
        kind: 'total',
        confirmed: write.total.confirmed,
        offered: write.total.offered,
      } satisfies TableEntity<TotalEntity>;
      return write.total.etag === undefined
        ? ['create', entity]
        : ['update', entity, 'Replace', { etag: write.total.etag }];
    }
    case 'registration': {
      const entity = toRegistrationEntity(partitionKey, write.registration);
      return write.registration.etag === undefined
        ? ['create', entity]
        : ['update', entity, 'Replace', { etag: write.registration.etag }];
    }
    case 'delete':
      return ['delete', { partitionKey, rowKey: registrationRow(write.identity) }];
  }
}

function toScope(
  settings: RegistrationSettings,
  partition: string,
  rows: readonly TableEntityResult<AnyEntity>[],
): SeatScope {
  const counts = new Map<string, SeatCount>();
  let total: TotalCount | undefined;
  const registrations: Registration[] = [];
  for (const row of rows) {
    if (row.kind === 'seats') {
      const count = toCount(row as TableEntityResult<CountEntity>);
      counts.set(count.municipalityId, count);
    } else if (row.kind === 'total') {
      total = { confirmed: row.confirmed ?? 0, offered: row.offered ?? 0, etag: row.etag };
    } else if (row.kind === 'registration') {
      registrations.push(toRegistration(row as TableEntityResult<RegistrationEntity>));
    }
  }
  if (settings.layout === 'event' && total === undefined)
    total = { confirmed: 0, offered: 0, etag: undefined };
  return { settings, partition, counts, total, registrations };
}

function toCount(entity: TableEntityResult<CountEntity>): SeatCount {
  return {
    municipalityId: entity.municipalityId,
    quotaOverride: typeof entity.quotaOverride === 'number' ? entity.quotaOverride : undefined,
    confirmed: entity.confirmed ?? 0,
    offered: entity.offered ?? 0,
    queue: entity.queue === true,
    etag: entity.etag,
  };
}

const statusSchema = z.enum(['confirmed', 'offered', 'waitlisted', 'cancelled']);
const reasonSchema = z.enum(CANCEL_REASONS);

function toRegistration(entity: TableEntityResult<RegistrationEntity>): Registration {
  const reason = reasonSchema.safeParse(entity.cancelReason);
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    municipalityId: entity.municipalityId,
    tenantId: entity.tenantId,
    aadObjectId: entity.aadObjectId,
    name: entity.name ?? '',
    email: entity.email || undefined,
    status: statusSchema.parse(entity.status) satisfies RegistrationStatus,
    cancelReason: reason.success ? reason.data : undefined,
    answers: answersColumn.read(entity.answers),
    registeredAt: entity.registeredAt,
    queuedAt: entity.queuedAt,
    confirmedAt: entity.confirmedAt || undefined,
    offerExpiresAt: entity.offerExpiresAt || undefined,
    offerSequence: entity.offerSequence ?? 0,
    cancelledAt: entity.cancelledAt || undefined,
    transferredFrom: entity.transferredFrom || undefined,
    transferredTo: entity.transferredTo || undefined,
    byCoordinator: entity.byCoordinator === true,
    updatedAt: entity.updatedAt,
    etag: entity.etag,
  };
}

function toRegistrationEntity(partitionKey: string, registration: Registration) {
  const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
    value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
  return {
    partitionKey,
    rowKey: registrationRow(registration),
    kind: 'registration',
    roundId: registration.roundId,
    eventId: registration.eventId,
    municipalityId: registration.municipalityId,
    tenantId: registration.tenantId,
    aadObjectId: registration.aadObjectId,
    name: registration.name,
    ...optional('email', registration.email),
    status: registration.status,
    ...optional('cancelReason', registration.cancelReason),
    answers: answersColumn.write(registration.answers),
    registeredAt: registration.registeredAt,
    queuedAt: registration.queuedAt,
    ...optional('confirmedAt', registration.confirmedAt),
    ...optional('offerExpiresAt', registration.offerExpiresAt),
    offerSequence: registration.offerSequence,
    ...optional('cancelledAt', registration.cancelledAt),
    ...optional('transferredFrom', registration.transferredFrom),
    ...optional('transferredTo', registration.transferredTo),
    byCoordinator: registration.byCoordinator,
    updatedAt: registration.updatedAt,
  } satisfies TableEntity<RegistrationEntity>;
}

function toSettings(entity: TableEntityResult<SettingsEntity> | SettingsEntity): RegistrationSettings {
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    opensAt: entity.opensAt,
    closesAt: entity.closesAt,
    quota: entity.quota,
    capacity: typeof entity.capacity === 'number' ? entity.capacity : undefined,
    cancelDeadline: entity.cancelDeadline || undefined,
    offerHours: entity.offerHours,
    questions: questionsColumn.read(entity.questions).map((question) => ({
      id: question.id,
      label: question.label,
    })),
    layout: entity.layout === 'event' ? 'event' : 'municipality',
    updatedAt: entity.updatedAt,
    updatedBy: entity.updatedBy,
    etag: 'etag' in entity ? entity.etag : undefined,
  };
}

function toSettingsEntity(settings: RegistrationSettings): TableEntity<SettingsEntity> {
  return {
    partitionKey: settingsPartition(settings.roundId, settings.eventId),
    rowKey: SETTINGS_ROW,
    kind: 'settings',
    roundId: settings.roundId,
    eventId: settings.eventId,
    opensAt: settings.opensAt,
    closesAt: settings.closesAt,
    quota: settings.quota,
    ...(settings.capacity === undefined ? {} : { capacity: settings.capacity }),
    ...(settings.cancelDeadline === undefined ? {} : { cancelDeadline: settings.cancelDeadline }),
    offerHours: settings.offerHours,
    questions: questionsColumn.write(
      settings.questions.map((question) => ({
        id: question.id,
        ...(question.label ? { label: question.label } : {}),
      })),
    ),
    layout: settings.layout,
    updatedAt: settings.updatedAt,
    updatedBy: settings.updatedBy,
  };
}
