import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { EditableEvent, EventUpdate, ProgrammeResponse } from '../../../../bot/src/shared/contracts';
import { ApiProblem } from '../../api';
import { DateTimeField, dateTimeProblem } from '../../components/date-time-field';
import { ErrorMessage, Loading } from '../../components/status';
import { dateTimeText, parseDateTime, type DateTimeText } from '../../helsinki-time';
import { defineMessages, format, useLanguage, useMessages } from '../../i18n';
import { useApi, useApiData, useSession } from '../../session';
import { useTableStyles } from './styles';

const messages = defineMessages({
  fi: {
    heading: 'Ohjelman muokkaus',
    choose: 'Muokattava tapahtuma',
    chooseHint: 'Valitse tapahtuma',
    titleFi: 'Otsikko suomeksi',
    titleSv: 'Otsikko ruotsiksi',
    titleEn: 'Otsikko englanniksi',
    startsAt: 'Alkaa (Suomen aikaa)',
    endsAt: 'Päättyy (Suomen aikaa)',
    placeName: 'Paikka',
    placeAddress: 'Osoite',
    placeHint: 'Jätä paikka ja osoite tyhjiksi, jos tapahtuma järjestetään vain verkossa.',
    placeNameSv: 'Paikka ruotsiksi',
    placeAddressSv: 'Osoite ruotsiksi',
    placeSvHint:
      'Ruotsinkielinen paikka ja osoite täytetään kaksikielisillä paikkakunnilla, esimerkiksi Kommunernas hus, Andra linjen 14, Helsingfors.',
    onlineUrl: 'Verkkotapahtuman linkki',
    urlHint: 'https-osoite, esimerkiksi Teams-kokouksen liittymislinkki.',
    preUrlHint: 'https-osoite, esimerkiksi tehtävän lomake tai jaettu asiakirja.',
    preFi: 'Ennakkotehtävä suomeksi',
    preSv: 'Ennakkotehtävä ruotsiksi',
    preEn: 'Ennakkotehtävä englanniksi',
    preUrl: 'Ennakkotehtävän linkki',
    preDue: 'Ennakkotehtävän määräaika (Suomen aikaa)',
    preHint: 'Jätä suomenkielinen teksti tyhjäksi, jos ennakkotehtävää ei ole.',
    titles: 'Otsikko',
    time: 'Aika',
    place: 'Paikka ja linkki',
    preAssignment: 'Ennakkotehtävä',
    save: 'Tallenna muutokset',
    saving: 'Tallennetaan…',
    saved: 'Muutokset tallennettu: {title}',
    conflictTitle: 'Joku muu muutti tapahtumaa sillä välin',
    conflict:
      'Tapahtumaa on muutettu sen jälkeen, kun avasit sen, joten muutoksiasi ei tallennettu. Lataa uusin versio ja tee muutoksesi uudelleen.',
    reload: 'Lataa uusin versio',
    invalidTitle: 'Tarkista tiedot',
    checkTimes: 'Jonkin ajan muoto ei ole oikea; katso merkityt kentät.',
    endBeforeStart: 'Tapahtuman täytyy päättyä alkamisensa jälkeen.',
    invalid: 'Palvelin ei hyväksynyt tietoja: {detail}',
  },
  sv: {
    heading: 'Redigera programmet',
    choose: 'Evenemang att redigera',
    chooseHint: 'Välj evenemang',
    titleFi: 'Rubrik på finska',
    titleSv: 'Rubrik på svenska',
    titleEn: 'Rubrik på engelska',
    startsAt: 'Börjar (finsk tid)',
    endsAt: 'Slutar (finsk tid)',
    placeName: 'Plats',
    placeAddress: 'Adress',
    placeHint: 'Lämna plats och adress tomma om evenemanget bara ordnas på nätet.',
    placeNameSv: 'Platsen på svenska',
    placeAddressSv: 'Adressen på svenska',
    placeSvHint:
      'Den svenska platsen och adressen fylls i på tvåspråkiga orter, till exempel Kommunernas hus, Andra linjen 14, Helsingfors.',
    onlineUrl: 'Länk till evenemanget på nätet',
    urlHint: 'En https-adress, till exempel länken till Teams-mötet.',
    preUrlHint: 'En https-adress, till exempel uppgiftens formulär eller ett delat dokument.',
    preFi: 'Förhandsuppgift på finska',
    preSv: 'Förhandsuppgift på svenska',
    preEn: 'Förhandsuppgift på engelska',
    preUrl: 'Länk till förhandsuppgiften',
    preDue: 'Förhandsuppgiftens deadline (finsk tid)',
    preHint: 'Lämna den finska texten tom om det inte finns någon förhandsuppgift.',
    titles: 'Rubrik',
    time: 'Tid',
    place: 'Plats och länk',
    preAssignment: 'Förhandsuppgift',
    save: 'Spara ändringarna',
    saving: 'Sparar…',
    saved: 'Ändringarna har sparats: {title}',
    conflictTitle: 'Någon annan ändrade evenemanget under tiden',
    conflict:
      'Evenemanget har ändrats efter att du öppnade det, så dina ändringar sparades inte. Ladda den senaste versionen och gör om dina ändringar.',
    reload: 'Ladda den senaste versionen',
    invalidTitle: 'Kontrollera uppgifterna',
    checkTimes: 'En av tiderna har fel form; se de markerade fälten.',
    endBeforeStart: 'Evenemanget måste sluta efter att det börjar.',
    invalid: 'Servern godkände inte uppgifterna: {detail}',
  },
  en: {
    heading: 'Edit the programme',
    choose: 'Event to edit',
    chooseHint: 'Choose an event',
    titleFi: 'Title in Finnish',
    titleSv: 'Title in Swedish',
    titleEn: 'Title in English',
    startsAt: 'Starts (Finnish time)',
    endsAt: 'Ends (Finnish time)',
    placeName: 'Place',
    placeAddress: 'Address',
    placeHint: 'Leave the place and address empty if the event is online only.',
    placeNameSv: 'Place in Swedish',
    placeAddressSv: 'Address in Swedish',
    placeSvHint:
      'Give the Swedish place and address in bilingual towns, for example Kommunernas hus, Andra linjen 14, Helsingfors.',
    onlineUrl: 'Online event link',
    urlHint: 'An https address, such as the Teams meeting join link.',
    preUrlHint: 'An https address, such as the form of the assignment or a shared document.',
    preFi: 'Pre-assignment in Finnish',
    preSv: 'Pre-assignment in Swedish',
    preEn: 'Pre-assignment in English',
    preUrl: 'Pre-assignment link',
    preDue: 'Pre-assignment deadline (Finnish time)',
    preHint: 'Leave the Finnish text empty if there is no pre-assignment.',
    titles: 'Title',
    time: 'Time',
    place: 'Place and link',
    preAssignment: 'Pre-assignment',
    save: 'Save changes',
    saving: 'Saving…',
    saved: 'Changes saved: {title}',
    conflictTitle: 'Someone else changed the event in the meantime',
    conflict:
      'The event was changed after you opened it, so your changes were not saved. Load the latest version and make your changes again.',
    reload: 'Load the latest version',
    invalidTitle: 'Check the details',
    checkTimes: 'One of the times is not in the right form; see the marked fields.',
    endBeforeStart: 'The event must end after it starts.',
    invalid: 'The server did not accept the details: {detail}',
  },
});

