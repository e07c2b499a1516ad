import type { AboutResponse } from '../../../../bot/src/shared/contracts';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { defineMessages, format, useLanguage, useMessages, type Language } from '../../i18n';
import { useApi, useApiData, useSession } from '../../session';
import type { TabViewProps } from '../registry';
import { Document, type DocumentSection } from '../document';

const DEFAULT_RETENTION_MONTHS = 12;

interface PrivacyText {
  readonly heading: string;
  readonly intro: string;
  readonly sections: readonly DocumentSection[];
}

/** Written for participants, not lawyers: what is stored, why, who sees it, how long, your rights. */
const TEXT: Record<Language, PrivacyText> = {
  fi: {
    heading: 'Tietosuoja',
    intro:
      'Digiverkosto-sovellus palvelee Kuntaliiton ja FCG:n Digiverkostohanketta Microsoft Teamsissa. Tällä sivulla kerrotaan, mitä tietoja sinusta tallennetaan, miksi ja kuinka pitkään.',
    sections: [
      {
        heading: 'Mitä tallennetaan',
        items: [
          'Nimesi ja sähköpostiosoitteesi sekä Teamsin tunnisteet, joilla sovellus voi lähettää sinulle viestejä.',
          'Kuntasi ja roolisi verkostossa (esimerkiksi johtoryhmä, esihenkilö tai luottamushenkilö).',
          'Valitsemasi asiointikieli.',
          'Vastauksesi aihetoivekyselyihin ja muihin verkoston kyselyihin.',
          'Ilmoittautumisesi ja osallistumisvastauksesi tapahtumiin ja vertaisryhmiin.',
        ],
      },
      {
        heading: 'Miksi',
        paragraphs: [
          'Tietoja käytetään vain verkoston ohjelman toteuttamiseen: näytämme sinulle sinua koskevat tapahtumat, muistutamme ennakkotehtävistä, kokoamme vertaisryhmät, huolehdimme kuntakohtaisista osallistujamääristä ja suunnittelemme yhteiset sisällöt toiveidenne pohjalta.',
          'Tietoja ei käytetä mainontaan eikä luovuteta verkoston ulkopuolelle. Sovellus ei käytä seurantaevästeitä.',
        ],
      },
      {
        heading: 'Kuka näkee tiedot',
        paragraphs: [
          'Verkoston koordinaattorit Kuntaliitossa ja FCG:ssä näkevät osallistujaluettelon ja kyselyvastaukset. Kyselyvastaukset voivat olla arkaluonteisia, joten älä kirjoita avoimiin vastauksiin terveystietoja tai muita erityisiä henkilötietoja.',
          'Tiedot säilytetään Microsoftin pilvipalvelussa (Azure ja Teams).',
        ],
      },
      {
        heading: 'Kuinka pitkään',
        paragraphs: [
          'Tiedot säilytetään verkoston kierroksen ajan ja {months} kuukautta kierroksen päättymisen jälkeen, minkä jälkeen ne poistetaan.',
        ],
      },
      {
        heading: 'Oikeutesi',
        paragraphs: [
          'Voit pyytää nähdä, korjata tai poistaa tietosi. Kirjoita botille ”omat tietoni” nähdäksesi, mitä sinusta on tallennettu, tai ota yhteyttä verkoston koordinaattoreihin. Voit myös tehdä valituksen tietosuojavaltuutetulle.',
        ],
      },
    ],
  },
  sv: {
    heading: 'Dataskydd',
    intro:
      'Appen Digiverkosto betjänar Kommunförbundets och FCG:s Digiverkosto-projekt i Microsoft Teams. Här berättar vi vilka uppgifter om dig som sparas, varför och hur länge.',
    sections: [
      {
        heading: 'Vad som sparas',
        items: [
          'Ditt namn och din e-postadress samt Teams-identifierare som appen behöver för att skicka meddelanden till dig.',
          'Din kommun och dina roller i nätverket (till exempel ledningsgrupp, chef eller förtroendevald).',
          'Det språk du har valt.',
          'Dina svar på enkäter om ämnesönskemål och andra enkäter i nätverket.',
          'Dina anmälningar och svar om deltagande i evenemang och kamratgrupper.',
        ],
      },
      {
        heading: 'Varför',
        paragraphs: [
          'Uppgifterna används bara för att genomföra nätverkets program: vi visar de evenemang som gäller dig, påminner om förhandsuppgifter, bildar kamratgrupper, håller koll på antalet deltagare per kommun och planerar det gemensamma innehållet utifrån era önskemål.',
          'Uppgifterna används inte för reklam och lämnas inte ut utanför nätverket. Appen använder inga spårningskakor.',
        ],
      },
      {
        heading: 'Vem som ser uppgifterna',
        paragraphs: [
          'Nätverkets koordinatorer på Kommunförbundet och FCG ser deltagarförteckningen och enkätsvaren. Enkätsvar kan vara känsliga, så skriv inte hälsouppgifter eller andra särskilda personuppgifter i öppna svar.',
          'Uppgifterna förvaras i Microsofts molntjänst (Azure och Teams).',
        ],
      },
      {
        heading: 'Hur länge',
        paragraphs: [
          'Uppgifterna sparas under nätverkets omgång och {months} månader efter att omgången har avslutats. Därefter raderas de.',
        ],
      },
      {
        heading: 'Dina rättigheter',
        paragraphs: [
          'Du kan be att få se, rätta eller radera dina uppgifter. Skriv ”mina uppgifter” till botten för att se vad som har sparats om dig, eller kontakta nätverkets koordinatorer. Du kan också lämna in klagomål till dataombudsmannen.',
        ],
      },
    ],
  },
  en: {
    heading: 'Privacy',
    intro:
      'The Digiverkosto app serves the Digiverkosto network project of the Association of Finnish Municipalities (Kuntaliitto) and FCG in Microsoft Teams. This page explains what is stored about you, why, and for how long.',
    sections: [
      {
        heading: 'What is stored',
        items: [
          'Your name and email address, and the Teams identifiers the app needs to send you messages.',
          'Your municipality and your roles in the network (for example leadership team, supervisor or elected official).',
          'The language you chose.',
          "Your answers to topic-wish polls and the network's other polls.",
          'Your registrations and attendance answers (RSVPs) for events and peer groups.',
        ],
      },
      {
        heading: 'Why',
        paragraphs: [
          "The data is used only to run the network's programme: to show you the events that concern you, remind you of pre-assignments, form peer groups, keep to the per-municipality participant limits and plan the shared content from your wishes.",
          'The data is not used for advertising and is not given to anyone outside the network. The app uses no tracking cookies.',
        ],
      },
      {
        heading: 'Who sees the data',
        paragraphs: [
          "The network's coordinators at Kuntaliitto and FCG see the participant list and poll answers. Poll answers may be sensitive, so do not write health data or other special categories of personal data in free-text answers.",
          "The data is kept in Microsoft's cloud services (Azure and Teams).",
        ],
      },
      {
        heading: 'For how long',
        paragraphs: [
          "The data is kept for the network's round and {months} months after the round ends, and then deleted.",
        ],
      },
      {
        heading: 'Your rights',
        paragraphs: [
          "You can ask to see, correct or delete your data. Write “my data” to the bot to see what is stored about you, or contact the network's coordinators. You can also lodge a complaint with the Data Protection Ombudsman.",
        ],
      },
    ],
  },
};

