import { makeStyles, tokens } from '@fluentui/react-components';
import type {
  RegistrationEventView,
  RegistrationEventsResponse,
} from '../../../../bot/src/registration/registration-contracts';
import { defineMessages, format, useMessages, type Language } from '../../i18n';
import { useApi, useApiData } from '../../session';

const messages = defineMessages({
  fi: {
    registration: 'Ilmoittautuminen',
    seats: '{municipality} {taken}/{quota}',
    open: 'Ilmoittaudu tai katso ilmoittautumisesi',
    recording: 'Katso tallenne',
    until: 'katsottavissa {when} asti',
    newWindow: '(avautuu uuteen ikkunaan)',
  },
  sv: {
    registration: 'Anmälan',
    seats: '{municipality} {taken}/{quota}',
    open: 'Anmäl dig eller se din anmälan',
    recording: 'Se inspelningen',
    until: 'kan ses fram till {when}',
    newWindow: '(öppnas i ett nytt fönster)',
  },
  en: {
    registration: 'Registration',
    seats: '{municipality} {taken}/{quota}',
    open: 'Register or see your registration',
    recording: 'Watch the recording',
    until: 'available until {when}',
    newWindow: '(opens in a new window)',
  },
});

const useStyles = makeStyles({
  line: { margin: 0 },
  link: { color: tokens.colorBrandForegroundLink },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * What the registration feature adds to the programme: the person's standing for events with a
 * registration and the recording while it is available. One request for the whole programme.
 */
export function useRegistrationExtras(
  language: Language,
  /** Asked only once the programme itself is shown, so it never delays the first render. */
  ready: boolean,
): ReadonlyMap<string, RegistrationEventView> {
  const api = useApi();
  const extras = useApiData(
    () =>
      ready
        ? api.get<RegistrationEventsResponse>('/api/registration/events', { lang: language })
        : Promise.resolve(undefined),
    [api, language, ready],
  );
  return new Map((extras.data?.events ?? []).map((event) => [event.eventId, event]));
}

export function ProgrammeExtras({ view }: { readonly view: RegistrationEventView | undefined }) {
  const t = useMessages(messages);
  const styles = useStyles();
  if (!view) return null;
  const registration = view.registration;
  return (
    <>
      {registration && (
        <p className={styles.line}>
          <strong>{t.registration}:</strong>{' '}
          {registration.mine?.statusText ??
            (registration.seats && registration.municipalityName
              ? format(t.seats, {
                  municipality: registration.municipalityName,
                  taken: registration.seats.taken,
                  quota: registration.seats.quota,
                })
              : '')}{' '}
          <a className={styles.link} href={`#/registration/${encodeURIComponent(view.eventId)}`}>
            {t.open}
          </a>
        </p>
      )}
      {view.recording && (
        <p className={styles.line}>
          <a className={styles.link} href={view.recording.url} target="_blank" rel="noopener noreferrer">
            {t.recording}
            <span className="visually-hidden"> {t.newWindow}</span>
          </a>{' '}
          <span className={styles.muted}>
            ({format(t.until, { when: view.recording.availableUntilText })})
          </span>
        </p>
      )}
    </>
  );
}
