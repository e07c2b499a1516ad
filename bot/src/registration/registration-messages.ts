import type { Language } from '../shared/i18n/language';
import type { QuestionId } from './registration-model';
import type { RegistrationErrorCode } from './registration-service';

/** Registration, pre-assignments and recordings in each language: cards, answers, CSV headings. */
export interface RegistrationMessages {
  readonly heading: string;
  readonly whenLabel: string;
  readonly whereLabel: string;
  readonly online: string;
  readonly seatsLabel: string;
  readonly seats: (municipality: string, taken: number, quota: number) => string;
  readonly full: string;
  readonly total: (taken: number, capacity: number) => string;
  readonly waiting: (count: number) => string;
  readonly opensAt: (when: string) => string;
  readonly closesAt: (when: string) => string;
  readonly closed: string;
  readonly cancelUntil: (when: string) => string;
  readonly cancelPassed: string;
  readonly statusConfirmed: string;
  readonly statusWaitlisted: (position: number | undefined) => string;
  readonly statusOffered: (until: string) => string;
  readonly statusCancelled: string;
  readonly statusTransferred: (name: string) => string;
  readonly statusOfferExpired: string;
  readonly statusOfferDeclined: string;
  readonly transferredFrom: (name: string) => string;
  readonly byCoordinator: string;
  readonly notRegisteredYet: string;
  readonly register: string;
  readonly joinWaitlist: string;
  readonly saveAnswers: string;
  readonly cancel: string;
  readonly leaveWaitlist: string;
  readonly accept: string;
  readonly decline: string;
  readonly addToCalendar: string;
  readonly transfer: string;
  readonly transferTo: string;
  readonly transferConfirm: string;
  readonly transferPlaceholder: string;
  readonly openTab: string;
  readonly questionLabels: Readonly<Record<Exclude<QuestionId, 'other'>, string>>;
  readonly questionPlaceholder: string;
  readonly sensitiveNote: string;
  readonly registered: string;
  readonly waitlisted: string;
  readonly answersSaved: string;
  readonly cancelled: string;
  readonly leftWaitlist: string;
  readonly accepted: string;
  readonly declined: string;
  readonly transferred: (name: string) => string;
  readonly errors: Readonly<Record<RegistrationErrorCode, string>>;
  readonly notices: {
    readonly opened: string;
    readonly offered: string;
    readonly offerExpired: string;
    readonly transferredToYou: string;
    readonly confirmedByCoordinator: string;
    readonly cancelledByCoordinator: string;
  };
  readonly noOpenRegistrations: string;
  readonly cannotAttendReleased: string;
  readonly cannotAttendAfterDeadline: string;
  readonly timesAreHelsinki: string;
  readonly preAssignment: PreAssignmentMessages;
  readonly recording: RecordingMessages;
  readonly csv: CsvMessages;
}

export interface PreAssignmentMessages {
  readonly heading: string;
  readonly handIn: string;
  readonly textLabel: string;
  readonly textPlaceholder: string;
  readonly urlLabel: string;
  readonly doneLabel: string;
  readonly submit: string;
  readonly due: (when: string) => string;
  readonly changeUntil: (when: string) => string;
  readonly handedIn: (when: string) => string;
  readonly saved: string;
  readonly closedNote: string;
  readonly reminderHeading: string;
  readonly reminderLead: (when: string) => string;
  readonly notFound: string;
  readonly closed: string;
  readonly empty: string;
  readonly badUrl: string;
  readonly notForYou: string;
  readonly openMaterial: string;
}

export interface RecordingMessages {
  readonly heading: string;
  readonly lead: string;
  readonly availableUntil: (when: string) => string;
  readonly watch: string;
}

export interface CsvMessages {
  readonly name: string;
  readonly email: string;
  readonly municipality: string;
  readonly status: string;
  readonly registeredAt: string;
  readonly confirmedAt: string;
  readonly other: string;
  readonly diet: string;
  readonly accessibility: string;
  readonly statuses: Readonly<Record<'confirmed' | 'offered' | 'waitlisted', string>>;
  readonly sensitiveNotice: string;
}

