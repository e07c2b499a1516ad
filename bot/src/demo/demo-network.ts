import type { Municipality } from '../shared/municipality';
import { sizeClassFor } from '../shared/municipality';
import type { Coordinator, Participant } from '../shared/participant';
import type { ProgrammeEvent, Round } from '../shared/programme-event';
import type { ParticipantRole } from '../shared/roles';
import { fromHelsinkiWallClock, toHelsinkiWallClock } from '../shared/i18n/helsinki-time';
import type { Language } from '../shared/i18n/language';
import {
  PLAYGROUND_IDENTITIES,
  PLAYGROUND_TENANT_ID,
  playgroundIdentity,
  type PlaygroundPersonKey,
} from './playground-identities';

/**
 * A demo network so that `npm start` shows a living app at once: twenty municipalities of
 * different sizes and regions, about sixty participants across the five roles, and one round's
 * programme with dates relative to today. All names are invented; populations are rounded.
 */
export const DEMO_TENANT_ID = PLAYGROUND_TENANT_ID;
export const DEMO_ROUND_ID = 'demo-round';

const KUNTATALO = {
  name: 'Kuntatalo',
  address: 'Toinen linja 14, 00530 Helsinki',
  sv: { name: 'Kommunernas hus', address: 'Andra linjen 14, 00530 Helsingfors' },
};

type MunicipalitySeed = [
  id: string,
  name: string,
  nameSv: string | undefined,
  population: number,
  region: string,
  /** A name that is not a name in English (the sub-region), and whether the demo has no Swedish speaker there. */
  extra?: { readonly nameEn?: string; readonly noSwedishSpeaker?: boolean },
];

const MUNICIPALITIES: readonly MunicipalitySeed[] = [
  ['hameenlinna', 'Hämeenlinna', 'Tavastehus', 68000, 'Kanta-Häme'],
  ['kangasala', 'Kangasala', undefined, 33000, 'Pirkanmaa'],
  ['porvoo', 'Porvoo', 'Borgå', 51000, 'Uusimaa'],
  ['kuopio', 'Kuopio', undefined, 125000, 'Pohjois-Savo'],
  ['rovaniemi', 'Rovaniemi', undefined, 65000, 'Lappi'],
  ['seinajoki', 'Seinäjoki', undefined, 66000, 'Etelä-Pohjanmaa'],
  ['raasepori', 'Raasepori', 'Raseborg', 27000, 'Uusimaa'],
  ['salo', 'Salo', undefined, 51000, 'Varsinais-Suomi'],
  ['kemi', 'Kemi', undefined, 20000, 'Lappi'],
  ['iisalmi', 'Iisalmi', 'Idensalmi', 21000, 'Pohjois-Savo'],
  ['kauniainen', 'Kauniainen', 'Grankulla', 10000, 'Uusimaa'],
  ['loviisa', 'Loviisa', 'Lovisa', 14500, 'Uusimaa'],
  ['ylojarvi', 'Ylöjärvi', undefined, 34000, 'Pirkanmaa'],
  ['pieksamaki', 'Pieksämäki', undefined, 17000, 'Etelä-Savo'],
  ['kuhmo', 'Kuhmo', undefined, 8000, 'Kainuu'],
  ['utsjoki', 'Utsjoki', undefined, 1200, 'Lappi'],
  ['pedersore', 'Pedersören kunta', 'Pedersöre', 11000, 'Pohjanmaa'],
  ['kaarina', 'Kaarina', 'S:t Karins', 36000, 'Varsinais-Suomi'],
  ['lieksa', 'Lieksa', undefined, 10500, 'Pohjois-Karjala'],
  [
    'ylasavo',
    'Ylä-Savon seutukunta (5 kuntaa)',
    'Övre Savolax ekonomiska region (5 kommuner)',
    55000,
    'Pohjois-Savo',
    { nameEn: 'Ylä-Savo sub-region (5 municipalities)', noSwedishSpeaker: true },
  ],
];

export function demoMunicipalities(): Municipality[] {
  return MUNICIPALITIES.map(([id, name, nameSv, population, region, extra]) => ({
    id,
    name,
    ...(nameSv ? { nameSv } : {}),
    ...(extra?.nameEn ? { nameEn: extra.nameEn } : {}),
    population,
    region,
    sizeClass: sizeClassFor(population),
  }));
}

/** What the demo network knows of the people who also appear in the Agents Playground. */
interface PersonSeed {
  readonly municipalityId: string | undefined;
  readonly roles: readonly ParticipantRole[];
  /**
   * Each has chosen a language: the Playground always reports the locale en-US, so without a
   * choice everyone there would be answered in English.
   */
  readonly language: Language;
  readonly isGuest: boolean;
}

