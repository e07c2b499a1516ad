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

/**
 * No text longer than the server's request body limit (256 KB) can arrive, so this bounds a
 * suggestion's schema without ever refusing what a person could have typed into a card.
 */
export const MAX_BODY_CHARACTERS = 256 * 1024;

/** The start of a suggestion that fits the poll's limit (whole characters), for the form to keep. */
export function whatFits(suggestion: string | undefined, max: number | undefined): string | undefined {
  if (suggestion === undefined || max === undefined) return suggestion;
  const characters = [...suggestion];
  return characters.length <= max ? suggestion : characters.slice(0, max).join('').trimEnd();
}