const ownData = defineMessages({
  fi: {
    heading: 'Omat tietosi',
    text: 'Lataa kaikki, mitä Digiverkosto on sinusta tallentanut, yhtenä JSON-tiedostona: profiilisi, kyselyvastauksesi, vastauksesi kutsuihin ja muistutukset.',
    download: 'Lataa tietoni (JSON)',
    downloading: 'Ladataan…',
    downloaded: 'Tietosi on ladattu tiedostoon {file}.',
    failed: 'Tietoja ei saatu ladattua. Yritä hetken kuluttua uudelleen.',
    signIn: 'Avaa Digiverkosto Teamsissa, niin voit ladata tietosi täältä.',
    erase: 'Tietojesi poistaminen: kirjoita botille ”omat tietoni” ja valitse Poista tietoni.',
  },
  sv: {
    heading: 'Dina uppgifter',
    text: 'Ladda ner allt som Digiverkosto har sparat om dig som en JSON-fil: din profil, dina enkätsvar, dina svar på inbjudningar och påminnelserna.',
    download: 'Ladda ner mina uppgifter (JSON)',
    downloading: 'Laddar ner…',
    downloaded: 'Dina uppgifter har laddats ner till filen {file}.',
    failed: 'Uppgifterna kunde inte laddas ner. Försök igen om en stund.',
    signIn: 'Öppna Digiverkosto i Teams så kan du ladda ner dina uppgifter här.',
    erase: 'Radera dina uppgifter: skriv ”mina uppgifter” till botten och välj Radera mina uppgifter.',
  },
  en: {
    heading: 'Your data',
    text: 'Download everything Digiverkosto has stored about you as one JSON file: your profile, your poll answers, your replies to invitations and the reminders.',
    download: 'Download my data (JSON)',
    downloading: 'Downloading…',
    downloaded: 'Your data has been downloaded to the file {file}.',
    failed: 'The data could not be downloaded. Try again in a moment.',
    signIn: 'Open Digiverkosto in Teams to download your data here.',
    erase: 'To erase your data, write “my data” to the bot and choose Erase my data.',
  },
});

