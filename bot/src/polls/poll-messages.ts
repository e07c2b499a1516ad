import type { Language } from '../shared/i18n/language';

/** What the bot says about topic wish polls, per language (Finnish is the source). */
export interface PollMessages {
  readonly pollTitle: string;
  readonly answerBy: (when: string) => string;
  readonly opensAt: (when: string) => string;
  readonly closedAt: (when: string) => string;
  readonly chooseOne: string;
  readonly chooseAtMost: (max: number) => string;
  readonly chooseAny: string;
  readonly suggestionLabel: (max: number) => string;
  readonly submit: string;
  readonly saveChanged: string;
  readonly cancelChange: string;
  readonly saved: string;
  readonly canChange: (until: string) => string;
  readonly yourAnswer: string;
  readonly yourSuggestion: string;
  readonly noTopicsChosen: string;
  readonly notAnswered: string;
  readonly changeAnswer: string;
  readonly answerOrShow: string;
  readonly channelTally: (respondents: number, audience: number) => string;
  readonly anonymousNote: string;
  readonly namedNote: string;
  readonly resultsTitle: string;
  readonly respondents: (count: number) => string;
  readonly topicCount: (count: number, percent: number) => string;
  readonly unknownPoll: string;
  readonly notInAudience: string;
  readonly pollClosed: string;
  readonly notOpenYet: (when: string) => string;
  readonly unknownTopic: string;
  readonly tooManyChoices: (max: number) => string;
  readonly nothingChosen: string;
  readonly suggestionTooLong: (max: number, length: number) => string;
  /** On the card that comes back: what of the text the form still holds. */
  readonly suggestionKept: (max: number) => string;
  readonly suggestionNotAllowed: string;
  readonly superseded: string;
  readonly listTitle: string;
  readonly listEmpty: string;
  readonly listAnswered: string;
  readonly listNotAnswered: string;
  readonly answer: string;
  readonly showMyAnswer: string;
  readonly showResults: string;
  readonly reminder: (when: string) => string;
  readonly summaryTitle: string;
  readonly summaryRespondents: (respondents: number, audience: number, percent: number) => string;
  readonly summarySuggestions: (count: number) => string;
  readonly summaryMore: string;
  readonly onlyCoordinators: string;
  readonly openTab: string;
  readonly csv: {
    readonly topic: string;
    readonly count: string;
    readonly share: string;
    readonly respondents: string;
    readonly suggestion: string;
    readonly municipality: string;
    readonly name: string;
    readonly roles: string;
    readonly answeredAt: string;
    readonly noMunicipality: string;
    readonly total: string;
  };
}

