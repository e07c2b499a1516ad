import { EVENT_TYPE_NAMES, type ProgrammeEvent } from '../shared/programme-event';
import type { Participant, TeamsIdentity } from '../shared/participant';
import type { Municipality } from '../shared/municipality';
import { formatHelsinkiDateTime, formatHelsinkiRange, helsinkiWeekday } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import { municipalityName } from '../shared/views';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';
import type { TabLinks } from '../shared/tab-links';
import { cardActivity, type OutgoingActivity } from '../platform/teams';
import type { Clock } from '../platform/clock';
import type { MunicipalityRepository, ParticipantRepository } from '../people';
import registrationTemplate from './registration.card.json';
import { registrationMessagesFor } from './registration-messages';
import { isHoldingSeat, personKey, type Registration } from './registration-model';
import { linkExpiry, type PersonalLinkSigner } from '../platform/links/personal-link';
import type { RegistrationRepository } from './registration-repository';
import type { RegistrationService, SeatStanding } from './registration-service';

export interface RegistrationCardData {
  readonly notice: string;
  readonly heading: string;
  readonly title: string;
  readonly typeName: string;
  readonly whenLabel: string;
  readonly when: string;
  readonly whereLabel: string;
  readonly where: string;
  readonly seatsLabel: string;
  readonly seats: string;
  readonly seatsNote: string;
  readonly status: string;
  readonly detail: string;
  readonly deadlines: string;
  readonly showQuestions: boolean;
  readonly questions: readonly {
    readonly id: string;
    readonly label: string;
    readonly value: string;
    readonly placeholder: string;
  }[];
  readonly sensitiveNote: string;
  readonly confirmation: string;
  readonly footer: string;
  readonly roundId: string;
  readonly eventId: string;
  readonly registerLabel: string;
  readonly registerVerb: string;
  readonly showOffer: boolean;
  readonly acceptLabel: string;
  readonly declineLabel: string;
  readonly offerVerb: string;
  readonly offerSequence: number;
  readonly calendarLabel: string;
  readonly calendarUrl: string;
  readonly transferLabel: string;
  readonly transferTo: string;
  readonly transferConfirm: string;
  readonly transferPlaceholder: string;
  readonly transferVerb: string;
  readonly colleagues: readonly { readonly name: string; readonly value: string }[];
  readonly cancelLabel: string;
  readonly cancelVerb: string;
  readonly openTabLabel: string;
  readonly tabUrl: string;
}

const registrationCard = defineCard<RegistrationCardData>(registrationTemplate);

export interface RegistrationCardInput {
  readonly standing: SeatStanding;
  readonly language: Language;
  /** When the card is written: what can still be done depends on it. */
  readonly now: Date;
  readonly municipality: Municipality | undefined;
  /** The signed personal .ics link; empty unless the seat is confirmed. */
  readonly calendarUrl: string;
  /** Colleagues of the same municipality the seat can be handed to. */
  readonly colleagues: readonly { readonly name: string; readonly value: string }[];
  readonly tabUrl: string;
  /** Why the card is sent, on top in the attention colour ("a seat has come free for you"). */
  readonly notice?: string;
  /** What the click just did, in green. */
  readonly confirmation?: string;
}

/** The status line of a registration as the person reads it. */
export function statusText(
  registration: Registration | undefined,
  position: number | undefined,
  language: Language,
): string {
  const m = registrationMessagesFor(language);
  if (!registration) return m.notRegisteredYet;
  switch (registration.status) {
    case 'confirmed':
      return m.statusConfirmed;
    case 'waitlisted':
      return m.statusWaitlisted(position);
    case 'offered':
      return m.statusOffered(formatHelsinkiDateTime(new Date(registration.offerExpiresAt ?? ''), language));
    case 'cancelled':
      switch (registration.cancelReason) {
        case 'transferred':
          return m.statusTransferred(registration.transferredTo ?? '');
        case 'offerExpired':
          return m.statusOfferExpired;
        case 'offerDeclined':
          return m.statusOfferDeclined;
        default:
          return m.statusCancelled;
      }
  }
}

/**
 * One person's registration card for one event: what and when, their municipality's seats
 * ("Hämeenlinna 2/4"), where they stand, the questions, and what they can do now (register or join
 * the waitlist, accept an offered seat, add to calendar, hand the seat to a colleague, cancel).
 */
