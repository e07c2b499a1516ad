import type { Participant, TeamsIdentity } from '../../shared/participant';
import type { Language } from '../../shared/i18n/language';
import type { ConversationPlace, ConversationReference, OutgoingActivity, TeamMember } from './types';

/** Who sent an activity, as far as the network knows them, and the language to answer in. */
export interface TurnPerson {
  readonly identity: TeamsIdentity | undefined;
  readonly participant: Participant | undefined;
  readonly language: Language;
}

/** How a turn finds the sender among the network's participants (the people feature answers). */
export interface ParticipantDirectory {
  find(identity: TeamsIdentity): Promise<Participant | undefined>;
}

/**
 * One incoming activity as the features see it: what was said or clicked, by whom, where, and a
 * way to answer. The Teams layer builds it from botbuilder's TurnContext; nothing else does.
 */
export interface Turn {
  readonly activityId: string | undefined;
  readonly activityType: string;
  /** The message text without @mentions, trimmed ('' for none). */
  readonly text: string;
  readonly locale: string | undefined;
  /** The sender as Teams names them (the name may be empty). */
  readonly sender: { readonly id: string; readonly name: string; readonly aadObjectId: string | undefined };
  /** The sender's tenant and Entra object id, when Teams gives both. */
  readonly identity: TeamsIdentity | undefined;
  readonly place: ConversationPlace;
  readonly conversationId: string;
  readonly tenantId: string | undefined;
  /** The team of a channel conversation. */
  readonly teamId: string | undefined;
  /** The team's name as Teams gives it (on installs and roster changes; often absent otherwise). */
  readonly teamName?: string | undefined;
  /** When the client says the activity was sent (the later of two answers wins). */
  readonly sentAt: Date | undefined;
  /** The sender as a participant, looked up once per turn. */
  person(): Promise<TurnPerson>;
  /** Forgets the looked-up person, e.g. after they changed their language in this turn. */
  forgetPerson(): void;
  send(activity: OutgoingActivity): Promise<void>;
  /** The conversation, for work that continues after the turn (a roster sync). */
  reference(): ConversationReference;
}

/** A typed command (`ohje`, `ohjelma`…); the first command whose pattern matches answers. */
export interface BotCommand {
  readonly pattern: RegExp;
  /**
   * The answer is for the sender's eyes only (their data, their group, their answers). Asked in a
   * channel or group chat, it goes to their personal chat through the outbox and the conversation
   * gets a short note instead; the platform does this, the handler writes the answer as usual.
   */
  readonly answersPrivately?: boolean;
  /** The reply, or undefined when the handler replied itself (or has nothing to say). */
  handle(turn: Turn, match: RegExpMatchArray): Promise<OutgoingActivity | undefined>;
}

/** What happens in a conversation besides commands and card actions. */
export interface ConversationEvents {
  installed?(turn: Turn): Promise<void>;
  uninstalled?(turn: Turn): Promise<void>;
  membersAdded?(turn: Turn, members: readonly TeamMember[]): Promise<void>;
  membersRemoved?(turn: Turn, members: readonly TeamMember[]): Promise<void>;
  /**
   * A message no command matched; the first feature that handles it answers, or names the command
   * the person meant (`ohjelma` for "milloin on seuraava paja?"), which then runs as if typed.
   */
  unrecognised?(turn: Turn): Promise<UnrecognisedOutcome | void>;
}

/** A message understood after all: run this command text (it must match a command's pattern). */
export interface UnrecognisedOutcome {
  readonly runCommand: string;
}
