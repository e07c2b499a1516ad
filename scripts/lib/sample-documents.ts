/**
 * Sample documents built from invented data, to look at the kit's output as a reader would and to
 * benchmark it: a staff digitalisation survey report for Hämeenlinna against the network, and a
 * digital roadmap summary for an invented town, Koivuranta, in its own (invented) branding. The
 * figures are plausible, not real. Used by scripts/sample-documents.ts, bench/documents.ts and the
 * tests.
 */
import {
  baselineTargetChart,
  blocks,
  distributionChart,
  dotPlotChart,
  formatNumber,
  formatPercent,
  profileChart,
  timelineChart,
  type DocumentBlock,
  type Language,
  type ReportDocument,
  type TableCell,
  type TableRow,
} from '../../bot/src/platform/documents';

const { h1, h2, p, bold, bullets, numbered, keyFigures, callout, chart, chartTable, pageBreak } = blocks;

type SampleLanguage = Extract<Language, 'fi' | 'sv'>;

export const PERSPECTIVES: Record<SampleLanguage, readonly string[]> = {
  fi: [
    'Digiosaaminen',
    'Tietotekniset laitteet',
    'Ohjelmistojen käytettävyys',
    'Suunnitelmallinen tiedonkeruu',
    'Tiedolla johtaminen',
    'Muutosvalmius',
    'Kokeilukulttuuri',
    'Sähköiset palvelut',
    'Sähköinen viestintä',
    'Sähköinen osallistaminen',
    'Strategiset tavoitteet ja mittarit',
  ],
  sv: [
    'Digital kompetens',
    'IT-utrustning',
    'Programvarornas användbarhet',
    'Planerad datainsamling',
    'Kunskapsbaserad ledning',
    'Förändringsberedskap',
    'Försökskultur',
    'E-tjänster',
    'Elektronisk kommunikation',
    'Elektroniskt deltagande',
    'Strategiska mål och mätare',
  ],
};

// Hämeenlinna's means, the network's quartiles and the size class's median, per perspective.
const MEANS = [3.42, 3.61, 2.94, 2.71, 2.88, 3.12, 2.64, 3.35, 3.78, 2.52, 2.96];
const NETWORK = [
  [3.05, 3.3, 3.52],
  [3.21, 3.45, 3.7],
  [2.8, 3.02, 3.26],
  [2.55, 2.78, 3.0],
  [2.6, 2.85, 3.08],
  [2.9, 3.15, 3.38],
  [2.42, 2.7, 2.95],
  [3.0, 3.22, 3.48],
  [3.3, 3.55, 3.76],
  [2.35, 2.6, 2.84],
  [2.62, 2.9, 3.14],
] as const;
const SIZE_CLASS = [3.28, 3.5, 3.0, 2.74, 2.9, 3.1, 2.66, 3.3, 3.6, 2.58, 2.92];
// Answers 1..5 and "don't know" per perspective (412 respondents).
const DISTRIBUTIONS = [
  [9, 48, 141, 162, 44, 8],
  [6, 35, 120, 178, 66, 7],
  [22, 96, 162, 101, 19, 12],
  [30, 118, 150, 72, 12, 30],
  [25, 102, 148, 82, 15, 40],
  [14, 70, 160, 128, 26, 14],
  [38, 125, 140, 60, 11, 38],
  [10, 54, 150, 150, 30, 18],
  [4, 26, 98, 196, 80, 8],
  [45, 140, 128, 44, 9, 46],
  [24, 92, 150, 86, 12, 48],
];

interface Department {
  readonly name: Record<SampleLanguage, string>;
  readonly staff: number;
  readonly respondents: number;
  /** Means of the first four perspectives and the municipality-wide ones. */
  readonly means: readonly [number, number, number, number, number];
}

const DEPARTMENTS: readonly Department[] = [
  {
    name: { fi: 'Konsernipalvelut', sv: 'Koncerntjänster' },
    staff: 310,
    respondents: 142,
    means: [3.71, 3.82, 3.1, 3.05, 3.24],
  },
  {
    name: { fi: 'Sivistyksen toimiala', sv: 'Bildningssektorn' },
    staff: 1_640,
    respondents: 168,
    means: [3.28, 3.44, 2.86, 2.55, 2.81],
  },
  {
    name: { fi: 'Kaupunkirakenteen toimiala', sv: 'Stadsstruktursektorn' },
    staff: 260,
    respondents: 74,
    means: [3.4, 3.58, 2.91, 2.8, 2.9],
  },
  {
    name: { fi: 'Elinvoiman ja osallisuuden toimiala', sv: 'Sektorn för livskraft och delaktighet' },
    staff: 150,
    respondents: 24,
    means: [3.52, 3.7, 3.02, 2.77, 3.05],
  },
  {
    name: { fi: 'Hämeenlinnan Kaupunkiliikenne Oy', sv: 'Hämeenlinnan Kaupunkiliikenne Oy' },
    staff: 28,
    respondents: 4,
    means: [0, 0, 0, 0, 0],
  },
];

