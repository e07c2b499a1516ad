import type { Language } from '../shared/i18n/language';
import type { ActionStatus, CompassArea, HistoryKind, Priority, RoadmapPhase } from './roadmap';

/** The roadmap's words in each language: Finnish first, Swedish, English. */
export interface RoadmapMessages {
  readonly roadmapName: string;
  readonly phases: Record<RoadmapPhase, string>;
  readonly statuses: Record<ActionStatus, string>;
  readonly compassAreas: Record<CompassArea, string>;
  readonly priorities: Record<Priority, string>;
  readonly scopes: Record<'personal' | 'municipality', string>;
  readonly erasedPerson: string;
  readonly notReachable: string;
  readonly noOwner: string;
  readonly cadence: (months: number) => string;
  readonly fields: Record<string, string>;
  readonly history: (kind: HistoryKind, subject: string, fields: string, from: string, to: string) => string;
  // Cards
  readonly targetsTitle: (municipality: string) => string;
  readonly targetsIntro: (year: number) => string;
  readonly targetsScale: string;
  readonly targetsLabel: (perspective: string, baseline: string) => string;
  readonly targetsNoBaseline: string;
  readonly targetsChoose: string;
  readonly targetsSave: string;
  readonly targetsSaved: (time: string) => string;
  readonly targetsInvalid: string;
  readonly targetsClosed: string;
  readonly targetsNewSession: string;
  readonly targetsNotLeader: string;
  readonly checkInTitle: string;
  readonly checkInIntro: (period: string) => string;
  readonly checkInAction: string;
  readonly checkInGoal: string;
  readonly checkInSchedule: string;
  readonly checkInStatusNow: string;
  readonly checkInStatus: string;
  readonly checkInLine: string;
  readonly checkInLinePlaceholder: string;
  readonly checkInSend: string;
  readonly checkInSaved: (status: string) => string;
  readonly checkInReminder: (period: string) => string;
  readonly checkInNotOwner: string;
  readonly checkInUnknown: string;
  readonly checkInExpired: string;
  readonly checkInTooLong: (max: number) => string;
  readonly checkInChooseStatus: string;
  readonly summaryTitle: (municipality: string, period: string) => string;
  readonly summaryIntro: (answered: number, asked: number) => string;
  readonly summaryMoved: string;
  readonly summaryNothingMoved: string;
  readonly summaryCounts: (counts: Record<ActionStatus, number>) => string;
  readonly summaryLate: (count: number) => string;
  readonly summaryUnanswered: (count: number) => string;
  readonly summaryExternal: (count: number) => string;
  readonly openRoadmap: string;
  readonly overviewTitle: (municipality: string) => string;
  readonly overviewPhase: (phase: string) => string;
  readonly overviewActions: (total: number, done: number, late: number) => string;
  readonly overviewNone: string;
  readonly overviewNoMunicipality: string;
  readonly refresh: string;
}

