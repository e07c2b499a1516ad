/**
 * What the tab's survey API answers with. Types only and no imports, so the tab (a browser
 * project) imports them too and both sides change together.
 */
export type SurveyStatusView = 'scheduled' | 'open' | 'closed';
export type SurveyKindView = 'baseline' | 'followUp';
export type PerspectiveScopeView = 'personal' | 'municipality';

export interface LocalizedTextView {
  readonly fi: string;
  readonly sv?: string;
  readonly en?: string;
}

export interface SurveyContactView {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly name: string;
}

/** A survey as coordinators manage it (and, without the contacts, as its municipality sees it). */
export interface SurveyAdminView {
  readonly id: string;
  readonly code: string;
  readonly roundId: string;
  readonly municipalityId: string;
  readonly municipalityName: string;
  readonly status: SurveyStatusView;
  readonly kind: SurveyKindView;
  readonly instrumentVersion: number;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly closedAt: string | null;
  /** Helsinki time, the Finnish way: `1.2.2027 klo 9.00`. */
  readonly opensAtText: string;
  readonly closesAtText: string;
  /** Helsinki wall-clock time for a `datetime-local` input. */
  readonly opensAtInput: string;
  readonly closesAtInput: string;
  readonly headcount: number | null;
  readonly respondents: number;
  /** respondents / headcount, 0…1; null without a headcount. */
  readonly responseRate: number | null;
  /** "142/600 vastannut, 24 %". */
  readonly responseText: string;
  readonly requireCode: boolean;
  readonly shareUrl: string;
  readonly qrPngUrl: string;
  readonly qrSvgUrl: string;
  /** The people who get the opening card and the reminder. */
  readonly contacts: readonly SurveyContactView[];
  /** True when no one was named, so the municipality's leadership-team participants are the contacts. */
  readonly contactsAreDefault: boolean;
}

export interface SurveyListResponse {
  readonly items: SurveyAdminView[];
  readonly roundId: string | null;
}

export interface SpreadView {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly municipalities: number;
}

export interface PerspectiveResultView {
  readonly id: string;
  readonly label: string;
  readonly question: string;
  readonly scope: PerspectiveScopeView;
  /** Answers with a number (1–5). */
  readonly n: number;
  readonly dontKnow: number;
  /** Null when suppressed or nobody gave a number. */
  readonly mean: number | null;
  /** Counts of 1…5 and "don't know"; null when suppressed. */
  readonly distribution: readonly number[] | null;
  readonly suppressed: boolean;
  /** Why the figure is not shown, in the asked language. */
  readonly suppressedReason: string | null;
  /** The network's municipalities (their baselines): median and quartiles of their means. */
  readonly network: SpreadView | null;
  /** The same over municipalities of this one's size class. */
  readonly sizeClass: SpreadView | null;
  /** This municipality's percentile rank in the network, 0…100. */
  readonly percentile: number | null;
  /** For a follow-up: the baseline's mean and the change since. */
  readonly baselineMean: number | null;
  readonly change: number | null;
}

export interface GroupRowView {
  readonly optionId: string;
  readonly label: string;
  /** Null when suppressed. */
  readonly respondents: number | null;
  readonly suppressed: boolean;
  readonly suppressedReason: string | null;
  /** Mean per perspective id; null when suppressed or no numbers. */
  readonly means: Readonly<Record<string, number | null>>;
}

export interface BreakdownView {
  readonly questionId: string;
  readonly label: string;
  readonly rows: readonly GroupRowView[];
}

export interface CommentsView {
  readonly shown: boolean;
  readonly reason: string | null;
  readonly count: number;
  readonly items: readonly string[];
  readonly continuationToken: string | null;
}

export interface SurveyResultsView {
  readonly survey: SurveyAdminView;
  readonly municipality: {
    readonly id: string;
    readonly name: string;
    readonly sizeClass: string | null;
    readonly sizeClassName: string | null;
  };
  readonly scale: readonly string[];
  readonly dontKnowLabel: string;
  readonly respondents: number;
  /** True when the whole survey has too few answers for any figure. */
  readonly suppressed: boolean;
  readonly suppressedReason: string | null;
  readonly thresholds: {
    readonly minGroupSize: number;
    readonly minCommentGroup: number;
    readonly minMunicipalities: number;
  };
  readonly perspectives: readonly PerspectiveResultView[];
  readonly breakdowns: readonly BreakdownView[];
  readonly comments: CommentsView;
  readonly comparison: {
    readonly networkMunicipalities: number;
    readonly sizeClassMunicipalities: number;
    /** Why the network figures are missing, when they are. */
    readonly networkNote: string | null;
    readonly baselineSurveyId: string | null;
  };
  readonly generatedAt: string;
  readonly generatedAtText: string;
}

/** Coordinators: every municipality's baseline means side by side. */
export interface NetworkResultsView {
  readonly roundId: string;
  readonly perspectives: readonly {
    readonly id: string;
    readonly label: string;
    readonly scope: PerspectiveScopeView;
  }[];
  readonly network: Readonly<Record<string, SpreadView | null>>;
  readonly municipalities: readonly {
    readonly municipalityId: string;
    readonly name: string;
    readonly sizeClass: string | null;
    readonly surveyId: string;
    readonly respondents: number;
    /** Null where the municipality has fewer answers than the threshold. */
    readonly means: Readonly<Record<string, number | null>>;
  }[];
  readonly updatedAt: string;
}

/** What a signed-in participant may see: the surveys of their municipality. */
export interface MySurveysResponse {
  readonly items: readonly {
    readonly survey: SurveyAdminView;
    readonly canSeeResults: boolean;
  }[];
}

export interface InstrumentView {
  readonly id: string;
  readonly version: number;
  /** True once a survey has opened with this version: an edit then becomes the next version. */
  readonly frozen: boolean;
  readonly content: {
    readonly name: LocalizedTextView;
    readonly perspectives: readonly {
      readonly id: string;
      readonly label: LocalizedTextView;
      readonly question: LocalizedTextView;
      readonly scope: PerspectiveScopeView;
    }[];
    readonly scale: readonly LocalizedTextView[];
    readonly dontKnow: LocalizedTextView;
    readonly background: readonly {
      readonly id: string;
      readonly label: LocalizedTextView;
      readonly options: readonly { readonly id: string; readonly label: LocalizedTextView }[];
    }[];
    readonly comment: { readonly prompt: LocalizedTextView; readonly maxLength: number } | null;
    readonly reporting: {
      readonly minGroupSize: number;
      readonly minCommentGroup: number;
      readonly minMunicipalities: number;
    };
  };
}
