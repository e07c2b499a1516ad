import { randomUUID } from 'node:crypto';
import type { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { ConflictError, isStatusCode } from '../platform/storage/errors';
import { jsonColumn } from '../platform/storage/json-column';
import { escapeKey, reverseTimeKey, unescapeKey } from '../platform/storage/keys';
import {
  createIfAbsent,
  getEntity,
  odata,
  readAll,
  readPage,
  replaceIfUnchanged,
  type Page,
  type TableStore,
  type Versioned,
} from '../platform/storage/table-store';
import type { TeamsIdentity } from '../shared/participant';
import {
  ACTION_STATUSES,
  CADENCES,
  COMPASS_AREAS,
  DEFAULT_BRANDING,
  PRIORITIES,
  ROADMAP_PHASES,
  historyEntrySchema,
  ownerSchema,
  personRefSchema,
  quarterSchema,
  type ActionStatus,
  type CheckIn,
  type Goal,
  type HistoryEntry,
  type Owner,
  type PerspectiveLevel,
  type PersonRef,
  type Roadmap,
  type RoadmapAction,
  type TargetPicks,
} from './roadmap';

/**
 * The roadmap's tables.
 *
 * `roadmaps`: one partition per roadmap (`<round>~<municipality>`), so a change and the history
 * entry that records it commit in one entity-group transaction, and the whole roadmap is read in
 * one range query (every row below `~`):
 * - `roadmap`: the header (phase, vision, owner, cadence, branding, target setting, baseline source);
 * - `p|<perspective>`: baseline, adjustment, target, priority per perspective of the instrument;
 * - `g|<goal>`, `a|<action>`: goals and their actions;
 * - `k|<tenant>|<object id>`: one leadership-team member's target picks;
 * - `~c|<period>|<action>`: a check-in; `~s|<period>`: what the follow-up sent for a period;
 * - `~h|<reverse time>`: the history of changes, newest first;
 * - `~l|logo`: the logo as PNG, split over binary columns (a column holds at most 64 KiB).
 *
 * `roadmapsummaries`: partition = round, row = municipality: each roadmap's phase, action counts
 * and targets, rewritten after every change, so the network view reads one row per municipality
 * and never the actions themselves.
 */
export const ROADMAPS_TABLE = 'roadmaps';
export const SUMMARIES_TABLE = 'roadmapsummaries';

const HEADER_ROW = 'roadmap';
const PERSPECTIVE_PREFIX = 'p|';
const GOAL_PREFIX = 'g|';
const ACTION_PREFIX = 'a|';
const PICKS_PREFIX = 'k|';
const CHECKIN_PREFIX = '~c|';
const STATE_PREFIX = '~s|';
const HISTORY_PREFIX = '~h|';
const HISTORY_END = '~h}';
const LOGO_ROW = '~l|logo';
/** Every row a roadmap view needs sorts below this. */
const VIEW_END = '~';
const LOGO_CHUNK = 60 * 1024;
const MAX_LOGO_CHUNKS = 12;
/** An entity-group transaction holds at most 100 operations. */
const TRANSACTION_LIMIT = 100;

const localizedSchema = z.object({ fi: z.string(), sv: z.string().optional(), en: z.string().optional() });

const ownerColumn = jsonColumn<Owner | null>('roadmap owner', ownerSchema.nullable(), {
  whenBlank: () => null,
});
const brandingColumn = jsonColumn(
  'roadmap branding',
  z.object({
    primaryColour: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
    secondaryColour: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
    logo: z.object({ altText: z.string(), updatedAt: z.string(), bytes: z.number() }).optional(),
  }),
  { whenBlank: () => DEFAULT_BRANDING },
);
const targetSettingColumn = jsonColumn(
  'roadmap target setting',
  z.object({
    state: z.enum(['notStarted', 'open', 'closed']),
    session: z.int().min(0),
    openedAt: z.string().optional(),
    closedAt: z.string().optional(),
  }),
  { whenBlank: () => ({ state: 'notStarted' as const, session: 0 }) },
);
const baselineSourceSchema = z.object({
  surveyId: z.string().optional(),
  instrumentVersion: z.number().optional(),
  respondents: z.number().optional(),
  closesAt: z.string().optional(),
  fetchedAt: z.string().optional(),
});
const baselineColumn = jsonColumn('roadmap baseline source', baselineSourceSchema, {
  whenBlank: (): z.infer<typeof baselineSourceSchema> => ({}),
});
const labelColumn = jsonColumn('perspective label', localizedSchema);
const adjustmentColumn = jsonColumn(
  'baseline adjustment',
  z.object({ value: z.number(), reason: z.string(), by: personRefSchema, at: z.string() }).nullable(),
  { whenBlank: () => null },
);
const agreedColumn = jsonColumn(
  'target agreement',
  z.object({ by: personRefSchema, at: z.string() }).nullable(),
  { whenBlank: () => null },
);
const quarterColumn = jsonColumn('quarter', quarterSchema);
const checkInNoteColumn = jsonColumn(
  'last check-in',
  z
    .object({
      period: z.string(),
      status: z.enum(ACTION_STATUSES),
      line: z.string(),
      by: personRefSchema,
      at: z.string(),
    })
    .nullable(),
  { whenBlank: () => null },
);
const picksColumn = jsonColumn('target picks', z.record(z.string(), z.number().min(1).max(5)));
const personColumn = jsonColumn('person', personRefSchema);
const historyColumn = jsonColumn('history entry', historyEntrySchema);

interface HeaderEntity {
  roundId: string;
  municipalityId: string;
  phase: string;
  vision: string;
  owner: string;
  ownerTenantId: string;
  ownerObjectId: string;
  cadenceMonths: number;
  targetYear: number;
  branding: string;
  targetSetting: string;
  baseline: string;
  createdAt: string;
  updatedAt: string;
}

interface PerspectiveEntity {
  perspectiveId: string;
  label: string;
  scope: string;
  position: number;
  surveyMean?: number;
  surveyN: number;
  surveySuppressed: boolean;
  adjusted: string;
  adjustedByObjectId: string;
  target?: number;
  targetYear?: number;
  priority?: string;
  agreed: string;
  agreedByObjectId: string;
}

interface GoalEntity {
  title: string;
  description: string;
  perspectiveId?: string;
  strategyGoal: string;
  compassArea?: string;
  position: number;
  createdAt: string;
}

interface ActionEntity {
  goalId: string;
  title: string;
  owner: string;
  ownerTenantId: string;
  ownerObjectId: string;
  start: string;
  end: string;
  status: string;
  indicator: string;
  note: string;
  lastCheckIn: string;
  checkInByObjectId: string;
  createdAt: string;
  updatedAt: string;
}

interface PicksEntity {
  pickerTenantId: string;
  pickerObjectId: string;
  name: string;
  session: number;
  picks: string;
  updatedAt: string;
}

interface CheckInEntity {
  period: string;
  actionId: string;
  status: string;
  previousStatus: string;
  line: string;
  by: string;
  byObjectId: string;
  at: string;
}

interface StateEntity {
  period: string;
  checkInsAt?: string;
  asked?: number;
  external?: number;
  reminderAt?: string;
  summaryAt?: string;
}

interface HistoryEntity {
  at: string;
  actor: string;
  actorObjectId: string;
  entry: string;
}

interface SummaryEntity {
  roadmapId: string;
  phase: string;
  targetSetting: string;
  counts: string;
  openByEndQuarter: string;
  targets: string;
  picks: number;
  goals: number;
  updatedAt: string;
}

/** What the follow-up has sent for one period of one roadmap (each step once, across instances). */
export interface FollowUpState {
  readonly period: string;
  readonly checkInsAt: string | undefined;
  /** Actions whose owners were sent the check-in, and those whose owner is outside Teams. */
  readonly asked: number;
  readonly external: number;
  readonly reminderAt: string | undefined;
  readonly summaryAt: string | undefined;
}

/** The network view's one row per roadmap. */
export interface RoadmapSummary {
  readonly roadmapId: string;
  readonly roundId: string;
  readonly municipalityId: string;
  readonly phase: Roadmap['phase'];
  readonly targetSetting: Roadmap['targetSetting']['state'];
  readonly counts: Readonly<Record<ActionStatus, number>>;
  /** Open (planned or in progress) actions by the index of their last quarter: late once it has passed. */
  readonly openByEndQuarter: Readonly<Record<string, number>>;
  readonly targets: Readonly<
    Record<string, { readonly baseline: number | null; readonly target: number | null }>
  >;
  readonly picks: number;
  readonly goals: number;
  readonly updatedAt: string;
}

const countsColumn = jsonColumn(
  'summary counts',
  z.record(z.enum(ACTION_STATUSES), z.int().min(0)) as z.ZodType<Record<ActionStatus, number>>,
);
const openColumn = jsonColumn('summary open actions', z.record(z.string(), z.int().min(0)));
const targetsColumn = jsonColumn(
  'summary targets',
  z.record(z.string(), z.object({ baseline: z.number().nullable(), target: z.number().nullable() })),
);

/** Everything a roadmap view needs, each row with its ETag. */
export interface RoadmapData {
  readonly roadmap: Versioned<Roadmap>;
  readonly perspectives: readonly Versioned<PerspectiveLevel>[];
  readonly goals: readonly Versioned<Goal>[];
  readonly actions: readonly Versioned<RoadmapAction>[];
  readonly picks: readonly Versioned<TargetPicks>[];
}

export type RoadmapRow =
  | { readonly type: 'roadmap'; readonly value: Roadmap }
  | { readonly type: 'perspective'; readonly value: PerspectiveLevel }
  | { readonly type: 'goal'; readonly value: Goal }
  | { readonly type: 'action'; readonly value: RoadmapAction }
  | { readonly type: 'picks'; readonly value: TargetPicks }
  | { readonly type: 'checkIn'; readonly value: CheckIn }
  | { readonly type: 'followUpState'; readonly value: FollowUpState }
  | { readonly type: 'logo'; readonly value: { readonly png: Buffer } };

/** One write of a transaction; `replace` and `update` carry the ETag that was read. */
export type RoadmapWrite =
  | { readonly op: 'create'; readonly row: RoadmapRow }
  | { readonly op: 'replace'; readonly row: RoadmapRow; readonly etag: string }
  | { readonly op: 'upsert'; readonly row: RoadmapRow };

export interface HistoryRecord {
  readonly actor: PersonRef;
  readonly entry: Omit<HistoryEntry, 'at' | 'actor'>;
}

export class RoadmapRepository {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(ROADMAPS_TABLE);
  }

  private summaryTable(): Promise<TableClient> {
    return this.store.table(SUMMARIES_TABLE);
  }

  /** The whole roadmap in one range query of its partition, or undefined when there is none. */
  async load(roadmapId: string): Promise<RoadmapData | undefined> {
    const client = await this.table();
    const partitionKey = escapeKey(roadmapId);
    const rows = await readAll<Record<string, unknown>, TableEntityResult<Record<string, unknown>>>(
      client,
      odata`PartitionKey eq ${partitionKey} and RowKey lt ${VIEW_END}`,
      (entity) => entity,
    );
    const header = rows.find((row) => row.rowKey === HEADER_ROW);
    if (!header) return undefined;
    const of = (prefix: string) => rows.filter((row) => row.rowKey?.startsWith(prefix));
    return {
      roadmap: { value: toRoadmap(roadmapId, header as unknown as HeaderEntity), etag: header.etag },
      perspectives: of(PERSPECTIVE_PREFIX)
        .map((row) => ({ value: toPerspective(row as unknown as PerspectiveEntity), etag: row.etag }))
        .sort((a, b) => a.value.position - b.value.position),
      goals: of(GOAL_PREFIX)
        .map((row) => ({
          value: toGoal(
            unescapeKey((row.rowKey ?? '').slice(GOAL_PREFIX.length)),
            row as unknown as GoalEntity,
          ),
          etag: row.etag,
        }))
        .sort(
          (a, b) => a.value.position - b.value.position || a.value.createdAt.localeCompare(b.value.createdAt),
        ),
      actions: of(ACTION_PREFIX)
        .map((row) => ({
          value: toAction(
            unescapeKey((row.rowKey ?? '').slice(ACTION_PREFIX.length)),
            row as unknown as ActionEntity,
          ),
          etag: row.etag,
        }))
        .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt)),
      picks: of(PICKS_PREFIX).map((row) => ({
        value: toPicks(row as unknown as PicksEntity),
        etag: row.etag,
      })),
    };
  }

  async header(roadmapId: string): Promise<Versioned<Roadmap> | undefined> {
    const client = await this.table();
    const entity = await getEntity<HeaderEntity>(client, escapeKey(roadmapId), HEADER_ROW);
    return entity ? { value: toRoadmap(roadmapId, entity), etag: entity.etag } : undefined;
  }

  async action(roadmapId: string, actionId: string): Promise<Versioned<RoadmapAction> | undefined> {
    const client = await this.table();
    const entity = await getEntity<ActionEntity>(
      client,
      escapeKey(roadmapId),
      ACTION_PREFIX + escapeKey(actionId),
    );
    return entity ? { value: toAction(actionId, entity), etag: entity.etag } : undefined;
  }

  async picksOf(roadmapId: string, identity: TeamsIdentity): Promise<Versioned<TargetPicks> | undefined> {
    const client = await this.table();
    const entity = await getEntity<PicksEntity>(client, escapeKey(roadmapId), picksKey(identity));
    return entity ? { value: toPicks(entity), etag: entity.etag } : undefined;
  }

  /**
   * Writes rows and history entries of one roadmap in one entity-group transaction: all or nothing.
   * A stale ETag, a row that is gone or one created meanwhile is a {@link ConflictError}.
   * Returns the new ETag of each written row by its row key.
   */
  async commit(
    roadmapId: string,
    writes: readonly RoadmapWrite[],
    history: readonly HistoryRecord[] = [],
    at: Date = new Date(),
  ): Promise<Map<string, string>> {
    const client = await this.table();
    const partitionKey = escapeKey(roadmapId);
    const actions: TransactionAction[] = writes.map((write) => {
      const entity = entityOf(partitionKey, write.row);
      switch (write.op) {
        case 'create':
          return ['create', entity];
        case 'upsert':
          return ['upsert', entity, 'Replace'];
        case 'replace':
          return ['update', entity, 'Replace', { etag: write.etag }];
      }
    });
    history.forEach((record, index) =>
      actions.push(['create', historyEntity(partitionKey, record, at, index)]),
    );
    if (actions.length === 0) return new Map();
    if (actions.length > TRANSACTION_LIMIT)
      throw new RangeError('A roadmap change may write at most 100 rows at once');
    try {
      const response = await client.submitTransaction(actions);
      const etags = new Map<string, string>();
      for (const write of writes) {
        const rowKey = rowKeyOf(write.row);
        const etag = response.getResponseForEntity(rowKey)?.etag;
        if (etag) etags.set(rowKey, etag);
      }
      return etags;
    } catch (error) {
      if (isStatusCode(error, 412) || isStatusCode(error, 409) || isStatusCode(error, 404)) {
        throw new ConflictError(
          client.tableName,
          partitionKey,
          writes[0] ? rowKeyOf(writes[0].row) : HEADER_ROW,
        );
      }
      throw error;
    }
  }

  /** Deletes a goal or an action only if unchanged since `etag`; false when it is already gone. */
  async deleteRow(
    roadmapId: string,
    row: { type: 'goal' | 'action'; id: string },
    etag: string,
  ): Promise<boolean> {
    const client = await this.table();
    const rowKey = (row.type === 'goal' ? GOAL_PREFIX : ACTION_PREFIX) + escapeKey(row.id);
    try {
      await client.deleteEntity(escapeKey(roadmapId), rowKey, { etag });
      return true;
    } catch (error) {
      if (isStatusCode(error, 404)) return false;
      if (isStatusCode(error, 412)) throw new ConflictError(client.tableName, escapeKey(roadmapId), rowKey);
      throw error;
    }
  }

  async deletePicks(roadmapId: string, identity: TeamsIdentity): Promise<void> {
    const client = await this.table();
    try {
      await client.deleteEntity(escapeKey(roadmapId), picksKey(identity));
    } catch (error) {
      if (!isStatusCode(error, 404)) throw error;
    }
  }

  async addHistory(roadmapId: string, records: readonly HistoryRecord[], at: Date): Promise<void> {
    await this.commit(roadmapId, [], records, at);
  }

  /** The history of changes, newest first, page by page. */
  async history(
    roadmapId: string,
    pageSize: number,
    continuationToken?: string,
  ): Promise<Page<HistoryEntry>> {
    const client = await this.table();
    const partitionKey = escapeKey(roadmapId);
    return readPage<HistoryEntity, HistoryEntry>(
      client,
      {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${HISTORY_PREFIX} and RowKey lt ${HISTORY_END}`,
        pageSize,
        continuationToken,
      },
      toHistory,
    );
  }

  async checkIns(roadmapId: string, period: string): Promise<CheckIn[]> {
    const client = await this.table();
    const partitionKey = escapeKey(roadmapId);
    const from = `${CHECKIN_PREFIX}${period}|`;
    const to = `${CHECKIN_PREFIX}${period}}`;
    return readAll<CheckInEntity, CheckIn>(
      client,
      odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`,
      toCheckIn,
    );
  }

  async followUpState(roadmapId: string, period: string): Promise<Versioned<FollowUpState> | undefined> {
    const client = await this.table();
    const entity = await getEntity<StateEntity>(client, escapeKey(roadmapId), STATE_PREFIX + period);
    return entity
      ? {
          value: {
            period,
            checkInsAt: entity.checkInsAt,
            asked: entity.asked ?? 0,
            external: entity.external ?? 0,
            reminderAt: entity.reminderAt,
            summaryAt: entity.summaryAt,
          },
          etag: entity.etag,
        }
      : undefined;
  }

  async logo(roadmapId: string): Promise<Buffer | undefined> {
    const client = await this.table();
    const entity = await getEntity<Record<string, unknown>>(client, escapeKey(roadmapId), LOGO_ROW);
    if (!entity) return undefined;
    const chunks: Buffer[] = [];
    for (let index = 0; index < MAX_LOGO_CHUNKS; index += 1) {
      const chunk = entity[`d${index}`];
      if (!(chunk instanceof Uint8Array)) break;
      chunks.push(Buffer.from(chunk));
    }
    return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  }

  async deleteLogo(roadmapId: string): Promise<void> {
    const client = await this.table();
    try {
      await client.deleteEntity(escapeKey(roadmapId), LOGO_ROW);
    } catch (error) {
      if (!isStatusCode(error, 404)) throw error;
    }
  }

  // Summaries

  async summaries(roundId: string): Promise<RoadmapSummary[]> {
    const client = await this.summaryTable();
    return readAll<SummaryEntity, RoadmapSummary>(
      client,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      (entity) => toSummary(entity),
    );
  }

  /** Every summary of every round: the list of roadmaps, for the reconcile pass and retention. */
  async allSummaries(): Promise<RoadmapSummary[]> {
    const client = await this.summaryTable();
    return readAll<SummaryEntity, RoadmapSummary>(client, undefined, (entity) => toSummary(entity));
  }

  async summary(roundId: string, municipalityId: string): Promise<Versioned<RoadmapSummary> | undefined> {
    const client = await this.summaryTable();
    const entity = await getEntity<SummaryEntity>(client, escapeKey(roundId), escapeKey(municipalityId));
    return entity ? { value: toSummary(entity), etag: entity.etag } : undefined;
  }

  /** Writes the summary conditionally: created if `etag` is undefined, else replaced only if unchanged. */
  async writeSummary(summary: RoadmapSummary, etag: string | undefined): Promise<void> {
    const client = await this.summaryTable();
    const entity: TableEntity<SummaryEntity> = {
      partitionKey: escapeKey(summary.roundId),
      rowKey: escapeKey(summary.municipalityId),
      roadmapId: summary.roadmapId,
      phase: summary.phase,
      targetSetting: summary.targetSetting,
      counts: countsColumn.write({ ...summary.counts }),
      openByEndQuarter: openColumn.write({ ...summary.openByEndQuarter }),
      targets: targetsColumn.write({ ...summary.targets }),
      picks: summary.picks,
      goals: summary.goals,
      updatedAt: summary.updatedAt,
    };
    if (etag === undefined) {
      if (!(await createIfAbsent(client, entity)))
        throw new ConflictError(client.tableName, entity.partitionKey, entity.rowKey);
      return;
    }
    await replaceIfUnchanged(client, entity, etag);
  }

  async deleteSummary(roundId: string, municipalityId: string): Promise<void> {
    const client = await this.summaryTable();
    try {
      await client.deleteEntity(escapeKey(roundId), escapeKey(municipalityId));
    } catch (error) {
      if (!isStatusCode(error, 404)) throw error;
    }
  }

  // Data rights

  /**
   * Every row of every roadmap that names or points to the person: owners, pickers, whoever
   * adjusted a baseline, agreed a target, checked in or changed something. A filtered scan of the
   * table: data-rights requests are rare and need no index of their own.
   */
  async rowsReferring(
    identity: TeamsIdentity,
  ): Promise<{ roadmapId: string; rowKey: string; entity: Record<string, unknown>; etag: string }[]> {
    const client = await this.table();
    const id = identity.aadObjectId;
    const filter = odata`ownerObjectId eq ${id} or adjustedByObjectId eq ${id} or agreedByObjectId eq ${id} or pickerObjectId eq ${id} or checkInByObjectId eq ${id} or byObjectId eq ${id} or actorObjectId eq ${id}`;
    return readAll<
      Record<string, unknown>,
      { roadmapId: string; rowKey: string; entity: Record<string, unknown>; etag: string }
    >(client, filter, (entity) => ({
      roadmapId: unescapeKey(entity.partitionKey ?? ''),
      rowKey: entity.rowKey ?? '',
      entity,
      etag: entity.etag,
    }));
  }

  /** Replaces a row's person columns (erasure); conditional on the ETag read with it. */
  async mergeRow(
    roadmapId: string,
    rowKey: string,
    columns: Record<string, string>,
    etag: string,
  ): Promise<void> {
    const client = await this.table();
    try {
      await client.updateEntity({ partitionKey: escapeKey(roadmapId), rowKey, ...columns }, 'Merge', {
        etag,
      });
    } catch (error) {
      if (isStatusCode(error, 412)) throw new ConflictError(client.tableName, escapeKey(roadmapId), rowKey);
      if (!isStatusCode(error, 404)) throw error;
    }
  }

  async deleteAnyRow(roadmapId: string, rowKey: string): Promise<void> {
    const client = await this.table();
    try {
      await client.deleteEntity(escapeKey(roadmapId), rowKey);
    } catch (error) {
      if (!isStatusCode(error, 404)) throw error;
    }
  }

  /** Deletes every row of a roadmap, a hundred to a transaction. */
  async deleteRoadmap(roadmapId: string): Promise<void> {
    const client = await this.table();
    const partitionKey = escapeKey(roadmapId);
    const keys = await readAll<object, string>(
      client,
      odata`PartitionKey eq ${partitionKey}`,
      (entity) => (entity as { rowKey?: string }).rowKey ?? '',
      ['RowKey'],
    );
    for (let index = 0; index < keys.length; index += TRANSACTION_LIMIT) {
      const batch: TransactionAction[] = keys
        .slice(index, index + TRANSACTION_LIMIT)
        .map((rowKey) => ['delete', { partitionKey, rowKey }]);
      await client.submitTransaction(batch);
    }
  }
}

