import { randomBytes } from 'node:crypto';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/observability/logger';
import { ConflictError } from '../platform/storage/errors';
import type { Versioned } from '../platform/storage/table-store';
import type { Participant, TeamsIdentity } from '../shared/participant';
import { SEEDED_PERSPECTIVES, type MunicipalityBaseline, type SurveyBaselines } from '../survey';
import {
  ACTION_STATUSES,
  DEFAULT_BRANDING,
  DEFAULT_CADENCE,
  LIMITS,
  PICK_VALUES,
  ROADMAP_PHASES,
  effectiveBaseline,
  isSamePerson,
  personRef,
  quarterIndex,
  quarterOf,
  roadmapIdOf,
  roundToTenth,
  type ActionStatus,
  type CadenceMonths,
  type CheckIn,
  type CompassArea,
  type Goal,
  type Owner,
  type PerspectiveLevel,
  type PersonRef,
  type Priority,
  type Quarter,
  type Roadmap,
  type RoadmapAction,
  type RoadmapPhase,
  type TargetPicks,
} from './roadmap';
import type {
  HistoryRecord,
  RoadmapData,
  RoadmapRepository,
  RoadmapSummary,
  RoadmapWrite,
} from './roadmap-repository';

/** A refusal by the roadmap's rules; the routes turn each into a status and a sentence. */
export class RoadmapRuleError extends Error {
  constructor(
    readonly rule:
      | 'exists'
      | 'unknownPerspective'
      | 'unknownGoal'
      | 'goalHasActions'
      | 'endsBeforeStart'
      | 'tooLong'
      | 'tooMany'
      | 'ownerNotInMunicipality'
      | 'targetSettingNotOpen',
  ) {
    super(`Roadmap rule: ${rule}`);
    this.name = 'RoadmapRuleError';
  }
}

export class RoadmapNotFoundError extends Error {
  constructor(readonly what: 'roadmap' | 'goal' | 'action' | 'perspective') {
    super(`No such ${what}`);
    this.name = 'RoadmapNotFoundError';
  }
}

/** Who acts: their identity and the name recorded in the history. */
export interface Actor extends TeamsIdentity {
  readonly name: string;
}

export interface RoadmapPeople {
  participant(identity: TeamsIdentity): Promise<Participant | undefined>;
  /** Active participants of a municipality. */
  ofMunicipality(municipalityId: string): Promise<Participant[]>;
}

export type OwnerInput =
  | { readonly kind: 'participant'; readonly tenantId: string; readonly aadObjectId: string }
  | { readonly kind: 'external'; readonly name: string; readonly title?: string | undefined }
  | null;

export interface HeaderChange {
  readonly phase?: RoadmapPhase;
  readonly vision?: string;
  readonly owner?: OwnerInput;
  readonly cadenceMonths?: CadenceMonths;
  readonly targetYear?: number;
}

export interface GoalInput {
  readonly title: string;
  readonly description: string;
  readonly perspectiveId: string | null;
  readonly strategyGoal: string;
  readonly compassArea: CompassArea | null;
}

export interface ActionInput {
  readonly goalId: string;
  readonly title: string;
  readonly owner: OwnerInput;
  readonly start: Quarter;
  readonly end: Quarter;
  readonly status: ActionStatus;
  readonly indicator: string;
  readonly note: string;
}

export type PicksOutcome =
  | { readonly kind: 'saved'; readonly picks: TargetPicks }
  | { readonly kind: 'closed' }
  | { readonly kind: 'notLeader' }
  | { readonly kind: 'invalid'; readonly perspectiveIds: readonly string[] };

export type CheckInOutcome =
  | { readonly kind: 'saved'; readonly action: RoadmapAction; readonly checkIn: CheckIn }
  | { readonly kind: 'notOwner' }
  | { readonly kind: 'unknown' };

const CONFLICT_RETRIES = 4;

/**
 * The roadmap's operations. Every change is one entity-group transaction of the roadmap's
 * partition, conditional on the ETags it was based on, with its history entry in the same
 * transaction; the network summary row is rewritten afterwards.
 */
