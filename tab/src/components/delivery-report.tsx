import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type {
  DeliveryRecipientState,
  DeliveryReportView,
  DeliveryRetryResponse,
} from '../../../bot/src/delivery/delivery-contracts';
import { ApiProblem } from '../api';
import { defineMessages, format, useLanguage, useMessages } from '../i18n';
import { helsinkiText } from '../helsinki-time';
import { useApi, useSession } from '../session';
import { ErrorMessage, Loading } from './status';

const messages = defineMessages({
  fi: {
    sent: 'Lähetetty',
    pending: 'Matkalla',
    unreachable: 'Ei tavoitettu',
    failed: 'Epäonnistui',
    progress: 'Lähetetty {done} / {total}',
    allSent: 'Kaikki {total} viestiä on lähetetty.',
    finished: 'Lähetys on valmis: {sent} / {total} perillä.',
    sendingNow: 'Lähetetään… ({done} / {total})',
    queuedAt: 'Jonoon {when}',
    problems: 'Kenelle viesti ei mennyt perille',
    retrying: 'Yritetään uudelleen',
    more: 'Lisäksi {count} muuta; luvut yllä kattavat kaikki.',
    retry: 'Lähetä uudelleen epäonnistuneille ({count})',
    retried: 'Jonossa uudelleen: {count}.',
    nothingToRetry: 'Ei uudelleen lähetettävää.',
    expired: 'Viestin aika on ohi, joten sitä ei voi enää lähettää uudelleen.',
    none: 'Tätä ei ole vielä lähetetty.',
    attempts: '{count} yritystä',
  },
  sv: {
    sent: 'Skickade',
    pending: 'På väg',
    unreachable: 'Nåddes inte',
    failed: 'Misslyckades',
    progress: 'Skickade {done} av {total}',
    allSent: 'Alla {total} meddelanden har skickats.',
    finished: 'Sändningen är klar: {sent} av {total} fram.',
    sendingNow: 'Skickas… ({done} av {total})',
    queuedAt: 'I kö {when}',
    problems: 'Vem meddelandet inte nådde',
    retrying: 'Försöker igen',
    more: 'Dessutom {count} andra; siffrorna ovan omfattar alla.',
    retry: 'Skicka igen till dem som misslyckades ({count})',
    retried: 'I kö på nytt: {count}.',
    nothingToRetry: 'Inget att skicka igen.',
    expired: 'Meddelandets tid är förbi, så det kan inte längre skickas igen.',
    none: 'Det här har inte skickats än.',
    attempts: '{count} försök',
  },
  en: {
    sent: 'Sent',
    pending: 'On the way',
    unreachable: 'Not reached',
    failed: 'Failed',
    progress: 'Sent {done} of {total}',
    allSent: 'All {total} messages have been sent.',
    finished: 'Sending has finished: {sent} of {total} delivered.',
    sendingNow: 'Sending… ({done} of {total})',
    queuedAt: 'Queued {when}',
    problems: 'Who did not get the message',
    retrying: 'Trying again',
    more: 'And {count} more; the counts above cover everyone.',
    retry: 'Send again to those who failed ({count})',
    retried: 'Queued again: {count}.',
    nothingToRetry: 'Nothing to send again.',
    expired: 'The time for this message is over, so it can no longer be sent again.',
    none: 'This has not been sent yet.',
    attempts: '{count} attempts',
  },
});

