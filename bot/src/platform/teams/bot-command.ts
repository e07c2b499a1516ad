import type { CommandMessage, TeamsFxBotCommandHandler } from '@microsoft/teamsfx';
import type { Activity, TurnContext } from 'botbuilder';
import type { TeamsIdentity } from '../../shared/participant';
import { languageFromLocale, DEFAULT_LANGUAGE } from '../../shared/i18n/language';
import { messagesFor } from '../../shared/i18n/messages';
import { textActivity } from './activities';
import { PrivateTurn } from './private-turn';
import { TeamsTurn, toBotActivity } from './teams-turn';
import type { BotCommand, ParticipantDirectory, Turn } from './turn';
import type { OutgoingActivity } from './types';

/**
 * Where the answers of private commands asked in a shared conversation go: the person's personal
 * chat, through the outbox (the composition root wires it), so a chat the bot never had with them
 * is created within Teams' rate limits and a redelivered message is answered once.
 */
export interface PrivateReplies {
  /** Queues the answer; false when the person cannot be reached in a personal chat at all. */
  send(request: {
    /** Stable for the message asked, so the same question is answered once. */
    readonly replyId: string;
    readonly identity: TeamsIdentity;
    readonly activities: readonly OutgoingActivity[];
  }): Promise<boolean>;
}

/**
 * Runs our commands: the handler answers, and a command that answers privately, asked in a
 * channel or group chat, has its answer sent to the person's personal chat while the conversation
 * gets a short note in its own language. One place, so every feature's personal command (and
 * any new one) behaves the same.
 */
export class CommandRunner {
  constructor(private readonly privateReplies: PrivateReplies) {}

  /** The reply for the conversation the command was asked in, if any. */
  async run(command: BotCommand, turn: Turn, match: RegExpMatchArray): Promise<OutgoingActivity | undefined> {
    if (!command.answersPrivately || turn.place === 'personal') return command.handle(turn, match);
    // Messages in a team channel are in the network's language; a group chat follows its client.
    const shared = messagesFor(
      turn.place === 'channel' ? DEFAULT_LANGUAGE : (languageFromLocale(turn.locale) ?? DEFAULT_LANGUAGE),
    );
    const identity = turn.identity;
    if (!identity) return textActivity(shared.answerPrivatelyUnavailable);
    const privately = new PrivateTurn(turn);
    const reply = await command.handle(privately, match);
    const activities = [...privately.collected, ...(reply ? [reply] : [])];
    if (activities.length === 0) return undefined;
    const queued = await this.privateReplies.send({
      replyId: `${turn.conversationId}|${turn.activityId ?? turn.sentAt?.toISOString() ?? ''}`,
      identity,
      activities,
    });
    return textActivity(queued ? shared.answeredPrivately : shared.answerPrivatelyUnavailable);
  }
}

/** Adapts one of our commands to TeamsFx's command handler; the turn counts as answered. */
export function toTeamsFxCommand(
  command: BotCommand,
  directory: ParticipantDirectory,
  runner: CommandRunner,
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
      const reply = await runner.run(command, turn, match);
      return reply ? toBotActivity(reply) : undefined;
    },
  };
}
