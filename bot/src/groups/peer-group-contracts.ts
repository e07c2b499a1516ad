/**
 * The shapes of the peer-group API, for the bot and the tab alike. Types only and no imports, like
 * `contracts.ts`.
 */
export type RsvpAnswer = 'accepted' | 'declined';

export interface GroupDiagnosticsView {
  readonly repeatPairings: number;
  readonly municipalityConflicts: number;
  readonly sameRegionPairs: number;
  readonly sameSizeClassPairs: number;
  readonly sizeSpread: { readonly smallest: number; readonly largest: number };
}

export interface GroupMemberView {
  readonly memberId: string;
  readonly name: string;
  readonly municipalityId: string | null;
  readonly municipalityName: string | null;
  readonly region: string | null;
  readonly sizeClass: string | null;
}

export interface FormationView {
  readonly roundId: string;
  readonly eventId: string;
  readonly seed: string;
  readonly groupSize: number;
  readonly invitedAt: string | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly diagnostics: GroupDiagnosticsView;
  readonly groups: {
    readonly index: number;
    /** 1-based, as people read it. */
    readonly number: number;
    readonly locked: boolean;
    readonly members: GroupMemberView[];
  }[];
  /** Leaders who opted out of the round. */
  readonly optedOut: GroupMemberView[];
  readonly etag: string;
}

export interface DiscussionSummary {
  readonly eventId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** `20.8.2024 klo 14.00–15.30`. */
  readonly when: string;
  readonly formed: boolean;
  readonly invitedAt: string | null;
  readonly groupCount: number;
  readonly diagnostics: GroupDiagnosticsView | null;
}

export interface DiscussionsResponse {
  readonly roundId: string | null;
  readonly leaders: number;
  readonly optedOut: number;
  readonly outlook: boolean;
  readonly discussions: DiscussionSummary[];
}

export interface GroupAnswersView {
  readonly meetingId: string;
  readonly groupNumber: number;
  readonly status: 'scheduled' | 'cancelled';
  readonly sequence: number;
  /** The delivery of this version's invitations, for the delivery report. */
  readonly deliveryId: string;
  readonly startsAt: string;
  readonly when: string;
  readonly joinUrl: string | null;
  readonly inOutlook: boolean;
  readonly counts: { readonly accepted: number; readonly declined: number; readonly none: number };
  readonly members: {
    readonly memberId: string;
    readonly name: string;
    readonly municipalityName: string | null;
    readonly response: RsvpAnswer | 'none';
    /** Where the answer was given: the Teams card or tab, or Outlook's invitation (with Graph). */
    readonly answeredIn: 'teams' | 'outlook' | null;
    /** An answer to an earlier version of the invitation, which needs confirming again. */
    readonly outdatedResponse: RsvpAnswer | null;
    readonly answeredAt: string | null;
  }[];
}

export interface AnswersResponse {
  readonly eventId: string;
  readonly groups: GroupAnswersView[];
}

export interface MyMeetingView {
  readonly roundId: string;
  readonly meetingId: string;
  readonly eventId: string;
  readonly title: string;
  readonly groupNumber: number;
  readonly status: 'scheduled' | 'cancelled';
  readonly sequence: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly when: string;
  readonly joinUrl: string | null;
  readonly agenda: string | null;
  readonly calendarUrl: string | null;
  readonly members: { readonly name: string; readonly municipalityName: string | null }[];
  readonly myResponse: RsvpAnswer | null;
}

export interface MyGroupsResponse {
  readonly roundId: string | null;
  readonly isLeader: boolean;
  readonly optedOut: boolean;
  readonly meetings: MyMeetingView[];
}

export interface RsvpResult {
  readonly outcome: 'recorded' | 'changed';
  readonly meeting: MyMeetingView;
}

/** What sending the invitations would send (`GET …/invitations/preview`), for the confirmation. */
export interface InvitationPreviewResponse {
  readonly reach: { readonly channels: number; readonly people: number };
  /** Set when the invitations went out once already: sending again sends only what changed. */
  readonly invitedAt: string | null;
  readonly cards: { readonly fi: unknown; readonly sv: unknown; readonly en: unknown };
}