export class RoadmapService {
  constructor(
    private readonly repository: RoadmapRepository,
    private readonly baselines: SurveyBaselines,
    private readonly people: RoadmapPeople,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  load(roadmapId: string): Promise<RoadmapData | undefined> {
    return this.repository.load(roadmapId);
  }

  async loadOrThrow(roadmapId: string): Promise<RoadmapData> {
    const data = await this.repository.load(roadmapId);
    if (!data) throw new RoadmapNotFoundError('roadmap');
    return data;
  }

  /** Creates the municipality's roadmap for the round, its perspectives from the survey's baseline. */
  async create(
    roundId: string,
    municipalityId: string,
    actor: Actor,
    targetYear?: number,
  ): Promise<RoadmapData> {
    const id = roadmapIdOf(roundId, municipalityId);
    const now = this.clock();
    const baseline = await this.baselines.baselineFor(roundId, municipalityId);
    const roadmap: Roadmap = {
      id,
      roundId,
      municipalityId,
      phase: baseline ? 'survey' : 'preparation',
      vision: '',
      owner: undefined,
      cadenceMonths: DEFAULT_CADENCE,
      targetYear: targetYear ?? quarterOf(now).year + 2,
      branding: DEFAULT_BRANDING,
      targetSetting: { state: 'notStarted', session: 0, openedAt: undefined, closedAt: undefined },
      baseline: sourceOf(baseline, now),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const writes: RoadmapWrite[] = [
      { op: 'create', row: { type: 'roadmap', value: roadmap } },
      ...perspectivesFrom(baseline).map((value): RoadmapWrite => ({
        op: 'create',
        row: { type: 'perspective', value },
      })),
    ];
    try {
      await this.repository.commit(id, writes, [record(actor, 'created', '')], now);
    } catch (error) {
      if (error instanceof ConflictError) throw new RoadmapRuleError('exists');
      throw error;
    }
    await this.refreshSummary(id);
    return this.loadOrThrow(id);
  }

  async updateHeader(roadmapId: string, change: HeaderChange, etag: string, actor: Actor): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const current = data.roadmap.value;
    const owner = change.owner === undefined ? current.owner : await this.ownerOf(change.owner, current);
    const next: Roadmap = {
      ...current,
      ...(change.phase ? { phase: change.phase } : {}),
      ...(change.vision !== undefined ? { vision: bounded(change.vision, LIMITS.vision) } : {}),
      owner,
      ...(change.cadenceMonths ? { cadenceMonths: change.cadenceMonths } : {}),
      ...(change.targetYear ? { targetYear: change.targetYear } : {}),
      updatedAt: this.clock().toISOString(),
    };
    const fields = changedFields(current, next, ['vision', 'cadenceMonths', 'targetYear']);
    if (JSON.stringify(current.owner) !== JSON.stringify(next.owner)) fields.push('owner');
    const history: HistoryRecord[] = [];
    if (current.phase !== next.phase) {
      history.push(record(actor, 'phaseChanged', '', [], current.phase, next.phase));
    }
    if (fields.length > 0) history.push(record(actor, 'updated', '', fields));
    await this.repository.commit(
      roadmapId,
      [{ op: 'replace', row: { type: 'roadmap', value: next }, etag }],
      history,
      this.clock(),
    );
    await this.refreshSummary(roadmapId);
  }

  /** Takes the survey's current figures again; adjustments and targets stay. */
  async refreshBaseline(roadmapId: string, actor: Actor): Promise<void> {
    await this.retrying(async () => {
      const data = await this.loadOrThrow(roadmapId);
      const roadmap = data.roadmap.value;
      const now = this.clock();
      const baseline = await this.baselines.baselineFor(roadmap.roundId, roadmap.municipalityId);
      const fresh = perspectivesFrom(baseline);
      const known = new Map(data.perspectives.map((p) => [p.value.perspectiveId, p]));
      const writes: RoadmapWrite[] = [];
      for (const level of fresh) {
        const stored = known.get(level.perspectiveId);
        const value: PerspectiveLevel = stored
          ? {
              ...stored.value,
              label: level.label,
              scope: level.scope,
              position: level.position,
              surveyMean: level.surveyMean,
              surveyN: level.surveyN,
              surveySuppressed: level.surveySuppressed,
            }
          : level;
        writes.push(
          stored
            ? { op: 'replace', row: { type: 'perspective', value }, etag: stored.etag }
            : { op: 'create', row: { type: 'perspective', value } },
        );
      }
      writes.push({
        op: 'replace',
        row: {
          type: 'roadmap',
          value: {
            ...roadmap,
            baseline: sourceOf(baseline, now),
            // The survey phase is where a roadmap with a baseline starts.
            phase: roadmap.phase === 'preparation' && baseline ? 'survey' : roadmap.phase,
            updatedAt: now.toISOString(),
          },
        },
        etag: data.roadmap.etag,
      });
      await this.repository.commit(roadmapId, writes, [record(actor, 'baselineRefreshed', '')], now);
    });
    await this.refreshSummary(roadmapId);
  }

  /** A coordinator's adjustment of a perspective's baseline (null removes it), with the reason. */
  async adjustBaseline(
    roadmapId: string,
    perspectiveId: string,
    adjustment: { readonly value: number | null; readonly reason: string },
    etag: string,
    actor: Actor,
  ): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const stored = data.perspectives.find((p) => p.value.perspectiveId === perspectiveId);
    if (!stored) throw new RoadmapNotFoundError('perspective');
    const now = this.clock();
    const value: PerspectiveLevel = {
      ...stored.value,
      adjusted:
        adjustment.value === null
          ? undefined
          : {
              value: roundToTenth(adjustment.value),
              reason: bounded(adjustment.reason, LIMITS.reason),
              by: personRef(actor, actor.name),
              at: now.toISOString(),
            },
    };
    await this.repository.commit(
      roadmapId,
      [{ op: 'replace', row: { type: 'perspective', value }, etag }],
      [
        record(
          actor,
          'baselineAdjusted',
          perspectiveId,
          [],
          format(effectiveBaseline(stored.value)),
          format(effectiveBaseline(value)),
        ),
      ],
      now,
    );
    await this.refreshSummary(roadmapId);
  }

