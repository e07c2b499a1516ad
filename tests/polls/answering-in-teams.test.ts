import { VERBS } from '../../bot/src/shared/cards/verbs';
import { DEMO_POLL_ID, demoWishPoll } from '../../bot/src/demo/demo-polls';
import { formatHelsinkiDateTime } from '../../bot/src/shared/i18n/helsinki-time';
import { playgroundIdentity, type PlaygroundPersonKey } from '../../bot/src/demo/playground-identities';
import type { WishPoll } from '../../bot/src/polls/wish-poll';
import type { WishPollResultsView } from '../../bot/src/polls/wish-poll-contracts';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { TENANT, personalMessage, type Person } from '../support/activities';
import type { RunningApp } from '../support/test-app';
import {
  api,
  cardText,
  executeAction,
  invoke,
  movableClock,
  pollsOf,
  selectedTopics,
  startPollsApp,
  tokenFor,
} from './support';

// Real time: the tab API's sign-in checks token times against the real clock. The demo poll opened
// a week before and closes two weeks after, at 16.00 Helsinki time.
const NOW = new Date().toISOString();
const DEMO_CLOSES = demoWishPoll(new Date(NOW)).closesAt;
const closesFi = formatHelsinkiDateTime(new Date(DEMO_CLOSES), 'fi');
const minutesBefore = (minutes: number, seconds = 0): string =>
  new Date(Date.parse(NOW) - minutes * 60_000 + seconds * 1000).toISOString();

function person(key: PlaygroundPersonKey): Person {
  const identity = playgroundIdentity(key);
  return { id: identity.teamsUserId, aadObjectId: identity.aadObjectId, name: identity.name };
}
const AINO = person('aino');
const ERIK = person('erik');
const MIKKO = person('mikko');
const PEKKA = person('pekka');
const STRANGER: Person = {
  id: '29:stranger',
  aadObjectId: 'f9000000-0000-4000-8000-000000000001',
  name: 'Outsider',
};

let connector: BotConnectorEmulator;
let serviceUrl: string;

beforeAll(async () => {
  connector = new BotConnectorEmulator({
    defaultTenantId: TENANT,
    perConversationLimits: [],
    perTenantLimits: [],
  });
  serviceUrl = (await connector.start()).url;
});
afterAll(async () => {
  await connector.stop();
});

async function withApp(work: (running: RunningApp, clock: ReturnType<typeof movableClock>) => Promise<void>) {
  const clock = movableClock(NOW);
  const running = await startPollsApp(clock);
  try {
    await work(running, clock);
  } finally {
    await running.stop();
  }
}

const show = (from: Person, pollId = DEMO_POLL_ID, place: 'personal' | 'channel' = 'personal') =>
  executeAction(VERBS.pollShow, { pollId }, { serviceUrl, from, place });
const edit = (from: Person, pollId = DEMO_POLL_ID) =>
  executeAction(VERBS.pollEdit, { pollId }, { serviceUrl, from });
const answer = (
  from: Person,
  topics: string,
  suggestion?: string,
  options: { pollId?: string; timestamp?: string; place?: 'personal' | 'channel' } = {},
) =>
  executeAction(
    VERBS.pollAnswer,
    { pollId: options.pollId ?? DEMO_POLL_ID, topics, ...(suggestion === undefined ? {} : { suggestion }) },
    {
      serviceUrl,
      from,
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
      place: options.place ?? 'personal',
    },
  );

function suggestionValue(card: Record<string, unknown> | undefined): string | undefined {
  const body = (card?.body ?? []) as { type?: string; id?: string; value?: string }[];
  return body.find((element) => element.type === 'Input.Text' && element.id === 'suggestion')?.value;
}

async function stored(running: RunningApp, from: Person, pollId = DEMO_POLL_ID) {
  return pollsOf(running.app).polls.answerOf(pollId, { tenantId: TENANT, aadObjectId: from.aadObjectId });
}

async function tally(running: RunningApp, pollId = DEMO_POLL_ID) {
  return pollsOf(running.app).polls.tally(pollId);
}

