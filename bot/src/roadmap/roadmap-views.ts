import type { Page } from '../platform/storage/table-store';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import type { Municipality } from '../shared/municipality';
import type { Participant } from '../shared/participant';
import { SEEDED_PERSPECTIVES } from '../survey';
import {
  ACTION_STATUSES,
  CADENCES,
  COMPASS_AREAS,
  PRIORITIES,
  ROADMAP_PHASES,
  effectiveBaseline,
  isLate,
  medianOf,
  parsePeriodKey,
  periodOf,
  periodText,
  quantile,
  quarterIndex,
  quarterOf,
  quarterSpanText,
  type ActionStatus,
  type CadenceMonths,
  type HistoryEntry,
  type Owner,
  type PersonRef,
  type Quarter,
  type RoadmapAction,
} from './roadmap';
import type {
  ActionView,
  HistoryPage,
  NetworkRoadmapRow,
  NetworkRoadmapView,
  OwnerView,
  RoadmapView,
  TargetSpreadView,
} from './roadmap-contracts';
import { roadmapMessagesFor, type RoadmapMessages } from './roadmap-messages';
import type { RoadmapData, RoadmapSummary } from './roadmap-repository';

/** The network view shows targets per perspective only across at least this many municipalities. */
export const MIN_MUNICIPALITIES_FOR_TARGETS = 3;

export function municipalityName(
  municipality: Municipality | undefined,
  fallback: string,
  language: Language,
): string {
  if (!municipality) return fallback;
  return language === 'sv' && municipality.nameSv ? municipality.nameSv : municipality.name;
}

export function personName(ref: PersonRef | undefined, m: RoadmapMessages): string {
  if (!ref) return '';
  return ref.kind === 'person' ? ref.name : m.erasedPerson;
}

export function ownerName(owner: Owner | undefined, m: RoadmapMessages): string {
  if (!owner) return m.noOwner;
  if (owner.kind === 'erased') return m.erasedPerson;
  if (owner.kind === 'external') return owner.title ? `${owner.name} (${owner.title})` : owner.name;
  return owner.name;
}

export function ownerView(
  owner: Owner | undefined,
  m: RoadmapMessages,
  options: { readonly showIdentity: boolean; readonly reachable: (owner: Owner) => boolean },
): OwnerView | null {
  if (!owner) return null;
  return {
    kind: owner.kind,
    name: owner.kind === 'erased' ? m.erasedPerson : owner.name,
    tenantId: owner.kind === 'participant' && options.showIdentity ? owner.tenantId : null,
    aadObjectId: owner.kind === 'participant' && options.showIdentity ? owner.aadObjectId : null,
    title: owner.kind === 'external' ? (owner.title ?? null) : null,
    reachableInTeams: options.reachable(owner),
  };
}

export interface RoadmapViewContext {
  readonly language: Language;
  readonly now: Date;
  readonly municipality: Municipality | undefined;
  readonly canEdit: boolean;
  readonly canFacilitate: boolean;
  /** The municipality's active participants: owners' reachability, and the editors' owner list. */
  readonly people: readonly Participant[];
  readonly nextCheckIn: Date | undefined;
  readonly basePath: string;
}

export function actionView(
  action: RoadmapAction,
  etag: string,
  m: RoadmapMessages,
  context: Pick<RoadmapViewContext, 'language' | 'canEdit' | 'people'> & {
    readonly current: Quarter;
    readonly cadenceMonths: CadenceMonths;
  },
): ActionView {
  const reachable = reachabilityOf(context.people);
  return {
    id: action.id,
    etag,
    goalId: action.goalId,
    title: action.title,
    owner: ownerView(action.owner, m, { showIdentity: context.canEdit, reachable }),
    start: action.start,
    end: action.end,
    scheduleText: quarterSpanText(action.start, action.end),
    status: action.status,
    statusName: m.statuses[action.status],
    late: isLate(action, context.current),
    indicator: action.indicator,
    note: action.note,
    lastCheckIn: action.lastCheckIn
      ? {
          period: action.lastCheckIn.period,
          periodText: periodLabel(action.lastCheckIn.period, context.cadenceMonths),
          status: action.lastCheckIn.status,
          statusName: m.statuses[action.lastCheckIn.status],
          line: action.lastCheckIn.line,
          byName: personName(action.lastCheckIn.by, m),
          atText: formatHelsinkiDateTime(new Date(action.lastCheckIn.at), context.language),
        }
      : null,
  };
}

/** "Q1/2027" from a period key (a key of an earlier cadence reads as the month it started). */
export function periodLabel(key: string, cadenceMonths: CadenceMonths): string {
  const period = parsePeriodKey(key, cadenceMonths) ?? parsePeriodKey(key, 1);
  return period ? periodText(period) : key;
}

