import {
  TeamsInfo,
  TestAdapter,
  TurnContext,
  type Activity,
  type ConversationParameters,
  type TeamsChannelAccount,
} from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { BotConnectorEmulator } from './bot-connector-emulator';

const TENANT = 'b7c3a5e1-0000-4000-8000-00000000c0de';
const CHANNEL_THREAD = '19:Abc-Def_123@thread.skype;messageid=1712345678901';

function anonymousClient(serviceUrl: string): ConnectorClient {
  // An empty app id makes the credentials skip token acquisition, so no network call leaves the machine.
  return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
}

/** The schema types mark every activity field required; a test message needs only a few. */
function message(fields: Partial<Activity> = {}): Activity {
  return { type: 'message', ...fields } as Activity;
}

function personalChat(userId: string, extra: Partial<ConversationParameters> = {}): ConversationParameters {
  return {
    isGroup: false,
    bot: { id: '28:bot-app-id', name: 'Digiverkosto' },
    members: [{ id: userId, name: '' }],
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

function roster(size: number): TeamsChannelAccount[] {
  return Array.from({ length: size }, (_, index) => ({
    id: `29:member-${index}`,
    name: `Member ${index}`,
    aadObjectId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    email: `member${index}@kunta.example`,
    userPrincipalName: `member${index}@kunta.example`,
    tenantId: TENANT,
    userRole: index % 10 === 0 ? 'guest' : 'user',
  }));
}

function conversationPath(conversationId: string): string {
  return `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
}

interface ErrorBody {
  error: { code: string; message: string };
}

describe('BotConnectorEmulator', () => {
  const emulator = new BotConnectorEmulator();
  let client: ConnectorClient;

  beforeAll(async () => {
    await emulator.start();
    client = anonymousClient(emulator.serviceUrl);
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(() => emulator.reset());

  async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${emulator.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  describe('conversations and activities', () => {
    it('returns the same conversation when a bot creates one with the same user twice', async () => {
      const parameters = personalChat('29:user-1');
      const first = await client.conversations.createConversation(parameters);
      const second = await client.conversations.createConversation(parameters);
      const otherUser = await client.conversations.createConversation(personalChat('29:user-2'));

      expect(first.id).toMatch(/^a:1/);
      expect(second.id).toBe(first.id);
      expect(otherUser.id).not.toBe(first.id);
      expect(emulator.stats.conversationsCreated).toBe(2);

      const raw = await post('/v3/conversations', parameters);
      expect(raw.status).toBe(200);
      expect(((await raw.json()) as { id: string }).id).toBe(first.id);
    });

    it('records an initial activity sent with conversation creation and answers its id', async () => {
      const created = await client.conversations.createConversation(
        personalChat('29:user-1', { activity: message({ text: 'Tervetuloa' }) }),
      );

      expect(created.activityId).toBeDefined();
      const recorded = emulator.activitiesFor(created.id);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]).toMatchObject({
        activityId: created.activityId,
        tenantId: TENANT,
        activity: { text: 'Tervetuloa' },
      });
    });

    it('rejects a conversation without members as a bad argument', async () => {
      const response = await post('/v3/conversations', { bot: { id: '28:bot' }, members: [] });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('BadArgument');
    });

    it('records sends and replies with their conversation, reply target and tenant', async () => {
      const { id: conversationId } = await client.conversations.createConversation(personalChat('29:user-1'));

      const sent = await client.conversations.sendToConversation(conversationId, message({ text: 'Hei' }));
      const reply = await client.conversations.replyToActivity(
        conversationId,
        sent.id,
        message({ text: 'Vastaus', replyToId: sent.id }),
      );

      expect(reply.id).not.toBe(sent.id);
      const recorded = emulator.activitiesFor(conversationId);
      expect(recorded.map((activity) => activity.operation)).toEqual([
        'sendToConversation',
        'replyToActivity',
      ]);
      expect(recorded[0]).toMatchObject({ activityId: sent.id, tenantId: TENANT, activity: { text: 'Hei' } });
      expect(recorded[1]).toMatchObject({
        activityId: reply.id,
        replyToId: sent.id,
        activity: { text: 'Vastaus' },
      });
      expect(emulator.allActivities()).toHaveLength(2);
      expect(emulator.stats.acceptedActivities).toBe(2);
    });

    it('records updates and deletions of a sent activity', async () => {
      const conversationId = 'a:1update-target';
      const sent = await client.conversations.sendToConversation(conversationId, message({ text: 'v1' }));

      const updated = await client.conversations.updateActivity(
        conversationId,
        sent.id,
        message({ id: sent.id, text: 'v2' }),
      );
      await client.conversations.deleteActivity(conversationId, sent.id);

      expect(updated.id).toBe(sent.id);
      const recorded = emulator.activitiesFor(conversationId);
      expect(recorded[1]).toMatchObject({
        operation: 'updateActivity',
        activityId: sent.id,
        activity: { text: 'v2' },
      });
      expect(emulator.deletedActivities()).toEqual([
        expect.objectContaining({ conversationId, activityId: sent.id }),
      ]);
      // An update carries the id of the message it replaces; that is not a duplicate send.
      expect(emulator.stats.duplicates).toBe(0);
    });

    it('decodes conversation ids containing ":", "@" and ";" from the path', async () => {
      await client.conversations.sendToConversation(CHANNEL_THREAD, message({ text: 'via ConnectorClient' }));
      const response = await post(conversationPath(CHANNEL_THREAD), { type: 'message', text: 'via fetch' });

      expect(response.status).toBe(201);
      expect(emulator.activitiesFor(CHANNEL_THREAD).map((activity) => activity.activity.text)).toEqual([
        'via ConnectorClient',
        'via fetch',
      ]);
    });

    it('charges an unknown conversation to the tenant named in the activity', async () => {
      await post(conversationPath('a:1unknown'), {
        type: 'message',
        conversation: { id: 'a:1unknown', tenantId: TENANT },
      });
      await post(conversationPath('a:1other'), {
        type: 'message',
        channelData: { tenant: { id: 'tenant-b' } },
      });
      await post(conversationPath('a:1plain'), { type: 'message' });

      expect(emulator.activitiesFor('a:1unknown')[0]?.tenantId).toBe(TENANT);
      expect(emulator.activitiesFor('a:1other')[0]?.tenantId).toBe('tenant-b');
      expect(emulator.activitiesFor('a:1plain')[0]?.tenantId).toBe('00000000-0000-0000-0000-000000000000');
    });

    it('records the Authorization header without validating it', async () => {
      await post(
        conversationPath('a:1auth'),
        { type: 'message' },
        { authorization: 'Bearer not-a-real-token' },
      );

      expect(emulator.activitiesFor('a:1auth')[0]?.authorization).toBe('Bearer not-a-real-token');
      expect(emulator.lastAuthorization).toBe('Bearer not-a-real-token');
    });

    it('answers malformed JSON with 400 and records nothing', async () => {
      const response = await fetch(`${emulator.url}${conversationPath('a:1bad')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":',
      });

      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('BadSyntax');
      expect(emulator.allActivities()).toHaveLength(0);
    });

    it('counts a repeated idempotency key in one conversation as a duplicate', async () => {
      const message = { type: 'message', text: 'Muistutus', channelData: { idempotencyKey: 'reminder-42' } };
      await post(conversationPath('a:1first'), message);
      await post(conversationPath('a:1first'), message);
      await post(conversationPath('a:1second'), message);
      await post(conversationPath('a:1first'), { type: 'message', id: 'hint-1' });
      await post(conversationPath('a:1first'), { type: 'message', id: 'hint-1' });

      expect(emulator.stats.duplicates).toBe(2);
      expect(emulator.activitiesFor('a:1first').map((activity) => activity.duplicate)).toEqual([
        false,
        true,
        false,
        true,
      ]);
      expect(emulator.activitiesFor('a:1second')[0]).toMatchObject({
        idempotencyKey: 'reminder-42',
        duplicate: false,
      });
    });

    it('resolves waitForActivities once enough activities arrive, and names the shortfall on timeout', async () => {
      const waiting = emulator.waitForActivities(3, 2_000);
      await Promise.all(
        [1, 2, 3].map((n) => post(conversationPath(`a:1wait-${n}`), { type: 'message', text: `${n}` })),
      );

      await expect(waiting).resolves.toHaveLength(3);
      await expect(emulator.waitForActivities(5, 50)).rejects.toThrow(
        /expected at least 5 activities within 50 ms but 3 were recorded/,
      );
    });

    it('forgets recordings, conversations and stats on reset', async () => {
      await post(conversationPath('a:1reset'), { type: 'message' });
      emulator.reset();

      expect(emulator.allActivities()).toHaveLength(0);
      expect(emulator.activitiesFor('a:1reset')).toHaveLength(0);
      expect(emulator.stats.requests).toBe(0);
    });
  });

  describe('members', () => {
    it('pages through a 250-member team roster with continuation tokens, as TeamsInfo does', async () => {
      const members = roster(250);
      emulator.setRoster('19:team-general@thread.tacv2', members, TENANT);
      const context = new TurnContext(new TestAdapter(), {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: emulator.serviceUrl,
        conversation: { id: 'a:1someone', isGroup: false, conversationType: 'personal', name: '' },
      });
      context.turnState.set(context.adapter.ConnectorClientKey, client);

      const pages: TeamsChannelAccount[][] = [];
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(
          context,
          '19:team-general@thread.tacv2',
          100,
          continuationToken,
        );
        pages.push(page.members);
        continuationToken = page.continuationToken;
      } while (continuationToken);

      expect(pages.map((page) => page.length)).toEqual([100, 100, 50]);
      expect(pages.flat().map((member) => member.id)).toEqual(members.map((member) => member.id));
      expect(pages[0]?.[0]).toEqual(members[0]);
    });

    it('pages with the ConnectorClient and rejects a forged continuation token', async () => {
      emulator.setRoster(CHANNEL_THREAD, roster(250));

      const first = await client.conversations.getConversationPagedMembers(CHANNEL_THREAD, {
        pageSize: 200,
        // The generated options type demands a token even for the first page; empty means "from the start".
        continuationToken: '',
      });
      const second = await client.conversations.getConversationPagedMembers(CHANNEL_THREAD, {
        pageSize: 200,
        continuationToken: first.continuationToken,
      });
      const forged = await fetch(
        `${emulator.url}/v3/conversations/${encodeURIComponent(CHANNEL_THREAD)}/pagedmembers?continuationToken=bogus`,
      );

      expect(first.members).toHaveLength(200);
      expect(second.members).toHaveLength(50);
      expect(second.continuationToken).toBeUndefined();
      expect(forged.status).toBe(400);
    });

    it('finds one member by id or AAD object id and answers 404 for a stranger', async () => {
      const members = roster(3);
      emulator.setRoster('a:1chat', members);

      const byId = await client.conversations.getConversationMember('a:1chat', '29:member-1');
      const byAad = await client.conversations.getConversationMember(
        'a:1chat',
        members[2]?.aadObjectId ?? '',
      );
      const stranger = await fetch(`${emulator.url}/v3/conversations/a%3A1chat/members/29%3Anobody`);

      expect(byId).toMatchObject({ id: '29:member-1', email: 'member1@kunta.example', userRole: 'user' });
      expect(byAad).toMatchObject({ id: '29:member-2' });
      expect(stranger.status).toBe(404);
      expect(((await stranger.json()) as ErrorBody).error.code).toBe('MemberNotFoundInConversation');
    });

    it('answers 404 for the members of a conversation it has never seen', async () => {
      const response = await fetch(`${emulator.url}/v3/conversations/19%3Anowhere%40thread.v2/pagedmembers`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('ConversationNotFound');
    });
  });

  describe('rate limits', () => {
    it('answers the eighth message within a second to one conversation with 429 and Retry-After', async () => {
      const statuses: number[] = [];
      for (let n = 0; n < 7; n += 1) {
        statuses.push((await post(conversationPath('a:1busy'), { type: 'message', text: `${n}` })).status);
      }
      const eighth = await post(conversationPath('a:1busy'), { type: 'message', text: '7' });
      const elsewhere = await post(conversationPath('a:1quiet'), { type: 'message' });

      expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201]);
      expect(eighth.status).toBe(429);
      expect(Number(eighth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await eighth.json()) as ErrorBody).error.code).toBe('Throttled');
      expect(elsewhere.status).toBe(201);
      expect(emulator.stats.limitRejections).toBe(1);
      expect(emulator.stats.maxPerConversationPerSecond).toBe(7);
      expect(emulator.activitiesFor('a:1busy')).toHaveLength(7);
    });
  });

  describe('fault injection', () => {
    it('answers queued 503, 429 and 429-without-Retry-After once each, then serves normally', async () => {
      emulator.injectFaults([
        { kind: '503' },
        { kind: '429', retryAfterSeconds: 3 },
        { kind: '429-no-retry-after' },
      ]);

      const unavailable = await post(conversationPath('a:1faults'), { type: 'message' });
      const throttled = await post(conversationPath('a:1faults'), { type: 'message' });
      const throttledBare = await post(conversationPath('a:1faults'), { type: 'message' });
      const healthy = await post(conversationPath('a:1faults'), { type: 'message' });

      expect(unavailable.status).toBe(503);
      expect(((await unavailable.json()) as ErrorBody).error.code).toBe('ServiceUnavailable');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('3');
      expect(throttledBare.status).toBe(429);
      expect(throttledBare.headers.get('retry-after')).toBeNull();
      expect(healthy.status).toBe(201);
      expect(emulator.activitiesFor('a:1faults')).toHaveLength(1);
      expect(emulator.stats).toMatchObject({
        injectedFaults: 3,
        injectedFaultsByKind: { '503': 1, '429': 1, '429-no-retry-after': 1 },
        // Injected throttling is the service's doing, not the client exceeding a limit.
        limitRejections: 0,
      });
    });

    it('aims a 403 at one conversation and leaves the others alone', async () => {
      emulator.injectFaults([{ kind: '403', conversationId: 'a:1blocker' }]);

      const other = await post(conversationPath('a:1bystander'), { type: 'message' });
      const blocked = await client.conversations.sendToConversation('a:1blocker', message()).then(
        () => undefined,
        (error: unknown) => error as { statusCode?: number },
      );

      expect(other.status).toBe(201);
      expect(blocked?.statusCode).toBe(403);
      expect(emulator.pendingFaults).toBe(0);
    });

    it('keeps refusing a blocked conversation until it is unblocked', async () => {
      emulator.blockConversation(CHANNEL_THREAD, 403, 'BotNotInConversationRoster');

      const first = await post(conversationPath(CHANNEL_THREAD), { type: 'message' });
      const second = await post(conversationPath(CHANNEL_THREAD), { type: 'message' });
      emulator.unblockConversation(CHANNEL_THREAD);
      const third = await post(conversationPath(CHANNEL_THREAD), { type: 'message' });

      expect([first.status, second.status, third.status]).toEqual([403, 403, 201]);
      expect(((await first.json()) as ErrorBody).error.code).toBe('BotNotInConversationRoster');
      expect(emulator.stats.blockedRejections).toBe(2);
    });

    it('answers 404 for a conversation blocked as gone', async () => {
      emulator.blockConversation('a:1gone', 404);
      const response = await post(conversationPath('a:1gone'), { type: 'message' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('ConversationNotFound');
    });

    it('holds a timed-out request open for the configured time, then drops the connection', async () => {
      emulator.injectFaults([{ kind: 'timeout', holdMs: 200 }]);

      const started = Date.now();
      const outcome = await post(conversationPath('a:1slow'), { type: 'message' }).then(
        (response) => `status ${response.status}`,
        // fetch rejects with a TypeError from another realm under jest, so instanceof Error would not hold.
        () => 'dropped',
      );

      expect(outcome).toBe('dropped');
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(emulator.allActivities()).toHaveLength(0);
    });

    it('lets the ConnectorClient retry past a transient 503 on its own', async () => {
      emulator.injectFaults([{ kind: '503', operations: ['sendToConversation'] }]);

      const sent = await client.conversations.sendToConversation('a:1retry', message({ text: 'eventually' }));

      expect(emulator.activitiesFor('a:1retry')).toEqual([expect.objectContaining({ activityId: sent.id })]);
      expect(emulator.stats.injectedFaults).toBe(1);
    });

    it('draws random faults reproducibly from the seed', async () => {
      const mode = { rate: 0.3, kinds: ['500', '502', '504', '412'] as const, seed: 7 };
      const run = async (): Promise<number[]> => {
        emulator.reset();
        emulator.injectFaults({ ...mode, kinds: [...mode.kinds] });
        const statuses: number[] = [];
        for (let n = 0; n < 40; n += 1) {
          // One conversation per request keeps the per-conversation limits out of the picture.
          statuses.push((await post(conversationPath(`a:1random-${n}`), { type: 'message' })).status);
        }
        return statuses;
      };

      const first = await run();
      const second = await run();

      expect(second).toEqual(first);
      const faulted = first.filter((status) => status !== 201);
      expect(faulted.length).toBeGreaterThan(3);
      expect(faulted.length).toBeLessThan(25);
      expect(new Set(faulted).size).toBeGreaterThan(1);
      expect(faulted.every((status) => [500, 502, 504, 412].includes(status))).toBe(true);
    });
  });
});

