import { z } from 'zod';
import { fromHelsinkiWallClock, toHelsinkiWallClock } from '../shared/i18n/helsinki-time';
import type { LocalizedText } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';

/**
 * A municipality's digital roadmap (digitiekartta) in one round: where it stands (the survey's
 * baseline per perspective), where it means to be (the target levels the leadership team agreed),
 * how it gets there (goals and their actions, quarter by quarter, each with an owner), and how it
 * is followed up (check-ins every quarter or as the municipality chose). Pure types and rules;
 * storage is in roadmap-repository.ts.
 */

export const ROADMAP_PHASES = [
  'preparation',
  'survey',
  'leadershipWorkshop',
  'contentWorkshop',
  'summary',
  'followUp',
] as const;
export type RoadmapPhase = (typeof ROADMAP_PHASES)[number];

export const ACTION_STATUSES = ['planned', 'inProgress', 'done', 'late', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Statuses of actions still under way: check-ins ask about these. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['planned', 'inProgress', 'late'];

/** The national digital compass's four areas (the EU Digital Decade's). */
export const COMPASS_AREAS = ['skills', 'infrastructure', 'business', 'publicServices'] as const;
export type CompassArea = (typeof COMPASS_AREAS)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Follow-up cadences in months; each divides the year, so periods start on the same months every year. */
export const CADENCES = [1, 2, 3, 4, 6, 12] as const;
export type CadenceMonths = (typeof CADENCES)[number];
export const DEFAULT_CADENCE: CadenceMonths = 3;

export const TARGET_MIN = 1;
export const TARGET_MAX = 5;
/** Leaders pick in half steps on the card; the agreed target may have one decimal. */
export const PICK_VALUES: readonly number[] = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

export const LIMITS = {
  title: 200,
  description: 2000,
  vision: 4000,
  indicator: 500,
  note: 2000,
  reason: 500,
  name: 120,
  checkInLine: 280,
  goals: 40,
  actions: 200,
  /** Quarters one action may span (five years). */
  actionQuarters: 20,
} as const;

export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export const quarterSchema = z
  .object({
    year: z.int().min(2000).max(2100),
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  })
  .strict();

export const quarterIndex = (quarter: Quarter): number => quarter.year * 4 + (quarter.quarter - 1);
export const quarterAt = (index: number): Quarter => ({
  year: Math.floor(index / 4),
  quarter: ((index % 4) + 1) as Quarter['quarter'],
});

/** The quarter an instant falls in, in Helsinki time. */
export function quarterOf(instant: Date): Quarter {
  const wall = toHelsinkiWallClock(instant);
  return { year: wall.year, quarter: (Math.floor((wall.month - 1) / 3) + 1) as Quarter['quarter'] };
}

export function quarterText(quarter: Quarter): string {
  return `Q${quarter.quarter}/${quarter.year}`;
}

/** "Q3/2026", "Q1–Q3/2026" within a year (short enough for a table cell), "Q4/2026–Q2/2027". */
export function quarterSpanText(start: Quarter, end: Quarter): string {
  if (quarterIndex(start) === quarterIndex(end)) return quarterText(start);
  if (start.year === end.year) return `Q${start.quarter}–Q${end.quarter}/${start.year}`;
  return `${quarterText(start)}–${quarterText(end)}`;
}

/** Someone who is responsible for something: a participant, a named person outside Teams, or an erased person. */
export type Owner =
  | {
      readonly kind: 'participant';
      readonly tenantId: string;
      readonly aadObjectId: string;
      readonly name: string;
    }
  | { readonly kind: 'external'; readonly name: string; readonly title: string | undefined }
  | { readonly kind: 'erased' };

export const ownerSchema: z.ZodType<Owner> = z.union([
  z.object({
    kind: z.literal('participant'),
    tenantId: z.string().min(1).max(100),
    aadObjectId: z.string().min(1).max(100),
    name: z.string().max(LIMITS.name),
  }),
  z.object({
    kind: z.literal('external'),
    name: z.string().min(1).max(LIMITS.name),
    title: z.string().max(LIMITS.name).optional(),
  }),
  z.object({ kind: z.literal('erased') }),
]) as z.ZodType<Owner>;

/** Who did something (recorded with the change); `erased` after the person's erasure. */
export type PersonRef =
  | {
      readonly kind: 'person';
      readonly tenantId: string;
      readonly aadObjectId: string;
      readonly name: string;
    }
  | { readonly kind: 'erased' };

export const personRefSchema: z.ZodType<PersonRef> = z.union([
  z.object({
    kind: z.literal('person'),
    tenantId: z.string(),
    aadObjectId: z.string(),
    name: z.string(),
  }),
  z.object({ kind: z.literal('erased') }),
]);

export function personRef(identity: TeamsIdentity, name: string): PersonRef {
  return { kind: 'person', tenantId: identity.tenantId, aadObjectId: identity.aadObjectId, name };
}

export function isSamePerson(a: TeamsIdentity, b: TeamsIdentity): boolean {
  return a.tenantId === b.tenantId && a.aadObjectId === b.aadObjectId;
}

export function refersTo(ref: PersonRef | Owner | undefined, identity: TeamsIdentity): boolean {
  if (!ref || (ref.kind !== 'person' && ref.kind !== 'participant')) return false;
  return isSamePerson(ref, identity);
}

export interface Branding {
  readonly primaryColour: string;
  readonly secondaryColour: string;
  /** Set when a logo is stored (its bytes are a row of their own). */
  readonly logo: { readonly altText: string; readonly updatedAt: string; readonly bytes: number } | undefined;
}

/** Digiverkosto's own colours until the municipality gives its own. */
export const DEFAULT_BRANDING: Branding = {
  primaryColour: '#0A4A7D',
  secondaryColour: '#2A9D8F',
  logo: undefined,
};

export type TargetSettingState = 'notStarted' | 'open' | 'closed';

export interface TargetSetting {
  readonly state: TargetSettingState;
  /** Counts the times target setting was opened; cards carry it, so an old card cannot write into a new session. */
  readonly session: number;
  readonly openedAt: string | undefined;
  readonly closedAt: string | undefined;
}

export interface BaselineSource {
  readonly surveyId: string | undefined;
  readonly instrumentVersion: number | undefined;
  readonly respondents: number | undefined;
  readonly closesAt: string | undefined;
  readonly fetchedAt: string | undefined;
}

export interface Roadmap {
  readonly id: string;
  readonly roundId: string;
  readonly municipalityId: string;
  readonly phase: RoadmapPhase;
  readonly vision: string;
  readonly owner: Owner | undefined;
  readonly cadenceMonths: CadenceMonths;
  /** The year the target levels are for, unless a perspective says otherwise. */
  readonly targetYear: number;
  readonly branding: Branding;
  readonly targetSetting: TargetSetting;
  readonly baseline: BaselineSource;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface BaselineAdjustment {
  readonly value: number;
  readonly reason: string;
  readonly by: PersonRef;
  readonly at: string;
}

export interface PerspectiveLevel {
  readonly perspectiveId: string;
  readonly label: LocalizedText;
  readonly scope: 'personal' | 'municipality';
  readonly position: number;
  /** The survey's mean (undefined when suppressed or when there is no survey). */
  readonly surveyMean: number | undefined;
  readonly surveyN: number;
  readonly surveySuppressed: boolean;
  readonly adjusted: BaselineAdjustment | undefined;
  readonly target: number | undefined;
  readonly targetYear: number | undefined;
  readonly priority: Priority | undefined;
  readonly agreed: { readonly by: PersonRef; readonly at: string } | undefined;
}

/** The baseline people work from: a coordinator's adjustment, else the survey's mean. */
export function effectiveBaseline(level: PerspectiveLevel): number | undefined {
  return level.adjusted?.value ?? level.surveyMean;
}

export interface Goal {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly perspectiveId: string | undefined;
  readonly strategyGoal: string;
  readonly compassArea: CompassArea | undefined;
  readonly position: number;
  readonly createdAt: string;
}

export interface CheckInNote {
  readonly period: string;
  readonly status: ActionStatus;
  readonly line: string;
  readonly by: PersonRef;
  readonly at: string;
}

export interface RoadmapAction {
  readonly id: string;
  readonly goalId: string;
  readonly title: string;
  readonly owner: Owner | undefined;
  readonly start: Quarter;
  readonly end: Quarter;
  readonly status: ActionStatus;
  readonly indicator: string;
  readonly note: string;
  readonly lastCheckIn: CheckInNote | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An open action whose last quarter has passed, or one its owner marked late. */
export function isLate(action: Pick<RoadmapAction, 'status' | 'end'>, now: Quarter): boolean {
  if (action.status === 'late') return true;
  if (action.status !== 'planned' && action.status !== 'inProgress') return false;
  return quarterIndex(action.end) < quarterIndex(now);
}

/** One leadership-team member's target picks, one row per person per roadmap. */
export interface TargetPicks {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly session: number;
  readonly picks: Readonly<Record<string, number>>;
  readonly updatedAt: string;
}

export interface CheckIn {
  readonly period: string;
  readonly actionId: string;
  readonly status: ActionStatus;
  readonly previousStatus: ActionStatus;
  readonly line: string;
  readonly by: PersonRef;
  readonly at: string;
}

/** What a change was, in words the tab renders per language; never a person's name beyond the actor. */
export const HISTORY_KINDS = [
  'created',
  'updated',
  'phaseChanged',
  'baselineRefreshed',
  'baselineAdjusted',
  'targetAgreed',
  'targetSettingOpened',
  'targetSettingClosed',
  'targetsPicked',
  'goalAdded',
  'goalUpdated',
  'goalRemoved',
  'actionAdded',
  'actionUpdated',
  'actionRemoved',
  'checkIn',
  'brandingUpdated',
  'logoUpdated',
  'logoRemoved',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface HistoryEntry {
  readonly at: string;
  readonly actor: PersonRef;
  readonly kind: HistoryKind;
  /** The goal's or action's title, or the perspective's id. */
  readonly subject: string;
  /** Field ids that changed (`title`, `owner`, `status`…). */
  readonly fields: readonly string[];
  /** Status or phase before and after, when it changed. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export const historyEntrySchema: z.ZodType<Omit<HistoryEntry, 'at' | 'actor'>> = z.object({
  kind: z.enum(HISTORY_KINDS),
  subject: z.string(),
  fields: z.array(z.string()),
  from: z.string().optional(),
  to: z.string().optional(),
});

/** The id of a municipality's roadmap in a round: one per (round, municipality), so creation is idempotent. */
export function roadmapIdOf(roundId: string, municipalityId: string): string {
  return `${roundId}~${municipalityId}`;
}

// ---- Follow-up periods -----------------------------------------------------------------------

export interface FollowUpPeriod {
  /** `YYYY-MM` of the first month. */
  readonly key: string;
  readonly year: number;
  readonly startMonth: number;
  readonly months: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** The follow-up period an instant falls in (Helsinki time), for a cadence in months. */
export function periodOf(instant: Date, cadenceMonths: CadenceMonths): FollowUpPeriod {
  const wall = toHelsinkiWallClock(instant);
  const startMonth = Math.floor((wall.month - 1) / cadenceMonths) * cadenceMonths + 1;
  return periodStarting(wall.year, startMonth, cadenceMonths);
}

export function periodStarting(
  year: number,
  startMonth: number,
  cadenceMonths: CadenceMonths,
): FollowUpPeriod {
  const endMonthIndex = startMonth - 1 + cadenceMonths;
  const endYear = year + Math.floor(endMonthIndex / 12);
  const endMonth = (endMonthIndex % 12) + 1;
  return {
    key: `${year}-${String(startMonth).padStart(2, '0')}`,
    year,
    startMonth,
    months: cadenceMonths,
    startsAt: fromHelsinkiWallClock({ year, month: startMonth, day: 1, hour: 0, minute: 0 }),
    endsAt: fromHelsinkiWallClock({ year: endYear, month: endMonth, day: 1, hour: 0, minute: 0 }),
  };
}

/** The period before `period` with the same cadence. */
export function previousPeriod(period: FollowUpPeriod): FollowUpPeriod {
  const monthIndex = period.year * 12 + (period.startMonth - 1) - period.months;
  return periodStarting(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, period.months as CadenceMonths);
}

export function parsePeriodKey(key: string, cadenceMonths: CadenceMonths): FollowUpPeriod | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || (month - 1) % cadenceMonths !== 0) return undefined;
  return periodStarting(year, month, cadenceMonths);
}

/** "Q1/2027" for quarters, "2027" for years, "1–6/2027" for other cadences. */
export function periodText(period: Pick<FollowUpPeriod, 'year' | 'startMonth' | 'months'>): string {
  if (period.months === 3) return `Q${(period.startMonth - 1) / 3 + 1}/${period.year}`;
  if (period.months === 12) return String(period.year);
  if (period.months === 1) return `${period.startMonth}/${period.year}`;
  return `${period.startMonth}–${period.startMonth + period.months - 1}/${period.year}`;
}

/** The last quarter a follow-up period touches, for "has this action started" checks. */
export function lastQuarterOf(period: FollowUpPeriod): Quarter {
  return {
    year: period.year,
    quarter: (Math.floor((period.startMonth + period.months - 2) / 3) + 1) as Quarter['quarter'],
  };
}

/** The median of values, for the agreed target's suggestion. */
export function medianOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Quartiles as Excel's PERCENTILE.INC (Hyndman–Fan type 7), the survey's convention. */
export function quantile(sortedValues: readonly number[], p: number): number | undefined {
  if (sortedValues.length === 0) return undefined;
  const position = (sortedValues.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sortedValues[lower] ?? 0;
  const high = sortedValues[upper] ?? low;
  return low + (high - low) * (position - lower);
}

export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
