import type { ProgrammeEvent } from '../shared/programme-event';
import { pickText, type Language } from '../shared/i18n/language';
import {
  buildCalendar,
  calendarFileName,
  calendarMimeType,
  EVENT_UID_DOMAIN,
  eventUid,
  type CalendarMethod,
  type CalendarPerson,
} from '../shared/icalendar';
import type { Registration } from './registration-model';
import { registrationMessagesFor } from './registration-messages';

/** The programme's own "add to calendar" uses the same UID, so a person has one entry per event. */
export const REGISTRATION_UID_DOMAIN = EVENT_UID_DOMAIN;

export const REGISTRATION_ORGANIZER: CalendarPerson = {
  name: 'Digiverkosto (Kuntaliitto)',
  email: 'digiverkosto@kuntaliitto.fi',
};

/** Minutes since the start of 2024: grows with every change of the registration, as SEQUENCE must. */
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

export interface RegistrationCalendarFile {
  readonly method: CalendarMethod;
  readonly text: string;
  readonly contentType: string;
  readonly fileName: string;
}

/**
 * A confirmed person's own calendar entry for the event (METHOD:REQUEST, the person as attendee so
 * Outlook files it as their meeting), or its cancellation once the seat is gone. The SEQUENCE is
 * the time of the registration's last change, so the newer file always wins in the calendar.
 */
export function buildRegistrationCalendar(input: {
  readonly event: ProgrammeEvent;
  readonly registration: Registration;
  readonly language: Language;
  readonly now: Date;
}): RegistrationCalendarFile {
  const { event, registration, language } = input;
  const m = registrationMessagesFor(language);
  const method: CalendarMethod = registration.status === 'confirmed' ? 'REQUEST' : 'CANCEL';
  const title = pickText(event.title, language);
  const attendee = isEmail(registration.email)
    ? { name: registration.name, email: registration.email }
    : REGISTRATION_ORGANIZER;
  const description = [m.statusConfirmed, event.description ? pickText(event.description, language) : '']
    .filter((part) => part !== '')
    .join('\n\n');
  const text = buildCalendar(
    method,
    [
      {
        uid: eventUid('event', `${event.roundId}/${event.id}`, REGISTRATION_UID_DOMAIN),
        sequence: Math.max(0, Math.floor((Date.parse(registration.updatedAt) - SEQUENCE_EPOCH) / 60_000)),
        title,
        description,
        ...(event.place ? { location: `${event.place.name}, ${event.place.address}` } : {}),
        ...(event.onlineUrl ? { url: event.onlineUrl } : {}),
        startsAt: new Date(event.startsAt),
        endsAt: new Date(event.endsAt),
        organizer: REGISTRATION_ORGANIZER,
        attendees: [attendee],
        lastModified: new Date(registration.updatedAt),
      },
    ],
    // In-person days need travel: the calendar reminds a day ahead.
    { dtstamp: input.now, ...(method === 'REQUEST' ? { reminderMinutesBefore: 24 * 60 } : {}) },
  );
  return { method, text, contentType: calendarMimeType(method), fileName: calendarFileName(title) };
}

function isEmail(value: string | undefined): value is string {
  return (
    value !== undefined && /^[^\s"<>()[\]\\,;:@]+@[^\s"<>()[\]\\,;:@]+\.[^\s"<>()[\]\\,;:@]+$/.test(value)
  );
}