const FI: RoadmapMessages = {
  roadmapName: 'Digitiekartta',
  phases: {
    preparation: 'Valmistelu',
    survey: 'Kysely ja lähtötaso',
    leadershipWorkshop: 'Johtoryhmätyöpaja',
    contentWorkshop: 'Sisältötyöpaja',
    summary: 'Yhteenveto',
    followUp: 'Seuranta',
  },
  statuses: {
    planned: 'Suunniteltu',
    inProgress: 'Käynnissä',
    done: 'Valmis',
    late: 'Myöhässä',
    dropped: 'Luovuttu',
  },
  compassAreas: {
    skills: 'Digitaidot',
    infrastructure: 'Turvallinen ja kestävä digitaalinen infrastruktuuri',
    business: 'Yritysten digitaalinen muutos',
    publicServices: 'Julkisten palvelujen digitalisaatio',
  },
  priorities: { high: 'Korkea', medium: 'Keskitaso', low: 'Matala' },
  scopes: { personal: 'Oma työ', municipality: 'Kunta' },
  erasedPerson: 'poistettu henkilö',
  notReachable: 'ei tavoitettavissa Teamsissa',
  noOwner: 'ei nimetty',
  cadence: (months) =>
    months === 3
      ? 'neljännesvuosittain'
      : months === 12
        ? 'kerran vuodessa'
        : months === 1
          ? 'kuukausittain'
          : `${months} kuukauden välein`,
  fields: {
    vision: 'visio',
    owner: 'omistaja',
    cadenceMonths: 'seurantaväli',
    targetYear: 'tavoitevuosi',
    title: 'nimi',
    description: 'kuvaus',
    perspectiveId: 'näkökulma',
    strategyGoal: 'strategiatavoite',
    compassArea: 'digikompassin alue',
    goalId: 'tavoite',
    indicator: 'mittari',
    note: 'huomio',
    schedule: 'aikataulu',
    status: 'tila',
    colours: 'värit',
  },
  history: (kind, subject, fields, from, to) => {
    switch (kind) {
      case 'created':
        return 'Digitiekartta luotiin.';
      case 'updated':
        return `Muutettiin: ${fields}.`;
      case 'phaseChanged':
        return `Vaihe: ${from} → ${to}.`;
      case 'baselineRefreshed':
        return 'Lähtötaso päivitettiin kyselyn tuloksista.';
      case 'baselineAdjusted':
        return `Lähtötasoa korjattiin: ${subject} ${from || '–'} → ${to || '–'}.`;
      case 'targetAgreed':
        return `Sovittu tavoitetaso: ${subject} ${from || '–'} → ${to || '–'}.`;
      case 'targetSettingOpened':
        return 'Tavoitetasojen asettaminen avattiin.';
      case 'targetSettingClosed':
        return 'Tavoitetasojen asettaminen suljettiin.';
      case 'targetsPicked':
        return 'Johtoryhmän jäsen tallensi tavoitetasonsa.';
      case 'goalAdded':
        return `Tavoite lisättiin: ${subject}.`;
      case 'goalUpdated':
        return `Tavoitetta muutettiin: ${subject}${fields ? ` (${fields})` : ''}.`;
      case 'goalRemoved':
        return `Tavoite poistettiin: ${subject}.`;
      case 'actionAdded':
        return `Toimenpide lisättiin: ${subject}.`;
      case 'actionUpdated':
        return `Toimenpidettä muutettiin: ${subject}${fields ? ` (${fields})` : ''}${from ? `, tila ${from} → ${to}` : ''}.`;
      case 'actionRemoved':
        return `Toimenpide poistettiin: ${subject}.`;
      case 'checkIn':
        return `Seurantavastaus: ${subject}${from ? `, tila ${from} → ${to}` : ''}.`;
      case 'brandingUpdated':
        return 'Värit muutettiin.';
      case 'logoUpdated':
        return 'Logo vaihdettiin.';
      case 'logoRemoved':
        return 'Logo poistettiin.';
    }
  },
  targetsTitle: (municipality) => `Digitiekartan tavoitetasot: ${municipality}`,
  targetsIntro: (year) =>
    `Valitse jokaiselle näkökulmalle tavoitetaso vuodelle ${year}. Voit muuttaa valintojasi, kunnes fasilitaattori sulkee tavoitteiden asettamisen. Työpajassa sovitaan yhteinen tavoite.`,
  targetsScale: 'Asteikko 1–5 (1 = heikko, 5 = erinomainen). Lähtötaso on henkilöstökyselyn keskiarvo.',
  targetsLabel: (perspective, baseline) => `${perspective} – lähtötaso ${baseline}`,
  targetsNoBaseline: 'ei lähtötasoa',
  targetsChoose: 'Valitse tavoitetaso',
  targetsSave: 'Tallenna tavoitetasot',
  targetsSaved: (time) => `Tallennettu ${time}. Voit vielä muuttaa valintojasi.`,
  targetsInvalid: 'Jokin valinta ei kelpaa. Valitse tavoitetaso listasta.',
  targetsClosed: 'Tavoitetasojen asettaminen on suljettu. Alla ovat valintasi.',
  targetsNewSession:
    'Tavoitetasojen asettaminen on avattu uudelleen, eikä vanhaa korttia voi enää käyttää. Valitse tavoitetasot tällä kortilla.',
  targetsNotLeader: 'Tavoitetasot asettavat kunnan johtoryhmän jäsenet.',
  checkInTitle: 'Miten toimenpide etenee?',
  checkInIntro: (period) =>
    `Digitiekartan seuranta ${period}. Kerro toimenpiteen tila ja yhdellä rivillä, mitä on tapahtunut.`,
  checkInAction: 'Toimenpide',
  checkInGoal: 'Tavoite',
  checkInSchedule: 'Aikataulu',
  checkInStatusNow: 'Tila nyt',
  checkInStatus: 'Tila',
  checkInLine: 'Mitä on tapahtunut (yksi rivi)',
  checkInLinePlaceholder: 'Esim. pilotti käynnistyi kahdessa koulussa',
  checkInSend: 'Lähetä',
  checkInSaved: (status) =>
    `Kiitos! Kirjattu: ${status}. Voit muuttaa vastaustasi tämän seurantajakson aikana.`,
  checkInReminder: (period) => `Muistutus: seurannan ${period} vastaus puuttuu vielä.`,
  checkInNotOwner: 'Vain toimenpiteen vastuuhenkilö voi vastata tähän seurantaan.',
  checkInUnknown: 'Toimenpidettä ei enää löydy digitiekartasta.',
  checkInExpired: 'Tämän seurantajakson vastausaika on päättynyt. Tilannetta voi päivittää välilehdellä.',
  checkInTooLong: (max) => `Kirjoita enintään ${max} merkkiä; tekstisi on tallessa alla.`,
  checkInChooseStatus: 'Valitse toimenpiteen tila.',
  summaryTitle: (municipality, period) => `Digitiekartan seuranta ${period}: ${municipality}`,
  summaryIntro: (answered, asked) => `${answered}/${asked} vastuuhenkilöä vastasi seurantaan.`,
  summaryMoved: 'Mikä liikkui',
  summaryNothingMoved: 'Toimenpiteiden tiloissa ei ollut muutoksia.',
  summaryCounts: (c) =>
    `Valmiina ${c.done}, käynnissä ${c.inProgress}, suunniteltuna ${c.planned}, myöhässä ${c.late}, luovuttu ${c.dropped}.`,
  summaryLate: (count) =>
    count === 1
      ? 'Yksi toimenpide on myöhässä aikataulustaan.'
      : `${count} toimenpidettä on myöhässä aikataulustaan.`,
  summaryUnanswered: (count) =>
    count === 1 ? 'Yksi vastuuhenkilö ei vastannut.' : `${count} vastuuhenkilöä ei vastannut.`,
  summaryExternal: (count) =>
    count === 1
      ? 'Yhden toimenpiteen vastuuhenkilö ei ole Teamsissa; toimenpiteen tilanne kirjataan välilehdellä.'
      : `${count} toimenpiteen vastuuhenkilöt eivät ole Teamsissa; niiden tilanne kirjataan välilehdellä.`,
  openRoadmap: 'Avaa digitiekartta',
  overviewTitle: (municipality) => `Digitiekartta: ${municipality}`,
  overviewPhase: (phase) => `Vaihe: ${phase}`,
  overviewActions: (total, done, late) => `${total} toimenpidettä, ${done} valmiina, ${late} myöhässä.`,
  overviewNone: 'Kunnallasi ei ole vielä digitiekarttaa tällä kierroksella.',
  overviewNoMunicipality: 'Digitiekartta on kuntakohtainen, eikä sinulle ole merkitty kuntaa.',
  refresh: 'Päivitä',
};