const fiErrors: Record<RegistrationErrorCode, string> = {
  eventNotFound: 'Tapahtumaa ei löytynyt. Se on ehkä poistettu ohjelmasta.',
  noRegistration: 'Tähän tapahtumaan ei ole ilmoittautumista.',
  notYetOpen: 'Ilmoittautuminen ei ole vielä alkanut.',
  closed: 'Ilmoittautuminen on päättynyt.',
  eventStarted: 'Tapahtuma on jo alkanut.',
  notParticipant:
    'Et ole verkoston osallistujalistalla, joten et voi ilmoittautua. Ota yhteyttä koordinaattoreihin.',
  noMunicipality:
    'Osallistujatiedoistasi puuttuu kunta, joten et voi ilmoittautua. Pyydä koordinaattoreita lisäämään kuntasi.',
  notInAudience: 'Tämä tapahtuma ei ole tarkoitettu sinun roolillesi.',
  notRegistered: 'Et ole ilmoittautunut tähän tapahtumaan.',
  deadlinePassed: 'Peruutusaika on päättynyt. Kerro koordinaattoreille, jos et pääse paikalle.',
  noOffer: 'Sinulle ei ole nyt tarjolla paikkaa.',
  staleOffer: 'Tarjous on muuttunut. Tarkista tilanne kortista.',
  offerExpired: 'Paikkatarjous on vanhentunut.',
  notColleague: 'Paikan voi luovuttaa vain oman kuntasi kollegalle.',
  colleagueHasSeat: 'Kollegallasi on jo paikka tähän tapahtumaan.',
  notConfirmed: 'Sinulla ei ole vahvistettua paikkaa.',
  eventFull: 'Tapahtuma on täynnä.',
  quotaBelowTaken: 'Kiintiö ei voi olla pienempi kuin jo varattujen paikkojen määrä.',
  invalid: 'Tiedoissa on virhe. Tarkista ne ja yritä uudelleen.',
  busy: 'Juuri nyt ilmoittautuu moni yhtä aikaa. Yritä hetken päästä uudelleen.',
};

const svErrors: Record<RegistrationErrorCode, string> = {
  eventNotFound: 'Evenemanget hittades inte. Det har kanske strukits ur programmet.',
  noRegistration: 'Det finns ingen anmälan till det här evenemanget.',
  notYetOpen: 'Anmälan har inte öppnat än.',
  closed: 'Anmälan har stängt.',
  eventStarted: 'Evenemanget har redan börjat.',
  notParticipant:
    'Du finns inte på nätverkets deltagarlista och kan därför inte anmäla dig. Kontakta koordinatorerna.',
  noMunicipality:
    'Din kommun saknas i deltagaruppgifterna, så du kan inte anmäla dig. Be koordinatorerna lägga till din kommun.',
  notInAudience: 'Det här evenemanget är inte avsett för din roll.',
  notRegistered: 'Du har inte anmält dig till det här evenemanget.',
  deadlinePassed: 'Tiden för avbokning har gått ut. Meddela koordinatorerna om du inte kan delta.',
  noOffer: 'Det finns ingen plats som erbjuds dig just nu.',
  staleOffer: 'Erbjudandet har ändrats. Kontrollera läget på kortet.',
  offerExpired: 'Erbjudandet om plats har gått ut.',
  notColleague: 'Platsen kan bara överlåtas till en kollega i din egen kommun.',
  colleagueHasSeat: 'Din kollega har redan en plats till evenemanget.',
  notConfirmed: 'Du har ingen bekräftad plats.',
  eventFull: 'Evenemanget är fullt.',
  quotaBelowTaken: 'Kvoten kan inte vara mindre än antalet platser som redan är bokade.',
  invalid: 'Uppgifterna är inte giltiga. Kontrollera dem och försök igen.',
  busy: 'Just nu anmäler sig många samtidigt. Försök igen om en stund.',
};