const SAMPLE_TEXT = {
  fi: {
    kicker: 'Henkilöstön digitalisaatiokysely 2026',
    title: 'Hämeenlinnan kaupunki – tulosraportti',
    subtitle: 'Henkilöstön arviot yhdestätoista näkökulmasta verrattuna Digiverkoston kuntiin',
    details: [
      'Laatinut: Digiverkosto (Kuntaliitto ja FCG)',
      'Vastausaika 2.–20.11.2026',
      'Esimerkkiraportti keksityin luvuin',
    ],
    documentName: 'Hämeenlinna – henkilöstön digitalisaatiokysely 2026',
    summary: 'Tiivistelmä',
    summaryLead:
      'Hämeenlinnan henkilöstö arvioi kaupungin digitaalisen toimintaympäristön hieman verkoston mediaania paremmaksi. Vahvuuksia ovat laitteet ja sähköinen viestintä; kehitettävää on etenkin sähköisessä osallistamisessa ja kokeilukulttuurissa.',
    respondents: 'vastaajaa',
    responseRate: 'vastausprosentti',
    overall: 'kaikkien näkökulmien keskiarvo',
    networkMedian: (value: string) => `verkoston mediaani ${value}`,
    strongest: 'vahvin näkökulma: sähköinen viestintä',
    findings: [
      [
        bold('Oma työ: '),
        { text: 'laitteet (3,6) ja digiosaaminen (3,4) ovat verkoston ylimmällä neljänneksellä.' },
      ],
      [
        bold('Kunta: '),
        { text: 'sähköinen osallistaminen (2,5) ja kokeilukulttuuri (2,6) jäävät verkoston mediaanin alle.' },
      ],
      [
        bold('Toimialat: '),
        { text: 'konsernipalveluiden ja sivistyksen toimialan ero on suurin tiedolla johtamisessa.' },
      ],
    ],
    byPerspective: 'Tulokset näkökulmittain',
    byPerspectiveText:
      'Kuviossa pisteet ovat Hämeenlinnan vastausten keskiarvoja asteikolla 1–5. Harmaa palkki on verkoston kuntien keskimmäinen puolikas ja pystyviiva niiden mediaani; vinoneliö kertoo samankokoisten kuntien mediaanin.',
    groupOwn: 'Oma työ',
    groupMunicipality: 'Kunta',
    perspective: 'Näkökulma',
    group: 'Ryhmä',
    subject: 'Hämeenlinna',
    median: 'Verkoston mediaani',
    range: 'Verkoston kuntien keskimmäinen puolikas',
    comparison: 'Kunnat, 50 000–100 000 asukasta',
    scaleEnds: ['1 = heikko', '5 = erinomainen'] as const,
    profileCaption: 'Hämeenlinnan keskiarvot verrattuna verkoston kuntiin ja samankokoisiin kuntiin',
    profileAlt:
      'Profiilikaavio yhdestätoista näkökulmasta asteikolla 1–5. Hämeenlinna on verkoston mediaanin yläpuolella seitsemässä näkökulmassa; korkein on sähköinen viestintä 3,8 ja matalin sähköinen osallistaminen 2,5.',
    profileTable: 'Profiilikaavion luvut',
    distributions: 'Vastausten jakaumat',
    distributionsText:
      'Jakaumat näyttävät, kuinka yksimielisiä vastaajat ovat. Osuudet on laskettu kaikista vastaajista, myös niistä, jotka eivät osanneet sanoa.',
    categories: ['1 heikko', '2', '3', '4', '5 erinomainen', 'En osaa sanoa'],
    answers: 'Vastaajia',
    distributionCaption: 'Vastausten jakaumat näkökulmittain (%)',
    distributionAlt:
      'Pinottu pylväskaavio vastausten jakaumista. Sähköisessä viestinnässä 67 % vastaajista antoi arvion 4 tai 5; sähköisessä osallistamisessa 45 % antoi arvion 1 tai 2.',
    departments: 'Tulokset toimialoittain',
    departmentsText:
      'Toimialojen keskiarvot on esitetty vain, kun vastaajia on vähintään viisi. Solujen sävy kertoo, onko arvo verkoston mediaania parempi vai heikompi.',
    department: 'Toimiala',
    departmentShort: ['Digiosaaminen', 'Laitteet', 'Ohjelmistot', 'Tiedonkeruu', 'Tiedolla johtaminen'],
    wholeCity: 'Koko kaupunki',
    tooFew: 'Alle 5 vastaajaa: luku piilotettu vastaajien suojaamiseksi.',
    departmentCaption: 'Keskiarvot toimialoittain (asteikko 1–5)',
    departmentNote: 'Vaalea sävy: verkoston mediaania parempi; harmaa: heikompi.',
    responses: 'Vastaajat ja vastausprosentti',
    staff: 'Henkilöstö',
    rate: 'Vastaus-%',
    responsesCaption: 'Vastaajat toimialoittain',
    comments: 'Avoimet vastaukset',
    commentsText: 'Poimintoja avoimista vastauksista sellaisenaan. Tunnistettavat tiedot on poistettu.',
    commentList: [
      'Teams-kokoukset toimivat hyvin, mutta tiedostojen jakaminen <Intran> ja Teamsin välillä on sekavaa & hidasta.',
      'Toivoisin koulutusta uusiin järjestelmiin heti käyttöönoton yhteydessä, ei puoli vuotta myöhemmin.',
      'Lomakepohjassa luki "{{nimi}}" eikä nimeäni – ja hinta oli ${summa} €. Korjatkaa pohjat!',
      'Kokeiluille ei ole aikaa: arki vie kaiken. Pieni kokeilurahasto voisi madaltaa kynnystä.',
    ],
    commentNote: 'Kommentit julkaistaan vain toimialoilta, joilla on vähintään 10 vastaajaa.',
    method: 'Menetelmä',
    methodText: [
      'Kysely toteutettiin sähköisenä 2.–20.11.2026. Kutsu lähetettiin koko henkilöstölle (2\u00A0388 henkilöä), ja vastauksia saatiin 412 (17 %). Vastaajat arvioivat yhtätoista näkökulmaa asteikolla 1–5 (1 = heikko, 5 = erinomainen); vaihtoehto ”en osaa sanoa” ei sisälly keskiarvoihin.',
      'Verkoston vertailuluvut perustuvat 18 kunnan vastauksiin (yhteensä 6\u00A0104 vastaajaa). Kunnan keskiarvoa verrataan kuntien keskiarvojen mediaaniin ja kvartiiliväliin, ei yksittäisiin vastaajiin.',
    ],
    methodCallout:
      'Luku, joka perustuu alle viiteen vastaukseen, on piilotettu. Avoimet vastaukset julkaistaan vain, kun vastaajia on vähintään kymmenen.',
    methodCalloutTitle: 'Vastaajien suoja',
    nextSteps: 'Mitä seuraavaksi',
    nextStepsText:
      'Tulokset käsitellään johtoryhmässä ja toimialojen henkilöstökokouksissa. Ne ovat digitiekartan lähtötaso.',
    nextStepsList: [
      'Johtoryhmä asettaa tavoitetasot digitiekartan työpajassa tammikuussa 2027.',
      'Toimialat valitsevat kaksi kehittämiskohdetta omista tuloksistaan.',
      'Kysely uusitaan syksyllä 2028, ja tuloksia verrataan tähän lähtötasoon.',
    ],
    departmentFocus: 'Tiedolla johtaminen toimialoittain',
    departmentFocusText:
      'Tiedolla johtamisen arviot vaihtelevat toimialoittain eniten. Jakauma näytetään vain toimialoista, joilla on vähintään viisi vastaajaa.',
    departmentFocusCaption: 'Tiedolla johtamisen arvioiden jakaumat toimialoittain (%)',
    departmentFocusAlt:
      'Pinottu pylväskaavio tiedolla johtamisen arvioista neljällä toimialalla; konsernipalveluissa arviot ovat korkeimmat. Yhden toimialan jakauma on piilotettu, koska vastaajia on alle viisi.',
    tooFewShort: 'Alle 5 vastaajaa',
    appendix: 'Liite: jakaumat taulukkona',
    educationProfile: 'Sivistyksen toimialan profiili',
    educationProfileText:
      'Sivistyksen toimiala on kaupungin suurin: sen tulokset painavat kaupungin keskiarvoissa eniten. Kuviossa toimialan keskiarvoja verrataan kaupungin toimialojen mediaaniin ja vaihteluväliin.',
    educationSubject: 'Sivistyksen toimiala',
    departmentsMedian: 'Toimialojen mediaani',
    departmentsRange: 'Toimialojen vaihteluväli',
    educationCaption: 'Sivistyksen toimialan keskiarvot verrattuna kaupungin muihin toimialoihin',
    educationAlt:
      'Profiilikaavio: sivistyksen toimialan keskiarvot ovat toimialojen mediaanin alapuolella yhdeksässä näkökulmassa yhdestätoista; suurin ero on tiedolla johtamisessa.',
    appendixText: 'Kuvion 2 luvut taulukkona. Osuudet on pyöristetty niin, että rivin summa on 100 %.',
    appendixCaption: 'Vastausten jakaumat näkökulmittain (%)',
  },
  sv: {
    kicker: 'Personalens digitaliseringsenkät 2026',
    title: 'Tavastehus stad – resultatrapport',
    subtitle: 'Personalens bedömningar ur elva perspektiv jämfört med kommunerna i Digiverkosto',
    details: [
      'Utarbetad av: Digiverkosto (Kommunförbundet och FCG)',
      'Svarstid 2–20.11.2026',
      'Exempelrapport med påhittade siffror',
    ],
    documentName: 'Tavastehus – personalens digitaliseringsenkät 2026',
    summary: 'Sammandrag',
    summaryLead:
      'Personalen i Tavastehus bedömer stadens digitala verksamhetsmiljö som något bättre än nätverkets median. Styrkorna är utrustningen och den elektroniska kommunikationen; mest att utveckla finns i elektroniskt deltagande och försökskultur.',
    respondents: 'svarande',
    responseRate: 'svarsprocent',
    overall: 'medeltal för alla perspektiv',
    networkMedian: (value: string) => `nätverkets median ${value}`,
    strongest: 'starkaste perspektiv: elektronisk kommunikation',
    findings: [
      [
        bold('Det egna arbetet: '),
        {
          text: 'utrustningen (3,6) och den digitala kompetensen (3,4) hör till nätverkets översta fjärdedel.',
        },
      ],
      [
        bold('Kommunen: '),
        { text: 'elektroniskt deltagande (2,5) och försökskultur (2,6) ligger under nätverkets median.' },
      ],
      [
        bold('Sektorerna: '),
        {
          text: 'skillnaden mellan koncerntjänster och bildningssektorn är störst i kunskapsbaserad ledning.',
        },
      ],
    ],
    byPerspective: 'Resultat per perspektiv',
    byPerspectiveText:
      'Punkterna i figuren är medeltalen av svaren i Tavastehus på skalan 1–5. Den grå stapeln är den mellersta hälften av nätverkets kommuner och det lodräta strecket deras median; romben anger medianen för kommuner av samma storlek.',
    groupOwn: 'Det egna arbetet',
    groupMunicipality: 'Kommunen',
    perspective: 'Perspektiv',
    group: 'Grupp',
    subject: 'Tavastehus',
    median: 'Nätverkets median',
    range: 'Den mellersta hälften av nätverkets kommuner',
    comparison: 'Kommuner med 50 000–100 000 invånare',
    scaleEnds: ['1 = svag', '5 = utmärkt'] as const,
    profileCaption: 'Medeltalen i Tavastehus jämfört med nätverkets kommuner och kommuner av samma storlek',
    profileAlt:
      'Profildiagram över elva perspektiv på skalan 1–5. Tavastehus ligger över nätverkets median i sju perspektiv; högst är elektronisk kommunikation 3,8 och lägst elektroniskt deltagande 2,5.',
    profileTable: 'Siffrorna i profildiagrammet',
    distributions: 'Svarsfördelningar',
    distributionsText:
      'Fördelningarna visar hur eniga de svarande är. Andelarna är beräknade av alla svarande, också av dem som inte kunde säga.',
    categories: ['1 svag', '2', '3', '4', '5 utmärkt', 'Kan inte säga'],
    answers: 'Svarande',
    distributionCaption: 'Svarsfördelningar per perspektiv (%)',
    distributionAlt:
      'Staplat stapeldiagram över svarsfördelningarna. I elektronisk kommunikation gav 67 % av de svarande betyget 4 eller 5; i elektroniskt deltagande gav 45 % betyget 1 eller 2.',
    departments: 'Resultat per sektor',
    departmentsText:
      'Sektorernas medeltal visas bara när de svarande är minst fem. Cellernas färgton anger om värdet är bättre eller sämre än nätverkets median.',
    department: 'Sektor',
    departmentShort: [
      'Digital kompetens',
      'Utrustning',
      'Programvaror',
      'Datainsamling',
      'Kunskapsbaserad ledning',
    ],
    wholeCity: 'Hela staden',
    tooFew: 'Färre än 5 svarande: värdet är dolt för att skydda de svarande.',
    departmentCaption: 'Medeltal per sektor (skala 1–5)',
    departmentNote: 'Ljus ton: bättre än nätverkets median; grå: sämre.',
    responses: 'Svarande och svarsprocent',
    staff: 'Personal',
    rate: 'Svars-%',
    responsesCaption: 'Svarande per sektor',
    comments: 'Öppna svar',
    commentsText: 'Ett urval av de öppna svaren ordagrant. Identifierande uppgifter har tagits bort.',
    commentList: [
      'Teams-möten fungerar bra, men att dela filer mellan <Intranätet> och Teams är rörigt & långsamt.',
      'Jag önskar utbildning i nya system direkt när de tas i bruk, inte ett halvår senare.',
      'I blanketten stod det "{{namn}}" i stället för mitt namn – och priset var ${summa} €. Rätta mallarna!',
      'Det finns ingen tid för försök: vardagen tar allt. En liten försöksfond kunde sänka tröskeln.',
    ],
    commentNote: 'Kommentarer publiceras bara från sektorer med minst 10 svarande.',
    method: 'Metod',
    methodText: [
      'Enkäten genomfördes elektroniskt 2–20.11.2026. Inbjudan skickades till hela personalen (2\u00A0388 personer) och 412 svar kom in (17 %). De svarande bedömde elva perspektiv på skalan 1–5 (1 = svag, 5 = utmärkt); alternativet ”kan inte säga” ingår inte i medeltalen.',
      'Nätverkets jämförelsetal bygger på svaren från 18 kommuner (sammanlagt 6\u00A0104 svarande). Kommunens medeltal jämförs med medianen och kvartilavståndet av kommunernas medeltal, inte med enskilda svarande.',
    ],
    methodCallout:
      'Ett värde som bygger på färre än fem svar är dolt. Öppna svar publiceras bara när de svarande är minst tio.',
    methodCalloutTitle: 'Skydd för de svarande',
    nextSteps: 'Vad händer härnäst',
    nextStepsText:
      'Resultaten behandlas i ledningsgruppen och på sektorernas personalmöten. De är utgångsläget för den digitala färdplanen.',
    nextStepsList: [
      'Ledningsgruppen sätter målnivåerna i verkstaden för den digitala färdplanen i januari 2027.',
      'Sektorerna väljer två utvecklingsobjekt utgående från sina egna resultat.',
      'Enkäten upprepas hösten 2028 och resultaten jämförs med detta utgångsläge.',
    ],
    departmentFocus: 'Kunskapsbaserad ledning per sektor',
    departmentFocusText:
      'Bedömningarna av kunskapsbaserad ledning varierar mest mellan sektorerna. Fördelningen visas bara för sektorer med minst fem svarande.',
    departmentFocusCaption: 'Fördelningen av bedömningarna av kunskapsbaserad ledning per sektor (%)',
    departmentFocusAlt:
      'Staplat stapeldiagram över bedömningarna av kunskapsbaserad ledning i fyra sektorer; i koncerntjänster är bedömningarna högst. Fördelningen för en sektor är dold eftersom de svarande är färre än fem.',
    tooFewShort: 'Färre än 5 svarande',
    appendix: 'Bilaga: fördelningarna i tabellform',
    educationProfile: 'Bildningssektorns profil',
    educationProfileText:
      'Bildningssektorn är stadens största: dess resultat väger tyngst i stadens medeltal. I figuren jämförs sektorns medeltal med medianen och variationsbredden för stadens sektorer.',
    educationSubject: 'Bildningssektorn',
    departmentsMedian: 'Sektorernas median',
    departmentsRange: 'Sektorernas variationsbredd',
    educationCaption: 'Bildningssektorns medeltal jämfört med stadens övriga sektorer',
    educationAlt:
      'Profildiagram: bildningssektorns medeltal ligger under sektorernas median i nio av elva perspektiv; störst är skillnaden i kunskapsbaserad ledning.',
    appendixText: 'Siffrorna i figur 2 i tabellform. Andelarna är avrundade så att radens summa är 100 %.',
    appendixCaption: 'Svarsfördelningar per perspektiv (%)',
  },
} as const;

