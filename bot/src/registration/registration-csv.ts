import { toExcelCsv, type CsvCell } from '../shared/csv';
import type { Municipality } from '../shared/municipality';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import type { Language } from '../shared/i18n/language';
import { municipalityName } from '../shared/views';
import { registrationMessagesFor } from './registration-messages';
import { waitlistOrder, type Registration, type RegistrationSettings } from './registration-model';

function place(id: string, municipalities: ReadonlyMap<string, Municipality>, language: Language): string {
  const municipality = municipalities.get(id);
  return municipality ? municipalityName(municipality, language) : id;
}

/** Confirmed first, then offered, then the waitlist in its order; by municipality and name within. */
function ordered(registrations: readonly Registration[], municipalities: ReadonlyMap<string, Municipality>) {
  const rank = { confirmed: 0, offered: 1, waitlisted: 2, cancelled: 3 } as const;
  return registrations
    .filter((registration) => registration.status !== 'cancelled')
    .sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        (a.status === 'confirmed'
          ? (municipalities.get(a.municipalityId)?.name ?? a.municipalityId).localeCompare(
              municipalities.get(b.municipalityId)?.name ?? b.municipalityId,
              'fi',
            ) || a.name.localeCompare(b.name, 'fi')
          : waitlistOrder(a, b)),
    );
}

/**
 * The attendee list: who is coming (and who waits), their municipality, email and the "other"
 * answer. Diet and accessibility needs are not in it: they go only to catering and the venue.
 */
export function attendeesCsv(
  settings: RegistrationSettings,
  registrations: readonly Registration[],
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
): string {
  const m = registrationMessagesFor(language).csv;
  const other = settings.questions.some((question) => question.id === 'other');
  const header: CsvCell[] = [m.name, m.municipality, m.email, m.status, m.registeredAt, m.confirmedAt];
  if (other) header.push(m.other);
  const rows = ordered(registrations, municipalities).map((registration): CsvCell[] => {
    const row: CsvCell[] = [
      registration.name,
      place(registration.municipalityId, municipalities, language),
      registration.email ?? null,
      m.statuses[registration.status as 'confirmed' | 'offered' | 'waitlisted'],
      formatHelsinkiDateTime(new Date(registration.registeredAt), language),
      registration.confirmedAt ? formatHelsinkiDateTime(new Date(registration.confirmedAt), language) : null,
    ];
    if (other) row.push(registration.answers.other ?? null);
    return row;
  });
  return toExcelCsv([header, ...rows]);
}

/**
 * For catering and the venue: the confirmed only, with diet and accessibility needs. The first row
 * says the file holds health-related information and how to handle it, as anyone opening it sees.
 */
export function cateringCsv(
  registrations: readonly Registration[],
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
): string {
  const m = registrationMessagesFor(language).csv;
  const rows = ordered(registrations, municipalities)
    .filter((registration) => registration.status === 'confirmed')
    .map((registration): CsvCell[] => [
      registration.name,
      place(registration.municipalityId, municipalities, language),
      registration.answers.diet ?? null,
      registration.answers.accessibility ?? null,
    ]);
  return toExcelCsv([[m.sensitiveNotice], [m.name, m.municipality, m.diet, m.accessibility], ...rows]);
}
