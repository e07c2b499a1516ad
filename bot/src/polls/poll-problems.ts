import type { Language } from '../shared/i18n/language';
import { pollMessagesFor } from './poll-messages';
import { normaliseSuggestion, type AnswerInput, type AnswerProblem } from './wish-poll';

/** A rejected answer, said in the answerer's language (cards and the tab API alike). */
export function describeProblem(problem: AnswerProblem, input: AnswerInput, language: Language): string {
  const m = pollMessagesFor(language);
  switch (problem.kind) {
    case 'unknownTopic':
      return m.unknownTopic;
    case 'tooManyChoices':
      return m.tooManyChoices(problem.max);
    case 'nothingChosen':
      return m.nothingChosen;
    case 'suggestionTooLong':
      return m.suggestionTooLong(problem.max, [...(normaliseSuggestion(input.suggestion) ?? '')].length);
    case 'suggestionNotAllowed':
      return m.suggestionNotAllowed;
  }
}
