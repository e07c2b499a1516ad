import { Badge, Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { MunicipalityView, PagedResponse, RosterResponse } from '../../../../bot/src/shared/contracts';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { useApi, useApiData, useMe, useSession } from '../../session';
import { EventEditor } from './event-editor';
import { useTableStyles } from './styles';

const PARTICIPANT_PAGE_SIZE = 25;

const useFormStyles = makeStyles({
  // The filters line up on one baseline and wrap as whole fields on a narrow tab.
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalL,
    // A grid item is as wide as its content by default; a select with a long option would push
    // into its neighbour. Held to the column, the option text is cut inside the control instead.
    '& > *': { minWidth: 0 },
    '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  },
  searchField: { gridColumn: 'span 2', '@media (max-width: 480px)': { gridColumn: 'span 1' } },
  filterActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, gridColumn: '1 / -1' },
  select: { width: '100%', minWidth: 0 },
  notice: { margin: `0 0 ${tokens.spacingVerticalM}`, fontWeight: tokens.fontWeightSemibold },
});

const messages = defineMessages({
  fi: {
    heading: 'Koordinaattorin näkymä',
    intro: 'Kuntaliiton ja FCG:n koordinaattoreille: verkoston kunnat, osallistujat ja ohjelman muokkaus.',
    signedInAs: 'Organisaatio: {organisation}',
    municipalities: 'Kunnat',
    municipality: 'Kunta',
    region: 'Maakunta',
    population: 'Asukkaita',
    participants: 'Osallistujat',
    name: 'Nimi',
    roles: 'Roolit',
    email: 'Sähköposti',
    status: 'Tila',
    guest: 'Vieras',
    member: 'Jäsen',
    inactive: 'Poistunut',
    shown: 'Näytetään {count} / {total} osallistujaa.',
    allShown: 'Kaikki {total} osallistujaa näytetään.',
    allShownOne: 'Näytetään 1 osallistuja.',
    more: 'Näytä lisää osallistujia',
    loaded: 'Ladattiin {count} osallistujaa lisää.',
    noMunicipality: '–',
    searchLabel: 'Hae osallistujia',
    search: 'Hae',
    searchPlaceholder: 'Nimi, sähköposti tai kunta',
    role: 'Rooli',
    all: 'Kaikki',
    clear: 'Tyhjennä suodattimet',
    exportAll: 'Lataa osallistujat (CSV)',
    exportFiltered: 'Lataa rajatut osallistujat (CSV)',
    exportFile: 'digiverkosto-osallistujat.csv',
    exported: 'Osallistujaluettelo ladattu.',
    matches: 'Hakuehtoja vastaa {count} osallistujaa.',
    noMatches: 'Hakuehtoja vastaavia osallistujia ei löytynyt.',
    noMatchesHint: 'Hakuehtoja vastaavia osallistujia ei löytynyt. Tarkista haku tai tyhjennä suodattimet.',
    roleLeadership: 'Johtoryhmä ja ylin johto',
    roleSupervisor: 'Esihenkilöt',
    roleDeveloper: 'Kehittämistehtävissä toimivat',
    roleExpert: 'Asiantuntijat ja digilähettiläät',
    roleElected: 'Luottamushenkilöt',
  },
  sv: {
    heading: 'Koordinatorns vy',
    intro:
      'För Kommunförbundets och FCG:s koordinatorer: nätverkets kommuner, deltagare och redigering av programmet.',
    signedInAs: 'Organisation: {organisation}',
    municipalities: 'Kommuner',
    municipality: 'Kommun',
    region: 'Landskap',
    population: 'Invånare',
    participants: 'Deltagare',
    name: 'Namn',
    roles: 'Roller',
    email: 'E-post',
    status: 'Status',
    guest: 'Gäst',
    member: 'Medlem',
    inactive: 'Har lämnat',
    shown: '{count} av {total} deltagare visas.',
    allShown: 'Alla {total} deltagare visas.',
    allShownOne: '1 deltagare visas.',
    more: 'Visa fler deltagare',
    loaded: '{count} deltagare till har hämtats.',
    noMunicipality: '–',
    searchLabel: 'Sök deltagare',
    search: 'Sök',
    searchPlaceholder: 'Namn, e-post eller kommun',
    role: 'Roll',
    all: 'Alla',
    clear: 'Rensa filtren',
    exportAll: 'Ladda ner deltagarna (CSV)',
    exportFiltered: 'Ladda ner de valda deltagarna (CSV)',
    exportFile: 'digiverkosto-deltagare.csv',
    exported: 'Deltagarlistan har laddats ner.',
    matches: '{count} deltagare motsvarar sökningen.',
    noMatches: 'Inga deltagare motsvarar sökningen.',
    noMatchesHint: 'Inga deltagare motsvarar sökningen. Kontrollera sökningen eller rensa filtren.',
    roleLeadership: 'Ledningsgrupp och högsta ledning',
    roleSupervisor: 'Chefer',
    roleDeveloper: 'Utvecklingspersonal',
    roleExpert: 'Sakkunniga och digiambassadörer',
    roleElected: 'Förtroendevalda',
  },
  en: {
    heading: "Coordinators' view",
    intro:
      'For the coordinators at Kuntaliitto and FCG: the network’s municipalities, participants and programme editing.',
    signedInAs: 'Organisation: {organisation}',
    municipalities: 'Municipalities',
    municipality: 'Municipality',
    region: 'Region',
    population: 'Population',
    participants: 'Participants',
    name: 'Name',
    roles: 'Roles',
    email: 'Email',
    status: 'Status',
    guest: 'Guest',
    member: 'Member',
    inactive: 'Left',
    shown: 'Showing {count} of {total} participants.',
    allShown: 'All {total} participants shown.',
    allShownOne: 'Showing 1 participant.',
    more: 'Show more participants',
    loaded: '{count} more participants loaded.',
    noMunicipality: '–',
    searchLabel: 'Search participants',
    search: 'Search',
    searchPlaceholder: 'Name, email or municipality',
    role: 'Role',
    all: 'All',
    clear: 'Clear filters',
    exportAll: 'Download participants (CSV)',
    exportFiltered: 'Download filtered participants (CSV)',
    exportFile: 'digiverkosto-participants.csv',
    exported: 'Participant list downloaded.',
    matches: '{count} participants match.',
    noMatches: 'No participants match.',
    noMatchesHint: 'No participants match. Check the search or clear the filters.',
    roleLeadership: 'Leadership team',
    roleSupervisor: 'Supervisors',
    roleDeveloper: 'Development staff',
    roleExpert: 'Experts and digital ambassadors',
    roleElected: 'Elected officials',
  },
});

