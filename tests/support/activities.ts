import { randomUUID } from 'node:crypto';

/** Builders for the Bot Framework activities Teams sends, as plain JSON for posting over HTTP. */
export const TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';
export const TEAM_ID = '19:demo-team@thread.tacv2';
export const BOT = { id: '28:digiverkosto-bot', name: 'Digiverkosto' };

export interface Person {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export const AINO: Person = {
  id: '29:aino',
  aadObjectId: 'a1000000-0000-4000-8000-000000000001',
  name: 'Aino Korhonen',
};
export const ERIK: Person = {
  id: '29:erik',
  aadObjectId: 'a1000000-0000-4000-8000-000000000005',
  name: 'Erik Lindqvist',
};

export type Activity = Record<string, unknown>;

interface Common {
  serviceUrl: string;
  from?: Person;
  locale?: string;
}

function base(
  options: Common,
  conversation: Record<string, unknown>,
  channelData: Record<string, unknown>,
): Activity {
  const from = options.from ?? AINO;
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { tenantId: TENANT, ...conversation },
    channelData: { tenant: { id: TENANT }, ...channelData },
    locale: options.locale ?? 'fi-FI',
  };
}

export function personalConversation(person: Person = AINO): Record<string, unknown> {
  return { id: `a:personal-${person.aadObjectId}`, conversationType: 'personal' };
}

export const CHANNEL_CONVERSATION = { id: TEAM_ID, conversationType: 'channel', isGroup: true };

export function personalMessage(text: string, options: Common): Activity {
  return {
    ...base(options, personalConversation(options.from), {}),
    type: 'message',
    text,
    textFormat: 'plain',
  };
}

export function channelMessage(text: string, options: Common): Activity {
  return {
    ...base(options, CHANNEL_CONVERSATION, {
      team: { id: TEAM_ID, name: 'Digiverkosto' },
      channel: { id: TEAM_ID },
    }),
    type: 'message',
    text: `<at>Digiverkosto</at> ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: '<at>Digiverkosto</at>' }],
  };
}

export const GROUP_CHAT_CONVERSATION = {
  id: '19:group-chat-digi@thread.v2',
  conversationType: 'groupChat',
  isGroup: true,
};

/** A message in a group chat that @mentions the bot (the only messages the bot hears there). */
export function groupChatMessage(text: string, options: Common): Activity {
  return {
    ...base(options, GROUP_CHAT_CONVERSATION, {}),
    type: 'message',
    text: `<at>Digiverkosto</at> ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: '<at>Digiverkosto</at>' }],
  };
}

export function groupChatInstall(options: Common): Activity {
  return {
    ...base(options, GROUP_CHAT_CONVERSATION, {}),
    type: 'installationUpdate',
    action: 'add',
  };
}

export function teamInstall(options: Common): Activity {
  return {
    ...base(options, CHANNEL_CONVERSATION, {
      team: { id: TEAM_ID, name: 'Digiverkosto' },
      channel: { id: TEAM_ID },
    }),
    type: 'installationUpdate',
    action: 'add',
  };
}

export function personalInstall(options: Common): Activity {
  return {
    ...base(options, personalConversation(options.from), {}),
    type: 'installationUpdate',
    action: 'add',
  };
}

export function membersAdded(members: readonly Person[], options: Common): Activity {
  return {
    ...base(options, CHANNEL_CONVERSATION, { team: { id: TEAM_ID }, eventType: 'teamMemberAdded' }),
    type: 'conversationUpdate',
    membersAdded: members.map((member) => ({ id: member.id, aadObjectId: member.aadObjectId })),
  };
}

export function membersRemoved(members: readonly Person[], options: Common): Activity {
  return {
    ...base(options, CHANNEL_CONVERSATION, { team: { id: TEAM_ID }, eventType: 'teamMemberRemoved' }),
    type: 'conversationUpdate',
    membersRemoved: members.map((member) => ({ id: member.id, aadObjectId: member.aadObjectId })),
  };
}

export function cardAction(verb: string, data: unknown, options: Common): Activity {
  return {
    ...base(options, personalConversation(options.from), {}),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId: 'card-activity-1',
  };
}
