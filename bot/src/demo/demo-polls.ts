import type { Repositories } from '../repositories';
import { fromHelsinkiWallClock, toHelsinkiWallClock } from '../shared/i18n/helsinki-time';
import type { WishPoll } from '../polls';
import { DEMO_TENANT_ID, playgroundObjectId } from './demo-network';

export const DEMO_POLL_ID = 'demo-topic-wishes';

/**
 * The challenge areas municipalities name (DOMAIN.md, "Topic wishes"): the natural first topics
 * to ask about at the start of a round.
 */
export const CHALLENGE_AREAS: WishPoll['topics'] = [
  {
    id: 'competence',
    label: { fi: 'Digitaalinen osaaminen', sv: 'Digital kompetens', en: 'Digital competence' },
  },
  { id: 'leadership', label: { fi: 'Johtaminen', sv: 'Ledarskap', en: 'Leadership' } },
  { id: 'service-forms', label: { fi: 'Palvelumuodot', sv: 'Serviceformer', en: 'Service forms' } },
  {
    id: 'operating-models',
    label: { fi: 'Toimintamallit', sv: 'Verksamhetsmodeller', en: 'Operating models' },
  },
  { id: 'procurement', label: { fi: 'Hankinnat', sv: 'Upphandling', en: 'Procurement' } },
  {
    id: 'participation',
    label: {
      fi: 'Asukkaiden osallistumis- ja vaikuttamismahdollisuudet',
      sv: 'Invånarnas möjligheter att delta och påverka',
      en: "Residents' participation and influence",
    },
  },
  {
    id: 'resources',
    label: {
      fi: 'Talous- ja henkilöstöresurssit',
      sv: 'Ekonomiska resurser och personalresurser',
      en: 'Financial and staff resources',
    },
  },
  {
    id: 'legislation',
    label: {
      fi: 'Lainsäädännön kasvavat vaatimukset digitalisaatiolle',
      sv: 'Lagstiftningens växande krav på digitaliseringen',
      en: 'The growing demands of legislation on digitalisation',
    },
  },
];

/** The demo round's open topic wish poll: opened a week ago, closes in two weeks at 16.00 Helsinki time. */
export function demoWishPoll(now: Date): WishPoll {
  return {
    id: DEMO_POLL_ID,
    question: {
      fi: 'Mistä aiheista haluat verkoston kehittämispajoissa puhuttavan tällä kierroksella?',
      sv: 'Vilka ämnen vill du att nätverkets utvecklingsverkstäder tar upp under den här omgången?',
      en: "Which topics should the network's development workshops cover this round?",
    },
    topics: CHALLENGE_AREAS,
    selection: { mode: 'multiple', maxChoices: 3 },
    suggestionMaxLength: 500,
    opensAt: helsinkiDay(now, -7, 9),
    closesAt: helsinkiDay(now, 14, 16),
    closedAt: undefined,
    audience: { roles: [], municipalityIds: [] },
    anonymous: false,
    resultsVisibleToParticipants: true,
    reminderLeadMinutes: 24 * 60,
    createdBy: { tenantId: DEMO_TENANT_ID, aadObjectId: playgroundObjectId(1) },
    createdAt: helsinkiDay(now, -7, 8),
  };
}

/** Creates the demo poll unless it exists (the rest of the demo network is seeded first). */
export async function seedDemoPolls(repositories: Repositories, now: Date): Promise<boolean> {
  return repositories.wishPolls.create(demoWishPoll(now));
}

function helsinkiDay(now: Date, days: number, hour: number): string {
  const today = toHelsinkiWallClock(now);
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return fromHelsinkiWallClock({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour,
    minute: 0,
  }).toISOString();
}
