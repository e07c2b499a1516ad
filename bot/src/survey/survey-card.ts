import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import answerTemplate from './survey-answer.card.json';
import contactTemplate from './survey-contact.card.json';
import noticeTemplate from './survey-notice.card.json';
import {
  DONT_KNOW_VALUE,
  RATING_VALUES,
  type AnswerProblem,
  type RawAnswer,
  type SurveyInstrument,
} from './survey-instrument';
import { surveyMessagesFor } from './survey-messages';
import { effectiveCloseTime, type Survey } from './survey';

/*
 * The survey's Teams cards: the answer form (network participants answer right in chat), the
 * contacts' card with the live response count, and short notices. Texts a coordinator wrote (the
 * questions) are template data, never template syntax.
 */

export interface SurveyAnswerCardData {
  readonly title: string;
  readonly intro: string;
  readonly privacy: string;
  readonly when: string;
  readonly error: string;
  readonly sections: readonly {
    readonly heading: string;
    readonly questions: readonly {
      readonly inputId: string;
      readonly label: string;
      readonly placeholder: string;
      readonly required: boolean;
      readonly errorMessage: string;
      readonly value: string;
      readonly choices: readonly { readonly title: string; readonly value: string }[];
    }[];
  }[];
  readonly commentLabel: string;
  /** 0 when the survey asks for no comment. */
  readonly commentMaxLength: number;
  readonly comment: string;
  readonly submit: string;
  readonly verb: string;
  readonly surveyId: string;
}

export interface SurveyContactCardData {
  readonly title: string;
  readonly notice: string;
  readonly responses: string;
  readonly closes: string;
  readonly updated: string;
  readonly intro: string;
  readonly link: string;
  readonly openPage: string;
  readonly shareUrl: string;
  readonly qrCode: string;
  readonly qrUrl: string;
  readonly openResults: string;
  readonly tabUrl: string;
  readonly refresh: string;
  readonly statusVerb: string;
  readonly surveyId: string;
}

export interface SurveyNoticeCardData {
  readonly title: string;
  readonly message: string;
  /** Attention for a problem; a success is said in words and weight (Good is lime on white in Teams). */
  readonly color: 'Default' | 'Attention';
}

const answerCard = defineCard<SurveyAnswerCardData>(answerTemplate);
const contactCard = defineCard<SurveyContactCardData>(contactTemplate);
const noticeCard = defineCard<SurveyNoticeCardData>(noticeTemplate);

/** Input ids on the card: `r_<perspective>` and `b_<question>` (ids are lowercase with hyphens). */
export const RATING_INPUT = 'r_';
export const BACKGROUND_INPUT = 'b_';

export function buildSurveyAnswerCard(
  survey: Survey,
  instrument: SurveyInstrument,
  municipalityName: string,
  language: Language,
  options: { readonly values?: RawAnswer; readonly problems?: readonly AnswerProblem[] } = {},
): AdaptiveCardJson {
  const m = surveyMessagesFor(language);
  const scale = RATING_VALUES.map((value) => ({
    title: `${value} – ${pickText(instrument.scale[value - 1] ?? { fi: '' }, language)}`,
    value: String(value),
  })).reverse();
  const ratingChoices = [
    ...scale,
    { title: pickText(instrument.dontKnow, language), value: DONT_KNOW_VALUE },
  ];
  const question = (perspective: SurveyInstrument['perspectives'][number]) => ({
    inputId: `${RATING_INPUT}${perspective.id}`,
    label: `${pickText(perspective.label, language)}: ${pickText(perspective.question, language)}`,
    placeholder: m.cardChoose,
    required: true,
    errorMessage: m.missingRating(pickText(perspective.label, language)),
    value: options.values?.ratings[perspective.id] ?? '',
    choices: ratingChoices,
  });
  const sections: SurveyAnswerCardData['sections'][number][] = [
    {
      heading: m.sectionPersonal,
      questions: instrument.perspectives.filter((p) => p.scope === 'personal').map(question),
    },
    {
      heading: m.sectionMunicipality,
      questions: instrument.perspectives.filter((p) => p.scope === 'municipality').map(question),
    },
  ].filter((section) => section.questions.length > 0);
  if (instrument.background.length > 0) {
    sections.push({
      heading: m.sectionBackground,
      questions: instrument.background.map((background) => ({
        inputId: `${BACKGROUND_INPUT}${background.id}`,
        label: pickText(background.label, language),
        placeholder: m.preferNotToSay,
        required: false,
        errorMessage: '',
        value: options.values?.background[background.id] ?? '',
        choices: background.options.map((option) => ({
          title: pickText(option.label, language),
          value: option.id,
        })),
      })),
    });
  }
  const error =
    options.problems && options.problems.length > 0
      ? `${m.cardFix} ${options.problems.map((problem) => describe(problem, instrument, language)).join(' ')}`
      : '';
  return renderCard(answerCard, {
    title: m.surveyName,
    intro: m.cardIntro(municipalityName),
    privacy: m.cardPrivacy,
    when: m.closesLine(formatHelsinkiDateTime(new Date(effectiveCloseTime(survey)), language)),
    error,
    sections,
    commentLabel: instrument.comment
      ? `${pickText(instrument.comment.prompt, language)} ${m.commentHint(instrument.comment.maxLength)}`
      : '',
    commentMaxLength: instrument.comment?.maxLength ?? 0,
    comment: options.values?.comment ?? '',
    submit: m.cardSubmit,
    verb: VERBS.surveyAnswer,
    surveyId: survey.id,
  });
}

