/**
 * Private things stay private, and the chat forgives: through the real server, with the Bot
 * Connector emulator receiving what the bot sends (channel replies, the personal chats it opens).
 */
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator, type RecordedActivity } from '../emulators/bot-connector-emulator';
import {
  AINO,
  ERIK,
  GROUP_CHAT_CONVERSATION,
  TEAM_ID,
  TENANT,
  channelMessage,
  groupChatInstall,
  groupChatMessage,
  personalMessage,
  teamInstall,
  type Person,
} from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

jest.setTimeout(60_000);

// 10.00 on a Monday in Helsinki summer time: the demo programme's dates are relative to this.
const NOW = new Date('2025-09-01T07:00:00Z');

let connector: BotConnectorEmulator;
let serviceUrl: string;
let running: RunningApp;

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  serviceUrl = (await connector.start()).url;
  running = await startTestApp({
    clock: () => NOW,
  });
  await seedDemoIfEmpty(running.app.repositories, NOW, createLogger('silent'));
  // The demo programme's reminders would fill the outbox meanwhile; this file is about answers.
  await running.app.features.find((feature) => feature.name === 'reminders')?.stop?.();
  // The app is in the team: the outbox opens personal chats on the team's service URL.
  await post(teamInstall({ serviceUrl }));
  await running.app.tasks.idle();
});

afterAll(async () => {
  await running?.stop();
  await connector?.stop();
});

// Each person may send a dozen messages in 20 seconds before the flood guard stops answering.
const PEKKA: Person = {
  id: '29:pekka-heikkinen',
  aadObjectId: 'a1000000-0000-4000-8000-000000000006',
  name: 'Pekka Heikkinen',
};
const LAURA: Person = {
  id: '29:laura-salonen',
  aadObjectId: 'a1000000-0000-4000-8000-000000000007',
  name: 'Laura Salonen',
};

const STRANGER: Person = {
  id: '29:stranger',
  aadObjectId: 'd4000000-0000-4000-8000-00000000abcd',
  name: 'Vieras Henkilö',
};

async function post(activity: Record<string, unknown>): Promise<void> {
  const response = await postJson(`${running.url}/api/messages`, activity);
  expect(response.status).toBeLessThan(300);
}

function textOf(activity: RecordedActivity['activity']): string {
  return `${activity.text ?? ''} ${JSON.stringify(activity.attachments ?? [])}`;
}