function reachabilityOf(people: readonly Participant[]): (owner: Owner) => boolean {
  const reachable = new Set(
    people.filter((p) => p.active && p.teamsUserId).map((p) => `${p.tenantId}/${p.aadObjectId}`),
  );
  return (owner) => owner.kind === 'participant' && reachable.has(`${owner.tenantId}/${owner.aadObjectId}`);
}

export function roadmapView(data: RoadmapData, context: RoadmapViewContext): RoadmapView {
  const { language, now } = context;
  const m = roadmapMessagesFor(language);
  const roadmap = data.roadmap.value;
  const current = quarterOf(now);
  const phaseIndex = ROADMAP_PHASES.indexOf(roadmap.phase);
  const labels = new Map(
    data.perspectives.map((p) => [p.value.perspectiveId, pickText(p.value.label, language)]),
  );
  const reachable = reachabilityOf(context.people);
  const counts = Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<
    ActionStatus,
    number
  >;
  let lateCount = 0;
  for (const { value } of data.actions) {
    counts[value.status] += 1;
    if (isLate(value, current)) lateCount += 1;
  }
  const time = (iso: string | undefined): string | null =>
    iso ? formatHelsinkiDateTime(new Date(iso), language) : null;
  const path = `${context.basePath}/${encodeURIComponent(roadmap.id)}`;
  return {
    id: roadmap.id,
    etag: data.roadmap.etag,
    roundId: roadmap.roundId,
    municipality: {
      id: roadmap.municipalityId,
      name: municipalityName(context.municipality, roadmap.municipalityId, language),
    },
    phase: roadmap.phase,
    phases: ROADMAP_PHASES.map((phase, index) => ({
      id: phase,
      name: m.phases[phase],
      state: index < phaseIndex ? 'done' : index === phaseIndex ? 'current' : 'upcoming',
    })),
    vision: roadmap.vision,
    owner: ownerView(roadmap.owner, m, { showIdentity: context.canEdit, reachable }),
    cadenceMonths: roadmap.cadenceMonths,
    cadenceText: m.cadence(roadmap.cadenceMonths),
    targetYear: roadmap.targetYear,
    branding: {
      primaryColour: roadmap.branding.primaryColour,
      secondaryColour: roadmap.branding.secondaryColour,
      logoUrl: roadmap.branding.logo
        ? `${path}/logo.png?v=${encodeURIComponent(roadmap.branding.logo.updatedAt)}`
        : null,
      logoAlt: roadmap.branding.logo?.altText ?? null,
    },
    baseline: {
      surveyId: roadmap.baseline.surveyId ?? null,
      respondents: roadmap.baseline.respondents ?? null,
      instrumentVersion: roadmap.baseline.instrumentVersion ?? null,
      fetchedAtText: time(roadmap.baseline.fetchedAt),
    },
    targetSetting: {
      state: roadmap.targetSetting.state,
      session: roadmap.targetSetting.session,
      openedAtText: time(roadmap.targetSetting.openedAt),
      closedAtText: time(roadmap.targetSetting.closedAt),
      answered: data.picks.filter((p) => p.value.session === roadmap.targetSetting.session).length,
    },
    perspectives: data.perspectives.map(({ value: level, etag }) => ({
      id: level.perspectiveId,
      etag,
      label: pickText(level.label, language),
      scope: level.scope,
      scopeName: m.scopes[level.scope],
      surveyMean: level.surveyMean ?? null,
      surveyN: level.surveyN,
      suppressed: level.surveySuppressed,
      baseline: effectiveBaseline(level) ?? null,
      adjustment: level.adjusted
        ? {
            value: level.adjusted.value,
            reason: level.adjusted.reason,
            byName: personName(level.adjusted.by, m),
            atText: formatHelsinkiDateTime(new Date(level.adjusted.at), language),
          }
        : null,
      target: level.target ?? null,
      targetYear: level.targetYear ?? null,
      priority: level.priority ?? null,
      priorityName: level.priority ? m.priorities[level.priority] : null,
      agreedByName: level.agreed ? personName(level.agreed.by, m) : null,
      agreedAtText: level.agreed ? formatHelsinkiDateTime(new Date(level.agreed.at), language) : null,
    })),
    goals: data.goals.map(({ value: goal, etag }) => ({
      id: goal.id,
      etag,
      title: goal.title,
      description: goal.description,
      perspectiveId: goal.perspectiveId ?? null,
      perspectiveLabel: goal.perspectiveId ? (labels.get(goal.perspectiveId) ?? goal.perspectiveId) : null,
      strategyGoal: goal.strategyGoal,
      compassArea: goal.compassArea ?? null,
      compassAreaName: goal.compassArea ? m.compassAreas[goal.compassArea] : null,
      actions: data.actions
        .filter((a) => a.value.goalId === goal.id)
        .sort((a, b) => quarterIndex(a.value.start) - quarterIndex(b.value.start))
        .map((a) =>
          actionView(a.value, a.etag, m, { ...context, current, cadenceMonths: roadmap.cadenceMonths }),
        ),
    })),
    currentQuarter: current,
    followUp: {
      periodText: periodText(periodOf(now, roadmap.cadenceMonths)),
      nextCheckInText: context.nextCheckIn ? formatHelsinkiDateTime(context.nextCheckIn, language) : null,
    },
    counts,
    lateCount,
    canEdit: context.canEdit,
    canFacilitate: context.canFacilitate,
    people: context.canEdit
      ? context.people
          .filter((p) => p.active)
          .map((p) => ({ tenantId: p.tenantId, aadObjectId: p.aadObjectId, name: p.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'fi'))
      : [],
    choices: {
      phases: ROADMAP_PHASES.map((id) => ({ id, name: m.phases[id] })),
      statuses: ACTION_STATUSES.map((id) => ({ id, name: m.statuses[id] })),
      compassAreas: COMPASS_AREAS.map((id) => ({ id, name: m.compassAreas[id] })),
      priorities: PRIORITIES.map((id) => ({ id, name: m.priorities[id] })),
      cadences: CADENCES.map((months) => ({ months, name: m.cadence(months) })),
    },
    downloads: { pdf: `${path}/summary.pdf`, docx: `${path}/summary.docx` },
  };
}

/** The leaders' picks per perspective for the dot plot, anonymous; who answered only for editors. */
export function spreadView(
  data: RoadmapData,
  options: { readonly language: Language; readonly eligible: number; readonly showNames: boolean },
): TargetSpreadView {
  const roadmap = data.roadmap.value;
  const session = roadmap.targetSetting.session;
  const current = data.picks.filter((p) => p.value.session === session).map((p) => p.value);
  return {
    state: roadmap.targetSetting.state,
    session,
    answered: current.length,
    eligible: options.eligible,
    answeredNames: options.showNames
      ? current.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'fi'))
      : null,
    perspectives: data.perspectives.map(({ value: level }) => {
      const picks = current
        .map((p) => p.picks[level.perspectiveId])
        .filter((value): value is number => value !== undefined)
        .sort((a, b) => a - b);
      return {
        id: level.perspectiveId,
        label: pickText(level.label, options.language),
        baseline: effectiveBaseline(level) ?? null,
        picks,
        median: medianOf(picks) ?? null,
        target: level.target ?? null,
      };
    }),
  };
}