interface FormState {
  titleFi: string;
  titleSv: string;
  titleEn: string;
  startsAt: DateTimeText;
  endsAt: DateTimeText;
  placeName: string;
  placeAddress: string;
  placeNameSv: string;
  placeAddressSv: string;
  onlineUrl: string;
  preFi: string;
  preSv: string;
  preEn: string;
  preUrl: string;
  preDue: DateTimeText;
}

type TextKey = { [K in keyof FormState]: FormState[K] extends string ? K : never }[keyof FormState];
type DateTimeKey = 'startsAt' | 'endsAt' | 'preDue';

function toForm(event: EditableEvent): FormState {
  return {
    titleFi: event.title.fi,
    titleSv: event.title.sv,
    titleEn: event.title.en,
    startsAt: dateTimeText(event.startsAt),
    endsAt: dateTimeText(event.endsAt),
    placeName: event.place?.name ?? '',
    placeAddress: event.place?.address ?? '',
    placeNameSv: event.place?.nameSv ?? '',
    placeAddressSv: event.place?.addressSv ?? '',
    onlineUrl: event.onlineUrl ?? '',
    preFi: event.preAssignment?.text.fi ?? '',
    preSv: event.preAssignment?.text.sv ?? '',
    preEn: event.preAssignment?.text.en ?? '',
    preUrl: event.preAssignment?.url ?? '',
    preDue: dateTimeText(event.preAssignment?.dueAt),
  };
}

/** The wall-clock text of a date-time the form has checked; '' when it is empty. */
function wallClock(text: DateTimeText): string {
  const parsed = parseDateTime(text);
  return 'value' in parsed ? (parsed.value ?? '') : '';
}

