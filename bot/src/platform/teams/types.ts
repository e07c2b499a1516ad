import { z } from 'zod';

/**
 * The Bot Framework shapes the rest of the app uses, written as our own types so that nothing
 * outside `platform/teams/` depends on botbuilder. They are the JSON of the Bot Framework protocol
 * (a subset), so moving to the Microsoft 365 Agents SDK changes only the code in this folder.
 */

/** An attachment of an outgoing message, in practice one Adaptive Card. */
export interface OutgoingAttachment {
  readonly contentType: string;
  readonly content?: unknown;
  readonly contentUrl?: string;
  readonly name?: string;
}

/** A message the bot sends: a reply in a turn or a proactive message through the outbox. */
export interface OutgoingActivity {
  readonly type?: string;
  readonly text?: string;
  readonly textFormat?: 'markdown' | 'plain' | 'xml';
  /** What Teams shows in notifications and the chat list for a card. */
  readonly summary?: string;
  readonly inputHint?: string;
  readonly attachments?: readonly OutgoingAttachment[];
  readonly channelData?: unknown;
}

/** A conversation the bot can write to later: the parts of Bot Framework's ConversationReference we keep. */
export interface ConversationReference {
  readonly activityId?: string;
  readonly user?: { readonly id: string; readonly name?: string; readonly aadObjectId?: string };
  readonly bot?: { readonly id: string; readonly name?: string };
  readonly conversation?: {
    readonly id: string;
    readonly tenantId?: string;
    readonly conversationType?: string;
    readonly isGroup?: boolean;
    readonly name?: string;
  };
  readonly channelId?: string;
  readonly serviceUrl?: string;
  readonly locale?: string;
}

/** Where a turn happens. */
export type ConversationPlace = 'personal' | 'channel' | 'groupChat';

/** A member of a team or chat as the Teams roster describes them. */
export interface TeamMember {
  /** The Teams user id (`29:…`), needed to open a personal chat. */
  readonly id: string;
  readonly aadObjectId: string | undefined;
  readonly name: string;
  readonly email: string | undefined;
  readonly isGuest: boolean;
}

const optionalText = z.string().optional();

/** The stored form of a {@link ConversationReference}: what we use is checked, the rest is kept. */
export const conversationReferenceSchema = z.looseObject({
  activityId: optionalText,
  user: z.looseObject({ id: z.string(), name: optionalText, aadObjectId: optionalText }).optional(),
  bot: z.looseObject({ id: z.string(), name: optionalText }).optional(),
  conversation: z
    .looseObject({
      id: z.string(),
      tenantId: optionalText,
      conversationType: optionalText,
      isGroup: z.boolean().optional(),
      name: optionalText,
    })
    .optional(),
  channelId: optionalText,
  serviceUrl: optionalText,
  locale: optionalText,
});

/** The stored form of an {@link OutgoingActivity} (the outbox keeps messages until they are sent). */
export const outgoingActivitySchema = z.looseObject({
  type: optionalText,
  text: optionalText,
  textFormat: z.enum(['markdown', 'plain', 'xml']).optional(),
  summary: optionalText,
  inputHint: optionalText,
  attachments: z
    .array(
      z.looseObject({
        contentType: z.string(),
        content: z.unknown().optional(),
        contentUrl: optionalText,
        name: optionalText,
      }),
    )
    .optional(),
  channelData: z.unknown().optional(),
});
