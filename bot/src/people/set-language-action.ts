import type { CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import { z } from 'zod';
import { buildLanguageCard } from './language-card';
import { VERBS } from '../shared/cards/verbs';
import { LANGUAGES } from '../shared/i18n/language';
import { messagesFor } from '../shared/i18n/messages';
import type { LanguageService } from './language-service';

const setLanguageData = z.object({ language: z.enum(LANGUAGES) });

/** The language card's buttons: stores the choice, then shows the card again in the new language. */
export class SetLanguageAction implements CardAction<typeof setLanguageData> {
  readonly verb = VERBS.setLanguage;
  readonly schema = setLanguageData;

  constructor(private readonly languages: LanguageService) {}

  async handle(
    turn: Turn,
    data: z.infer<typeof setLanguageData>,
    person: TurnPerson,
  ): Promise<CardActionResult> {
    if (!person.identity) return { kind: 'rejected', text: messagesFor(person.language).languageInvalid };
    await this.languages.choose({ ...person.identity, name: turn.sender.name }, data.language);
    turn.forgetPerson();
    return { kind: 'card', card: buildLanguageCard(data.language, true) };
  }
}
