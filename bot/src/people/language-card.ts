import type { Language } from '../shared/i18n/language';
import { messagesFor } from '../shared/i18n/messages';
import languageTemplate from './language.card.json';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';

export interface LanguageCardData {
  readonly title: string;
  readonly prompt: string;
  readonly confirmation: string;
  readonly verb: string;
}

const languageCard = defineCard<LanguageCardData>(languageTemplate);

/** The language picker; after a choice the same card returns with a confirmation in the new language. */
export function buildLanguageCard(language: Language, confirmed = false): AdaptiveCardJson {
  const m = messagesFor(language);
  return renderCard(languageCard, {
    title: m.languageTitle,
    prompt: m.languagePrompt,
    confirmation: confirmed ? m.languageChanged : '',
    verb: VERBS.setLanguage,
  });
}