/** A second poll next to the demo poll, for audiences and closing. */
async function createPoll(running: RunningApp, overrides: Partial<WishPoll>): Promise<WishPoll> {
  const demo = await pollsOf(running.app).polls.get(DEMO_POLL_ID);
  if (!demo) throw new Error('demo poll missing');
  const poll: WishPoll = { ...demo, id: `poll-${Math.random().toString(36).slice(2, 10)}`, ...overrides };
  expect(await pollsOf(running.app).polls.create(poll)).toBe(true);
  return poll;
}

describe('answering a topic wish poll in Teams', () => {
  it('a participant answers the demo poll in Finnish, changes the answer, and the results show the tally', async () => {
    await withApp(async (running) => {
      const form = await invoke(running, show(AINO));
      expect(form.statusCode).toBe(200);
      expect(form.text).toContain('Aihetoivekysely');
      expect(form.text).toContain('Mistä aiheista haluat verkoston kehittämispajoissa puhuttavan');
      expect(form.text).toContain('Valitse enintään 3 aihetta:');
      expect(form.text).toContain('Asukkaiden osallistumis- ja vaikuttamismahdollisuudet');
      expect(form.text).toContain(`Vastaa viimeistään ${closesFi}.`);
      expect(selectedTopics(form.card)).toEqual([]);

      const saved = await invoke(running, answer(AINO, 'leadership,competence'));
      expect(saved.text).toContain('Kiitos! Vastauksesi on tallennettu.');
      expect(saved.text).toContain(`Voit muuttaa vastaustasi ${closesFi} asti.`);
      expect(saved.text).toContain('• Digitaalinen osaaminen');
      expect(saved.text).toContain('• Johtaminen');
      expect(saved.text).toContain('Muuta vastausta');
      expect((await stored(running, AINO))?.topicIds).toEqual(['competence', 'leadership']);

      const again = await invoke(running, edit(AINO));
      expect(selectedTopics(again.card)).toEqual(['competence', 'leadership']);
      // Changing can be left without saving: "Peruuta" shows the answer as it was.
      const actions = (again.card?.actions ?? []) as { title: string; verb: string }[];
      expect(actions.map((action) => action.title)).toEqual(['Tallenna muutos', 'Peruuta']);
      expect(actions[1]?.verb).toBe(VERBS.pollShow);
      const kept = await invoke(running, show(AINO));
      expect(kept.text).toContain('• Digitaalinen osaaminen');
      expect(kept.text).toContain('Muuta vastausta');
      const changed = await invoke(running, answer(AINO, 'procurement', 'Tekoäly asiakaspalvelussa'));
      expect(changed.text).toContain('• Hankinnat');
      expect(changed.text).toContain('Tekoäly asiakaspalvelussa');
      const latest = await stored(running, AINO);
      expect(latest).toMatchObject({
        topicIds: ['procurement'],
        suggestion: 'Tekoäly asiakaspalvelussa',
        version: 2,
      });

      const coordinator = await tokenFor(running, MIKKO.aadObjectId);
      const results = await api(running, `/api/polls/${DEMO_POLL_ID}/results`, coordinator);
      expect(results.status).toBe(200);
      const body = results.json as WishPollResultsView;
      expect(body.respondents).toBe(1);
      expect(body.topics.find((t) => t.id === 'procurement')).toMatchObject({
        label: 'Hankinnat',
        count: 1,
        share: 1,
      });
      expect(body.topics.find((t) => t.id === 'competence')?.count).toBe(0);
      expect(body.byMunicipality.find((g) => g.id === 'hameenlinna')).toMatchObject({
        name: 'Hämeenlinna',
        respondents: 1,
        topics: { procurement: 1 },
      });
      expect(body.suggestions.items).toEqual([
        expect.objectContaining({
          text: 'Tekoäly asiakaspalvelussa',
          name: 'Aino Korhonen',
          municipalityName: 'Hämeenlinna',
        }),
      ]);
    });
  });

  it('the channel card’s button gives each person their own view, in their own language', async () => {
    await withApp(async (running) => {
      await invoke(running, answer(AINO, 'resources', undefined, { place: 'channel' }));
      const ainos = await invoke(running, show(AINO, DEMO_POLL_ID, 'channel'));
      expect(ainos.text).toContain('Vastauksesi');
      expect(ainos.text).toContain('• Talous- ja henkilöstöresurssit');
      // A shared conversation gets no automatic refresh (that would need userIds, at most 60).
      expect(ainos.card?.refresh).toBeUndefined();
      const eriks = await invoke(running, show(ERIK, DEMO_POLL_ID, 'channel'));
      expect(eriks.text).toContain('Enkät om ämnesönskemål');
      expect(eriks.text).toContain('Ekonomiska resurser och personalresurser');
      expect(selectedTopics(eriks.card)).toEqual([]);
    });
  });

  it('one person’s card never replaces the card others see, even after personal cards with refresh', async () => {
    await withApp(async (running) => {
      connector.reset();
      // Personal cards carry `refresh`; TeamsFx would then switch to "replace for all" for good.
      expect((await invoke(running, answer(AINO, 'competence'))).card?.refresh).toBeDefined();
      await invoke(running, answer(ERIK, 'leadership', undefined, { place: 'channel' }));
      await invoke(running, show(AINO, DEMO_POLL_ID, 'channel'));
      await invoke(running, edit(AINO));
      expect(connector.allActivities().filter((activity) => activity.operation === 'updateActivity')).toEqual(
        [],
      );
    });
  });

  it('a card in the personal chat refreshes itself for its reader, so an old card shows the poll closed', async () => {
    await withApp(async (running, clock) => {
      const form = await invoke(running, show(AINO));
      expect(form.card?.refresh).toEqual({
        action: { type: 'Action.Execute', verb: VERBS.pollShow, data: { pollId: DEMO_POLL_ID } },
      });
      await invoke(running, answer(AINO, 'legislation'));
      clock.set(new Date(Date.parse(DEMO_CLOSES) + 60_000).toISOString());
      const closed = await invoke(running, show(AINO));
      expect(closed.text).toContain(`Kysely sulkeutui ${closesFi}.`);
      expect(closed.text).toContain('• Lainsäädännön kasvavat vaatimukset digitalisaatiolle');
      // The demo poll shows participants the results once closed.
      expect(closed.text).toContain('Tulokset');
      expect(closed.text).toContain('1 vastaaja');
      expect(closed.text).not.toContain('Muuta vastausta');
    });
  });

  it('`toiveet` lists the polls open to me and whether I have answered; coordinators also get results', async () => {
    await withApp(async (running) => {
      connector.reset();
      await invoke(running, answer(AINO, 'competence'));
      const before = connector.allActivities().length;
      await api(running, '/api/messages', undefined, {
        method: 'POST',
        body: personalMessage('toiveet', { serviceUrl, from: AINO }),
      });
      await api(running, '/api/messages', undefined, {
        method: 'POST',
        body: personalMessage('önskemål', { serviceUrl, from: ERIK }),
      });
      await api(running, '/api/messages', undefined, {
        method: 'POST',
        body: personalMessage('wishes', { serviceUrl, from: MIKKO, locale: 'en-GB' }),
      });
      const replies = (await connector.waitForActivities(before + 3)).slice(before);
      const byConversation = (who: Person) => {
        const reply = replies.find((r) => r.conversationId.includes(who.aadObjectId));
        return cardText(reply?.activity.attachments?.[0]?.content);
      };
      expect(byConversation(AINO)).toContain('Avoimet aihetoivekyselyt');
      expect(byConversation(AINO)).toContain('Olet vastannut. Voit vielä muuttaa vastaustasi.');
      expect(byConversation(AINO)).toContain('Näytä vastaukseni');
      expect(byConversation(AINO)).not.toContain('Tulokset');
      expect(byConversation(ERIK)).toContain('Öppna enkäter om ämnesönskemål');
      expect(byConversation(ERIK)).toContain('Du har inte svarat ännu.');
      // Mikko is a coordinator: a results button on each poll.
      expect(byConversation(MIKKO)).toContain('Tulokset');

      const summary = await invoke(
        running,
        executeAction(VERBS.pollSummary, { pollId: DEMO_POLL_ID }, { serviceUrl, from: MIKKO }),
      );
      expect(summary.text).toContain('Tulosten yhteenveto');
      expect(summary.text).toMatch(/Kohderyhmän \d+ henkilöstä 1 on vastannut/);
      expect(summary.text).toContain('Digitaalinen osaaminen: ');
      const refused = await invoke(
        running,
        executeAction(VERBS.pollSummary, { pollId: DEMO_POLL_ID }, { serviceUrl, from: AINO }),
      );
      expect(refused.text).toContain('Tulokset näkyvät vain koordinaattoreille.');
    });
  });
});

