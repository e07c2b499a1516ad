import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type {
  AnswersView,
  QuestionIdView,
  RegistrationEventView,
  RegistrationEventsResponse,
} from '../../../../bot/src/registration/registration-contracts';
import { ApiProblem } from '../../api';
import { ErrorMessage, Loading } from '../../components/status';
import { format, useLanguage, useMessages } from '../../i18n';
import { runHandled, useApi, useApiData, useMe, useSession } from '../../session';
import type { TabViewProps } from '../registry';
import { CoordinatorRegistration } from './registration-coordinator';
import { messages } from './registration-messages';
import { useRefusal } from './registration-refusal';

export const useRegistrationStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase600, fontWeight: 600 },
  intro: {
    margin: `0 0 ${tokens.spacingVerticalL}`,
    color: tokens.colorNeutralForeground2,
    maxWidth: '70ch',
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalL },
  card: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: 600 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  line: { margin: 0 },
  status: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  block: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  link: { color: tokens.colorBrandForegroundLink },
  section: { marginTop: tokens.spacingVerticalXXL },
});

/** The signed-in person's registrations, pre-assignments and recordings; coordinators see their tools below. */
export default function RegistrationView({ path }: TabViewProps) {
  const t = useMessages(messages);
  const styles = useRegistrationStyles();
  const me = useMe();
  return (
    <section aria-labelledby="registration-heading">
      <h1 id="registration-heading" className={styles.heading}>
        {t.heading}
      </h1>
      <p className={styles.intro}>{t.intro}</p>
      <MyEvents focusEventId={path[0]} />
      {me.isCoordinator && <CoordinatorRegistration initialEventId={path[0]} />}
    </section>
  );
}

