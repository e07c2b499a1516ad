/**
 * The shapes the tab's API answers with. Types only and no imports, so the tab (a separate
 * TypeScript project for the browser) imports them too and both sides change together.
 */
export type ApiLanguage = 'fi' | 'sv' | 'en';

/** Any paged listing: pass `continuationToken` back to get the next page; null on the last page. */
export interface PagedResponse<T> {
  readonly items: T[];
  readonly continuationToken: string | null;
}

export interface MunicipalityView {
  readonly id: string;
  /** The name in the asked language (Swedish name for bilingual municipalities in Swedish). */
  readonly displayName: string;
  readonly name: string;
  readonly nameSv: string | null;
  readonly population: number;
  /** The region's Finnish name, as stored. */
  readonly region: string;
  /** The region in the asked language: Kanta-Häme, Egentliga Tavastland, Tavastia Proper. */
  readonly regionName: string;
  readonly sizeClass: string;
}

export interface RoleView {
  readonly id: string;
  readonly name: string;
}

export interface ParticipantView {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email: string | null;
  readonly municipalityId: string | null;
  readonly municipalityName: string | null;
  readonly roles: RoleView[];
  readonly language: ApiLanguage | null;
  readonly isGuest: boolean;
  readonly active: boolean;
}

/** The coordinators' roster: a page of the people that match the filters, and how many match. */
export interface RosterResponse extends PagedResponse<ParticipantView> {
  readonly total: number;
}

export interface MeResponse {
  readonly user: { readonly tenantId: string; readonly aadObjectId: string; readonly name: string };
  readonly isCoordinator: boolean;
  readonly coordinatorOrganisation: 'Kuntaliitto' | 'FCG' | null;
  /** The organisation in the asked language (Kommunförbundet in Swedish). */
  readonly coordinatorOrganisationName: string | null;
  /** The language the API answers this person in. */
  readonly language: ApiLanguage;
  /** What the person chose with the bot's language command, if anything. */
  readonly languageChoice: ApiLanguage | null;
  readonly participant: ParticipantView | null;
  readonly municipality: MunicipalityView | null;
}

export interface EventTypeView {
  readonly id: string;
  readonly name: string;
}

export interface EventView {
  readonly id: string;
  readonly type: string;
  readonly typeName: string;
  readonly title: string;
  readonly description: string | null;
  /** UTC instants, ISO 8601. */
  readonly startsAt: string;
  readonly endsAt: string;
  /** Helsinki time written the Finnish way: `20.8.2024 klo 9.00–16.00`. */
  readonly when: string;
  readonly weekday: string;
  readonly place: { readonly name: string; readonly address: string } | null;
  readonly onlineUrl: string | null;
  readonly preAssignment: {
    readonly text: string;
    readonly url: string | null;
    readonly dueAt: string | null;
    readonly dueAtText: string | null;
  } | null;
  readonly organiser: 'Kuntaliitto' | 'FCG';
  /** Kuntaliitto, Kommunförbundet, Association of Finnish Municipalities. */
  readonly organiserName: string;
  readonly municipalityName: string | null;
  readonly inPersonQuota: number | null;
  readonly isPast: boolean;
  /** Relative to the server root; fetch with the bearer token. */
  readonly calendarPath: string;
}

export interface ProgrammeResponse extends PagedResponse<EventView> {
  readonly round: { readonly id: string; readonly name: string } | null;
  readonly language: ApiLanguage;
  /** The event types in the programme visible to this person, for the filter. */
  readonly eventTypes: EventTypeView[];
  /** Matching events across all pages. */
  readonly total: number;
}

export interface LocalizedTextInput {
  readonly fi: string;
  readonly sv: string;
  readonly en: string;
}

/** An event as the coordinators' form edits it; times are Helsinki wall-clock `YYYY-MM-DDTHH:mm`. */
export interface EventUpdate {
  readonly title: LocalizedTextInput;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The Swedish name and address are optional ('' for none): only bilingual towns have them. */
  readonly place: {
    readonly name: string;
    readonly address: string;
    readonly nameSv?: string;
    readonly addressSv?: string;
  } | null;
  readonly onlineUrl: string | null;
  readonly preAssignment: {
    readonly text: LocalizedTextInput;
    readonly url: string | null;
    readonly dueAt: string | null;
  } | null;
}

export interface EditableEvent extends EventUpdate {
  readonly id: string;
  readonly type: string;
  readonly typeName: string;
}

export interface AboutResponse {
  /** How long personal data is kept after the round ends. */
  readonly retentionMonths: number;
}

/** A person the local development identity provider can sign in as. */
export interface DevUser {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly kind: 'participant' | 'coordinator';
  /** Organisation or municipality and roles, for the picker. */
  readonly description: string;
}

export interface DevTokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

/** RFC 9457 problem details, as every error answer carries. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** A stable name of a feature's refusal, where it has one (`deadlinePassed`). */
  readonly code?: string;
}
