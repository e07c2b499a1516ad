import { z } from 'zod';
import type { LocalizedText } from '../shared/i18n/language';

/**
 * The staff digitalisation survey's questionnaire (FCG's instrument, kuntadigi.fi) as data: the
 * perspectives rated 1–5, the scale's words, the background questions and the comment. It is
 * versioned: a survey pins the version it was opened with, and a version that a survey has opened
 * with is never changed again (an edit then becomes the next version). The Finnish names are the
 * working translations of DOMAIN.md, to be checked with FCG's own wording.
 */
export type PerspectiveScope = 'personal' | 'municipality';
export const PERSPECTIVE_SCOPES = ['personal', 'municipality'] as const;

export interface Perspective {
  /** Stable across versions and rounds: results and the roadmap join on it. */
  readonly id: string;
  readonly label: LocalizedText;
  /** What the respondent is asked, a full sentence. */
  readonly question: LocalizedText;
  readonly scope: PerspectiveScope;
}

/** The five steps, 1 (heikko) to 5 (erinomainen). */
export type RatingValue = 1 | 2 | 3 | 4 | 5;
export const RATING_VALUES: readonly RatingValue[] = [1, 2, 3, 4, 5];

/** "Don't know" is an answer of its own: it counts as answered but never as a number. */
export type Rating = RatingValue | 'dontKnow';

export interface BackgroundOption {
  readonly id: string;
  readonly label: LocalizedText;
}

export interface BackgroundQuestion {
  readonly id: string;
  readonly label: LocalizedText;
  readonly options: readonly BackgroundOption[];
}

export interface ReportingRules {
  /** No figure is shown for a group with fewer answers than this (at least 5). */
  readonly minGroupSize: number;
  /** No comment is shown for a survey with fewer answers than this (at least 8). */
  readonly minCommentGroup: number;
  /** Network figures (median, quartiles, ranks) need at least this many municipalities. */
  readonly minMunicipalities: number;
}

export interface SurveyInstrument {
  readonly id: string;
  readonly version: number;
  readonly name: LocalizedText;
  readonly perspectives: readonly Perspective[];
  /** Index 0 is the word for 1, index 4 the word for 5. */
  readonly scale: readonly [LocalizedText, LocalizedText, LocalizedText, LocalizedText, LocalizedText];
  readonly dontKnow: LocalizedText;
  readonly background: readonly BackgroundQuestion[];
  /** Undefined: the survey asks for no comment. */
  readonly comment: { readonly prompt: LocalizedText; readonly maxLength: number } | undefined;
  readonly reporting: ReportingRules;
  readonly updatedAt: string;
}

export const INSTRUMENT_ID = 'kuntadigi';
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
export const MAX_PERSPECTIVES = 20;
export const MAX_BACKGROUND_QUESTIONS = 5;
export const MAX_BACKGROUND_OPTIONS = 20;
export const COMMENT_LIMIT = 4000;
/** The floors of the reporting rules: stricter than the wish polls' 3, and never lowered. */
export const MIN_GROUP_FLOOR = 5;
export const MIN_COMMENT_FLOOR = 8;
export const MIN_MUNICIPALITIES_FLOOR = 3;

const text = (fi: string, sv: string, en: string): Required<LocalizedText> => ({ fi, sv, en });

