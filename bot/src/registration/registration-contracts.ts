/**
 * The registration API's shapes, for the tab: types only and no imports, so the browser project
 * imports them as they are. Times are UTC instants (ISO 8601) with the Helsinki text beside them
 * (`1.2.2027 klo 9.00`); form values are Helsinki wall-clock `YYYY-MM-DDTHH:mm`.
 */
export type RegistrationPhaseView = 'notYetOpen' | 'open' | 'closed';
export type RegistrationStatusView = 'confirmed' | 'offered' | 'waitlisted' | 'cancelled';
export type QuestionIdView = 'diet' | 'accessibility' | 'other';

export interface AnswersView {
  readonly diet?: string;
  readonly accessibility?: string;
  readonly other?: string;
}

export interface QuestionView {
  readonly id: QuestionIdView;
  readonly label: string;
  /** Diet and accessibility needs: shown only to the organisers. */
  readonly sensitive: boolean;
}

export interface MyRegistrationView {
  readonly status: RegistrationStatusView;
  /** Where the person stands, in a sentence. */
  readonly statusText: string;
  readonly position: number | null;
  readonly offerExpiresAt: string | null;
  readonly offerSequence: number;
  readonly answers: AnswersView;
  readonly canCancel: boolean;
  /** The signed personal .ics link, for a confirmed seat. */
  readonly calendarUrl: string | null;
  readonly transferredFrom: string | null;
  readonly byCoordinator: boolean;
}

export interface ColleagueView {
  readonly name: string;
  readonly tenantId: string;
  readonly aadObjectId: string;
}

export interface RegistrationInfoView {
  readonly phase: RegistrationPhaseView;
  readonly opensAt: string;
  readonly opensText: string;
  readonly closesAt: string;
  readonly closesText: string;
  readonly cancelDeadline: string;
  readonly cancelDeadlineText: string;
  readonly municipalityName: string | null;
  /** "Hämeenlinna 2/4": the person's municipality's taken seats and quota. */
  readonly seats: { readonly taken: number; readonly quota: number; readonly full: boolean } | null;
  readonly total: { readonly taken: number; readonly capacity: number } | null;
  readonly waiting: number;
  readonly questions: QuestionView[];
  readonly canRegister: boolean;
  /** Registering now would put the person on the waitlist. */
  readonly wouldWaitlist: boolean;
  readonly mine: MyRegistrationView | null;
  /** Colleagues a confirmed seat can be handed to. */
  readonly colleagues: ColleagueView[];
}

export interface PreAssignmentInfoView {
  readonly text: string;
  readonly url: string | null;
  readonly deadline: string;
  readonly deadlineText: string;
  readonly open: boolean;
  readonly mine: {
    readonly text: string | null;
    readonly url: string | null;
    readonly done: boolean;
    readonly updatedText: string;
  } | null;
}

export interface RecordingInfoView {
  readonly url: string;
  readonly availableUntil: string;
  readonly availableUntilText: string;
}

export interface RegistrationEventView {
  readonly roundId: string;
  readonly eventId: string;
  readonly title: string;
  readonly typeName: string;
  readonly when: string;
  readonly where: string;
  readonly startsAt: string;
  readonly isPast: boolean;
  readonly registration: RegistrationInfoView | null;
  readonly preAssignment: PreAssignmentInfoView | null;
  readonly recording: RecordingInfoView | null;
}

export interface RegistrationEventsResponse {
  readonly roundId: string | null;
  readonly events: RegistrationEventView[];
}

export interface LocalizedTextView {
  readonly fi: string;
  readonly sv: string;
  readonly en: string;
}

