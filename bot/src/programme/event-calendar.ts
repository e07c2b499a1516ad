import { linkExpiry, type PersonalLinkSigner } from '../platform/links/personal-link';
import { pickText, type Language } from '../shared/i18n/language';
import { buildCalendar, calendarFileName, EVENT_UID_DOMAIN, eventUid } from '../shared/icalendar';
import type { TeamsIdentity } from '../shared/participant';
import { placeLine, type ProgrammeEvent } from '../shared/programme-event';

export interface EventCalendarFile {
  readonly text: string;
  readonly fileName: string;
}

/**
 * One programme event as an iCalendar file (METHOD:PUBLISH) for "add to calendar", the same from
 * the tab and from a reminder's link. Its UID is the one a registration's own entry uses, so a
 * person who adds the event and then registers has one entry in the calendar, not two.
 */
export function buildEventCalendar(event: ProgrammeEvent, language: Language, now: Date): EventCalendarFile {
  const title = pickText(event.title, language);
  const text = buildCalendar(
    'PUBLISH',
    [
      {
        uid: eventUid('event', `${event.roundId}/${event.id}`, EVENT_UID_DOMAIN),
        sequence: 0,
        title,
        ...(event.description ? { description: pickText(event.description, language) } : {}),
        ...(event.place ? { location: placeLine(event.place, language) } : {}),
        ...(event.onlineUrl ? { url: event.onlineUrl } : {}),
        startsAt: new Date(event.startsAt),
        endsAt: new Date(event.endsAt),
      },
    ],
    { dtstamp: now, reminderMinutesBefore: 30 },
  );
  return { text, fileName: calendarFileName(title) };
}

/**
 * The "add to calendar" link on a personal reminder card: Outlook or a browser opens it without a
 * Teams sign-in, so it is signed for the one reader, and what it serves is checked again when it is
 * opened (the reader must still be a participant who may see the event).
 */
export async function eventCalendarLink(
  deps: { readonly signer: PersonalLinkSigner; readonly publicUrl: string },
  event: ProgrammeEvent,
  reader: TeamsIdentity,
  language: Language,
): Promise<string> {
  const token = await deps.signer.sign({
    purpose: 'event-calendar',
    roundId: event.roundId,
    itemId: event.id,
    tenantId: reader.tenantId,
    aadObjectId: reader.aadObjectId,
    expiresAt: linkExpiry(event.endsAt),
  });
  return `${deps.publicUrl}/api/programme/links/${encodeURIComponent(event.roundId)}/${encodeURIComponent(event.id)}/calendar.ics?token=${token}&lang=${language}`;
}
