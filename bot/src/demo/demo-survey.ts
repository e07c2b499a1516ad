import type { Logger } from '../platform/observability/logger';
import { fromHelsinkiWallClock, toHelsinkiWallClock } from '../shared/i18n/helsinki-time';
import type { SurveyService } from '../survey';
import { SEEDED_BACKGROUND, SEEDED_PERSPECTIVES } from '../survey';
import { DEMO_ROUND_ID, DEMO_TENANT_ID, demoMunicipalities, playgroundObjectId } from './demo-network';

/**
 * The demo's staff digitalisation surveys: one open survey for each demo municipality (opened
 * five days ago, closing in nine), with a few hundred plausible answers sent through the same
 * path as the public page's, so a newcomer sees charts, comparisons and a report at once. Utsjoki
 * has only three answers, to show what suppression looks like. Runs only when the demo round has
 * no surveys yet, so a restart keeps what people did.
 */
export async function seedDemoSurveys(
  service: SurveyService,
  roundIds: () => Promise<readonly string[]>,
  now: Date,
  logger: Logger,
): Promise<boolean> {
  if (!(await roundIds()).includes(DEMO_ROUND_ID)) return false;
  if ((await service.list(DEMO_ROUND_ID)).length > 0) return false;
  const random = seeded(20_240_820);
  const coordinator = { tenantId: DEMO_TENANT_ID, aadObjectId: playgroundObjectId(2) };
  let answers = 0;
  for (const municipality of demoMunicipalities()) {
    const headcount = Math.max(20, Math.round(municipality.population * 0.006));
    const survey = await service.create(
      {
        roundId: DEMO_ROUND_ID,
        municipalityId: municipality.id,
        opensAt: helsinkiDay(now, -5, 8),
        closesAt: helsinkiDay(now, 9, 16),
        headcount,
        requireCode: false,
        ...(municipality.id === 'hameenlinna' ? { code: DEMO_SURVEY_CODE } : {}),
      },
      coordinator,
    );
    const rate = 0.12 + random() * 0.33;
    const count =
      municipality.id === 'utsjoki' ? 3 : Math.min(70, Math.max(12, Math.round(headcount * rate)));
    const level = 2.6 + random() * 1.0;
    const bilingual = municipality.nameSv !== undefined;
    for (let i = 0; i < count; i += 1) {
      const token = await service.issueToken(survey);
      const outcome = await service.submitWeb({
        code: survey.code,
        token,
        cookieToken: token,
        answer: plausibleAnswer(random, level, bilingual),
        oneTimeCode: undefined,
      });
      if (outcome.kind !== 'saved') throw new Error(`A demo answer was refused: ${outcome.kind}`);
      answers += 1;
    }
  }
  await service.rollUp({ all: true });
  logger.info('demo surveys seeded', { surveys: demoMunicipalities().length, answers });
  return true;
}

/** Hämeenlinna's public answer page in the demo is `/s/hameenkyse` (the README links to it). */
export const DEMO_SURVEY_CODE = 'hameenkyse';

/** How the demo's perspectives tend to differ from a municipality's general level. */
const EFFECT: Record<string, number> = {
  'digital-competence': 0.35,
  'ict-devices': 0.5,
  'software-usability': -0.15,
  'planned-data-collection': -0.3,
  'data-driven-management': -0.4,
  'readiness-for-change': 0.05,
  experimentation: -0.2,
  'e-services': 0.25,
  'e-communication': 0.4,
  'e-participation': -0.55,
  'strategy-goals-and-indicators': -0.25,
};

const COMMENTS_FI = [
  'Järjestelmiä on liikaa, ja samat tiedot syötetään moneen paikkaan.',
  'Perehdytys uusiin ohjelmiin jää usein oman aktiivisuuden varaan.',
  'Sähköiset palvelut ovat parantuneet, mutta asukkaat eivät aina löydä niitä.',
  'Tiedolla johtamisesta puhutaan paljon, mutta raportit eivät kerro arjen työstä.',
  'Kokeiluille toivoisin enemmän aikaa ja lupaa epäonnistua.',
  'Laitteet ovat hyviä, mutta verkkoyhteydet kouluilla pätkivät.',
  'Digituki omalla toimialalla auttaisi enemmän kuin yleiset koulutukset.',
  'Luottamushenkilöille kaivattaisiin selkeämpi näkymä päätösten vaikutuksiin.',
];
const COMMENTS_SV = [
  'Det finns för många system och samma uppgifter matas in flera gånger.',
  'Digitala tjänster på svenska kommer ofta senare än på finska.',
  'Mer stöd i det dagliga arbetet skulle hjälpa mer än allmänna kurser.',
];

function plausibleAnswer(random: () => number, level: number, bilingual: boolean) {
  const personal = (random() - 0.5) * 1.2;
  const ratings: Record<string, string> = {};
  for (const perspective of SEEDED_PERSPECTIVES) {
    const dontKnowChance = perspective.scope === 'municipality' ? 0.1 : 0.02;
    if (random() < dontKnowChance) {
      ratings[perspective.id] = 'x';
      continue;
    }
    const noise = (random() + random() + random() - 1.5) * 1.1;
    const value = Math.round(level + (EFFECT[perspective.id] ?? 0) + personal + noise);
    ratings[perspective.id] = String(Math.min(5, Math.max(1, value)));
  }
  const department = SEEDED_BACKGROUND[0]?.options ?? [];
  const weights = [0.18, 0.38, 0.1, 0.16, 0.08, 0.1];
  const background: Record<string, string> = {};
  const pick = random();
  let sum = 0;
  for (const [index, option] of department.entries()) {
    sum += weights[index] ?? 0;
    if (pick < sum) {
      background.department = option.id;
      break;
    }
  }
  if (random() < 0.92) background.supervisor = random() < 0.2 ? 'yes' : 'no';
  if (random() < 0.95) background.position = random() < 0.08 ? 'elected' : 'staff';
  let comment: string | undefined;
  if (random() < 0.16) {
    const list = bilingual && random() < 0.4 ? COMMENTS_SV : COMMENTS_FI;
    comment = list[Math.floor(random() * list.length)];
  }
  return { ratings, background, comment };
}

/** A deterministic pseudo-random sequence, so every demo store looks the same. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
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