  /** Records the target the leadership team agreed on (null clears it), its year and priority. */
  async agreeTarget(
    roadmapId: string,
    perspectiveId: string,
    input: {
      readonly target: number | null;
      readonly targetYear: number | null;
      readonly priority: Priority | null;
    },
    etag: string,
    actor: Actor,
  ): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const stored = data.perspectives.find((p) => p.value.perspectiveId === perspectiveId);
    if (!stored) throw new RoadmapNotFoundError('perspective');
    const now = this.clock();
    const value: PerspectiveLevel = {
      ...stored.value,
      target: input.target === null ? undefined : roundToTenth(input.target),
      targetYear: input.targetYear ?? undefined,
      priority: input.priority ?? undefined,
      agreed: input.target === null ? undefined : { by: personRef(actor, actor.name), at: now.toISOString() },
    };
    await this.repository.commit(
      roadmapId,
      [{ op: 'replace', row: { type: 'perspective', value }, etag }],
      [record(actor, 'targetAgreed', perspectiveId, [], format(stored.value.target), format(value.target))],
      now,
    );
    await this.refreshSummary(roadmapId);
  }

  /**
   * Opens target setting: a new session (cards of an earlier one cannot write into it), the phase
   * moves on to the leadership workshop if it was earlier. Idempotent while open.
   */
  async openTargetSetting(roadmapId: string, actor: Actor): Promise<{ roadmap: Roadmap; opened: boolean }> {
    const result = await this.retrying(async () => {
      const data = await this.loadOrThrow(roadmapId);
      const roadmap = data.roadmap.value;
      if (roadmap.targetSetting.state === 'open') return { roadmap, opened: false };
      const now = this.clock();
      const before = ROADMAP_PHASES.indexOf(roadmap.phase);
      const next: Roadmap = {
        ...roadmap,
        phase: before < ROADMAP_PHASES.indexOf('leadershipWorkshop') ? 'leadershipWorkshop' : roadmap.phase,
        targetSetting: {
          state: 'open',
          session: roadmap.targetSetting.session + 1,
          openedAt: now.toISOString(),
          closedAt: undefined,
        },
        updatedAt: now.toISOString(),
      };
      const history = [record(actor, 'targetSettingOpened', '')];
      if (next.phase !== roadmap.phase)
        history.push(record(actor, 'phaseChanged', '', [], roadmap.phase, next.phase));
      await this.repository.commit(
        roadmapId,
        [{ op: 'replace', row: { type: 'roadmap', value: next }, etag: data.roadmap.etag }],
        history,
        now,
      );
      return { roadmap: next, opened: true };
    });
    await this.refreshSummary(roadmapId);
    return result;
  }

  async closeTargetSetting(roadmapId: string, actor: Actor): Promise<Roadmap> {
    const result = await this.retrying(async () => {
      const data = await this.loadOrThrow(roadmapId);
      const roadmap = data.roadmap.value;
      if (roadmap.targetSetting.state !== 'open') return roadmap;
      const now = this.clock();
      const next: Roadmap = {
        ...roadmap,
        targetSetting: { ...roadmap.targetSetting, state: 'closed', closedAt: now.toISOString() },
        updatedAt: now.toISOString(),
      };
      await this.repository.commit(
        roadmapId,
        [{ op: 'replace', row: { type: 'roadmap', value: next }, etag: data.roadmap.etag }],
        [record(actor, 'targetSettingClosed', '')],
        now,
      );
      return next;
    });
    await this.refreshSummary(roadmapId);
    return result;
  }

  /** Whether the person may pick targets for the roadmap: an active leadership-team participant of its municipality. */
  async isLeader(identity: TeamsIdentity, municipalityId: string): Promise<Participant | undefined> {
    const participant = await this.people.participant(identity);
    return participant?.active &&
      participant.municipalityId === municipalityId &&
      participant.roles.includes('leadership')
      ? participant
      : undefined;
  }

  /** A leader's picks from the card: one row per person, the last answer kept; only while open. */
  async savePicks(
    roadmapId: string,
    session: number,
    identity: TeamsIdentity,
    raw: Readonly<Record<string, string>>,
  ): Promise<PicksOutcome> {
    const data = await this.loadOrThrow(roadmapId);
    const roadmap = data.roadmap.value;
    const leader = await this.isLeader(identity, roadmap.municipalityId);
    if (!leader) return { kind: 'notLeader' };
    if (roadmap.targetSetting.state !== 'open' || roadmap.targetSetting.session !== session)
      return { kind: 'closed' };
    const known = new Set(data.perspectives.map((p) => p.value.perspectiveId));
    const picks: Record<string, number> = {};
    const invalid: string[] = [];
    for (const [perspectiveId, text] of Object.entries(raw)) {
      if (text === '') continue;
      const value = Number(text);
      if (!known.has(perspectiveId) || !PICK_VALUES.includes(value)) invalid.push(perspectiveId);
      else picks[perspectiveId] = value;
    }
    if (invalid.length > 0) return { kind: 'invalid', perspectiveIds: invalid };
    const saved = await this.retrying(async () => {
      const now = this.clock();
      const stored = await this.repository.picksOf(roadmapId, identity);
      const value: TargetPicks = {
        tenantId: identity.tenantId,
        aadObjectId: identity.aadObjectId,
        name: leader.name,
        session,
        picks,
        updatedAt: now.toISOString(),
      };
      await this.repository.commit(
        roadmapId,
        [
          stored
            ? { op: 'replace', row: { type: 'picks', value }, etag: stored.etag }
            : { op: 'create', row: { type: 'picks', value } },
        ],
        [record(leader, 'targetsPicked', '', Object.keys(picks))],
        now,
      );
      return value;
    });
    await this.refreshSummary(roadmapId);
    return { kind: 'saved', picks: saved };
  }

  async addGoal(roadmapId: string, input: GoalInput, actor: Actor): Promise<Goal> {
    const data = await this.loadOrThrow(roadmapId);
    if (data.goals.length >= LIMITS.goals) throw new RoadmapRuleError('tooMany');
    this.checkPerspective(data, input.perspectiveId);
    const now = this.clock();
    const goal: Goal = {
      id: `g${randomBytes(5).toString('hex')}`,
      ...goalFields(input),
      position: Math.max(0, ...data.goals.map((g) => g.value.position + 1)),
      createdAt: now.toISOString(),
    };
    await this.repository.commit(
      roadmapId,
      [{ op: 'create', row: { type: 'goal', value: goal } }],
      [record(actor, 'goalAdded', goal.title)],
      now,
    );
    await this.refreshSummary(roadmapId);
    return goal;
  }

  async updateGoal(
    roadmapId: string,
    goalId: string,
    input: GoalInput,
    etag: string,
    actor: Actor,
  ): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const stored = data.goals.find((g) => g.value.id === goalId);
    if (!stored) throw new RoadmapNotFoundError('goal');
    this.checkPerspective(data, input.perspectiveId);
    const next: Goal = { ...stored.value, ...goalFields(input) };
    const fields = changedFields(stored.value, next, [
      'title',
      'description',
      'perspectiveId',
      'strategyGoal',
      'compassArea',
    ]);
    await this.repository.commit(
      roadmapId,
      [{ op: 'replace', row: { type: 'goal', value: next }, etag }],
      [record(actor, 'goalUpdated', next.title, fields)],
      this.clock(),
    );
  }

  /** Removes a goal that has no actions left (its actions are removed or moved first). */
  async removeGoal(roadmapId: string, goalId: string, etag: string, actor: Actor): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const stored = data.goals.find((g) => g.value.id === goalId);
    if (!stored) throw new RoadmapNotFoundError('goal');
    if (data.actions.some((a) => a.value.goalId === goalId)) throw new RoadmapRuleError('goalHasActions');
    if (!(await this.repository.deleteRow(roadmapId, { type: 'goal', id: goalId }, etag))) {
      throw new RoadmapNotFoundError('goal');
    }
    await this.history(roadmapId, [record(actor, 'goalRemoved', stored.value.title)]);
    await this.refreshSummary(roadmapId);
  }

  async addAction(roadmapId: string, input: ActionInput, actor: Actor): Promise<RoadmapAction> {
    const data = await this.loadOrThrow(roadmapId);
    if (data.actions.length >= LIMITS.actions) throw new RoadmapRuleError('tooMany');
    const fields = await this.actionFields(data, input);
    const now = this.clock();
    const action: RoadmapAction = {
      id: `a${randomBytes(5).toString('hex')}`,
      ...fields,
      lastCheckIn: undefined,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await this.repository.commit(
      roadmapId,
      [{ op: 'create', row: { type: 'action', value: action } }],
      [record(actor, 'actionAdded', action.title)],
      now,
    );
    await this.refreshSummary(roadmapId);
    return action;
  }

  async updateAction(
    roadmapId: string,
    actionId: string,
    input: ActionInput,
    etag: string,
    actor: Actor,
  ): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const stored = data.actions.find((a) => a.value.id === actionId);
    if (!stored) throw new RoadmapNotFoundError('action');
    const now = this.clock();
    const next: RoadmapAction = {
      ...stored.value,
      ...(await this.actionFields(data, input, stored.value.owner)),
      updatedAt: now.toISOString(),
    };
    const fields = changedFields(stored.value, next, ['goalId', 'title', 'indicator', 'note']);
    if (JSON.stringify(stored.value.owner) !== JSON.stringify(next.owner)) fields.push('owner');
    if (
      quarterIndex(stored.value.start) !== quarterIndex(next.start) ||
      quarterIndex(stored.value.end) !== quarterIndex(next.end)
    ) {
      fields.push('schedule');
    }
    const statusChanged = stored.value.status !== next.status;
    await this.repository.commit(
      roadmapId,
      [{ op: 'replace', row: { type: 'action', value: next }, etag }],
      [
        record(
          actor,
          'actionUpdated',
          next.title,
          statusChanged ? [...fields, 'status'] : fields,
          statusChanged ? stored.value.status : undefined,
          statusChanged ? next.status : undefined,
        ),
      ],
      now,
    );
    await this.refreshSummary(roadmapId);
  }

  async removeAction(roadmapId: string, actionId: string, etag: string, actor: Actor): Promise<void> {
    const stored = await this.repository.action(roadmapId, actionId);
    if (!stored) throw new RoadmapNotFoundError('action');
    if (!(await this.repository.deleteRow(roadmapId, { type: 'action', id: actionId }, etag))) {
      throw new RoadmapNotFoundError('action');
    }
    await this.history(roadmapId, [record(actor, 'actionRemoved', stored.value.title)]);
    await this.refreshSummary(roadmapId);
  }

  /** An owner's answer to the check-in card: the action's status and last note change, the check-in is kept. */
  async checkIn(
    roadmapId: string,
    actionId: string,
    period: string,
    person: Participant,
    status: ActionStatus,
    line: string,
  ): Promise<CheckInOutcome> {
    const outcome = await this.retrying(async (): Promise<CheckInOutcome> => {
      const stored = await this.repository.action(roadmapId, actionId);
      if (!stored) return { kind: 'unknown' };
      const owner = stored.value.owner;
      if (owner?.kind !== 'participant' || !isSamePerson(owner, person)) return { kind: 'notOwner' };
      const now = this.clock();
      const by = personRef(person, person.name);
      const text = bounded(line.replace(/\s+/g, ' ').trim(), LIMITS.checkInLine);
      // A second answer in the same period keeps the status the action had before the first one.
      const previous =
        stored.value.lastCheckIn?.period === period
          ? await this.previousStatusOf(roadmapId, period, actionId)
          : undefined;
      const checkIn: CheckIn = {
        period,
        actionId,
        status,
        previousStatus: previous ?? stored.value.status,
        line: text,
        by,
        at: now.toISOString(),
      };
      const action: RoadmapAction = {
        ...stored.value,
        status,
        lastCheckIn: { period, status, line: text, by, at: now.toISOString() },
        updatedAt: now.toISOString(),
      };
      await this.repository.commit(
        roadmapId,
        [
          { op: 'replace', row: { type: 'action', value: action }, etag: stored.etag },
          { op: 'upsert', row: { type: 'checkIn', value: checkIn } },
        ],
        [
          record(
            by,
            'checkIn',
            action.title,
            ['status'],
            stored.value.status !== status ? stored.value.status : undefined,
            stored.value.status !== status ? status : undefined,
          ),
        ],
        now,
      );
      return { kind: 'saved', action, checkIn };
    });
    if (outcome.kind === 'saved') await this.refreshSummary(roadmapId);
    return outcome;
  }

  async setBranding(
    roadmapId: string,
    colours: { readonly primaryColour: string; readonly secondaryColour: string },
    etag: string,
    actor: Actor,
  ): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const roadmap = data.roadmap.value;
    const next: Roadmap = {
      ...roadmap,
      branding: { ...roadmap.branding, ...colours },
      updatedAt: this.clock().toISOString(),
    };
    await this.repository.commit(
      roadmapId,
      [{ op: 'replace', row: { type: 'roadmap', value: next }, etag }],
      [record(actor, 'brandingUpdated', '', ['colours'])],
      this.clock(),
    );
  }

  /** Stores the logo (already checked and made a PNG) and its alternative text with the header, in one transaction. */
  async setLogo(roadmapId: string, png: Buffer, altText: string, etag: string, actor: Actor): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const roadmap = data.roadmap.value;
    const now = this.clock();
    const next: Roadmap = {
      ...roadmap,
      branding: { ...roadmap.branding, logo: { altText, updatedAt: now.toISOString(), bytes: png.length } },
      updatedAt: now.toISOString(),
    };
    await this.repository.commit(
      roadmapId,
      [
        { op: 'replace', row: { type: 'roadmap', value: next }, etag },
        { op: 'upsert', row: { type: 'logo', value: { png } } },
      ],
      [record(actor, 'logoUpdated', '')],
      now,
    );
  }

  async removeLogo(roadmapId: string, etag: string, actor: Actor): Promise<void> {
    const data = await this.loadOrThrow(roadmapId);
    const roadmap = data.roadmap.value;
    if (!roadmap.branding.logo) return;
    const now = this.clock();
    const next: Roadmap = {
      ...roadmap,
      branding: { ...roadmap.branding, logo: undefined },
      updatedAt: now.toISOString(),
    };
    await this.repository.commit(
      roadmapId,
      [{ op: 'replace', row: { type: 'roadmap', value: next }, etag }],
      [record(actor, 'logoRemoved', '')],
      now,
    );
    await this.repository.deleteLogo(roadmapId);
  }

  /**
   * Rewrites the roadmap's row in the network summary from its partition, conditional on the
   * summary's ETag read first: a summary written meanwhile by another change is read again, so the
   * last write always reflects every change before it. Failing that, the reconcile pass repairs it.
   */
  async refreshSummary(roadmapId: string): Promise<void> {
    try {
      await this.retrying(async () => {
        const header = await this.repository.header(roadmapId);
        if (!header) return;
        const { roundId, municipalityId } = header.value;
        const existing = await this.repository.summary(roundId, municipalityId);
        const data = await this.repository.load(roadmapId);
        if (!data) return;
        await this.repository.writeSummary(summaryOf(data, this.clock()), existing?.etag);
      });
    } catch (error) {
      this.logger.warn('roadmap summary not refreshed', { roadmapId, error });
    }
  }

  /** Every roadmap's summary from its partition again (repairs what a crash between writes left). */
  async reconcileSummaries(): Promise<number> {
    const summaries = await this.repository.allSummaries();
    for (const summary of summaries) await this.refreshSummary(summary.roadmapId);
    return summaries.length;
  }

  private async previousStatusOf(
    roadmapId: string,
    period: string,
    actionId: string,
  ): Promise<ActionStatus | undefined> {
    const checkIns = await this.repository.checkIns(roadmapId, period);
    return checkIns.find((c) => c.actionId === actionId)?.previousStatus;
  }

  private async history(roadmapId: string, records: readonly HistoryRecord[]): Promise<void> {
    try {
      await this.repository.addHistory(roadmapId, records, this.clock());
    } catch (error) {
      // The change itself is done; a missing history line is logged for the operator.
      this.logger.warn('roadmap history entry not written', { roadmapId, error });
    }
  }

  private checkPerspective(data: RoadmapData, perspectiveId: string | null): void {
    if (perspectiveId && !data.perspectives.some((p) => p.value.perspectiveId === perspectiveId)) {
      throw new RoadmapRuleError('unknownPerspective');
    }
  }

  private async actionFields(
    data: RoadmapData,
    input: ActionInput,
    currentOwner?: Owner,
  ): Promise<Omit<RoadmapAction, 'id' | 'lastCheckIn' | 'createdAt' | 'updatedAt'>> {
    if (!data.goals.some((g) => g.value.id === input.goalId)) throw new RoadmapRuleError('unknownGoal');
    const span = quarterIndex(input.end) - quarterIndex(input.start);
    if (span < 0) throw new RoadmapRuleError('endsBeforeStart');
    if (span >= LIMITS.actionQuarters) throw new RoadmapRuleError('tooLong');
    return {
      goalId: input.goalId,
      title: bounded(input.title.trim(), LIMITS.title),
      owner: await this.ownerOf(input.owner, data.roadmap.value, currentOwner),
      start: input.start,
      end: input.end,
      status: input.status,
      indicator: bounded(input.indicator.trim(), LIMITS.indicator),
      note: bounded(input.note.trim(), LIMITS.note),
    };
  }

  /** An owner from input: a participant of the roadmap's municipality (their name from the roster), or a named person. */
  private async ownerOf(input: OwnerInput, roadmap: Roadmap, current?: Owner): Promise<Owner | undefined> {
    if (input === null) return undefined;
    if (input.kind === 'external') {
      return {
        kind: 'external',
        name: bounded(input.name.trim(), LIMITS.name),
        title: input.title?.trim() ? bounded(input.title.trim(), LIMITS.name) : undefined,
      };
    }
    // An owner kept as they were is fine even if they left the municipality's roster since.
    if (current?.kind === 'participant' && isSamePerson(current, input)) return current;
    const participant = await this.people.participant(input);
    if (!participant || participant.municipalityId !== roadmap.municipalityId) {
      throw new RoadmapRuleError('ownerNotInMunicipality');
    }
    return {
      kind: 'participant',
      tenantId: participant.tenantId,
      aadObjectId: participant.aadObjectId,
      name: participant.name,
    };
  }

  /** Runs a read-modify-write again when a concurrent writer won (412), a few times. */
  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }
}

