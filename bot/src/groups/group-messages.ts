import type { Language } from '../shared/i18n/language';

/** The peer groups' words per language: invitation cards, answers, calendar texts. */
export interface GroupMessages {
  readonly invitationHeading: string;
  readonly updateHeading: string;
  readonly cancelledHeading: string;
  readonly rsvpReminderHeading: string;
  readonly removedHeading: string;
  readonly group: (number: number) => string;
  readonly lead: string;
  readonly updateLead: string;
  readonly cancelledLead: string;
  readonly removedLead: string;
  readonly rsvpReminderLead: string;
  readonly membersLabel: string;
  readonly whenLabel: string;
  readonly whereLabel: string;
  readonly online: string;
  /** The group has no meeting link yet (without Outlook a coordinator adds one per group). */
  readonly linkComing: string;
  readonly join: string;
  readonly agendaLabel: string;
  readonly preAssignmentLabel: string;
  readonly openPreAssignment: string;
  readonly addToCalendar: string;
  readonly outlookNote: string;
  readonly accept: string;
  readonly decline: string;
  readonly answeredAccepted: string;
  readonly answeredDeclined: string;
  readonly recordedAccepted: string;
  readonly recordedDeclined: string;
  readonly changedNotice: string;
  readonly unknownMeeting: string;
  readonly notInGroup: string;
  readonly meetingCancelled: string;
  readonly notAParticipant: string;
  readonly noGroup: string;
  readonly timesAreHelsinki: string;
  readonly calendarDescription: (members: string) => string;
  readonly cancellationComment: string;
}

