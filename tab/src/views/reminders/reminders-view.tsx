import {
  Badge,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ProgrammeResponse } from '../../../../bot/src/shared/contracts';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, format, useLanguage, useMessages, type Language } from '../../i18n';
import { runAction, useApi, useApiData } from '../../session';
import { useTableStyles } from '../coordinator/styles';

/** What `GET /api/events/:id/reminders` answers (bot/src/reminders/reminder-routes.ts). */
interface ReminderSpec {
  readonly offset: string;
  readonly channel: boolean;
  readonly personal: boolean;
}
type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';
interface DeliveryStatus {
  readonly counts: Readonly<Record<OutboxState, number>>;
  readonly failures: readonly {
    readonly target: string;
    readonly state: OutboxState;
    readonly reason: string;
  }[];
}
interface RemindersResponse {
  readonly plan: { readonly custom: boolean; readonly reminders: readonly ReminderSpec[] };
  readonly reminders: readonly {
    readonly offset?: string;
    readonly manual: boolean;
    readonly dueAt: string;
    readonly channel: boolean;
    readonly personal: boolean;
    readonly state: string;
    readonly reason?: string;
    readonly delivery?: DeliveryStatus;
  }[];
}
interface AbsencesResponse {
  readonly absences: readonly { readonly name: string; readonly recordedAt: string }[];
}
interface PreviewResponse {
  readonly card: unknown;
}

const OFFSETS = ['P14D', 'P7D', 'P3D', 'P1D', 'PT2H', 'PT1H', 'PT15M'] as const;

const messages = defineMessages({
  fi: {
    heading: 'Muistutukset',
    intro:
      'Tapahtumien muistutukset kanavaan ja henkilökohtaisesti, toimitusten tila ja poissaoloilmoitukset.',
    event: 'Tapahtuma',
    chooseEvent: 'Valitse tapahtuma',
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
    sent: 'Lähetetyt muistutukset',
    due: 'Ajankohta',
    state: 'Tila',
    delivery: 'Toimitus',
    none: 'Ei vielä muistutuksia.',
    manual: 'Lähetetty käsin',
    counts: '{sent} lähetetty, {pending} jonossa, {failed} epäonnistui, {unreachable} ei tavoitettu',
    preview: 'Esikatselu',
    language: 'Kieli',
    showPreview: 'Näytä esikatselu',
    sendNow: 'Lähetä nyt',
    sendNowConfirm: 'Lähetetäänkö muistutus nyt valituille vastaanottajille?',
    confirm: 'Kyllä, lähetä',
    queued: 'Muistutus lähetetään ({count} viestiä jonossa).',
    absences: 'Eivät pääse paikalle',
    noAbsences: 'Kukaan ei ole ilmoittanut esteestä.',
    P14D: '2 viikkoa ennen',
    P7D: 'Viikkoa ennen',
    P3D: '3 päivää ennen',
    P1D: 'Päivää ennen',
    PT2H: '2 tuntia ennen',
    PT1H: 'Tuntia ennen',
    PT15M: '15 minuuttia ennen',
  },
  sv: {
    heading: 'Påminnelser',
    intro: 'Påminnelser om evenemang i kanalen och personligen, leveransstatus och frånvaroanmälningar.',
    event: 'Evenemang',
    chooseEvent: 'Välj evenemang',
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
    sent: 'Skickade påminnelser',
    due: 'Tidpunkt',
    state: 'Status',
    delivery: 'Leverans',
    none: 'Inga påminnelser ännu.',
    manual: 'Skickad manuellt',
    counts: '{sent} skickade, {pending} i kö, {failed} misslyckades, {unreachable} nåddes inte',
    preview: 'Förhandsvisning',
    language: 'Språk',
    showPreview: 'Visa förhandsvisning',
    sendNow: 'Skicka nu',
    sendNowConfirm: 'Ska påminnelsen skickas nu till de valda mottagarna?',
    confirm: 'Ja, skicka',
    queued: 'Påminnelsen skickas ({count} meddelanden i kö).',
    absences: 'Kan inte delta',
    noAbsences: 'Ingen har meddelat förhinder.',
    P14D: '2 veckor före',
    P7D: 'En vecka före',
    P3D: '3 dagar före',
    P1D: 'En dag före',
    PT2H: '2 timmar före',
    PT1H: 'En timme före',
    PT15M: '15 minuter före',
  },
  en: {
    heading: 'Reminders',
    intro: 'Event reminders in the channel and in personal chat, delivery status and absence notices.',
    event: 'Event',
    chooseEvent: 'Choose an event',
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
    sent: 'Reminders sent',
    due: 'Due',
    state: 'State',
    delivery: 'Delivery',
    none: 'No reminders yet.',
    manual: 'Sent by hand',
    counts: '{sent} sent, {pending} queued, {failed} failed, {unreachable} unreachable',
    preview: 'Preview',
    language: 'Language',
    showPreview: 'Show preview',
    sendNow: 'Send now',
    sendNowConfirm: 'Send the reminder now to the chosen recipients?',
    confirm: 'Yes, send',
    queued: 'The reminder is being sent ({count} messages queued).',
    absences: "Can't attend",
    noAbsences: 'Nobody has said they cannot attend.',
    P14D: '2 weeks before',
    P7D: 'A week before',
    P3D: '3 days before',
    P1D: 'A day before',
    PT2H: '2 hours before',
    PT1H: 'An hour before',
    PT15M: '15 minutes before',
  },
});

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
  },
  preview: {
    whiteSpace: 'pre-wrap',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** "20.8.2024 klo 9.00" in Helsinki time, as the bot writes it. */
function helsinkiText(iso: string, language: Language): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Helsinki',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const word = { fi: 'klo', sv: 'kl.', en: 'at' }[language];
  return `${Number(parts.day)}.${Number(parts.month)}.${parts.year} ${word} ${Number(parts.hour)}.${parts.minute}`;
}

