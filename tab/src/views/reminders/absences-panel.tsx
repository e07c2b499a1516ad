import { ErrorMessage } from '../../components/status';
import { helsinkiText } from '../../helsinki-time';
import { defineMessages, useLanguage, useMessages } from '../../i18n';
import { useApi, useApiData } from '../../session';
import { useTableStyles } from '../coordinator/styles';

interface AbsencesResponse {
  readonly absences: readonly { readonly name: string; readonly recordedAt: string }[];
}

const messages = defineMessages({
  fi: {
    absences: 'Eivät pääse paikalle',
    noAbsences: 'Kukaan ei ole ilmoittanut esteestä.',
  },
  sv: {
    absences: 'Kan inte delta',
    noAbsences: 'Ingen har meddelat förhinder.',
  },
  en: {
    absences: "Can't attend",
    noAbsences: 'Nobody has said they cannot attend.',
  },
});

/** Who said they cannot attend the event (the reminder card's "I can't attend"). */
export function AbsencesPanel({ eventId }: { readonly eventId: string }) {
  const styles = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const path = `/api/events/${encodeURIComponent(eventId)}`;
  const absences = useApiData(() => api.get<AbsencesResponse>(`${path}/absences`), [api, path]);
  return (
    <section className={styles.section} aria-labelledby="absences-heading">
      <h2 id="absences-heading" className={styles.sectionHeading}>
        {t.absences}
      </h2>
      {absences.status === 'error' && <ErrorMessage error={absences.error} onRetry={absences.reload} />}
      {absences.data &&
        (absences.data.absences.length === 0 ? (
          <p>{t.noAbsences}</p>
        ) : (
          <ul>
            {absences.data.absences.map((absence) => (
              <li key={`${absence.name}-${absence.recordedAt}`}>
                {`${absence.name} (${helsinkiText(absence.recordedAt, language)})`}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