export const POLL_MESSAGES: Record<Language, PollMessages> = {
  fi: {
    pollTitle: 'Aihetoivekysely',
    answerBy: (when) => `Vastaa viimeistään ${when}.`,
    opensAt: (when) => `Kysely avautuu ${when}.`,
    closedAt: (when) => `Kysely sulkeutui ${when}.`,
    chooseOne: 'Valitse yksi aihe:',
    chooseAtMost: (max) => `Valitse enintään ${max} aihetta:`,
    chooseAny: 'Valitse aiheet, jotka kiinnostavat sinua:',
    suggestionLabel: (max) => `Oma ehdotuksesi (vapaaehtoinen, enintään ${max} merkkiä)`,
    submit: 'Lähetä vastaus',
    saveChanged: 'Tallenna muutos',
    cancelChange: 'Peruuta',
    saved: 'Kiitos! Vastauksesi on tallennettu.',
    canChange: (until) => `Voit muuttaa vastaustasi ${until} asti.`,
    yourAnswer: 'Vastauksesi',
    yourSuggestion: 'Ehdotuksesi',
    noTopicsChosen: 'Et valinnut aiheita.',
    notAnswered: 'Et vastannut tähän kyselyyn.',
    changeAnswer: 'Muuta vastausta',
    answerOrShow: 'Vastaa tai katso vastauksesi',
    channelTally: (respondents, audience) => `${respondents}/${audience} vastannut`,
    anonymousNote: 'Vastaukset ovat nimettömiä: koordinaattorit näkevät vain määrät ja ehdotukset.',
    namedNote: 'Koordinaattorit näkevät vastauksesi nimelläsi.',
    resultsTitle: 'Tulokset',
    respondents: (count) => `${count} ${count === 1 ? 'vastaaja' : 'vastaajaa'}`,
    topicCount: (count, percent) => `${count} (${percent} %)`,
    unknownPoll: 'Kyselyä ei löytynyt. Kirjoita **toiveet**, niin näet avoimet kyselyt.',
    notInAudience:
      'Tämä kysely on suunnattu toiselle kohderyhmälle, joten et voi vastata siihen. Vastausta ei tallennettu.',
    pollClosed: 'Kysely on jo sulkeutunut, joten vastaustasi ei tallennettu.',
    notOpenYet: (when) => `Kysely ei ole vielä auki. Se avautuu ${when}. Vastausta ei tallennettu.`,
    unknownTopic:
      'Valitsemaasi aihetta ei ole tässä kyselyssä. Valitse aiheet listalta. Vastausta ei tallennettu.',
    tooManyChoices: (max) =>
      `Voit valita enintään ${max} ${max === 1 ? 'aiheen' : 'aihetta'}. Poista osa valinnoista. Vastausta ei tallennettu.`,
    nothingChosen: 'Valitse vähintään yksi aihe tai kirjoita ehdotus. Vastausta ei tallennettu.',
    suggestionTooLong: (max, length) =>
      `Ehdotuksesi on ${length} merkkiä, kun enimmäispituus on ${max}. Lyhennä sitä. Vastausta ei tallennettu.`,
    suggestionKept: (max) => `Lomakkeella on nyt ehdotuksesi ${max} ensimmäistä merkkiä.`,
    suggestionNotAllowed: 'Tähän kyselyyn ei voi kirjoittaa omaa ehdotusta. Vastausta ei tallennettu.',
    superseded: 'Vastauksesi muuttui juuri toisaalla; alla on uusin tallennettu vastaus.',
    listTitle: 'Avoimet aihetoivekyselyt',
    listEmpty: 'Sinulle ei ole nyt avoimia aihetoivekyselyitä.',
    listAnswered: 'Olet vastannut. Voit vielä muuttaa vastaustasi.',
    listNotAnswered: 'Et ole vielä vastannut.',
    answer: 'Vastaa',
    showMyAnswer: 'Näytä vastaukseni',
    showResults: 'Tulokset',
    reminder: (when) => `Muistutus: kysely sulkeutuu ${when}, etkä ole vielä vastannut.`,
    summaryTitle: 'Tulosten yhteenveto',
    summaryRespondents: (respondents, audience, percent) =>
      `Kohderyhmän ${audience} henkilöstä ${respondents} on vastannut (${percent} %).`,
    summarySuggestions: (count) => `Omia ehdotuksia: ${count}.`,
    summaryMore:
      'Erittely kunnittain ja rooleittain, ehdotukset ja CSV-tiedosto ovat Digiverkosto-välilehdellä.',
    onlyCoordinators: 'Tulokset näkyvät vain koordinaattoreille.',
    openTab: 'Avaa Digiverkosto-välilehti',
    csv: {
      topic: 'Aihe',
      count: 'Valintoja',
      share: 'Osuus vastaajista (%)',
      respondents: 'Vastaajia',
      suggestion: 'Ehdotus',
      municipality: 'Kunta',
      name: 'Nimi',
      roles: 'Roolit',
      answeredAt: 'Vastattu',
      noMunicipality: 'Ei kuntaa',
      total: 'Yhteensä',
    },
  },
  sv: {
    pollTitle: 'Enkät om ämnesönskemål',
    answerBy: (when) => `Svara senast ${when}.`,
    opensAt: (when) => `Enkäten öppnar ${when}.`,
    closedAt: (when) => `Enkäten stängdes ${when}.`,
    chooseOne: 'Välj ett ämne:',
    chooseAtMost: (max) => `Välj högst ${max} ämnen:`,
    chooseAny: 'Välj de ämnen som intresserar dig:',
    suggestionLabel: (max) => `Ditt eget förslag (frivilligt, högst ${max} tecken)`,
    submit: 'Skicka svaret',
    saveChanged: 'Spara ändringen',
    cancelChange: 'Avbryt',
    saved: 'Tack! Ditt svar har sparats.',
    canChange: (until) => `Du kan ändra ditt svar fram till ${until}.`,
    yourAnswer: 'Ditt svar',
    yourSuggestion: 'Ditt förslag',
    noTopicsChosen: 'Du valde inga ämnen.',
    notAnswered: 'Du svarade inte på den här enkäten.',
    changeAnswer: 'Ändra svaret',
    answerOrShow: 'Svara eller se ditt svar',
    channelTally: (respondents, audience) => `${respondents}/${audience} har svarat`,
    anonymousNote: 'Svaren är anonyma: koordinatorerna ser bara antal och förslag.',
    namedNote: 'Koordinatorerna ser ditt svar med ditt namn.',
    resultsTitle: 'Resultat',
    respondents: (count) => `${count} ${count === 1 ? 'svarande' : 'svarande'}`,
    topicCount: (count, percent) => `${count} (${percent} %)`,
    unknownPoll: 'Enkäten hittades inte. Skriv **önskemål** för att se öppna enkäter.',
    notInAudience:
      'Den här enkäten riktar sig till en annan målgrupp, så du kan inte svara på den. Svaret sparades inte.',
    pollClosed: 'Enkäten har redan stängts, så ditt svar sparades inte.',
    notOpenYet: (when) => `Enkäten är inte öppen ännu. Den öppnar ${when}. Svaret sparades inte.`,
    unknownTopic: 'Ämnet du valde finns inte i den här enkäten. Välj ämnen i listan. Svaret sparades inte.',
    tooManyChoices: (max) =>
      `Du kan välja högst ${max} ${max === 1 ? 'ämne' : 'ämnen'}. Ta bort några val. Svaret sparades inte.`,
    nothingChosen: 'Välj minst ett ämne eller skriv ett förslag. Svaret sparades inte.',
    suggestionTooLong: (max, length) =>
      `Ditt förslag har ${length} tecken, men högst ${max} är tillåtna. Korta av det. Svaret sparades inte.`,
    suggestionKept: (max) => `Formuläret har nu de första ${max} tecknen av ditt förslag.`,
    suggestionNotAllowed: 'I den här enkäten kan man inte skriva egna förslag. Svaret sparades inte.',
    superseded: 'Ditt svar ändrades nyss på annat håll; nedan är det senast sparade svaret.',
    listTitle: 'Öppna enkäter om ämnesönskemål',
    listEmpty: 'Det finns inga öppna enkäter för dig just nu.',
    listAnswered: 'Du har svarat. Du kan ännu ändra ditt svar.',
    listNotAnswered: 'Du har inte svarat ännu.',
    answer: 'Svara',
    showMyAnswer: 'Visa mitt svar',
    showResults: 'Resultat',
    reminder: (when) => `Påminnelse: enkäten stänger ${when} och du har inte svarat ännu.`,
    summaryTitle: 'Sammanfattning av resultaten',
    summaryRespondents: (respondents, audience, percent) =>
      `${respondents} av de ${audience} personerna i målgruppen har svarat (${percent} %).`,
    summarySuggestions: (count) => `Egna förslag: ${count}.`,
    summaryMore: 'Fördelning per kommun och roll, förslagen och en CSV-fil finns på fliken Digiverkosto.',
    onlyCoordinators: 'Resultaten visas bara för koordinatorerna.',
    openTab: 'Öppna fliken Digiverkosto',
    csv: {
      topic: 'Ämne',
      count: 'Val',
      share: 'Andel av de svarande (%)',
      respondents: 'Svarande',
      suggestion: 'Förslag',
      municipality: 'Kommun',
      name: 'Namn',
      roles: 'Roller',
      answeredAt: 'Besvarad',
      noMunicipality: 'Ingen kommun',
      total: 'Totalt',
    },
  },
  en: {
    pollTitle: 'Topic wish poll',
    answerBy: (when) => `Please answer by ${when}.`,
    opensAt: (when) => `The poll opens ${when}.`,
    closedAt: (when) => `The poll closed ${when}.`,
    chooseOne: 'Choose one topic:',
    chooseAtMost: (max) => `Choose at most ${max} topics:`,
    chooseAny: 'Choose the topics that interest you:',
    suggestionLabel: (max) => `Your own suggestion (optional, at most ${max} characters)`,
    submit: 'Send answer',
    saveChanged: 'Save the change',
    cancelChange: 'Cancel',
    saved: 'Thank you! Your answer has been saved.',
    canChange: (until) => `You can change your answer until ${until}.`,
    yourAnswer: 'Your answer',
    yourSuggestion: 'Your suggestion',
    noTopicsChosen: 'You chose no topics.',
    notAnswered: 'You did not answer this poll.',
    changeAnswer: 'Change answer',
    answerOrShow: 'Answer or see your answer',
    channelTally: (respondents, audience) => `${respondents}/${audience} answered`,
    anonymousNote: 'Answers are anonymous: coordinators see only counts and suggestions.',
    namedNote: 'Coordinators see your answer with your name.',
    resultsTitle: 'Results',
    respondents: (count) => `${count} ${count === 1 ? 'respondent' : 'respondents'}`,
    topicCount: (count, percent) => `${count} (${percent} %)`,
    unknownPoll: 'The poll was not found. Type **wishes** to see the open polls.',
    notInAudience:
      'This poll is meant for a different group, so you cannot answer it. Your answer was not saved.',
    pollClosed: 'The poll has already closed, so your answer was not saved.',
    notOpenYet: (when) => `The poll is not open yet. It opens ${when}. Your answer was not saved.`,
    unknownTopic:
      'The topic you chose is not in this poll. Choose topics from the list. Your answer was not saved.',
    tooManyChoices: (max) =>
      `You can choose at most ${max} ${max === 1 ? 'topic' : 'topics'}. Remove some choices. Your answer was not saved.`,
    nothingChosen: 'Choose at least one topic or write a suggestion. Your answer was not saved.',
    suggestionTooLong: (max, length) =>
      `Your suggestion has ${length} characters; at most ${max} are allowed. Please shorten it. Your answer was not saved.`,
    suggestionKept: (max) => `The form now holds the first ${max} characters of your suggestion.`,
    suggestionNotAllowed: 'This poll does not take suggestions of your own. Your answer was not saved.',
    superseded: 'Your answer was changed elsewhere a moment ago; below is the latest saved answer.',
    listTitle: 'Open topic wish polls',
    listEmpty: 'There are no open topic wish polls for you right now.',
    listAnswered: 'You have answered. You can still change your answer.',
    listNotAnswered: 'You have not answered yet.',
    answer: 'Answer',
    showMyAnswer: 'Show my answer',
    showResults: 'Results',
    reminder: (when) => `Reminder: the poll closes ${when} and you have not answered yet.`,
    summaryTitle: 'Results summary',
    summaryRespondents: (respondents, audience, percent) =>
      `${respondents} of the ${audience} people in the audience ${respondents === 1 ? 'has' : 'have'} answered (${percent} %).`,
    summarySuggestions: (count) => `Suggestions of their own: ${count}.`,
    summaryMore:
      'The breakdown by municipality and role, the suggestions and a CSV file are on the Digiverkosto tab.',
    onlyCoordinators: 'Only coordinators see the results.',
    openTab: 'Open the Digiverkosto tab',
    csv: {
      topic: 'Topic',
      count: 'Choices',
      share: 'Share of respondents (%)',
      respondents: 'Respondents',
      suggestion: 'Suggestion',
      municipality: 'Municipality',
      name: 'Name',
      roles: 'Roles',
      answeredAt: 'Answered',
      noMunicipality: 'No municipality',
      total: 'Total',
    },
  },
};

export function pollMessagesFor(language: Language): PollMessages {
  return POLL_MESSAGES[language];
}
