import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { BotConnectorEmulator, type RecordedActivity } from '../emulators/bot-connector-emulator';
import {
  AINO,
  ERIK,
  TEAM_ID,
  TENANT,
  cardAction,
  channelMessage,
  membersAdded,
  membersRemoved,
  personalConversation,
  personalInstall,
  personalMessage,
  teamInstall,
  type Person,
} from '../support/activities';
import { postJson, startTestApp, uniquePrefix, type RunningApp } from '../support/test-app';

// 10.00 on a Monday in Helsinki summer time: the demo programme's dates are relative to this.
const NOW = new Date('2025-09-01T07:00:00Z');
const clock = (): Date => NOW;

let connector: BotConnectorEmulator;
let serviceUrl: string;

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  serviceUrl = (await connector.start()).url;
});
afterAll(async () => {
  await connector.stop();
});
beforeEach(() => connector.reset());

async function withApp<T>(
  work: (running: RunningApp) => Promise<T>,
  tablePrefix = uniquePrefix(),
): Promise<T> {
  // Background work runs, with a fast reminder tick, so that its messages do come between a post
  // and its reply: the tests must pick the replies, not the first messages that arrive.
  const running = await startTestApp({ clock, tablePrefix, appOptions: { reminders: { tickMs: 50 } } });
  try {
    await seedDemoIfEmpty(running.app.repositories, NOW, createLogger('silent'));
    return await work(running);
  } finally {
    await running.stop();
  }
}

function textOf(activity: { text?: string; attachments?: unknown[] }): string {
  return `${activity.text ?? ''} ${JSON.stringify(activity.attachments ?? [])}`;
}

/**
 * Posts an activity and returns the replies to it, once `expected` have arrived. Only replies count:
 * background work (the demo's reminders, due at NOW) sends whenever its timer fires, and under load
 * that can be between the post and its reply.
 */
async function sendAndCollect(running: RunningApp, activity: Record<string, unknown>, expected = 1) {
  const response = await postJson(`${running.url}/api/messages`, activity);
  expect(response.status).toBeLessThan(300);
  return waitForActivities((entry) => entry.replyToId === activity.id, expected);
}

