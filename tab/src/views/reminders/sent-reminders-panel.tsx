import { useLanguage, defineMessages, format, useMessages } from '../../i18n';
import { helsinkiText } from '../../helsinki-time';
import { useTableStyles } from '../coordinator/styles';
import { useOffsetLabel, type SentReminder } from './reminder-model';

const messages = defineMessages({
  fi: {
    when: 'Milloin',
    sent: 'Lähetetyt muistutukset',
    due: 'Ajankohta',
    state: 'Tila',
    delivery: 'Toimitus',
    none: 'Ei vielä muistutuksia.',
    manual: 'Lähetetty käsin',
    counts: '{sent} lähetetty, {pending} jonossa, {failed} epäonnistui, {unreachable} ei tavoitettu',
  },
  sv: {
    when: 'När',
    sent: 'Skickade påminnelser',
    due: 'Tidpunkt',
    state: 'Status',
    delivery: 'Leverans',
    none: 'Inga påminnelser ännu.',
    manual: 'Skickad manuellt',
    counts: '{sent} skickade, {pending} i kö, {failed} misslyckades, {unreachable} nåddes inte',
  },
  en: {
    when: 'When',
    sent: 'Reminders sent',
    due: 'Due',
    state: 'State',
    delivery: 'Delivery',
    none: 'No reminders yet.',
    manual: 'Sent by hand',
    counts: '{sent} sent, {pending} queued, {failed} failed, {unreachable} unreachable',
  },
});

/** What was sent of the event's reminders and how the delivery went. */
export function SentRemindersPanel({ reminders }: { readonly reminders: readonly SentReminder[] }) {
  const styles = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const offsetLabel = useOffsetLabel();
  return (
    <section className={styles.section} aria-labelledby="sent-heading">
      <h2 id="sent-heading" className={styles.sectionHeading}>
        {t.sent}
      </h2>
      {reminders.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.due}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.delivery}</th>
              </tr>
            </thead>
            <tbody>
              {reminders.map((reminder) => (
                <tr key={`${reminder.offset ?? 'manual'}-${reminder.dueAt}`}>
                  <th scope="row">{reminder.manual ? t.manual : offsetLabel(reminder.offset ?? '')}</th>
                  <td>{helsinkiText(reminder.dueAt, language)}</td>
                  <td>{reminder.state}</td>
                  <td>
                    {reminder.delivery &&
                      format(t.counts, {
                        sent: reminder.delivery.counts.sent,
                        pending: reminder.delivery.counts.pending + reminder.delivery.counts.sending,
                        failed: reminder.delivery.counts.failed,
                        unreachable: reminder.delivery.counts.unreachable,
                      })}
                    {reminder.delivery && reminder.delivery.failures.length > 0 && (
                      <ul>
                        {reminder.delivery.failures.slice(0, 20).map((item) => (
                          <li key={item.target}>{`${item.state}: ${item.reason}`}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