const useStyles = makeStyles({
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  count: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column-reverse',
  },
  countLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  countValue: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  problem: { color: tokens.colorPaletteRedForeground1 },
  line: { margin: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'grid', gap: tokens.spacingVerticalXS },
  item: {
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  state: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** How often a report refreshes while messages are on their way. */
const POLL_MS = 2_000;

/**
 * The report of one send, the same wherever something goes out to many (reminders, polls,
 * invitations, a new feature's messages): counts and a progress bar while sending, who was not
 * reached and why in plain words, and "send again to those who failed".
 */
export function DeliveryReport({
  deliveryId,
  compact = false,
  title,
  hideWhenNone = false,
}: {
  readonly deliveryId: string;
  /** Counts and progress only (in a table row); the full report lists the people too. */
  readonly compact?: boolean;
  /** A heading above the report (e.g. "The post in the channel"). */
  readonly title?: string;
  /** Shows nothing at all when the outbox has never seen the delivery. */
  readonly hideWhenNone?: boolean;
}) {
  const styles = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const headingId = useId();
  const [report, setReport] = useState<DeliveryReportView | null>();
  const [error, setError] = useState<Error>();
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const path = `/api/deliveries/${encodeURIComponent(deliveryId)}`;

  useEffect(() => {
    let current = true;
    let timer: number | undefined;
    const load = (): void => {
      api
        .get<DeliveryReportView>(path, { lang: language })
        .then((next) => {
          if (!current) return;
          setReport(next);
          setError(undefined);
          if (next.sending) timer = window.setTimeout(load, POLL_MS);
        })
        .catch((reason: unknown) => {
          if (!current) return;
          if (reason instanceof ApiProblem && reason.status === 404) setReport(null);
          else setError(reason instanceof Error ? reason : new Error(String(reason)));
        });
    };
    load();
    return () => {
      current = false;
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [api, path, language, generation]);

  const retry = (): void => {
    setBusy(true);
    setNotice(undefined);
    api
      .post<DeliveryRetryResponse>(`${path}/retry`, {}, { query: { lang: language } })
      .then(({ data }) => {
        const text = data.requeued > 0 ? format(t.retried, { count: data.requeued }) : t.nothingToRetry;
        setNotice(text);
        announce(text);
        setReport(data.report);
        setGeneration((value) => value + 1);
      })
      .catch((reason: unknown) => {
        const text = reason instanceof ApiProblem && reason.status === 409 ? t.expired : t.nothingToRetry;
        setNotice(reason instanceof ApiProblem && reason.detail ? reason.detail : text);
      })
      .finally(() => setBusy(false));
  };

  if (error) return <ErrorMessage error={error} onRetry={() => setGeneration((value) => value + 1)} />;
  if (report === undefined) return <Loading />;
  if (report === null) return hideWhenNone ? null : <p className={styles.muted}>{t.none}</p>;

  const done = report.counts.sent + report.counts.unreachable + report.counts.failed;
  const stateLabel: Record<DeliveryRecipientState, string> = {
    sent: t.sent,
    pending: t.retrying,
    unreachable: t.unreachable,
    failed: t.failed,
  };
  const headline = report.sending
    ? format(t.sendingNow, { done, total: report.total })
    : report.counts.sent === report.total
      ? format(t.allSent, { total: report.total })
      : format(t.finished, { sent: report.counts.sent, total: report.total });

  return (
    <section className={styles.report} aria-labelledby={headingId} data-delivery-report={deliveryId}>
      {title && (
        <h3 id={headingId} className={styles.title}>
          {title}
        </h3>
      )}
      <p
        id={title ? undefined : headingId}
        className={styles.line}
        role={report.sending ? 'status' : undefined}
      >
        {headline}
      </p>
      {report.total > 0 && (
        <ProgressBar
          value={report.total === 0 ? 1 : done / report.total}
          thickness="large"
          color={report.counts.failed + report.counts.unreachable > 0 ? 'warning' : 'brand'}
          aria-label={format(t.progress, { done, total: report.total })}
        />
      )}
      <dl className={styles.counts}>
        {(['sent', 'pending', 'unreachable', 'failed'] as const).map((key) => (
          <div key={key} className={styles.count}>
            <dt className={styles.countLabel}>{t[key]}</dt>
            <dd
              className={`${styles.countValue} ${(key === 'failed' || key === 'unreachable') && report.counts[key] > 0 ? styles.problem : ''}`}
            >
              {report.counts[key]}
            </dd>
          </div>
        ))}
      </dl>
      {report.createdAt && !compact && (
        <p className={styles.muted}>
          {format(t.queuedAt, { when: helsinkiText(report.createdAt, language) })}
        </p>
      )}
      {!compact && report.problems.length > 0 && (
        <>
          <h4 className={styles.line}>{t.problems}</h4>
          <ul className={styles.list}>
            {report.problems.map((problem, index) => (
              <li key={`${problem.name}-${index}`} className={styles.item}>
                <span className={styles.name}>{problem.name}</span>
                {problem.municipalityName ? ` (${problem.municipalityName})` : ''}
                {' – '}
                <span className={styles.state}>{stateLabel[problem.state]}</span>
                {problem.reasonText ? `: ${problem.reasonText}` : ''}
              </li>
            ))}
          </ul>
          {report.problemsTotal > report.problemsListed && (
            <p className={styles.muted}>
              {format(t.more, { count: report.problemsTotal - report.problemsListed })}
            </p>
          )}
        </>
      )}
      {(report.retriable > 0 || notice) && (
        <div className={styles.actions}>
          {report.retriable > 0 && (
            <Button onClick={retry} disabled={busy}>
              {format(t.retry, { count: report.retriable })}
            </Button>
          )}
          {notice && (
            <MessageBar intent="info">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </section>
  );
}
