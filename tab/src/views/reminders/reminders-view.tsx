import { Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { ProgrammeResponse } from '../../../../bot/src/shared/contracts';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, useLanguage, useMessages } from '../../i18n';
import { runAction, useApi, useApiData } from '../../session';
import { useTableStyles } from '../coordinator/styles';
import { AbsencesPanel } from './absences-panel';
import { NetworkTeamPanel } from './network-team-panel';
import type { RemindersResponse, ReminderSpec } from './reminder-model';
import { ReminderPlanPanel } from './reminder-plan-panel';
import { ReminderPreviewPanel } from './reminder-preview-panel';
import { SentRemindersPanel } from './sent-reminders-panel';

const messages = defineMessages({
  fi: {
    heading: 'Muistutukset',
    intro:
      'Tapahtumien muistutukset kanavaan ja henkilökohtaisesti, toimitusten tila ja poissaoloilmoitukset.',
    event: 'Tapahtuma',
    chooseEvent: 'Valitse tapahtuma',
    saved: 'Suunnitelma tallennettu.',
  },
  sv: {
    heading: 'Påminnelser',
    intro: 'Påminnelser om evenemang i kanalen och personligen, leveransstatus och frånvaroanmälningar.',
    event: 'Evenemang',
    chooseEvent: 'Välj evenemang',
    saved: 'Planen har sparats.',
  },
  en: {
    heading: 'Reminders',
    intro: 'Event reminders in the channel and in personal chat, delivery status and absence notices.',
    event: 'Event',
    chooseEvent: 'Choose an event',
    saved: 'The plan was saved.',
  },
});

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
      {events.data?.round && <NetworkTeamPanel roundId={events.data.round.id} />}
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

/** One event's panels; the plan draft, notices and failures live here, shared by the panels. */
function EventReminders({ eventId }: { readonly eventId: string }) {
  const t = useMessages(messages);
  const api = useApi();
  const path = `/api/events/${encodeURIComponent(eventId)}`;
  const [draft, setDraft] = useState<ReminderSpec[]>();
  const [etag, setEtag] = useState<string | null>(null);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<Error>();

  const reminders = useApiData(async () => {
    const response = await api.getVersioned<RemindersResponse>(`${path}/reminders`);
    setEtag(response.etag);
    setDraft([...response.data.plan.reminders]);
    return response.data;
  }, [api, path]);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setFailure(undefined);
    setNotice(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const savePlan = (plan: ReminderSpec[] | null) =>
    run(async () => {
      await api.put(`${path}/reminders`, { reminders: plan }, etag ? { ifMatch: etag } : {});
      setNotice(t.saved);
      reminders.reload();
    });

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
        <ReminderPlanPanel
          custom={reminders.data.plan.custom}
          draft={draft}
          setDraft={setDraft}
          onSave={(plan) => runAction(() => savePlan(plan), setFailure)}
        />
      )}
      {reminders.data && <SentRemindersPanel reminders={reminders.data.reminders} />}
      <ReminderPreviewPanel
        eventId={eventId}
        plan={reminders.data?.plan.reminders ?? []}
        run={run}
        notify={(text) => {
          setNotice(text);
          reminders.reload();
        }}
      />
      <AbsencesPanel eventId={eventId} />
    </>
  );
}