export const GROUP_MESSAGES: Record<Language, GroupMessages> = {
  fi: {
    invitationHeading: 'Kutsu vertaiskeskusteluun',
    updateHeading: 'Päivitetty kutsu',
    cancelledHeading: 'Peruttu',
    rsvpReminderHeading: 'Vastaathan kutsuun',
    removedHeading: 'Ryhmäsi muuttui',
    group: (number) => `Ryhmä ${number}`,
    lead: 'Sinut on kutsuttu ylimmän johdon vertaiskeskusteluun pienryhmässä. Kerro, pääsetkö mukaan.',
    updateLead: 'Kutsun tiedot ovat muuttuneet. Tarkista aika ja vastaa uudelleen.',
    cancelledLead: 'Tämä ryhmän keskustelu on peruttu.',
    removedLead: 'Et ole enää tässä ryhmässä, joten tämä keskustelu on poistettu kalenteristasi.',
    rsvpReminderLead: 'Et ole vielä vastannut kutsuun. Kerro, pääsetkö mukaan.',
    membersLabel: 'Ryhmän jäsenet',
    whenLabel: 'Aika',
    whereLabel: 'Paikka',
    online: 'Teams-kokous',
    linkComing: 'Teams-kokous; ryhmän oma kokouslinkki lähetetään ennen keskustelua.',
    join: 'Liity kokoukseen',
    agendaLabel: 'Asialista ja ennakkotehtävä',
    preAssignmentLabel: 'Ennakkotehtävä',
    openPreAssignment: 'Avaa ennakkotehtävä',
    addToCalendar: 'Lisää kalenteriin',
    outlookNote: 'Kutsu on lähetetty myös Outlook-kalenteriisi.',
    accept: 'Osallistun',
    decline: 'En pääse',
    answeredAccepted: 'Olet ilmoittanut osallistuvasi.',
    answeredDeclined: 'Olet ilmoittanut, ettet pääse paikalle.',
    recordedAccepted: 'Kiitos, osallistumisesi on kirjattu.',
    recordedDeclined: 'Kiitos tiedosta. Poissaolosi on kirjattu.',
    changedNotice: 'Tämä kutsu on muuttunut. Tässä on voimassa oleva kutsu – vastaa tähän.',
    unknownMeeting: 'Tätä keskustelua ei löytynyt. Kutsu on ehkä vanhentunut.',
    notInGroup: 'Et ole tämän ryhmän jäsen, joten vastausta ei tallennettu.',
    meetingCancelled: 'Tämä keskustelu on peruttu, joten vastausta ei tarvita.',
    notAParticipant: 'Et ole verkoston osallistujalistalla, joten vastausta ei voitu tallentaa.',
    noGroup:
      'Sinulla ei ole vielä vertaisryhmää tulevaan keskusteluun. Kutsu tulee tähän keskusteluun, kun ryhmät on muodostettu.',
    timesAreHelsinki: 'Ajat ovat Suomen aikaa.',
    calendarDescription: (members) =>
      `Ylimmän johdon vertaiskeskustelu pienryhmässä.\nRyhmän jäsenet: ${members}`,
    cancellationComment: 'Ryhmän keskustelu on peruttu.',
  },
  sv: {
    invitationHeading: 'Inbjudan till kamratsamtal',
    updateHeading: 'Uppdaterad inbjudan',
    cancelledHeading: 'Inställt',
    rsvpReminderHeading: 'Svara gärna på inbjudan',
    removedHeading: 'Din grupp har ändrats',
    group: (number) => `Grupp ${number}`,
    lead: 'Du är inbjuden till ett kamratsamtal för högsta ledningen i en liten grupp. Berätta om du kan delta.',
    updateLead: 'Inbjudan har ändrats. Kontrollera tiden och svara på nytt.',
    cancelledLead: 'Gruppens samtal har ställts in.',
    removedLead: 'Du är inte längre med i den här gruppen, så samtalet har tagits bort ur din kalender.',
    rsvpReminderLead: 'Du har inte svarat på inbjudan än. Berätta om du kan delta.',
    membersLabel: 'Gruppens medlemmar',
    whenLabel: 'Tid',
    whereLabel: 'Plats',
    online: 'Teams-möte',
    linkComing: 'Teams-möte; gruppens egen möteslänk skickas före samtalet.',
    join: 'Anslut till mötet',
    agendaLabel: 'Föredragningslista och förhandsuppgift',
    preAssignmentLabel: 'Förhandsuppgift',
    openPreAssignment: 'Öppna förhandsuppgiften',
    addToCalendar: 'Lägg till i kalendern',
    outlookNote: 'Inbjudan har också skickats till din Outlook-kalender.',
    accept: 'Jag deltar',
    decline: 'Jag kan inte delta',
    answeredAccepted: 'Du har meddelat att du deltar.',
    answeredDeclined: 'Du har meddelat att du inte kan delta.',
    recordedAccepted: 'Tack, ditt deltagande har registrerats.',
    recordedDeclined: 'Tack för beskedet. Din frånvaro har registrerats.',
    changedNotice: 'Inbjudan har ändrats. Här är den gällande inbjudan – svara på den.',
    unknownMeeting: 'Samtalet hittades inte. Inbjudan är kanske föråldrad.',
    notInGroup: 'Du är inte medlem i den här gruppen, så svaret sparades inte.',
    meetingCancelled: 'Samtalet har ställts in, så inget svar behövs.',
    notAParticipant: 'Du finns inte på nätverkets deltagarlista, så svaret kunde inte sparas.',
    noGroup: 'Du har ännu ingen kamratgrupp för nästa samtal. Inbjudan kommer hit när grupperna har bildats.',
    timesAreHelsinki: 'Tiderna anges i finsk tid.',
    calendarDescription: (members) =>
      `Kamratsamtal för högsta ledningen i en liten grupp.\nGruppens medlemmar: ${members}`,
    cancellationComment: 'Gruppens samtal har ställts in.',
  },
  en: {
    invitationHeading: 'Invitation to a peer discussion',
    updateHeading: 'Updated invitation',
    cancelledHeading: 'Cancelled',
    rsvpReminderHeading: 'Please answer the invitation',
    removedHeading: 'Your group changed',
    group: (number) => `Group ${number}`,
    lead: 'You are invited to a top-management peer discussion in a small group. Let us know whether you can join.',
    updateLead: 'The invitation has changed. Check the time and answer again.',
    cancelledLead: "This group's discussion has been cancelled.",
    removedLead: 'You are no longer in this group, so the discussion has been removed from your calendar.',
    rsvpReminderLead: 'You have not answered the invitation yet. Let us know whether you can join.',
    membersLabel: 'Members of the group',
    whenLabel: 'When',
    whereLabel: 'Where',
    online: 'Teams meeting',
    linkComing: "Teams meeting; the group's own meeting link will be sent before the discussion.",
    join: 'Join the meeting',
    agendaLabel: 'Agenda and pre-assignment',
    preAssignmentLabel: 'Pre-assignment',
    openPreAssignment: 'Open the pre-assignment',
    addToCalendar: 'Add to calendar',
    outlookNote: 'The invitation has also been sent to your Outlook calendar.',
    accept: 'Accept',
    decline: 'Decline',
    answeredAccepted: 'You have accepted.',
    answeredDeclined: 'You have declined.',
    recordedAccepted: 'Thank you, your attendance has been recorded.',
    recordedDeclined: 'Thank you for letting us know. Your absence has been recorded.',
    changedNotice: 'This invitation has changed. Here is the current one – please answer this.',
    unknownMeeting: 'This discussion was not found. The invitation may be out of date.',
    notInGroup: 'You are not a member of this group, so no answer was stored.',
    meetingCancelled: 'This discussion has been cancelled, so no answer is needed.',
    notAParticipant: 'You are not on the network’s participant list, so the answer could not be stored.',
    noGroup:
      'You have no peer group for the next discussion yet. The invitation will arrive here once the groups are formed.',
    timesAreHelsinki: 'Times are Finnish time.',
    calendarDescription: (members) => `Top-management peer discussion in a small group.\nMembers: ${members}`,
    cancellationComment: "The group's discussion has been cancelled.",
  },
};

export function groupMessagesFor(language: Language): GroupMessages {
  return GROUP_MESSAGES[language];
}