// ---- Row keys and entities -----------------------------------------------------------------------

export function picksKey(identity: TeamsIdentity): string {
  return `${PICKS_PREFIX}${escapeKey(identity.tenantId)}|${escapeKey(identity.aadObjectId)}`;
}

export function rowKeyOf(row: RoadmapRow): string {
  switch (row.type) {
    case 'roadmap':
      return HEADER_ROW;
    case 'perspective':
      return PERSPECTIVE_PREFIX + escapeKey(row.value.perspectiveId);
    case 'goal':
      return GOAL_PREFIX + escapeKey(row.value.id);
    case 'action':
      return ACTION_PREFIX + escapeKey(row.value.id);
    case 'picks':
      return picksKey(row.value);
    case 'checkIn':
      return `${CHECKIN_PREFIX}${row.value.period}|${escapeKey(row.value.actionId)}`;
    case 'followUpState':
      return STATE_PREFIX + row.value.period;
    case 'logo':
      return LOGO_ROW;
  }
}

/** The object id columns that data-rights queries filter on ('' when nobody). */
function objectIdOf(ref: PersonRef | Owner | undefined): { tenantId: string; objectId: string } {
  if (ref && (ref.kind === 'person' || ref.kind === 'participant')) {
    return { tenantId: ref.tenantId, objectId: ref.aadObjectId };
  }
  return { tenantId: '', objectId: '' };
}

