import { z } from 'zod';
import type { Clock } from '../platform/clock';
import {
  cardActivity,
  type BotCommand,
  type CardAction,
  type CardActionResult,
  type OutgoingActivity,
  type Turn,
  type TurnPerson,
} from '../platform/teams';
import type { AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import type { Language } from '../shared/i18n/language';
import type { TabLinks } from '../shared/tab-links';
import { AnswerContentionError } from './survey-answer-writer';
import {
  BACKGROUND_INPUT,
  RATING_INPUT,
  buildSurveyAnswerCard,
  buildSurveyContactCard,
  buildSurveyNoticeCard,
} from './survey-card';
import type { RawAnswer } from './survey-instrument';
import { surveyMessagesFor } from './survey-messages';
import type { SurveyReporting } from './survey-results';
import type { SurveyService } from './survey-service';
import { shareUrl, surveyStatus, type Survey } from './survey';

/** `kysely` / `enkät` / `survey`: the staff digitalisation survey of my municipality. */
export const SURVEY_PATTERN =
  /^\s*(kysely|digikysely|henkilöstökysely|digitalisaatiokysely|enkät|enkat|digienkät|digienkat|survey|digital\s+survey)\s*[.!?]?\s*$/i;

export interface SurveyTeamsDeps {
  readonly service: SurveyService;
  readonly reporting: SurveyReporting;
  readonly links: TabLinks;
  readonly publicUrl: string;
  readonly clock: Clock;
  readonly municipalityName: (municipalityId: string, language: Language) => Promise<string>;
  readonly currentRoundId: () => Promise<string | undefined>;
  readonly isCoordinator: (person: TurnPerson) => Promise<boolean>;
}

/**
 * What the bot offers around the survey: network participants answer from a card in chat (once:
 * a keyed-hash ledger remembers that they did, never what they said), and the municipality's
 * contacts see the live response count on a card that refreshes itself.
 */
export class SurveyTeams {
  constructor(private readonly deps: SurveyTeamsDeps) {}

  /** The open survey of the person's municipality in the current round, if any. */
  async openSurveyFor(person: TurnPerson): Promise<Survey | undefined> {
    const municipalityId = person.participant?.municipalityId;
    const roundId = await this.deps.currentRoundId();
    if (!municipalityId || !roundId) return undefined;
    const runs = await this.deps.service.runsOf(roundId, municipalityId);
    return runs.find((survey) => surveyStatus(survey, this.deps.clock()) === 'open');
  }

  /** The form, or why the person cannot answer (already answered, closed, not open yet). */
  async answerCardFor(survey: Survey | undefined, person: TurnPerson): Promise<AdaptiveCardJson> {
    const { language } = person;
    const m = surveyMessagesFor(language);
    if (!person.participant?.municipalityId) return buildSurveyNoticeCard(m.cardNoMunicipality, language);
    if (!survey) return buildSurveyNoticeCard(m.cardNoOpenSurvey, language);
    if (survey.municipalityId !== person.participant.municipalityId)
      return buildSurveyNoticeCard(m.cardNoOpenSurvey, language);
    const status = surveyStatus(survey, this.deps.clock());
    if (status === 'scheduled') {
      return buildSurveyNoticeCard(
        m.cardNotOpen(formatHelsinkiDateTime(new Date(survey.opensAt), language)),
        language,
      );
    }
    if (status === 'closed') return buildSurveyNoticeCard(m.cardClosed, language);
    if (person.identity && (await this.deps.service.hasAnsweredInTeams(survey.id, person.identity))) {
      return buildSurveyNoticeCard(m.cardAlready, language, 'Default');
    }
    const instrument = await this.deps.service.instrumentOf(survey);
    return buildSurveyAnswerCard(
      survey,
      instrument,
      await this.deps.municipalityName(survey.municipalityId, language),
      language,
    );
  }

  /** The contacts' card: the live count, the share link, the QR code. */
  async contactCard(
    survey: Survey,
    language: Language,
    place: 'personal' | 'shared',
    notice?: string,
  ): Promise<AdaptiveCardJson> {
    const tally = await this.deps.service.tally(survey.id);
    return buildSurveyContactCard(
      survey,
      {
        municipalityName: await this.deps.municipalityName(survey.municipalityId, language),
        respondents: tally.respondents,
        shareUrl: shareUrl(this.deps.publicUrl, survey.code),
        tabUrl: this.deps.links.to('survey', survey.id),
        now: this.deps.clock(),
        ...(notice ? { notice } : {}),
      },
      language,
      place,
    );
  }

  command(): BotCommand {
    return {
      pattern: SURVEY_PATTERN,
      handle: async (turn: Turn): Promise<OutgoingActivity> => {
        const person = await turn.person();
        const survey = await this.openSurveyFor(person);
        if (survey && person.identity) {
          const canSee = await this.deps.reporting.canSeeResults(
            { identity: person.identity, isCoordinator: await this.deps.isCoordinator(person) },
            survey,
          );
          if (canSee) {
            await turn.send(cardActivity(await this.contactCard(survey, person.language, placeOf(turn))));
          }
        }
        return cardActivity(
          await this.answerCardFor(survey, person),
          surveyMessagesFor(person.language).surveyName,
        );
      },
    };
  }

  cardActions(): CardAction[] {
    return [this.showAction(), this.answerAction(), this.statusAction()];
  }

  private showAction(): CardAction<typeof surveyReference> {
    return {
      verb: VERBS.surveyShow,
      schema: surveyReference,
      handle: async (_turn, data, person): Promise<CardActionResult> => ({
        kind: 'card',
        card: await this.answerCardFor(await this.deps.service.get(data.surveyId), person),
      }),
    };
  }

  private answerAction(): CardAction<typeof surveyAnswerData> {
    return {
      verb: VERBS.surveyAnswer,
      schema: surveyAnswerData,
      handle: async (_turn, data, person): Promise<CardActionResult> => {
        const { language } = person;
        const m = surveyMessagesFor(language);
        const survey = await this.deps.service.get(data.surveyId);
        if (!survey)
          return { kind: 'card', card: buildSurveyNoticeCard(m.cardUnknown, language, 'Attention') };
        if (!person.identity || survey.municipalityId !== person.participant?.municipalityId) {
          return { kind: 'card', card: await this.answerCardFor(survey, person) };
        }
        const raw = rawAnswerOf(data);
        let outcome;
        try {
          outcome = await this.deps.service.submitTeams(survey.id, person.identity, raw);
        } catch (error) {
          if (error instanceof AnswerContentionError) return { kind: 'rejected', text: m.tooMany };
          throw error;
        }
        switch (outcome.kind) {
          case 'saved':
            return { kind: 'card', card: buildSurveyNoticeCard(m.cardSaved, language, 'Default') };
          case 'duplicate':
            return { kind: 'card', card: buildSurveyNoticeCard(m.cardAlready, language, 'Default') };
          case 'invalid':
            // The form comes back with the message and everything chosen, so nothing is lost.
            return {
              kind: 'card',
              card: buildSurveyAnswerCard(
                survey,
                outcome.instrument,
                await this.deps.municipalityName(survey.municipalityId, language),
                language,
                { values: raw, problems: outcome.problems },
              ),
            };
          case 'unknownSurvey':
            return { kind: 'card', card: buildSurveyNoticeCard(m.cardUnknown, language, 'Attention') };
          case 'notOpenYet':
          case 'closed':
          case 'badToken':
          case 'codeRequired':
          case 'codeRejected':
            return { kind: 'card', card: await this.answerCardFor(survey, person) };
        }
      },
    };
  }

  private statusAction(): CardAction<typeof surveyReference> {
    return {
      verb: VERBS.surveyStatus,
      schema: surveyReference,
      handle: async (turn, data, person): Promise<CardActionResult> => {
        const m = surveyMessagesFor(person.language);
        const survey = await this.deps.service.get(data.surveyId);
        if (!survey)
          return { kind: 'card', card: buildSurveyNoticeCard(m.cardUnknown, person.language, 'Attention') };
        const allowed =
          person.identity !== undefined &&
          (await this.deps.reporting.canSeeResults(
            { identity: person.identity, isCoordinator: await this.deps.isCoordinator(person) },
            survey,
          ));
        if (!allowed) return { kind: 'card', card: await this.answerCardFor(survey, person) };
        return { kind: 'card', card: await this.contactCard(survey, person.language, placeOf(turn)) };
      },
    };
  }
}

function placeOf(turn: Turn): 'personal' | 'shared' {
  return turn.place === 'personal' ? 'personal' : 'shared';
}

export const surveyReference = z.object({ surveyId: z.string().min(1).max(100) });

/**
 * What the answer card submits: the survey id from the action's data merged with the inputs
 * (`r_<perspective>`, `b_<question>`, `comment`). Lengths are bounded against abuse; the
 * instrument's own limits are checked by the service, which answers in words.
 */
export const surveyAnswerData = z
  .object({ surveyId: z.string().min(1).max(100), comment: z.string().max(20_000).optional() })
  .catchall(z.string().max(200))
  .refine((data) => Object.keys(data).length <= 100, 'too many fields');

function rawAnswerOf(data: z.infer<typeof surveyAnswerData>): RawAnswer {
  const ratings: Record<string, string> = Object.create(null) as Record<string, string>;
  const background: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') continue;
    if (key.startsWith(RATING_INPUT)) ratings[key.slice(RATING_INPUT.length)] = value;
    else if (key.startsWith(BACKGROUND_INPUT)) background[key.slice(BACKGROUND_INPUT.length)] = value;
  }
  return { ratings, background, comment: data.comment };
}
