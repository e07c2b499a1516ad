/**
 * Topic wish polls (aihetoivekyselyt): the model and the rules, with no Teams or storage types.
 * At the start of a round participants say which contents the network should cover; coordinators
 * plan the common programme from the answers.
 */
import type { TeamsIdentity } from '../shared/participant';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../shared/roles';
import type { LocalizedText } from '../shared/i18n/language';

export interface WishPollTopic {
  /** Stable within the poll; letters, digits and `-` (it appears in card data and CSV headers). */
  readonly id: string;
  readonly label: LocalizedText;
}

export type WishPollSelection =
  { readonly mode: 'single' } | { readonly mode: 'multiple'; readonly maxChoices: number | undefined };

/** Who is asked: empty lists mean "everyone" for that dimension. */
export interface WishPollAudience {
  readonly roles: readonly ParticipantRole[];
  readonly municipalityIds: readonly string[];
}

export interface WishPoll {
  readonly id: string;
  readonly question: LocalizedText;
  readonly topics: readonly WishPollTopic[];
  readonly selection: WishPollSelection;
  /** Undefined: no free-text field. Otherwise its maximum length in characters. */
  readonly suggestionMaxLength: number | undefined;
  /** UTC instants (ISO 8601); shown in Helsinki time. */
  readonly opensAt: string;
  readonly closesAt: string;
  /** Set when a coordinator closed the poll before `closesAt`. */
  readonly closedAt: string | undefined;
  readonly audience: WishPollAudience;
  /** Coordinators see counts and suggestions, never who said what. */
  readonly anonymous: boolean;
  /** Participants see the topic counts on the card once the poll has closed. */
  readonly resultsVisibleToParticipants: boolean;
  /** Non-answerers are reminded once, this many minutes before closing; undefined for no reminder. */
  readonly reminderLeadMinutes: number | undefined;
  readonly createdBy: TeamsIdentity;
  readonly createdAt: string;
}

export const SUGGESTION_LIMIT = 2000;
export const MAX_TOPICS = 30;
export const TOPIC_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export type WishPollStatus = 'scheduled' | 'open' | 'closed';

export function pollStatus(poll: WishPoll, now: Date): WishPollStatus {
  const at = now.getTime();
  if (poll.closedAt !== undefined || at >= Date.parse(poll.closesAt)) return 'closed';
  if (at < Date.parse(poll.opensAt)) return 'scheduled';
  return 'open';
}

/** When the poll stopped taking answers (or will): the earlier of a manual close and `closesAt`. */
export function effectiveCloseTime(poll: WishPoll): string {
  if (poll.closedAt !== undefined && Date.parse(poll.closedAt) < Date.parse(poll.closesAt)) {
    return poll.closedAt;
  }
  return poll.closesAt;
}

/** What the poll needs to know about an answerer: who, and where they belong. */
export interface Answerer extends TeamsIdentity {
  readonly name: string;
  readonly municipalityId: string | undefined;
  readonly roles: readonly ParticipantRole[];
  readonly active: boolean;
}

export function isInAudience(poll: WishPoll, person: Answerer): boolean {
  if (!person.active) return false;
  const { roles, municipalityIds } = poll.audience;
  if (municipalityIds.length > 0) {
    if (person.municipalityId === undefined || !municipalityIds.includes(person.municipalityId)) return false;
  }
  if (roles.length > 0 && !person.roles.some((role) => roles.includes(role))) return false;
  return true;
}

/** One participant's answer as stored: what they chose and the facts the tally counts by. */
export interface WishPollAnswer {
  readonly pollId: string;
  readonly answerer: TeamsIdentity;
  /** Kept only for polls that are not anonymous. */
  readonly name: string | undefined;
  /** Snapshots at answer time, so a later roster change cannot make the tally inconsistent. */
  readonly municipalityId: string | undefined;
  readonly roles: readonly ParticipantRole[];
  readonly topicIds: readonly string[];
  readonly suggestion: string | undefined;
  /** When the person submitted this version (the Teams activity time); decides which change is later. */
  readonly submittedAt: string;
  /** 1 for the first answer, +1 for each change. */
  readonly version: number;
}

/** What the person sent, before validation. */
export interface AnswerInput {
  readonly topicIds: readonly string[];
  readonly suggestion: string | undefined;
}

export type AnswerProblem =
  | { readonly kind: 'unknownTopic' }
  | { readonly kind: 'tooManyChoices'; readonly max: number }
  | { readonly kind: 'nothingChosen' }
  | { readonly kind: 'suggestionTooLong'; readonly max: number }
  | { readonly kind: 'suggestionNotAllowed' };

export type ValidatedAnswer =
  | { readonly ok: true; readonly topicIds: readonly string[]; readonly suggestion: string | undefined }
  | { readonly ok: false; readonly problem: AnswerProblem };

/** Checks an answer against the poll; the topics come back de-duplicated in the poll's own order. */
export function validateAnswer(poll: WishPoll, input: AnswerInput): ValidatedAnswer {
  const known = new Set(poll.topics.map((topic) => topic.id));
  const chosen = new Set(input.topicIds.map((id) => id.trim()).filter((id) => id !== ''));
  for (const id of chosen) if (!known.has(id)) return { ok: false, problem: { kind: 'unknownTopic' } };
  const max = maxChoices(poll);
  if (chosen.size > max) return { ok: false, problem: { kind: 'tooManyChoices', max } };
  const suggestion = normaliseSuggestion(input.suggestion);
  if (suggestion !== undefined) {
    if (poll.suggestionMaxLength === undefined) {
      return { ok: false, problem: { kind: 'suggestionNotAllowed' } };
    }
    if ([...suggestion].length > poll.suggestionMaxLength) {
      return { ok: false, problem: { kind: 'suggestionTooLong', max: poll.suggestionMaxLength } };
    }
  }
  if (chosen.size === 0 && suggestion === undefined) return { ok: false, problem: { kind: 'nothingChosen' } };
  return { ok: true, topicIds: poll.topics.map((t) => t.id).filter((id) => chosen.has(id)), suggestion };
}

export function maxChoices(poll: WishPoll): number {
  if (poll.selection.mode === 'single') return 1;
  return poll.selection.maxChoices ?? poll.topics.length;
}

/** Trims, unifies line breaks and drops control characters; blank means no suggestion. */
export function normaliseSuggestion(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
  return cleaned === '' ? undefined : cleaned;
}

export function sameAnswer(
  stored: Pick<WishPollAnswer, 'topicIds' | 'suggestion'>,
  next: Pick<WishPollAnswer, 'topicIds' | 'suggestion'>,
): boolean {
  return (
    stored.suggestion === next.suggestion &&
    stored.topicIds.length === next.topicIds.length &&
    stored.topicIds.every((id, index) => next.topicIds[index] === id)
  );
}

/** Parses the comma-separated value an Adaptive Card ChoiceSet submits. */
export function parseChoiceValue(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

export function isParticipantRole(value: unknown): value is ParticipantRole {
  return typeof value === 'string' && (PARTICIPANT_ROLES as readonly string[]).includes(value);
}