export function buildRegistrationCard(input: RegistrationCardInput): AdaptiveCardJson {
  const { standing, language } = input;
  const { event, settings, registration } = standing;
  const m = registrationMessagesFor(language);
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const now = input.now.toISOString();
  const title = pickText(event.title, language);
  const typeName = pickText(EVENT_TYPE_NAMES[event.type], language);
  const started = event.startsAt <= now;
  const active = registration !== undefined && registration.status !== 'cancelled';
  const room =
    standing.taken < standing.quota &&
    standing.waiting === 0 &&
    (standing.total === undefined || standing.total.taken < standing.total.capacity);
  const municipality = input.municipality ? municipalityName(input.municipality, language) : '';
  const full = standing.taken >= standing.quota;
  const when = (iso: string): string => formatHelsinkiDateTime(new Date(iso), language);
  const deadlines: string[] = [];
  if (standing.phase === 'notYetOpen') deadlines.push(m.opensAt(when(settings.opensAt)));
  if (standing.phase === 'open') deadlines.push(m.closesAt(when(settings.closesAt)));
  if (standing.phase === 'closed') deadlines.push(m.closed);
  if (isHoldingSeat(registration)) {
    deadlines.push(
      now < standing.cancelDeadline ? m.cancelUntil(when(standing.cancelDeadline)) : m.cancelPassed,
    );
  }
  const detail =
    registration?.status === 'confirmed'
      ? registration.transferredFrom
        ? m.transferredFrom(registration.transferredFrom)
        : registration.byCoordinator
          ? m.byCoordinator
          : ''
      : '';
  const showQuestions = settings.questions.length > 0 && (standing.canRegister || (active && !started));
  const answers = registration && active ? registration.answers : {};
  const registerLabel = standing.canRegister
    ? room
      ? m.register
      : m.joinWaitlist
    : active && showQuestions
      ? m.saveAnswers
      : '';
  const sensitive = settings.questions.some((question) => question.id !== 'other');
  return renderCard(registrationCard, {
    notice: input.notice ?? '',
    heading: m.heading,
    title,
    // "Päätöstilaisuus" needs no "Päätöstilaisuus" under it.
    typeName: typeName === title ? '' : typeName,
    whenLabel: m.whenLabel,
    when: `${helsinkiWeekday(start, language)} ${formatHelsinkiRange(start, end, language)}`,
    whereLabel: m.whereLabel,
    where: event.place ? `${event.place.name}, ${event.place.address}` : m.online,
    seatsLabel: m.seatsLabel,
    seats: municipality
      ? `${m.seats(municipality, standing.taken, standing.quota)}${full ? ` (${m.full})` : ''}`
      : '',
    seatsNote: [
      standing.total ? m.total(standing.total.taken, standing.total.capacity) : '',
      standing.waiting > 0 ? m.waiting(standing.waiting) : '',
    ]
      .filter((part) => part !== '')
      .join(' · '),
    status: statusText(registration, standing.position, language),
    detail,
    deadlines: deadlines.join(' '),
    showQuestions,
    questions: settings.questions.map((question) => ({
      id: question.id,
      label:
        question.id === 'other'
          ? question.label
            ? pickText(question.label, language)
            : ''
          : m.questionLabels[question.id],
      value: answers[question.id] ?? '',
      placeholder: m.questionPlaceholder,
    })),
    sensitiveNote: showQuestions && sensitive ? m.sensitiveNote : '',
    confirmation: input.confirmation ?? '',
    footer: m.timesAreHelsinki,
    roundId: event.roundId,
    eventId: event.id,
    registerLabel,
    registerVerb: VERBS.registrationRegister,
    showOffer: registration?.status === 'offered',
    acceptLabel: m.accept,
    declineLabel: m.decline,
    offerVerb: VERBS.registrationOffer,
    offerSequence: registration?.offerSequence ?? 0,
    calendarLabel: m.addToCalendar,
    calendarUrl: registration?.status === 'confirmed' ? input.calendarUrl : '',
    transferLabel: m.transfer,
    transferTo: m.transferTo,
    transferConfirm: m.transferConfirm,
    transferPlaceholder: m.transferPlaceholder,
    transferVerb: VERBS.registrationTransfer,
    colleagues: registration?.status === 'confirmed' && !started ? input.colleagues : [],
    cancelLabel: standing.canCancel
      ? registration?.status === 'waitlisted'
        ? m.leaveWaitlist
        : m.cancel
      : '',
    cancelVerb: VERBS.registrationCancel,
    openTabLabel: m.openTab,
    tabUrl: input.tabUrl,
  });
}

export interface RegistrationCardsDeps {
  readonly service: RegistrationService;
  readonly registrations: RegistrationRepository;
  readonly participants: ParticipantRepository;
  readonly municipalities: MunicipalityRepository;
  readonly signer: PersonalLinkSigner;
  readonly links: TabLinks;
  readonly publicUrl: string;
  readonly clock: Clock;
}