const SV: RoadmapMessages = {
  roadmapName: 'Digital färdplan',
  phases: {
    preparation: 'Förberedelse',
    survey: 'Enkät och utgångsläge',
    leadershipWorkshop: 'Ledningsgruppens verkstad',
    contentWorkshop: 'Innehållsverkstad',
    summary: 'Sammanfattning',
    followUp: 'Uppföljning',
  },
  statuses: {
    planned: 'Planerad',
    inProgress: 'Pågår',
    done: 'Klar',
    late: 'Försenad',
    dropped: 'Slopad',
  },
  compassAreas: {
    skills: 'Digitala färdigheter',
    infrastructure: 'Säker och hållbar digital infrastruktur',
    business: 'Företagens digitala omställning',
    publicServices: 'Digitalisering av offentliga tjänster',
  },
  priorities: { high: 'Hög', medium: 'Medel', low: 'Låg' },
  scopes: { personal: 'Eget arbete', municipality: 'Kommunen' },
  erasedPerson: 'raderad person',
  notReachable: 'nås inte i Teams',
  noOwner: 'inte utsedd',
  cadence: (months) =>
    months === 3
      ? 'varje kvartal'
      : months === 12
        ? 'en gång om året'
        : months === 1
          ? 'varje månad'
          : `med ${months} månaders mellanrum`,
  fields: {
    vision: 'vision',
    owner: 'ägare',
    cadenceMonths: 'uppföljningsintervall',
    targetYear: 'målår',
    title: 'namn',
    description: 'beskrivning',
    perspectiveId: 'perspektiv',
    strategyGoal: 'strategiskt mål',
    compassArea: 'digikompassens område',
    goalId: 'mål',
    indicator: 'mätare',
    note: 'anmärkning',
    schedule: 'tidtabell',
    status: 'status',
    colours: 'färger',
  },
  history: (kind, subject, fields, from, to) => {
    switch (kind) {
      case 'created':
        return 'Den digitala färdplanen skapades.';
      case 'updated':
        return `Ändrat: ${fields}.`;
      case 'phaseChanged':
        return `Skede: ${from} → ${to}.`;
      case 'baselineRefreshed':
        return 'Utgångsläget uppdaterades från enkätens resultat.';
      case 'baselineAdjusted':
        return `Utgångsläget korrigerades: ${subject} ${from || '–'} → ${to || '–'}.`;
      case 'targetAgreed':
        return `Överenskommen målnivå: ${subject} ${from || '–'} → ${to || '–'}.`;
      case 'targetSettingOpened':
        return 'Målsättningen öppnades.';
      case 'targetSettingClosed':
        return 'Målsättningen stängdes.';
      case 'targetsPicked':
        return 'En medlem i ledningsgruppen sparade sina målnivåer.';
      case 'goalAdded':
        return `Ett mål lades till: ${subject}.`;
      case 'goalUpdated':
        return `Målet ändrades: ${subject}${fields ? ` (${fields})` : ''}.`;
      case 'goalRemoved':
        return `Målet togs bort: ${subject}.`;
      case 'actionAdded':
        return `En åtgärd lades till: ${subject}.`;
      case 'actionUpdated':
        return `Åtgärden ändrades: ${subject}${fields ? ` (${fields})` : ''}${from ? `, status ${from} → ${to}` : ''}.`;
      case 'actionRemoved':
        return `Åtgärden togs bort: ${subject}.`;
      case 'checkIn':
        return `Uppföljningssvar: ${subject}${from ? `, status ${from} → ${to}` : ''}.`;
      case 'brandingUpdated':
        return 'Färgerna ändrades.';
      case 'logoUpdated':
        return 'Logotypen byttes.';
      case 'logoRemoved':
        return 'Logotypen togs bort.';
    }
  },
  targetsTitle: (municipality) => `Målnivåer för den digitala färdplanen: ${municipality}`,
  targetsIntro: (year) =>
    `Välj en målnivå för år ${year} för varje perspektiv. Du kan ändra dina val tills facilitatorn stänger målsättningen. I verkstaden kommer ni överens om ett gemensamt mål.`,
  targetsScale: 'Skala 1–5 (1 = svag, 5 = utmärkt). Utgångsläget är personalenkätens medelvärde.',
  targetsLabel: (perspective, baseline) => `${perspective} – utgångsläge ${baseline}`,
  targetsNoBaseline: 'inget utgångsläge',
  targetsChoose: 'Välj målnivå',
  targetsSave: 'Spara målnivåerna',
  targetsSaved: (time) => `Sparat ${time}. Du kan ännu ändra dina val.`,
  targetsInvalid: 'Något val duger inte. Välj en målnivå i listan.',
  targetsClosed: 'Målsättningen är stängd. Nedan finns dina val.',
  targetsNewSession:
    'Målsättningen har öppnats på nytt, och det gamla kortet kan inte längre användas. Välj målnivåerna på det här kortet.',
  targetsNotLeader: 'Målnivåerna sätts av medlemmarna i kommunens ledningsgrupp.',
  checkInTitle: 'Hur går åtgärden framåt?',
  checkInIntro: (period) =>
    `Uppföljning av den digitala färdplanen ${period}. Ange åtgärdens status och på en rad vad som har hänt.`,
  checkInAction: 'Åtgärd',
  checkInGoal: 'Mål',
  checkInSchedule: 'Tidtabell',
  checkInStatusNow: 'Status nu',
  checkInStatus: 'Status',
  checkInLine: 'Vad har hänt (en rad)',
  checkInLinePlaceholder: 'T.ex. piloten inleddes i två skolor',
  checkInSend: 'Skicka',
  checkInSaved: (status) =>
    `Tack! Registrerat: ${status}. Du kan ändra ditt svar under den här uppföljningsperioden.`,
  checkInReminder: (period) => `Påminnelse: svaret för uppföljningen ${period} saknas ännu.`,
  checkInNotOwner: 'Bara den som ansvarar för åtgärden kan svara på uppföljningen.',
  checkInUnknown: 'Åtgärden finns inte längre i den digitala färdplanen.',
  checkInExpired: 'Svarstiden för den här uppföljningsperioden har gått ut. Läget kan uppdateras i fliken.',
  checkInTooLong: (max) => `Skriv högst ${max} tecken; din text finns kvar nedan.`,
  checkInChooseStatus: 'Välj åtgärdens status.',
  summaryTitle: (municipality, period) => `Uppföljning av den digitala färdplanen ${period}: ${municipality}`,
  summaryIntro: (answered, asked) => `${answered}/${asked} ansvariga svarade på uppföljningen.`,
  summaryMoved: 'Vad som rörde sig',
  summaryNothingMoved: 'Inga åtgärder bytte status.',
  summaryCounts: (c) =>
    `Klara ${c.done}, pågår ${c.inProgress}, planerade ${c.planned}, försenade ${c.late}, slopade ${c.dropped}.`,
  summaryLate: (count) =>
    count === 1 ? 'En åtgärd ligger efter sin tidtabell.' : `${count} åtgärder ligger efter sin tidtabell.`,
  summaryUnanswered: (count) =>
    count === 1 ? 'En ansvarig svarade inte.' : `${count} ansvariga svarade inte.`,
  summaryExternal: (count) =>
    count === 1
      ? 'En åtgärds ansvariga finns inte i Teams; dess läge registreras i fliken.'
      : `${count} åtgärders ansvariga finns inte i Teams; deras läge registreras i fliken.`,
  openRoadmap: 'Öppna den digitala färdplanen',
  overviewTitle: (municipality) => `Digital färdplan: ${municipality}`,
  overviewPhase: (phase) => `Skede: ${phase}`,
  overviewActions: (total, done, late) => `${total} åtgärder, ${done} klara, ${late} försenade.`,
  overviewNone: 'Din kommun har ännu ingen digital färdplan i den här omgången.',
  overviewNoMunicipality: 'Den digitala färdplanen är kommunspecifik, och du har ingen kommun angiven.',
  refresh: 'Uppdatera',
};

