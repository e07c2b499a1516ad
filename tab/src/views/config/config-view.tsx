import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';

const messages = defineMessages({
  fi: {
    heading: 'Lisää Digiverkoston ohjelma',
    body: 'Välilehti näyttää verkoston ohjelman jokaiselle kanavan jäsenelle hänen omalla kielellään ja omien roolien mukaan. Valitse Tallenna lisätäksesi välilehden.',
    outside:
      'Tämä sivu on Teamsin välilehden asetussivu. Avaa se lisäämällä Digiverkosto kanavan välilehdeksi.',
    name: 'Ohjelma',
  },
  sv: {
    heading: 'Lägg till Digiverkostos program',
    body: 'Fliken visar nätverkets program för varje kanalmedlem på hens eget språk och enligt hens roller. Välj Spara för att lägga till fliken.',
    outside:
      'Den här sidan är inställningssidan för en flik i Teams. Öppna den genom att lägga till Digiverkosto som flik i en kanal.',
    name: 'Program',
  },
  en: {
    heading: "Add Digiverkosto's programme",
    body: "The tab shows the network's programme to each channel member in their own language and for their roles. Choose Save to add the tab.",
    outside:
      'This page is the settings page of a Teams tab. Open it by adding Digiverkosto as a tab in a channel.',
    name: 'Programme',
  },
});

const useStyles = makeStyles({
  card: {
    maxWidth: '640px',
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast; this border is transparent elsewhere and drawn there.
    border: `1px solid ${tokens.colorTransparentStroke}`,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeBase600, fontWeight: 600 },
});

/** The configurable tab's settings page: saving adds the programme view to the channel. */
export default function ConfigView() {
  const styles = useStyles();
  const t = useMessages(messages);
  const { host } = useSession();
  const contentUrl = `${window.location.origin}/tab/#/programme`;
  useEffect(() => {
    host.configurePage?.({ contentUrl, entityId: 'programme', suggestedDisplayName: t.name });
  }, [host, contentUrl, t.name]);
  return (
    <section className={styles.card} aria-labelledby="config-heading">
      <h1 id="config-heading" className={styles.heading}>
        {t.heading}
      </h1>
      <p>{host.kind === 'teams' ? t.body : t.outside}</p>
    </section>
  );
}
