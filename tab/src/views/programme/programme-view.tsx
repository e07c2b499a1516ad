import { Button, Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import {
  CalendarAddRegular,
  ClipboardTaskListLtrRegular,
  LocationRegular,
  VideoRegular,
} from '@fluentui/react-icons';
import { useEffect, useState, type MouseEvent } from 'react';
import type { EventView, ProgrammeResponse } from '../../../../bot/src/shared/contracts';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, format, useLanguage, useMessages, type Language } from '../../i18n';
import { useApi, useApiData, useSession } from '../../session';
import { PROGRAMME_PAGE_SIZE } from './programme-query';
import type { RegistrationEventView } from '../../../../bot/src/registration/registration-contracts';
import { ProgrammeExtras, useRegistrationExtras } from '../registration/programme-extras';

const messages = defineMessages({
  fi: {
    heading: 'Ohjelma',
    show: 'Näytä',
    upcoming: 'Tulevat',
    past: 'Menneet',
    type: 'Tapahtuman tyyppi',
    allTypes: 'Kaikki tyypit',
    count: '{count} tapahtumaa',
    countOne: '1 tapahtuma',
    none: 'Ei tapahtumia näillä valinnoilla.',
    join: 'Liity verkkotapahtumaan',
    online: 'Verkossa (Teams)',
    preAssignment: 'Ennakkotehtävä',
    due: 'viimeistään {when}',
    openPreAssignment: 'Avaa ennakkotehtävän materiaali',
    addToCalendar: 'Lisää kalenteriin',
    calendarSaved: 'Kalenteritiedosto ladattu: {title}',
    calendarFailed: 'Kalenteritiedostoa ei saatu ladattua.',
    quota: 'Enintään {count} osallistujaa kunnasta',
    organiser: 'Järjestäjä: {name}',
    more: 'Näytä lisää',
    times: 'Ajat Suomen aikaa.',
    newWindow: '(avautuu uuteen ikkunaan)',
  },
  sv: {
    heading: 'Program',
    show: 'Visa',
    upcoming: 'Kommande',
    past: 'Tidigare',
    type: 'Typ av evenemang',
    allTypes: 'Alla typer',
    count: '{count} evenemang',
    countOne: '1 evenemang',
    none: 'Inga evenemang med dessa val.',
    join: 'Anslut till mötet',
    online: 'På nätet (Teams)',
    preAssignment: 'Förhandsuppgift',
    due: 'senast {when}',
    openPreAssignment: 'Öppna förhandsuppgiftens material',
    addToCalendar: 'Lägg till i kalendern',
    calendarSaved: 'Kalenderfilen har laddats ner: {title}',
    calendarFailed: 'Kalenderfilen kunde inte laddas ner.',
    quota: 'Högst {count} deltagare per kommun',
    organiser: 'Arrangör: {name}',
    more: 'Visa fler',
    times: 'Tiderna i finsk tid.',
    newWindow: '(öppnas i ett nytt fönster)',
  },
  en: {
    heading: 'Programme',
    show: 'Show',
    upcoming: 'Upcoming',
    past: 'Past',
    type: 'Event type',
    allTypes: 'All types',
    count: '{count} events',
    countOne: '1 event',
    none: 'No events with these choices.',
    join: 'Join online',
    online: 'Online (Teams)',
    preAssignment: 'Pre-assignment',
    due: 'by {when}',
    openPreAssignment: 'Open the pre-assignment material',
    addToCalendar: 'Add to calendar',
    calendarSaved: 'Calendar file downloaded: {title}',
    calendarFailed: 'The calendar file could not be downloaded.',
    quota: 'At most {count} participants per municipality',
    organiser: 'Organiser: {name}',
    more: 'Show more',
    times: 'Times in Finnish time.',
    newWindow: '(opens in a new window)',
  },
});

