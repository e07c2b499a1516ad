import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SendReachView } from '../../../bot/src/delivery/delivery-contracts';
import { defineMessages, format, useMessages } from '../i18n';
import { AdaptiveCardPreview } from './adaptive-card-preview';

const messages = defineMessages({
  fi: {
    toChannel: 'verkoston tiimin kanavalle',
    toChannels: '{count} tiimin kanavalle',
    toPeople: 'henkilökohtaisesti {count} osallistujalle',
    toPerson: 'henkilökohtaisesti 1 osallistujalle',
    summary: 'Viesti lähetetään {targets}.',
    and: ' ja ',
    nobody: 'Valinnoilla viesti ei tavoittaisi ketään, joten mitään ei lähetetä.',
    noChannel:
      'Kanavaviestiä ei voi lähettää: sovellusta ei ole lisätty verkoston tiimiin, tai se on useassa tiimissä eikä verkoston tiimiä ole valittu. Tarkista kohta Muistutukset → Verkoston tiimi.',
    undo: 'Lähetettyä viestiä ei voi perua.',
    send: 'Lähetä',
    cancel: 'Peruuta',
    sending: 'Lähetetään…',
    preview: 'Esikatselu',
  },
  sv: {
    toChannel: 'till nätverksteamets kanal',
    toChannels: 'till {count} teamkanaler',
    toPeople: 'personligen till {count} deltagare',
    toPerson: 'personligen till 1 deltagare',
    summary: 'Meddelandet skickas {targets}.',
    and: ' och ',
    nobody: 'Med de här valen skulle meddelandet inte nå någon, så ingenting skickas.',
    noChannel:
      'Inget kanalmeddelande kan skickas: appen har inte lagts till i nätverkets team, eller den finns i flera team och nätverkets team har inte valts. Se Påminnelser → Nätverkets team.',
    undo: 'Ett skickat meddelande kan inte tas tillbaka.',
    send: 'Skicka',
    cancel: 'Avbryt',
    sending: 'Skickas…',
    preview: 'Förhandsvisning',
  },
  en: {
    toChannel: "to the network team's channel",
    toChannels: 'to {count} team channels',
    toPeople: 'personally to {count} participants',
    toPerson: 'personally to 1 participant',
    summary: 'The message goes {targets}.',
    and: ' and ',
    nobody: 'With these choices the message would reach nobody, so nothing is sent.',
    noChannel:
      "No channel message can be sent: the app has not been added to the network's team, or it is in several teams and the network's team has not been chosen. See Reminders → The network's team.",
    undo: 'A message that has been sent cannot be taken back.',
    send: 'Send',
    cancel: 'Cancel',
    sending: 'Sending…',
    preview: 'Preview',
  },
});

const useStyles = makeStyles({
  surface: { maxWidth: '640px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: { margin: 0, fontSize: tokens.fontSizeBase400 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** One card to preview, under a tab of its own (the channel post, the personal message, a language). */
export interface SendPreview {
  readonly label: string;
  readonly card: unknown;
}

/**
 * The one confirmation before any send to many people (a poll, a reminder, invitations, or a new
 * feature's message): to whom and how many, the cards as Teams will show them, and Send / Cancel.
 * Nothing is sent until Send; Escape and Cancel close it with nothing sent.
 */
export function ConfirmSendDialog({
  open,
  title,
  reach,
  channelWanted,
  previews,
  note,
  onSend,
  onClose,
}: {
  readonly open: boolean;
  readonly title: string;
  /** Who the send would reach with the choices made. */
  readonly reach: SendReachView;
  /** True when a channel post was chosen (so a missing channel is worth a warning). */
  readonly channelWanted: boolean;
  readonly previews: readonly SendPreview[];
  /** A line of the feature's own (e.g. "the invitations have been sent once already"). */
  readonly note?: string;
  readonly onSend: () => Promise<void>;
  readonly onClose: () => void;
}) {
  const styles = useStyles();
  const t = useMessages(messages);
  const [tab, setTab] = useState(0);
  const [busy, setBusy] = useState(false);
  const targets = [
    reach.channels === 1
      ? t.toChannel
      : reach.channels > 1
        ? format(t.toChannels, { count: reach.channels })
        : '',
    reach.people === 1 ? t.toPerson : reach.people > 1 ? format(t.toPeople, { count: reach.people }) : '',
  ].filter((part) => part !== '');
  const nobody = targets.length === 0;
  const shown = previews[Math.min(tab, previews.length - 1)];
  const send = (): void => {
    setBusy(true);
    // The feature shows its own errors; the dialog only stops waiting.
    onSend().then(
      () => setBusy(false),
      () => setBusy(false),
    );
  };
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, data) => (!data.open && !busy ? onClose() : undefined)}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.summary} data-send-summary="">
              {nobody ? t.nobody : format(t.summary, { targets: targets.join(t.and) })}
            </p>
            {channelWanted && reach.channels === 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t.noChannel}</MessageBarBody>
              </MessageBar>
            )}
            {note && <p className={styles.muted}>{note}</p>}
            {previews.length > 1 && (
              <TabList
                selectedValue={String(tab)}
                onTabSelect={(_, data) => setTab(Number(data.value))}
                aria-label={t.preview}
              >
                {previews.map((preview, index) => (
                  <Tab key={preview.label} value={String(index)}>
                    {preview.label}
                  </Tab>
                ))}
              </TabList>
            )}
            {shown && (
              <AdaptiveCardPreview key={tab} card={shown.card} label={`${t.preview}: ${shown.label}`} />
            )}
            {!nobody && <p className={styles.muted}>{t.undo}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={nobody || busy} onClick={send}>
              {busy ? <Spinner size="tiny" label={t.sending} /> : t.send}
            </Button>
            <Button disabled={busy} onClick={onClose}>
              {t.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