export interface SettingsView {
  /** Helsinki wall-clock `YYYY-MM-DDTHH:mm`, for the form. */
  readonly opensAt: string;
  readonly closesAt: string;
  readonly cancelDeadline: string | null;
  readonly quota: number;
  readonly capacity: number | null;
  readonly offerHours: number;
  readonly questions: { readonly id: QuestionIdView; readonly label: LocalizedTextView | null }[];
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** The body of `PUT …/settings`: times as the form gives them (Helsinki wall clock or ISO 8601). */
export interface SettingsUpdate {
  readonly opensAt: string;
  readonly closesAt: string;
  readonly cancelDeadline: string | null;
  readonly quota: number;
  readonly capacity: number | null;
  readonly offerHours: number;
  readonly questions: { readonly id: QuestionIdView; readonly label: LocalizedTextView | null }[];
}

export interface CoordinatorEventView {
  readonly eventId: string;
  readonly title: string;
  readonly typeName: string;
  readonly when: string;
  readonly isPast: boolean;
  readonly hasStarted: boolean;
  readonly inPersonQuota: number | null;
  readonly hasOnlineMeeting: boolean;
  readonly registration: {
    readonly phase: RegistrationPhaseView;
    readonly confirmed: number;
    readonly offered: number;
    readonly waitlisted: number;
  } | null;
  readonly hasPreAssignment: boolean;
  readonly hasRecording: boolean;
}

export interface CoordinatorEventsResponse {
  readonly roundId: string | null;
  readonly events: CoordinatorEventView[];
  /** Recordings can be looked up from the Teams meeting (Microsoft Graph is configured). */
  readonly canLookUpRecordings: boolean;
}

export interface SeatRowView {
  readonly municipalityId: string;
  readonly municipalityName: string;
  readonly quota: number;
  readonly quotaOverridden: boolean;
  readonly confirmed: number;
  readonly offered: number;
  readonly waitlisted: number;
  readonly full: boolean;
}

export interface PersonSeatView {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly municipalityId: string;
  readonly municipalityName: string;
  readonly status: RegistrationStatusView;
  readonly position: number | null;
  readonly offerExpiresText: string | null;
  readonly registeredText: string;
  readonly byCoordinator: boolean;
  readonly transferredFrom: string | null;
}

export interface OverrideView {
  readonly kind: 'confirm' | 'cancel' | 'quota';
  readonly municipalityName: string;
  readonly subjectName: string | null;
  readonly detail: string;
  readonly reason: string;
  readonly actorName: string;
  readonly atText: string;
}

export interface RegistrationOverviewResponse {
  readonly eventId: string;
  readonly title: string;
  readonly when: string;
  readonly settings: SettingsView | null;
  readonly phase: RegistrationPhaseView | null;
  readonly totals: {
    readonly confirmed: number;
    readonly offered: number;
    readonly waitlisted: number;
    readonly capacity: number | null;
  };
  /** Every municipality of the network, with its seats. */
  readonly matrix: SeatRowView[];
  /** Waiting and offered people, in the order seats go to them. */
  readonly waitlist: PersonSeatView[];
  readonly confirmed: PersonSeatView[];
  readonly overrides: OverrideView[];
}

export type OverrideRequest =
  | {
      readonly kind: 'confirm';
      readonly person: { readonly tenantId: string; readonly aadObjectId: string };
      readonly reason: string;
    }
  | {
      readonly kind: 'cancel';
      readonly person: { readonly tenantId: string; readonly aadObjectId: string };
      readonly reason: string;
    }
  | {
      readonly kind: 'quota';
      readonly municipalityId: string;
      /** null returns the municipality to the event's quota. */
      readonly quota: number | null;
      readonly reason: string;
    };

export interface PreAssignmentCompletionResponse {
  readonly eventId: string;
  readonly title: string;
  readonly deadlineText: string;
  readonly rows: {
    readonly municipalityId: string;
    readonly municipalityName: string;
    readonly audience: number;
    readonly handedIn: number;
  }[];
  readonly answers: {
    readonly name: string;
    readonly municipalityName: string;
    readonly text: string | null;
    readonly url: string | null;
    readonly done: boolean;
    readonly updatedText: string;
  }[];
}

export interface RecordingView {
  readonly source: 'manual' | 'graph';
  readonly url: string | null;
  readonly recordedText: string | null;
  readonly availableFrom: string;
  readonly availableUntil: string;
  readonly availableUntilText: string;
  readonly version: number;
  readonly sent: boolean;
  readonly addedBy: string;
}

export interface RecordingResponse {
  readonly recording: RecordingView | null;
  readonly canLookUp: boolean;
}

export interface RecordingUpdate {
  readonly url?: string | null;
  readonly lookup?: boolean;
  readonly availableFrom: string;
  readonly availableUntil: string;
}

export interface RecordingLookupResponse {
  readonly recordingId: string;
  readonly recordedText: string;
}

export interface RecordingSendResponse {
  readonly deliveryId: string;
  readonly recipients: number;
  readonly accepted: number;
  readonly duplicates: number;
}
