import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DeliveryReport } from '../../components/delivery-report';
import { helsinkiText } from '../../helsinki-time';
import { defineMessages, useLanguage, useMessages } from '../../i18n';
import { useTableStyles } from '../coordinator/styles';
import { useOffsetLabel, type SentReminder } from './reminder-model';

const messages = defineMessages({
  fi: {
    sent: 'Muistutukset ja niiden toimitus',
    when: 'Muistutus',
    due: 'Ajankohta',
    state: 'Tila',
    delivery: 'Toimitus',
    none: 'Ei vielä muistutuksia.',
    manual: 'Lähetetty käsin',
    scheduled: 'Ajastettu',
    claimed: 'Lähdössä',
    enqueued: 'Lähetetty',
    skipped: 'Ohitettu',
    cancelled: 'Peruttu',
    started: 'tapahtuma oli jo alkanut',
    superseded: 'myöhempi muistutus lähti sen sijaan',
    removed: 'poistettiin suunnitelmasta',
    showReport: 'Näytä raportti',
    hideReport: 'Piilota raportti',
    notYet: 'Lähtee ajankohtana.',
  },
  sv: {
    sent: 'Påminnelserna och hur de levererades',
    when: 'Påminnelse',
    due: 'Tidpunkt',
    state: 'Status',
    delivery: 'Leverans',
    none: 'Inga påminnelser ännu.',
    manual: 'Skickad manuellt',
    scheduled: 'Schemalagd',
    claimed: 'På väg ut',
    enqueued: 'Skickad',
    skipped: 'Överhoppad',
    cancelled: 'Inställd',
    started: 'evenemanget hade redan börjat',
    superseded: 'en senare påminnelse gick ut i stället',
    removed: 'togs bort ur planen',
    showReport: 'Visa rapporten',
    hideReport: 'Dölj rapporten',
    notYet: 'Skickas vid tidpunkten.',
  },
  en: {
    sent: 'Reminders and their delivery',
    when: 'Reminder',
    due: 'Due',
    state: 'Status',
    delivery: 'Delivery',
    none: 'No reminders yet.',
    manual: 'Sent by hand',
    scheduled: 'Scheduled',
    claimed: 'Going out',
    enqueued: 'Sent',
    skipped: 'Skipped',
    cancelled: 'Cancelled',
    started: 'the event had already started',
    superseded: 'a later reminder went out instead',
    removed: 'removed from the plan',
    showReport: 'Show the report',
    hideReport: 'Hide the report',
    notYet: 'Goes out when due.',
  },
});

const useStyles = makeStyles({
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: '280px' },
});

type StateKey = 'scheduled' | 'claimed' | 'enqueued' | 'skipped' | 'cancelled';
const STATES: readonly StateKey[] = ['scheduled', 'claimed', 'enqueued', 'skipped', 'cancelled'];

/** Each reminder of the event: when, its status in words, and the delivery report once sent. */
export function SentRemindersPanel({ reminders }: { readonly reminders: readonly SentReminder[] }) {
  const styles = useTableStyles();
  const own = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const offsetLabel = useOffsetLabel();
  const [open, setOpen] = useState<string>();
  const why = (reason: string | undefined): string => {
    if (!reason) return '';
    if (reason.includes('started')) return t.started;
    if (reason.startsWith('superseded')) return t.superseded;
    if (reason.includes('removed')) return t.removed;
    return '';
  };
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
              {reminders.map((reminder) => {
                const key = `${reminder.offset ?? 'manual'}-${reminder.dueAt}`;
                const state = (STATES as readonly string[]).includes(reminder.state)
                  ? t[reminder.state as StateKey]
                  : reminder.state;
                const reason = why(reminder.reason);
                return (
                  <tr key={key} data-reminder-row={reminder.offset ?? 'manual'}>
                    <th scope="row">{reminder.manual ? t.manual : offsetLabel(reminder.offset ?? '')}</th>
                    <td>{helsinkiText(reminder.dueAt, language)}</td>
                    <td>{reason ? `${state}: ${reason}` : state}</td>
                    <td>
                      {reminder.deliveryId ? (
                        <div className={own.report}>
                          <DeliveryReport
                            key={`${reminder.deliveryId}-${open === key ? 'full' : 'compact'}`}
                            deliveryId={reminder.deliveryId}
                            compact={open !== key}
                          />
                          <div>
                            <Button
                              size="small"
                              aria-expanded={open === key}
                              onClick={() => setOpen(open === key ? undefined : key)}
                            >
                              {open === key ? t.hideReport : t.showReport}
                            </Button>
                          </div>
                        </div>
                      ) : reminder.state === 'scheduled' ? (
                        t.notYet
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