const enErrors: Record<RegistrationErrorCode, string> = {
  eventNotFound: 'The event was not found. It may have been removed from the programme.',
  noRegistration: 'This event has no registration.',
  notYetOpen: 'Registration has not opened yet.',
  closed: 'Registration has closed.',
  eventStarted: 'The event has already started.',
  notParticipant:
    'You are not on the network’s participant list, so you cannot register. Contact the coordinators.',
  noMunicipality:
    'Your municipality is missing from your participant details, so you cannot register. Ask the coordinators to add it.',
  notInAudience: 'This event is not meant for your role.',
  notRegistered: 'You have not registered for this event.',
  deadlinePassed: 'The cancellation deadline has passed. Tell the coordinators if you cannot attend.',
  noOffer: 'No seat is offered to you right now.',
  staleOffer: 'The offer has changed. Check the card for where things stand.',
  offerExpired: 'The offer of a seat has expired.',
  notColleague: 'A seat can be handed only to a colleague from your own municipality.',
  colleagueHasSeat: 'Your colleague already has a seat at this event.',
  notConfirmed: 'You have no confirmed seat.',
  eventFull: 'The event is full.',
  quotaBelowTaken: 'The quota cannot be lower than the number of seats already taken.',
  invalid: 'Some details are not valid. Check them and try again.',
  busy: 'Many people are registering right now. Please try again in a moment.',
};

