import { escapeMarkdown } from '../shared/cards/render-card';
import { messagesFor } from '../shared/i18n/messages';
import { textActivity, type Turn } from '../platform/teams';

/**
 * A message no command matched: never a dead end, always a hint at what works. The person's own
 * words are quoted back escaped, so Markdown in them is shown as typed.
 */
export class UnrecognisedMessageHandler {
  async handle(turn: Turn): Promise<void> {
    const { language } = await turn.person();
    const m = messagesFor(language);
    if (turn.text === '') {
      // A card submit with no text (an old Action.Submit card): point at help rather than ignore it.
      await turn.send(textActivity(m.unknownCardAction));
      return;
    }
    await turn.send(textActivity(m.unknownCommand(escapeMarkdown(turn.text))));
  }
}