const MAX_COLLEAGUES = 60;

/**
 * The roster behind the colleague list is read at most once a minute per workspace: every
 * confirmed person's card needs it, and a colleague added a minute late to a list of choices harms
 * no one (handing the seat over checks the colleague again).
 */
const ROSTER_TTL_MS = 60_000;

/** Builds a person's registration card with everything it needs looked up. */
export class RegistrationCards {
  private readonly rosters = new Map<
    string,
    { readonly until: number; readonly people: Promise<Participant[]> }
  >();

  constructor(private readonly deps: RegistrationCardsDeps) {}

  private roster(tenantId: string): Promise<Participant[]> {
    const now = Date.now();
    const cached = this.rosters.get(tenantId);
    if (cached && cached.until > now) return cached.people;
    const people = this.deps.participants.listAll(tenantId);
    this.rosters.set(tenantId, { until: now + ROSTER_TTL_MS, people });
    // A failed read is not kept: the next card tries again.
    people.catch(() => this.rosters.delete(tenantId));
    return people;
  }

  /** The card as things stand; `known` is a standing the caller has just computed (no reads again). */
  async card(
    event: ProgrammeEvent,
    who: TeamsIdentity,
    language: Language,
    extra: { readonly notice?: string; readonly confirmation?: string } = {},
    known?: SeatStanding,
  ): Promise<AdaptiveCardJson> {
    const standing = known ?? (await this.standing(event, who));
    const confirmed = standing.registration?.status === 'confirmed';
    const [municipality, calendarUrl, colleagues] = await Promise.all([
      standing.municipalityId
        ? this.deps.municipalities.get(standing.municipalityId)
        : Promise.resolve(undefined),
      confirmed ? this.calendarUrl(event, who, language) : Promise.resolve(''),
      confirmed ? this.colleagues(standing, who) : Promise.resolve([]),
    ]);
    return buildRegistrationCard({
      standing,
      language,
      now: this.deps.clock(),
      municipality,
      calendarUrl,
      colleagues,
      tabUrl: this.deps.links.to('registration', event.id),
      ...extra,
    });
  }

  async activity(
    event: ProgrammeEvent,
    who: TeamsIdentity,
    language: Language,
    extra: { readonly notice?: string; readonly confirmation?: string } = {},
    known?: SeatStanding,
  ): Promise<OutgoingActivity> {
    const m = registrationMessagesFor(language);
    const title = pickText(event.title, language);
    const summary = `${extra.notice ?? m.heading}: ${title}`;
    return cardActivity(await this.card(event, who, language, extra, known), summary);
  }

  /** The signed per-person calendar link of a confirmed seat. */
  async calendarUrl(event: ProgrammeEvent, who: TeamsIdentity, language: Language): Promise<string> {
    const token = await this.deps.signer.sign({
      purpose: 'registration-calendar',
      roundId: event.roundId,
      itemId: event.id,
      tenantId: who.tenantId,
      aadObjectId: who.aadObjectId,
      expiresAt: linkExpiry(event.endsAt),
    });
    return `${this.deps.publicUrl}/api/registration/links/${encodeURIComponent(event.roundId)}/${encodeURIComponent(event.id)}/calendar.ics?token=${token}&lang=${language}`;
  }

  private async standing(event: ProgrammeEvent, who: TeamsIdentity): Promise<SeatStanding> {
    const { settings } = await this.deps.service.eventWithSettings(event.roundId, event.id);
    const participant = (await this.deps.participants.get(who))?.value;
    return this.deps.service.standing(event, settings, who, participant);
  }

  /** Active colleagues of the same municipality without a seat, by name. */
  async colleagues(
    standing: SeatStanding,
    who: TeamsIdentity,
  ): Promise<{ readonly name: string; readonly value: string }[]> {
    const { municipalityId } = standing;
    if (!municipalityId) return [];
    const [scope, people] = await Promise.all([
      this.deps.registrations.scope(standing.settings, municipalityId),
      this.roster(who.tenantId),
    ]);
    const holding = new Set(
      scope.registrations.filter((registration) => isHoldingSeat(registration)).map(personKey),
    );
    return people
      .filter(
        (person: Participant) =>
          person.active &&
          person.municipalityId === municipalityId &&
          !holding.has(personKey(person)) &&
          personKey(person) !== personKey(who),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'fi'))
      .slice(0, MAX_COLLEAGUES)
      .map((person) => ({ name: person.name, value: personKey(person) }));
  }
}