function entityOf(partitionKey: string, row: RoadmapRow): TableEntity<Record<string, unknown>> {
  const keys = { partitionKey, rowKey: rowKeyOf(row) };
  switch (row.type) {
    case 'roadmap': {
      const r = row.value;
      const owner = objectIdOf(r.owner);
      const entity: HeaderEntity = {
        roundId: r.roundId,
        municipalityId: r.municipalityId,
        phase: r.phase,
        vision: r.vision,
        owner: ownerColumn.write(r.owner ?? null),
        ownerTenantId: owner.tenantId,
        ownerObjectId: owner.objectId,
        cadenceMonths: r.cadenceMonths,
        targetYear: r.targetYear,
        branding: brandingColumn.write({
          primaryColour: r.branding.primaryColour,
          secondaryColour: r.branding.secondaryColour,
          ...(r.branding.logo ? { logo: r.branding.logo } : {}),
        }),
        targetSetting: targetSettingColumn.write(withoutUndefined(r.targetSetting)),
        baseline: baselineColumn.write(withoutUndefined(r.baseline)),
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      };
      return { ...keys, ...entity };
    }
    case 'perspective': {
      const p = row.value;
      const entity: PerspectiveEntity = {
        perspectiveId: p.perspectiveId,
        label: labelColumn.write(p.label),
        scope: p.scope,
        position: p.position,
        ...(p.surveyMean !== undefined ? { surveyMean: p.surveyMean } : {}),
        surveyN: p.surveyN,
        surveySuppressed: p.surveySuppressed,
        adjusted: adjustmentColumn.write(p.adjusted ?? null),
        adjustedByObjectId: objectIdOf(p.adjusted?.by).objectId,
        ...(p.target !== undefined ? { target: p.target } : {}),
        ...(p.targetYear !== undefined ? { targetYear: p.targetYear } : {}),
        ...(p.priority !== undefined ? { priority: p.priority } : {}),
        agreed: agreedColumn.write(p.agreed ?? null),
        agreedByObjectId: objectIdOf(p.agreed?.by).objectId,
      };
      return { ...keys, ...entity };
    }
    case 'goal': {
      const g = row.value;
      const entity: GoalEntity = {
        title: g.title,
        description: g.description,
        ...(g.perspectiveId ? { perspectiveId: g.perspectiveId } : {}),
        strategyGoal: g.strategyGoal,
        ...(g.compassArea ? { compassArea: g.compassArea } : {}),
        position: g.position,
        createdAt: g.createdAt,
      };
      return { ...keys, ...entity };
    }
    case 'action': {
      const a = row.value;
      const owner = objectIdOf(a.owner);
      const entity: ActionEntity = {
        goalId: a.goalId,
        title: a.title,
        owner: ownerColumn.write(a.owner ?? null),
        ownerTenantId: owner.tenantId,
        ownerObjectId: owner.objectId,
        start: quarterColumn.write(a.start),
        end: quarterColumn.write(a.end),
        status: a.status,
        indicator: a.indicator,
        note: a.note,
        lastCheckIn: checkInNoteColumn.write(a.lastCheckIn ?? null),
        checkInByObjectId: objectIdOf(a.lastCheckIn?.by).objectId,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      };
      return { ...keys, ...entity };
    }
    case 'picks': {
      const k = row.value;
      const entity: PicksEntity = {
        pickerTenantId: k.tenantId,
        pickerObjectId: k.aadObjectId,
        name: k.name,
        session: k.session,
        picks: picksColumn.write({ ...k.picks }),
        updatedAt: k.updatedAt,
      };
      return { ...keys, ...entity };
    }
    case 'checkIn': {
      const c = row.value;
      const entity: CheckInEntity = {
        period: c.period,
        actionId: c.actionId,
        status: c.status,
        previousStatus: c.previousStatus,
        line: c.line,
        by: personColumn.write(c.by),
        byObjectId: objectIdOf(c.by).objectId,
        at: c.at,
      };
      return { ...keys, ...entity };
    }
    case 'followUpState': {
      const s = row.value;
      const entity: StateEntity = {
        period: s.period,
        ...(s.checkInsAt ? { checkInsAt: s.checkInsAt } : {}),
        asked: s.asked,
        external: s.external,
        ...(s.reminderAt ? { reminderAt: s.reminderAt } : {}),
        ...(s.summaryAt ? { summaryAt: s.summaryAt } : {}),
      };
      return { ...keys, ...entity };
    }
    case 'logo': {
      const { png } = row.value;
      if (png.length > LOGO_CHUNK * MAX_LOGO_CHUNKS) throw new RangeError('The logo is too large to store');
      const chunks: Record<string, Uint8Array> = {};
      for (let index = 0; index * LOGO_CHUNK < png.length; index += 1) {
        chunks[`d${index}`] = new Uint8Array(png.subarray(index * LOGO_CHUNK, (index + 1) * LOGO_CHUNK));
      }
      return { ...keys, ...chunks };
    }
  }
}