const FILE_NAME = 'digiverkosto-omat-tiedot.json';

const useStyles = makeStyles({
  ownData: {
    marginTop: tokens.spacingVerticalXXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase500, fontWeight: 600 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/**
 * "Lataa tietoni": the export of everything stored about the signed-in person, fetched with their
 * token and saved as a file. The bot's "omat tietoni" card links here (`#/privacy/my-data`).
 */
function OwnData({ focus }: { readonly focus: boolean }) {
  const styles = useStyles();
  const t = useMessages(ownData);
  const { api, me, announce } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const download = (): void => {
    setState('busy');
    api
      .blob('/api/me/data')
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = FILE_NAME;
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
        setState('done');
        announce(format(t.downloaded, { file: FILE_NAME }));
      })
      .catch(() => setState('failed'));
  };
  return (
    <section id="my-data" className={styles.ownData} aria-labelledby="my-data-heading">
      <h2 id="my-data-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {t.heading}
      </h2>
      {me ? (
        <>
          <p>{t.text}</p>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<ArrowDownloadRegular />}
              disabled={state === 'busy'}
              onClick={download}
            >
              {state === 'busy' ? t.downloading : t.download}
            </Button>
            {state === 'done' && <span role="status">{format(t.downloaded, { file: FILE_NAME })}</span>}
          </div>
          {state === 'failed' && (
            <MessageBar intent="error">
              <MessageBarBody>{t.failed}</MessageBarBody>
            </MessageBar>
          )}
          <p>{t.erase}</p>
        </>
      ) : (
        <p>{t.signIn}</p>
      )}
    </section>
  );
}

/** The privacy notice; public, as the Teams manifest links to it. */
export default function PrivacyView({ path }: TabViewProps) {
  const { language } = useLanguage();
  const api = useApi();
  const about = useApiData(() => api.get<AboutResponse>('/api/about'), [api]);
  const months = about.status === 'ready' ? about.data.retentionMonths : DEFAULT_RETENTION_MONTHS;
  const text = TEXT[language];
  const fill = (value: string): string => format(value, { months });
  return (
    <Document
      heading={text.heading}
      intro={text.intro}
      sections={text.sections.map((section) => ({
        heading: section.heading,
        ...(section.paragraphs ? { paragraphs: section.paragraphs.map(fill) } : {}),
        ...(section.items ? { items: section.items.map(fill) } : {}),
      }))}
    >
      <OwnData focus={path[0] === 'my-data'} />
    </Document>
  );
}