/** The texts of an Adaptive Card, in order: enough to check wording, times and links. */
function cardLines(card: unknown): string[] {
  const lines: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const item = node as Record<string, unknown>;
    if (item.type === 'TextBlock' && typeof item.text === 'string') lines.push(item.text);
    if (typeof item.title === 'string' && typeof item.value === 'string')
      lines.push(`${item.title}: ${item.value}`);
    if (typeof item.type === 'string' && item.type.startsWith('Action.') && typeof item.title === 'string') {
      lines.push(`[ ${item.title} ]`);
    }
    for (const value of Object.values(item)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return lines;
}

/** Coordinators: an event's reminder plan, what was sent and how it went, preview and "send now". */
export default function RemindersView() {
  const styles = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const [eventId, setEventId] = useState('');
  const events = useApiData(
    () => api.get<ProgrammeResponse>('/api/programme', { when: 'upcoming', pageSize: 200, lang: language }),
    [api, language],
  );
  return (
    <div>
      <h1 className={styles.heading}>{t.heading}</h1>
      <p className={styles.intro}>{t.intro}</p>
      {events.status === 'error' && <ErrorMessage error={events.error} onRetry={events.reload} />}
      {events.status === 'loading' && !events.data && <Loading />}
      {events.data && (
        <Field label={t.event}>
          <Select value={eventId} onChange={(_event, data) => setEventId(data.value)}>
            <option value="">{t.chooseEvent}</option>
            {events.data.items.map((event) => (
              <option key={event.id} value={event.id}>
                {`${event.title} (${event.when})`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {eventId && <EventReminders key={eventId} eventId={eventId} />}
    </div>
  );
}

function EventReminders({ eventId }: { readonly eventId: string }) {
  const styles = useTableStyles();
  const own = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const path = `/api/events/${encodeURIComponent(eventId)}`;
  const [draft, setDraft] = useState<ReminderSpec[]>();
  const [etag, setEtag] = useState<string | null>(null);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<Error>();
  const [previewLanguage, setPreviewLanguage] = useState<Language>(language);
  const [preview, setPreview] = useState<string[]>();
  const [audience, setAudience] = useState({ channel: true, personal: true });
  const [confirming, setConfirming] = useState(false);

  const reminders = useApiData(async () => {
    const response = await api.getVersioned<RemindersResponse>(`${path}/reminders`);
    setEtag(response.etag);
    setDraft([...response.data.plan.reminders]);
    return response.data;
  }, [api, path]);
  const absences = useApiData(() => api.get<AbsencesResponse>(`${path}/absences`), [api, path]);

  const run = (work: () => Promise<void>): void => {
    setFailure(undefined);
    setNotice(undefined);
    runAction(work, setFailure);
  };
  const savePlan = (plan: ReminderSpec[] | null) =>
    run(async () => {
      await api.put(`${path}/reminders`, { reminders: plan }, etag ? { ifMatch: etag } : {});
      setNotice(t.saved);
      reminders.reload();
    });
  const showPreview = () =>
    run(async () => {
      const offset = draft?.[0]?.offset;
      const response = await api.post<PreviewResponse>(`${path}/reminders/preview`, {
        language: previewLanguage,
        ...(offset ? { offset } : {}),
      });
      setPreview(cardLines(response.data.card));
    });
  const sendNow = () =>
    run(async () => {
      const response = await api.post<{ accepted: number }>(`${path}/reminders/send-now`, {
        ...audience,
        requestId: crypto.randomUUID(),
      });
      setConfirming(false);
      setNotice(format(t.queued, { count: response.data.accepted }));
      reminders.reload();
    });
  const offsetLabel = (offset: string): string =>
    (OFFSETS as readonly string[]).includes(offset) ? t[offset as (typeof OFFSETS)[number]] : offset;

  return (
    <>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ErrorMessage error={failure} />}
      {reminders.status === 'error' && <ErrorMessage error={reminders.error} onRetry={reminders.reload} />}
      {reminders.status === 'loading' && !reminders.data && <Loading />}
      {reminders.data && draft && (
        <section className={styles.section} aria-labelledby="plan-heading">
          <h2 id="plan-heading" className={styles.sectionHeading}>
            {t.plan}{' '}
            <Badge appearance="tint">{reminders.data.plan.custom ? t.customPlan : t.defaultPlan}</Badge>
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
                        setDraft(
                          draft.map((item, at) => (at === index ? { ...item, offset: data.value } : item)),
                        )
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
            <Button appearance="primary" onClick={() => savePlan(draft)}>
              {t.save}
            </Button>
            <Button onClick={() => savePlan(null)}>{t.reset}</Button>
          </div>
        </section>
      )}
      {reminders.data && (
        <section className={styles.section} aria-labelledby="sent-heading">
          <h2 id="sent-heading" className={styles.sectionHeading}>
            {t.sent}
          </h2>
          {reminders.data.reminders.length === 0 ? (
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
                  {reminders.data.reminders.map((reminder) => (
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
      )}
      <section className={styles.section} aria-labelledby="preview-heading">
        <h2 id="preview-heading" className={styles.sectionHeading}>
          {t.preview}
        </h2>
        <div className={own.row}>
          <Field label={t.language}>
            <Select
              value={previewLanguage}
              onChange={(_event, data) => setPreviewLanguage(data.value as Language)}
            >
              <option value="fi">Suomi</option>
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </Select>
          </Field>
          <Button onClick={() => showPreview()}>{t.showPreview}</Button>
        </div>
        {preview && <div className={own.preview}>{preview.join('\n')}</div>}
        <div className={own.actions}>
          <Checkbox
            label={t.channel}
            checked={audience.channel}
            onChange={(_event, data) => setAudience({ ...audience, channel: data.checked === true })}
          />
          <Checkbox
            label={t.personal}
            checked={audience.personal}
            onChange={(_event, data) => setAudience({ ...audience, personal: data.checked === true })}
          />
          {!confirming ? (
            <Button
              appearance="primary"
              disabled={!audience.channel && !audience.personal}
              onClick={() => setConfirming(true)}
            >
              {t.sendNow}
            </Button>
          ) : (
            <>
              <span role="alert">{t.sendNowConfirm}</span>
              <Button appearance="primary" onClick={() => sendNow()}>
                {t.confirm}
              </Button>
            </>
          )}
        </div>
      </section>
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
    </>
  );
}
