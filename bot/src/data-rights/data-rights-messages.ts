import type { Language } from '../shared/i18n/language';

/** Texts of `omat tietoni` / `mina uppgifter` / `my data` and erasure. */
export interface DataRightsMessages {
  readonly title: string;
  readonly intro: string;
  readonly name: string;
  readonly email: string;
  readonly municipality: string;
  readonly roles: string;
  readonly language: string;
  readonly languageFollowsTeams: string;
  readonly coordinator: string;
  readonly notKnown: string;
  readonly elsewhere: string;
  readonly retention: (months: number) => string;
  readonly download: string;
  readonly erase: string;
  readonly confirmTitle: string;
  readonly confirmBody: string;
  readonly confirmYes: string;
  readonly confirmNo: string;
  readonly erased: string;
  readonly cancelled: string;
}

export const DATA_RIGHTS_MESSAGES: Record<Language, DataRightsMessages> = {
  fi: {
    title: 'Omat tietoni',
    intro: 'Digiverkosto on tallentanut sinusta nämä tiedot:',
    name: 'Nimi',
    email: 'Sähköposti',
    municipality: 'Kunta',
    roles: 'Roolit',
    language: 'Asiointikieli',
    languageFollowsTeams: 'Teamsin kieli',
    coordinator: 'Koordinaattori',
    notKnown: '–',
    elsewhere:
      'Lisäksi tallessa ovat kyselyvastauksesi, osallistumisvastauksesi ja sinulle lähetetyt muistutukset. Voit ladata kaikki tietosi Digiverkosto-välilehden tietosuojasivulta.',
    retention: (months) => `Tiedot poistetaan ${months} kuukauden kuluttua kierroksen päättymisestä.`,
    download: 'Lataa tietoni (JSON)',
    erase: 'Poista tietoni',
    confirmTitle: 'Poistetaanko tietosi?',
    confirmBody:
      'Nimesi, yhteystietosi, roolisi, kyselyvastauksesi ja osallistumisvastauksesi poistetaan Digiverkostosta pysyvästi. Nimettömien kyselyjen yhteenlasketut määrät säilyvät, mutta niistä ei voi tunnistaa sinua. Poistoa ei voi perua.',
    confirmYes: 'Kyllä, poista',
    confirmNo: 'Peruuta',
    erased:
      'Tietosi on poistettu. Jos olet yhä verkoston tiimissä, Teams kertoo nimesi sovellukselle uudelleen; poistu tiimistä, jos et halua osallistua.',
    cancelled: 'Tietojasi ei poistettu.',
  },
  sv: {
    title: 'Mina uppgifter',
    intro: 'Digiverkosto har sparat följande uppgifter om dig:',
    name: 'Namn',
    email: 'E-post',
    municipality: 'Kommun',
    roles: 'Roller',
    language: 'Språk',
    languageFollowsTeams: 'Teams språk',
    coordinator: 'Koordinator',
    notKnown: '–',
    elsewhere:
      'Dessutom sparas dina enkätsvar, dina svar om deltagande och påminnelserna som skickats till dig. Du kan ladda ner alla dina uppgifter på dataskyddssidan på fliken Digiverkosto.',
    retention: (months) => `Uppgifterna raderas ${months} månader efter att omgången har avslutats.`,
    download: 'Ladda ner mina uppgifter (JSON)',
    erase: 'Radera mina uppgifter',
    confirmTitle: 'Radera dina uppgifter?',
    confirmBody:
      'Ditt namn, dina kontaktuppgifter, roller, enkätsvar och svar om deltagande raderas permanent ur Digiverkosto. De sammanräknade antalen i anonyma enkäter finns kvar, men du kan inte identifieras ur dem. Raderingen kan inte ångras.',
    confirmYes: 'Ja, radera',
    confirmNo: 'Avbryt',
    erased:
      'Dina uppgifter har raderats. Om du fortfarande är med i nätverkets team meddelar Teams ditt namn till appen igen; lämna teamet om du inte vill delta.',
    cancelled: 'Dina uppgifter raderades inte.',
  },
  en: {
    title: 'My data',
    intro: 'Digiverkosto has stored this about you:',
    name: 'Name',
    email: 'Email',
    municipality: 'Municipality',
    roles: 'Roles',
    language: 'Language',
    languageFollowsTeams: 'Teams language',
    coordinator: 'Coordinator',
    notKnown: '–',
    elsewhere:
      'Your poll answers, your replies to invitations and the reminders sent to you are also stored. You can download all of it on the privacy page of the Digiverkosto tab.',
    retention: (months) => `The data is deleted ${months} months after the round ends.`,
    download: 'Download my data (JSON)',
    erase: 'Erase my data',
    confirmTitle: 'Erase your data?',
    confirmBody:
      'Your name, contact details, roles, poll answers and replies to invitations are permanently removed from Digiverkosto. The totals of anonymous polls remain, but you cannot be identified from them. Erasure cannot be undone.',
    confirmYes: 'Yes, erase',
    confirmNo: 'Cancel',
    erased:
      'Your data has been erased. If you are still in the network’s team, Teams tells the app your name again; leave the team if you do not want to take part.',
    cancelled: 'Your data was not erased.',
  },
};
