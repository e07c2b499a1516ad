import type { CommandMessage, TeamsFxBotCommandHandler } from '@microsoft/teamsfx';
import type { Activity, TurnContext } from 'botbuilder';
import { buildLanguageCard } from './language-card';
import { messagesFor } from '../shared/i18n/messages';
import { parseLanguageWord, type LanguageService } from './language-service';
import { cardActivity, textActivity } from '../platform/teams/activities';
import { markHandled, type TurnPeople } from '../platform/teams/turn-people';

/** `kieli` / `språk` / `language`, optionally with the language: `kieli svenska`. */
export const LANGUAGE_PATTERN = /^\s*(kieli|språk|sprak|language|lang)(?:\s+(\S+))?\s*$/i;

export class LanguageCommand implements TeamsFxBotCommandHandler {
  readonly triggerPatterns = LANGUAGE_PATTERN;

  constructor(
    private readonly people: TurnPeople,
    private readonly languages: LanguageService,
  ) {}

  async handleCommandReceived(context: TurnContext, message: CommandMessage): Promise<Partial<Activity>> {
    markHandled(context);
    const person = await this.people.resolve(context);
    const word = message.matches?.[2];
    if (!word) return cardActivity(buildLanguageCard(person.language));
    const chosen = parseLanguageWord(word);
    if (!chosen || !person.identity) return textActivity(messagesFor(person.language).languageInvalid);
    await this.languages.choose({ ...person.identity, name: context.activity.from.name }, chosen);
    this.people.forget(context);
    return textActivity(messagesFor(chosen).languageChanged);
  }
}