/** Resolves once `count` recorded activities match; fails after `timeoutMs` saying what arrived. */
async function waitForActivities(
  matches: (entry: RecordedActivity) => boolean,
  count: number,
  timeoutMs = 5000,
): Promise<RecordedActivity[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = connector.allActivities().filter(matches);
    if (found.length >= count) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${count} matching activities within ${timeoutMs} ms, got ${found.length} of ${connector.allActivities().length}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const isReminder = (entry: RecordedActivity): boolean => (entry.idempotencyKey ?? '').startsWith('reminder:');

function person(index: number, role: 'user' | 'guest' = 'guest') {
  return {
    id: `29:roster-${index}`,
    name: `Roster Person ${index}`,
    aadObjectId: `c3000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    email: `person${index}@kunta${index % 7}.fi`,
    userPrincipalName: `person${index}_kunta.fi#EXT#@digiverkosto.onmicrosoft.com`,
    tenantId: TENANT,
    userRole: role,
  };
}

describe('the bot over HTTP', () => {
  it('posts one welcome in the channel naming who added the app, and reads the whole roster', async () => {
    await withApp(async (running) => {
      const roster = Array.from({ length: 230 }, (_, i) => person(i + 1, i % 10 === 0 ? 'user' : 'guest'));
      connector.setRoster(TEAM_ID, roster, TENANT);
      const sent = await sendAndCollect(
        running,
        teamInstall({ serviceUrl, from: { ...AINO, name: 'Mikko Nieminen' } }),
      );
      expect(sent).toHaveLength(1);
      expect(sent[0]?.conversationId).toBe(TEAM_ID);
      expect(textOf(sent[0]?.activity ?? {})).toContain(
        'Mikko Nieminen lisäsi Digiverkosto-sovelluksen tähän tiimiin.',
      );
      await running.app.tasks.idle();
      const participants = await running.app.repositories.participants.listAll(TENANT);
      for (const member of roster) {
        const stored = participants.find((p) => p.aadObjectId === member.aadObjectId);
        expect(stored).toMatchObject({
          name: member.name,
          teamsUserId: member.id,
          isGuest: member.userRole === 'guest',
        });
      }
      const channels = await running.app.repositories.installations.channels();
      expect(channels).toHaveLength(1);
      // No second welcome arrived while the roster was read. (The demo's reminders may go out
      // meanwhile: the scheduler's first tick comes a second after start, and reading 230 members
      // takes longer than that on a busy machine.)
      const others = connector.allActivities().filter((entry) => !isReminder(entry));
      expect(others).toHaveLength(1);
    });
  });

  it('introduces itself on a personal install in the reader’s language', async () => {
    await withApp(async (running) => {
      const [intro] = await sendAndCollect(
        running,
        personalInstall({ serviceUrl, from: ERIK, locale: 'en-US' }),
      );
      // Erik chose Swedish in the demo data; his choice beats the client's locale.
      expect(intro?.activity.text).toContain('Hej! Jag är Digiverkostos bot.');
    });
  });

  it.each([
    ['fi-FI', 'ohje', 'Näin käytät Digiverkostoa'],
    ['sv-FI', 'hjälp', 'Så här använder du Digiverkosto'],
    ['en-GB', 'help', 'How to use Digiverkosto'],
    ['sv-SE', 'HJÄLP', 'Så här använder du Digiverkosto'],
  ])('answers help in %s', async (locale, command, heading) => {
    await withApp(async (running) => {
      const stranger: Person = {
        id: '29:x',
        aadObjectId: 'd4000000-0000-4000-8000-000000000001',
        name: 'Uusi Henkilö',
      };
      const [reply] = await sendAndCollect(
        running,
        personalMessage(command, { serviceUrl, from: stranger, locale }),
      );
      expect(textOf(reply?.activity ?? {})).toContain(heading);
    });
  });

  it('answers a mention in the channel', async () => {
    await withApp(async (running) => {
      const [reply] = await sendAndCollect(running, channelMessage('ohje', { serviceUrl }));
      expect(reply?.conversationId).toBe(TEAM_ID);
      expect(textOf(reply?.activity ?? {})).toContain('Näin käytät Digiverkostoa');
    });
  });

  it('shows the next events in Helsinki time written the Finnish way', async () => {
    await withApp(async (running) => {
      const [reply] = await sendAndCollect(running, personalMessage('ohjelma', { serviceUrl }));
      const text = textOf(reply?.activity ?? {});
      expect(text).toContain('Tulevat tapahtumat');
      // Workshop 1 is two days after 1.9.2025 at 9.00–12.00 Helsinki time.
      expect(text).toContain('ke 3.9.2025 klo 9.00–12.00');
      expect(text).toContain('Kehittämispaja 1');
      // Aino is from Hämeenlinna and in leadership: her municipality's roadmap workshop is listed.
      expect(text).toContain('Digitiekartan johtoryhmätyöpaja, Hämeenlinna');
      // Past events are not.
      expect(text).not.toContain('Aloitustilaisuus');
    });
  });

  it('runs a command from a card button (Action.Submit with a command, no text)', async () => {
    await withApp(async (running) => {
      const click = {
        ...personalMessage('', { serviceUrl }),
        text: undefined,
        value: { command: 'ohjelma' },
      };
      const [reply] = await sendAndCollect(running, click);
      expect(textOf(reply?.activity ?? {})).toContain('Tulevat tapahtumat');
    });
  });

  it('stores a language choice per participant and answers in it from then on', async () => {
    await withApp(async (running) => {
      const response = await postJson(
        `${running.url}/api/messages`,
        cardAction(VERBS.setLanguage, { language: 'sv' }, { serviceUrl, locale: 'fi-FI' }),
      );
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.json)).toContain('Från och med nu svarar jag dig på svenska');
      const stored = await running.app.repositories.participants.get({
        tenantId: TENANT,
        aadObjectId: AINO.aadObjectId,
      });
      expect(stored?.value.language).toBe('sv');
      const [reply] = await sendAndCollect(running, personalMessage('ohje', { serviceUrl, locale: 'fi-FI' }));
      expect(textOf(reply?.activity ?? {})).toContain('Så här använder du Digiverkosto');
      const [typed] = await sendAndCollect(running, personalMessage('language english', { serviceUrl }));
      expect(typed?.activity.text).toContain('I will answer you in English');
    });
  });

  it('rejects a card action with data outside its schema, changing nothing', async () => {
    await withApp(async (running) => {
      const response = await postJson(
        `${running.url}/api/messages`,
        cardAction(VERBS.setLanguage, { language: 'de' }, { serviceUrl }),
      );
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.json)).toContain('"statusCode":400');
      const stored = await running.app.repositories.participants.get({
        tenantId: TENANT,
        aadObjectId: AINO.aadObjectId,
      });
      expect(stored?.value.language).toBe('fi');
    });
  });

  it('answers an unknown card verb clearly', async () => {
    await withApp(async (running) => {
      const response = await postJson(
        `${running.url}/api/messages`,
        cardAction('no.such.verb', {}, { serviceUrl }),
      );
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.json)).toContain('Tämä kortti on vanhentunut');
    });
  });

  it('never leaves unknown text without a hint, and shows the text as typed', async () => {
    await withApp(async (running) => {
      const [reply] = await sendAndCollect(
        running,
        personalMessage('[klikkaa](http://evil.example) **nyt**', { serviceUrl }),
      );
      expect(reply?.activity.text).toContain('Valitse alta, mitä haluat tehdä, tai kirjoita **ohje**');
      expect(reply?.activity.text).toContain('\\[klikkaa\\]\\(http://evil\\.example\\)');
    });
  });

  it('follows members joining and leaving the team', async () => {
    await withApp(async (running) => {
      const newcomer = person(999);
      connector.setRoster(TEAM_ID, [newcomer], TENANT);
      const joined = { id: newcomer.id, aadObjectId: newcomer.aadObjectId, name: newcomer.name };
      let response = await postJson(`${running.url}/api/messages`, membersAdded([joined], { serviceUrl }));
      expect(response.status).toBe(200);
      const identity = { tenantId: TENANT, aadObjectId: newcomer.aadObjectId };
      expect((await running.app.repositories.participants.get(identity))?.value).toMatchObject({
        name: newcomer.name,
        email: newcomer.email,
        active: true,
      });
      response = await postJson(`${running.url}/api/messages`, membersRemoved([joined], { serviceUrl }));
      expect(response.status).toBe(200);
      expect((await running.app.repositories.participants.get(identity))?.value.active).toBe(false);
    });
  });

  it('keeps installations and participants across a restart', async () => {
    const tablePrefix = uniquePrefix();
    await withApp(async (running) => {
      await sendAndCollect(running, teamInstall({ serviceUrl }));
      await sendAndCollect(running, personalMessage('kieli ruotsi', { serviceUrl }));
      await running.app.tasks.idle();
    }, tablePrefix);
    await withApp(async (running) => {
      const installations = await running.app.repositories.installations.list(50);
      const conversationIds = installations.data.map((reference) => reference.conversation?.id);
      expect(conversationIds).toEqual(expect.arrayContaining([TEAM_ID, personalConversation(AINO).id]));
      // The order that failed under load: the demo's reminder reaches Aino's chat before the reply.
      await waitForActivities(
        (entry) => isReminder(entry) && entry.conversationId === personalConversation(AINO).id,
        1,
      );
      const [reply] = await sendAndCollect(running, personalMessage('ohje', { serviceUrl }));
      expect(textOf(reply?.activity ?? {})).toContain('Så här använder du Digiverkosto');
    }, tablePrefix);
  });
});

