import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Buttons such as "Show schedule" are `Action.Submit` with `{ command: 'ohjelma' }`: that reaches
 * the bot as a message with a value and no text in Teams and in the Agents Playground alike (the
 * Playground ignores `imBack`). The command becomes the message text, so the same command handlers
 * serve typed and clicked commands.
 */
export class CardCommandBridge implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type === 'message' && !activity.text?.trim()) {
      const command = (activity.value as { command?: unknown } | undefined)?.command;
      if (typeof command === 'string' && command.length > 0 && command.length <= 40) activity.text = command;
    }
    await next();
  }
}
