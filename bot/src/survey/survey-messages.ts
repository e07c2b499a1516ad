import type { Language } from '../shared/i18n/language';
import type { MunicipalitySizeClass } from '../shared/municipality';

/**
 * Every sentence of the survey, per language: the public answer page, the Teams cards and the
 * results. Finnish is the source; Swedish follows the terms Kommunförbundet uses.
 */
export interface SurveyMessages {
  readonly surveyName: string;
  readonly pageTitle: (municipality: string) => string;
  readonly skipToForm: string;
  readonly languageLabel: string;
  readonly intro: string;
  readonly duration: string;
  readonly anonymity: (minGroup: number) => string;
  readonly privacyLink: string;
  readonly openUntil: (date: string) => string;
  readonly sectionPersonal: string;
  readonly sectionPersonalHint: string;
  readonly sectionMunicipality: string;
  readonly sectionMunicipalityHint: (municipality: string) => string;
  readonly sectionBackground: string;
  readonly backgroundHint: string;
  readonly preferNotToSay: string;
  readonly sectionComment: string;
  readonly commentHint: (max: number) => string;
  readonly sectionCode: string;
  readonly codeLabel: string;
  readonly codeHint: string;
  readonly scaleHint: (low: string, high: string) => string;
  readonly progress: (answered: number, total: number) => string;
  readonly questionCount: (total: number) => string;
  readonly submit: string;
  readonly submitNote: string;
  readonly errorsTitle: string;
  readonly errorPrefix: string;
  readonly missingRating: (label: string) => string;
  readonly invalidRating: (label: string) => string;
  readonly invalidBackground: (label: string) => string;
  readonly commentTooLong: (max: number, length: number) => string;
  readonly commentNotAsked: string;
  readonly unknownPerspective: string;
  readonly badToken: string;
  readonly codeRequired: string;
  readonly codeRejected: string;
  readonly tooMany: string;
  readonly bodyTooLarge: string;
  readonly closedTitle: string;
  readonly closedBody: (date: string) => string;
  readonly notOpenTitle: string;
  readonly notOpenBody: (date: string) => string;
  readonly unknownTitle: string;
  readonly unknownBody: string;
  readonly thanksTitle: string;
  readonly thanksBody: string;
  readonly alreadyTitle: string;
  readonly alreadyBody: string;
  readonly backToSurvey: string;
  readonly footer: string;
  readonly privacyTitle: string;
  readonly privacyIntro: string;
  readonly privacyStoredTitle: string;
  readonly privacyStored: readonly string[];
  readonly privacyNotStoredTitle: string;
  readonly privacyNotStored: readonly string[];
  readonly privacyResultsTitle: string;
  readonly privacyResults: (minGroup: number, minComments: number) => readonly string[];
  readonly privacyController: string;
  // Results
  readonly suppressedSmall: (min: number) => string;
  readonly suppressedSecondary: string;
  readonly suppressedWhole: (min: number) => string;
  readonly commentsHidden: (min: number) => string;
  readonly networkTooFew: (min: number) => string;
  readonly notGiven: string;
  readonly responseLine: (respondents: number, headcount: number | undefined) => string;
  readonly baseline: string;
  readonly followUp: string;
  readonly sizeClassName: Record<MunicipalitySizeClass, string>;
  readonly scopeName: { readonly personal: string; readonly municipality: string };
  // Teams cards
  readonly cardIntro: (municipality: string) => string;
  readonly cardPrivacy: string;
  readonly cardChoose: string;
  readonly cardSubmit: string;
  readonly cardSaved: string;
  readonly cardAlready: string;
  readonly cardNoMunicipality: string;
  readonly cardNoOpenSurvey: string;
  readonly cardUnknown: string;
  readonly cardClosed: string;
  readonly cardNotOpen: (date: string) => string;
  readonly cardFix: string;
  readonly contactTitle: (municipality: string) => string;
  readonly contactIntro: string;
  readonly closesLine: (date: string) => string;
  readonly openPage: string;
  readonly qrCode: string;
  readonly openResults: string;
  readonly refresh: string;
  readonly reminderNotice: (percent: number, date: string) => string;
  readonly updatedAt: (time: string) => string;
  readonly answerInTeams: string;
}