export function historyPage(page: Page<HistoryEntry>, language: Language): HistoryPage {
  const m = roadmapMessagesFor(language);
  const perspectiveLabel = (id: string): string => {
    const seeded = SEEDED_PERSPECTIVES.find((p) => p.id === id);
    return seeded ? pickText(seeded.label, language) : id;
  };
  const word = (value: string | undefined): string => {
    if (!value) return '';
    if ((ACTION_STATUSES as readonly string[]).includes(value)) return m.statuses[value as ActionStatus];
    if ((ROADMAP_PHASES as readonly string[]).includes(value))
      return m.phases[value as (typeof ROADMAP_PHASES)[number]];
    return value.replace('.', language === 'en' ? '.' : ',');
  };
  return {
    items: page.items.map((entry) => {
      const subject =
        entry.kind === 'baselineAdjusted' || entry.kind === 'targetAgreed'
          ? perspectiveLabel(entry.subject)
          : entry.subject;
      const fields = (entry.kind === 'targetsPicked' ? [] : entry.fields)
        .map((field) => m.fields[field] ?? field)
        .join(', ');
      return {
        at: entry.at,
        atText: formatHelsinkiDateTime(new Date(entry.at), language),
        actorName: personName(entry.actor, m),
        text: m.history(entry.kind, subject, fields, word(entry.from), word(entry.to)),
      };
    }),
    continuationToken: page.continuationToken ?? null,
  };
}

export interface NetworkViewContext {
  readonly roundId: string;
  readonly language: Language;
  readonly now: Date;
  readonly municipalities: readonly Municipality[];
  /** Coordinators see every municipality named; anyone else sees only their own named. */
  readonly isCoordinator: boolean;
  readonly ownMunicipalityId: string | undefined;
  readonly anonymousName: string;
}