const MONTHS: Record<Language, readonly string[]> = {
  fi: [
    'tammi',
    'helmi',
    'maalis',
    'huhti',
    'touko',
    'kesä',
    'heinä',
    'elo',
    'syys',
    'loka',
    'marras',
    'joulu',
  ],
  sv: ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase600, fontWeight: 600 },
  round: { margin: `0 0 ${tokens.spacingVerticalL}`, color: tokens.colorNeutralForeground2 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalXXL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    marginBottom: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  typeField: { minWidth: '260px' },
  summary: { margin: `0 0 ${tokens.spacingVerticalM}`, color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  card: {
    display: 'grid',
    gridTemplateColumns: '72px 1fr',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    // Long programmes: the browser lays out and paints only the cards near the screen.
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 200px',
  },
  past: { opacity: 0.92 },
  dateTile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    height: '72px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `1px solid ${tokens.colorBrandStroke2}`,
  },
  tileWeekday: { fontSize: tokens.fontSizeBase200, textTransform: 'uppercase' },
  tileDay: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightBold, lineHeight: '1.1' },
  tileMonth: { fontSize: tokens.fontSizeBase200 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  when: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, margin: 0 },
  icon: { flexShrink: 0, fontSize: '20px', color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
  preAssignment: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  preText: { margin: `${tokens.spacingVerticalXXS} 0` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  more: { marginTop: tokens.spacingVerticalL },
  iconLink: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  // Plain elements rather than Fluent Badge/Link: a programme can have hundreds of cards.
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  tag: {
    display: 'inline-flex',
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalS}`,
    minHeight: '20px',
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground4,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  typeTag: {
    color: tokens.colorBrandForeground2,
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke2}`,
  },
});

type When = 'upcoming' | 'past';

