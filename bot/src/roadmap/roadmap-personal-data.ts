import type { PersonalDataProvider } from '../platform/feature';
import type { Logger } from '../platform/observability/logger';
import { ConflictError } from '../platform/storage/errors';
import type { TeamsIdentity } from '../shared/participant';
import { refersTo } from './roadmap';
import {
  ERASED_COLUMNS,
  adjustmentColumn,
  agreedColumn,
  checkInNoteColumn,
  ownerColumn,
  readPersonColumn,
  type RoadmapRepository,
} from './roadmap-repository';
import type { RoadmapService } from './roadmap-service';

const ERASURE_PASSES = 3;

/**
 * What the roadmap keeps about people, for their data rights. Owners of actions and of the
 * roadmap, the leaders' target picks, check-ins, who adjusted a baseline or agreed a target, and
 * who changed what in the history all name a person. Erasure keeps the municipality's roadmap
 * whole: an erased owner's actions stay and their owner reads "poistettu henkilö / raderad person
 * / erased person"; the check-in lines stay with the action, without their author; the person's
 * own target picks are deleted. Named owners outside Teams have no identity to ask by: they go
 * with the round when its retention ends, like everything else of the round's roadmaps.
 */
export function roadmapPersonalData(
  repository: RoadmapRepository,
  service: RoadmapService,
  logger: Logger,
): PersonalDataProvider {
  return {
    async export(identity) {
      const rows = (await repository.rowsReferring(identity)).filter((row) =>
        sameTenant(row.entity, identity),
      );
      const roadmapOwner: string[] = [];
      const actionsOwned: Record<string, unknown>[] = [];
      const targetPicks: Record<string, unknown>[] = [];
      const checkIns: Record<string, unknown>[] = [];
      const baselineAdjustments: Record<string, unknown>[] = [];
      const agreedTargets: Record<string, unknown>[] = [];
      const changes: Record<string, unknown>[] = [];
      for (const { roadmapId, rowKey, entity } of rows) {
        const text = (column: string): string => (typeof entity[column] === 'string' ? entity[column] : '');
        if (rowKey === 'roadmap' && refersTo(ownerColumn.read(entity.owner) ?? undefined, identity)) {
          roadmapOwner.push(roadmapId);
        } else if (rowKey.startsWith('a|')) {
          if (refersTo(ownerColumn.read(entity.owner) ?? undefined, identity)) {
            actionsOwned.push({ roadmapId, title: text('title'), status: text('status') });
          }
          const note = checkInNoteColumn.read(entity.lastCheckIn);
          if (note && refersTo(note.by, identity)) {
            checkIns.push({
              roadmapId,
              action: text('title'),
              period: note.period,
              status: note.status,
              line: note.line,
            });
          }
        } else if (rowKey.startsWith('k|')) {
          targetPicks.push({
            roadmapId,
            picks: JSON.parse(text('picks') || '{}') as unknown,
            at: text('updatedAt'),
          });
        } else if (rowKey.startsWith('p|')) {
          const adjusted = adjustmentColumn.read(entity.adjusted);
          if (adjusted && refersTo(adjusted.by, identity)) {
            baselineAdjustments.push({
              roadmapId,
              perspectiveId: text('perspectiveId'),
              value: adjusted.value,
              reason: adjusted.reason,
              at: adjusted.at,
            });
          }
          const agreed = agreedColumn.read(entity.agreed);
          if (agreed && refersTo(agreed.by, identity)) {
            agreedTargets.push({
              roadmapId,
              perspectiveId: text('perspectiveId'),
              target: entity.target,
              at: agreed.at,
            });
          }
        } else if (rowKey.startsWith('~c|')) {
          checkIns.push({
            roadmapId,
            actionId: text('actionId'),
            period: text('period'),
            status: text('status'),
            line: text('line'),
            at: text('at'),
          });
        } else if (rowKey.startsWith('~h|')) {
          changes.push({ roadmapId, at: text('at'), change: JSON.parse(text('entry') || '{}') as unknown });
        }
      }
      return {
        roadmapOwnerOf: roadmapOwner,
        roadmapActionsOwned: actionsOwned,
        roadmapTargetPicks: targetPicks,
        roadmapCheckIns: withoutRepeats(checkIns),
        roadmapBaselineAdjustments: baselineAdjustments,
        roadmapAgreedTargets: agreedTargets,
        roadmapChanges: changes,
      };
    },

    async erase(identity) {
      const touched = new Set<string>();
      for (let pass = 1; pass <= ERASURE_PASSES; pass += 1) {
        const rows = (await repository.rowsReferring(identity)).filter((row) =>
          sameTenant(row.entity, identity),
        );
        if (rows.length === 0) break;
        let conflicts = 0;
        for (const row of rows) {
          touched.add(row.roadmapId);
          try {
            await eraseRow(repository, identity, row);
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            conflicts += 1;
          }
        }
        if (conflicts === 0) break;
        logger.info('roadmap erasure met concurrent changes; reading again', { conflicts, pass });
      }
      for (const roadmapId of touched) await service.refreshSummary(roadmapId);
    },

    async purgeRounds(roundIds) {
      const rounds = new Set(roundIds);
      for (const summary of await repository.allSummaries()) {
        if (!rounds.has(summary.roundId)) continue;
        await repository.deleteRoadmap(summary.roadmapId);
        await repository.deleteSummary(summary.roundId, summary.municipalityId);
      }
    },
  };
}

