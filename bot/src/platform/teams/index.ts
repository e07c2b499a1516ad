/**
 * The Teams platform: the only folder that knows botbuilder and TeamsFx. Features use the types
 * and helpers exported here; the composition root also builds the adapter and the bot from here.
 */
export { conversationReferenceSchema, outgoingActivitySchema } from './types';
export type {
  ConversationPlace,
  ConversationReference,
  OutgoingActivity,
  OutgoingAttachment,
  TeamMember,
} from './types';
export type {
  BotCommand,
  ConversationEvents,
  ParticipantDirectory,
  Turn,
  TurnPerson,
  UnrecognisedOutcome,
} from './turn';
export type { PrivateReplies } from './bot-command';
export type { CardAction, CardActionResult } from './card-action';
export { ADAPTIVE_CARD_CONTENT_TYPE, cardActivity, cardOf, textActivity } from './activities';
export type { BotConnector, ConversationAddress } from './bot-connector';
export type { TeamRoster } from './team-roster';
export { InstallationRepository, type ConversationKind, type Installation } from './installation-repository';
export { createTeamsPlatform, type TeamsPlatform, type TeamsPlatformOptions } from './teams-platform';
export type { TeamsBot, TeamsBotParts } from './teams-bot';
export type { BotEndpointOverrides } from './adapter';
export { activityEnvelope } from './activity-envelope';