export const REGISTRATION_MESSAGES: Record<Language, RegistrationMessages> = {
  fi: {
    heading: 'Ilmoittautuminen',
    whenLabel: 'Aika',
    whereLabel: 'Paikka',
    online: 'Etätilaisuus Teamsissa',
    seatsLabel: 'Kuntasi paikat',
    seats: (municipality, taken, quota) => `${municipality} ${taken}/${quota}`,
    full: 'täynnä',
    total: (taken, capacity) => `Paikkoja yhteensä ${taken}/${capacity}`,
    waiting: (count) => (count === 1 ? 'jonossa 1 henkilö' : `jonossa ${count} henkilöä`),
    opensAt: (when) => `Ilmoittautuminen alkaa ${when}.`,
    closesAt: (when) => `Ilmoittautuminen päättyy ${when}.`,
    closed: 'Ilmoittautuminen on päättynyt.',
    cancelUntil: (when) => `Voit perua ilmoittautumisesi ${when} asti.`,
    cancelPassed: 'Peruutusaika on päättynyt. Jos et pääse paikalle, kerro siitä koordinaattoreille.',
    statusConfirmed: 'Paikkasi on vahvistettu. Tervetuloa!',
    statusWaitlisted: (position) =>
      position
        ? `Olet jonossa sijalla ${position}. Kerromme, jos paikka vapautuu.`
        : 'Olet jonossa. Kerromme, jos paikka vapautuu.',
    statusOffered: (until) =>
      `Paikka on varattu sinulle ${until} asti. Vahvista se sitä ennen, muuten paikka siirtyy jonossa seuraavalle.`,
    statusCancelled: 'Ilmoittautumisesi on peruttu.',
    statusTransferred: (name) => `Luovutit paikkasi kollegallesi (${name}).`,
    statusOfferExpired:
      'Sinulle tarjottu paikka siirtyi eteenpäin, koska sitä ei vahvistettu ajoissa. Voit liittyä jonoon uudelleen.',
    statusOfferDeclined: 'Kieltäydyit tarjotusta paikasta.',
    transferredFrom: (name) => `${name} luovutti paikkansa sinulle.`,
    byCoordinator: 'Koordinaattori vahvisti paikkasi.',
    notRegisteredYet: 'Et ole vielä ilmoittautunut.',
    register: 'Ilmoittaudu',
    joinWaitlist: 'Liity jonoon',
    saveAnswers: 'Tallenna vastaukset',
    cancel: 'Peru ilmoittautuminen',
    leaveWaitlist: 'Poistu jonosta',
    accept: 'Vahvistan paikan',
    decline: 'En tarvitse paikkaa',
    addToCalendar: 'Lisää kalenteriin',
    transfer: 'Luovuta paikka kollegalle',
    transferTo: 'Kenelle luovutat paikkasi?',
    transferConfirm: 'Luovuta paikka',
    transferPlaceholder: 'Valitse kollega',
    openTab: 'Avaa ilmoittautumiset',
    questionLabels: { diet: 'Erityisruokavalio', accessibility: 'Saavutettavuus- tai avustustarpeet' },
    questionPlaceholder: 'Jätä tyhjäksi, jos ei ole',
    sensitiveNote:
      'Ruokavalio- ja saavutettavuustiedot näkevät vain järjestäjät tilaisuuden järjestämiseksi, ja ne poistetaan kierroksen muiden tietojen mukana.',
    registered: 'Ilmoittautumisesi on vastaanotettu.',
    waitlisted: 'Kuntasi paikat ovat täynnä, joten liityit jonoon.',
    answersSaved: 'Vastauksesi on tallennettu.',
    cancelled: 'Ilmoittautumisesi on peruttu.',
    leftWaitlist: 'Poistuit jonosta.',
    accepted: 'Paikkasi on vahvistettu.',
    declined: 'Paikka siirtyy jonossa seuraavalle.',
    transferred: (name) => `Paikkasi on luovutettu kollegallesi (${name}). Kerromme hänelle.`,
    errors: fiErrors,
    notices: {
      opened: 'Ilmoittautuminen on alkanut',
      offered: 'Sinulle vapautui paikka',
      offerExpired: 'Paikkatarjous vanheni',
      transferredToYou: 'Sait paikan kollegaltasi',
      confirmedByCoordinator: 'Koordinaattori vahvisti paikkasi',
      cancelledByCoordinator: 'Koordinaattori perui ilmoittautumisesi',
    },
    noOpenRegistrations: 'Avoimia ilmoittautumisia ei ole juuri nyt.',
    cannotAttendReleased: 'Vapautimme paikkasi jonossa seuraavalle.',
    cannotAttendAfterDeadline:
      'Peruutusaika on päättynyt, joten paikkaasi ei vapautettu; koordinaattorit näkevät tiedon.',
    timesAreHelsinki: 'Ajat ovat Suomen aikaa.',
    preAssignment: {
      heading: 'Ennakkotehtävä',
      handIn: 'Palauta ennakkotehtävä',
      textLabel: 'Vastauksesi',
      textPlaceholder: 'Kirjoita vastauksesi tähän',
      urlLabel: 'Linkki (esimerkiksi jaettu asiakirja)',
      doneLabel: 'Tehtävä on tehty',
      submit: 'Palauta',
      due: (when) => `Palautettava ${when} mennessä.`,
      changeUntil: (when) => `Voit muuttaa palautustasi ${when} asti.`,
      handedIn: (when) => `Palautit tehtävän ${when}.`,
      saved: 'Kiitos! Ennakkotehtäväsi on palautettu.',
      closedNote: 'Palautusaika on päättynyt.',
      reminderHeading: 'Muistutus: ennakkotehtävä',
      reminderLead: (when) =>
        `Ennakkotehtävä on palautettava ${when} mennessä. Et ole vielä palauttanut sitä.`,
      notFound: 'Tapahtumalla ei ole ennakkotehtävää.',
      closed: 'Ennakkotehtävän palautusaika on päättynyt.',
      empty: 'Kirjoita vastaus, anna linkki tai merkitse tehtävä tehdyksi.',
      badUrl: 'Linkin pitää alkaa https://.',
      notForYou: 'Tämä ennakkotehtävä ei ole sinulle.',
      openMaterial: 'Avaa tehtävän materiaali',
    },
    recording: {
      heading: 'Tallenne on katsottavissa',
      lead: 'Tilaisuuden tallenne on nyt katsottavissa.',
      availableUntil: (when) => `Tallenne on katsottavissa ${when} asti.`,
      watch: 'Katso tallenne',
    },
    csv: {
      name: 'Nimi',
      email: 'Sähköposti',
      municipality: 'Kunta',
      status: 'Tila',
      registeredAt: 'Ilmoittautunut',
      confirmedAt: 'Vahvistettu',
      other: 'Muuta',
      diet: 'Erityisruokavalio',
      accessibility: 'Saavutettavuus- ja avustustarpeet',
      statuses: { confirmed: 'Vahvistettu', offered: 'Paikka tarjottu', waitlisted: 'Jonossa' },
      sensitiveNotice:
        'LUOTTAMUKSELLINEN: sisältää terveyteen liittyviä tietoja (ruokavalio, saavutettavuus). Käytä vain tilaisuuden järjestämiseen, älä jaa eteenpäin, ja poista tiedosto tilaisuuden jälkeen.',
    },
  },
  sv: {
    heading: 'Anmälan',
    whenLabel: 'Tid',
    whereLabel: 'Plats',
    online: 'Distansevenemang i Teams',
    seatsLabel: 'Kommunens platser',
    seats: (municipality, taken, quota) => `${municipality} ${taken}/${quota}`,
    full: 'fullt',
    total: (taken, capacity) => `Platser totalt ${taken}/${capacity}`,
    waiting: (count) => (count === 1 ? '1 person i kön' : `${count} personer i kön`),
    opensAt: (when) => `Anmälan öppnar ${when}.`,
    closesAt: (when) => `Anmälan stänger ${when}.`,
    closed: 'Anmälan har stängt.',
    cancelUntil: (when) => `Du kan avboka din anmälan fram till ${when}.`,
    cancelPassed: 'Tiden för avbokning har gått ut. Meddela koordinatorerna om du inte kan delta.',
    statusConfirmed: 'Din plats är bekräftad. Välkommen!',
    statusWaitlisted: (position) =>
      position
        ? `Du står som nummer ${position} i kön. Vi meddelar dig om en plats blir ledig.`
        : 'Du står i kön. Vi meddelar dig om en plats blir ledig.',
    statusOffered: (until) =>
      `Platsen hålls åt dig fram till ${until}. Bekräfta den före det, annars går platsen till nästa i kön.`,
    statusCancelled: 'Din anmälan är avbokad.',
    statusTransferred: (name) => `Du överlät din plats till din kollega (${name}).`,
    statusOfferExpired:
      'Platsen som erbjöds dig gick vidare eftersom den inte bekräftades i tid. Du kan ställa dig i kön igen.',
    statusOfferDeclined: 'Du tackade nej till den erbjudna platsen.',
    transferredFrom: (name) => `${name} överlät sin plats till dig.`,
    byCoordinator: 'En koordinator bekräftade din plats.',
    notRegisteredYet: 'Du har inte anmält dig än.',
    register: 'Anmäl mig',
    joinWaitlist: 'Ställ mig i kön',
    saveAnswers: 'Spara svaren',
    cancel: 'Avboka anmälan',
    leaveWaitlist: 'Lämna kön',
    accept: 'Jag tar platsen',
    decline: 'Jag behöver inte platsen',
    addToCalendar: 'Lägg till i kalendern',
    transfer: 'Överlåt platsen till en kollega',
    transferTo: 'Vem överlåter du platsen till?',
    transferConfirm: 'Överlåt platsen',
    transferPlaceholder: 'Välj en kollega',
    openTab: 'Öppna anmälningarna',
    questionLabels: { diet: 'Specialkost', accessibility: 'Behov av tillgänglighet eller assistans' },
    questionPlaceholder: 'Lämna tomt om inget',
    sensitiveNote:
      'Uppgifterna om kost och tillgänglighet ser bara arrangörerna för att ordna evenemanget, och de raderas med omgångens övriga uppgifter.',
    registered: 'Din anmälan har tagits emot.',
    waitlisted: 'Din kommuns platser är fulla, så du ställdes i kön.',
    answersSaved: 'Dina svar har sparats.',
    cancelled: 'Din anmälan är avbokad.',
    leftWaitlist: 'Du har lämnat kön.',
    accepted: 'Din plats är bekräftad.',
    declined: 'Platsen går till nästa i kön.',
    transferred: (name) => `Din plats har överlåtits till din kollega (${name}). Vi meddelar hen.`,
    errors: svErrors,
    notices: {
      opened: 'Anmälan har öppnat',
      offered: 'En plats har blivit ledig för dig',
      offerExpired: 'Erbjudandet om plats gick ut',
      transferredToYou: 'Du fick en plats av din kollega',
      confirmedByCoordinator: 'En koordinator bekräftade din plats',
      cancelledByCoordinator: 'En koordinator avbokade din anmälan',
    },
    noOpenRegistrations: 'Det finns inga öppna anmälningar just nu.',
    cannotAttendReleased: 'Vi gav din plats till nästa i kön.',
    cannotAttendAfterDeadline:
      'Tiden för avbokning har gått ut, så din plats frigjordes inte; koordinatorerna ser uppgiften.',
    timesAreHelsinki: 'Tiderna anges i finsk tid.',
    preAssignment: {
      heading: 'Förhandsuppgift',
      handIn: 'Lämna in förhandsuppgiften',
      textLabel: 'Ditt svar',
      textPlaceholder: 'Skriv ditt svar här',
      urlLabel: 'Länk (till exempel ett delat dokument)',
      doneLabel: 'Uppgiften är gjord',
      submit: 'Lämna in',
      due: (when) => `Lämnas in senast ${when}.`,
      changeUntil: (when) => `Du kan ändra ditt svar fram till ${when}.`,
      handedIn: (when) => `Du lämnade in uppgiften ${when}.`,
      saved: 'Tack! Din förhandsuppgift har lämnats in.',
      closedNote: 'Tiden för inlämning har gått ut.',
      reminderHeading: 'Påminnelse: förhandsuppgift',
      reminderLead: (when) => `Förhandsuppgiften ska lämnas in senast ${when}. Du har inte lämnat in den än.`,
      notFound: 'Evenemanget har ingen förhandsuppgift.',
      closed: 'Tiden för att lämna in förhandsuppgiften har gått ut.',
      empty: 'Skriv ett svar, ge en länk eller markera uppgiften som gjord.',
      badUrl: 'Länken ska börja med https://.',
      notForYou: 'Den här förhandsuppgiften är inte för dig.',
      openMaterial: 'Öppna uppgiftens material',
    },
    recording: {
      heading: 'Inspelningen kan ses',
      lead: 'Inspelningen av evenemanget kan nu ses.',
      availableUntil: (when) => `Inspelningen kan ses fram till ${when}.`,
      watch: 'Se inspelningen',
    },
    csv: {
      name: 'Namn',
      email: 'E-post',
      municipality: 'Kommun',
      status: 'Status',
      registeredAt: 'Anmäld',
      confirmedAt: 'Bekräftad',
      other: 'Övrigt',
      diet: 'Specialkost',
      accessibility: 'Behov av tillgänglighet och assistans',
      statuses: { confirmed: 'Bekräftad', offered: 'Plats erbjuden', waitlisted: 'I kön' },
      sensitiveNotice:
        'KONFIDENTIELLT: innehåller hälsorelaterade uppgifter (kost, tillgänglighet). Använd bara för att ordna evenemanget, dela inte vidare och radera filen efter evenemanget.',
    },
  },
  en: {
    heading: 'Registration',
    whenLabel: 'When',
    whereLabel: 'Where',
    online: 'Online event in Teams',
    seatsLabel: 'Seats',
    seats: (municipality, taken, quota) => `${municipality} ${taken}/${quota}`,
    full: 'full',
    total: (taken, capacity) => `Seats in all ${taken}/${capacity}`,
    waiting: (count) => (count === 1 ? '1 person waiting' : `${count} people waiting`),
    opensAt: (when) => `Registration opens ${when}.`,
    closesAt: (when) => `Registration closes ${when}.`,
    closed: 'Registration has closed.',
    cancelUntil: (when) => `You can cancel until ${when}.`,
    cancelPassed: 'The cancellation deadline has passed. If you cannot attend, tell the coordinators.',
    statusConfirmed: 'Your seat is confirmed. Welcome!',
    statusWaitlisted: (position) =>
      position
        ? `You are number ${position} on the waitlist. We will tell you if a seat comes free.`
        : 'You are on the waitlist. We will tell you if a seat comes free.',
    statusOffered: (until) =>
      `The seat is held for you until ${until}. Confirm it before then, or it goes to the next person on the waitlist.`,
    statusCancelled: 'Your registration is cancelled.',
    statusTransferred: (name) => `You handed your seat to your colleague (${name}).`,
    statusOfferExpired:
      'The seat offered to you went to the next person because it was not confirmed in time. You can join the waitlist again.',
    statusOfferDeclined: 'You declined the seat offered to you.',
    transferredFrom: (name) => `${name} handed their seat to you.`,
    byCoordinator: 'A coordinator confirmed your seat.',
    notRegisteredYet: 'You have not registered yet.',
    register: 'Register',
    joinWaitlist: 'Join the waitlist',
    saveAnswers: 'Save answers',
    cancel: 'Cancel registration',
    leaveWaitlist: 'Leave the waitlist',
    accept: 'I take the seat',
    decline: 'I do not need the seat',
    addToCalendar: 'Add to calendar',
    transfer: 'Hand the seat to a colleague',
    transferTo: 'Who do you hand your seat to?',
    transferConfirm: 'Hand over the seat',
    transferPlaceholder: 'Choose a colleague',
    openTab: 'Open registrations',
    questionLabels: { diet: 'Special diet', accessibility: 'Accessibility or assistance needs' },
    questionPlaceholder: 'Leave empty if none',
    sensitiveNote:
      'Only the organisers see diet and accessibility needs, to arrange the event; they are erased with the rest of the round’s data.',
    registered: 'Your registration has been received.',
    waitlisted: 'Your municipality’s seats are full, so you joined the waitlist.',
    answersSaved: 'Your answers have been saved.',
    cancelled: 'Your registration is cancelled.',
    leftWaitlist: 'You left the waitlist.',
    accepted: 'Your seat is confirmed.',
    declined: 'The seat goes to the next person on the waitlist.',
    transferred: (name) => `Your seat has been handed to your colleague (${name}). We will let them know.`,
    errors: enErrors,
    notices: {
      opened: 'Registration is open',
      offered: 'A seat has come free for you',
      offerExpired: 'The seat offer expired',
      transferredToYou: 'A colleague handed you their seat',
      confirmedByCoordinator: 'A coordinator confirmed your seat',
      cancelledByCoordinator: 'A coordinator cancelled your registration',
    },
    noOpenRegistrations: 'There are no open registrations right now.',
    cannotAttendReleased: 'We gave your seat to the next person on the waitlist.',
    cannotAttendAfterDeadline:
      'The cancellation deadline has passed, so your seat was not released; the coordinators can see it.',
    timesAreHelsinki: 'Times are Finnish time.',
    preAssignment: {
      heading: 'Pre-assignment',
      handIn: 'Hand in the pre-assignment',
      textLabel: 'Your answer',
      textPlaceholder: 'Write your answer here',
      urlLabel: 'Link (for example a shared document)',
      doneLabel: 'The assignment is done',
      submit: 'Hand in',
      due: (when) => `Due by ${when}.`,
      changeUntil: (when) => `You can change your answer until ${when}.`,
      handedIn: (when) => `You handed it in on ${when}.`,
      saved: 'Thank you! Your pre-assignment has been handed in.',
      closedNote: 'The time for handing in has passed.',
      reminderHeading: 'Reminder: pre-assignment',
      reminderLead: (when) => `The pre-assignment is due by ${when}. You have not handed it in yet.`,
      notFound: 'The event has no pre-assignment.',
      closed: 'The time for handing in the pre-assignment has passed.',
      empty: 'Write an answer, give a link or mark the assignment as done.',
      badUrl: 'The link must start with https://.',
      notForYou: 'This pre-assignment is not for you.',
      openMaterial: 'Open the assignment’s material',
    },
    recording: {
      heading: 'The recording is available',
      lead: 'The recording of the event can now be watched.',
      availableUntil: (when) => `The recording is available until ${when}.`,
      watch: 'Watch the recording',
    },
    csv: {
      name: 'Name',
      email: 'Email',
      municipality: 'Municipality',
      status: 'Status',
      registeredAt: 'Registered',
      confirmedAt: 'Confirmed',
      other: 'Other',
      diet: 'Special diet',
      accessibility: 'Accessibility and assistance needs',
      statuses: { confirmed: 'Confirmed', offered: 'Seat offered', waitlisted: 'Waitlisted' },
      sensitiveNotice:
        'CONFIDENTIAL: contains health-related information (diet, accessibility). Use only to arrange the event, do not pass it on, and delete the file after the event.',
    },
  },
};

export function registrationMessagesFor(language: Language): RegistrationMessages {
  return REGISTRATION_MESSAGES[language];
}