const SURVEY_BRANDING = {
  organisationName: 'Hämeenlinnan kaupunki',
  primaryColour: '#1D4E89',
  secondaryColour: '#2A9D8F',
} as const;

/** Hämeenlinna's survey report against the network: about eight pages. */
export function surveyReportSample(language: SampleLanguage): ReportDocument {
  const t = SAMPLE_TEXT[language];
  const names = PERSPECTIVES[language];
  const number = (value: number, decimals = 1): string => formatNumber(value, language, decimals);
  const groupOf = (index: number): string => (index < 4 ? t.groupOwn : t.groupMunicipality);

  const profile = profileChart({
    language,
    accent: SURVEY_BRANDING.primaryColour,
    labelHeader: t.perspective,
    groupHeader: t.group,
    series: { subject: t.subject, median: t.median, range: t.range, comparison: t.comparison },
    scale: { min: 1, max: 5, endLabels: t.scaleEnds },
    rows: names.map((label, index) => ({
      label,
      group: groupOf(index),
      value: MEANS[index],
      lowerQuartile: NETWORK[index]?.[0],
      median: NETWORK[index]?.[1],
      upperQuartile: NETWORK[index]?.[2],
      comparison: SIZE_CLASS[index],
    })),
  });
  const distribution = distributionChart({
    language,
    labelHeader: t.perspective,
    countHeader: t.answers,
    categories: t.categories.map((label, index) => ({ label, outsideScale: index === 5 })),
    rows: names.map((label, index) => ({ label, group: groupOf(index), counts: DISTRIBUTIONS[index] ?? [] })),
  });

  // Answers 1..5 and "don't know" on data-driven management per department.
  const focusCounts = [
    [4, 20, 52, 50, 12, 4],
    [12, 52, 62, 24, 4, 14],
    [5, 20, 28, 15, 2, 4],
    [2, 6, 9, 5, 1, 1],
    [1, 1, 1, 1, 0, 0],
  ];
  const departmentFocus = distributionChart({
    language,
    labelHeader: t.department,
    countHeader: t.answers,
    categories: t.categories.map((label, index) => ({ label, outsideScale: index === 5 })),
    rows: DEPARTMENTS.map((department, index) => ({
      label: department.name[language],
      counts: focusCounts[index] ?? [],
      ...(department.respondents < 5 ? { suppressed: { label: t.tooFewShort, reason: t.tooFew } } : {}),
    })),
  });

  const education = profileChart({
    language,
    accent: SURVEY_BRANDING.primaryColour,
    labelHeader: t.perspective,
    series: { subject: t.educationSubject, median: t.departmentsMedian, range: t.departmentsRange },
    scale: { min: 1, max: 5, endLabels: t.scaleEnds },
    rows: names.map((label, index) => {
      const mean = MEANS[index] ?? 3;
      return {
        label,
        group: groupOf(index),
        value: Math.round((mean - 0.18 + (index % 3) * 0.08) * 100) / 100,
        median: mean,
        lowerQuartile: Math.round((mean - 0.3) * 100) / 100,
        upperQuartile: Math.round((mean + 0.32) * 100) / 100,
      };
    }),
  });

  const mediansOfFirstFive = NETWORK.slice(0, 5).map((quartiles) => quartiles[1]);
  const departmentRows: (TableRow | TableCell[])[] = DEPARTMENTS.map((department) => {
    const hidden = department.respondents < 5;
    return [
      department.name[language],
      ...department.means.map((mean, index): TableCell =>
        hidden
          ? { suppressed: { reason: t.tooFew } }
          : { value: mean, shading: mean >= (mediansOfFirstFive[index] ?? 0) ? 'highlight' : 'subtle' },
      ),
    ];
  });
  departmentRows.push({ cells: [t.wholeCity, ...MEANS.slice(0, 5)], emphasis: 'total' });

  const staffTotal = DEPARTMENTS.reduce((sum, department) => sum + department.staff, 0);
  const respondentTotal = DEPARTMENTS.reduce((sum, department) => sum + department.respondents, 0);
  const responseRows: (TableRow | TableCell[])[] = DEPARTMENTS.map((department) => [
    department.name[language],
    department.staff,
    department.respondents,
    formatPercent(department.respondents / department.staff, language),
  ]);
  responseRows.push({
    cells: [t.wholeCity, staffTotal, respondentTotal, formatPercent(respondentTotal / staffTotal, language)],
    emphasis: 'total',
  });

  const content: DocumentBlock[] = [
    h1(t.summary),
    p(t.summaryLead, 'lead'),
    keyFigures([
      { value: number(respondentTotal, 0), label: t.respondents },
      { value: formatPercent(respondentTotal / staffTotal, language), label: t.responseRate },
      { value: number(3.09), label: t.overall, detail: t.networkMedian(number(3.05)) },
      { value: number(3.78), label: t.strongest, detail: t.networkMedian(number(3.55)) },
    ]),
    bullets(t.findings.map((finding) => [...finding])),
    h2(t.nextSteps),
    p(t.nextStepsText),
    numbered(t.nextStepsList),
    pageBreak(),
    h1(t.byPerspective),
    p(t.byPerspectiveText),
    chart(profile, t.profileAlt, t.profileCaption),
    chartTable(profile, t.profileTable),
    h2(t.distributions),
    p(t.distributionsText),
    chart(distribution, t.distributionAlt, t.distributionCaption),
    h2(t.departmentFocus),
    p(t.departmentFocusText),
    chart(departmentFocus, t.departmentFocusAlt, t.departmentFocusCaption),
    h1(t.departments),
    p(t.departmentsText),
    {
      type: 'table',
      caption: t.departmentCaption,
      columns: [
        { header: t.department, width: 30 },
        ...t.departmentShort.map((header) => ({ header, numeric: true, decimals: 1, width: 14 })),
      ],
      rows: departmentRows,
      note: t.departmentNote,
    },
    h2(t.educationProfile),
    p(t.educationProfileText),
    chart(education, t.educationAlt, t.educationCaption),
    h2(t.responses),
    {
      type: 'table',
      caption: t.responsesCaption,
      columns: [
        { header: t.department },
        { header: t.staff, numeric: true },
        { header: t.answers, numeric: true },
        { header: t.rate, numeric: true },
      ],
      rows: responseRows,
    },
    h1(t.comments),
    p(t.commentsText),
    bullets(t.commentList.map((comment) => [{ text: `”${comment}”`, italic: true }])),
    callout([t.commentNote], { tone: 'note' }),
    h1(t.method),
    ...t.methodText.map((text) => p(text)),
    callout([t.methodCallout], { title: t.methodCalloutTitle }),
    pageBreak(),
    h1(t.appendix),
    p(t.appendixText),
    chartTable(distribution, t.appendixCaption),
  ];

  return {
    language,
    branding: SURVEY_BRANDING,
    titlePage: { kicker: t.kicker, title: t.title, subtitle: t.subtitle, details: t.details },
    documentName: t.documentName,
    date: new Date('2026-12-01T08:00:00Z'),
    author: 'Digiverkosto',
    subject: t.kicker,
    keywords: [t.kicker, t.subject],
    blocks: content,
  };
}

