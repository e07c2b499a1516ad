import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  CoordinatorEventView,
  CoordinatorEventsResponse,
  PersonSeatView,
  PreAssignmentCompletionResponse,
  QuestionIdView,
  RecordingLookupResponse,
  RecordingResponse,
  RecordingSendResponse,
  RegistrationOverviewResponse,
  SettingsUpdate,
} from '../../../../bot/src/registration/registration-contracts';
import { ErrorMessage, Loading } from '../../components/status';
import { format, useLanguage, useMessages } from '../../i18n';
import { runHandled, useApi, useApiData, useSession } from '../../session';
import { useTableStyles } from '../coordinator/styles';
import { messages } from './registration-messages';
import { useRefusal } from './registration-refusal';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  fields: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
  },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  full: { fontWeight: tokens.fontWeightSemibold },
  link: { color: tokens.colorBrandForegroundLink },
  top: { marginTop: tokens.spacingVerticalXXXL },
});

type Notice = { readonly intent: 'success' | 'error'; readonly text: string };

/** Coordinators: choose an event, then its registration, pre-assignment and recording. */
export function CoordinatorRegistration({ initialEventId }: { readonly initialEventId: string | undefined }) {
  const t = useMessages(messages);
  const table = useTableStyles();
  const styles = useStyles();
  const api = useApi();
  const { language } = useLanguage();
  const events = useApiData(
    () => api.get<CoordinatorEventsResponse>('/api/registration/coordinator/events', { lang: language }),
    [api, language],
  );
  const [eventId, setEventId] = useState(initialEventId ?? '');
  const chosen = events.data?.events.find((event) => event.eventId === eventId);
  return (
    <section className={`${table.section} ${styles.top}`} aria-labelledby="registration-coordinator-heading">
      <h2 id="registration-coordinator-heading" className={table.sectionHeading}>
        {t.coordinator}
      </h2>
      {events.status === 'error' && <ErrorMessage error={events.error} onRetry={events.reload} />}
      {events.status === 'loading' && !events.data && <Loading />}
      {events.data && (
        <Field label={t.event}>
          <Select value={eventId} onChange={(_event, data) => setEventId(data.value)}>
            <option value="">{t.chooseEvent}</option>
            {events.data.events.map((event) => (
              <option key={event.eventId} value={event.eventId}>
                {`${event.title} (${event.when})${event.registration ? ` · ${t[`phase_${event.registration.phase}`]}` : ''}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && events.data && (
        <EventAdmin
          key={chosen.eventId}
          event={chosen}
          canLookUp={events.data.canLookUpRecordings}
          onChanged={events.reload}
        />
      )}
    </section>
  );
}

function EventAdmin({
  event,
  canLookUp,
  onChanged,
}: {
  readonly event: CoordinatorEventView;
  readonly canLookUp: boolean;
  readonly onChanged: () => void;
}) {
  const api = useApi();
  const { language } = useLanguage();
  const base = `/api/registration/events/${encodeURIComponent(event.eventId)}`;
  const [etag, setEtag] = useState<string | null>(null);
  const overview = useApiData(async () => {
    const response = await api.getVersioned<RegistrationOverviewResponse>(`${base}/overview`, {
      lang: language,
    });
    setEtag(response.etag);
    return response.data;
  }, [api, base, language]);
  return (
    <>
      {overview.status === 'error' && <ErrorMessage error={overview.error} onRetry={overview.reload} />}
      {overview.status === 'loading' && !overview.data && <Loading />}
      {overview.data && !event.hasStarted && (
        <SettingsForm
          key={overview.data.settings?.updatedAt ?? 'new'}
          event={event}
          overview={overview.data}
          etag={etag}
          onSaved={() => {
            overview.reload();
            onChanged();
          }}
        />
      )}
      {overview.data?.settings && (
        <SeatsPanel event={event} overview={overview.data} onChanged={overview.reload} />
      )}
      {event.hasPreAssignment && <CompletionPanel eventId={event.eventId} />}
      {event.isPast && <RecordingPanel event={event} canLookUp={canLookUp} />}
    </>
  );
}

function SettingsForm({
  event,
  overview,
  etag,
  onSaved,
}: {
  readonly event: CoordinatorEventView;
  readonly overview: RegistrationOverviewResponse;
  readonly etag: string | null;
  readonly onSaved: () => void;
}) {
  const t = useMessages(messages);
  const table = useTableStyles();
  const styles = useStyles();
  const api = useApi();
  const { language } = useLanguage();
  const { announce } = useSession();
  const refusal = useRefusal();
  const current = overview.settings;
  const other = current?.questions.find((question) => question.id === 'other')?.label;
  const [form, setForm] = useState({
    opensAt: current?.opensAt ?? '',
    closesAt: current?.closesAt ?? '',
    cancelDeadline: current?.cancelDeadline ?? '',
    quota: String(current?.quota ?? event.inPersonQuota ?? 4),
    capacity: current?.capacity === null || current?.capacity === undefined ? '' : String(current.capacity),
    offerHours: String(current?.offerHours ?? 48),
    diet: current ? current.questions.some((question) => question.id === 'diet') : true,
    accessibility: current ? current.questions.some((question) => question.id === 'accessibility') : true,
    other: Boolean(other),
    otherFi: other?.fi ?? '',
    otherSv: other?.sv ?? '',
    otherEn: other?.en ?? '',
  });
  const [notice, setNotice] = useState<Notice>();
  const set = (key: keyof typeof form, value: string | boolean) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const base = `/api/registration/events/${encodeURIComponent(event.eventId)}`;

  const body = (): SettingsUpdate => ({
    opensAt: form.opensAt,
    closesAt: form.closesAt,
    cancelDeadline: form.cancelDeadline || null,
    quota: Number(form.quota),
    capacity: form.capacity === '' ? null : Number(form.capacity),
    offerHours: Number(form.offerHours),
    questions: [
      ...(form.diet ? [{ id: 'diet' as QuestionIdView, label: null }] : []),
      ...(form.accessibility ? [{ id: 'accessibility' as QuestionIdView, label: null }] : []),
      ...(form.other
        ? [{ id: 'other' as QuestionIdView, label: { fi: form.otherFi, sv: form.otherSv, en: form.otherEn } }]
        : []),
    ],
  });
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setNotice({ intent: 'success', text: done });
      announce(done);
      onSaved();
    } catch (error) {
      const text = refusal(error);
      setNotice({ intent: 'error', text });
      announce(text);
    }
  };
  const save = () =>
    run(
      () =>
        api.put(`${base}/settings`, body(), {
          ...(current && etag ? { ifMatch: etag } : {}),
          query: { lang: language },
        }),
      t.saved,
    );
  const closeNow = () => run(() => api.post(`${base}/close`, {}, { query: { lang: language } }), t.saved);
  const announceNow = async () => {
    try {
      const sent = await api.post<{ recipients: number }>(`${base}/announce`, {});
      const text = format(t.announced, { count: sent.data.recipients });
      setNotice({ intent: 'success', text });
      announce(text);
    } catch (error) {
      const text = refusal(error);
      setNotice({ intent: 'error', text });
      announce(text);
    }
  };

  return (
    <section className={table.section} aria-labelledby="settings-heading">
      <h3 id="settings-heading" className={table.sectionHeading}>
        {t.settings} {overview.phase && <Badge appearance="tint">{t[`phase_${overview.phase}`]}</Badge>}
      </h3>
      {!current && <p className={styles.muted}>{t.notOpened}</p>}
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <form
        className={styles.form}
        onSubmit={(submit) => {
          submit.preventDefault();
          runHandled(() => save());
        }}
      >
        <div className={styles.fields}>
          <Field label={t.opensAt} required>
            <Input
              type="datetime-local"
              value={form.opensAt}
              onChange={(_e, data) => set('opensAt', data.value)}
            />
          </Field>
          <Field label={t.closesAt} required>
            <Input
              type="datetime-local"
              value={form.closesAt}
              onChange={(_e, data) => set('closesAt', data.value)}
            />
          </Field>
          <Field label={t.cancelDeadline}>
            <Input
              type="datetime-local"
              value={form.cancelDeadline}
              onChange={(_e, data) => set('cancelDeadline', data.value)}
            />
          </Field>
          <Field label={t.quota} required>
            <Input
              type="number"
              min={1}
              max={100}
              value={form.quota}
              onChange={(_e, data) => set('quota', data.value)}
            />
          </Field>
          <Field label={t.capacity}>
            <Input
              type="number"
              min={1}
              max={10000}
              value={form.capacity}
              onChange={(_e, data) => set('capacity', data.value)}
            />
          </Field>
          <Field label={t.offerHours} required>
            <Input
              type="number"
              min={1}
              max={336}
              value={form.offerHours}
              onChange={(_e, data) => set('offerHours', data.value)}
            />
          </Field>
        </div>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t.questions}</legend>
          <Checkbox
            label={t.askDiet}
            checked={form.diet}
            onChange={(_e, data) => set('diet', data.checked === true)}
          />
          <Checkbox
            label={t.askAccessibility}
            checked={form.accessibility}
            onChange={(_e, data) => set('accessibility', data.checked === true)}
          />
          <Checkbox
            label={t.askOther}
            checked={form.other}
            onChange={(_e, data) => set('other', data.checked === true)}
          />
          {form.other && (
            <div className={styles.fields}>
              <Field label={t.otherFi} required>
                <Input
                  value={form.otherFi}
                  maxLength={300}
                  onChange={(_e, data) => set('otherFi', data.value)}
                />
              </Field>
              <Field label={t.otherSv}>
                <Input
                  value={form.otherSv}
                  maxLength={300}
                  onChange={(_e, data) => set('otherSv', data.value)}
                />
              </Field>
              <Field label={t.otherEn}>
                <Input
                  value={form.otherEn}
                  maxLength={300}
                  onChange={(_e, data) => set('otherEn', data.value)}
                />
              </Field>
            </div>
          )}
        </fieldset>
        <div className={styles.row}>
          <Button appearance="primary" type="submit">
            {current ? t.update : t.open}
          </Button>
          {current && overview.phase === 'open' && (
            <Button type="button" onClick={() => runHandled(() => announceNow())}>
              {t.announce}
            </Button>
          )}
          {current && overview.phase !== 'closed' && (
            <Button type="button" onClick={() => runHandled(() => closeNow())}>
              {t.closeNow}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

type Decision =
  | { readonly kind: 'confirm' | 'cancel'; readonly person: PersonSeatView }
  | {
      readonly kind: 'quota';
      readonly municipalityId: string;
      readonly municipalityName: string;
      readonly quota: number;
    };

function SeatsPanel({
  event,
  overview,
  onChanged,
}: {
  readonly event: CoordinatorEventView;
  readonly overview: RegistrationOverviewResponse;
  readonly onChanged: () => void;
}) {
  const t = useMessages(messages);
  const table = useTableStyles();
  const styles = useStyles();
  const api = useApi();
  const { language } = useLanguage();
  const { announce } = useSession();
  const refusal = useRefusal();
  const [decision, setDecision] = useState<Decision>();
  const [reason, setReason] = useState('');
  const [quota, setQuota] = useState('');
  const [notice, setNotice] = useState<Notice>();
  const base = `/api/registration/events/${encodeURIComponent(event.eventId)}`;

  const statusText = (person: PersonSeatView): string =>
    person.status === 'offered'
      ? format(t.status_offered, { when: person.offerExpiresText ?? '' })
      : person.status === 'waitlisted'
        ? format(t.status_waitlisted, { position: person.position ?? '' })
        : t[`status_${person.status}`];

  const decide = async () => {
    if (!decision) return;
    const body =
      decision.kind === 'quota'
        ? {
            kind: 'quota',
            municipalityId: decision.municipalityId,
            quota: quota === '' ? null : Number(quota),
            reason,
          }
        : {
            kind: decision.kind,
            person: { tenantId: decision.person.tenantId, aadObjectId: decision.person.aadObjectId },
            reason,
          };
    try {
      await api.post(`${base}/overrides`, body, { query: { lang: language } });
      setDecision(undefined);
      setReason('');
      setNotice({ intent: 'success', text: t.saved });
      announce(t.saved);
      onChanged();
    } catch (error) {
      const text = refusal(error);
      setNotice({ intent: 'error', text });
      announce(text);
    }
  };

  const download = (kind: 'attendees' | 'catering') => {
    api
      .blob(`${base}/${kind}.csv`, { lang: language })
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = `${event.eventId}-${kind}.csv`;
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
        announce(t.downloaded);
      })
      .catch((error: unknown) => announce(refusal(error)));
  };

  const people = (list: readonly PersonSeatView[], action: 'confirm' | 'cancel', caption: string) =>
    list.length === 0 ? (
      <p className={styles.muted}>{t.nobody}</p>
    ) : (
      <div className={table.scroll}>
        <table className={table.table}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.municipality}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((person) => (
              <tr key={`${person.tenantId}|${person.aadObjectId}`} data-seat-person={person.name}>
                <th scope="row">{person.name}</th>
                <td>{person.municipalityName}</td>
                <td>{statusText(person)}</td>
                <td>
                  <Button size="small" onClick={() => setDecision({ kind: action, person })}>
                    {action === 'confirm' ? t.giveSeat : t.cancelSeat}
                    <span className="visually-hidden">: {person.name}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <>
      <section className={table.section} aria-labelledby="matrix-heading">
        <h3 id="matrix-heading" className={table.sectionHeading}>
          {t.matrix}
        </h3>
        <p className={styles.muted}>
          {format(t.totals, {
            confirmed: overview.totals.confirmed,
            offered: overview.totals.offered,
            waitlisted: overview.totals.waitlisted,
          })}
          {overview.totals.capacity !== null ? ` / ${overview.totals.capacity}` : ''}
        </p>
        {notice && (
          <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {decision && (
          <form
            className={styles.form}
            aria-labelledby="decision-heading"
            onSubmit={(submit) => {
              submit.preventDefault();
              runHandled(() => decide());
            }}
          >
            <h4 id="decision-heading" className={table.sectionHeading}>
              {t.decision}
            </h4>
            <p>
              {decision.kind === 'quota'
                ? format(t.decisionQuota, { municipality: decision.municipalityName })
                : format(decision.kind === 'confirm' ? t.decisionConfirm : t.decisionCancel, {
                    name: decision.person.name,
                  })}
            </p>
            {decision.kind === 'quota' && (
              <Field label={t.newQuota}>
                <Input
                  type="number"
                  min={0}
                  max={100}
                  value={quota}
                  onChange={(_e, data) => setQuota(data.value)}
                />
              </Field>
            )}
            <Field label={t.reason} required>
              <Input value={reason} maxLength={500} onChange={(_e, data) => setReason(data.value)} />
            </Field>
            <div className={styles.row}>
              <Button appearance="primary" type="submit" disabled={reason.trim().length < 3}>
                {t.confirmDecision}
              </Button>
              <Button type="button" onClick={() => setDecision(undefined)}>
                {t.cancelDecision}
              </Button>
            </div>
          </form>
        )}
        <div className={table.scroll}>
          <table className={table.table}>
            <caption className="visually-hidden">{t.matrix}</caption>
            <thead>
              <tr>
                <th scope="col">{t.municipality}</th>
                <th scope="col" className={table.number}>
                  {t.quotaColumn}
                </th>
                <th scope="col" className={table.number}>
                  {t.confirmedColumn}
                </th>
                <th scope="col" className={table.number}>
                  {t.offeredColumn}
                </th>
                <th scope="col" className={table.number}>
                  {t.waitlistedColumn}
                </th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {overview.matrix.map((row) => (
                <tr key={row.municipalityId} data-matrix-row={row.municipalityId}>
                  <th scope="row">{row.municipalityName}</th>
                  <td className={table.number}>
                    {row.quota}
                    {row.quotaOverridden ? ` (${t.ownQuota})` : ''}
                  </td>
                  <td className={`${table.number} ${row.full ? styles.full : ''}`}>
                    {row.confirmed}
                    {row.full ? ` (${t.full})` : ''}
                  </td>
                  <td className={table.number}>{row.offered}</td>
                  <td className={table.number}>{row.waitlisted}</td>
                  <td>
                    <Button
                      size="small"
                      onClick={() => {
                        setQuota(String(row.quota));
                        setDecision({
                          kind: 'quota',
                          municipalityId: row.municipalityId,
                          municipalityName: row.municipalityName,
                          quota: row.quota,
                        });
                      }}
                    >
                      {t.changeQuota}
                      <span className="visually-hidden">: {row.municipalityName}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className={table.section} aria-labelledby="waitlist-heading">
        <h3 id="waitlist-heading" className={table.sectionHeading}>
          {t.waitlist}
        </h3>
        {people(overview.waitlist, 'confirm', t.waitlist)}
      </section>
      <section className={table.section} aria-labelledby="confirmed-heading">
        <h3 id="confirmed-heading" className={table.sectionHeading}>
          {t.confirmed}
        </h3>
        {people(overview.confirmed, 'cancel', t.confirmed)}
      </section>
      <section className={table.section} aria-labelledby="overrides-heading">
        <h3 id="overrides-heading" className={table.sectionHeading}>
          {t.overrides}
        </h3>
        {overview.overrides.length === 0 ? (
          <p className={styles.muted}>{t.noOverrides}</p>
        ) : (
          <ul>
            {overview.overrides.map((entry, index) => (
              <li key={`${entry.atText}-${index}`}>
                {`${entry.atText} · ${entry.actorName}: ${entry.subjectName ?? entry.municipalityName}${entry.detail ? ` (${entry.detail})` : ''} – ${entry.reason}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={table.section} aria-labelledby="downloads-heading">
        <h3 id="downloads-heading" className={table.sectionHeading}>
          {t.downloads}
        </h3>
        <div className={styles.row}>
          <Button onClick={() => download('attendees')}>{t.attendees}</Button>
          <Button onClick={() => download('catering')} aria-describedby="catering-note">
            {t.catering}
          </Button>
        </div>
        <p id="catering-note" className={styles.muted}>
          {t.cateringNote}
        </p>
      </section>
    </>
  );
}

function CompletionPanel({ eventId }: { readonly eventId: string }) {
  const t = useMessages(messages);
  const table = useTableStyles();
  const styles = useStyles();
  const api = useApi();
  const { language } = useLanguage();
  const completion = useApiData(
    () =>
      api.get<PreAssignmentCompletionResponse>(
        `/api/registration/events/${encodeURIComponent(eventId)}/pre-assignment/completion`,
        { lang: language },
      ),
    [api, eventId, language],
  );
  const data = completion.data;
  return (
    <section className={table.section} aria-labelledby="completion-heading">
      <h3 id="completion-heading" className={table.sectionHeading}>
        {t.completion}
      </h3>
      {completion.status === 'error' && <ErrorMessage error={completion.error} onRetry={completion.reload} />}
      {completion.status === 'loading' && !data && <Loading />}
      {data && (
        <>
          <p className={styles.muted}>{format(t.deadline, { when: data.deadlineText })}</p>
          <div className={table.scroll}>
            <table className={table.table}>
              <caption className="visually-hidden">{t.completion}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.municipality}</th>
                  <th scope="col" className={table.number}>
                    {t.audience}
                  </th>
                  <th scope="col" className={table.number}>
                    {t.handedInColumn}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.municipalityId}>
                    <th scope="row">{row.municipalityName}</th>
                    <td className={table.number}>{row.audience}</td>
                    <td className={table.number}>{row.handedIn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4 className={table.sectionHeading}>{t.answers}</h4>
          {data.answers.length === 0 ? (
            <p className={styles.muted}>{t.noAnswers}</p>
          ) : (
            <ul>
              {data.answers.map((answer) => (
                <li key={`${answer.name}-${answer.updatedText}`}>
                  <strong>{answer.name}</strong> ({answer.municipalityName}, {answer.updatedText}):{' '}
                  {answer.text ?? ''}
                  {answer.url && (
                    <>
                      {' '}
                      <a className={styles.link} href={answer.url} target="_blank" rel="noopener noreferrer">
                        {answer.url}
                      </a>
                    </>
                  )}
                  {answer.done && !answer.text && !answer.url ? t.answerDone : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function RecordingPanel({
  event,
  canLookUp,
}: {
  readonly event: CoordinatorEventView;
  readonly canLookUp: boolean;
}) {
  const t = useMessages(messages);
  const table = useTableStyles();
  const styles = useStyles();
  const api = useApi();
  const { language } = useLanguage();
  const { announce } = useSession();
  const refusal = useRefusal();
  const base = `/api/registration/events/${encodeURIComponent(event.eventId)}/recording`;
  const [etag, setEtag] = useState<string | null>(null);
  const [form, setForm] = useState({ url: '', lookup: false, availableFrom: '', availableUntil: '' });
  const [groups, setGroups] = useState({ notAttended: true, audience: true });
  const [notice, setNotice] = useState<Notice>();
  const recording = useApiData(async () => {
    const response = await api.getVersioned<RecordingResponse>(base, { lang: language });
    setEtag(response.etag);
    const current = response.data.recording;
    if (current) {
      setForm({
        url: current.url ?? '',
        lookup: current.source === 'graph',
        availableFrom: current.availableFrom,
        availableUntil: current.availableUntil,
      });
    }
    return response.data;
  }, [api, base, language]);
  const say = (next: Notice) => {
    setNotice(next);
    announce(next.text);
  };
  const run = async (work: () => Promise<string>) => {
    try {
      say({ intent: 'success', text: await work() });
    } catch (error) {
      say({ intent: 'error', text: refusal(error) });
    }
  };
  const lookup = () =>
    run(async () => {
      const found = await api.post<RecordingLookupResponse>(
        `${base}/lookup`,
        {},
        { query: { lang: language } },
      );
      setForm((previous) => ({ ...previous, lookup: true }));
      return format(t.lookupFound, { when: found.data.recordedText });
    });
  const save = () =>
    run(async () => {
      await api.put(
        base,
        {
          ...(form.lookup ? { lookup: true } : { url: form.url }),
          availableFrom: form.availableFrom,
          availableUntil: form.availableUntil,
        },
        { ...(recording.data?.recording && etag ? { ifMatch: etag } : {}), query: { lang: language } },
      );
      recording.reload();
      return t.saved;
    });
  const send = () =>
    run(async () => {
      const sent = await api.post<RecordingSendResponse>(`${base}/send`, groups);
      recording.reload();
      return format(t.recordingSent, { count: sent.data.recipients });
    });
  const current = recording.data?.recording;
  return (
    <section className={table.section} aria-labelledby="recording-heading">
      <h3 id="recording-heading" className={table.sectionHeading}>
        {t.recordingAdmin}
      </h3>
      {recording.status === 'error' && <ErrorMessage error={recording.error} onRetry={recording.reload} />}
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {current && (
        <p className={styles.muted}>
          {format(t.recordingSource, { source: t[`source_${current.source}`] })} ·{' '}
          {format(t.availableUntil, { when: current.availableUntilText })}
        </p>
      )}
      {!canLookUp && <p className={styles.muted}>{t.graphOff}</p>}
      <form
        className={styles.form}
        onSubmit={(submit) => {
          submit.preventDefault();
          runHandled(() => save());
        }}
      >
        {canLookUp && (
          <div className={styles.row}>
            <Button
              type="button"
              onClick={() => runHandled(() => lookup())}
              disabled={!event.hasOnlineMeeting}
            >
              {t.lookup}
            </Button>
            <Checkbox
              label={t.useLookup}
              checked={form.lookup}
              onChange={(_e, data) => setForm({ ...form, lookup: data.checked === true })}
            />
          </div>
        )}
        {!form.lookup && (
          <Field label={t.recordingUrl} required>
            <Input
              type="url"
              value={form.url}
              maxLength={2000}
              onChange={(_e, data) => setForm({ ...form, url: data.value })}
            />
          </Field>
        )}
        <div className={styles.fields}>
          <Field label={t.availableFrom} required>
            <Input
              type="datetime-local"
              value={form.availableFrom}
              onChange={(_e, data) => setForm({ ...form, availableFrom: data.value })}
            />
          </Field>
          <Field label={t.availableTo} required>
            <Input
              type="datetime-local"
              value={form.availableUntil}
              onChange={(_e, data) => setForm({ ...form, availableUntil: data.value })}
            />
          </Field>
        </div>
        <div className={styles.row}>
          <Button appearance="primary" type="submit">
            {t.saveRecording}
          </Button>
        </div>
      </form>
      {current && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t.sendRecording}</legend>
          <Checkbox
            label={t.sendNotAttended}
            checked={groups.notAttended}
            onChange={(_e, data) => setGroups({ ...groups, notAttended: data.checked === true })}
          />
          <Checkbox
            label={t.sendAudience}
            checked={groups.audience}
            onChange={(_e, data) => setGroups({ ...groups, audience: data.checked === true })}
          />
          <div className={styles.row}>
            <Button
              disabled={!groups.notAttended && !groups.audience}
              onClick={() => runHandled(() => send())}
            >
              {t.sendRecording}
            </Button>
          </div>
        </fieldset>
      )}
    </section>
  );
}
