import type { Language } from './language';

/** What a person can ask the bot for; every intent has one command word per language. */
export const COMMAND_INTENTS = ['schedule', 'wishes', 'myGroup', 'language', 'myData', 'help'] as const;
export type CommandIntent = (typeof COMMAND_INTENTS)[number];

/**
 * The command word of each intent, as the help card, the command menu and the buttons send it; each
 * matches its feature's command pattern.
 */
export const COMMAND_WORDS: Record<Language, Readonly<Record<CommandIntent, string>>> = {
  fi: {
    schedule: 'ohjelma',
    wishes: 'toiveet',
    myGroup: 'ryhmäni',
    language: 'kieli',
    myData: 'omat tietoni',
    help: 'ohje',
  },
  sv: {
    schedule: 'program',
    wishes: 'önskemål',
    myGroup: 'min grupp',
    language: 'språk',
    myData: 'mina uppgifter',
    help: 'hjälp',
  },
  en: {
    schedule: 'schedule',
    wishes: 'wishes',
    myGroup: 'my group',
    language: 'language',
    myData: 'my data',
    help: 'help',
  },
};

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
  /** The introduction in a group chat, to everyone in it. */
  readonly introGroupTitle: string;
  readonly introGroupBody: string;
  readonly helpTitle: string;
  readonly helpIntro: string;
  /** In a channel or group chat the bot hears only messages that @mention it. */
  readonly helpIntroShared: string;
  readonly helpPrivacyShared: string;
  /** Short button titles, one per intent. */
  readonly commandButtons: Readonly<Record<CommandIntent, string>>;
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
  readonly unknownCommand: (text: string, shared: boolean) => string;
  readonly hintPrompt: string;
  readonly answeredPrivately: string;
  readonly answerPrivatelyUnavailable: string;
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
    welcomeHint:
      'Mainitse minut ja kirjoita **@Digiverkosto ohje**, niin näet kaikki komennot. Vastaan suomeksi, ruotsiksi ja englanniksi.',
    introTitle: 'Hei! Olen Digiverkoston botti.',
    introBody:
      'Muistutan verkoston tapahtumista, kysyn aihetoiveitasi ja tuon kokouskutsut. Kirjoita **ohjelma**, niin näet tulevat tapahtumat, tai **ohje**, niin näet kaikki komennot.',
    introGroupTitle: 'Hei kaikki! Olen Digiverkoston botti.',
    introGroupBody:
      'Muistutan verkoston tapahtumista, kerron ohjelman ja kerään aihetoiveita. Mainitse minut ja kirjoita komento, esimerkiksi **@Digiverkosto ohjelma**. Omat tiedot, vertaisryhmän ja kyselyvastaukset lähetän kullekin yksityisviestinä.',
    helpTitle: 'Näin käytät Digiverkostoa',
    helpIntro: 'Kirjoita komento viestinä minulle:',
    helpIntroShared: 'Mainitse minut ja kirjoita komento, esimerkiksi **@Digiverkosto ohjelma**:',
    helpPrivacyShared: 'Omat tietosi, ryhmäsi ja kyselyvastauksesi lähetän sinulle yksityisviestinä.',
    commandButtons: {
      schedule: 'Ohjelma',
      wishes: 'Aihetoiveet',
      myGroup: 'Ryhmäni',
      language: 'Kieli',
      myData: 'Omat tietoni',
      help: 'Ohje',
    },
    helpCommands: [
      { command: 'ohjelma', description: 'tulevat tapahtumat ajankohtineen ja paikkoineen' },
      { command: 'toiveet', description: 'avoimet aihetoivekyselyt' },
      { command: 'ryhmäni', description: 'oma vertaisryhmäsi ja sen kokouskutsu' },
      { command: 'ilmoittaudu', description: 'ilmoittautuminen Kuntatalon tilaisuuksiin ja oma paikkasi' },
      { command: 'kysely', description: 'kuntasi henkilöstön digitalisaatiokysely' },
      { command: 'digitiekartta', description: 'kuntasi digitiekartta ja johtoryhmälle tavoitetasokortti' },
      { command: 'kieli', description: 'vaihda asiointikieli (suomi, svenska, English)' },
      { command: 'omat tietoni', description: 'mitä sinusta on tallennettu' },
      { command: 'ohje', description: 'tämä ohje' },
    ],
    helpFooter: 'Ajat ovat Suomen aikaa (Helsinki).',
    showSchedule: 'Näytä ohjelma',
    openTab: 'Avaa Digiverkosto-välilehti',
    scheduleTitle: 'Tulevat tapahtumat',
    scheduleEmpty: 'Tulevia tapahtumia ei ole tällä hetkellä.',
    scheduleOnline: 'Etätilaisuus',
    scheduleJoin: 'Liity',
    scheduleQuota: (count) => `Enintään ${count} osallistujaa kunnasta`,
    schedulePreAssignment: 'Ennakkotehtävä',
    scheduleMore: 'Koko ohjelma Digiverkosto-välilehdellä.',
    languageTitle: 'Asiointikieli',
    languagePrompt: 'Valitse kieli, jolla haluat viestit ja kortit:',
    languageChanged: 'Asiointikieleksi on valittu suomi. Vastaan sinulle tästä lähtien suomeksi.',
    languageInvalid: 'Kieltä ei tunnistettu. Valitse suomi, svenska tai English.',
    unknownCommand: (text, shared) =>
      `En ymmärtänyt viestiä ”${text}”. Valitse alta, mitä haluat tehdä, tai kirjoita ${shared ? '**@Digiverkosto ohje**' : '**ohje**'}.`,
    hintPrompt: 'Mitä haluat tehdä?',
    answeredPrivately: 'Lähetin vastauksen yksityisviestinä.',
    answerPrivatelyUnavailable:
      'Tämä vastaus on vain sinulle, enkä tavoittanut sinua yksityisviestillä. Avaa Digiverkosto-sovellus chatissa ja kysy siellä uudelleen.',
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
    welcomeHint:
      'Nämn mig och skriv **@Digiverkosto hjälp** för att se alla kommandon. Jag svarar på finska, svenska och engelska.',
    introTitle: 'Hej! Jag är Digiverkostos bot.',
    introBody:
      'Jag påminner om nätverkets evenemang, frågar om dina ämnesönskemål och skickar mötesinbjudningar. Skriv **program** för kommande evenemang eller **hjälp** för alla kommandon.',
    introGroupTitle: 'Hej alla! Jag är Digiverkostos bot.',
    introGroupBody:
      'Jag påminner om nätverkets evenemang, visar programmet och samlar in ämnesönskemål. Nämn mig och skriv ett kommando, till exempel **@Digiverkosto program**. Egna uppgifter, kamratgruppen och enkätsvar skickar jag till var och en i ett privat meddelande.',
    helpTitle: 'Så här använder du Digiverkosto',
    helpIntro: 'Skriv ett kommando som ett meddelande till mig:',
    helpIntroShared: 'Nämn mig och skriv ett kommando, till exempel **@Digiverkosto program**:',
    helpPrivacyShared:
      'Dina uppgifter, din grupp och dina enkätsvar skickar jag till dig i ett privat meddelande.',
    commandButtons: {
      schedule: 'Program',
      wishes: 'Ämnesönskemål',
      myGroup: 'Min grupp',
      language: 'Språk',
      myData: 'Mina uppgifter',
      help: 'Hjälp',
    },
    helpCommands: [
      { command: 'program', description: 'kommande evenemang med tid och plats' },
      { command: 'önskemål', description: 'öppna enkäter om ämnesönskemål' },
      { command: 'min grupp', description: 'din kamratgrupp och dess mötesinbjudan' },
      { command: 'anmälan', description: 'anmälan till evenemangen i Kommunhuset och din plats' },
      { command: 'enkät', description: 'personalens digitaliseringsenkät i din kommun' },
      { command: 'färdplan', description: 'din kommuns digitala färdplan och ledningsgruppens målnivåkort' },
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
    scheduleJoin: 'Anslut',
    scheduleQuota: (count) => `Högst ${count} deltagare per kommun`,
    schedulePreAssignment: 'Förhandsuppgift',
    scheduleMore: 'Hela programmet finns på fliken Digiverkosto.',
    languageTitle: 'Språk',
    languagePrompt: 'Välj det språk du vill ha meddelanden och kort på:',
    languageChanged: 'Du har valt svenska. Från och med nu svarar jag dig på svenska.',
    languageInvalid: 'Språket kändes inte igen. Välj suomi, svenska eller English.',
    unknownCommand: (text, shared) =>
      `Jag förstod inte meddelandet ”${text}”. Välj nedan vad du vill göra eller skriv ${shared ? '**@Digiverkosto hjälp**' : '**hjälp**'}.`,
    hintPrompt: 'Vad vill du göra?',
    answeredPrivately: 'Jag skickade svaret i ett privat meddelande.',
    answerPrivatelyUnavailable:
      'Svaret är bara för dig, och jag nådde dig inte med ett privat meddelande. Öppna appen Digiverkosto i chatten och fråga där igen.',
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
    welcomeHint:
      'Mention me and type **@Digiverkosto help** to see all commands. I answer in Finnish, Swedish and English.',
    introTitle: "Hi! I'm the Digiverkosto bot.",
    introBody:
      'I remind you of network events, ask for your topic wishes and bring meeting invitations. Type **schedule** for upcoming events or **help** for all commands.',
    introGroupTitle: "Hello everyone! I'm the Digiverkosto bot.",
    introGroupBody:
      'I remind you of network events, show the programme and collect topic wishes. Mention me and type a command, for example **@Digiverkosto schedule**. Personal things, such as your own data, peer group and poll answers, I send to each of you in a private chat.',
    helpTitle: 'How to use Digiverkosto',
    helpIntro: 'Send me a command as a message:',
    helpIntroShared: 'Mention me and type a command, for example **@Digiverkosto schedule**:',
    helpPrivacyShared: 'Your own data, your group and your poll answers I send to you in a private chat.',
    commandButtons: {
      schedule: 'Schedule',
      wishes: 'Topic wishes',
      myGroup: 'My group',
      language: 'Language',
      myData: 'My data',
      help: 'Help',
    },
    helpCommands: [
      { command: 'schedule', description: 'upcoming events with time and place' },
      { command: 'wishes', description: 'open topic wish polls' },
      { command: 'my group', description: 'your peer group and its meeting invitation' },
      { command: 'register', description: 'registration for the days at Kuntatalo and your seat' },
      { command: 'survey', description: "your municipality's staff digitalisation survey" },
      {
        command: 'roadmap',
        description: "your municipality's digital roadmap and, for its leaders, the target-level card",
      },
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
    languageChanged: 'You have chosen English. I will answer you in English from now on.',
    languageInvalid: 'Language not recognised. Choose suomi, svenska or English.',
    unknownCommand: (text, shared) =>
      `I didn't understand "${text}". Choose below what you would like to do, or type ${shared ? '**@Digiverkosto help**' : '**help**'}.`,
    hintPrompt: 'What would you like to do?',
    answeredPrivately: 'I sent the answer to you in a private chat.',
    answerPrivatelyUnavailable:
      'This answer is for you only, and I could not reach you in a private chat. Open the Digiverkosto app in Chat and ask there again.',
    unknownCardAction: 'This card is out of date. Type **help** to see what you can do.',
    somethingWentWrong:
      'Something went wrong and your request was not processed. Please try again in a moment. If it keeps happening, contact the coordinators.',
    tooBusy: 'There are a lot of messages right now. Please wait a moment and try again.',
  },
};

export function messagesFor(language: Language): BotMessages {
  return MESSAGES[language];
}