describe('bad input and races change nothing and are explained in the answerer’s language', () => {
  it('refuses a topic that is not in the poll, too many choices, and a suggestion over the limit', async () => {
    await withApp(async (running) => {
      await invoke(running, answer(AINO, 'competence'));
      const before = await tally(running);

      const unknown = await invoke(running, answer(AINO, 'competence,hacking'));
      expect(unknown.text).toContain('Valitsemaasi aihetta ei ole tässä kyselyssä.');
      expect(unknown.text).toContain('Vastausta ei tallennettu.');
      // The form comes back with what was valid of the input, nothing lost.
      expect(selectedTopics(unknown.card)).toEqual(['competence']);

      const tooMany = await invoke(running, answer(ERIK, 'competence,leadership,procurement,legislation'));
      expect(tooMany.text).toContain('Du kan välja högst 3 ämnen.');

      const long = 'ä'.repeat(501);
      const tooLong = await invoke(running, answer(AINO, 'leadership', long));
      expect(tooLong.text).toContain('Ehdotuksesi on 501 merkkiä, kun enimmäispituus on 500.');

      const nothing = await invoke(running, answer(AINO, '', '   '));
      expect(nothing.text).toContain('Valitse vähintään yksi aihe tai kirjoita ehdotus.');

      expect(await stored(running, AINO)).toMatchObject({ topicIds: ['competence'], version: 1 });
      expect(await stored(running, ERIK)).toBeUndefined();
      expect(await tally(running)).toEqual(before);
    });
  });

  it('answers a suggestion far over the limit with the limit and the part that fits, not "outdated card"', async () => {
    await withApp(async (running) => {
      await invoke(running, answer(AINO, 'competence'));
      // 25,000 characters: beyond the old 20,000-character bound of the card data's schema.
      const typed = `${'Tekoäly asiakaspalvelussa. '.repeat(1000)}`.slice(0, 25_000);
      const tooLong = await invoke(running, answer(AINO, 'leadership', typed));
      expect(tooLong.text).toContain('Ehdotuksesi on 25000 merkkiä, kun enimmäispituus on 500.');
      expect(tooLong.text).toContain('Vastausta ei tallennettu.');
      expect(tooLong.text).toContain('Lomakkeella on nyt ehdotuksesi 500 ensimmäistä merkkiä.');
      expect(tooLong.text).not.toContain('vanhentunut');
      // The form comes back with the topics chosen and the first 500 characters of the text.
      expect(selectedTopics(tooLong.card)).toEqual(['leadership']);
      expect(suggestionValue(tooLong.card)).toBe(typed.slice(0, 500).trim());
      expect(await stored(running, AINO)).toMatchObject({ topicIds: ['competence'], version: 1 });

      const swedish = await invoke(running, answer(ERIK, 'leadership', 'å'.repeat(30_000)));
      expect(swedish.text).toContain('Ditt förslag har 30000 tecken, men högst 500 är tillåtna.');
      expect(suggestionValue(swedish.card)).toBe('å'.repeat(500));
      expect(await stored(running, ERIK)).toBeUndefined();
    });
  });

  it('refuses answers to a closed poll and to an unknown poll', async () => {
    await withApp(async (running, clock) => {
      const closesAt = new Date(Date.parse(NOW) + 3_600_000).toISOString();
      const poll = await createPoll(running, { closesAt });
      await invoke(running, answer(AINO, 'competence', undefined, { pollId: poll.id }));
      clock.set(new Date(Date.parse(closesAt) + 1000).toISOString());
      const late = await invoke(running, answer(AINO, 'leadership', undefined, { pollId: poll.id }));
      expect(late.text).toContain('Kysely on jo sulkeutunut, joten vastaustasi ei tallennettu.');
      expect(late.text).toContain('• Digitaalinen osaaminen');
      const lateSv = await invoke(running, answer(ERIK, 'leadership', undefined, { pollId: poll.id }));
      expect(lateSv.text).toContain('Enkäten har redan stängts, så ditt svar sparades inte.');
      expect((await stored(running, AINO, poll.id))?.topicIds).toEqual(['competence']);
      expect(await stored(running, ERIK, poll.id)).toBeUndefined();

      const unknown = await invoke(
        running,
        answer(AINO, 'competence', undefined, { pollId: 'no-such-poll' }),
      );
      expect(unknown.text).toContain('Kyselyä ei löytynyt.');
    });
  });

  it('refuses an answer from outside the audience', async () => {
    await withApp(async (running) => {
      const elected = await createPoll(running, { audience: { roles: ['elected'], municipalityIds: [] } });
      const aino = await invoke(running, answer(AINO, 'competence', undefined, { pollId: elected.id }));
      expect(aino.text).toContain('Tämä kysely on suunnattu toiselle kohderyhmälle');
      const pekka = await invoke(running, answer(PEKKA, 'competence', undefined, { pollId: elected.id }));
      expect(pekka.text).toContain('Kiitos! Vastauksesi on tallennettu.');
      const stranger = await invoke(running, answer(STRANGER, 'competence'));
      expect(stranger.text).toContain('Vastausta ei tallennettu.');
      expect(await stored(running, AINO, elected.id)).toBeUndefined();
      expect(await stored(running, STRANGER)).toBeUndefined();
      expect((await tally(running, elected.id)).respondents).toBe(1);
    });
  });

  it('shows markup in a suggestion as typed, never interpreted', async () => {
    await withApp(async (running) => {
      const markup = '**lihavoitu** _kursiivi_ [linkki](https://example.invalid) <b>x</b> ${$root.pollId}';
      const saved = await invoke(running, answer(AINO, 'competence', markup));
      const runs = JSON.stringify(saved.card);
      // The suggestion is a TextRun (never Markdown) with exactly the typed text; no TextBlock carries it.
      const body = (saved.card?.body ?? []) as unknown[];
      const textBlocks = JSON.stringify(body).match(/"type":"TextBlock","text":"[^"]*lihavoitu/g);
      expect(textBlocks).toBeNull();
      expect(runs).toContain(JSON.stringify({ type: 'TextRun', text: markup }).slice(1, -1));
      expect((await stored(running, AINO))?.suggestion).toBe(markup);
    });
  });

  it('answers malformed card data with a clear message and stores nothing', async () => {
    await withApp(async (running) => {
      const broken = await invoke(
        running,
        executeAction(VERBS.pollAnswer, { topics: 'competence' }, { serviceUrl, from: AINO }),
      );
      expect(broken.statusCode).toBe(400);
      expect(JSON.stringify(broken.raw)).toContain('Tämä kortti on vanhentunut');
      expect(await stored(running, AINO)).toBeUndefined();
    });
  });

  it('a double click stores one answer', async () => {
    await withApp(async (running) => {
      const at = minutesBefore(1);
      const results = await Promise.all([
        invoke(running, answer(AINO, 'competence,leadership', 'Sama', { timestamp: at })),
        invoke(running, answer(AINO, 'competence,leadership', 'Sama', { timestamp: at })),
      ]);
      for (const result of results) expect(result.text).toContain('• Johtaminen');
      expect(await stored(running, AINO)).toMatchObject({
        version: 1,
        topicIds: ['competence', 'leadership'],
      });
      const counted = await tally(running);
      expect(counted).toMatchObject({
        respondents: 1,
        suggestions: 1,
        topics: { competence: 1, leadership: 1 },
      });
    });
  });

  it('two concurrent changes by the same person keep the later one and count it once', async () => {
    await withApp(async (running) => {
      for (let round = 0; round < 4; round += 1) {
        const earlier = minutesBefore(10 - round);
        const later = minutesBefore(10 - round, 1);
        const first = answer(AINO, 'competence', `aiempi ${round}`, { timestamp: earlier });
        const second = answer(AINO, 'legislation', `myöhempi ${round}`, { timestamp: later });
        // Send the later one first on odd rounds: arrival order must not decide.
        await Promise.all(
          round % 2 === 0
            ? [invoke(running, first), invoke(running, second)]
            : [invoke(running, second), invoke(running, first)],
        );
        expect(await stored(running, AINO)).toMatchObject({
          topicIds: ['legislation'],
          suggestion: `myöhempi ${round}`,
        });
        expect(await tally(running)).toMatchObject({
          respondents: 1,
          suggestions: 1,
          topics: { legislation: 1 },
        });
        expect((await tally(running)).topics.competence).toBeUndefined();
      }
    });
  });
});
