import { municipalityName as nameIn, type Municipality } from '../shared/municipality';
import { PARTICIPANT_ROLES, ROLE_NAMES } from '../shared/roles';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import { pollMessagesFor } from './poll-messages';
import type { StoredSuggestion } from './wish-poll-repository';
import {
  effectiveCloseTime,
  isInAudience,
  maxChoices,
  pollStatus,
  type Answerer,
  type WishPoll,
  type WishPollAnswer,
} from './wish-poll';
import type {
  GroupResultView,
  SuggestionView,
  WishPollAdminView,
  WishPollResultsView,
  WishPollView,
} from './wish-poll-contracts';
import { NO_MUNICIPALITY, type GroupCounts, type WishPollTally } from './wish-poll-tally';

/**
 * In an anonymous poll, a municipality or role with fewer respondents than this shows no topic
 * breakdown: with one or two answers the counts would say who chose what.
 */
export const SMALL_GROUP_THRESHOLD = 3;

/** How many people are in a poll's audience now, in total and per municipality and role. */
export interface AudienceCounts {
  readonly total: number;
  readonly byMunicipality: ReadonlyMap<string, number>;
  readonly byRole: ReadonlyMap<string, number>;
}

export function countAudience(poll: WishPoll, people: readonly Answerer[]): AudienceCounts {
  const byMunicipality = new Map<string, number>();
  const byRole = new Map<string, number>();
  let total = 0;
  for (const person of people) {
    if (!isInAudience(poll, person)) continue;
    total += 1;
    const municipality = person.municipalityId ?? NO_MUNICIPALITY;
    byMunicipality.set(municipality, (byMunicipality.get(municipality) ?? 0) + 1);
    for (const role of new Set(person.roles)) byRole.set(role, (byRole.get(role) ?? 0) + 1);
  }
  return { total, byMunicipality, byRole };
}

export function municipalityName(
  id: string,
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
): string {
  if (id === NO_MUNICIPALITY) return pollMessagesFor(language).csv.noMunicipality;
  const municipality = municipalities.get(id);
  return municipality ? nameIn(municipality, language) : id;
}

export interface ResultsInput {
  readonly poll: WishPoll;
  readonly tally: WishPollTally;
  readonly audience: AudienceCounts;
  readonly municipalities: ReadonlyMap<string, Municipality>;
  readonly suggestions: {
    readonly items: readonly StoredSuggestion[];
    readonly continuationToken: string | undefined;
  };
  readonly language: Language;
  readonly now: Date;
}

/** The coordinators' view of a poll's results, from the tally alone (plus one page of suggestions). */
export function buildResults(input: ResultsInput): WishPollResultsView {
  const { poll, tally, audience, municipalities, language } = input;
  const suppress = poll.anonymous;
  const group = (
    id: string,
    name: string,
    counts: GroupCounts | undefined,
    audienceCount: number,
  ): GroupResultView => {
    const respondents = counts?.respondents ?? 0;
    const hidden = suppress && respondents < SMALL_GROUP_THRESHOLD;
    return {
      id,
      name,
      audience: audienceCount,
      respondents,
      responseRate: rate(respondents, audienceCount),
      topics: hidden ? null : { ...(counts?.topics ?? {}) },
    };
  };
  const municipalityIds = new Set([...audience.byMunicipality.keys(), ...Object.keys(tally.byMunicipality)]);
  const byMunicipality = [...municipalityIds]
    .map((id) =>
      group(
        id,
        municipalityName(id, municipalities, language),
        tally.byMunicipality[id],
        audience.byMunicipality.get(id) ?? 0,
      ),
    )
    .sort((a, b) => sortLast(a.id, b.id) || a.name.localeCompare(b.name, 'fi'));
  const roleIds = PARTICIPANT_ROLES.filter(
    (role) => audience.byRole.has(role) || tally.byRole[role] !== undefined,
  );
  const byRole = roleIds.map((role) =>
    group(role, pickText(ROLE_NAMES[role], language), tally.byRole[role], audience.byRole.get(role) ?? 0),
  );
  return {
    pollId: poll.id,
    question: pickText(poll.question, language),
    status: pollStatus(poll, input.now),
    anonymous: poll.anonymous,
    respondents: tally.respondents,
    audience: audience.total,
    responseRate: rate(tally.respondents, audience.total),
    topics: poll.topics.map((topic) => {
      const count = tally.topics[topic.id] ?? 0;
      return {
        id: topic.id,
        label: pickText(topic.label, language),
        count,
        share: tally.respondents === 0 ? 0 : count / tally.respondents,
      };
    }),
    byMunicipality,
    byRole,
    smallGroupThreshold: suppress ? SMALL_GROUP_THRESHOLD : null,
    suggestions: {
      count: tally.suggestions,
      items: input.suggestions.items.map((suggestion) =>
        suggestionView(poll, suggestion, municipalities, language),
      ),
      continuationToken: input.suggestions.continuationToken ?? null,
    },
  };
}

export function suggestionView(
  poll: WishPoll,
  suggestion: StoredSuggestion,
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
): SuggestionView {
  if (poll.anonymous) return { text: suggestion.text, municipalityName: null, name: null, submittedAt: null };
  return {
    text: suggestion.text,
    municipalityName: suggestion.municipalityId
      ? municipalityName(suggestion.municipalityId, municipalities, language)
      : null,
    name: suggestion.name ?? null,
    submittedAt: suggestion.submittedAt || null,
  };
}

export function pollView(
  poll: WishPoll,
  answer: WishPollAnswer | undefined,
  language: Language,
  now: Date,
): WishPollView {
  return {
    id: poll.id,
    question: pickText(poll.question, language),
    topics: poll.topics.map((topic) => ({ id: topic.id, label: pickText(topic.label, language) })),
    selection: { mode: poll.selection.mode, maxChoices: maxChoices(poll) },
    suggestionMaxLength: poll.suggestionMaxLength ?? null,
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
    closesAtText: formatHelsinkiDateTime(new Date(effectiveCloseTime(poll)), language),
    status: pollStatus(poll, now),
    anonymous: poll.anonymous,
    myAnswer: answer
      ? {
          topicIds: [...answer.topicIds],
          suggestion: answer.suggestion ?? null,
          submittedAt: answer.submittedAt,
          version: answer.version,
        }
      : null,
  };
}

export function adminView(poll: WishPoll, now: Date): WishPollAdminView {
  return {
    id: poll.id,
    question: { ...poll.question },
    topics: poll.topics.map((topic) => ({ id: topic.id, label: { ...topic.label } })),
    selection: {
      mode: poll.selection.mode,
      maxChoices: poll.selection.mode === 'multiple' ? (poll.selection.maxChoices ?? null) : 1,
    },
    suggestionMaxLength: poll.suggestionMaxLength ?? null,
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
    closedAt: poll.closedAt ?? null,
    status: pollStatus(poll, now),
    audience: { roles: [...poll.audience.roles], municipalityIds: [...poll.audience.municipalityIds] },
    anonymous: poll.anonymous,
    resultsVisibleToParticipants: poll.resultsVisibleToParticipants,
    reminderLeadMinutes: poll.reminderLeadMinutes ?? null,
    createdAt: poll.createdAt,
  };
}

function rate(respondents: number, audience: number): number | null {
  if (audience === 0) return null;
  return Math.min(1, respondents / audience);
}

/** People without a municipality (coordinators' colleagues, say) go last. */
function sortLast(a: string, b: string): number {
  return Number(a === NO_MUNICIPALITY) - Number(b === NO_MUNICIPALITY);
}