const PLAYGROUND_PEOPLE: Readonly<Record<PlaygroundPersonKey, PersonSeed>> = {
  aino: { municipalityId: 'hameenlinna', roles: ['leadership', 'developer'], language: 'fi', isGuest: true },
  mikko: { municipalityId: undefined, roles: [], language: 'fi', isGuest: false },
  sanna: { municipalityId: undefined, roles: [], language: 'fi', isGuest: true },
  johanna: { municipalityId: 'kangasala', roles: ['leadership'], language: 'fi', isGuest: true },
  erik: { municipalityId: 'porvoo', roles: ['leadership'], language: 'sv', isGuest: true },
  pekka: { municipalityId: 'kuopio', roles: ['elected'], language: 'fi', isGuest: true },
  laura: { municipalityId: 'rovaniemi', roles: ['expert'], language: 'fi', isGuest: true },
};

const FIRST_NAMES = [
  'Anna',
  'Juha',
  'Tiina',
  'Markku',
  'Hanna',
  'Timo',
  'Kaisa',
  'Jari',
  'Minna',
  'Antti',
  'Satu',
  'Kari',
  'Riikka',
  'Petri',
  'Elina',
  'Ville',
  'Outi',
  'Sami',
  'Maria',
  'Janne',
];
const LAST_NAMES = [
  'Virtanen',
  'Koskinen',
  'Järvinen',
  'Laine',
  'Hämäläinen',
  'Rantanen',
  'Karjalainen',
  'Saarinen',
  'Turunen',
  'Salminen',
  'Leinonen',
  'Kinnunen',
];
const SWEDISH_FIRST = ['Johan', 'Ulrika', 'Mikael', 'Annika'];
const SWEDISH_LAST = ['Nyström', 'Holmberg', 'Sjöberg', 'Ekman'];
const ROLE_CYCLE: readonly (readonly ParticipantRole[])[] = [
  ['leadership'],
  ['supervisor'],
  ['developer'],
  ['expert'],
  ['elected'],
  ['developer', 'expert'],
];

