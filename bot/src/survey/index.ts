/**
 * The staff digitalisation survey: the questionnaire, the public anonymous answer page and the
 * Teams card, aggregates, results against the network, the report, and each municipality's
 * baseline for the digital roadmap.
 */
export { surveyFeature, type SurveyDeps, type SurveySettings } from './survey-feature';
export {
  INSTRUMENT_ID,
  SEEDED_PERSPECTIVES,
  SEEDED_SCALE,
  SEEDED_BACKGROUND,
  seededInstrument,
  type BackgroundQuestion,
  type Perspective,
  type PerspectiveScope,
  type Rating,
  type RatingValue,
  type SurveyInstrument,
} from './survey-instrument';
export type { MunicipalityBaseline, SurveyBaselines } from './survey-results';
export type { Survey } from './survey';
export type { SurveyService } from './survey-service';
export { SURVEY_PATTERN } from './survey-teams';
