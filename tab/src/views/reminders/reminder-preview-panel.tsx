import {
  Button,
  Checkbox,
  Field,
  Select,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { AdaptiveCardPreview } from '../../components/adaptive-card-preview';
import { ConfirmSendDialog } from '../../components/confirm-send-dialog';
import { DeliveryReport } from '../../components/delivery-report';
import { ErrorMessage, Loading } from '../../components/status';
import { helsinkiText } from '../../helsinki-time';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  defineMessages,
  format,
  useLanguage,
  useMessages,
  type Language,
} from '../../i18n';
import { runAction, useApi } from '../../session';
import { useTableStyles } from '../coordinator/styles';
import { useOffsetLabel, type ReminderPreviewResponse, type ReminderSpec } from './reminder-model';

const messages = defineMessages({
  fi: {
    preview: 'Esikatselu ja lähetys nyt',
    which: 'Mikä muistutus',
    now: 'Nyt lähetettävä muistutus',
    writtenAt: 'Kortti sellaisena kuin se lähtee {when}.',
    language: 'Kieli',
    channel: 'Kanavaan',
    personal: 'Henkilökohtaisesti',
    sendNow: 'Lähetä muistutus nyt…',
    confirmTitle: 'Lähetetäänkö muistutus nyt?',
    channelCard: 'Kanavaan (suomeksi)',
    queued: 'Muistutus on lähetetty jonoon: {count} viestiä.',
    report: 'Juuri lähetetyn muistutuksen toimitus',
  },
  sv: {
    preview: 'Förhandsvisning och sändning nu',
    which: 'Vilken påminnelse',
    now: 'Påminnelsen som skickas nu',
    writtenAt: 'Kortet som det ser ut när det skickas {when}.',
    language: 'Språk',
    channel: 'I kanalen',
    personal: 'Personligen',
    sendNow: 'Skicka påminnelsen nu…',
    confirmTitle: 'Ska påminnelsen skickas nu?',
    channelCard: 'I kanalen (på finska)',
    queued: 'Påminnelsen har lagts i kö: {count} meddelanden.',
    report: 'Leveransen av påminnelsen som nyss skickades',
  },
  en: {
    preview: 'Preview and send now',
    which: 'Which reminder',
    now: 'The reminder sent now',
    writtenAt: 'The card as it goes out {when}.',
    language: 'Language',
    channel: 'In the channel',
    personal: 'Personally',
    sendNow: 'Send the reminder now…',
    confirmTitle: 'Send the reminder now?',
    channelCard: 'In the channel (in Finnish)',
    queued: 'The reminder has been queued: {count} messages.',
    report: 'Delivery of the reminder just sent',
  },
});

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginTop: tokens.spacingVerticalM,
  },
  note: { margin: `${tokens.spacingVerticalS} 0`, color: tokens.colorNeutralForeground2 },
  report: { marginTop: tokens.spacingVerticalM },
});

/**
 * The reminder card as Teams will show it, for any reminder of the plan or for one sent now (as
 * it reads at that moment), in each language; and "send now", which first says to whom and how
 * many and shows the cards, then reports how the sending goes.
 */
export function ReminderPreviewPanel({
  eventId,
  plan,
  run,
  notify,
}: {
  readonly eventId: string;
  /** The plan's reminders, to preview any of them as it will read when due. */
  readonly plan: readonly ReminderSpec[];
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
  const offsetLabel = useOffsetLabel();
  const path = `/api/events/${encodeURIComponent(eventId)}`;
  const [offset, setOffset] = useState('');
  const [previewLanguage, setPreviewLanguage] = useState<Language>(language);
  const [preview, setPreview] = useState<ReminderPreviewResponse>();
  const [failure, setFailure] = useState<Error>();
  const [audience, setAudience] = useState({ channel: true, personal: true });
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<string>();

  useEffect(() => {
    let current = true;
    setPreview(undefined);
    setFailure(undefined);
    api
      .post<ReminderPreviewResponse>(`${path}/reminders/preview`, {
        language: previewLanguage,
        ...(offset ? { offset } : {}),
      })
      .then(({ data }) => {
        if (current) setPreview(data);
      })
      .catch((error: unknown) => {
        if (current) setFailure(error instanceof Error ? error : new Error(String(error)));
      });
    return () => {
      current = false;
    };
  }, [api, path, offset, previewLanguage]);

  const sendNow = () =>
    run(async () => {
      const response = await api.post<{ deliveryId: string; accepted: number }>(
        `${path}/reminders/send-now`,
        {
          ...audience,
          requestId: crypto.randomUUID(),
        },
      );
      setConfirming(false);
      setSent(response.data.deliveryId);
      notify(format(t.queued, { count: response.data.accepted }));
    });

  // The "send now" preview: the card of this moment, whatever reminder is chosen above.
  const [nowPreview, setNowPreview] = useState<ReminderPreviewResponse>();
  const openConfirmation = () =>
    run(async () => {
      const response = await api.post<ReminderPreviewResponse>(`${path}/reminders/preview`, { language });
      setNowPreview(response.data);
      setConfirming(true);
    });

  const card = preview?.cards[previewLanguage];
  return (
    <section className={styles.section} aria-labelledby="preview-heading">
      <h2 id="preview-heading" className={styles.sectionHeading}>
        {t.preview}
      </h2>
      <div className={own.row}>
        <Field label={t.which}>
          <Select value={offset} onChange={(_event, data) => setOffset(data.value)}>
            <option value="">{t.now}</option>
            {plan.map((spec) => (
              <option key={spec.offset} value={spec.offset}>
                {offsetLabel(spec.offset)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <TabList
        selectedValue={previewLanguage}
        onTabSelect={(_event, data) => setPreviewLanguage(data.value as Language)}
        aria-label={t.language}
      >
        {LANGUAGES.map((option) => (
          <Tab key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </Tab>
        ))}
      </TabList>
      {failure && <ErrorMessage error={failure} />}
      {!preview && !failure && <Loading />}
      {preview && (
        <p className={own.note} data-preview-time="">
          {format(t.writtenAt, { when: helsinkiText(preview.sentAt, language) })}
        </p>
      )}
      {card !== undefined && <AdaptiveCardPreview key={`${offset}-${previewLanguage}`} card={card} />}
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
        <Button
          appearance="primary"
          disabled={!audience.channel && !audience.personal}
          onClick={() => runAction(openConfirmation, setFailure)}
        >
          {t.sendNow}
        </Button>
      </div>
      {nowPreview && (
        <ConfirmSendDialog
          open={confirming}
          title={t.confirmTitle}
          reach={{
            channels: audience.channel ? nowPreview.reach.channels : 0,
            people: audience.personal ? nowPreview.reach.people : 0,
          }}
          channelWanted={audience.channel}
          previews={[
            ...(audience.channel ? [{ label: t.channelCard, card: nowPreview.cards.fi }] : []),
            ...(audience.personal
              ? LANGUAGES.map((option) => ({
                  label: `${t.personal} (${LANGUAGE_NAMES[option]})`,
                  card: nowPreview.cards[option],
                }))
              : []),
          ]}
          onSend={sendNow}
          onClose={() => setConfirming(false)}
        />
      )}
      {sent && (
        <div className={own.report}>
          <h3 className={styles.sectionHeading}>{t.report}</h3>
          <DeliveryReport deliveryId={sent} />
        </div>
      )}
    </section>
  );
}
