/**
 * What the tab's poll API answers with. Types only and no imports, so the tab (a browser project)
 * imports them too and both sides change together.
 */
export type WishPollStatusView = 'scheduled' | 'open' | 'closed';

export interface LocalizedTextView {
  readonly fi: string;
  readonly sv?: string;
  readonly en?: string;
}

export interface WishPollTopicView {
  readonly id: string;
  /** In the asked language (Finnish when there is no translation). */
  readonly label: string;
}

export interface MyWishPollAnswerView {
  readonly topicIds: string[];
  readonly suggestion: string | null;
  readonly submittedAt: string;
  /** Send back as `If-Match` to change the answer only if it is still the one shown. */
  readonly version: number;
}

/** A poll as a participant sees it, with their own answer. */
export interface WishPollView {
  readonly id: string;
  readonly question: string;
  readonly topics: WishPollTopicView[];
  readonly selection: { readonly mode: 'single' | 'multiple'; readonly maxChoices: number };
  /** Null when the poll takes no free-text suggestion. */
  readonly suggestionMaxLength: number | null;
  readonly opensAt: string;
  readonly closesAt: string;
  /** `closesAt` (or the early close) in Helsinki time, the Finnish way: `1.10.2025 klo 16.00`. */
  readonly closesAtText: string;
  readonly status: WishPollStatusView;
  readonly anonymous: boolean;
  readonly myAnswer: MyWishPollAnswerView | null;
}

/** A closed poll whose coordinators let participants see the results. */
export interface ClosedPollResultsView {
  readonly id: string;
  readonly question: string;
  readonly closedAtText: string;
  readonly respondents: number;
  readonly topics: {
    readonly id: string;
    readonly label: string;
    readonly count: number;
    readonly share: number;
  }[];
  /** What the reader chose, if they answered. */
  readonly myTopicIds: string[];
}

export interface WishPollListResponse {
  readonly items: WishPollView[];
  /** Polls closed in the last 30 days that show their results to participants. */
  readonly closed: ClosedPollResultsView[];
}

/** A poll as coordinators manage it. */
export interface WishPollAdminView {
  readonly id: string;
  readonly question: LocalizedTextView;
  readonly topics: { readonly id: string; readonly label: LocalizedTextView }[];
  readonly selection: { readonly mode: 'single' | 'multiple'; readonly maxChoices: number | null };
  readonly suggestionMaxLength: number | null;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly closedAt: string | null;
  readonly status: WishPollStatusView;
  readonly audience: { readonly roles: string[]; readonly municipalityIds: string[] };
  readonly anonymous: boolean;
  readonly resultsVisibleToParticipants: boolean;
  readonly reminderLeadMinutes: number | null;
  readonly createdAt: string;
}

export interface WishPollAdminListResponse {
  readonly items: WishPollAdminView[];
}

export interface GroupResultView {
  readonly id: string;
  readonly name: string;
  /** People in the poll's audience in this group now. */
  readonly audience: number;
  readonly respondents: number;
  /** respondents / audience, 0…1; null when the group has nobody in the audience. */
  readonly responseRate: number | null;
  /**
   * Choices per topic id. Null in an anonymous poll when the group has fewer respondents than
   * `smallGroupThreshold`: so few answers would tell who said what.
   */
  readonly topics: Record<string, number> | null;
}

export interface SuggestionView {
  readonly text: string;
  /** Null in anonymous polls. */
  readonly municipalityName: string | null;
  readonly name: string | null;
  readonly submittedAt: string | null;
}

export interface WishPollResultsView {
  readonly pollId: string;
  readonly question: string;
  readonly status: WishPollStatusView;
  readonly anonymous: boolean;
  readonly respondents: number;
  readonly audience: number;
  readonly responseRate: number | null;
  readonly topics: {
    readonly id: string;
    readonly label: string;
    readonly count: number;
    /** count / respondents, 0…1. */
    readonly share: number;
  }[];
  readonly byMunicipality: GroupResultView[];
  readonly byRole: GroupResultView[];
  /** Anonymous polls hide topic breakdowns of groups smaller than this; null for named polls. */
  readonly smallGroupThreshold: number | null;
  readonly suggestions: {
    readonly count: number;
    readonly items: SuggestionView[];
    readonly continuationToken: string | null;
  };
}

/** What posting a poll would send (`GET /api/polls/:id/post-preview`), for the confirmation. */
export interface PollPostPreviewResponse {
  readonly reach: { readonly channels: number; readonly people: number };
  readonly channelCard: unknown;
  readonly personalCards: { readonly fi: unknown; readonly sv: unknown; readonly en: unknown };
}
