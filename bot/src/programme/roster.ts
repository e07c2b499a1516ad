import { z } from 'zod';
import type { ParticipantView } from '../shared/contracts';
import type { Language } from '../shared/i18n/language';
import { PARTICIPANT_ROLES, roleList } from '../shared/roles';
import { toExcelCsv, type CsvCell } from '../shared/csv';

/**
 * The coordinators' roster: who is in the network, found by name, e-mail or municipality and
 * narrowed by municipality, role and status. The network is a few hundred people per workspace,
 * so the roster is read whole, filtered and sorted by name here (Table Storage can neither search
 * text nor sort by name), and handed out a page at a time with an offset as the continuation.
 */
export const ROSTER_STATUSES = ['member', 'guest', 'inactive'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export const rosterFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  municipalityId: z.string().min(1).max(100).optional(),
  role: z.enum(PARTICIPANT_ROLES).optional(),
  status: z.enum(ROSTER_STATUSES).optional(),
});
export type RosterFilter = z.infer<typeof rosterFilterSchema>;

/** `o25`: the next page starts at the 26th match. Anything else is a 400, not a silent first page. */
export const rosterTokenSchema = z
  .string()
  .regex(/^o\d{1,6}$/, 'a continuation token from this API')
  .transform((token) => Number(token.slice(1)));

export function rosterStatus(person: Pick<ParticipantView, 'active' | 'isGuest'>): RosterStatus {
  if (!person.active) return 'inactive';
  return person.isGuest ? 'guest' : 'member';
}

/** Case and accents ignored, so "hameenlinna" finds Hämeenlinna and "ake" finds Åke. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fi');
}

export function filterRoster(people: readonly ParticipantView[], filter: RosterFilter): ParticipantView[] {
  const words = filter.q ? fold(filter.q).split(/\s+/).filter(Boolean) : [];
  return people
    .filter((person) => !filter.municipalityId || person.municipalityId === filter.municipalityId)
    .filter((person) => !filter.role || person.roles.some((role) => role.id === filter.role))
    .filter((person) => !filter.status || rosterStatus(person) === filter.status)
    .filter((person) => {
      if (words.length === 0) return true;
      const haystack = fold([person.name, person.email ?? '', person.municipalityName ?? ''].join(' '));
      return words.every((word) => haystack.includes(word));
    })
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, 'fi', { sensitivity: 'base' }) ||
        a.aadObjectId.localeCompare(b.aadObjectId),
    );
}

const COLUMNS: Record<
  Language,
  {
    name: string;
    municipality: string;
    roles: string;
    email: string;
    status: string;
    statuses: Record<RosterStatus, string>;
  }
> = {
  fi: {
    name: 'Nimi',
    municipality: 'Kunta',
    roles: 'Roolit',
    email: 'Sähköposti',
    status: 'Tila',
    statuses: { member: 'Jäsen', guest: 'Vieras', inactive: 'Poistunut' },
  },
  sv: {
    name: 'Namn',
    municipality: 'Kommun',
    roles: 'Roller',
    email: 'E-post',
    status: 'Status',
    statuses: { member: 'Medlem', guest: 'Gäst', inactive: 'Har lämnat' },
  },
  en: {
    name: 'Name',
    municipality: 'Municipality',
    roles: 'Roles',
    email: 'Email',
    status: 'Status',
    statuses: { member: 'Member', guest: 'Guest', inactive: 'Left' },
  },
};

/** The roster as the coordinator filtered it, for Excel: one row per person. */
export function rosterCsv(people: readonly ParticipantView[], language: Language): string {
  const c = COLUMNS[language];
  const rows = people.map((person): CsvCell[] => [
    person.name,
    person.municipalityName,
    roleList(
      PARTICIPANT_ROLES.filter((role) => person.roles.some((held) => held.id === role)),
      language,
    ),
    person.email,
    c.statuses[rosterStatus(person)],
  ]);
  return toExcelCsv([[c.name, c.municipality, c.roles, c.email, c.status], ...rows]);
}