function toUpdate(form: FormState): EventUpdate {
  const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
  return {
    title: { fi: form.titleFi.trim(), sv: form.titleSv.trim(), en: form.titleEn.trim() },
    startsAt: wallClock(form.startsAt),
    endsAt: wallClock(form.endsAt),
    place: text(form.placeName)
      ? {
          name: form.placeName.trim(),
          address: form.placeAddress.trim(),
          nameSv: form.placeNameSv.trim(),
          addressSv: form.placeAddressSv.trim(),
        }
      : null,
    onlineUrl: text(form.onlineUrl),
    preAssignment: text(form.preFi)
      ? {
          text: { fi: form.preFi.trim(), sv: form.preSv.trim(), en: form.preEn.trim() },
          url: text(form.preUrl),
          dueAt: text(wallClock(form.preDue)),
        }
      : null,
  };
}

type Outcome =
  | { readonly kind: 'saved'; readonly title: string }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'error'; readonly error: Error };

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalL,
  },
  fieldset: {
    margin: 0,
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    // Fields with and without a hint start on the same line instead of centring on each other.
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  // Place and address side by side, the Swedish pair under them: each row holds like fields, so
  // labels and boxes line up; on a narrow tab they stack.
  pairs: {
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    '@media (max-width: 560px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  wide: { gridColumn: '1 / -1', maxWidth: '640px' },
  // What applies to the whole group is said once above it, not under one field, where it pushed
  // that field's neighbours out of line.
  note: {
    gridColumn: '1 / -1',
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  chooser: { maxWidth: '480px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** Coordinators edit an event; the ETag read with it guards against overwriting someone else's edit. */
export function EventEditor() {
  const styles = useStyles();
  const section = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const [eventId, setEventId] = useState('');
  const [loaded, setLoaded] = useState<{ event: EditableEvent; etag: string }>();
  const [form, setForm] = useState<FormState>();
  const [loadError, setLoadError] = useState<Error>();
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [showErrors, setShowErrors] = useState(false);

  const events = useApiData(
    () => api.get<ProgrammeResponse>('/api/programme', { when: 'all', pageSize: 200, lang: language }),
    [api, language],
  );

  const load = (id: string): void => {
    setLoaded(undefined);
    setForm(undefined);
    setLoadError(undefined);
    setOutcome(undefined);
    setShowErrors(false);
    if (!id) return;
    api
      .getVersioned<EditableEvent>(`/api/events/${encodeURIComponent(id)}`, { lang: language })
      .then(({ data, etag }) => {
        setLoaded({ event: data, etag: etag ?? '' });
        setForm(toForm(data));
      })
      .catch((error: unknown) => setLoadError(error instanceof Error ? error : new Error(String(error))));
  };

  const save = (submit: FormEvent): void => {
    submit.preventDefault();
    if (!form || !loaded) return;
    const problems = [
      dateTimeProblem(form.startsAt, true),
      dateTimeProblem(form.endsAt, true),
      dateTimeProblem(form.preDue, false),
    ];
    if (problems.some((problem) => problem !== undefined)) {
      setShowErrors(true);
      setOutcome({ kind: 'invalid', message: t.checkTimes });
      return;
    }
    if (wallClock(form.endsAt) <= wallClock(form.startsAt)) {
      setOutcome({ kind: 'invalid', message: t.endBeforeStart });
      return;
    }
    setSaving(true);
    setOutcome(undefined);
    api
      .put<EditableEvent>(`/api/events/${encodeURIComponent(loaded.event.id)}`, toUpdate(form), {
        ifMatch: loaded.etag,
        query: { lang: language },
      })
      .then(({ data, etag }) => {
        setLoaded({ event: data, etag: etag ?? '' });
        setForm(toForm(data));
        const title = data.title[language];
        setOutcome({ kind: 'saved', title });
        announce(format(t.saved, { title }));
        events.reload();
      })
      .catch((error: unknown) => {
        if (error instanceof ApiProblem && error.status === 412) setOutcome({ kind: 'conflict' });
        else if (error instanceof ApiProblem && (error.status === 400 || error.status === 422)) {
          setOutcome({
            kind: 'invalid',
            message: format(t.invalid, { detail: error.detail ?? error.title }),
          });
        } else
          setOutcome({ kind: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      })
      .finally(() => setSaving(false));
  };

  const field = (
    key: TextKey,
    label: string,
    options: { type?: 'text' | 'url'; hint?: string; required?: boolean; wide?: boolean } = {},
  ) => (
    <Field
      label={label}
      hint={options.hint}
      required={options.required}
      className={options.wide ? styles.wide : undefined}
    >
      <Input
        type={options.type ?? 'text'}
        value={form?.[key] ?? ''}
        onChange={(_, data) =>
          setForm((previous) => (previous ? { ...previous, [key]: data.value } : previous))
        }
      />
    </Field>
  );
  const when = (key: DateTimeKey, label: string, required: boolean, wide = false) => (
    <div className={wide ? styles.wide : undefined}>
      <DateTimeField
        label={label}
        required={required}
        showErrors={showErrors}
        value={form?.[key] ?? { date: '', time: '' }}
        onChange={(value) => setForm((previous) => (previous ? { ...previous, [key]: value } : previous))}
      />
    </div>
  );
  const area = (key: TextKey, label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      <Textarea
        resize="vertical"
        value={form?.[key] ?? ''}
        onChange={(_, data) =>
          setForm((previous) => (previous ? { ...previous, [key]: data.value } : previous))
        }
      />
    </Field>
  );

  return (
    <section className={section.section} aria-labelledby="editor-heading">
      <h2 id="editor-heading" className={section.sectionHeading}>
        {t.heading}
      </h2>
      {events.status === 'error' && <ErrorMessage error={events.error} onRetry={events.reload} />}
      <Field label={t.choose} className={styles.chooser}>
        <Select
          value={eventId}
          onChange={(_, data) => {
            setEventId(data.value);
            load(data.value);
          }}
        >
          <option value="">{t.chooseHint}</option>
          {(events.data?.items ?? []).map((event) => (
            <option key={event.id} value={event.id}>
              {event.when} – {event.title}
            </option>
          ))}
        </Select>
      </Field>
      {loadError && <ErrorMessage error={loadError} onRetry={() => load(eventId)} />}
      {eventId && !loaded && !loadError && <Loading />}
      {form && loaded && (
        <form className={styles.form} onSubmit={save} aria-labelledby="editor-heading" noValidate>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t.titles}</legend>
            {field('titleFi', t.titleFi, { required: true })}
            {field('titleSv', t.titleSv, { required: true })}
            {field('titleEn', t.titleEn, { required: true })}
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t.time}</legend>
            {when('startsAt', t.startsAt, true)}
            {when('endsAt', t.endsAt, true)}
          </fieldset>
          <fieldset
            className={mergeClasses(styles.fieldset, styles.pairs)}
            aria-describedby="editor-place-note"
          >
            <legend className={styles.legend}>{t.place}</legend>
            <p id="editor-place-note" className={styles.note}>
              {t.placeHint} {t.placeSvHint}
            </p>
            {field('placeName', t.placeName)}
            {field('placeAddress', t.placeAddress)}
            {field('placeNameSv', t.placeNameSv)}
            {field('placeAddressSv', t.placeAddressSv)}
            {field('onlineUrl', t.onlineUrl, { type: 'url', hint: t.urlHint, wide: true })}
          </fieldset>
          <fieldset className={styles.fieldset} aria-describedby="editor-pre-note">
            <legend className={styles.legend}>{t.preAssignment}</legend>
            <p id="editor-pre-note" className={styles.note}>
              {t.preHint}
            </p>
            {area('preFi', t.preFi)}
            {area('preSv', t.preSv)}
            {area('preEn', t.preEn)}
            {field('preUrl', t.preUrl, { type: 'url', hint: t.preUrlHint, wide: true })}
            {when('preDue', t.preDue, false, true)}
          </fieldset>
          <OutcomeMessage outcome={outcome} onReload={() => load(eventId)} />
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={saving}>
              {saving ? t.saving : t.save}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function OutcomeMessage({
  outcome,
  onReload,
}: {
  readonly outcome: Outcome | undefined;
  readonly onReload: () => void;
}) {
  const t = useMessages(messages);
  if (!outcome) return null;
  if (outcome.kind === 'error') return <ErrorMessage error={outcome.error} />;
  if (outcome.kind === 'saved') {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{format(t.saved, { title: outcome.title })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div role="alert">
      <MessageBar intent={outcome.kind === 'conflict' ? 'warning' : 'error'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{outcome.kind === 'conflict' ? t.conflictTitle : t.invalidTitle}</MessageBarTitle>
          {outcome.kind === 'conflict' ? t.conflict : outcome.message}
        </MessageBarBody>
        {outcome.kind === 'conflict' && (
          <MessageBarActions>
            <Button onClick={onReload}>{t.reload}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}