// ---- The branded roadmap --------------------------------------------------------------------------

/** An invented town's logo: a birch leaf over three waves in a roundel, and the town's name. */
export const KOIVURANTA_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120">
  <circle cx="60" cy="60" r="54" fill="#0E5A63"/>
  <path d="M60 16 C84 34 88 62 60 86 C32 62 36 34 60 16 Z" fill="#F2B705"/>
  <path d="M60 26 L60 84" stroke="#0E5A63" stroke-width="3" stroke-linecap="round"/>
  <path d="M60 46 L72 38 M60 58 L76 50 M60 46 L48 38 M60 58 L44 50 M60 70 L71 63 M60 70 L49 63" stroke="#0E5A63" stroke-width="2.4" stroke-linecap="round"/>
  <path d="M16 92 Q27 86 38 92 T60 92 T82 92 T104 92" fill="none" stroke="#FFFFFF" stroke-width="3.5" stroke-linecap="round"/>
  <path d="M22 102 Q32 96 42 102 T62 102 T82 102 T98 102" fill="none" stroke="#FFFFFF" stroke-width="3" stroke-linecap="round" opacity="0.8"/>
  <text x="128" y="62" font-family="Source Sans 3" font-weight="700" font-size="40" fill="#0E5A63" letter-spacing="1">KOIVURANTA</text>
  <text x="130" y="90" font-family="Source Sans 3" font-weight="400" font-size="19" fill="#3D4A52" letter-spacing="3">KAUPUNKI · STAD</text>
