import type { Language } from '../shared/i18n/language';
import type { OutboxState } from '../platform/delivery';
import type { DeliveryReason } from './delivery-contracts';

/**
 * Why a message did not reach someone, in words a coordinator understands. The outbox stores what
 * the Bot Connector said (`403 ConversationBlockedByUser`, `500 UserNotFound`, `network`) or what
 * the outbox itself decided (`no Teams user id: …`, `expired: …`); this is the one place that
 * reads those into a reason, and the one place that words the reasons in fi, sv and en.
 */
export function reasonOf(state: OutboxState, lastError: string | undefined): DeliveryReason | undefined {
  const error = (lastError ?? '').toLowerCase();
  if (state === 'sent') return undefined;
  if ((state === 'pending' || state === 'sending') && error === '') return undefined;
  if (error.startsWith('expired')) return 'expired';
  // The network's team (delivery/network-team.ts): none installed, several and none chosen, or
  // the chosen one no longer has the app. Each points the coordinator to what fixes it.
  if (error.includes('not installed in any team')) return 'noChannel';
  if (error.includes('installed in several teams')) return 'teamNotChosen';
  if (error.includes("not installed in the network's team")) return 'networkTeamMissing';
  if (error.includes('not installed in the team')) return 'appNotInTeam';
  if (error.includes('not in the team roster') || error.includes('no teams user id')) return 'notInRoster';
  if (error.includes('usernotfound') || error.includes('memberremoved') || error.includes('user not found'))
    return 'personLeft';
  if (error.includes('blocked') || error.startsWith('403')) return 'blocked';
  if (error.startsWith('404') || error.includes('conversationnotfound')) return 'chatGone';
  if (error.startsWith('429')) return 'throttled';
  if (/^(5\d\d|408|412)/.test(error)) return 'serviceError';
  if (error.startsWith('network')) return 'networkError';
  if (/^4\d\d/.test(error)) return 'rejected';
  if (error.includes('body is missing') || error.includes('could not be read') || error.includes('internal'))
    return 'internal';
  return 'unknown';
}

/** A failed message worth sending again: everything except what can no longer be on time. */
export function isRetriable(reason: DeliveryReason | undefined): boolean {
  return reason !== 'expired';
}

const REASON_TEXT: Readonly<Record<Language, Readonly<Record<DeliveryReason, string>>>> = {
  fi: {
    noChannel:
      'Sovellusta ei ole lisätty yhdenkään tiimin kanavalle. Lisää sovellus verkoston tiimiin ja lähetä viesti uudelleen.',
    teamNotChosen:
      'Sovellus on lisätty useaan tiimiin, eikä verkoston tiimiä ole valittu. Valitse tiimi kohdassa Muistutukset → Verkoston tiimi ja lähetä viesti uudelleen.',
    networkTeamMissing:
      'Verkoston tiimiksi valitussa tiimissä ei enää ole sovellusta. Lisää sovellus tiimiin tai valitse toinen tiimi kohdassa Muistutukset → Verkoston tiimi.',
    appNotInTeam: 'Sovellusta ei ole lisätty verkoston tiimiin, joten yksityisviestiä ei voitu aloittaa.',
    notInRoster: 'Henkilö ei ole verkoston tiimin jäsenluettelossa, joten häntä ei tavoitettu Teamsissa.',
    personLeft: 'Henkilö on poistunut tiimistä tai hänen Teams-tilinsä on poistettu.',
    blocked: 'Henkilö on estänyt sovelluksen tai poistanut sen käytöstä.',
    chatGone: 'Keskustelua ei enää ole (sovellus on ehkä poistettu keskustelusta).',
    expired: 'Viesti vanhentui: tapahtuma tai kysely oli jo alkanut tai sulkeutunut.',
    throttled: 'Teams pyysi hidastamaan; lähetystä yritettiin uudelleen liian monta kertaa.',
    serviceError: 'Teams-palvelu ei vastannut; lähetys epäonnistui useista yrityksistä huolimatta.',
    networkError: 'Yhteys Teams-palveluun katkesi; lähetys epäonnistui useista yrityksistä huolimatta.',
    rejected: 'Teams ei hyväksynyt viestiä.',
    internal: 'Viestiä ei voitu muodostaa sovelluksen sisäisen virheen vuoksi.',
    unknown: 'Lähetys epäonnistui tuntemattomasta syystä.',
  },
  sv: {
    noChannel:
      'Appen har inte lagts till i något teams kanal. Lägg till appen i nätverkets team och skicka meddelandet igen.',
    teamNotChosen:
      'Appen har lagts till i flera team och nätverkets team har inte valts. Välj teamet under Påminnelser → Nätverkets team och skicka meddelandet igen.',
    networkTeamMissing:
      'Teamet som valts som nätverkets team har inte längre appen. Lägg till appen i teamet eller välj ett annat under Påminnelser → Nätverkets team.',
    appNotInTeam: 'Appen har inte lagts till i nätverkets team, så ett privat meddelande kunde inte inledas.',
    notInRoster: 'Personen finns inte på nätverksteamets medlemslista och nåddes därför inte i Teams.',
    personLeft: 'Personen har lämnat teamet eller hens Teams-konto har tagits bort.',
    blocked: 'Personen har blockerat appen eller tagit den ur bruk.',
    chatGone: 'Chatten finns inte längre (appen har kanske tagits bort ur den).',
    expired: 'Meddelandet blev för gammalt: evenemanget eller enkäten hade redan börjat eller stängts.',
    throttled: 'Teams bad om ett lugnare tempo; meddelandet försöktes för många gånger.',
    serviceError: 'Teams-tjänsten svarade inte; sändningen misslyckades trots flera försök.',
    networkError: 'Förbindelsen till Teams bröts; sändningen misslyckades trots flera försök.',
    rejected: 'Teams godkände inte meddelandet.',
    internal: 'Meddelandet kunde inte skapas på grund av ett internt fel i appen.',
    unknown: 'Sändningen misslyckades av okänd orsak.',
  },
  en: {
    noChannel:
      "The app has not been added to any team channel. Add the app to the network's team and send again.",
    teamNotChosen:
      "The app is in several teams and the network's team has not been chosen. Choose it under Reminders → The network's team and send again.",
    networkTeamMissing:
      "The team chosen as the network's team no longer has the app. Add the app to it, or choose another under Reminders → The network's team.",
    appNotInTeam: "The app has not been added to the network's team, so no private chat could be started.",
    notInRoster: "The person is not on the network team's member list, so Teams could not reach them.",
    personLeft: 'The person has left the team or their Teams account has been removed.',
    blocked: 'The person has blocked or turned off the app.',
    chatGone: 'The chat no longer exists (the app may have been removed from it).',
    expired: 'The message came too late: the event or poll had already started or closed.',
    throttled: 'Teams asked us to slow down; the message was tried too many times.',
    serviceError: 'The Teams service did not answer; sending failed despite several attempts.',
    networkError: 'The connection to Teams was lost; sending failed despite several attempts.',
    rejected: 'Teams did not accept the message.',
    internal: 'The message could not be built because of an internal error in the app.',
    unknown: 'Sending failed for an unknown reason.',
  },
};

export function reasonText(reason: DeliveryReason, language: Language): string {
  return REASON_TEXT[language][reason];
}

/** Whom a channel row names in a report: the team channel, in the reader's language. */
export const CHANNEL_NAME: Readonly<Record<Language, string>> = {
  fi: 'Verkoston tiimin kanava',
  sv: 'Nätverksteamets kanal',
  en: "The network team's channel",
};