describe('BotConnectorEmulator rate limits on a controlled clock', () => {
  let clock = 0;
  const emulator = new BotConnectorEmulator({ now: () => clock });

  beforeAll(async () => {
    await emulator.start();
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(() => {
    clock = 0;
    emulator.reset();
  });

  async function send(conversationId: string, tenantId = 'tenant-a'): Promise<Response> {
    return fetch(`${emulator.url}${conversationPath(conversationId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', conversation: { id: conversationId, tenantId } }),
    });
  }

  it('enforces 8 messages per 2 seconds as a sliding window', async () => {
    for (let n = 0; n < 7; n += 1) expect((await send('a:1paced')).status).toBe(201);
    clock = 1_000;
    const eighth = await send('a:1paced');
    const ninth = await send('a:1paced');
    clock = 2_001;
    const afterWindow = await send('a:1paced');

    expect(eighth.status).toBe(201);
    expect(ninth.status).toBe(429);
    expect(ninth.headers.get('retry-after')).toBe('1');
    expect(afterWindow.status).toBe(201);
    expect(emulator.stats.limitRejections).toBe(1);
    expect(emulator.stats.maxPerConversationPerSecond).toBe(7);
  });

  it('enforces 60 messages per 30 seconds and says how long to wait', async () => {
    // Two messages a second stays under the short windows, so only the 30-second window can bite.
    for (let n = 0; n < 60; n += 1) {
      clock = n * 500;
      expect((await send('a:1steady')).status).toBe(201);
    }
    clock = 29_999;
    const over = await send('a:1steady');

    expect(over.status).toBe(429);
    // The oldest message (t = 0) leaves the window at t = 30 s, 1 ms later, and Retry-After is whole seconds.
    expect(over.headers.get('retry-after')).toBe('1');
    clock = 30_000;
    expect((await send('a:1steady')).status).toBe(201);
    expect(emulator.stats.limitRejections).toBe(1);
  });

  it('enforces 50 requests per second per tenant across conversations', async () => {
    for (let n = 0; n < 50; n += 1) expect((await send(`a:1fan-${n}`)).status).toBe(201);
    const overTenant = await send('a:1fan-50');
    const otherTenant = await send('a:1fan-51', 'tenant-b');

    expect(overTenant.status).toBe(429);
    expect(((await overTenant.json()) as ErrorBody).error.message).toMatch(/tenant tenant-a/);
    expect(otherTenant.status).toBe(201);
    expect(emulator.stats.maxPerTenantPerSecond).toBe(50);
    expect(emulator.stats.limitRejections).toBe(1);
  });

  it('does not count refused requests toward the windows', async () => {
    for (let n = 0; n < 7; n += 1) await send('a:1eager');
    for (let n = 0; n < 5; n += 1) expect((await send('a:1eager')).status).toBe(429);
    clock = 1_001;
    // Were the refusals counted, the 2-second window would already be full.
    expect((await send('a:1eager')).status).toBe(201);
  });

  it('keeps limitRejections at zero for a sender that stays within every limit', async () => {
    for (let n = 0; n < 120; n += 1) {
      clock = n * 600;
      expect((await send('a:1polite')).status).toBe(201);
    }
    expect(emulator.stats.limitRejections).toBe(0);
    expect(emulator.stats.maxPerConversationPerSecond).toBe(2);
  });
});

describe('BotConnectorEmulator shutdown', () => {
  it('stops promptly while a timeout fault is holding a request, dropping that request', async () => {
    const emulator = new BotConnectorEmulator();
    const { url } = await emulator.start();
    emulator.injectFaults([{ kind: 'timeout', holdMs: 60_000 }]);

    const held = fetch(`${url}${conversationPath('a:1held')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message' }),
    }).then(
      (response) => `status ${response.status}`,
      () => 'dropped',
    );
    while (emulator.stats.injectedFaults === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await emulator.stop();

    await expect(held).resolves.toBe('dropped');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