function MyEvents({ focusEventId }: { readonly focusEventId: string | undefined }) {
  const t = useMessages(messages);
  const styles = useRegistrationStyles();
  const api = useApi();
  const { language } = useLanguage();
  const events = useApiData(
    () => api.get<RegistrationEventsResponse>('/api/registration/events', { lang: language }),
    [api, language],
  );
  const [replaced, setReplaced] = useState<Record<string, RegistrationEventView>>({});
  useEffect(() => setReplaced({}), [events.data]);
  useEffect(() => {
    if (!focusEventId || !events.data) return;
    document.getElementById(`registration-${focusEventId}`)?.scrollIntoView({ block: 'start' });
  }, [focusEventId, events.data]);
  return (
    <section aria-labelledby="my-events-heading">
      <h2 id="my-events-heading" className={styles.subheading}>
        {t.mine}
      </h2>
      {events.status === 'error' && <ErrorMessage error={events.error} onRetry={events.reload} />}
      {events.status === 'loading' && !events.data && <Loading />}
      {events.data && events.data.events.length === 0 && <p className={styles.muted}>{t.none}</p>}
      {events.data && events.data.events.length > 0 && (
        <ul className={styles.list}>
          {events.data.events.map((event) => (
            <EventBlock
              key={event.eventId}
              view={replaced[event.eventId] ?? event}
              onChange={(next) => setReplaced((previous) => ({ ...previous, [next.eventId]: next }))}
              onConflict={events.reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type Notice = { readonly intent: 'success' | 'error'; readonly text: string };

function EventBlock({
  view,
  onChange,
  onConflict,
}: {
  readonly view: RegistrationEventView;
  readonly onChange: (view: RegistrationEventView) => void;
  readonly onConflict: () => void;
}) {
  const t = useMessages(messages);
  const styles = useRegistrationStyles();
  const api = useApi();
  const { language } = useLanguage();
  const { announce } = useSession();
  const refusal = useRefusal();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const titleId = `registration-${view.eventId}`;
  const base = `/api/registration/events/${encodeURIComponent(view.eventId)}`;

  const act = async (
    path: string,
    method: 'POST' | 'PUT',
    body: unknown,
    done: string,
    context?: 'handIn',
  ) => {
    setBusy(true);
    try {
      const answer = await api.request<RegistrationEventView>(method, `${base}/${path}`, {
        body,
        query: { lang: language },
      });
      onChange(answer.data);
      setNotice({ intent: 'success', text: done });
      announce(done);
      return true;
    } catch (error) {
      const text = refusal(error, context);
      setNotice({ intent: 'error', text });
      announce(text);
      if (error instanceof ApiProblem && error.status === 412) onConflict();
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <li id={titleId} className={styles.card} data-registration-event={view.eventId}>
      <h3 className={styles.title}>{view.title}</h3>
      <p className={styles.muted}>
        {view.typeName === view.title ? view.when : `${view.typeName} · ${view.when}`}
      </p>
      <p className={styles.line}>{view.where}</p>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {view.registration && (
        <RegistrationBlock view={view} busy={busy} act={act} headingId={`${titleId}-registration`} />
      )}
      {view.preAssignment && <PreAssignmentBlock view={view} busy={busy} act={act} />}
      {view.recording && (
        <div className={styles.block}>
          <h4 className={styles.subheading}>{t.recording}</h4>
          <p className={styles.line}>
            <a className={styles.link} href={view.recording.url} target="_blank" rel="noopener noreferrer">
              {t.watch}
              <span className="visually-hidden"> {t.newWindow}</span>
            </a>{' '}
            <span className={styles.muted}>
              ({format(t.availableUntil, { when: view.recording.availableUntilText })})
            </span>
          </p>
        </div>
      )}
    </li>
  );
}

type Act = (
  path: string,
  method: 'POST' | 'PUT',
  body: unknown,
  done: string,
  context?: 'handIn',
) => Promise<boolean>;

function RegistrationBlock({
  view,
  busy,
  act,
  headingId,
}: {
  readonly view: RegistrationEventView;
  readonly busy: boolean;
  readonly act: Act;
  readonly headingId: string;
}) {
  const t = useMessages(messages);
  const styles = useRegistrationStyles();
  const registration = view.registration;
  const mine = registration?.mine;
  const active = mine !== null && mine !== undefined && mine.status !== 'cancelled';
  const [answers, setAnswers] = useState<AnswersView>(active ? mine.answers : {});
  const [colleague, setColleague] = useState('');
  if (!registration) return null;
  const phaseText =
    registration.phase === 'notYetOpen'
      ? format(t.opens, { when: registration.opensText })
      : registration.phase === 'open'
        ? format(t.closes, { when: registration.closesText })
        : t.closed;
  const showQuestions =
    registration.questions.length > 0 && (registration.canRegister || (active && !view.isPast));
  const sensitive = registration.questions.some((question) => question.sensitive);
  const setAnswer = (id: QuestionIdView, value: string) =>
    setAnswers((previous) => ({ ...previous, [id]: value }));

  return (
    <div className={styles.block} aria-labelledby={headingId} role="group">
      <h4 id={headingId} className={styles.subheading}>
        {t.registration}
      </h4>
      {registration.seats && registration.municipalityName && (
        <p className={styles.line}>
          {t.seats}:{' '}
          <strong>
            {format(t.seatsValue, {
              municipality: registration.municipalityName,
              taken: registration.seats.taken,
              quota: registration.seats.quota,
            })}
          </strong>{' '}
          {registration.seats.full && <Badge color="warning">{t.full}</Badge>}{' '}
          {registration.waiting > 0 && (
            <span className={styles.muted}>({format(t.waiting, { count: registration.waiting })})</span>
          )}
        </p>
      )}
      {registration.total && (
        <p className={styles.muted}>
          {format(t.total, { taken: registration.total.taken, capacity: registration.total.capacity })}
        </p>
      )}
      {mine && <p className={styles.status}>{mine.statusText}</p>}
      <p className={styles.muted}>
        {phaseText}{' '}
        {active && mine.canCancel ? format(t.cancelUntil, { when: registration.cancelDeadlineText }) : ''}
      </p>
      {showQuestions && (
        <div className={styles.form}>
          {registration.questions.map((question) => (
            <Field key={question.id} label={question.label}>
              <Input
                value={answers[question.id] ?? ''}
                maxLength={500}
                onChange={(_event, data) => setAnswer(question.id, data.value)}
              />
            </Field>
          ))}
          {sensitive && <p className={styles.muted}>{t.sensitive}</p>}
        </div>
      )}
      <div className={styles.row}>
        {registration.canRegister && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              runHandled(() =>
                act(
                  'register',
                  'POST',
                  { answers },
                  registration.wouldWaitlist ? t.waitlisted : t.registered,
                ),
              )
            }
          >
            {registration.wouldWaitlist ? t.joinWaitlist : t.register}
          </Button>
        )}
        {active && showQuestions && !registration.canRegister && (
          <Button
            disabled={busy}
            onClick={() => runHandled(() => act('register', 'POST', { answers }, t.saved))}
          >
            {t.saveAnswers}
          </Button>
        )}
        {mine?.status === 'offered' && (
          <>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                runHandled(() =>
                  act('offer', 'POST', { accept: true, offerSequence: mine.offerSequence }, t.registered),
                )
              }
            >
              {t.accept}
            </Button>
            <Button
              disabled={busy}
              onClick={() =>
                runHandled(() =>
                  act('offer', 'POST', { accept: false, offerSequence: mine.offerSequence }, t.cancelled),
                )
              }
            >
              {t.decline}
            </Button>
          </>
        )}
        {mine?.calendarUrl && (
          <a className={styles.link} href={mine.calendarUrl}>
            {t.addToCalendar}
          </a>
        )}
        {active && mine.canCancel && (
          <Button
            disabled={busy}
            onClick={() => runHandled(() => act('cancel', 'POST', undefined, t.cancelled))}
          >
            {mine.status === 'waitlisted' ? t.leaveWaitlist : t.cancel}
          </Button>
        )}
      </div>
      {mine?.status === 'confirmed' && registration.colleagues.length > 0 && !view.isPast && (
        <div className={styles.row}>
          <Field label={t.transferTo}>
            <Select value={colleague} onChange={(_event, data) => setColleague(data.value)}>
              <option value="">{t.chooseColleague}</option>
              {registration.colleagues.map((person) => (
                <option
                  key={`${person.tenantId}|${person.aadObjectId}`}
                  value={`${person.tenantId}|${person.aadObjectId}`}
                >
                  {person.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={busy || colleague === ''}
            onClick={() => {
              const [tenantId, aadObjectId] = colleague.split('|');
              runHandled(() =>
                act('transfer', 'POST', { colleague: { tenantId, aadObjectId } }, t.transferred),
              );
            }}
          >
            {t.transferButton}
          </Button>
        </div>
      )}
    </div>
  );
}

function PreAssignmentBlock({
  view,
  busy,
  act,
}: {
  readonly view: RegistrationEventView;
  readonly busy: boolean;
  readonly act: Act;
}) {
  const t = useMessages(messages);
  const styles = useRegistrationStyles();
  const pre = view.preAssignment;
  const [text, setText] = useState(pre?.mine?.text ?? '');
  const [url, setUrl] = useState(pre?.mine?.url ?? '');
  const [done, setDone] = useState(pre?.mine?.done ?? false);
  // The form opens on request: a programme of workshops would otherwise be a wall of empty forms.
  const [editing, setEditing] = useState(false);
  if (!pre) return null;
  const id = `pre-${view.eventId}`;
  const formId = `${id}-form`;
  return (
    <div className={styles.block} role="group" aria-labelledby={id}>
      <h4 id={id} className={styles.subheading}>
        {t.preAssignment}
      </h4>
      <p className={styles.line}>{pre.text}</p>
      <p className={styles.muted}>
        {pre.open ? format(t.deadline, { when: pre.deadlineText }) : t.handInClosed}
      </p>
      {pre.url && (
        <a className={styles.link} href={pre.url} target="_blank" rel="noopener noreferrer">
          {t.material}
          <span className="visually-hidden"> {t.newWindow}</span>
        </a>
      )}
      {pre.mine && <p className={styles.status}>{format(t.handedIn, { when: pre.mine.updatedText })}</p>}
      {pre.open && !editing && (
        <div className={styles.row}>
          <Button aria-expanded={false} aria-controls={formId} onClick={() => setEditing(true)}>
            {pre.mine ? t.changeHandIn : t.handIn}
          </Button>
        </div>
      )}
      {pre.open && editing && (
        <div className={styles.form} id={formId}>
          <Field label={t.answer}>
            <Textarea
              value={text}
              maxLength={4000}
              resize="vertical"
              onChange={(_event, data) => setText(data.value)}
            />
          </Field>
          <Field label={t.link}>
            <Input type="url" value={url} maxLength={2000} onChange={(_event, data) => setUrl(data.value)} />
          </Field>
          <Checkbox
            label={t.done}
            checked={done}
            onChange={(_event, data) => setDone(data.checked === true)}
          />
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                runHandled(async () => {
                  const stored = await act(
                    'pre-assignment',
                    'PUT',
                    { text: text.trim() || null, url: url.trim() || null, done },
                    t.handedInNow,
                    'handIn',
                  );
                  if (stored) setEditing(false);
                })
              }
            >
              {t.handIn}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