function describe(problem: AnswerProblem, instrument: SurveyInstrument, language: Language): string {
  const m = surveyMessagesFor(language);
  switch (problem.kind) {
    case 'missingRating':
    case 'invalidRating': {
      const perspective = instrument.perspectives.find((p) => p.id === problem.perspectiveId);
      const label = perspective ? pickText(perspective.label, language) : problem.perspectiveId;
      return problem.kind === 'missingRating' ? m.missingRating(label) : m.invalidRating(label);
    }
    case 'invalidBackground': {
      const question = instrument.background.find((q) => q.id === problem.questionId);
      return m.invalidBackground(question ? pickText(question.label, language) : problem.questionId);
    }
    case 'commentTooLong':
      return m.commentTooLong(problem.maxLength, problem.length);
    case 'commentNotAsked':
      return m.commentNotAsked;
    case 'unknownPerspective':
      return m.unknownPerspective;
  }
}

export function buildSurveyContactCard(
  survey: Survey,
  data: {
    readonly municipalityName: string;
    readonly respondents: number;
    readonly shareUrl: string;
    readonly tabUrl: string;
    readonly now: Date;
    readonly notice?: string;
  },
  language: Language,
  place: 'personal' | 'shared',
): AdaptiveCardJson {
  const m = surveyMessagesFor(language);
  const card = renderCard(contactCard, {
    title: m.contactTitle(data.municipalityName),
    notice: data.notice ?? '',
    responses: m.responseLine(data.respondents, survey.headcount),
    closes: m.closesLine(formatHelsinkiDateTime(new Date(effectiveCloseTime(survey)), language)),
    updated: m.updatedAt(formatHelsinkiDateTime(data.now, language)),
    intro: m.contactIntro,
    link: data.shareUrl,
    openPage: m.openPage,
    shareUrl: data.shareUrl,
    qrCode: m.qrCode,
    qrUrl: `${data.shareUrl}/qr.png`,
    openResults: m.openResults,
    tabUrl: data.tabUrl,
    refresh: m.refresh,
    statusVerb: VERBS.surveyStatus,
    surveyId: survey.id,
  });
  // In a personal chat the card refreshes itself when opened (Universal Actions): the count is live.
  if (place !== 'personal') return card;
  return {
    ...card,
    refresh: { action: { type: 'Action.Execute', verb: VERBS.surveyStatus, data: { surveyId: survey.id } } },
  };
}

export function buildSurveyNoticeCard(
  message: string,
  language: Language,
  color: SurveyNoticeCardData['color'] = 'Default',
): AdaptiveCardJson {
  return renderCard(noticeCard, { title: surveyMessagesFor(language).surveyName, message, color });
}
