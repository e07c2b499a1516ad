import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  PLAYGROUND_BOT,
  PLAYGROUND_CONVERSATIONS,
  PLAYGROUND_CURRENT_USER_KEY,
  PLAYGROUND_IDENTITIES,
  PLAYGROUND_TENANT_ID,
  playgroundIdentity,
} from '../../bot/src/demo/playground-identities';

const PlaygroundUser = z.strictObject({
  id: z.string(),
  name: z.string(),
  userPrincipleName: z.string(),
  aadObjectId: z.string(),
  givenName: z.string(),
  surname: z.string(),
  email: z.string(),
});

/** The Playground's own schema (0.1.1), with its limits, so a config it would refuse fails here first. */
const PlaygroundConfig = z.strictObject({
  version: z.literal('0.1.1'),
  tenantId: z.string(),
  bot: z.strictObject({ id: z.string(), name: z.string().max(42) }),
  currentUser: PlaygroundUser,
  users: z.array(PlaygroundUser).length(5),
  personalChat: z.strictObject({ id: z.string() }),
  groupChat: z.strictObject({ id: z.string(), name: z.string() }),
  team: z.strictObject({
    id: z.string(),
    name: z.string(),
    aadGroupId: z.string(),
    channels: z.array(z.strictObject({ id: z.string(), name: z.string() })).max(1),
  }),
});

const config = PlaygroundConfig.parse(
  parse(readFileSync(join(__dirname, '../../.m365agentsplayground.yml'), 'utf8')),
);

describe('Agents Playground config', () => {
  it('has the unique user and conversation ids the Playground insists on', () => {
    const userIds = [config.currentUser, ...config.users].map((user) => user.id);
    expect(new Set(userIds).size).toBe(userIds.length);
    const conversationIds = [
      config.personalChat.id,
      config.groupChat.id,
      config.team.id,
      ...config.team.channels.map((channel) => channel.id),
    ];
    expect(new Set(conversationIds).size).toBe(conversationIds.length);
  });

  it('uses the demo tenant and the bot name the participants see', () => {
    expect(config.tenantId).toBe(PLAYGROUND_TENANT_ID);
    expect(config.bot).toEqual(PLAYGROUND_BOT);
  });

  it('signs in as Aino Korhonen with her seeded ids', () => {
    const aino = playgroundIdentity(PLAYGROUND_CURRENT_USER_KEY);
    expect(config.currentUser).toMatchObject({
      id: aino.teamsUserId,
      name: aino.name,
      aadObjectId: aino.aadObjectId,
      email: aino.email,
    });
  });

  it('lists every other Playground person with the same ids and names as the seeding', () => {
    const expected = PLAYGROUND_IDENTITIES.filter(
      (person) => person.inPlayground && person.key !== PLAYGROUND_CURRENT_USER_KEY,
    ).map(({ teamsUserId, name, aadObjectId, email }) => ({ id: teamsUserId, name, aadObjectId, email }));
    const actual = config.users.map(({ id, name, aadObjectId, email }) => ({ id, name, aadObjectId, email }));
    expect(actual).toEqual(expected);
  });

  it('keeps the seeded ids unique and in the documented pattern', () => {
    PLAYGROUND_IDENTITIES.forEach((person, index) => {
      expect(person.aadObjectId).toBe(`a1000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`);
      expect(person.teamsUserId).toMatch(/^29:[a-z]+-[a-z]+$/);
    });
    expect(new Set(PLAYGROUND_IDENTITIES.map((person) => person.teamsUserId)).size).toBe(
      PLAYGROUND_IDENTITIES.length,
    );
  });

  it('has the team, channels and chats whose ids the activities carry', () => {
    expect(config.personalChat.id).toBe(PLAYGROUND_CONVERSATIONS.personalChatId);
    expect(config.groupChat).toEqual({
      id: PLAYGROUND_CONVERSATIONS.groupChatId,
      name: PLAYGROUND_CONVERSATIONS.groupChatName,
    });
    expect(config.team).toEqual({
      id: PLAYGROUND_CONVERSATIONS.teamId,
      name: PLAYGROUND_CONVERSATIONS.teamName,
      aadGroupId: PLAYGROUND_CONVERSATIONS.teamAadGroupId,
      channels: [
        {
          id: PLAYGROUND_CONVERSATIONS.workshopChannelId,
          name: PLAYGROUND_CONVERSATIONS.workshopChannelName,
        },
      ],
    });
    expect(PLAYGROUND_CONVERSATIONS.generalChannelId).toBe(config.team.id);
  });
});
