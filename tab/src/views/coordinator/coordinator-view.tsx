import { Badge, Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MunicipalityView, PagedResponse, ParticipantView } from '../../../../bot/src/shared/contracts';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { useApi, useApiData, useMe, useSession } from '../../session';
import { EventEditor } from './event-editor';
import { useTableStyles } from './styles';

const PARTICIPANT_PAGE_SIZE = 25;

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
    guest: 'Vierailija',
    member: 'Jäsen',
    inactive: 'Poistunut',
    shown: 'Näytetään {count} osallistujaa.',
    allShown: 'Kaikki {count} osallistujaa näytetään.',
    more: 'Näytä lisää osallistujia',
    loaded: '{count} osallistujaa lisää ladattu.',
    noMunicipality: '–',
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
    shown: '{count} deltagare visas.',
    allShown: 'Alla {count} deltagare visas.',
    more: 'Visa fler deltagare',
    loaded: '{count} deltagare till har laddats.',
    noMunicipality: '–',
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
    shown: 'Showing {count} participants.',
    allShown: 'All {count} participants shown.',
    more: 'Show more participants',
    loaded: '{count} more participants loaded.',
    noMunicipality: '–',
  },
});

/** Coordinators: the roster (municipalities, participants a page at a time) and programme editing. */
export default function CoordinatorView() {
  const styles = useTableStyles();
  const t = useMessages(messages);
  const me = useMe();
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
      <Municipalities />
      <Participants />
    </div>
  );
}

function Municipalities() {
  const styles = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const municipalities = useApiData(
    () => api.get<PagedResponse<MunicipalityView>>('/api/municipalities', { lang: language }),
    [api, language],
  );
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

function Participants() {
  const styles = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const [pages, setPages] = useState<PagedResponse<ParticipantView>[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error>();

  const first = useApiData(
    () =>
      api.get<PagedResponse<ParticipantView>>('/api/participants', {
        pageSize: PARTICIPANT_PAGE_SIZE,
        lang: language,
      }),
    [api, language],
  );
  useEffect(() => {
    if (first.status === 'ready') setPages([first.data]);
  }, [first.status, first.data]);

  const people = pages.flatMap((page) => page.items);
  const next = pages.at(-1)?.continuationToken ?? null;

  const loadMore = (): void => {
    if (!next) return;
    setLoadingMore(true);
    setError(undefined);
    api
      .get<PagedResponse<ParticipantView>>('/api/participants', {
        pageSize: PARTICIPANT_PAGE_SIZE,
        continuationToken: next,
        lang: language,
      })
      .then((page) => {
        setPages((previous) => [...previous, page]);
        announce(format(t.loaded, { count: page.items.length }));
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason : new Error(String(reason))))
      .finally(() => setLoadingMore(false));
  };

  return (
    <section className={styles.section} aria-labelledby="participants-heading">
      <h2 id="participants-heading" className={styles.sectionHeading}>
        {t.participants}
      </h2>
      {first.status === 'error' && <ErrorMessage error={first.error} onRetry={first.reload} />}
      {first.status === 'loading' && pages.length === 0 && <Loading />}
      {pages.length > 0 && (
        <>
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
                          <Badge key={role.id} appearance="outline" color="informative">
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
          {error && <ErrorMessage error={error} onRetry={loadMore} />}
          <div className={styles.footer}>
            <span>{format(next ? t.shown : t.allShown, { count: people.length })}</span>
            {next && (
              <Button onClick={loadMore} disabled={loadingMore}>
                {t.more}
              </Button>
            )}
            {loadingMore && <Loading />}
          </div>
        </>
      )}
    </section>
  );
}
