import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { defineMessages, format, useLanguage, useMessages, type Language } from '../../i18n';
import { useApi } from '../../session';
import { useTableStyles } from '../coordinator/styles';

interface PreviewResponse {
  readonly card: unknown;
}

const messages = defineMessages({
  fi: {
    channel: 'Kanavaan',
    personal: 'Henkilökohtaisesti',
    preview: 'Esikatselu',
    language: 'Kieli',
    showPreview: 'Näytä esikatselu',
    sendNow: 'Lähetä nyt',
    sendNowConfirm: 'Lähetetäänkö muistutus nyt valituille vastaanottajille?',
    confirm: 'Kyllä, lähetä',
    queued: 'Muistutus lähetetään ({count} viestiä jonossa).',
  },
  sv: {
    channel: 'I kanalen',
    personal: 'Personligen',
    preview: 'Förhandsvisning',
    language: 'Språk',
    showPreview: 'Visa förhandsvisning',
    sendNow: 'Skicka nu',
    sendNowConfirm: 'Ska påminnelsen skickas nu till de valda mottagarna?',
    confirm: 'Ja, skicka',
    queued: 'Påminnelsen skickas ({count} meddelanden i kö).',
  },
  en: {
    channel: 'In the channel',
    personal: 'Personally',
    preview: 'Preview',
    language: 'Language',
    showPreview: 'Show preview',
    sendNow: 'Send now',
    sendNowConfirm: 'Send the reminder now to the chosen recipients?',
    confirm: 'Yes, send',
    queued: 'The reminder is being sent ({count} messages queued).',
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

/** The reminder card in a chosen language, and "send now" to the channel and/or personally. */
export function ReminderPreviewPanel({
  eventId,
  offset,
  run,
  notify,
}: {
  readonly eventId: string;
  /** The reminder the preview shows (as it reads at that reminder's time); none for "now". */
  readonly offset: string | undefined;
  /** Runs an API call, showing its failure above the panels. */
  readonly run: (work: () => Promise<void>) => Promise<void>;
  /** Shows a success notice above the panels and reloads what was sent. */
  readonly notify: (text: string) => void;
}) {
  const styles = useTableStyles();
  const own = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const path = `/api/events/${encodeURIComponent(eventId)}`;
  const [previewLanguage, setPreviewLanguage] = useState<Language>(language);
  const [preview, setPreview] = useState<string[]>();
  const [audience, setAudience] = useState({ channel: true, personal: true });
  const [confirming, setConfirming] = useState(false);

  const showPreview = () =>
    run(async () => {
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
      notify(format(t.queued, { count: response.data.accepted }));
    });

  return (
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
        <Button onClick={() => void showPreview()}>{t.showPreview}</Button>
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
            <Button appearance="primary" onClick={() => void sendNow()}>
              {t.confirm}
            </Button>
          </>
        )}
      </div>
    </section>
  );
}