/** Coordinators: the roster (municipalities, participants a page at a time) and programme editing. */
export default function CoordinatorView() {
  const styles = useTableStyles();
  const t = useMessages(messages);
  const me = useMe();
  const { language } = useLanguage();
  const api = useApi();
  // Read once: the municipalities table and the roster's municipality filter both use it.
  const municipalities = useApiData(
    () => api.get<PagedResponse<MunicipalityView>>('/api/municipalities', { lang: language }),
    [api, language],
  );
  return (
    <div>
      <h1 className={styles.heading}>{t.heading}</h1>
      <p className={styles.intro}>
        {t.intro}
        {me.coordinatorOrganisationName
          ? ` ${format(t.signedInAs, { organisation: me.coordinatorOrganisationName })}`
          : ''}
      </p>
      <EventEditor />
      <Municipalities municipalities={municipalities} />
      <Participants municipalities={municipalities.data?.items ?? []} />
    </div>
  );
}

function Municipalities({
  municipalities,
}: {
  readonly municipalities: ReturnType<typeof useApiData<PagedResponse<MunicipalityView>>>;
}) {
  const styles = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const numbers = new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-FI`);
  return (
    <section className={styles.section} aria-labelledby="municipalities-heading">
      <h2 id="municipalities-heading" className={styles.sectionHeading}>
        {t.municipalities}
      </h2>
      {municipalities.status === 'error' && (
        <ErrorMessage error={municipalities.error} onRetry={municipalities.reload} />
      )}
      {municipalities.status === 'loading' && !municipalities.data && <Loading />}
      {municipalities.data && (
        <div className={styles.scroll}>
          <table className={styles.table} aria-labelledby="municipalities-heading">
            <thead>
              <tr>
                <th scope="col">{t.municipality}</th>
                <th scope="col">{t.region}</th>
                <th scope="col" className={styles.number}>
                  {t.population}
                </th>
              </tr>
            </thead>
            <tbody>
              {municipalities.data.items.map((municipality) => (
                <tr key={municipality.id}>
                  <th scope="row">{municipality.displayName}</th>
                  <td>{municipality.regionName}</td>
                  <td className={styles.number}>{numbers.format(municipality.population)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const ROLE_IDS = ['leadership', 'supervisor', 'developer', 'expert', 'elected'] as const;
const STATUSES = ['member', 'guest', 'inactive'] as const;

interface RosterFilters {
  readonly q: string;
  readonly municipalityId: string;
  readonly role: string;
  readonly status: string;
}
const NO_FILTERS: RosterFilters = { q: '', municipalityId: '', role: '', status: '' };

/** The filters as query parameters: empty ones left out, so the API sees only what was chosen. */
function filterQuery(filters: RosterFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter((entry): entry is [string, string] => String(entry[1]).trim() !== ''),
  );
}

/** Typing waits this long before asking the server, so each keystroke is not a request. */
const SEARCH_DELAY_MS = 300;

function Participants({ municipalities }: { readonly municipalities: readonly MunicipalityView[] }) {
  const styles = useTableStyles();
  const form = useFormStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const [filters, setFilters] = useState<RosterFilters>(NO_FILTERS);
  const [typed, setTyped] = useState('');
  const [pages, setPages] = useState<RosterResponse[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error>();
  const [notice, setNotice] = useState('');

  // Unchanged text keeps the same filters object: a new one would reload the first page and drop
  // the pages already shown (it did, 300 ms after opening the view).
  useEffect(() => {
    const timer = window.setTimeout(
      () => setFilters((previous) => (previous.q === typed ? previous : { ...previous, q: typed })),
      SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [typed]);

  const first = useApiData(
    () =>
      api.get<RosterResponse>('/api/participants', {
        pageSize: PARTICIPANT_PAGE_SIZE,
        lang: language,
        ...filterQuery(filters),
      }),
    [api, language, filters],
  );
  // Only a new first page (new filters, language) starts the list over; the announcement's words
  // are read through a ref so a re-render with new message objects never drops the loaded pages.
  const say = useRef({ announce, t });
  say.current = { announce, t };
  useEffect(() => {
    if (first.status !== 'ready') return;
    setPages([first.data]);
    const { announce: speak, t: words } = say.current;
    speak(format(first.data.total === 0 ? words.noMatches : words.matches, { count: first.data.total }));
  }, [first.status, first.data]);

  const people = pages.flatMap((page) => page.items);
  const next = pages.at(-1)?.continuationToken ?? null;
  const total = pages.at(-1)?.total ?? 0;
  const filtered = Object.keys(filterQuery(filters)).length > 0;

  const loadMore = (): void => {
    if (!next) return;
    setLoadingMore(true);
    setError(undefined);
    api
      .get<RosterResponse>('/api/participants', {
        pageSize: PARTICIPANT_PAGE_SIZE,
        continuationToken: next,
        lang: language,
        ...filterQuery(filters),
      })
      .then((page) => {
        setPages((previous) => [...previous, page]);
        announce(format(t.loaded, { count: page.items.length }));
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason : new Error(String(reason))))
      .finally(() => setLoadingMore(false));
  };

  const exportCsv = (): void => {
    setNotice('');
    api
      .blob('/api/participants.csv', { lang: language, ...filterQuery(filters) })
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = t.exportFile;
        link.click();
        URL.revokeObjectURL(url);
        setNotice(t.exported);
        announce(t.exported);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason : new Error(String(reason))));
  };

  const set = (key: keyof RosterFilters) => (value: string) =>
    setFilters((previous) => ({ ...previous, [key]: value }));
  const clear = (): void => {
    setTyped('');
    setFilters(NO_FILTERS);
  };
  const statusName = { member: t.member, guest: t.guest, inactive: t.inactive };
  const roleName = {
    leadership: t.roleLeadership,
    supervisor: t.roleSupervisor,
    developer: t.roleDeveloper,
    expert: t.roleExpert,
    elected: t.roleElected,
  };

  return (
    <section className={styles.section} aria-labelledby="participants-heading">
      <h2 id="participants-heading" className={styles.sectionHeading}>
        {t.participants}
      </h2>
      <div className={form.filters} role="search" aria-label={t.searchLabel}>
        <Field label={t.search} className={form.searchField}>
          <Input
            type="search"
            value={typed}
            onChange={(_, data) => setTyped(data.value)}
            placeholder={t.searchPlaceholder}
            data-testid="roster-search"
          />
        </Field>
        <Field label={t.municipality}>
          <Select
            className={form.select}
            value={filters.municipalityId}
            onChange={(_, data) => set('municipalityId')(data.value)}
          >
            <option value="">{t.all}</option>
            {municipalities.map((municipality) => (
              <option key={municipality.id} value={municipality.id}>
                {municipality.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.role}>
          <Select
            className={form.select}
            value={filters.role}
            onChange={(_, data) => set('role')(data.value)}
          >
            <option value="">{t.all}</option>
            {ROLE_IDS.map((role) => (
              <option key={role} value={role}>
                {roleName[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.status}>
          <Select
            className={form.select}
            value={filters.status}
            onChange={(_, data) => set('status')(data.value)}
          >
            <option value="">{t.all}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusName[status]}
              </option>
            ))}
          </Select>
        </Field>
        <div className={form.filterActions}>
          <Button onClick={clear} disabled={!filtered && typed === ''}>
            {t.clear}
          </Button>
          <Button onClick={exportCsv} disabled={total === 0}>
            {filtered ? t.exportFiltered : t.exportAll}
          </Button>
        </div>
      </div>
      {notice && <p className={form.notice}>{notice}</p>}
      {first.status === 'error' && <ErrorMessage error={first.error} onRetry={first.reload} />}
      {first.status === 'loading' && pages.length === 0 && <Loading />}
      {pages.length > 0 && people.length === 0 && <p>{t.noMatchesHint}</p>}
      {people.length > 0 && (
        <div className={styles.scroll}>
          <table className={styles.table} aria-labelledby="participants-heading" data-testid="participants">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.municipality}</th>
                <th scope="col">{t.roles}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={`${person.tenantId}/${person.aadObjectId}`} data-participant-row="">
                  <th scope="row">{person.name}</th>
                  <td>{person.municipalityName ?? t.noMunicipality}</td>
                  <td>
                    <span className={styles.roles}>
                      {person.roles.map((role) => (
                        <Badge key={role.id} appearance="outline" color="informative" className={styles.role}>
                          {role.name}
                        </Badge>
                      ))}
                    </span>
                  </td>
                  <td>{person.email ?? ''}</td>
                  <td>{!person.active ? t.inactive : person.isGuest ? t.guest : t.member}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && <ErrorMessage error={error} onRetry={loadMore} />}
      {pages.length > 0 && (
        <div className={styles.footer}>
          <span>
            {format(next ? t.shown : total === 1 ? t.allShownOne : t.allShown, {
              count: people.length,
              total,
            })}
          </span>
          {next && (
            <Button onClick={loadMore} disabled={loadingMore}>
              {t.more}
            </Button>
          )}
          {loadingMore && <Loading />}
        </div>
      )}
    </section>
  );
}
