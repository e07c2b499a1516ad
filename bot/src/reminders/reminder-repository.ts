import type { TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import { isValidOffset, type ReminderPlan, type ReminderSpec } from './reminder-plan';
import { ConflictError, isStatusCode } from '../platform/storage/errors';
import { escapeKey } from '../platform/storage/keys';
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

/**
 * Reminder plans and their occurrences.
 *
 * - `reminderplans`: partition = round, row = event. Only events whose coordinators changed the
 *   plan have a row; the others follow their event type's default.
 * - `reminders`: one row per (event, offset), partition = round, row = `event|offset`. It carries
 *   the due instant and the lease a scheduler instance takes before sending it: `state` goes
 *   scheduled → claimed (with `claimedBy` and `claimUntil`, written conditional on the ETag) →
 *   enqueued, or to skipped / cancelled. A round has a few dozen events, so a scheduler reads the
 *   whole partition each tick.
 */
export type OccurrenceState = 'scheduled' | 'claimed' | 'enqueued' | 'skipped' | 'cancelled';

export interface ReminderOccurrence {
  readonly roundId: string;
  readonly eventId: string;
  readonly offset: string;
  readonly dueAt: string;
  /** The event start the due time was computed from; a moved event reschedules its reminders. */
  readonly startsAt: string;
  readonly channel: boolean;
  readonly personal: boolean;
  readonly state: OccurrenceState;
  readonly claimedBy: string | undefined;
  readonly claimUntil: number;
  readonly deliveryId: string | undefined;
  readonly reason: string | undefined;
  readonly etag: string;
}

interface PlanEntity {
  roundId: string;
  eventId: string;
  reminders: string;
  updatedAt: string;
  updatedBy: string;
}

interface OccurrenceEntity {
  roundId: string;
  eventId: string;
  offset: string;
  dueAt: string;
  startsAt: string;
  channel: boolean;
  personal: boolean;
  state: string;
  claimedBy?: string;
  claimUntil?: number;
  deliveryId?: string;
  reason?: string;
  updatedAt: string;
}

export const reminderSpecSchema = z.object({
  offset: z.string().refine(isValidOffset, 'an offset such as P7D, P1D, PT1H or PT15M'),
  channel: z.boolean(),
  personal: z.boolean(),
});
const remindersColumn = jsonColumn<readonly ReminderSpec[]>('reminder plan', z.array(reminderSpecSchema), {
  whenBlank: () => [],
});
const STATES: readonly OccurrenceState[] = ['scheduled', 'claimed', 'enqueued', 'skipped', 'cancelled'];

export type OccurrenceChange = Partial<
  Pick<
    ReminderOccurrence,
    | 'dueAt'
    | 'startsAt'
    | 'channel'
    | 'personal'
    | 'state'
    | 'claimedBy'
    | 'claimUntil'
    | 'deliveryId'
    | 'reason'
  >
>;

export class ReminderRepository {
  constructor(private readonly store: TableStore) {}

  async getPlan(roundId: string, eventId: string): Promise<Omit<ReminderPlan, 'custom'> | undefined> {
    const client = await this.store.table('reminderplans');
    const entity = await getEntity<PlanEntity>(client, escapeKey(roundId), escapeKey(eventId));
    return entity ? toPlan(entity) : undefined;
  }

  async listPlans(roundId: string): Promise<Omit<ReminderPlan, 'custom'>[]> {
    const client = await this.store.table('reminderplans');
    return readAll<PlanEntity, Omit<ReminderPlan, 'custom'>>(
      client,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      toPlan,
    );
  }

  /**
   * Stores a custom plan. With `etag` the write succeeds only if the plan is unchanged since read
   * (ConflictError otherwise); `etag` `*`-less creation fails if someone created one meanwhile.
   */
  async savePlan(
    plan: { roundId: string; eventId: string; reminders: readonly ReminderSpec[]; updatedBy: string },
    etag: string | undefined,
    now: Date,
  ): Promise<string> {
    const client = await this.store.table('reminderplans');
    const entity = {
      partitionKey: escapeKey(plan.roundId),
      rowKey: escapeKey(plan.eventId),
      roundId: plan.roundId,
      eventId: plan.eventId,
      reminders: remindersColumn.write(plan.reminders),
      updatedAt: now.toISOString(),
      updatedBy: plan.updatedBy,
    };
    if (etag) return replaceIfUnchanged(client, entity, etag);
    if (!(await createIfAbsent(client, entity)))
      throw new ConflictError(client.tableName, entity.partitionKey, entity.rowKey);
    return (await getEntity(client, entity.partitionKey, entity.rowKey))?.etag ?? '';
  }

  /** Back to the event type's default. */
  async deletePlan(roundId: string, eventId: string): Promise<void> {
    const client = await this.store.table('reminderplans');
    await deleteIfPresent(client, escapeKey(roundId), escapeKey(eventId));
  }

  /**
   * Retention: a round's plans (who changed them) and occurrences (which delivery each reminder
   * went out in) go with the round.
   */
  async deleteRound(roundId: string): Promise<void> {
    for (const table of ['reminderplans', 'reminders']) {
      const client = await this.store.table(table);
      const rowKeys = await readAll<object, string>(
        client,
        odata`PartitionKey eq ${escapeKey(roundId)}`,
        (entity) => entity.rowKey ?? '',
        ['RowKey'],
      );
      for (const rowKey of rowKeys) if (rowKey) await deleteIfPresent(client, escapeKey(roundId), rowKey);
    }
  }

  async listOccurrences(roundId: string): Promise<ReminderOccurrence[]> {
    const client = await this.store.table('reminders');
    return readAll<OccurrenceEntity, ReminderOccurrence>(
      client,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      toOccurrence,
    );
  }

  /** Creates an occurrence unless it exists; false when another instance was first. */
  async createOccurrence(
    occurrence: Omit<
      ReminderOccurrence,
      'etag' | 'claimedBy' | 'claimUntil' | 'deliveryId' | 'reason' | 'state'
    >,
    now: Date,
  ): Promise<boolean> {
    const client = await this.store.table('reminders');
    return createIfAbsent(client, {
      partitionKey: escapeKey(occurrence.roundId),
      rowKey: occurrenceRowKey(occurrence.eventId, occurrence.offset),
      roundId: occurrence.roundId,
      eventId: occurrence.eventId,
      offset: occurrence.offset,
      dueAt: occurrence.dueAt,
      startsAt: occurrence.startsAt,
      channel: occurrence.channel,
      personal: occurrence.personal,
      state: 'scheduled',
      updatedAt: now.toISOString(),
    });
  }

  /** Changes an occurrence only if unchanged since read; returns the new ETag or undefined on conflict. */
  async updateOccurrence(
    occurrence: ReminderOccurrence,
    change: OccurrenceChange,
    now: Date,
  ): Promise<string | undefined> {
    const client = await this.store.table('reminders');
    try {
      const response = await client.updateEntity(
        {
          partitionKey: escapeKey(occurrence.roundId),
          rowKey: occurrenceRowKey(occurrence.eventId, occurrence.offset),
          ...change,
          updatedAt: now.toISOString(),
        },
        'Merge',
        { etag: occurrence.etag },
      );
      return response.etag ?? '';
    } catch (error) {
      if (isStatusCode(error, 412) || isStatusCode(error, 404)) return undefined;
      throw error;
    }
  }
}

function occurrenceRowKey(eventId: string, offset: string): string {
  return escapeKey(`${eventId}|${offset}`);
}

function toPlan(entity: TableEntityResult<PlanEntity>): Omit<ReminderPlan, 'custom'> {
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    reminders: remindersColumn.read(entity.reminders),
    updatedAt: entity.updatedAt || undefined,
    updatedBy: entity.updatedBy || undefined,
    etag: entity.etag,
  };
}

function toOccurrence(entity: TableEntityResult<OccurrenceEntity>): ReminderOccurrence {
  return {
    roundId: entity.roundId,
    eventId: entity.eventId,
    offset: entity.offset,
    dueAt: entity.dueAt,
    startsAt: entity.startsAt,
    channel: entity.channel === true,
    personal: entity.personal === true,
    state: (STATES as readonly string[]).includes(entity.state)
      ? (entity.state as OccurrenceState)
      : 'cancelled',
    claimedBy: entity.claimedBy || undefined,
    claimUntil: entity.claimUntil ?? 0,
    deliveryId: entity.deliveryId || undefined,
    reason: entity.reason || undefined,
    etag: entity.etag,
  };
}
