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
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { EditableEvent, EventUpdate, ProgrammeResponse } from '../../../../bot/src/shared/contracts';
import { ApiProblem } from '../../api';
import { ErrorMessage, Loading } from '../../components/status';
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
    placeHint: 'Jätä tyhjäksi, jos tapahtuma on vain verkossa.',
    onlineUrl: 'Verkkotapahtuman linkki',
    urlHint: 'https-osoite, esimerkiksi Teams-kokouksen liittymislinkki.',
    preFi: 'Ennakkotehtävä suomeksi',
    preSv: 'Ennakkotehtävä ruotsiksi',
    preEn: 'Ennakkotehtävä englanniksi',
    preUrl: 'Ennakkotehtävän linkki',
    preDue: 'Ennakkotehtävän määräaika (Suomen aikaa)',
    preHint: 'Jätä suomenkielinen teksti tyhjäksi, jos ennakkotehtävää ei ole.',
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
    placeHint: 'Lämna tomt om evenemanget bara är på nätet.',
    onlineUrl: 'Länk till evenemanget på nätet',
    urlHint: 'En https-adress, till exempel länken till Teams-mötet.',
    preFi: 'Förhandsuppgift på finska',
    preSv: 'Förhandsuppgift på svenska',
    preEn: 'Förhandsuppgift på engelska',
    preUrl: 'Länk till förhandsuppgiften',
    preDue: 'Förhandsuppgiftens deadline (finsk tid)',
    preHint: 'Lämna den finska texten tom om det inte finns någon förhandsuppgift.',
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
    placeHint: 'Leave empty if the event is online only.',
    onlineUrl: 'Online event link',
    urlHint: 'An https address, such as the Teams meeting join link.',
    preFi: 'Pre-assignment in Finnish',
    preSv: 'Pre-assignment in Swedish',
    preEn: 'Pre-assignment in English',
    preUrl: 'Pre-assignment link',
    preDue: 'Pre-assignment deadline (Finnish time)',
    preHint: 'Leave the Finnish text empty if there is no pre-assignment.',
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
    endBeforeStart: 'The event must end after it starts.',
    invalid: 'The server did not accept the details: {detail}',
  },
});

interface FormState {
  titleFi: string;
  titleSv: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  placeName: string;
  placeAddress: string;
  onlineUrl: string;
  preFi: string;
  preSv: string;
  preEn: string;
  preUrl: string;
  preDue: string;
}

function toForm(event: EditableEvent): FormState {
  return {
    titleFi: event.title.fi,
    titleSv: event.title.sv,
    titleEn: event.title.en,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    placeName: event.place?.name ?? '',
    placeAddress: event.place?.address ?? '',
    onlineUrl: event.onlineUrl ?? '',
    preFi: event.preAssignment?.text.fi ?? '',
    preSv: event.preAssignment?.text.sv ?? '',
    preEn: event.preAssignment?.text.en ?? '',
    preUrl: event.preAssignment?.url ?? '',
    preDue: event.preAssignment?.dueAt ?? '',
  };
}

function toUpdate(form: FormState): EventUpdate {
  const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
  return {
    title: { fi: form.titleFi.trim(), sv: form.titleSv.trim(), en: form.titleEn.trim() },
    startsAt: form.startsAt,
    endsAt: form.endsAt,
    place: text(form.placeName) ? { name: form.placeName.trim(), address: form.placeAddress.trim() } : null,
    onlineUrl: text(form.onlineUrl),
    preAssignment: text(form.preFi)
      ? {
          text: { fi: form.preFi.trim(), sv: form.preSv.trim(), en: form.preEn.trim() },
          url: text(form.preUrl),
          dueAt: text(form.preDue),
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
    gap: tokens.spacingVerticalM,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
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

  const events = useApiData(
    () => api.get<ProgrammeResponse>('/api/programme', { when: 'all', pageSize: 200, lang: language }),
    [api, language],
  );

  const load = (id: string): void => {
    setLoaded(undefined);
    setForm(undefined);
    setLoadError(undefined);
    setOutcome(undefined);
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
    if (form.endsAt <= form.startsAt) {
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
    key: keyof FormState,
    label: string,
    options: { type?: 'text' | 'url' | 'datetime-local'; hint?: string; required?: boolean } = {},
  ) => (
    <Field label={label} hint={options.hint} required={options.required}>
      <Input
        type={options.type ?? 'text'}
        value={form?.[key] ?? ''}
        onChange={(_, data) =>
          setForm((previous) => (previous ? { ...previous, [key]: data.value } : previous))
        }
      />
    </Field>
  );
  const area = (key: keyof FormState, label: string, hint?: string) => (
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
            <legend className={styles.legend}>{loaded.event.typeName}</legend>
            {field('titleFi', t.titleFi, { required: true })}
            {field('titleSv', t.titleSv, { required: true })}
            {field('titleEn', t.titleEn, { required: true })}
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t.time}</legend>
            {field('startsAt', t.startsAt, { type: 'datetime-local', required: true })}
            {field('endsAt', t.endsAt, { type: 'datetime-local', required: true })}
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t.place}</legend>
            {field('placeName', t.placeName, { hint: t.placeHint })}
            {field('placeAddress', t.placeAddress)}
            {field('onlineUrl', t.onlineUrl, { type: 'url', hint: t.urlHint })}
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t.preAssignment}</legend>
            {area('preFi', t.preFi, t.preHint)}
            {area('preSv', t.preSv)}
            {area('preEn', t.preEn)}
            {field('preUrl', t.preUrl, { type: 'url', hint: t.urlHint })}
            {field('preDue', t.preDue, { type: 'datetime-local' })}
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
