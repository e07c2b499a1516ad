import { randomInt } from 'node:crypto';
import type { TeamsIdentity } from '../shared/participant';

/**
 * One municipality's run of the staff digitalisation survey in a round. The first survey of a
 * round for a municipality is its baseline (lähtötaso); a later one, at the end of the round, is
 * its follow-up and is compared with the baseline.
 */
export interface Survey {
  readonly id: string;
  readonly roundId: string;
  readonly municipalityId: string;
  /** The public answer page is `/s/<code>`: short, random, the same for everyone. */
  readonly code: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  /** UTC instants (ISO 8601); entered and shown in Helsinki time. */
  readonly opensAt: string;
  readonly closesAt: string;
  /** Set when a coordinator closes the survey before its closing time. */
  readonly closedAt: string | undefined;
  /** Staff and elected officials the survey goes to, as the coordinator entered it: the response rate's base. */
  readonly headcount: number | undefined;
  /** The municipality hands out one-time codes; an answer without a valid unused code is refused. */
  readonly requireCode: boolean;
  readonly createdAt: string;
  readonly createdBy: TeamsIdentity;
}

export type SurveyStatus = 'scheduled' | 'open' | 'closed';

export function surveyStatus(
  survey: Pick<Survey, 'opensAt' | 'closesAt' | 'closedAt'>,
  now: Date,
): SurveyStatus {
  const at = now.toISOString();
  if (survey.closedAt !== undefined || survey.closesAt <= at) return 'closed';
  return survey.opensAt <= at ? 'open' : 'scheduled';
}

/** When the survey stopped (or stops) taking answers. */
export function effectiveCloseTime(survey: Pick<Survey, 'closesAt' | 'closedAt'>): string {
  return survey.closedAt !== undefined && survey.closedAt < survey.closesAt
    ? survey.closedAt
    : survey.closesAt;
}

/** Letters and digits that cannot be mistaken for one another on a poster (no 0/o, 1/l/i). */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const SURVEY_CODE_PATTERN = /^[a-hjkmnp-z2-9]{10}$/;

export function newSurveyCode(): string {
  let code = '';
  for (let i = 0; i < 10; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** One-time codes are typed by hand: eight characters in two groups, case and dashes ignored. */
const ONE_TIME_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newOneTimeCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    if (i === 4) code += '-';
    code += ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)];
  }
  return code;
}

/** The canonical form of a typed one-time code, or undefined when it cannot be one. */
export function normaliseOneTimeCode(typed: string | undefined): string | undefined {
  if (typed === undefined) return undefined;
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-HJKMNP-Z2-9]{8}$/.test(compact) ? compact : undefined;
}

/** The surveys of one municipality in one round, oldest first: the first is the baseline. */
export function orderOfRuns(surveys: readonly Survey[]): Survey[] {
  return [...surveys].sort(
    (a, b) => a.opensAt.localeCompare(b.opensAt) || a.createdAt.localeCompare(b.createdAt),
  );
}

export function isBaseline(survey: Survey, all: readonly Survey[]): boolean {
  const runs = orderOfRuns(
    all.filter((s) => s.roundId === survey.roundId && s.municipalityId === survey.municipalityId),
  );
  return runs[0]?.id === survey.id;
}

/** The public answer page of a survey. */
export function shareUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/s/${code}`;
}
