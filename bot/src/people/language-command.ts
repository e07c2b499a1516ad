import {
  cardActivity,
  textActivity,
  type BotCommand,
  type OutgoingActivity,
  type Turn,
} from '../platform/teams';
import { buildLanguageCard } from './language-card';
import { messagesFor } from '../shared/i18n/messages';
import { parseLanguageWord, type LanguageService } from './language-service';

/** `kieli` / `språk` / `language`, optionally with the language: `kieli svenska`. */
export const LANGUAGE_PATTERN = /^\s*(kieli|språk|sprak|language|lang)(?:\s+(\S+))?\s*$/i;

export class LanguageCommand implements BotCommand {
  readonly pattern = LANGUAGE_PATTERN;
  /** The choice is the person's own setting, confirmed to them alone. */
  readonly answersPrivately = true;

  constructor(private readonly languages: LanguageService) {}

  async handle(turn: Turn, match: RegExpMatchArray): Promise<OutgoingActivity> {
    const person = await turn.person();
    const word = match[2];
    if (!word) return cardActivity(buildLanguageCard(person.language));
    const chosen = parseLanguageWord(word);
    if (!chosen || !person.identity) return textActivity(messagesFor(person.language).languageInvalid);
    await this.languages.choose({ ...person.identity, name: turn.sender.name }, chosen);
    turn.forgetPerson();
    return textActivity(messagesFor(chosen).languageChanged);
  }
}