</svg>`;

const ROADMAP_TEXT = {
  fi: {
    kicker: 'Digitiekartta 2027–2028',
    title: 'Koivurannan digitiekartta',
    subtitle: 'Yhteenveto johtoryhmän ja sisältötyöpajan työstä',
    details: [
      'Käsitelty johtoryhmässä 26.1.2027',
      'Omistaja: kaupunginjohtaja',
      'Esimerkkiasiakirja keksityin tiedoin',
    ],
    documentName: 'Koivurannan digitiekartta 2027–2028',
    organisation: 'Koivurannan kaupunki',
    logoAlt: 'Koivurannan kaupungin logo',
    vision: 'Visio',
    visionLead:
      'Vuonna 2028 koivurantalainen hoitaa asiansa sujuvasti verkossa, ja henkilöstö käyttää tietoa ja digitaalisia välineitä luontevasti työssään.',
    visionText:
      'Digitiekartta kokoaa kaupunkistrategian digitalisaatiota koskevat tavoitteet konkreettisiksi toimenpiteiksi, aikatauluiksi ja vastuiksi. Se perustuu henkilöstön digitalisaatiokyselyyn (lähtötaso) ja johtoryhmän työpajassa asettamiin tavoitetasoihin.',
    levels: 'Lähtötaso ja tavoitetaso',
    levelsText:
      'Rengas on henkilöstökyselyn lähtötaso syksyllä 2026 ja piste johtoryhmän sopima tavoitetaso vuodelle 2028.',
    perspective: 'Näkökulma',
    baseline: 'Lähtötaso 2026',
    target: 'Tavoite 2028',
    change: 'Muutos',
    levelsCaption: 'Lähtötaso ja tavoitetaso näkökulmittain',
    levelsAlt:
      'Nuolikaavio yhdestätoista näkökulmasta. Suurin tavoiteltu nousu on sähköisessä osallistamisessa, 2,5:stä 3,4:ään; tiedolla johtamisessa tavoite on 3,5.',
    levelsTable: 'Lähtö- ja tavoitetasot',
    picks: 'Johtoryhmän jäsenten tavoitetasot',
    picksText:
      'Jokainen johtoryhmän jäsen asetti työpajassa oman tavoitteensa. Sovittu tavoite on jäsenten tavoitteiden mediaani.',
    picksSeries: 'Jäsenen tavoite',
    picksMedian: 'Mediaani',
    picksCaption: 'Johtoryhmän jäsenten tavoitteet viidessä painopisteessä',
    picksAlt:
      'Pistekaavio viidestä näkökulmasta: johtoryhmän yhdeksän jäsenen tavoitteet, lähtötaso ja tavoitteiden mediaani.',
    goals: 'Tavoitteet',
    goalList: [
      [
        bold('Asiointi verkossa. '),
        { text: 'Kymmenen eniten käytettyä palvelua on asioitavissa verkossa vuoden 2028 loppuun mennessä.' },
      ],
      [
        bold('Tiedolla johtaminen. '),
        { text: 'Johtoryhmä seuraa strategian mittareita yhdeltä näkymältä neljännesvuosittain.' },
      ],
      [
        bold('Osaaminen. '),
        {
          text: 'Jokainen työntekijä saa digituen omalla toimialallaan ja perehdytyksen uusiin järjestelmiin.',
        },
      ],
      [
        bold('Osallisuus. '),
        { text: 'Kaupunkilaiset voivat osallistua valmisteluun verkossa kaikissa suurissa hankkeissa.' },
      ],
    ],
    actions: 'Toimenpiteet ja aikataulu',
    actionsText: 'Toimenpiteet on aikataulutettu neljännesvuosittain. Jokaisella on nimetty vastuuhenkilö.',
    action: 'Toimenpide',
    owner: 'Vastuu',
    period: 'Ajoitus',
    status: 'Tila',
    actionsCaption: 'Toimenpiteiden aikataulu ja tila tammikuussa 2027',
    actionsAlt:
      'Aikajanakaavio kahdeksasta toimenpiteestä vuosineljänneksittäin Q3/2026–Q4/2028. Yksi on valmis, kolme käynnissä, kolme suunniteltu ja yksi viivästynyt.',
    actionsTable: 'Toimenpiteet, vastuut ja tila',
    followUp: 'Seurantamalli',
    followUpText:
      'Digitiekartan toteutumista seurataan johtoryhmässä säännöllisesti, ja kartta päivitetään vuosittain.',
    followUpFigures: [
      { value: '4', label: 'seurantaa vuodessa johtoryhmässä' },
      { value: '1', label: 'päivitys vuodessa valtuustokauden ajan' },
      { value: '2028', label: 'uusintakysely henkilöstölle', detail: 'vertailu lähtötasoon' },
    ],
    followUpList: [
      'Toimenpiteiden vastuuhenkilöt raportoivat tilan neljännesvuosittain.',
      'Digitalisaatiopäällikkö kokoaa tilannekuvan johtoryhmälle.',
      'Henkilöstökysely uusitaan syksyllä 2028, ja tuloksia verrataan lähtötasoon.',
    ],
    actionsList: [
      ['Palvelukartoitus: sähköisen asioinnin nykytila', 'Digitalisaatiopäällikkö', 2026, 3, 2026, 4, 'done'],
      [
        'Digituen lähitukipisteet kirjastoihin',
        'Sivistystoimi / kirjastopalvelut',
        2026,
        4,
        2027,
        2,
        'inProgress',
      ],
      [
        'Strategiamittarit johtoryhmän näkymään',
        'Talous- ja strategiajohtaja',
        2027,
        1,
        2027,
        4,
        'inProgress',
      ],
      [
        'Asiakaspalautteen kerääminen kaikista verkkopalveluista',
        'Viestintäpäällikkö',
        2027,
        1,
        2027,
        3,
        'delayed',
      ],
      ['Kokeilurahasto henkilöstön ideoille', 'Henkilöstöjohtaja', 2027, 2, 2028, 2, 'planned'],
      [
        'Verkko-osallistumisen alusta suuriin hankkeisiin',
        'Osallisuuskoordinaattori',
        2027,
        3,
        2028,
        1,
        'planned',
      ],
      ['Perehdytysmalli uusiin järjestelmiin', 'ICT-palvelut', 2027, 1, 2027, 2, 'inProgress'],
      ['Uusintakysely henkilöstölle', 'Digitalisaatiopäällikkö', 2028, 3, 2028, 4, 'planned'],
    ],
  },
  sv: {
    kicker: 'Digital färdplan 2027–2028',
    title: 'Björkstrands digitala färdplan',
    subtitle: 'Sammanfattning av ledningsgruppens och innehållsverkstadens arbete',
    details: [
      'Behandlad i ledningsgruppen 26.1.2027',
      'Ägare: stadsdirektören',
      'Exempeldokument med påhittade uppgifter',
    ],
    documentName: 'Björkstrands digitala färdplan 2027–2028',
    organisation: 'Björkstrands stad',
    logoAlt: 'Björkstrands stads logotyp',
    vision: 'Vision',
    visionLead:
      'År 2028 sköter invånarna i Björkstrand sina ärenden smidigt på nätet, och personalen använder data och digitala verktyg naturligt i sitt arbete.',
    visionText:
      'Den digitala färdplanen omsätter stadsstrategins mål för digitalisering i konkreta åtgärder, tidtabeller och ansvar. Den bygger på personalens digitaliseringsenkät (utgångsläget) och de målnivåer som ledningsgruppen satte i sin verkstad.',
    levels: 'Utgångsläge och målnivå',
    levelsText:
      'Ringen är utgångsläget i personalenkäten hösten 2026 och punkten den målnivå för 2028 som ledningsgruppen kommit överens om.',
    perspective: 'Perspektiv',
    baseline: 'Utgångsläge 2026',
    target: 'Mål 2028',
    change: 'Förändring',
    levelsCaption: 'Utgångsläge och målnivå per perspektiv',
    levelsAlt:
      'Pildiagram över elva perspektiv. Den största eftersträvade ökningen gäller elektroniskt deltagande, från 2,5 till 3,4; i kunskapsbaserad ledning är målet 3,5.',
    levelsTable: 'Utgångs- och målnivåer',
    picks: 'Ledningsgruppens målnivåer',
    picksText:
      'Varje medlem i ledningsgruppen satte sitt eget mål i verkstaden. Det gemensamma målet är medianen av medlemmarnas mål.',
    picksSeries: 'Medlemmens mål',
    picksMedian: 'Median',
    picksCaption: 'Ledningsgruppens mål i fem prioriteringar',
    picksAlt:
      'Punktdiagram över fem perspektiv: målen för ledningsgruppens nio medlemmar, utgångsläget och målens median.',
    goals: 'Mål',
    goalList: [
      [
        bold('Ärenden på nätet. '),
        { text: 'De tio mest använda tjänsterna kan skötas på nätet före utgången av 2028.' },
      ],
      [
        bold('Kunskapsbaserad ledning. '),
        { text: 'Ledningsgruppen följer strategins mätare i en och samma vy varje kvartal.' },
      ],
      [
        bold('Kompetens. '),
        { text: 'Varje anställd får digitalt stöd inom sin egen sektor och introduktion i nya system.' },
      ],
      [bold('Delaktighet. '), { text: 'Invånarna kan delta i beredningen på nätet i alla stora projekt.' }],
    ],
    actions: 'Åtgärder och tidtabell',
    actionsText: 'Åtgärderna är tidsatta per kvartal. Var och en har en namngiven ansvarsperson.',
    action: 'Åtgärd',
    owner: 'Ansvar',
    period: 'Tidpunkt',
    status: 'Status',
    actionsCaption: 'Åtgärdernas tidtabell och status i januari 2027',
    actionsAlt:
      'Tidslinjediagram över åtta åtgärder per kvartal Q3/2026–Q4/2028. En är klar, tre pågår, tre är planerade och en är försenad.',
    actionsTable: 'Åtgärder, ansvar och status',
    followUp: 'Uppföljningsmodell',
    followUpText:
      'Hur färdplanen genomförs följs regelbundet upp i ledningsgruppen, och planen uppdateras årligen.',
    followUpFigures: [
      { value: '4', label: 'uppföljningar per år i ledningsgruppen' },
      { value: '1', label: 'uppdatering per år under fullmäktigeperioden' },
      { value: '2028', label: 'ny personalenkät', detail: 'jämförelse med utgångsläget' },
    ],
    followUpList: [
      'De ansvariga för åtgärderna rapporterar status varje kvartal.',
      'Digitaliseringschefen sammanställer en lägesbild för ledningsgruppen.',
      'Personalenkäten upprepas hösten 2028 och resultaten jämförs med utgångsläget.',
    ],
    actionsList: [
      ['Tjänstekartläggning: e-tjänsternas nuläge', 'Digitaliseringschef', 2026, 3, 2026, 4, 'done'],
      [
        'Närstödspunkter för digitalt stöd i biblioteken',
        'Bildning / bibliotekstjänster',
        2026,
        4,
        2027,
        2,
        'inProgress',
      ],
      [
        'Strategins mätare i ledningsgruppens vy',
        'Ekonomi- och strategidirektör',
        2027,
        1,
        2027,
        4,
        'inProgress',
      ],
      ['Kundrespons från alla e-tjänster', 'Kommunikationschef', 2027, 1, 2027, 3, 'delayed'],
      ['Försöksfond för personalens idéer', 'Personaldirektör', 2027, 2, 2028, 2, 'planned'],
      [
        'Plattform för delaktighet på nätet i stora projekt',
        'Delaktighetskoordinator',
        2027,
        3,
        2028,
        1,
        'planned',
      ],
      ['Introduktionsmodell för nya system', 'IKT-tjänster', 2027, 1, 2027, 2, 'inProgress'],
      ['Ny personalenkät', 'Digitaliseringschef', 2028, 3, 2028, 4, 'planned'],
    ],
  },
} as const;

const TARGETS = [3.8, 3.9, 3.4, 3.3, 3.5, 3.5, 3.2, 3.8, 4.0, 3.4, 3.5];
const LEADER_PICKS = [
  [3.5, 4, 4, 3.5, 4, 4.5, 3.5, 4, 3],
  [3.5, 3.5, 4, 3, 3.5, 3.5, 3, 4, 3.5],
  [3, 3.5, 3.5, 3, 3.5, 4, 3.5, 3.5, 3],
  [3.5, 3, 4, 3.5, 3.5, 3, 4, 3.5, 3],
  [3.5, 4, 3.5, 3, 3.5, 3.5, 3, 3.5, 4],
];

/** Koivuranta's roadmap summary in the town's own colours and logo. */
export function roadmapSample(language: SampleLanguage): ReportDocument {
  const t = ROADMAP_TEXT[language];
  const names = PERSPECTIVES[language];
  const primary = '#0E5A63';
  const levels = baselineTargetChart({
    language,
    accent: primary,
    labelHeader: t.perspective,
    series: { baseline: t.baseline, target: t.target, change: t.change },
    rows: names.map((label, index) => ({ label, baseline: MEANS[index], target: TARGETS[index] })),
  });
  const focus = [4, 9, 6, 7, 10];
  const picks = dotPlotChart({
    language,
    accent: primary,
    labelHeader: t.perspective,
    series: { baseline: t.baseline, picks: t.picksSeries, median: t.picksMedian },
    rows: focus.map((perspective, index) => ({
      label: names[perspective] ?? '',
      baseline: MEANS[perspective],
      picks: LEADER_PICKS[index] ?? [],
    })),
  });
  const timeline = timelineChart({
    language,
    accent: primary,
    labelHeader: t.action,
    ownerHeader: t.owner,
    periodHeader: t.period,
    statusHeader: t.status,
    from: { year: 2026, quarter: 3 },
    to: { year: 2028, quarter: 4 },
    current: { year: 2027, quarter: 1 },
    rows: t.actionsList.map(([label, owner, startYear, startQuarter, endYear, endQuarter, status]) => ({
      label,
      owner,
      start: { year: startYear, quarter: startQuarter },
      end: { year: endYear, quarter: endQuarter },
      status,
    })),
  });

  return {
    language,
    branding: {
      organisationName: t.organisation,
      primaryColour: primary,
      secondaryColour: '#F2B705',
      logo: { format: 'svg', data: Buffer.from(KOIVURANTA_LOGO_SVG, 'utf8'), altText: t.logoAlt },
    },
    titlePage: { kicker: t.kicker, title: t.title, subtitle: t.subtitle, details: t.details },
    documentName: t.documentName,
    date: new Date('2027-01-26T10:00:00Z'),
    author: t.organisation,
    subject: t.kicker,
    blocks: [
      h1(t.vision),
      p(t.visionLead, 'lead'),
      p(t.visionText),
      h1(t.levels),
      p(t.levelsText),
      chart(levels, t.levelsAlt, t.levelsCaption),
      chartTable(levels, t.levelsTable),
      h2(t.picks),
      p(t.picksText),
      chart(picks, t.picksAlt, t.picksCaption),
      h1(t.goals),
      numbered(t.goalList.map((goal) => [...goal])),
      pageBreak(),
      h1(t.actions),
      p(t.actionsText),
      chart(timeline, t.actionsAlt, t.actionsCaption),
      chartTable(timeline, t.actionsTable),
      h1(t.followUp),
      p(t.followUpText),
      keyFigures(t.followUpFigures),
      bullets(t.followUpList),
    ],
  };
}