/** The network summary of one roadmap, from its rows. */
export function summaryOf(data: RoadmapData, now: Date): RoadmapSummary {
  const roadmap = data.roadmap.value;
  const counts = Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<
    ActionStatus,
    number
  >;
  const open: Record<string, number> = {};
  for (const { value: action } of data.actions) {
    counts[action.status] += 1;
    if (action.status === 'planned' || action.status === 'inProgress') {
      const key = String(quarterIndex(action.end));
      open[key] = (open[key] ?? 0) + 1;
    }
  }
  const targets: Record<string, { baseline: number | null; target: number | null }> = {};
  for (const { value: level } of data.perspectives) {
    targets[level.perspectiveId] = {
      baseline: effectiveBaseline(level) ?? null,
      target: level.target ?? null,
    };
  }
  return {
    roadmapId: roadmap.id,
    roundId: roadmap.roundId,
    municipalityId: roadmap.municipalityId,
    phase: roadmap.phase,
    targetSetting: roadmap.targetSetting.state,
    counts,
    openByEndQuarter: open,
    targets,
    picks: data.picks.filter((p) => p.value.session === roadmap.targetSetting.session).length,
    goals: data.goals.length,
    updatedAt: now.toISOString(),
  };
}

/** The roadmap's perspectives: the baseline's instrument version, or the seeded instrument without a survey. */
export function perspectivesFrom(baseline: MunicipalityBaseline | undefined): PerspectiveLevel[] {
  const empty = {
    adjusted: undefined,
    target: undefined,
    targetYear: undefined,
    priority: undefined,
    agreed: undefined,
  };
  if (!baseline) {
    return SEEDED_PERSPECTIVES.map((perspective, position) => ({
      perspectiveId: perspective.id,
      label: perspective.label,
      scope: perspective.scope,
      position,
      surveyMean: undefined,
      surveyN: 0,
      surveySuppressed: false,
      ...empty,
    }));
  }
  return baseline.perspectives.map((perspective, position) => ({
    perspectiveId: perspective.perspectiveId,
    label: perspective.label,
    scope: perspective.scope,
    position,
    surveyMean: perspective.mean === undefined ? undefined : Math.round(perspective.mean * 100) / 100,
    surveyN: perspective.n,
    surveySuppressed: perspective.suppressed,
    ...empty,
  }));
}

