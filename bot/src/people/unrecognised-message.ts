import { escapeMarkdown } from '../shared/cards/render-card';
import { COMMAND_WORDS, messagesFor } from '../shared/i18n/messages';
import {
  cardActivity,
  textActivity,
  type OutgoingActivity,
  type Turn,
  type UnrecognisedOutcome,
} from '../platform/teams';
import { buildCommandButtonsCard } from './help-card';
import { guessIntent } from './intent';

/**
 * A message no command matched. When it plainly asks for something ("milloin on seuraava paja?",
 * "whens the next workshop", "toiveeet"), that command runs as if typed. Otherwise it is never a
 * dead end: the person's words are quoted back (escaped, so Markdown in them shows as typed) with a
 * button for every command, the likely ones first.
 */
export class UnrecognisedMessageHandler {
  async handle(turn: Turn): Promise<UnrecognisedOutcome | undefined> {
    const { language } = await turn.person();
    const m = messagesFor(language);
    if (turn.text === '') {
      // A card submit with no text (an old Action.Submit card): point at help rather than ignore it.
      await turn.send(textActivity(m.unknownCardAction));
      return undefined;
    }
    const guess = guessIntent(turn.text);
    if (guess.intent) return { runCommand: COMMAND_WORDS[language][guess.intent] };
    const shared = turn.place !== 'personal';
    const hint: OutgoingActivity = {
      ...textActivity(m.unknownCommand(escapeMarkdown(turn.text), shared)),
      attachments: cardActivity(buildCommandButtonsCard(language, m.hintPrompt, guess.ranked)).attachments,
    };
    await turn.send(hint);
    return undefined;
  }
}
