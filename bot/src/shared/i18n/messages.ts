import type { Language } from './language';

/**
 * Every sentence the bot says, per language. Finnish is the source; Swedish follows the terms
 * Kommunförbundet uses; English is the fallback for everyone else.
 */
export interface BotMessages {
  readonly languageName: string;
  readonly welcomeTitle: string;
  readonly welcomeAddedBy: (name: string) => string;
  readonly welcomeAddedByUnknown: string;
  readonly welcomeWhat: readonly string[];
  readonly welcomeHint: string;
  readonly introTitle: string;
  readonly introBody: string;
  readonly helpTitle: string;
  readonly helpIntro: string;
  readonly helpCommands: readonly { readonly command: string; readonly description: string }[];
  readonly helpFooter: string;
  readonly showSchedule: string;
  readonly openTab: string;
  readonly scheduleTitle: string;
  readonly scheduleEmpty: string;
  readonly scheduleOnline: string;
  readonly scheduleJoin: string;
  readonly scheduleQuota: (count: number) => string;
  readonly schedulePreAssignment: string;
  readonly scheduleMore: string;
  readonly languageTitle: string;
  readonly languagePrompt: string;
  readonly languageChanged: string;
  readonly languageInvalid: string;
  readonly unknownCommand: (text: string) => string;
  readonly unknownCardAction: string;
  readonly somethingWentWrong: string;
  readonly tooBusy: string;
}

