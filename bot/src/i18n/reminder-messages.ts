import { parseOffset } from '../domain/reminder-plan';
import type { Language } from './language';

/** The reminder card's words per language (kept apart from the core messages, which other slices edit). */
export interface ReminderMessages {
  readonly heading: string;
  /** "starts tomorrow", from the reminder's offset; empty for a reminder sent by hand. */
  readonly startsIn: (offset: string | undefined) => string;
  readonly whenLabel: string;
  readonly whereLabel: string;
  readonly online: string;
  readonly join: string;
  readonly preAssignment: string;
  readonly openPreAssignment: string;
  readonly preAssignmentDue: (when: string) => string;
  readonly addToCalendar: string;
  readonly cannotAttend: string;
  readonly absenceRecorded: string;
  readonly absenceNotAParticipant: string;
  readonly eventNotFound: string;
  readonly timesAreHelsinki: string;
}

const fiStartsIn = (offset: string | undefined): string => {
  const parsed = offset ? parseOffset(offset) : undefined;
  if (!parsed) return '';
  if (parsed.minutes === 0) {
    if (parsed.days === 1) return 'Tapahtuma alkaa huomenna.';
    if (parsed.days === 7) return 'Tapahtuma alkaa viikon kuluttua.';
    if (parsed.days === 14) return 'Tapahtuma alkaa kahden viikon kuluttua.';
    return `Tapahtuma alkaa ${parsed.days} päivän kuluttua.`;
  }
  if (parsed.days === 0) {
    if (parsed.minutes === 60) return 'Tapahtuma alkaa tunnin kuluttua.';
    if (parsed.minutes % 60 === 0) return `Tapahtuma alkaa ${parsed.minutes / 60} tunnin kuluttua.`;
    return `Tapahtuma alkaa ${parsed.minutes} minuutin kuluttua.`;
  }
  return 'Tapahtuma lähestyy.';
};

const svStartsIn = (offset: string | undefined): string => {
  const parsed = offset ? parseOffset(offset) : undefined;
  if (!parsed) return '';
  if (parsed.minutes === 0) {
    if (parsed.days === 1) return 'Evenemanget börjar i morgon.';
    if (parsed.days === 7) return 'Evenemanget börjar om en vecka.';
    if (parsed.days === 14) return 'Evenemanget börjar om två veckor.';
    return `Evenemanget börjar om ${parsed.days} dagar.`;
  }
  if (parsed.days === 0) {
    if (parsed.minutes === 60) return 'Evenemanget börjar om en timme.';
    if (parsed.minutes % 60 === 0) return `Evenemanget börjar om ${parsed.minutes / 60} timmar.`;
    return `Evenemanget börjar om ${parsed.minutes} minuter.`;
  }
  return 'Evenemanget närmar sig.';
};

const enStartsIn = (offset: string | undefined): string => {
  const parsed = offset ? parseOffset(offset) : undefined;
  if (!parsed) return '';
  if (parsed.minutes === 0) {
    if (parsed.days === 1) return 'The event starts tomorrow.';
    if (parsed.days === 7) return 'The event starts in a week.';
    if (parsed.days === 14) return 'The event starts in two weeks.';
    return `The event starts in ${parsed.days} days.`;
  }
  if (parsed.days === 0) {
    if (parsed.minutes === 60) return 'The event starts in an hour.';
    if (parsed.minutes % 60 === 0) return `The event starts in ${parsed.minutes / 60} hours.`;
    return `The event starts in ${parsed.minutes} minutes.`;
  }
  return 'The event is coming up.';
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
    cannotAttend: 'En pääse paikalle',
    absenceRecorded:
      'Kiitos, että kerroit. Merkitsimme, ettet pääse paikalle; koordinaattorit näkevät tiedon.',
    absenceNotAParticipant: 'Et ole verkoston osallistujalistalla, joten poissaoloa ei voitu merkitä.',
    eventNotFound: 'Tapahtumaa ei löytynyt. Se on ehkä poistettu ohjelmasta.',
    timesAreHelsinki: 'Ajat ovat Suomen aikaa.',
  },
  sv: {
    heading: 'Påminnelse',
    startsIn: svStartsIn,
    whenLabel: 'Tid',
    whereLabel: 'Plats',
    online: 'Distansevenemang i Teams',
    join: 'Delta i mötet',
    preAssignment: 'Förhandsuppgift',
    openPreAssignment: 'Öppna förhandsuppgiften',
    preAssignmentDue: (when) => `Lämnas in senast ${when}.`,
    addToCalendar: 'Lägg till i kalendern',
    cannotAttend: 'Jag kan inte delta',
    absenceRecorded:
      'Tack för att du meddelade. Vi har antecknat att du inte kan delta; koordinatorerna ser uppgiften.',
    absenceNotAParticipant: 'Du finns inte på nätverkets deltagarlista, så frånvaron kunde inte antecknas.',
    eventNotFound: 'Evenemanget hittades inte. Det har kanske strukits ur programmet.',
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
    cannotAttend: "I can't attend",
    absenceRecorded:
      "Thank you for letting us know. We have noted that you can't attend; the coordinators can see it.",
    absenceNotAParticipant:
      'You are not on the network’s participant list, so the absence could not be recorded.',
    eventNotFound: 'The event was not found. It may have been removed from the programme.',
    timesAreHelsinki: 'Times are Finnish time.',
  },
};

export function reminderMessagesFor(language: Language): ReminderMessages {
  return REMINDER_MESSAGES[language];
}