const EN: RoadmapMessages = {
  roadmapName: 'Digital roadmap',
  phases: {
    preparation: 'Preparation',
    survey: 'Survey and baseline',
    leadershipWorkshop: 'Leadership workshop',
    contentWorkshop: 'Content workshop',
    summary: 'Summary',
    followUp: 'Follow-up',
  },
  statuses: { planned: 'Planned', inProgress: 'In progress', done: 'Done', late: 'Late', dropped: 'Dropped' },
  compassAreas: {
    skills: 'Digital skills',
    infrastructure: 'Secure and sustainable digital infrastructure',
    business: 'Digital transformation of businesses',
    publicServices: 'Digitalisation of public services',
  },
  priorities: { high: 'High', medium: 'Medium', low: 'Low' },
  scopes: { personal: 'Own work', municipality: 'Municipality' },
  erasedPerson: 'erased person',
  notReachable: 'not reachable in Teams',
  noOwner: 'not named',
  cadence: (months) =>
    months === 3
      ? 'every quarter'
      : months === 12
        ? 'once a year'
        : months === 1
          ? 'every month'
          : `every ${months} months`,
  fields: {
    vision: 'vision',
    owner: 'owner',
    cadenceMonths: 'follow-up cadence',
    targetYear: 'target year',
    title: 'name',
    description: 'description',
    perspectiveId: 'perspective',
    strategyGoal: 'strategy goal',
    compassArea: 'digital compass area',
    goalId: 'goal',
    indicator: 'indicator',
    note: 'note',
    schedule: 'schedule',
    status: 'status',
    colours: 'colours',
  },
  history: (kind, subject, fields, from, to) => {
    switch (kind) {
      case 'created':
        return 'The roadmap was created.';
      case 'updated':
        return `Changed: ${fields}.`;
      case 'phaseChanged':
        return `Phase: ${from} → ${to}.`;
      case 'baselineRefreshed':
        return "The baseline was refreshed from the survey's results.";
      case 'baselineAdjusted':
        return `Baseline adjusted: ${subject} ${from || '–'} → ${to || '–'}.`;
      case 'targetAgreed':
        return `Agreed target level: ${subject} ${from || '–'} → ${to || '–'}.`;
      case 'targetSettingOpened':
        return 'Target setting was opened.';
      case 'targetSettingClosed':
        return 'Target setting was closed.';
      case 'targetsPicked':
        return 'A leadership-team member saved their target levels.';
      case 'goalAdded':
        return `Goal added: ${subject}.`;
      case 'goalUpdated':
        return `Goal changed: ${subject}${fields ? ` (${fields})` : ''}.`;
      case 'goalRemoved':
        return `Goal removed: ${subject}.`;
      case 'actionAdded':
        return `Action added: ${subject}.`;
      case 'actionUpdated':
        return `Action changed: ${subject}${fields ? ` (${fields})` : ''}${from ? `, status ${from} → ${to}` : ''}.`;
      case 'actionRemoved':
        return `Action removed: ${subject}.`;
      case 'checkIn':
        return `Check-in: ${subject}${from ? `, status ${from} → ${to}` : ''}.`;
      case 'brandingUpdated':
        return 'The colours were changed.';
      case 'logoUpdated':
        return 'The logo was replaced.';
      case 'logoRemoved':
        return 'The logo was removed.';
    }
  },
  targetsTitle: (municipality) => `Roadmap target levels: ${municipality}`,
  targetsIntro: (year) =>
    `Pick a target level for ${year} for each perspective. You can change your picks until the facilitator closes target setting. The workshop agrees on a common target.`,
  targetsScale: "Scale 1–5 (1 = poor, 5 = excellent). The baseline is the staff survey's mean.",
  targetsLabel: (perspective, baseline) => `${perspective} – baseline ${baseline}`,
  targetsNoBaseline: 'no baseline',
  targetsChoose: 'Pick a target level',
  targetsSave: 'Save target levels',
  targetsSaved: (time) => `Saved ${time}. You can still change your picks.`,
  targetsInvalid: 'A pick is not valid. Choose a target level from the list.',
  targetsClosed: 'Target setting is closed. Your picks are below.',
  targetsNewSession:
    'Target setting was opened again and the old card no longer counts. Pick your target levels on this card.',
  targetsNotLeader: "Target levels are set by the members of the municipality's leadership team.",
  checkInTitle: 'How is the action going?',
  checkInIntro: (period) =>
    `Roadmap follow-up ${period}. Give the action's status and, in one line, what has happened.`,
  checkInAction: 'Action',
  checkInGoal: 'Goal',
  checkInSchedule: 'Schedule',
  checkInStatusNow: 'Status now',
  checkInStatus: 'Status',
  checkInLine: 'What has happened (one line)',
  checkInLinePlaceholder: 'E.g. the pilot started in two schools',
  checkInSend: 'Send',
  checkInSaved: (status) =>
    `Thank you! Recorded: ${status}. You can change your answer during this follow-up period.`,
  checkInReminder: (period) => `Reminder: your answer to the ${period} follow-up is still missing.`,
  checkInNotOwner: "Only the action's owner can answer this check-in.",
  checkInUnknown: 'The action is no longer in the roadmap.',
  checkInExpired: 'Answers to this follow-up period are closed. The status can be updated in the tab.',
  checkInTooLong: (max) => `Write at most ${max} characters; your text is kept below.`,
  checkInChooseStatus: "Choose the action's status.",
  summaryTitle: (municipality, period) => `Roadmap follow-up ${period}: ${municipality}`,
  summaryIntro: (answered, asked) => `${answered}/${asked} owners answered the check-in.`,
  summaryMoved: 'What moved',
  summaryNothingMoved: 'No action changed status.',
  summaryCounts: (c) =>
    `Done ${c.done}, in progress ${c.inProgress}, planned ${c.planned}, late ${c.late}, dropped ${c.dropped}.`,
  summaryLate: (count) =>
    count === 1 ? 'One action is behind schedule.' : `${count} actions are behind schedule.`,
  summaryUnanswered: (count) =>
    count === 1 ? 'One owner did not answer.' : `${count} owners did not answer.`,
  summaryExternal: (count) =>
    count === 1
      ? "One action's owner is not in Teams; its status is recorded in the tab."
      : `${count} actions' owners are not in Teams; their status is recorded in the tab.`,
  openRoadmap: 'Open the roadmap',
  overviewTitle: (municipality) => `Digital roadmap: ${municipality}`,
  overviewPhase: (phase) => `Phase: ${phase}`,
  overviewActions: (total, done, late) => `${total} actions, ${done} done, ${late} late.`,
  overviewNone: 'Your municipality has no roadmap in this round yet.',
  overviewNoMunicipality: 'The roadmap belongs to a municipality, and none is recorded for you.',
  refresh: 'Refresh',
};

const MESSAGES: Record<Language, RoadmapMessages> = { fi: FI, sv: SV, en: EN };

export function roadmapMessagesFor(language: Language): RoadmapMessages {
  return MESSAGES[language];
}