/** Posts an activity and returns what the bot sent until `done` holds (or the time runs out). */
async function exchange(
  activity: Record<string, unknown>,
  done: (sent: readonly RecordedActivity[]) => boolean,
): Promise<readonly RecordedActivity[]> {
  const before = connector.allActivities().length;
  await post(activity);
  const deadline = Date.now() + 15_000;
  for (;;) {
    // Answers only: the demo programme's reminders may be going out meanwhile.
    const sent = connector
      .allActivities()
      .slice(before)
      .filter((entry) => entry.idempotencyKey === undefined || entry.idempotencyKey.startsWith('private:'));
    if (done(sent)) return sent;
    if (Date.now() > deadline) return sent;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const inConversation = (sent: readonly RecordedActivity[], id: string) =>
  sent.filter((entry) => entry.conversationId === id);
const privately = (sent: readonly RecordedActivity[]) =>
  sent.filter((entry) => (entry.idempotencyKey ?? '').startsWith('private:'));

describe('personal commands in a channel or group chat', () => {
  it('answers "omat tietoni" in the channel with a note only, and sends the data to the person privately', async () => {
    const sent = await exchange(
      channelMessage('omat tietoni', { serviceUrl }),
      (all) => privately(all).length > 0,
    );
    const channel = inConversation(sent, TEAM_ID);
    expect(channel).toHaveLength(1);
    expect(channel[0]?.activity.text).toBe('Lähetin vastauksen yksityisviestinä.');
    // Nothing personal in the channel: no e-mail, no roles, no erasure button.
    expect(textOf(channel[0]?.activity ?? {})).not.toMatch(/@hameenlinna\.fi|Poista tietoni|Johtoryhmä/);
    const [personal] = privately(sent);
    expect(personal?.conversationId).not.toBe(TEAM_ID);
    const card = textOf(personal?.activity ?? {});
    expect(card).toContain('Omat tietoni');
    expect(card).toContain('aino.korhonen@hameenlinna.fi');
    expect(card).toContain('Poista tietoni');
    // The personal chat was opened with Aino (her Teams user id from the roster).
    expect(connector.activitiesFor(personal?.conversationId ?? '')).toHaveLength(1);
  });

  it('writes the private answer in the person’s own language and the note in the channel’s', async () => {
    const sent = await exchange(
      channelMessage('mina uppgifter', { serviceUrl, from: ERIK, locale: 'sv-FI' }),
      (all) => privately(all).length > 0,
    );
    expect(inConversation(sent, TEAM_ID).map((entry) => entry.activity.text)).toEqual([
      'Lähetin vastauksen yksityisviestinä.',
    ]);
    const card = textOf(privately(sent)[0]?.activity ?? {});
    expect(card).toContain('Mina uppgifter');
    expect(card).toContain('erik.lindqvist@porvoo.fi');
  });

  it('keeps "ryhmäni", "toiveet" and "kieli" private in a group chat too', async () => {
    for (const [command, expected] of [
      ['ryhmäni', 'vertaisryhmää'],
      ['toiveet', 'Avoimet aihetoivekyselyt'],
      ['kieli', 'Asiointikieli'],
    ] as const) {
      const sent = await exchange(
        groupChatMessage(command, { serviceUrl }),
        (all) => privately(all).length > 0,
      );
      expect(inConversation(sent, GROUP_CHAT_CONVERSATION.id).map((entry) => entry.activity.text)).toEqual([
        'Lähetin vastauksen yksityisviestinä.',
      ]);
      expect(textOf(privately(sent)[0]?.activity ?? {})).toContain(expected);
    }
  });

  it('tells someone the bot cannot reach privately to ask in a personal chat, and shows nothing', async () => {
    const privateBefore = privately(connector.allActivities()).length;
    const sent = await exchange(
      channelMessage('omat tietoni', { serviceUrl, from: STRANGER }),
      (all) => all.length > 0,
    );
    await running.app.tasks.idle();
    expect(privately(connector.allActivities())).toHaveLength(privateBefore);
    expect(sent.map((entry) => entry.activity.text)).toEqual([
      'Tämä vastaus on vain sinulle, enkä tavoittanut sinua yksityisviestillä. Avaa Digiverkosto-sovellus chatissa ja kysy siellä uudelleen.',
    ]);
  });

  it('answers shared commands where they were asked, and tells the channel to @mention the app', async () => {
    const sent = await exchange(channelMessage('ohje', { serviceUrl }), (all) => all.length > 0);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.conversationId).toBe(TEAM_ID);
    const help = textOf(sent[0]?.activity ?? {});
    expect(help).toContain('Mainitse minut ja kirjoita komento, esimerkiksi **@Digiverkosto ohjelma**');
    expect(help).toContain('lähetän sinulle yksityisviestinä');
  });

  it('introduces itself in a group chat to everyone there', async () => {
    const sent = await exchange(groupChatInstall({ serviceUrl }), (all) => all.length > 0);
    expect(sent[0]?.conversationId).toBe(GROUP_CHAT_CONVERSATION.id);
    expect(sent[0]?.activity.text).toContain('Hei kaikki! Olen Digiverkoston botti.');
    expect(sent[0]?.activity.text).toContain('**@Digiverkosto ohjelma**');
  });
});

describe('a forgiving chat', () => {
  it.each([
    ['fi-FI', 'milloin on seuraava paja?', 'Tulevat tapahtumat'],
    ['sv-FI', 'när är nästa workshop', 'Tulevat tapahtumat'],
    ['en-GB', 'whens the next workshop', 'Tulevat tapahtumat'],
    ['fi-FI', 'ryhmani', 'vertaisryhmää'],
    ['fi-FI', 'toiveeet', 'Avoimet aihetoivekyselyt'],
    ['fi-FI', 'Omat tiedot?', 'pekka.heikkinen@kuopio.fi'],
  ])('understands %s "%s"', async (locale, text, expected) => {
    // Pekka chose Finnish, so every answer is in Finnish whatever the client's language.
    const sent = await exchange(
      personalMessage(text, { serviceUrl, locale, from: PEKKA }),
      (all) => all.length > 0,
    );
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0]?.activity ?? {})).toContain(expected);
  });

  it.each([
    [AINO, 'fi-FI', 'mikä on digikompassi?', 'En ymmärtänyt viestiä', 'Ohjelma'],
    [ERIK, 'sv-FI', 'vad är digikompassen?', 'Jag förstod inte meddelandet', 'Ämnesönskemål'],
    [
      { ...STRANGER, aadObjectId: 'd4000000-0000-4000-8000-00000000abce' },
      'en-GB',
      'what is the compass?',
      "I didn't understand",
      'My data',
    ],
  ])(
    'offers a button for every command when it does not understand (%#)',
    async (from, locale, text, sentence, button) => {
      const sent = await exchange(
        personalMessage(text, { serviceUrl, from, locale }),
        (all) => all.length > 0,
      );
      const [reply] = sent;
      expect(reply?.activity.text).toContain(sentence);
      const card = (reply?.activity.attachments?.[0]?.content ?? {}) as {
        actions?: { title: string; data: unknown }[];
      };
      expect(card.actions).toHaveLength(6);
      expect(card.actions?.map((action) => action.title)).toContain(button);
      expect(
        card.actions?.every((action) => typeof (action.data as { command?: unknown }).command === 'string'),
      ).toBe(true);
    },
  );

  it('puts the likely commands first when the words point two ways', async () => {
    const sent = await exchange(
      personalMessage('milloin seuraava ryhmä', { serviceUrl, from: LAURA }),
      (all) => all.length > 0,
    );
    const card = (sent[0]?.activity.attachments?.[0]?.content ?? {}) as { actions?: { title: string }[] };
    expect(card.actions?.slice(0, 2).map((action) => action.title)).toEqual(['Ohjelma', 'Ryhmäni']);
  });

  it('runs a button of the hint as the command, in a channel too', async () => {
    const click = {
      ...channelMessage('', { serviceUrl, from: LAURA }),
      text: undefined,
      value: { command: 'ohjelma' },
    };
    const sent = await exchange(click, (all) => all.length > 0);
    expect(sent[0]?.conversationId).toBe(TEAM_ID);
    expect(textOf(sent[0]?.activity ?? {})).toContain('Tulevat tapahtumat');
  });
});
