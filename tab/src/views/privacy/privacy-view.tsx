import type { AboutResponse } from '../../../../bot/src/shared/contracts';
import { format, useLanguage, type Language } from '../../i18n';
import { useApi, useApiData } from '../../session';
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
          'Din kommun och dina roller i nätverket (till exempel ledningsgrupp, förman eller förtroendevald).',
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
          'Du kan be att få se, rätta eller radera dina uppgifter. Skriv ”omat tietoni” till botten för att se vad som har sparats om dig, eller kontakta nätverkets koordinatorer. Du kan också lämna in klagomål till dataombudsmannen.',
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
          "You can ask to see, correct or delete your data. Write “omat tietoni” (my data) to the bot to see what is stored about you, or contact the network's coordinators. You can also lodge a complaint with the Data Protection Ombudsman.",
        ],
      },
    ],
  },
};

/** The privacy notice; public, as the Teams manifest links to it. */
export default function PrivacyView() {
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
    />
  );
}