describe('bad input at /api/messages', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ clock });
  });
  afterAll(async () => {
    await running.stop();
  });

  function expectNoLeak(text: string): void {
    expect(text).not.toMatch(/at \w+ \(|\.ts:\d+|Error:|stack|Unexpected token/i);
  }

  it('answers malformed JSON with 400 problem details', async () => {
    const response = await postJson(`${running.url}/api/messages`, '{"type": "message", ');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ status: 400, title: 'Bad request' });
    expectNoLeak(response.text);
  });

  it('answers an activity without a conversation with 400', async () => {
    const activity = personalMessage('ohje', { serviceUrl });
    delete activity.conversation;
    const response = await postJson(`${running.url}/api/messages`, activity);
    expect(response.status).toBe(400);
    expectNoLeak(response.text);
  });

  it('answers a card action without its action with 400', async () => {
    const activity = { ...cardAction(VERBS.setLanguage, {}, { serviceUrl }), value: null };
    const response = await postJson(`${running.url}/api/messages`, activity);
    expect(response.status).toBe(400);
    expectNoLeak(response.text);
  });

  it('handles unknown activity types quietly', async () => {
    const before = connector.allActivities().length;
    for (const type of ['typing', 'messageReaction', 'endOfConversation', 'somethingNew']) {
      const response = await postJson(`${running.url}/api/messages`, {
        ...personalMessage('', { serviceUrl }),
        type,
      });
      expect(response.status).toBeLessThan(300);
    }
    expect(connector.allActivities()).toHaveLength(before);
  });

  it('refuses bodies over the limit with 413 and other media types with 415', async () => {
    const big = personalMessage('x'.repeat(300 * 1024), { serviceUrl });
    const tooLarge = await postJson(`${running.url}/api/messages`, big);
    expect(tooLarge.status).toBe(413);
    const response = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(response.status).toBe(415);
    expectNoLeak(await response.text());
  });

  it('answers unknown routes and wrong methods with problem details and no detail of the server', async () => {
    const notFound = await fetch(`${running.url}/api/nothing-here`);
    expect(notFound.status).toBe(404);
    expectNoLeak(await notFound.text());
    const wrongMethod = await fetch(`${running.url}/api/messages`);
    expect([404, 405]).toContain(wrongMethod.status);
    expectNoLeak(await wrongMethod.text());
  });
});
