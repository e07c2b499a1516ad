/**
 * The mock Teams tenant of the Microsoft 365 Agents Playground, as `.m365agentsplayground.yml` at the
 * repository root describes it. The demo seeding stores these people as participants so that whoever
 * chats in the Playground is a real member of the demo network. `tests/unit/playground-config.test.ts`
 * fails when this file and the YAML drift apart. How the Playground uses these ids: docs/playground.md.
 */

export const PLAYGROUND_TENANT_ID = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';

export type PlaygroundPersonKey = 'aino' | 'mikko' | 'sanna' | 'johanna' | 'erik' | 'pekka' | 'laura';

export interface PlaygroundIdentity {
  readonly key: PlaygroundPersonKey;
  readonly name: string;
  /** `from.aadObjectId` in the Playground's activities. */
  readonly aadObjectId: string;
  /** `from.id` in the Playground's activities (the Teams user id). */
  readonly teamsUserId: string;
  readonly email: string;
  /**
   * Whether the person exists in the Playground. Its config takes exactly five users besides the
   * current user, so one of our seven people is seeded but cannot appear there.
   */
  readonly inPlayground: boolean;
}

function identity(
  key: PlaygroundPersonKey,
  nn: number,
  name: string,
  slug: string,
  email: string,
  inPlayground = true,
): PlaygroundIdentity {
  return {
    key,
    name,
    aadObjectId: `a1000000-0000-4000-8000-${String(nn).padStart(12, '0')}`,
    teamsUserId: `29:${slug}`,
    email,
    inPlayground,
  };
}

/** Everyone in the order of their object ids (…-000000000001 to …-000000000007). */
export const PLAYGROUND_IDENTITIES: readonly PlaygroundIdentity[] = Object.freeze([
  identity('aino', 1, 'Aino Korhonen', 'aino-korhonen', 'aino.korhonen@hameenlinna.fi'),
  identity('mikko', 2, 'Mikko Nieminen', 'mikko-nieminen', 'mikko.nieminen@kuntaliitto.fi'),
  identity('sanna', 3, 'Sanna Lehtinen', 'sanna-lehtinen', 'sanna.lehtinen@fcg.fi', false),
  identity('johanna', 4, 'Johanna Mäkelä', 'johanna-makela', 'johanna.makela@kangasala.fi'),
  identity('erik', 5, 'Erik Lindqvist', 'erik-lindqvist', 'erik.lindqvist@porvoo.fi'),
  identity('pekka', 6, 'Pekka Heikkinen', 'pekka-heikkinen', 'pekka.heikkinen@kuopio.fi'),
  identity('laura', 7, 'Laura Salonen', 'laura-salonen', 'laura.salonen@rovaniemi.fi'),
]);

export function playgroundIdentity(key: PlaygroundPersonKey): PlaygroundIdentity {
  const found = PLAYGROUND_IDENTITIES.find((person) => person.key === key);
  if (!found) throw new Error(`No Playground identity '${key}'`);
  return found;
}

/** The Playground always acts as this person: it ignores `from` on messages sent as anyone else. */
export const PLAYGROUND_CURRENT_USER_KEY: PlaygroundPersonKey = 'aino';

/** `recipient` of every activity. Any id works for an anonymous bot; `28:` is the Teams bot prefix. */
export const PLAYGROUND_BOT = Object.freeze({ id: '28:digiverkosto-playground-bot', name: 'Digiverkosto' });

/**
 * Conversation ids the Playground puts in `conversation.id`. The team id is also the General
 * channel's id; a message posted in a channel arrives in the thread `${channelId};messageid=${postId}`.
 */
export const PLAYGROUND_CONVERSATIONS = Object.freeze({
  personalChatId: 'a:aino-korhonen-digiverkosto',
  groupChatId: '19:digiverkosto-koordinaatio@thread.v2',
  groupChatName: 'Digiverkosto – koordinaatio',
  teamId: '19:digiverkosto-2025-2026@thread.tacv2',
  teamName: 'Digiverkosto 2025–2026',
  teamAadGroupId: 'd1000000-0000-4000-8000-000000000001',
  generalChannelId: '19:digiverkosto-2025-2026@thread.tacv2',
  workshopChannelId: '19:kehittamispajat@thread.tacv2',
  workshopChannelName: 'Kehittämispajat',
});