export function demoParticipants(now: Date): Participant[] {
  const updatedAt = now.toISOString();
  const people: Participant[] = PLAYGROUND_IDENTITIES.map((person) => ({
    tenantId: PLAYGROUND_TENANT_ID,
    aadObjectId: person.aadObjectId,
    name: person.name,
    email: person.email,
    ...PLAYGROUND_PEOPLE[person.key],
    teamsUserId: person.teamsUserId,
    active: true,
    updatedAt,
  }));
  // Three more people from each municipality, roles in turn, so every role and size is present.
  let n = 0;
  for (const [municipalityId, , nameSv, , , extra] of MUNICIPALITIES) {
    for (let i = 0; i < 3; i += 1) {
      const swedish = nameSv !== undefined && !extra?.noSwedishSpeaker && i === 2;
      const first = swedish ? SWEDISH_FIRST[n % SWEDISH_FIRST.length] : FIRST_NAMES[n % FIRST_NAMES.length];
      const last = swedish ? SWEDISH_LAST[n % SWEDISH_LAST.length] : LAST_NAMES[(n * 7) % LAST_NAMES.length];
      const name = `${first ?? 'Anna'} ${last ?? 'Virtanen'}`;
      const objectId = `b2000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;
      people.push({
        tenantId: DEMO_TENANT_ID,
        aadObjectId: objectId,
        name,
        email: `${slug(name)}@${municipalityId}.example.fi`,
        municipalityId,
        roles: ROLE_CYCLE[n % ROLE_CYCLE.length] ?? ['developer'],
        language: swedish ? 'sv' : undefined,
        teamsUserId: `29:demo-${n + 1}`,
        isGuest: true,
        active: true,
        updatedAt,
      });
      n += 1;
    }
  }
  return people;
}

export function demoCoordinators(): Coordinator[] {
  const mikko = playgroundIdentity('mikko');
  const sanna = playgroundIdentity('sanna');
  return [
    {
      tenantId: DEMO_TENANT_ID,
      aadObjectId: mikko.aadObjectId,
      name: mikko.name,
      organisation: 'Kuntaliitto',
    },
    { tenantId: DEMO_TENANT_ID, aadObjectId: sanna.aadObjectId, name: sanna.name, organisation: 'FCG' },
  ];
}

/** The object id of the Playground person at `index` (0 = Aino … 6 = Laura), for tests. */
export function playgroundObjectId(index: number): string {
  const person = PLAYGROUND_IDENTITIES[index];
  if (!person) throw new RangeError(`No Playground person at ${index}`);
  return person.aadObjectId;
}

/**
 * A Helsinki wall-clock time about `days` after today's date (negative for the past). Network events
 * happen on working days, so a date that falls on a weekend moves to the Monday after (or, for
 * deadlines, the Friday before).
 */
export function helsinkiDay(
  now: Date,
  days: number,
  hour: number,
  minute = 0,
  weekend: 'after' | 'before' = 'after',
): string {
  const today = toHelsinkiWallClock(now);
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() + (weekend === 'after' ? 2 : -1));
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + (weekend === 'after' ? 1 : -2));
  return fromHelsinkiWallClock({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour,
    minute,
  }).toISOString();
}

export function demoRound(now: Date): Round {
  return {
    id: DEMO_ROUND_ID,
    name: {
      fi: 'Digiverkosto, kierros 2 (demo)',
      sv: 'Digiverkosto, omgång 2 (demo)',
      en: 'Digiverkosto, round 2 (demo)',
    },
    startsAt: helsinkiDay(now, -30, 0),
    endsAt: helsinkiDay(now, 200, 0),
  };
}

const ALL_ROLES: readonly ParticipantRole[] = ['leadership', 'supervisor', 'developer', 'expert', 'elected'];
const TEAMS_MEETING = 'https://teams.microsoft.com/l/meetup-join/demo';

/** The demo event that starts soon after `npm start`, so the Playground shows reminders at once. */
export const DEMO_SOON_EVENT_ID = 'onboarding-info';

/**
 * A short remote info session two hours from now (rounded up to a quarter hour). Its day-ahead
 * reminder is already due when the app starts, so the first scheduler tick, a second after start,
 * posts it in the channel and sends it personally; the hour-ahead reminder follows an hour later.
 */
export function demoSoonEvent(now: Date): ProgrammeEvent {
  const quarter = 15 * 60_000;
  const start = new Date(Math.ceil((now.getTime() + 2 * 3_600_000) / quarter) * quarter);
  return {
    roundId: DEMO_ROUND_ID,
    id: DEMO_SOON_EVENT_ID,
    type: 'training',
    title: {
      fi: 'Aloitusinfo: näin Digiverkosto toimii Teamsissa',
      sv: 'Startinfo: så fungerar Digiverkosto i Teams',
      en: 'Onboarding info: how Digiverkosto works in Teams',
    },
    description: undefined,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    place: undefined,
    onlineUrl: `${TEAMS_MEETING}/onboarding-info`,
    audienceRoles: ALL_ROLES,
    municipalityId: undefined,
    inPersonQuota: undefined,
    preAssignment: {
      text: {
        fi: 'Katso ennen infoa, mitä kuntasi on jo kirjannut digitiekarttaansa.',
        sv: 'Ta före infotillfället reda på vad din kommun redan har skrivit in i sin digitala färdplan.',
        en: 'Before the session, look at what your municipality has already put in its digital roadmap.',
      },
      url: 'https://www.kuntaliitto.fi/digitalisaatio',
      dueAt: undefined,
    },
    organiser: 'Kuntaliitto',
  };
}

export function demoProgramme(now: Date): ProgrammeEvent[] {
  const base = {
    roundId: DEMO_ROUND_ID,
    description: undefined,
    municipalityId: undefined,
    inPersonQuota: undefined,
    preAssignment: undefined,
  };
  const online = (id: string) => `${TEAMS_MEETING}/${id}`;
  const workshop = (
    n: number,
    days: number,
    topic: { fi: string; sv: string; en: string },
  ): ProgrammeEvent => ({
    ...base,
    id: `workshop-${n}`,
    type: 'developmentWorkshop',
    title: {
      fi: `Kehittämispaja ${n}: ${topic.fi}`,
      sv: `Utvecklingsverkstad ${n}: ${topic.sv}`,
      en: `Development workshop ${n}: ${topic.en}`,
    },
    startsAt: helsinkiDay(now, days, 9),
    endsAt: helsinkiDay(now, days, 12),
    place: undefined,
    onlineUrl: online(`workshop-${n}`),
    audienceRoles: ALL_ROLES,
    organiser: 'Kuntaliitto',
    preAssignment: {
      text: {
        fi: 'Kirjaa kuntasi kolme tärkeintä digitalisaation haastetta ennen pajaa.',
        sv: 'Skriv ner kommunens tre viktigaste utmaningar inom digitalisering före verkstaden.',
        en: "Write down your municipality's three main digitalisation challenges before the workshop.",
      },
      url: 'https://www.kuntaliitto.fi/digitalisaatio',
      dueAt: helsinkiDay(now, days - 1, 16, 0, 'before'),
    },
  });
  const leadership = (n: number, days: number): ProgrammeEvent => ({
    ...base,
    id: `leadership-${n}`,
    type: 'leadershipDiscussion',
    title: {
      fi: `Ylimmän johdon vertaiskeskustelu ${n}`,
      sv: `Kamratsamtal för högsta ledningen ${n}`,
      en: `Top-management peer discussion ${n}`,
    },
    startsAt: helsinkiDay(now, days, 14),
    endsAt: helsinkiDay(now, days, 15, 30),
    place: undefined,
    onlineUrl: online(`leadership-${n}`),
    audienceRoles: ['leadership'],
    organiser: 'Kuntaliitto',
  });
  return [
    demoSoonEvent(now),
    {
      ...base,
      id: 'kickoff',
      type: 'kickoff',
      title: { fi: 'Aloitustilaisuus', sv: 'Startevenemang', en: 'Kickoff day' },
      startsAt: helsinkiDay(now, -30, 9),
      endsAt: helsinkiDay(now, -30, 16),
      place: KUNTATALO,
      onlineUrl: undefined,
      audienceRoles: ALL_ROLES,
      inPersonQuota: 4,
      organiser: 'Kuntaliitto',
    },
    {
      ...base,
      id: 'training-digital-future',
      type: 'training',
      title: {
        fi: 'Koulutus: Kuntien digitaalinen tulevaisuus',
        sv: 'Utbildning: Kommunernas digitala framtid',
        en: 'Training: The digital future of municipalities',
      },
      startsAt: helsinkiDay(now, -10, 13),
      endsAt: helsinkiDay(now, -10, 15),
      place: undefined,
      onlineUrl: online('training'),
      audienceRoles: ['supervisor', 'developer', 'expert', 'elected'],
      organiser: 'FCG',
    },
    workshop(1, 2, {
      fi: 'Osaaminen ja johtaminen',
      sv: 'Kompetens och ledarskap',
      en: 'Competence and leadership',
    }),
    leadership(1, 9),
    {
      ...base,
      id: 'roadmap-leadership-hameenlinna',
      type: 'roadmapLeadershipWorkshop',
      title: {
        fi: 'Digitiekartan johtoryhmätyöpaja, Hämeenlinna',
        sv: 'Ledningsgruppens verkstad om digital färdplan, Tavastehus',
        en: 'Roadmap leadership workshop, Hämeenlinna',
      },
      startsAt: helsinkiDay(now, 20, 12),
      endsAt: helsinkiDay(now, 20, 14),
      place: undefined,
      onlineUrl: online('roadmap-hml'),
      audienceRoles: ['leadership'],
      municipalityId: 'hameenlinna',
      organiser: 'FCG',
    },
    {
      ...base,
      id: 'roadmap-content-hameenlinna',
      type: 'roadmapContentWorkshop',
      title: {
        fi: 'Digitiekartan sisältötyöpaja, Hämeenlinna',
        sv: 'Innehållsverkstad om digital färdplan, Tavastehus',
        en: 'Roadmap content workshop, Hämeenlinna',
      },
      startsAt: helsinkiDay(now, 45, 9),
      endsAt: helsinkiDay(now, 45, 16),
      place: {
        name: 'Hämeenlinnan kaupungintalo',
        address: 'Raatihuoneenkatu 9, 13100 Hämeenlinna',
        sv: { name: 'Tavastehus stadshus', address: 'Rådhusgatan 9, 13100 Tavastehus' },
      },
      onlineUrl: undefined,
      audienceRoles: ALL_ROLES,
      municipalityId: 'hameenlinna',
      organiser: 'FCG',
    },
    workshop(2, 60, {
      fi: 'Palvelumuodot ja toimintamallit',
      sv: 'Serviceformer och verksamhetsmodeller',
      en: 'Service forms and operating models',
    }),
    leadership(2, 67),
    workshop(3, 120, {
      fi: 'Hankinnat ja lainsäädäntö',
      sv: 'Upphandling och lagstiftning',
      en: 'Procurement and legislation',
    }),
    leadership(3, 127),
    {
      ...base,
      id: 'closing-day',
      type: 'closingDay',
      title: { fi: 'Päätöstilaisuus', sv: 'Avslutningsevenemang', en: 'Closing day' },
      startsAt: helsinkiDay(now, 170, 9),
      endsAt: helsinkiDay(now, 170, 16),
      place: KUNTATALO,
      onlineUrl: undefined,
      audienceRoles: ALL_ROLES,
      inPersonQuota: 4,
      organiser: 'Kuntaliitto',
    },
  ];
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.');
}