/** The round's programme for the signed-in person, in Helsinki time, with "add to calendar". */
export default function ProgrammeView() {
  const styles = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const [when, setWhen] = useState<When>('upcoming');
  const [type, setType] = useState('');
  const [extra, setExtra] = useState<{ items: EventView[]; continuationToken: string | null }>();

  const programme = useApiData(
    () =>
      api.get<ProgrammeResponse>('/api/programme', {
        when,
        type,
        pageSize: PROGRAMME_PAGE_SIZE,
        lang: language,
      }),
    [api, when, type, language],
  );
  const data = programme.data;
  const registrations = useRegistrationExtras(language, data !== undefined);
  const items = [...(data?.items ?? []), ...(extra?.items ?? [])];
  const continuationToken = extra ? extra.continuationToken : (data?.continuationToken ?? null);

  useEffect(() => setExtra(undefined), [data]);
  useEffect(() => {
    if (programme.status === 'ready') {
      announce(programme.data.total === 1 ? t.countOne : format(t.count, { count: programme.data.total }));
    }
    // Announce once per finished load, not on every render.
  }, [programme.status, programme.data, announce, t]);

  const loadMore = (): void => {
    if (!continuationToken) return;
    api
      .get<ProgrammeResponse>('/api/programme', {
        when,
        type,
        pageSize: PROGRAMME_PAGE_SIZE,
        lang: language,
        continuationToken,
      })
      .then((page) =>
        setExtra((previous) => ({
          items: [...(previous?.items ?? []), ...page.items],
          continuationToken: page.continuationToken,
        })),
      )
      .catch((error: unknown) => announce(error instanceof Error ? error.message : String(error)));
  };

  return (
    <section aria-labelledby="programme-heading">
      <h1 id="programme-heading" className={styles.heading}>
        {t.heading}
      </h1>
      <p className={styles.round}>
        {data?.round ? `${data.round.name} · ` : ''}
        {t.times}
      </p>
      <div className={styles.filters}>
        <Field label={t.show}>
          <RadioGroup
            layout="horizontal"
            value={when}
            onChange={(_, option) => setWhen(option.value === 'past' ? 'past' : 'upcoming')}
          >
            <Radio value="upcoming" label={t.upcoming} />
            <Radio value="past" label={t.past} />
          </RadioGroup>
        </Field>
        <Field label={t.type} className={styles.typeField}>
          <Select value={type} onChange={(_, option) => setType(option.value)}>
            <option value="">{t.allTypes}</option>
            {(data?.eventTypes ?? []).map((eventType) => (
              <option key={eventType.id} value={eventType.id}>
                {eventType.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {programme.status === 'error' && <ErrorMessage error={programme.error} onRetry={programme.reload} />}
      {programme.status === 'loading' && !data && <Loading />}
      {data && (
        <>
          <p className={styles.summary} aria-busy={programme.status === 'loading'}>
            {data.total === 1 ? t.countOne : format(t.count, { count: data.total })}
          </p>
          {items.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ol className={styles.list} aria-labelledby="programme-heading">
              {items.map((event) => (
                <EventCard key={event.id} event={event} registration={registrations.get(event.id)} />
              ))}
            </ol>
          )}
          {continuationToken && (
            <Button className={styles.more} onClick={loadMore}>
              {t.more}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

function EventCard({
  event,
  registration,
}: {
  readonly event: EventView;
  readonly registration: RegistrationEventView | undefined;
}) {
  const styles = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const titleId = `event-${event.id}`;
  const [day, month] = /^(\d{1,2})\.(\d{1,2})\./.exec(event.when)?.slice(1).map(Number) ?? [];

  const downloadCalendar = (click: MouseEvent<HTMLAnchorElement>): void => {
    click.preventDefault();
    api
      .blob(event.calendarPath, { lang: language })
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = `${event.id}.ics`;
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
        announce(format(t.calendarSaved, { title: event.title }));
      })
      .catch(() => announce(t.calendarFailed));
  };

  return (
    <li data-event-row={event.id} className={`${styles.card} ${event.isPast ? styles.past : ''}`}>
      <div className={styles.dateTile} aria-hidden="true">
        <span className={styles.tileWeekday}>{event.weekday}</span>
        <span className={styles.tileDay}>{day}</span>
        <span className={styles.tileMonth}>{month ? MONTHS[language][month - 1] : ''}</span>
      </div>
      <article className={styles.body} aria-labelledby={titleId}>
        <div className={styles.badges}>
          {!startsWithWord(event.title, event.typeName) && (
            <span className={`${styles.tag} ${styles.typeTag}`}>{event.typeName}</span>
          )}
          {event.municipalityName && <span className={styles.tag}>{event.municipalityName}</span>}
        </div>
        <h2 id={titleId} className={styles.title}>
          {event.title}
        </h2>
        <p className={styles.when}>
          <time dateTime={event.startsAt}>
            {event.weekday} {event.when}
          </time>
        </p>
        {event.place && (
          <p className={styles.line}>
            <LocationRegular className={styles.icon} aria-hidden="true" />
            <span>
              {event.place.name}, {event.place.address}
            </span>
          </p>
        )}
        {event.onlineUrl && (
          <p className={styles.line}>
            <VideoRegular className={styles.icon} aria-hidden="true" />
            <span>
              {t.online}:{' '}
              <a className={styles.link} href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
                {t.join}
                <span className="visually-hidden"> {t.newWindow}</span>
              </a>
            </span>
          </p>
        )}
        {event.description && <p className={styles.line}>{event.description}</p>}
        {event.inPersonQuota && (
          <p className={`${styles.line} ${styles.muted}`}>
            {format(t.quota, { count: event.inPersonQuota })}
          </p>
        )}
        {event.preAssignment && (
          <div className={styles.preAssignment}>
            <p className={styles.line}>
              <ClipboardTaskListLtrRegular className={styles.icon} aria-hidden="true" />
              <strong>
                {t.preAssignment}
                {event.preAssignment.dueAtText
                  ? ` (${format(t.due, { when: event.preAssignment.dueAtText })})`
                  : ''}
              </strong>
            </p>
            <p className={styles.preText}>{event.preAssignment.text}</p>
            {event.preAssignment.url && (
              <a
                className={styles.link}
                href={event.preAssignment.url}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t.openPreAssignment}
                <span className="visually-hidden"> {t.newWindow}</span>
              </a>
            )}
          </div>
        )}
        <ProgrammeExtras view={registration} />
        <div className={styles.actions}>
          <a
            href={event.calendarPath}
            onClick={downloadCalendar}
            aria-describedby={titleId}
            className={`${styles.link} ${styles.iconLink}`}
          >
            <CalendarAddRegular className={styles.icon} aria-hidden="true" /> {t.addToCalendar}
          </a>
          <span className={styles.muted}>{format(t.organiser, { name: event.organiserName })}</span>
        </div>
      </article>
    </li>
  );
}

/** "Kehittämispaja 1: Osaaminen" already says it is a Kehittämispaja; the tag would repeat it. */
function startsWithWord(title: string, word: string): boolean {
  return title.toLocaleLowerCase().startsWith(word.toLocaleLowerCase());
}
