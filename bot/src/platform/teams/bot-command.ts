import type { CommandMessage, TeamsFxBotCommandHandler } from '@microsoft/teamsfx';
import type { Activity, TurnContext } from 'botbuilder';
import { TeamsTurn, toBotActivity } from './teams-turn';
import type { BotCommand, ParticipantDirectory } from './turn';

/** Adapts one of our commands to TeamsFx's command handler; the turn counts as answered. */
export function toTeamsFxCommand(
  command: BotCommand,
  directory: ParticipantDirectory,
): TeamsFxBotCommandHandler {
  return {
    triggerPatterns: command.pattern,
    handleCommandReceived: async (
      context: TurnContext,
      message: CommandMessage,
    ): Promise<Partial<Activity> | void> => {
      const turn = TeamsTurn.of(context, directory);
      turn.markHandled();
      const match = message.matches ?? command.pattern.exec(turn.text) ?? ([turn.text] as RegExpMatchArray);
      const reply = await command.handle(turn, match);
      return reply ? toBotActivity(reply) : undefined;
    },
  };
}