/** The eleven perspectives of FCG's survey: four about one's own work, seven about the municipality. */
export const SEEDED_PERSPECTIVES: readonly (Perspective & {
  readonly label: Required<LocalizedText>;
  readonly question: Required<LocalizedText>;
})[] = [
  {
    id: 'digital-competence',
    scope: 'personal',
    label: text('Digiosaaminen', 'Digital kompetens', 'Digital competence'),
    question: text(
      'Miten arvioit oman digiosaamisesi työtehtävissäsi?',
      'Hur bedömer du din egen digitala kompetens i dina arbetsuppgifter?',
      'How do you rate your own digital competence in your work?',
    ),
  },
  {
    id: 'ict-devices',
    scope: 'personal',
    label: text('Tietotekniset laitteet', 'IT-utrustning', 'ICT devices'),
    question: text(
      'Miten arvioit työssäsi käyttämiäsi tietoteknisiä laitteita?',
      'Hur bedömer du den IT-utrustning du använder i ditt arbete?',
      'How do you rate the ICT devices you use in your work?',
    ),
  },
  {
    id: 'software-usability',
    scope: 'personal',
    label: text('Ohjelmistojen käytettävyys', 'Programvarans användbarhet', 'Usability of the software'),
    question: text(
      'Miten arvioit työssäsi käyttämiesi ohjelmistojen käytettävyyttä?',
      'Hur bedömer du användbarheten hos de program du använder i ditt arbete?',
      'How do you rate the usability of the software you use in your work?',
    ),
  },
  {
    id: 'planned-data-collection',
    scope: 'personal',
    label: text('Suunnitelmallinen tiedonkeruu', 'Planerad datainsamling', 'Planned data collection'),
    question: text(
      'Miten suunnitelmallisesti työssäsi kerätään ja hyödynnetään tietoa?',
      'Hur planmässigt samlas och används information i ditt arbete?',
      'How systematically is data collected and used in your work?',
    ),
  },
  {
    id: 'data-driven-management',
    scope: 'municipality',
    label: text('Tiedolla johtaminen', 'Kunskapsbaserad ledning', 'Use of data in management'),
    question: text(
      'Miten arvioit tiedon hyödyntämistä johtamisessa kunnassasi?',
      'Hur bedömer du hur information används i ledningen av din kommun?',
      'How do you rate the use of data in management in your municipality?',
    ),
  },
  {
    id: 'readiness-for-change',
    scope: 'municipality',
    label: text('Muutosvalmius', 'Förändringsberedskap', 'Readiness for change'),
    question: text(
      'Miten arvioit kuntasi valmiutta muutokseen?',
      'Hur bedömer du din kommuns beredskap för förändring?',
      "How do you rate your municipality's readiness for change?",
    ),
  },
  {
    id: 'experimentation',
    scope: 'municipality',
    label: text('Kokeilukulttuuri', 'Försökskultur', 'Experimentation'),
    question: text(
      'Miten arvioit kuntasi kokeilukulttuuria: saako uutta kokeilla ja epäonnistua?',
      'Hur bedömer du din kommuns försökskultur: får man pröva nytt och misslyckas?',
      "How do you rate your municipality's culture of experimentation: may people try new things and fail?",
    ),
  },
  {
    id: 'e-services',
    scope: 'municipality',
    label: text('Sähköiset palvelut', 'Digitala tjänster', 'E-services'),
    question: text(
      'Miten arvioit kuntasi sähköisiä palveluja asukkaille ja yrityksille?',
      'Hur bedömer du din kommuns digitala tjänster för invånare och företag?',
      "How do you rate your municipality's e-services for residents and businesses?",
    ),
  },
  {
    id: 'e-communication',
    scope: 'municipality',
    label: text('Sähköinen viestintä', 'Digital kommunikation', 'E-communication'),
    question: text(
      'Miten arvioit kuntasi sähköistä viestintää?',
      'Hur bedömer du din kommuns digitala kommunikation?',
      "How do you rate your municipality's electronic communication?",
    ),
  },
  {
    id: 'e-participation',
    scope: 'municipality',
    label: text('Sähköinen osallistaminen', 'Digital delaktighet', 'E-participation'),
    question: text(
      'Miten arvioit, kuinka kuntasi osallistaa asukkaita sähköisesti?',
      'Hur bedömer du hur din kommun engagerar invånarna digitalt?',
      'How do you rate the way your municipality involves residents online?',
    ),
  },
  {
    id: 'strategy-goals-and-indicators',
    scope: 'municipality',
    label: text(
      'Strategiset tavoitteet ja mittarit',
      'Strategiska mål och indikatorer',
      'Strategy goals and indicators',
    ),
    question: text(
      'Miten arvioit kuntasi digitalisaation strategisia tavoitteita ja niiden mittareita?',
      'Hur bedömer du din kommuns strategiska mål för digitaliseringen och hur de mäts?',
      "How do you rate your municipality's strategic goals for digitalisation and their indicators?",
    ),
  },
];

export const SEEDED_SCALE: SurveyInstrument['scale'] = [
  text('heikko', 'svag', 'poor'),
  text('välttävä', 'försvarlig', 'fair'),
  text('tyydyttävä', 'nöjaktig', 'satisfactory'),
  text('hyvä', 'god', 'good'),
  text('erinomainen', 'utmärkt', 'excellent'),
];

export const DEPARTMENT_QUESTION_ID = 'department';

