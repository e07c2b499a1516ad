import { useLanguage, type Language } from '../../i18n';
import { Document, type DocumentSection } from '../document';

const TEXT: Record<Language, { heading: string; intro: string; sections: readonly DocumentSection[] }> = {
  fi: {
    heading: 'Käyttöehdot',
    intro:
      'Digiverkosto-sovellus on Digiverkostohankkeen osallistujien ja koordinaattoreiden työväline Microsoft Teamsissa.',
    sections: [
      {
        heading: 'Käyttö',
        items: [
          'Sovellusta saavat käyttää verkoston osallistujat ja koordinaattorit verkoston työhön.',
          'Kirjaudut Teams-tililläsi; organisaatiosi käyttöehdot ja Microsoftin ehdot koskevat myös tätä käyttöä.',
          'Kirjoita kyselyihin ja keskusteluihin asiallisesti ja muita kunnioittaen. Älä jaa toisten henkilötietoja.',
        ],
      },
      {
        heading: 'Palvelu',
        paragraphs: [
          'Ohjelman ajat ja paikat voivat muuttua; sovellus näyttää aina ajantasaisimmat tiedot, ja muutoksista ilmoitetaan botin viesteillä. Palvelu tarjotaan sellaisenaan, ja siinä voi olla katkoja.',
          'Henkilötietojen käsittelystä kerrotaan tietosuojasivulla.',
        ],
      },
    ],
  },
  sv: {
    heading: 'Användarvillkor',
    intro:
      'Appen Digiverkosto är ett arbetsverktyg i Microsoft Teams för Digiverkosto-projektets deltagare och koordinatorer.',
    sections: [
      {
        heading: 'Användning',
        items: [
          'Appen får användas av nätverkets deltagare och koordinatorer för nätverkets arbete.',
          'Du loggar in med ditt Teams-konto; din organisations och Microsofts villkor gäller också denna användning.',
          'Skriv sakligt och med respekt för andra i enkäter och diskussioner. Dela inte andras personuppgifter.',
        ],
      },
      {
        heading: 'Tjänsten',
        paragraphs: [
          'Programmets tider och platser kan ändras; appen visar alltid de senaste uppgifterna och ändringar meddelas av botten. Tjänsten tillhandahålls i befintligt skick och kan ha avbrott.',
          'Behandlingen av personuppgifter beskrivs på sidan om dataskydd.',
        ],
      },
    ],
  },
  en: {
    heading: 'Terms of use',
    intro:
      "The Digiverkosto app is a Microsoft Teams tool for the Digiverkosto network project's participants and coordinators.",
    sections: [
      {
        heading: 'Use',
        items: [
          "The app may be used by the network's participants and coordinators for the network's work.",
          "You sign in with your Teams account; your organisation's terms and Microsoft's terms apply to this use too.",
          "Write in polls and discussions in a matter-of-fact way and with respect for others. Do not share other people's personal data.",
        ],
      },
      {
        heading: 'The service',
        paragraphs: [
          'Programme times and places may change; the app always shows the latest details and the bot announces changes. The service is provided as is and may have interruptions.',
          'How personal data is handled is explained on the privacy page.',
        ],
      },
    ],
  },
};

/** The terms of use; public, as the Teams manifest links to them. */
export default function TermsView() {
  const text = TEXT[useLanguage().language];
  return <Document heading={text.heading} intro={text.intro} sections={text.sections} />;
}