export const MESSAGES: Record<Language, BotMessages> = {
  fi: {
    languageName: 'suomi',
    welcomeTitle: 'Tervetuloa Digiverkostoon!',
    welcomeAddedBy: (name) => `${name} lisäsi Digiverkosto-sovelluksen tähän tiimiin.`,
    welcomeAddedByUnknown: 'Digiverkosto-sovellus lisättiin tähän tiimiin.',
    welcomeWhat: [
      'Muistutan kehittämispajoista, ennakkotehtävistä ja johdon vertaiskeskusteluista.',
      'Kerään aihetoiveita kyselyillä, joihin vastaat suoraan Teamsissa.',
      'Lähetän ylimmän johdon pienryhmille kokouskutsut.',
      'Ohjelma ja vertaisryhmät näkyvät Digiverkosto-välilehdellä.',
    ],
    welcomeHint: 'Kirjoita **ohje**, niin näet kaikki komennot. Palvelen suomeksi, ruotsiksi ja englanniksi.',
    introTitle: 'Hei! Olen Digiverkoston botti.',
    introBody:
      'Muistutan verkoston tapahtumista, kysyn aihetoiveitasi ja tuon kokouskutsut. Kirjoita **ohjelma** nähdäksesi tulevat tapahtumat tai **ohje** nähdäksesi kaikki komennot.',
    helpTitle: 'Näin käytät Digiverkostoa',
    helpIntro: 'Kirjoita komento viestinä minulle:',
    helpCommands: [
      { command: 'ohjelma', description: 'tulevat tapahtumat ajankohtineen ja paikkoineen' },
      { command: 'toiveet', description: 'avoimet aihetoivekyselyt' },
      { command: 'ryhmäni', description: 'oma vertaisryhmäsi ja sen kokouskutsu' },
      { command: 'ilmoittaudu', description: 'ilmoittautuminen Kuntatalon tilaisuuksiin ja oma paikkasi' },
      { command: 'kieli', description: 'vaihda asiointikieli (suomi, svenska, English)' },
      { command: 'omat tietoni', description: 'mitä sinusta on tallennettu' },
      { command: 'ohje', description: 'tämä ohje' },
    ],
    helpFooter: 'Ajat ovat Suomen aikaa (Helsinki).',
    showSchedule: 'Näytä ohjelma',
    openTab: 'Avaa Digiverkosto-välilehti',
    scheduleTitle: 'Tulevat tapahtumat',
    scheduleEmpty: 'Tulevia tapahtumia ei ole juuri nyt.',
    scheduleOnline: 'Etätilaisuus',
    scheduleJoin: 'Liity',
    scheduleQuota: (count) => `Enintään ${count} osallistujaa kunnasta`,
    schedulePreAssignment: 'Ennakkotehtävä',
    scheduleMore: 'Koko ohjelma Digiverkosto-välilehdellä.',
    languageTitle: 'Asiointikieli',
    languagePrompt: 'Valitse kieli, jolla haluat viestit ja kortit:',
    languageChanged: 'Selvä! Palvelen sinua nyt suomeksi.',
    languageInvalid: 'Kieltä ei tunnistettu. Valitse suomi, svenska tai English.',
    unknownCommand: (text) =>
      `En tunnistanut viestiä ”${text}”. Kokeile **ohje**, **ohjelma**, **toiveet** tai **kieli**.`,
    unknownCardAction: 'Tämä kortti on vanhentunut. Kirjoita **ohje**, niin näet mitä voit tehdä.',
    somethingWentWrong:
      'Jotain meni vikaan, eikä pyyntöäsi käsitelty. Yritä hetken kuluttua uudelleen. Jos ongelma jatkuu, ota yhteyttä koordinaattoreihin.',
    tooBusy: 'Viestejä tulee nyt paljon. Odota hetki ja yritä uudelleen.',
  },
  sv: {
    languageName: 'svenska',
    welcomeTitle: 'Välkommen till Digiverkosto!',
    welcomeAddedBy: (name) => `${name} lade till appen Digiverkosto i det här teamet.`,
    welcomeAddedByUnknown: 'Appen Digiverkosto lades till i det här teamet.',
    welcomeWhat: [
      'Jag påminner om utvecklingsverkstäder, förhandsuppgifter och ledningens kamratsamtal.',
      'Jag samlar in ämnesönskemål med enkäter som du besvarar direkt i Teams.',
      'Jag skickar mötesinbjudningar till högsta ledningens smågrupper.',
      'Programmet och kamratgrupperna finns på fliken Digiverkosto.',
    ],
    welcomeHint: 'Skriv **hjälp** för att se alla kommandon. Jag betjänar på finska, svenska och engelska.',
    introTitle: 'Hej! Jag är Digiverkostos bot.',
    introBody:
      'Jag påminner om nätverkets evenemang, frågar om dina ämnesönskemål och skickar mötesinbjudningar. Skriv **program** för kommande evenemang eller **hjälp** för alla kommandon.',
    helpTitle: 'Så här använder du Digiverkosto',
    helpIntro: 'Skriv ett kommando som ett meddelande till mig:',
    helpCommands: [
      { command: 'program', description: 'kommande evenemang med tid och plats' },
      { command: 'önskemål', description: 'öppna enkäter om ämnesönskemål' },
      { command: 'min grupp', description: 'din kamratgrupp och dess mötesinbjudan' },
      { command: 'anmälan', description: 'anmälan till evenemangen i Kommunhuset och din plats' },
      { command: 'språk', description: 'byt språk (suomi, svenska, English)' },
      { command: 'mina uppgifter', description: 'vad som har sparats om dig' },
      { command: 'hjälp', description: 'den här hjälpen' },
    ],
    helpFooter: 'Tiderna anges i finsk tid (Helsingfors).',
    showSchedule: 'Visa programmet',
    openTab: 'Öppna fliken Digiverkosto',
    scheduleTitle: 'Kommande evenemang',
    scheduleEmpty: 'Det finns inga kommande evenemang just nu.',
    scheduleOnline: 'Distansevenemang',
    scheduleJoin: 'Delta',
    scheduleQuota: (count) => `Högst ${count} deltagare per kommun`,
    schedulePreAssignment: 'Förhandsuppgift',
    scheduleMore: 'Hela programmet finns på fliken Digiverkosto.',
    languageTitle: 'Språk',
    languagePrompt: 'Välj det språk du vill ha meddelanden och kort på:',
    languageChanged: 'Okej! Jag betjänar dig nu på svenska.',
    languageInvalid: 'Språket kändes inte igen. Välj suomi, svenska eller English.',
    unknownCommand: (text) =>
      `Jag förstod inte ”${text}”. Prova **hjälp**, **program**, **önskemål** eller **språk**.`,
    unknownCardAction: 'Det här kortet är föråldrat. Skriv **hjälp** för att se vad du kan göra.',
    somethingWentWrong:
      'Något gick fel och din begäran behandlades inte. Försök igen om en stund. Kontakta koordinatorerna om problemet kvarstår.',
    tooBusy: 'Det kommer många meddelanden just nu. Vänta en stund och försök igen.',
  },
  en: {
    languageName: 'English',
    welcomeTitle: 'Welcome to Digiverkosto!',
    welcomeAddedBy: (name) => `${name} added the Digiverkosto app to this team.`,
    welcomeAddedByUnknown: 'The Digiverkosto app was added to this team.',
    welcomeWhat: [
      'I remind you of development workshops, pre-assignments and leadership peer discussions.',
      'I collect topic wishes through polls you answer right here in Teams.',
      'I send meeting invitations to the top-management small groups.',
      'The programme and peer groups are on the Digiverkosto tab.',
    ],
    welcomeHint: 'Type **help** to see all commands. I work in Finnish, Swedish and English.',
    introTitle: "Hi! I'm the Digiverkosto bot.",
    introBody:
      'I remind you of network events, ask for your topic wishes and bring meeting invitations. Type **schedule** for upcoming events or **help** for all commands.',
    helpTitle: 'How to use Digiverkosto',
    helpIntro: 'Send me a command as a message:',
    helpCommands: [
      { command: 'schedule', description: 'upcoming events with time and place' },
      { command: 'wishes', description: 'open topic wish polls' },
      { command: 'my group', description: 'your peer group and its meeting invitation' },
      { command: 'register', description: 'registration for the days at Kuntatalo and your seat' },
      { command: 'language', description: 'change language (suomi, svenska, English)' },
      { command: 'my data', description: 'what is stored about you' },
      { command: 'help', description: 'this help' },
    ],
    helpFooter: 'Times are Finnish time (Helsinki).',
    showSchedule: 'Show schedule',
    openTab: 'Open the Digiverkosto tab',
    scheduleTitle: 'Upcoming events',
    scheduleEmpty: 'There are no upcoming events right now.',
    scheduleOnline: 'Online event',
    scheduleJoin: 'Join',
    scheduleQuota: (count) => `At most ${count} participants per municipality`,
    schedulePreAssignment: 'Pre-assignment',
    scheduleMore: 'The whole programme is on the Digiverkosto tab.',
    languageTitle: 'Language',
    languagePrompt: 'Choose the language for messages and cards:',
    languageChanged: "Done! I'll answer you in English from now on.",
    languageInvalid: 'Language not recognised. Choose suomi, svenska or English.',
    unknownCommand: (text) =>
      `I didn't recognise "${text}". Try **help**, **schedule**, **wishes** or **language**.`,
    unknownCardAction: 'This card is out of date. Type **help** to see what you can do.',
    somethingWentWrong:
      'Something went wrong and your request was not processed. Please try again in a moment. If it keeps happening, contact the coordinators.',
    tooBusy: 'There are a lot of messages right now. Please wait a moment and try again.',
  },
};

export function messagesFor(language: Language): BotMessages {
  return MESSAGES[language];
}