export const SEEDED_BACKGROUND: readonly BackgroundQuestion[] = [
  {
    id: DEPARTMENT_QUESTION_ID,
    label: text('Toimiala', 'Sektor', 'Department'),
    options: [
      {
        id: 'central-administration',
        label: text(
          'Keskushallinto ja konsernipalvelut',
          'Centralförvaltning och koncerntjänster',
          'Central administration and group services',
        ),
      },
      { id: 'education', label: text('Kasvatus ja koulutus', 'Fostran och utbildning', 'Education') },
      {
        id: 'culture-leisure',
        label: text('Kulttuuri- ja vapaa-aikapalvelut', 'Kultur- och fritidstjänster', 'Culture and leisure'),
      },
      {
        id: 'technical-environment',
        label: text(
          'Tekniset ja ympäristöpalvelut',
          'Tekniska tjänster och miljötjänster',
          'Technical and environmental services',
        ),
      },
      {
        id: 'vitality',
        label: text(
          'Elinvoima ja kehittäminen',
          'Näringsliv och utveckling',
          'Economic vitality and development',
        ),
      },
      { id: 'other', label: text('Muu', 'Annan', 'Other') },
    ],
  },
  {
    id: 'supervisor',
    label: text('Toimitko esihenkilönä?', 'Är du chef?', 'Are you a supervisor?'),
    options: [
      { id: 'yes', label: text('Kyllä', 'Ja', 'Yes') },
      { id: 'no', label: text('En', 'Nej', 'No') },
    ],
  },
  {
    id: 'position',
    label: text('Vastaan kyselyyn', 'Jag svarar som', 'I am answering as'),
    options: [
      { id: 'staff', label: text('kunnan työntekijänä', 'anställd i kommunen', 'a member of staff') },
      { id: 'elected', label: text('luottamushenkilönä', 'förtroendevald', 'an elected official') },
    ],
  },
];

/** The instrument every new store starts with: version 1 of FCG's survey. */
export function seededInstrument(now: Date): SurveyInstrument {
  return {
    id: INSTRUMENT_ID,
    version: 1,
    name: text(
      'Henkilöstön digitalisaatiokysely',
      'Personalens digitaliseringsenkät',
      'Staff digitalisation survey',
    ),
    perspectives: SEEDED_PERSPECTIVES,
    scale: SEEDED_SCALE,
    dontKnow: text('En osaa sanoa', 'Kan inte säga', "Don't know"),
    background: SEEDED_BACKGROUND,
    comment: {
      prompt: text(
        'Mitä muuta haluat sanoa kuntasi digitalisaatiosta?',
        'Vad vill du mer säga om digitaliseringen i din kommun?',
        'Anything else you want to say about digitalisation in your municipality?',
      ),
      maxLength: 2000,
    },
    reporting: { minGroupSize: MIN_GROUP_FLOOR, minCommentGroup: MIN_COMMENT_FLOOR, minMunicipalities: 5 },
    updatedAt: now.toISOString(),
  };
}

const localized = (max: number) =>
  z
    .object({
      fi: z.string().trim().min(1).max(max),
      sv: z.string().trim().min(1).max(max).optional(),
      en: z.string().trim().min(1).max(max).optional(),
    })
    .strict();

const uniqueIds = <T extends { readonly id: string }>(items: readonly T[]): boolean =>
  new Set(items.map((item) => item.id)).size === items.length;