function historyEntity(
  partitionKey: string,
  record: HistoryRecord,
  at: Date,
  index: number,
): TableEntity<Record<string, unknown>> {
  const entity: HistoryEntity = {
    at: at.toISOString(),
    actor: personColumn.write(record.actor),
    actorObjectId: objectIdOf(record.actor).objectId,
    entry: historyColumn.write({
      kind: record.entry.kind,
      subject: record.entry.subject,
      fields: [...record.entry.fields],
      ...(record.entry.from !== undefined ? { from: record.entry.from } : {}),
      ...(record.entry.to !== undefined ? { to: record.entry.to } : {}),
    }),
  };
  // The index keeps entries of one transaction apart and in order; the uuid keeps instances apart.
  const rowKey = HISTORY_PREFIX + reverseTimeKey(at, `${String(99 - index).padStart(2, '0')}${randomUUID()}`);
  return { partitionKey, rowKey, ...entity };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

function toRoadmap(id: string, e: HeaderEntity): Roadmap {
  const branding = brandingColumn.read(e.branding);
  const targetSetting = targetSettingColumn.read(e.targetSetting);
  const baseline = baselineColumn.read(e.baseline);
  return {
    id,
    roundId: e.roundId,
    municipalityId: e.municipalityId,
    phase: oneOf(ROADMAP_PHASES, e.phase, 'preparation'),
    vision: e.vision ?? '',
    owner: ownerColumn.read(e.owner) ?? undefined,
    cadenceMonths: (CADENCES as readonly number[]).includes(e.cadenceMonths)
      ? (e.cadenceMonths as Roadmap['cadenceMonths'])
      : 3,
    targetYear: e.targetYear,
    branding: {
      primaryColour: branding.primaryColour,
      secondaryColour: branding.secondaryColour,
      logo: branding.logo,
    },
    targetSetting: {
      state: targetSetting.state,
      session: targetSetting.session,
      openedAt: targetSetting.openedAt,
      closedAt: targetSetting.closedAt,
    },
    baseline: {
      surveyId: baseline.surveyId,
      instrumentVersion: baseline.instrumentVersion,
      respondents: baseline.respondents,
      closesAt: baseline.closesAt,
      fetchedAt: baseline.fetchedAt,
    },
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

function toPerspective(e: PerspectiveEntity): PerspectiveLevel {
  const adjusted = adjustmentColumn.read(e.adjusted);
  const agreed = agreedColumn.read(e.agreed);
  return {
    perspectiveId: e.perspectiveId,
    label: labelColumn.read(e.label),
    scope: e.scope === 'personal' ? 'personal' : 'municipality',
    position: e.position,
    surveyMean: typeof e.surveyMean === 'number' ? e.surveyMean : undefined,
    surveyN: e.surveyN ?? 0,
    surveySuppressed: e.surveySuppressed === true,
    adjusted: adjusted ?? undefined,
    target: typeof e.target === 'number' ? e.target : undefined,
    targetYear: typeof e.targetYear === 'number' ? e.targetYear : undefined,
    priority: e.priority ? oneOf(PRIORITIES, e.priority, 'medium') : undefined,
    agreed: agreed ?? undefined,
  };
}

function toGoal(id: string, e: GoalEntity): Goal {
  return {
    id,
    title: e.title,
    description: e.description ?? '',
    perspectiveId: e.perspectiveId || undefined,
    strategyGoal: e.strategyGoal ?? '',
    compassArea: e.compassArea ? oneOf(COMPASS_AREAS, e.compassArea, 'publicServices') : undefined,
    position: e.position ?? 0,
    createdAt: e.createdAt,
  };
}

function toAction(id: string, e: ActionEntity): RoadmapAction {
  return {
    id,
    goalId: e.goalId,
    title: e.title,
    owner: ownerColumn.read(e.owner) ?? undefined,
    start: quarterColumn.read(e.start),
    end: quarterColumn.read(e.end),
    status: oneOf(ACTION_STATUSES, e.status, 'planned'),
    indicator: e.indicator ?? '',
    note: e.note ?? '',
    lastCheckIn: checkInNoteColumn.read(e.lastCheckIn) ?? undefined,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

function toPicks(e: PicksEntity): TargetPicks {
  return {
    tenantId: e.pickerTenantId,
    aadObjectId: e.pickerObjectId,
    name: e.name,
    session: e.session,
    picks: picksColumn.read(e.picks),
    updatedAt: e.updatedAt,
  };
}

function toCheckIn(e: CheckInEntity): CheckIn {
  return {
    period: e.period,
    actionId: e.actionId,
    status: oneOf(ACTION_STATUSES, e.status, 'planned'),
    previousStatus: oneOf(ACTION_STATUSES, e.previousStatus, 'planned'),
    line: e.line ?? '',
    by: personColumn.read(e.by),
    at: e.at,
  };
}

function toHistory(e: HistoryEntity): HistoryEntry {
  const entry = historyColumn.read(e.entry);
  return {
    at: e.at,
    actor: personColumn.read(e.actor),
    kind: entry.kind,
    subject: entry.subject,
    fields: entry.fields,
    from: entry.from,
    to: entry.to,
  };
}

function toSummary(e: SummaryEntity & { partitionKey?: string; rowKey?: string }): RoadmapSummary {
  const counts = countsColumn.read(e.counts);
  return {
    roadmapId: e.roadmapId,
    roundId: unescapeKey(e.partitionKey ?? ''),
    municipalityId: unescapeKey(e.rowKey ?? ''),
    phase: oneOf(ROADMAP_PHASES, e.phase, 'preparation'),
    targetSetting: oneOf(['notStarted', 'open', 'closed'] as const, e.targetSetting, 'notStarted'),
    counts: Object.fromEntries(ACTION_STATUSES.map((status) => [status, counts[status] ?? 0])) as Record<
      ActionStatus,
      number
    >,
    openByEndQuarter: openColumn.read(e.openByEndQuarter),
    targets: targetsColumn.read(e.targets),
    picks: e.picks ?? 0,
    goals: e.goals ?? 0,
    updatedAt: e.updatedAt,
  };
}

/** The column values that erase a person from a row of the `roadmaps` table. */
export const ERASED_COLUMNS = {
  owner: ownerColumn.write({ kind: 'erased' }),
  person: personColumn.write({ kind: 'erased' }),
} as const;

export function readPersonColumn(text: unknown): PersonRef {
  return personColumn.read(text);
}

export { adjustmentColumn, agreedColumn, checkInNoteColumn, ownerColumn };
