import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { parseDateTime, type DateTimeProblem, type DateTimeText } from '../helsinki-time';
import { defineMessages, useMessages } from '../i18n';

const messages = defineMessages({
  fi: {
    date: 'Päivämäärä',
    time: 'Kellonaika',
    dateHint: 'esim. 1.2.2027',
    timeHint: 'esim. 9.00',
    required: 'pakollinen',
    missing: 'Anna sekä päivämäärä että kellonaika.',
    dateFormat: 'Kirjoita päivämäärä muodossa päivä.kuukausi.vuosi, esimerkiksi 1.2.2027.',
    noSuchDate: 'Tällaista päivää ei ole kalenterissa. Tarkista päivä ja kuukausi.',
    timeFormat: 'Kirjoita kellonaika muodossa tunnit.minuutit, esimerkiksi 9.00 tai 14.30.',
    noSuchTime: 'Kellonaika on 0.00–23.59.',
  },
  sv: {
    date: 'Datum',
    time: 'Klockslag',
    dateHint: 't.ex. 1.2.2027',
    timeHint: 't.ex. 9.00',
    required: 'obligatoriskt',
    missing: 'Ange både datum och klockslag.',
    dateFormat: 'Skriv datumet som dag.månad.år, till exempel 1.2.2027.',
    noSuchDate: 'Det datumet finns inte i kalendern. Kontrollera dag och månad.',
    timeFormat: 'Skriv klockslaget som timmar.minuter, till exempel 9.00 eller 14.30.',
    noSuchTime: 'Klockslaget är 0.00–23.59.',
  },
  en: {
    date: 'Date',
    time: 'Time',
    dateHint: 'e.g. 1.2.2027',
    timeHint: 'e.g. 9.00',
    required: 'required',
    missing: 'Give both the date and the time.',
    dateFormat: 'Write the date as day.month.year, for example 1.2.2027 for 1 February 2027.',
    noSuchDate: 'There is no such day in the calendar. Check the day and the month.',
    timeFormat: 'Write the time as hours.minutes, for example 9.00 or 14.30.',
    noSuchTime: 'The time is between 0.00 and 23.59.',
  },
});

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  date: { width: '10em' },
  time: { width: '6.5em' },
  error: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  hint: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  requiredMark: { color: tokens.colorPaletteRedForeground1, paddingLeft: tokens.spacingHorizontalXXS },
});

/** The problem of a typed date-time, or undefined when it is fine (an empty optional one is). */
export function dateTimeProblem(text: DateTimeText, required: boolean): DateTimeProblem | undefined {
  const parsed = parseDateTime(text);
  if ('problem' in parsed) return parsed.problem;
  return required && parsed.value === null ? 'missing' : undefined;
}

/**
 * A Helsinki date and time typed the Finnish way in two fields (1.2.2027 and 9.00) in every
 * language, instead of the browser's `datetime-local`, which follows the browser's locale
 * (02/01/2027, 09:00 AM). A problem is shown under the fields once the person leaves them or
 * tries to save (`showErrors`), and read out at once.
 */
export function DateTimeField({
  label,
  hint,
  value,
  onChange,
  required = false,
  showErrors = false,
}: {
  readonly label: string;
  readonly hint?: string;
  readonly value: DateTimeText;
  readonly onChange: (value: DateTimeText) => void;
  readonly required?: boolean;
  /** Shows a problem even before the person has left the fields (after a save attempt). */
  readonly showErrors?: boolean;
}) {
  const styles = useStyles();
  const t = useMessages(messages);
  const legendId = useId();
  const errorId = useId();
  const hintId = useId();
  const [touched, setTouched] = useState(false);
  const problem = touched || showErrors ? dateTimeProblem(value, required) : undefined;
  const describedBy = [hint ? hintId : '', problem ? errorId : ''].filter((id) => id !== '').join(' ');
  return (
    <fieldset className={styles.group} aria-labelledby={legendId} data-date-time-field="">
      <legend id={legendId} className={styles.legend}>
        {label}
        {required && (
          <span className={styles.requiredMark} aria-label={t.required}>
            *
          </span>
        )}
      </legend>
      <div className={styles.row}>
        <Field label={t.date} hint={t.dateHint} validationState={problem ? 'error' : 'none'}>
          <Input
            className={styles.date}
            value={value.date}
            inputMode="decimal"
            autoComplete="off"
            aria-describedby={describedBy || undefined}
            aria-invalid={problem ? true : undefined}
            onChange={(_, data) => onChange({ ...value, date: data.value })}
            onBlur={() => setTouched(true)}
          />
        </Field>
        <Field label={t.time} hint={t.timeHint} validationState={problem ? 'error' : 'none'}>
          <Input
            className={styles.time}
            value={value.time}
            inputMode="decimal"
            autoComplete="off"
            aria-describedby={describedBy || undefined}
            aria-invalid={problem ? true : undefined}
            onChange={(_, data) => onChange({ ...value, time: data.value })}
            onBlur={() => setTouched(true)}
          />
        </Field>
      </div>
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {problem && (
        <p id={errorId} role="alert" className={styles.error}>
          {t[problem]}
        </p>
      )}
    </fieldset>
  );
}