/**
 * An action keeps its last check-in beside the check-in's own row: the person's answer is listed
 * once, from its own row (which has the time), unless only the action's copy is left.
 */
function withoutRepeats(checkIns: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const own = new Set(
    checkIns
      .filter((c) => 'actionId' in c)
      .map((c) => JSON.stringify([c.roadmapId, c.period, c.status, c.line])),
  );
  return checkIns.filter(
    (c) => 'actionId' in c || !own.has(JSON.stringify([c.roadmapId, c.period, c.status, c.line])),
  );
}

/** Rows name the person by object id; the tenant is checked wherever the row records it. */
function sameTenant(entity: Record<string, unknown>, identity: TeamsIdentity): boolean {
  for (const column of ['ownerTenantId', 'pickerTenantId']) {
    const value = entity[column];
    if (
      typeof value === 'string' &&
      value !== '' &&
      entity[column.replace('Tenant', 'Object')] === identity.aadObjectId
    ) {
      return value === identity.tenantId;
    }
  }
  return true;
}

async function eraseRow(
  repository: RoadmapRepository,
  identity: TeamsIdentity,
  row: { roadmapId: string; rowKey: string; entity: Record<string, unknown>; etag: string },
): Promise<void> {
  const { roadmapId, rowKey, entity, etag } = row;
  const columns: Record<string, string> = {};
  if (rowKey.startsWith('k|')) {
    await repository.deleteAnyRow(roadmapId, rowKey);
    return;
  }
  if (
    entity.ownerObjectId === identity.aadObjectId &&
    refersTo(ownerColumn.read(entity.owner) ?? undefined, identity)
  ) {
    columns.owner = ERASED_COLUMNS.owner;
    columns.ownerTenantId = '';
    columns.ownerObjectId = '';
  }
  if (entity.checkInByObjectId === identity.aadObjectId) {
    const note = checkInNoteColumn.read(entity.lastCheckIn);
    if (note && refersTo(note.by, identity)) {
      columns.lastCheckIn = checkInNoteColumn.write({ ...note, by: { kind: 'erased' } });
    }
    columns.checkInByObjectId = '';
  }
  if (entity.adjustedByObjectId === identity.aadObjectId) {
    const adjusted = adjustmentColumn.read(entity.adjusted);
    if (adjusted) columns.adjusted = adjustmentColumn.write({ ...adjusted, by: { kind: 'erased' } });
    columns.adjustedByObjectId = '';
  }
  if (entity.agreedByObjectId === identity.aadObjectId) {
    const agreed = agreedColumn.read(entity.agreed);
    if (agreed) columns.agreed = agreedColumn.write({ ...agreed, by: { kind: 'erased' } });
    columns.agreedByObjectId = '';
  }
  if (entity.byObjectId === identity.aadObjectId && refersTo(readPersonColumn(entity.by), identity)) {
    columns.by = ERASED_COLUMNS.person;
    columns.byObjectId = '';
  }
  if (entity.actorObjectId === identity.aadObjectId && refersTo(readPersonColumn(entity.actor), identity)) {
    columns.actor = ERASED_COLUMNS.person;
    columns.actorObjectId = '';
  }
  if (Object.keys(columns).length > 0) await repository.mergeRow(roadmapId, rowKey, columns, etag);
}