const pct = (respondents: number, headcount: number): number =>
  headcount > 0 ? Math.round((respondents / headcount) * 100) : 0;

export const SURVEY_MESSAGES: Record<Language, SurveyMessages> = {
  fi: {
    surveyName: 'Henkilöstön digitalisaatiokysely',
    pageTitle: (municipality) => `Henkilöstön digitalisaatiokysely – ${municipality}`,
    skipToForm: 'Siirry kyselyyn',
    languageLabel: 'Kieli',
    intro:
      'Kysely kartoittaa, miten kunnan henkilöstö ja luottamushenkilöt arvioivat digitalisaation tilaa omassa työssään ja kunnassa. Tuloksia verrataan Digiverkoston muihin kuntiin.',
    duration: 'Vastaaminen vie noin viisi minuuttia.',
    anonymity: (min) =>
      `Vastaat nimettömästi: nimeäsi, sähköpostiosoitettasi, IP-osoitettasi tai laitteesi tietoja ei tallenneta. Tuloksia näytetään vain vähintään ${min} vastaajan ryhmistä.`,
    privacyLink: 'Mitä kysely tallentaa',
    openUntil: (date) => `Kysely on auki ${date} asti.`,
    sectionPersonal: 'Oma työsi',
    sectionPersonalHint: 'Arvioi omaa työtäsi ja sen välineitä.',
    sectionMunicipality: 'Kuntasi',
    sectionMunicipalityHint: (municipality) => `Arvioi kuntaasi (${municipality}) kokonaisuutena.`,
    sectionBackground: 'Taustatiedot',
    backgroundHint:
      'Taustatiedot ovat vapaaehtoisia. Niiden avulla tuloksia verrataan toimialoittain; alle viiden vastaajan ryhmiä ei näytetä.',
    preferNotToSay: 'En halua sanoa',
    sectionComment: 'Vapaa sana',
    commentHint: (max) =>
      `Vapaaehtoinen, enintään ${max} merkkiä. Älä kirjoita nimiä tai muuta, mistä sinut tai muut voi tunnistaa.`,
    sectionCode: 'Vastauskoodi',
    codeLabel: 'Vastauskoodi',
    codeHint: 'Kunta on antanut sinulle kertakäyttöisen koodin, esimerkiksi K7QM-3XPA.',
    scaleHint: (low, high) =>
      `Asteikko 1–5: 1 = ${low}, 5 = ${high}. Jos et osaa arvioida, valitse ”En osaa sanoa”.`,
    progress: (answered, total) => `Arvioitu ${answered}/${total}`,
    questionCount: (total) => `${total} arvioitavaa kohtaa, taustatiedot ja vapaa sana.`,
    submit: 'Lähetä vastaukset',
    submitNote: 'Vastauksesi tallennetaan vasta, kun lähetät ne.',
    errorsTitle: 'Tarkista vastauksesi',
    errorPrefix: 'Virhe: ',
    missingRating: (label) => `${label}: valitse yksi vaihtoehto.`,
    invalidRating: (label) => `${label}: valitse yksi annetuista vaihtoehdoista.`,
    invalidBackground: (label) => `${label}: valitse yksi annetuista vaihtoehdoista.`,
    commentTooLong: (max, length) => `Vapaa sana on ${length} merkkiä pitkä; enintään ${max} merkkiä mahtuu.`,
    commentNotAsked: 'Tässä kyselyssä ei kysytä vapaata sanaa.',
    unknownPerspective: 'Lomakkeessa oli kohta, jota kyselyssä ei ole. Lataa sivu uudelleen.',
    badToken:
      'Lomake oli vanhentunut tai selaimesi esti evästeen. Vastauksesi ovat tallessa alla: lähetä ne uudelleen.',
    codeRequired: 'Kirjoita vastauskoodisi.',
    codeRejected: 'Vastauskoodi ei kelpaa tai se on jo käytetty.',
    tooMany:
      'Samasta verkosta on juuri tullut paljon vastauksia. Odota hetki ja lähetä uudelleen – vastauksesi ovat tallessa.',
    bodyTooLarge: 'Lähetys oli liian suuri. Lyhennä vapaata sanaa ja lähetä uudelleen.',
    closedTitle: 'Kysely on päättynyt',
    closedBody: (date) => `Kysely sulkeutui ${date}. Kiitos kiinnostuksestasi!`,
    notOpenTitle: 'Kysely ei ole vielä auki',
    notOpenBody: (date) => `Kysely avautuu ${date}. Tervetuloa vastaamaan silloin.`,
    unknownTitle: 'Kyselyä ei löydy',
    unknownBody: 'Tarkista linkki, jonka sait. Kunnan kyselyn osoite on muotoa …/s/ ja kymmenen merkkiä.',
    thanksTitle: 'Kiitos vastauksistasi!',
    thanksBody:
      'Vastauksesi on tallennettu nimettömänä. Tulokset käsitellään kunnan johtoryhmässä, ja niitä verrataan Digiverkoston muihin kuntiin.',
    alreadyTitle: 'Olet jo vastannut',
    alreadyBody:
      'Tästä selaimesta on jo vastattu tähän kyselyyn. Jos samaa laitetta käyttää moni, kukin voi vastata omalla laitteellaan.',
    backToSurvey: 'Takaisin kyselyyn',
    footer: 'Digiverkosto – Kuntaliitto ja FCG',
    privacyTitle: 'Mitä kysely tallentaa',
    privacyIntro:
      'Kysely on nimetön. Tällä sivulla kerrotaan tarkasti, mitä vastauksestasi tallennetaan ja mitä ei.',
    privacyStoredTitle: 'Tallennamme',
    privacyStored: [
      'arviosi (1–5 tai ”en osaa sanoa”) ja valitsemasi taustatiedot, ilman mitään tunnistetta',
      'vapaan sanan erillään muista vastauksistasi, niin ettei sitä voi yhdistää arvioihisi tai taustatietoihisi',
      'satunnaisen, allekirjoitetun vastausavaimen tiivisteen, jotta samaa lomaketta ei voi lähettää kahdesti (avain on selaimesi evästeessä vain vastaamiseen asti)',
      'tallennusajankohdan, jonka tietovarasto merkitsee jokaiseen riviin',
      'jos vastaat Teamsissa: avaimella suojatun tiivisteen siitä, että olet vastannut (ei nimeäsi eikä tunnistettasi), jotta voit vastata vain kerran',
    ],
    privacyNotStoredTitle: 'Emme tallenna',
    privacyNotStored: [
      'nimeä, sähköpostiosoitetta tai käyttäjätunnusta',
      'IP-osoitetta: sitä käytetään vain muistissa lähetysmäärien rajoittamiseen, ja se unohtuu minuuteissa',
      'selaimen tai laitteen tietoja (user agent)',
      'kolmannen osapuolen evästeitä tai seurantaa: sivu ei lataa mitään muualta',
    ],
    privacyResultsTitle: 'Tulokset',
    privacyResults: (minGroup, minComments) => [
      `Lukuja näytetään vain vähintään ${minGroup} vastaajan ryhmistä, ja pienten ryhmien luvut piilotetaan niin, ettei niitä voi laskea erotuksena.`,
      `Vapaata sanaa näytetään vasta, kun vastauksia on vähintään ${minComments}; koska se voi sisältää tunnistettavia tietoja, se poistetaan verkoston kierroksen säilytysajan päätyttyä.`,
      'Yksittäisiä vastauksia ei näytetä eikä viedä tiedostoihin; raportit ja CSV-tiedostot sisältävät vain yhteenvetoja.',
    ],
    privacyController: 'Rekisterinpitäjät: Suomen Kuntaliitto ry ja FCG Finnish Consulting Group Oy.',
    suppressedSmall: (min) => `alle ${min} vastausta`,
    suppressedSecondary: 'piilotettu, ettei pienen ryhmän luku selviä erotuksena',
    suppressedWhole: (min) => `Tuloksia näytetään, kun vastauksia on vähintään ${min}.`,
    commentsHidden: (min) => `Vapaa sana näytetään, kun vastauksia on vähintään ${min}.`,
    networkTooFew: (min) => `Vertailu näytetään, kun vähintään ${min} kunnan tulokset ovat käytettävissä.`,
    notGiven: 'Ei vastannut',
    responseLine: (respondents, headcount) =>
      headcount
        ? `${respondents}/${headcount} vastannut, ${pct(respondents, headcount)} %`
        : `${respondents} vastannut`,
    baseline: 'Lähtötaso',
    followUp: 'Seuranta',
    sizeClassName: {
      under5k: 'alle 5 000 asukasta',
      '5to20k': '5 000–20 000 asukasta',
      '20to50k': '20 000–50 000 asukasta',
      '50to100k': '50 000–100 000 asukasta',
      over100k: 'yli 100 000 asukasta',
    },
    scopeName: { personal: 'Oma työ', municipality: 'Kunta' },
    cardIntro: (municipality) =>
      `Arvioi digitalisaation tilaa omassa työssäsi ja kunnassasi (${municipality}). Asteikko 1 = heikko … 5 = erinomainen.`,
    cardPrivacy:
      'Vastaat nimettömästi. Teamsista vastanneista tallennetaan vain avaimella suojattu merkintä siitä, että olet vastannut.',
    cardChoose: 'Valitse',
    cardSubmit: 'Lähetä vastaukset',
    cardSaved: 'Kiitos! Vastauksesi on tallennettu nimettömänä.',
    cardAlready: 'Olet jo vastannut tähän kyselyyn. Kiitos!',
    cardNoMunicipality: 'Kysely on kuntien henkilöstölle; sinulle ei ole merkitty kuntaa.',
    cardNoOpenSurvey: 'Kunnallasi ei ole nyt avointa digitalisaatiokyselyä.',
    cardUnknown: 'Kyselyä ei löydy.',
    cardClosed: 'Kysely on päättynyt. Kiitos kiinnostuksestasi!',
    cardNotOpen: (date) => `Kysely avautuu ${date}.`,
    cardFix: 'Tarkista merkityt kohdat:',
    contactTitle: (municipality) => `Digitalisaatiokysely on auki: ${municipality}`,
    contactIntro:
      'Jaa vastauslinkki koko henkilöstölle ja luottamushenkilöille: intranetiin, sähköpostiin ja julisteisiin QR-koodina.',
    closesLine: (date) => `Sulkeutuu ${date}`,
    openPage: 'Avaa vastaussivu',
    qrCode: 'QR-koodi',
    openResults: 'Tulokset',
    refresh: 'Päivitä',
    reminderNotice: (percent, date) =>
      `Vastausprosentti on vielä ${percent} % ja kysely sulkeutuu ${date}. Muistuta henkilöstöä vastaamaan.`,
    updatedAt: (time) => `Tilanne ${time}`,
    answerInTeams: 'Vastaa Teamsissa',
  },
  sv: {
    surveyName: 'Personalens digitaliseringsenkät',
    pageTitle: (municipality) => `Personalens digitaliseringsenkät – ${municipality}`,
    skipToForm: 'Gå till enkäten',
    languageLabel: 'Språk',
    intro:
      'Enkäten kartlägger hur kommunens personal och förtroendevalda bedömer digitaliseringen i sitt eget arbete och i kommunen. Resultaten jämförs med de andra kommunerna i Digiverkosto.',
    duration: 'Det tar cirka fem minuter att svara.',
    anonymity: (min) =>
      `Du svarar anonymt: ditt namn, din e-postadress, din IP-adress eller uppgifter om din enhet sparas inte. Resultat visas bara för grupper med minst ${min} svarande.`,
    privacyLink: 'Vad enkäten sparar',
    openUntil: (date) => `Enkäten är öppen till ${date}.`,
    sectionPersonal: 'Ditt arbete',
    sectionPersonalHint: 'Bedöm ditt eget arbete och dina verktyg.',
    sectionMunicipality: 'Din kommun',
    sectionMunicipalityHint: (municipality) => `Bedöm din kommun (${municipality}) som helhet.`,
    sectionBackground: 'Bakgrundsuppgifter',
    backgroundHint:
      'Bakgrundsuppgifterna är frivilliga. Med dem jämförs resultaten per sektor; grupper med färre än fem svarande visas inte.',
    preferNotToSay: 'Vill inte säga',
    sectionComment: 'Fritt ord',
    commentHint: (max) =>
      `Frivilligt, högst ${max} tecken. Skriv inga namn eller annat som gör att du eller andra kan identifieras.`,
    sectionCode: 'Svarskod',
    codeLabel: 'Svarskod',
    codeHint: 'Kommunen har gett dig en engångskod, till exempel K7QM-3XPA.',
    scaleHint: (low, high) =>
      `Skala 1–5: 1 = ${low}, 5 = ${high}. Om du inte kan bedöma, välj ”Kan inte säga”.`,
    progress: (answered, total) => `Bedömt ${answered}/${total}`,
    questionCount: (total) => `${total} punkter att bedöma, bakgrundsuppgifter och fritt ord.`,
    submit: 'Skicka svaren',
    submitNote: 'Dina svar sparas först när du skickar dem.',
    errorsTitle: 'Kontrollera dina svar',
    errorPrefix: 'Fel: ',
    missingRating: (label) => `${label}: välj ett alternativ.`,
    invalidRating: (label) => `${label}: välj ett av de givna alternativen.`,
    invalidBackground: (label) => `${label}: välj ett av de givna alternativen.`,
    commentTooLong: (max, length) => `Det fria ordet är ${length} tecken långt; högst ${max} tecken ryms.`,
    commentNotAsked: 'Den här enkäten frågar inte efter fritt ord.',
    unknownPerspective: 'Formuläret hade en punkt som enkäten inte har. Ladda om sidan.',
    badToken:
      'Formuläret hade gått ut eller din webbläsare blockerade kakan. Dina svar finns kvar nedan: skicka dem igen.',
    codeRequired: 'Skriv din svarskod.',
    codeRejected: 'Svarskoden är inte giltig eller har redan använts.',
    tooMany:
      'Många svar har just kommit från samma nätverk. Vänta en stund och skicka igen – dina svar finns kvar.',
    bodyTooLarge: 'Det som skickades var för stort. Korta det fria ordet och skicka igen.',
    closedTitle: 'Enkäten har stängts',
    closedBody: (date) => `Enkäten stängdes ${date}. Tack för ditt intresse!`,
    notOpenTitle: 'Enkäten är inte öppen ännu',
    notOpenBody: (date) => `Enkäten öppnas ${date}. Välkommen att svara då.`,
    unknownTitle: 'Enkäten hittas inte',
    unknownBody: 'Kontrollera länken du fick. Adressen till kommunens enkät är …/s/ och tio tecken.',
    thanksTitle: 'Tack för dina svar!',
    thanksBody:
      'Dina svar har sparats anonymt. Resultaten behandlas i kommunens ledningsgrupp och jämförs med de andra kommunerna i Digiverkosto.',
    alreadyTitle: 'Du har redan svarat',
    alreadyBody:
      'Den här enkäten har redan besvarats från den här webbläsaren. Om flera använder samma enhet kan var och en svara på sin egen enhet.',
    backToSurvey: 'Tillbaka till enkäten',
    footer: 'Digiverkosto – Kommunförbundet och FCG',
    privacyTitle: 'Vad enkäten sparar',
    privacyIntro:
      'Enkäten är anonym. Här berättar vi exakt vad som sparas av ditt svar och vad som inte sparas.',
    privacyStoredTitle: 'Vi sparar',
    privacyStored: [
      'dina bedömningar (1–5 eller ”kan inte säga”) och de bakgrundsuppgifter du valt, utan någon identifierare',
      'det fria ordet skilt från dina övriga svar, så att det inte kan kopplas till dina bedömningar eller bakgrundsuppgifter',
      'ett hashvärde av en slumpmässig, signerad svarsnyckel, så att samma formulär inte kan skickas två gånger (nyckeln finns i webbläsarens kaka bara tills du svarat)',
      'tidpunkten då raden sparades, som datalagret antecknar på varje rad',
      'om du svarar i Teams: ett nyckelskyddat hashvärde av att du har svarat (inte ditt namn eller din identifierare), så att du kan svara bara en gång',
    ],
    privacyNotStoredTitle: 'Vi sparar inte',
    privacyNotStored: [
      'namn, e-postadress eller användarnamn',
      'IP-adress: den används bara i minnet för att begränsa antalet inskick och glöms inom några minuter',
      'uppgifter om webbläsare eller enhet (user agent)',
      'tredjepartskakor eller spårning: sidan laddar ingenting från andra webbplatser',
    ],
    privacyResultsTitle: 'Resultaten',
    privacyResults: (minGroup, minComments) => [
      `Siffror visas bara för grupper med minst ${minGroup} svarande, och små gruppers siffror döljs så att de inte kan räknas ut som en skillnad.`,
      `Det fria ordet visas först när det finns minst ${minComments} svar; eftersom det kan innehålla identifierande uppgifter raderas det när nätverksomgångens lagringstid har gått ut.`,
      'Enskilda svar visas aldrig och exporteras inte; rapporter och CSV-filer innehåller bara sammanställningar.',
    ],
    privacyController:
      'Personuppgiftsansvariga: Finlands Kommunförbund rf och FCG Finnish Consulting Group Ab.',
    suppressedSmall: (min) => `färre än ${min} svar`,
    suppressedSecondary: 'dold så att en liten grupps siffra inte framgår som en skillnad',
    suppressedWhole: (min) => `Resultat visas när det finns minst ${min} svar.`,
    commentsHidden: (min) => `Det fria ordet visas när det finns minst ${min} svar.`,
    networkTooFew: (min) => `Jämförelsen visas när resultat från minst ${min} kommuner finns.`,
    notGiven: 'Svarade inte',
    responseLine: (respondents, headcount) =>
      headcount
        ? `${respondents}/${headcount} har svarat, ${pct(respondents, headcount)} %`
        : `${respondents} har svarat`,
    baseline: 'Utgångsläge',
    followUp: 'Uppföljning',
    sizeClassName: {
      under5k: 'under 5 000 invånare',
      '5to20k': '5 000–20 000 invånare',
      '20to50k': '20 000–50 000 invånare',
      '50to100k': '50 000–100 000 invånare',
      over100k: 'över 100 000 invånare',
    },
    scopeName: { personal: 'Eget arbete', municipality: 'Kommunen' },
    cardIntro: (municipality) =>
      `Bedöm digitaliseringen i ditt arbete och i din kommun (${municipality}). Skala 1 = svag … 5 = utmärkt.`,
    cardPrivacy:
      'Du svarar anonymt. Av dem som svarar i Teams sparas bara en nyckelskyddad anteckning om att du har svarat.',
    cardChoose: 'Välj',
    cardSubmit: 'Skicka svaren',
    cardSaved: 'Tack! Dina svar har sparats anonymt.',
    cardAlready: 'Du har redan svarat på den här enkäten. Tack!',
    cardNoMunicipality: 'Enkäten är för kommunernas personal; ingen kommun är antecknad för dig.',
    cardNoOpenSurvey: 'Din kommun har ingen öppen digitaliseringsenkät just nu.',
    cardUnknown: 'Enkäten hittas inte.',
    cardClosed: 'Enkäten har stängts. Tack för ditt intresse!',
    cardNotOpen: (date) => `Enkäten öppnas ${date}.`,
    cardFix: 'Kontrollera de markerade punkterna:',
    contactTitle: (municipality) => `Digitaliseringsenkäten är öppen: ${municipality}`,
    contactIntro:
      'Dela svarslänken med hela personalen och de förtroendevalda: på intranätet, per e-post och på affischer som QR-kod.',
    closesLine: (date) => `Stänger ${date}`,
    openPage: 'Öppna svarssidan',
    qrCode: 'QR-kod',
    openResults: 'Resultat',
    refresh: 'Uppdatera',
    reminderNotice: (percent, date) =>
      `Svarsprocenten är ännu ${percent} % och enkäten stänger ${date}. Påminn personalen om att svara.`,
    updatedAt: (time) => `Läget ${time}`,
    answerInTeams: 'Svara i Teams',
  },
  en: {
    surveyName: 'Staff digitalisation survey',
    pageTitle: (municipality) => `Staff digitalisation survey – ${municipality}`,
    skipToForm: 'Skip to the survey',
    languageLabel: 'Language',
    intro:
      "The survey maps how the municipality's staff and elected officials rate digitalisation in their own work and in the municipality. The results are compared with the other municipalities of Digiverkosto.",
    duration: 'Answering takes about five minutes.',
    anonymity: (min) =>
      `You answer anonymously: your name, e-mail address, IP address and device details are not stored. Results are shown only for groups of at least ${min} respondents.`,
    privacyLink: 'What the survey stores',
    openUntil: (date) => `The survey is open until ${date}.`,
    sectionPersonal: 'Your work',
    sectionPersonalHint: 'Rate your own work and its tools.',
    sectionMunicipality: 'Your municipality',
    sectionMunicipalityHint: (municipality) => `Rate your municipality (${municipality}) as a whole.`,
    sectionBackground: 'About you',
    backgroundHint:
      'These questions are optional. They let results be compared by department; groups of fewer than five respondents are never shown.',
    preferNotToSay: 'Prefer not to say',
    sectionComment: 'Your comments',
    commentHint: (max) =>
      `Optional, at most ${max} characters. Please do not write names or anything else that could identify you or others.`,
    sectionCode: 'Answer code',
    codeLabel: 'Answer code',
    codeHint: 'Your municipality gave you a one-time code, for example K7QM-3XPA.',
    scaleHint: (low, high) => `Scale 1–5: 1 = ${low}, 5 = ${high}. If you cannot say, choose “Don't know”.`,
    progress: (answered, total) => `Rated ${answered} of ${total}`,
    questionCount: (total) => `${total} items to rate, a few questions about you and room for comments.`,
    submit: 'Send answers',
    submitNote: 'Your answers are saved only when you send them.',
    errorsTitle: 'Please check your answers',
    errorPrefix: 'Error: ',
    missingRating: (label) => `${label}: choose one option.`,
    invalidRating: (label) => `${label}: choose one of the options given.`,
    invalidBackground: (label) => `${label}: choose one of the options given.`,
    commentTooLong: (max, length) => `Your comment is ${length} characters long; at most ${max} fit.`,
    commentNotAsked: 'This survey does not ask for comments.',
    unknownPerspective: 'The form had an item this survey does not have. Please reload the page.',
    badToken:
      'The form had expired or your browser blocked its cookie. Your answers are kept below: please send them again.',
    codeRequired: 'Please enter your answer code.',
    codeRejected: 'The answer code is not valid or has been used already.',
    tooMany:
      'Many answers have just come from the same network. Please wait a moment and send again – your answers are kept.',
    bodyTooLarge: 'What was sent was too large. Please shorten your comment and send again.',
    closedTitle: 'The survey has closed',
    closedBody: (date) => `The survey closed on ${date}. Thank you for your interest!`,
    notOpenTitle: 'The survey is not open yet',
    notOpenBody: (date) => `The survey opens on ${date}. You are welcome to answer then.`,
    unknownTitle: 'Survey not found',
    unknownBody:
      "Please check the link you were given. A municipality's survey is at …/s/ and ten characters.",
    thanksTitle: 'Thank you for your answers!',
    thanksBody:
      "Your answers have been saved anonymously. The results go to the municipality's leadership team and are compared with the other municipalities of Digiverkosto.",
    alreadyTitle: 'You have answered already',
    alreadyBody:
      'This survey has been answered from this browser already. If several people share this device, each can answer on their own device.',
    backToSurvey: 'Back to the survey',
    footer: 'Digiverkosto – Association of Finnish Municipalities and FCG',
    privacyTitle: 'What the survey stores',
    privacyIntro:
      'The survey is anonymous. This page says exactly what is stored of your answer and what is not.',
    privacyStoredTitle: 'We store',
    privacyStored: [
      "your ratings (1–5 or “don't know”) and the background answers you chose, with no identifier",
      'your comment apart from your other answers, so it cannot be linked to your ratings or background answers',
      'a hash of a random, signed answer key, so the same form cannot be sent twice (the key sits in a cookie in your browser only until you answer)',
      'the time the row was saved, which the data store records on every row',
      'if you answer in Teams: a keyed hash recording that you have answered (not your name or identifier), so you can answer only once',
    ],
    privacyNotStoredTitle: 'We do not store',
    privacyNotStored: [
      'your name, e-mail address or user name',
      'your IP address: it is used only in memory to limit how many answers arrive, and forgotten within minutes',
      'browser or device details (user agent)',
      'third-party cookies or tracking: the page loads nothing from other sites',
    ],
    privacyResultsTitle: 'The results',
    privacyResults: (minGroup, minComments) => [
      `Figures are shown only for groups of at least ${minGroup} respondents, and small groups' figures are hidden so that they cannot be worked out as a difference.`,
      `Comments are shown only once there are at least ${minComments} answers; as they may contain identifying details, they are deleted when the network round's retention period ends.`,
      'Individual answers are never shown or exported; reports and CSV files contain summaries only.',
    ],
    privacyController:
      'Controllers: the Association of Finnish Municipalities and FCG Finnish Consulting Group Ltd.',
    suppressedSmall: (min) => `fewer than ${min} answers`,
    suppressedSecondary: "hidden so that a small group's figure cannot be worked out as a difference",
    suppressedWhole: (min) => `Results are shown once there are at least ${min} answers.`,
    commentsHidden: (min) => `Comments are shown once there are at least ${min} answers.`,
    networkTooFew: (min) =>
      `The comparison is shown once results from at least ${min} municipalities are available.`,
    notGiven: 'Not given',
    responseLine: (respondents, headcount) =>
      headcount
        ? `${respondents}/${headcount} answered, ${pct(respondents, headcount)} %`
        : `${respondents} answered`,
    baseline: 'Baseline',
    followUp: 'Follow-up',
    sizeClassName: {
      under5k: 'under 5,000 residents',
      '5to20k': '5,000–20,000 residents',
      '20to50k': '20,000–50,000 residents',
      '50to100k': '50,000–100,000 residents',
      over100k: 'over 100,000 residents',
    },
    scopeName: { personal: 'Own work', municipality: 'Municipality' },
    cardIntro: (municipality) =>
      `Rate digitalisation in your own work and in your municipality (${municipality}). Scale 1 = poor … 5 = excellent.`,
    cardPrivacy:
      'You answer anonymously. Of those who answer in Teams only a keyed note that they have answered is kept.',
    cardChoose: 'Choose',
    cardSubmit: 'Send answers',
    cardSaved: 'Thank you! Your answers have been saved anonymously.',
    cardAlready: 'You have answered this survey already. Thank you!',
    cardNoMunicipality: "The survey is for municipalities' staff; no municipality is recorded for you.",
    cardNoOpenSurvey: 'Your municipality has no digitalisation survey open right now.',
    cardUnknown: 'The survey was not found.',
    cardClosed: 'The survey has closed. Thank you for your interest!',
    cardNotOpen: (date) => `The survey opens on ${date}.`,
    cardFix: 'Please check the items marked:',
    contactTitle: (municipality) => `The digitalisation survey is open: ${municipality}`,
    contactIntro:
      'Share the answer link with all staff and elected officials: on the intranet, by e-mail and on posters as a QR code.',
    closesLine: (date) => `Closes ${date}`,
    openPage: 'Open the answer page',
    qrCode: 'QR code',
    openResults: 'Results',
    refresh: 'Refresh',
    reminderNotice: (percent, date) =>
      `The response rate is still ${percent} % and the survey closes on ${date}. Please remind staff to answer.`,
    updatedAt: (time) => `As of ${time}`,
    answerInTeams: 'Answer in Teams',
  },
};

export function surveyMessagesFor(language: Language): SurveyMessages {
  return SURVEY_MESSAGES[language];
}