/** All municipalities' roadmaps at a glance, from the summary rows only. */
export function networkView(
  summaries: readonly RoadmapSummary[],
  context: NetworkViewContext,
): NetworkRoadmapView {
  const m = roadmapMessagesFor(context.language);
  const currentIndex = quarterIndex(quarterOf(context.now));
  const byMunicipality = new Map(summaries.map((s) => [s.municipalityId, s]));
  const rows: NetworkRoadmapRow[] = [];
  const totals = { actions: 0, onTrack: 0, late: 0, done: 0 };
  const phaseCounts = new Map<string, number>();
  let withoutRoadmap = 0;
  for (const municipality of context.municipalities) {
    const summary = byMunicipality.get(municipality.id);
    const own = municipality.id === context.ownMunicipalityId;
    const named = context.isCoordinator || own;
    if (!summary) {
      withoutRoadmap += 1;
      if (!named) continue;
      rows.push({
        municipalityId: municipality.id,
        name: municipalityName(municipality, municipality.id, context.language),
        own,
        roadmapId: null,
        phase: null,
        phaseName: null,
        actions: 0,
        onTrack: 0,
        late: 0,
        done: 0,
        targetsSet: 0,
        perspectives: 0,
        targetSetting: null,
      });
      continue;
    }
    let overdue = 0;
    let open = 0;
    for (const [key, count] of Object.entries(summary.openByEndQuarter)) {
      open += count;
      if (Number(key) < currentIndex) overdue += count;
    }
    const actions = ACTION_STATUSES.reduce((sum, status) => sum + summary.counts[status], 0);
    const late = summary.counts.late + overdue;
    const onTrack = open - overdue;
    const targets = Object.values(summary.targets);
    totals.actions += actions;
    totals.onTrack += onTrack;
    totals.late += late;
    totals.done += summary.counts.done;
    phaseCounts.set(summary.phase, (phaseCounts.get(summary.phase) ?? 0) + 1);
    rows.push({
      municipalityId: named ? municipality.id : null,
      name: named ? municipalityName(municipality, municipality.id, context.language) : context.anonymousName,
      own,
      roadmapId: named ? summary.roadmapId : null,
      phase: summary.phase,
      phaseName: m.phases[summary.phase],
      actions,
      onTrack,
      late,
      done: summary.counts.done,
      targetsSet: targets.filter((t) => t.target !== null).length,
      perspectives: targets.length,
      targetSetting: named ? summary.targetSetting : null,
    });
  }
  const phaseOrder = (row: NetworkRoadmapRow): number => (row.phase ? ROADMAP_PHASES.indexOf(row.phase) : -1);
  rows.sort((a, b) => {
    if (a.own !== b.own) return a.own ? -1 : 1;
    // Anonymous rows are ordered by what they show, never by name, so the order gives no one away.
    if (a.municipalityId === null || b.municipalityId === null) {
      return phaseOrder(b) - phaseOrder(a) || b.actions - a.actions || b.late - a.late;
    }
    return a.name.localeCompare(b.name, 'fi');
  });
  return {
    roundId: context.roundId,
    anonymous: !context.isCoordinator,
    phases: ROADMAP_PHASES.map((id) => ({ id, name: m.phases[id], count: phaseCounts.get(id) ?? 0 })),
    withoutRoadmap,
    totals,
    rows,
    targets: networkTargets(summaries, context.language),
    minMunicipalities: MIN_MUNICIPALITIES_FOR_TARGETS,
  };
}

function networkTargets(
  summaries: readonly RoadmapSummary[],
  language: Language,
): NetworkRoadmapView['targets'] {
  const ids = new Set<string>(SEEDED_PERSPECTIVES.map((p) => p.id));
  for (const summary of summaries) for (const id of Object.keys(summary.targets)) ids.add(id);
  return [...ids].map((perspectiveId) => {
    const targets: number[] = [];
    const changes: number[] = [];
    for (const summary of summaries) {
      const entry = summary.targets[perspectiveId];
      if (entry?.target === null || entry?.target === undefined) continue;
      targets.push(entry.target);
      if (entry.baseline !== null) changes.push(entry.target - entry.baseline);
    }
    targets.sort((a, b) => a - b);
    changes.sort((a, b) => a - b);
    const enough = targets.length >= MIN_MUNICIPALITIES_FOR_TARGETS;
    const seeded = SEEDED_PERSPECTIVES.find((p) => p.id === perspectiveId);
    return {
      perspectiveId,
      label: seeded ? pickText(seeded.label, language) : perspectiveId,
      municipalities: targets.length,
      medianTarget: enough ? (quantile(targets, 0.5) ?? null) : null,
      q1: enough ? (quantile(targets, 0.25) ?? null) : null,
      q3: enough ? (quantile(targets, 0.75) ?? null) : null,
      medianChange:
        enough && changes.length >= MIN_MUNICIPALITIES_FOR_TARGETS ? (quantile(changes, 0.5) ?? null) : null,
    };
  });
}
