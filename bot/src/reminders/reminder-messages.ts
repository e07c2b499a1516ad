import { toHelsinkiWallClock } from '../shared/i18n/helsinki-time';
import type { Language } from '../shared/i18n/language';

/** The reminder card's words per language (kept apart from the core messages, which other slices edit). */
export interface ReminderMessages {
  readonly heading: string;
  /** "The event is tomorrow", from the time left when the reminder is written. */
  readonly startsIn: (left: TimeLeft | undefined) => string;
  readonly whenLabel: string;
  readonly whereLabel: string;
  readonly online: string;
  readonly join: string;
  readonly preAssignment: string;
  readonly openPreAssignment: string;
  readonly preAssignmentDue: (when: string) => string;
  readonly addToCalendar: string;
  /** After "add to calendar" on a channel card: the reader's own link is on the card now. */
  readonly calendarReady: string;
  readonly calendarNotAParticipant: string;
  readonly cannotAttend: string;
  readonly canAttendAfterAll: string;
  readonly absenceRecorded: string;
  readonly absenceWithdrawn: string;
  readonly absenceNotAParticipant: string;
  readonly eventNotFound: string;
  readonly absenceTooLate: string;
  readonly timesAreHelsinki: string;
}

/** How far the start is from the moment the reminder is written, as people say it. */
export type TimeLeft =
  | { readonly kind: 'minutes'; readonly count: number }
  | { readonly kind: 'hours'; readonly count: number }
  | { readonly kind: 'today' }
  | { readonly kind: 'days'; readonly count: number };

/**
 * Counted from the actual moment, not from the plan: a day-ahead reminder that goes out late, two
 * hours before the start, says "in 2 hours", never "tomorrow". Whole days follow Helsinki dates.
 */
