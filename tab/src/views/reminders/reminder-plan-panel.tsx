import { Badge, Button, Checkbox, Select, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useMessages } from '../../i18n';
import { useTableStyles } from '../coordinator/styles';
import { OFFSETS, useOffsetLabel, type ReminderSpec } from './reminder-model';

const messages = defineMessages({
  fi: {
    plan: 'Muistutussuunnitelma',
    defaultPlan: 'Tapahtumatyypin oletus',
    customPlan: 'Muokattu suunnitelma',
    when: 'Milloin',
    channel: 'Kanavaan',
    personal: 'Henkilökohtaisesti',
    remove: 'Poista',
    add: 'Lisää muistutus',
    save: 'Tallenna suunnitelma',
    reset: 'Palauta oletus',
    saved: 'Suunnitelma tallennettu.',
  },
  sv: {
    plan: 'Påminnelseplan',
    defaultPlan: 'Standard för evenemangstypen',
    customPlan: 'Ändrad plan',
    when: 'När',
    channel: 'I kanalen',
    personal: 'Personligen',
    remove: 'Ta bort',
    add: 'Lägg till påminnelse',
    save: 'Spara planen',
    reset: 'Återställ standard',
    saved: 'Planen har sparats.',
  },
  en: {
    plan: 'Reminder plan',
    defaultPlan: "The event type's default",
    customPlan: 'Changed plan',
    when: 'When',
    channel: 'In the channel',
    personal: 'Personally',
    remove: 'Remove',
    add: 'Add a reminder',
    save: 'Save the plan',
    reset: 'Restore the default',
    saved: 'The plan was saved.',
  },
});

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
  },
});

/** The event's reminder plan as an editable table: when, to the channel, personally. */
export function ReminderPlanPanel({
  custom,
  draft,
  setDraft,
  onSave,
}: {
  /** True when the plan differs from the event type's default. */
  readonly custom: boolean;
  /** The plan being edited; the view keeps it, as the preview reads its first reminder. */
  readonly draft: ReminderSpec[];
  readonly setDraft: (draft: ReminderSpec[]) => void;
  /** Saves the draft, or restores the default with null. */
  readonly onSave: (reminders: ReminderSpec[] | null) => void;
}) {
  const styles = useTableStyles();
  const own = useStyles();
  const t = useMessages(messages);
  const offsetLabel = useOffsetLabel();
  return (
    <section className={styles.section} aria-labelledby="plan-heading">
      <h2 id="plan-heading" className={styles.sectionHeading}>
        {t.plan} <Badge appearance="tint">{custom ? t.customPlan : t.defaultPlan}</Badge>
      </h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.channel}</th>
            <th scope="col">{t.personal}</th>
            <th scope="col">{t.remove}</th>
          </tr>
        </thead>
        <tbody>
          {draft.map((spec, index) => (
            <tr key={`${spec.offset}-${index}`}>
              <td>
                <Select
                  aria-label={t.when}
                  value={spec.offset}
                  onChange={(_event, data) =>
                    setDraft(draft.map((item, at) => (at === index ? { ...item, offset: data.value } : item)))
                  }
                >
                  {OFFSETS.map((offset) => (
                    <option key={offset} value={offset}>
                      {offsetLabel(offset)}
                    </option>
                  ))}
                </Select>
              </td>
              <td>
                <Checkbox
                  aria-label={`${t.channel}: ${offsetLabel(spec.offset)}`}
                  checked={spec.channel}
                  onChange={(_event, data) =>
                    setDraft(
                      draft.map((item, at) =>
                        at === index ? { ...item, channel: data.checked === true } : item,
                      ),
                    )
                  }
                />
              </td>
              <td>
                <Checkbox
                  aria-label={`${t.personal}: ${offsetLabel(spec.offset)}`}
                  checked={spec.personal}
                  onChange={(_event, data) =>
                    setDraft(
                      draft.map((item, at) =>
                        at === index ? { ...item, personal: data.checked === true } : item,
                      ),
                    )
                  }
                />
              </td>
              <td>
                <Button size="small" onClick={() => setDraft(draft.filter((_item, at) => at !== index))}>
                  {t.remove}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={own.actions}>
        <Button onClick={() => setDraft([...draft, { offset: 'P1D', channel: true, personal: true }])}>
          {t.add}
        </Button>
        <Button appearance="primary" onClick={() => onSave(draft)}>
          {t.save}
        </Button>
        <Button onClick={() => onSave(null)}>{t.reset}</Button>
      </div>
    </section>
  );
}
