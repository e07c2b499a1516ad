/**
 * What the tab's roadmap API answers with and accepts. Types only and no imports, so the tab (a
 * browser project) imports them too and both sides change together.
 */
export type RoadmapPhaseView =
  'preparation' | 'survey' | 'leadershipWorkshop' | 'contentWorkshop' | 'summary' | 'followUp';
export type ActionStatusView = 'planned' | 'inProgress' | 'done' | 'late' | 'dropped';
export type CompassAreaView = 'skills' | 'infrastructure' | 'business' | 'publicServices';
export type PriorityView = 'high' | 'medium' | 'low';
export type TargetSettingStateView = 'notStarted' | 'open' | 'closed';

export interface QuarterView {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export interface Choice<T extends string = string> {
  readonly id: T;
  readonly name: string;
}

export interface OwnerView {
  readonly kind: 'participant' | 'external' | 'erased';
  readonly name: string;
  /** The participant's identity, for editors (to keep or change the owner); null otherwise. */
  readonly tenantId: string | null;
  readonly aadObjectId: string | null;
  readonly title: string | null;
  /** False for a named person outside Teams (and an erased one): no check-in card reaches them. */
  readonly reachableInTeams: boolean;
}

export interface PerspectiveLevelView {
  readonly id: string;
  readonly etag: string;
  readonly label: string;
  readonly scope: 'personal' | 'municipality';
  readonly scopeName: string;
  readonly surveyMean: number | null;
  readonly surveyN: number;
  readonly suppressed: boolean;
  /** The baseline people work from: the adjustment if any, else the survey's mean. */
  readonly baseline: number | null;
  readonly adjustment: {
    readonly value: number;
    readonly reason: string;
    readonly byName: string;
    readonly atText: string;
  } | null;
  readonly target: number | null;
  readonly targetYear: number | null;
  readonly priority: PriorityView | null;
  readonly priorityName: string | null;
  readonly agreedByName: string | null;
  readonly agreedAtText: string | null;
}

export interface CheckInNoteView {
  readonly period: string;
  readonly periodText: string;
  readonly status: ActionStatusView;
  readonly statusName: string;
  readonly line: string;
  readonly byName: string;
  readonly atText: string;
}

export interface ActionView {
  readonly id: string;
  readonly etag: string;
  readonly goalId: string;
  readonly title: string;
  readonly owner: OwnerView | null;
  readonly start: QuarterView;
  readonly end: QuarterView;
  readonly scheduleText: string;
  readonly status: ActionStatusView;
  readonly statusName: string;
  /** Open and past its last quarter, or marked late. */
  readonly late: boolean;
  readonly indicator: string;
  readonly note: string;
  readonly lastCheckIn: CheckInNoteView | null;
}

export interface GoalView {
  readonly id: string;
  readonly etag: string;
  readonly title: string;
  readonly description: string;
  readonly perspectiveId: string | null;
  readonly perspectiveLabel: string | null;
  readonly strategyGoal: string;
  readonly compassArea: CompassAreaView | null;
  readonly compassAreaName: string | null;
  readonly actions: readonly ActionView[];
}

export interface RoadmapView {
  readonly id: string;
  /** The header's ETag: send it as If-Match to change phase, vision, owner, cadence or branding. */
  readonly etag: string;
  readonly roundId: string;
  readonly municipality: { readonly id: string; readonly name: string };
  readonly phase: RoadmapPhaseView;
  readonly phases: readonly (Choice<RoadmapPhaseView> & {
    readonly state: 'done' | 'current' | 'upcoming';
  })[];
  readonly vision: string;
  readonly owner: OwnerView | null;
  readonly cadenceMonths: number;
  readonly cadenceText: string;
  readonly targetYear: number;
  readonly branding: {
    readonly primaryColour: string;
    readonly secondaryColour: string;
    readonly logoUrl: string | null;
    readonly logoAlt: string | null;
  };
  readonly baseline: {
    readonly surveyId: string | null;
    readonly respondents: number | null;
    readonly instrumentVersion: number | null;
    readonly fetchedAtText: string | null;
  };
  readonly targetSetting: {
    readonly state: TargetSettingStateView;
    readonly session: number;
    readonly openedAtText: string | null;
    readonly closedAtText: string | null;
    readonly answered: number;
  };
  readonly perspectives: readonly PerspectiveLevelView[];
  readonly goals: readonly GoalView[];
  readonly currentQuarter: QuarterView;
  readonly followUp: { readonly periodText: string; readonly nextCheckInText: string | null };
  readonly counts: Readonly<Record<ActionStatusView, number>>;
  readonly lateCount: number;
  /** Coordinators and the municipality's leadership team. */
  readonly canEdit: boolean;
  /** Coordinators: open and close target setting, adjust baselines. */
  readonly canFacilitate: boolean;
  /** For editors: who may own an action (the municipality's participants). */
  readonly people: readonly {
    readonly tenantId: string;
    readonly aadObjectId: string;
    readonly name: string;
  }[];
  readonly choices: {
    readonly phases: readonly Choice<RoadmapPhaseView>[];
    readonly statuses: readonly Choice<ActionStatusView>[];
    readonly compassAreas: readonly Choice<CompassAreaView>[];
    readonly priorities: readonly Choice<PriorityView>[];
    readonly cadences: readonly { readonly months: number; readonly name: string }[];
  };
  readonly downloads: { readonly pdf: string; readonly docx: string };
}

export interface TargetSpreadView {
  readonly state: TargetSettingStateView;
  readonly session: number;
  /** Leadership-team members who saved picks in this session (names for editors only). */
  readonly answered: number;
  readonly eligible: number;
  readonly answeredNames: readonly string[] | null;
  readonly perspectives: readonly {
    readonly id: string;
    readonly label: string;
    readonly baseline: number | null;
    /** Every pick, sorted; never who picked what. */
    readonly picks: readonly number[];
    readonly median: number | null;
    readonly target: number | null;
  }[];
}

export interface HistoryItemView {
  readonly at: string;
  readonly atText: string;
  readonly actorName: string;
  readonly text: string;
}

export interface HistoryPage {
  readonly items: readonly HistoryItemView[];
  readonly continuationToken: string | null;
}

export interface NetworkRoadmapRow {
  /** Null for another municipality when the viewer is not a coordinator (shown anonymously). */
  readonly municipalityId: string | null;
  readonly name: string;
  readonly own: boolean;
  readonly roadmapId: string | null;
  readonly phase: RoadmapPhaseView | null;
  readonly phaseName: string | null;
  readonly actions: number;
  readonly onTrack: number;
  readonly late: number;
  readonly done: number;
  readonly targetsSet: number;
  readonly perspectives: number;
  readonly targetSetting: TargetSettingStateView | null;
}

export interface NetworkRoadmapView {
  readonly roundId: string;
  readonly anonymous: boolean;
  readonly phases: readonly (Choice<RoadmapPhaseView> & { readonly count: number })[];
  readonly withoutRoadmap: number;
  readonly totals: {
    readonly actions: number;
    readonly onTrack: number;
    readonly late: number;
    readonly done: number;
  };
  readonly rows: readonly NetworkRoadmapRow[];
  /** Targets set across the network per perspective (only with enough municipalities). */
  readonly targets: readonly {
    readonly perspectiveId: string;
    readonly label: string;
    readonly municipalities: number;
    readonly medianTarget: number | null;
    readonly q1: number | null;
    readonly q3: number | null;
    readonly medianChange: number | null;
  }[];
  readonly minMunicipalities: number;
}

export interface MyRoadmapResponse {
  readonly roadmapId: string | null;
  readonly municipalityName: string | null;
  readonly canEdit: boolean;
}

export interface BrandingResult {
  readonly primaryColour: string;
  readonly secondaryColour: string;
  /** Set when a colour was darkened to reach 4.5:1 with white text: what was asked for. */
  readonly adjusted: readonly {
    readonly field: 'primaryColour';
    readonly from: string;
    readonly to: string;
  }[];
  readonly contrastWithWhite: number;
}