export function timeLeft(now: Date, start: Date): TimeLeft | undefined {
  const minutes = Math.round((start.getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return undefined;
  if (minutes < 60) return { kind: 'minutes', count: minutes };
  if (minutes < 6 * 60) return { kind: 'hours', count: Math.round(minutes / 60) };
  const a = toHelsinkiWallClock(now);
  const b = toHelsinkiWallClock(start);
  const days = Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
  return days <= 0 ? { kind: 'today' } : { kind: 'days', count: days };
}

const fiStartsIn = (left: TimeLeft | undefined): string => {
  if (!left) return '';
  switch (left.kind) {
    case 'minutes':
      return `Tapahtuma alkaa ${left.count} minuutin kuluttua.`;
    case 'hours':
      return left.count === 1
        ? 'Tapahtuma alkaa tunnin kuluttua.'
        : `Tapahtuma alkaa ${left.count} tunnin kuluttua.`;
    case 'today':
      return 'Tapahtuma on tänään.';
    case 'days':
      if (left.count === 1) return 'Tapahtuma on huomenna.';
      if (left.count === 7) return 'Tapahtuma on viikon kuluttua.';
      if (left.count === 14) return 'Tapahtuma on kahden viikon kuluttua.';
      return `Tapahtuma on ${left.count} päivän kuluttua.`;
  }
};

const svStartsIn = (left: TimeLeft | undefined): string => {
  if (!left) return '';
  switch (left.kind) {
    case 'minutes':
      return `Evenemanget börjar om ${left.count} minuter.`;
    case 'hours':
      return left.count === 1
        ? 'Evenemanget börjar om en timme.'
        : `Evenemanget börjar om ${left.count} timmar.`;
    case 'today':
      return 'Evenemanget är i dag.';
    case 'days':
      if (left.count === 1) return 'Evenemanget är i morgon.';
      if (left.count === 7) return 'Evenemanget är om en vecka.';
      if (left.count === 14) return 'Evenemanget är om två veckor.';
      return `Evenemanget är om ${left.count} dagar.`;
  }
};

const enStartsIn = (left: TimeLeft | undefined): string => {
  if (!left) return '';
  switch (left.kind) {
    case 'minutes':
      return `The event starts in ${left.count} minutes.`;
    case 'hours':
      return left.count === 1 ? 'The event starts in an hour.' : `The event starts in ${left.count} hours.`;
    case 'today':
      return 'The event is today.';
    case 'days':
      if (left.count === 1) return 'The event is tomorrow.';
      if (left.count === 7) return 'The event is in a week.';
      if (left.count === 14) return 'The event is in two weeks.';
      return `The event is in ${left.count} days.`;
  }
};

export const REMINDER_MESSAGES: Record<Language, ReminderMessages> = {
  fi: {
    heading: 'Muistutus',
    startsIn: fiStartsIn,
    whenLabel: 'Aika',
    whereLabel: 'Paikka',
    online: 'Etätilaisuus Teamsissa',
    join: 'Liity kokoukseen',
    preAssignment: 'Ennakkotehtävä',
    openPreAssignment: 'Avaa ennakkotehtävä',
    preAssignmentDue: (when) => `Palautettava ${when} mennessä.`,
    addToCalendar: 'Lisää kalenteriin',
    calendarReady: 'Kalenterilinkkisi on valmis: avaa se painikkeesta Lisää kalenteriin.',
    calendarNotAParticipant:
      'Kalenterilinkki on verkoston osallistujille. Voit lisätä tapahtuman kalenteriin Digiverkosto-välilehden ohjelmasta.',
    cannotAttend: 'En pääse paikalle',
    canAttendAfterAll: 'Pääsenkin paikalle',
    absenceRecorded:
      'Kiitos, että kerroit. Merkitsimme, ettet pääse paikalle; koordinaattorit näkevät tiedon. Jos tilanne muuttuu, voit perua ilmoituksen alta.',
    absenceWithdrawn: 'Poissaoloilmoituksesi on peruttu. Tervetuloa mukaan!',
    absenceNotAParticipant: 'Et ole verkoston osallistujalistalla, joten poissaoloa ei voitu merkitä.',
    eventNotFound: 'Tapahtumaa ei löytynyt. Se on ehkä poistettu ohjelmasta.',
    absenceTooLate: 'Tapahtuma on jo alkanut, joten poissaoloa ei enää merkitä.',
    timesAreHelsinki: 'Ajat ovat Suomen aikaa.',
  },
  sv: {
    heading: 'Påminnelse',
    startsIn: svStartsIn,
    whenLabel: 'Tid',
    whereLabel: 'Plats',
    online: 'Distansevenemang i Teams',
    join: 'Anslut till mötet',
    preAssignment: 'Förhandsuppgift',
    openPreAssignment: 'Öppna förhandsuppgiften',
    preAssignmentDue: (when) => `Lämnas in senast ${when}.`,
    addToCalendar: 'Lägg till i kalendern',
    calendarReady: 'Din kalenderlänk är klar: öppna den med knappen Lägg till i kalendern.',
    calendarNotAParticipant:
      'Kalenderlänken är för nätverkets deltagare. Du kan lägga till evenemanget i kalendern från programmet på fliken Digiverkosto.',
    cannotAttend: 'Jag kan inte delta',
    canAttendAfterAll: 'Jag kan delta ändå',
    absenceRecorded:
      'Tack för att du meddelade. Vi har antecknat att du inte kan delta; koordinatorerna ser uppgiften. Om läget ändras kan du ta tillbaka anmälan nedan.',
    absenceWithdrawn: 'Din frånvaroanmälan har tagits bort. Välkommen!',
    absenceNotAParticipant: 'Du finns inte på nätverkets deltagarlista, så frånvaron kunde inte antecknas.',
    eventNotFound: 'Evenemanget hittades inte. Det har kanske strukits ur programmet.',
    absenceTooLate: 'Evenemanget har redan börjat, så frånvaron antecknas inte längre.',
    timesAreHelsinki: 'Tiderna anges i finsk tid.',
  },
  en: {
    heading: 'Reminder',
    startsIn: enStartsIn,
    whenLabel: 'When',
    whereLabel: 'Where',
    online: 'Online event in Teams',
    join: 'Join the meeting',
    preAssignment: 'Pre-assignment',
    openPreAssignment: 'Open the pre-assignment',
    preAssignmentDue: (when) => `Due by ${when}.`,
    addToCalendar: 'Add to calendar',
    calendarReady: 'Your calendar link is ready: open it with the Add to calendar button.',
    calendarNotAParticipant:
      'The calendar link is for the network’s participants. You can add the event to your calendar from the programme in the Digiverkosto tab.',
    cannotAttend: "I can't attend",
    canAttendAfterAll: 'I can attend after all',
    absenceRecorded:
      "Thank you for letting us know. We have noted that you can't attend; the coordinators can see it. If things change, you can take it back below.",
    absenceWithdrawn: 'Your absence notice has been withdrawn. Welcome!',
    absenceNotAParticipant:
      'You are not on the network’s participant list, so the absence could not be recorded.',
    eventNotFound: 'The event was not found. It may have been removed from the programme.',
    absenceTooLate: 'The event has already started, so an absence is no longer recorded.',
    timesAreHelsinki: 'Times are Finnish time.',
  },
};

export function reminderMessagesFor(language: Language): ReminderMessages {
  return REMINDER_MESSAGES[language];
}