function sourceOf(baseline: MunicipalityBaseline | undefined, now: Date): Roadmap['baseline'] {
  return {
    surveyId: baseline?.surveyId,
    instrumentVersion: baseline?.instrumentVersion,
    respondents: baseline?.respondents,
    closesAt: baseline?.closesAt,
    fetchedAt: baseline ? now.toISOString() : undefined,
  };
}

function goalFields(
  input: GoalInput,
): Pick<Goal, 'title' | 'description' | 'perspectiveId' | 'strategyGoal' | 'compassArea'> {
  return {
    title: bounded(input.title.trim(), LIMITS.title),
    description: bounded(input.description.trim(), LIMITS.description),
    perspectiveId: input.perspectiveId ?? undefined,
    strategyGoal: bounded(input.strategyGoal.trim(), LIMITS.title),
    compassArea: input.compassArea ?? undefined,
  };
}

function record(
  actor: Actor | PersonRef,
  kind: HistoryRecord['entry']['kind'],
  subject: string,
  fields: readonly string[] = [],
  from?: string,
  to?: string,
): HistoryRecord {
  const by: PersonRef = 'kind' in actor ? actor : personRef(actor, actor.name);
  return {
    actor: by,
    entry: {
      kind,
      subject,
      fields,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    },
  };
}

function changedFields<T extends object>(before: T, after: T, keys: readonly (keyof T & string)[]): string[] {
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** The schemas bound every text already; this keeps stored data within limits whatever the caller. */
function bounded(text: string, limit: number): string {
  return text.length > limit ? text.slice(0, limit) : text;
}

function format(value: number | undefined): string {
  return value === undefined ? '' : value.toFixed(1);
}

export type { Versioned };
