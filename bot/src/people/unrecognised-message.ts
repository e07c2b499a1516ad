import type { TurnContext } from 'botbuilder';
import { escapeMarkdown } from '../shared/cards/render-card';
import { messagesFor } from '../shared/i18n/messages';
import { textActivity } from '../platform/teams/activities';
import type { TurnPeople } from '../platform/teams/turn-people';

/**
 * A message no command matched: never a dead end, always a hint at what works. The person's own
 * words are quoted back escaped, so Markdown in them is shown as typed.
 */
export class UnrecognisedMessageHandler {
  constructor(private readonly people: TurnPeople) {}

  async handle(context: TurnContext): Promise<void> {
    const { language } = await this.people.resolve(context);
    const m = messagesFor(language);
    const text = (context.activity.text ? textWithoutMention(context) : '').trim();
    if (text === '') {
      // A card submit with no text (an old Action.Submit card): point at help rather than ignore it.
      await context.sendActivity(textActivity(m.unknownCardAction));
      return;
    }
    await context.sendActivity(textActivity(m.unknownCommand(escapeMarkdown(text))));
  }
}

function textWithoutMention(context: TurnContext): string {
  return context.activity.text?.replace(/<at>[^<]*<\/at>/g, '') ?? '';
}