/** The editable part of an instrument, as coordinators send it and as it is stored. */
export const instrumentContentSchema = z
  .object({
    name: localized(200),
    perspectives: z
      .array(
        z
          .object({
            id: z.string().regex(ID_PATTERN),
            label: localized(120),
            question: localized(400),
            scope: z.enum(PERSPECTIVE_SCOPES),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_PERSPECTIVES)
      .refine(uniqueIds, 'perspective ids must be unique'),
    scale: z.tuple([localized(40), localized(40), localized(40), localized(40), localized(40)]),
    dontKnow: localized(40),
    background: z
      .array(
        z
          .object({
            id: z.string().regex(ID_PATTERN),
            label: localized(200),
            options: z
              .array(z.object({ id: z.string().regex(ID_PATTERN), label: localized(120) }).strict())
              .min(2)
              .max(MAX_BACKGROUND_OPTIONS)
              .refine(uniqueIds, 'option ids must be unique'),
          })
          .strict(),
      )
      .max(MAX_BACKGROUND_QUESTIONS)
      .refine(uniqueIds, 'background question ids must be unique'),
    comment: z
      .object({ prompt: localized(400), maxLength: z.int().min(50).max(COMMENT_LIMIT) })
      .strict()
      .nullable(),
    reporting: z
      .object({
        minGroupSize: z.int().min(MIN_GROUP_FLOOR).max(100),
        minCommentGroup: z.int().min(MIN_COMMENT_FLOOR).max(200),
        minMunicipalities: z.int().min(MIN_MUNICIPALITIES_FLOOR).max(100),
      })
      .strict()
      .refine((rules) => rules.minCommentGroup >= rules.minGroupSize, {
        message: 'comments need at least as many answers as figures',
        path: ['minCommentGroup'],
      }),
  })
  .strict();

export type InstrumentContent = z.infer<typeof instrumentContentSchema>;

export function contentOf(instrument: SurveyInstrument): InstrumentContent {
  return {
    name: instrument.name,
    perspectives: instrument.perspectives.map((p) => ({ ...p })),
    scale: [...instrument.scale],
    dontKnow: instrument.dontKnow,
    background: instrument.background.map((q) => ({ ...q, options: q.options.map((o) => ({ ...o })) })),
    comment: instrument.comment ?? null,
    reporting: instrument.reporting,
  };
}

export function withContent(
  base: Pick<SurveyInstrument, 'id' | 'version'>,
  content: InstrumentContent,
  now: Date,
): SurveyInstrument {
  return {
    id: base.id,
    version: base.version,
    name: content.name,
    perspectives: content.perspectives,
    scale: content.scale,
    dontKnow: content.dontKnow,
    background: content.background,
    comment: content.comment ?? undefined,
    reporting: content.reporting,
    updatedAt: now.toISOString(),
  };
}

/** One respondent's answer, checked against the instrument. */
export interface SurveyAnswerContent {
  /** Every perspective of the instrument, in its order. */
  readonly ratings: Readonly<Record<string, Rating>>;
  /** The background questions answered; a question left blank is absent. */
  readonly background: Readonly<Record<string, string>>;
  readonly comment: string | undefined;
}

/** What a form or card sends: strings, as typed or chosen. */
export interface RawAnswer {
  readonly ratings: Readonly<Record<string, string | undefined>>;
  readonly background: Readonly<Record<string, string | undefined>>;
  readonly comment: string | undefined;
}

export type AnswerProblem =
  | { readonly kind: 'missingRating'; readonly perspectiveId: string }
  | { readonly kind: 'invalidRating'; readonly perspectiveId: string }
  | { readonly kind: 'unknownPerspective'; readonly perspectiveId: string }
  | { readonly kind: 'invalidBackground'; readonly questionId: string }
  | { readonly kind: 'commentTooLong'; readonly maxLength: number; readonly length: number }
  | { readonly kind: 'commentNotAsked' };

/** The value a form uses for "don't know". */
export const DONT_KNOW_VALUE = 'x';

export function parseRating(value: string | undefined): Rating | undefined {
  if (value === DONT_KNOW_VALUE) return 'dontKnow';
  if (value === undefined || !/^[1-5]$/.test(value)) return undefined;
  return Number(value) as RatingValue;
}

/**
 * Checks an answer against the instrument. Every perspective must be answered (a number or
 * "don't know"); background questions may be left blank; the comment is trimmed and must fit.
 * All problems are returned at once, so a form can mark every field that needs attention.
 */
export function validateAnswer(
  instrument: SurveyInstrument,
  raw: RawAnswer,
):
  | { readonly ok: true; readonly answer: SurveyAnswerContent }
  | { readonly ok: false; readonly problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const known = new Set(instrument.perspectives.map((p) => p.id));
  for (const id of Object.keys(raw.ratings)) {
    if (!known.has(id) && raw.ratings[id] !== undefined && raw.ratings[id] !== '') {
      problems.push({ kind: 'unknownPerspective', perspectiveId: id });
    }
  }
  const ratings: Record<string, Rating> = {};
  for (const perspective of instrument.perspectives) {
    const value = raw.ratings[perspective.id];
    if (value === undefined || value === '') {
      problems.push({ kind: 'missingRating', perspectiveId: perspective.id });
      continue;
    }
    const rating = parseRating(value);
    if (rating === undefined) problems.push({ kind: 'invalidRating', perspectiveId: perspective.id });
    else ratings[perspective.id] = rating;
  }
  const background: Record<string, string> = {};
  for (const question of instrument.background) {
    const value = raw.background[question.id];
    if (value === undefined || value === '') continue;
    if (!question.options.some((option) => option.id === value)) {
      problems.push({ kind: 'invalidBackground', questionId: question.id });
    } else {
      background[question.id] = value;
    }
  }
  for (const id of Object.keys(raw.background)) {
    const value = raw.background[id];
    if (value && !instrument.background.some((question) => question.id === id)) {
      problems.push({ kind: 'invalidBackground', questionId: id });
    }
  }
  const comment = normaliseComment(raw.comment);
  if (comment !== undefined) {
    if (!instrument.comment) problems.push({ kind: 'commentNotAsked' });
    else if ([...comment].length > instrument.comment.maxLength) {
      problems.push({
        kind: 'commentTooLong',
        maxLength: instrument.comment.maxLength,
        length: [...comment].length,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, answer: { ratings, background, comment } };
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Line endings unified, outer blanks trimmed, control characters other than newlines and tabs removed. */
export function normaliseComment(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
  return cleaned === '' ? undefined : cleaned;
}
