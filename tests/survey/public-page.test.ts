import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { SEEDED_PERSPECTIVES } from '../../bot/src/survey';
import type { SurveyAdminView } from '../../bot/src/survey/survey-contracts';
import { cookieName } from '../../bot/src/survey/public-routes';
import { toWallClockText } from '../../bot/src/shared/i18n/helsinki-time';
import type { RunningApp } from '../support/test-app';
import { testStorageConnectionString } from '../support/test-app';
import { TableClient } from '@azure/data-tables';
import { FormBrowser, api, formToken, fullAnswer, startSurveyApp, surveyOf, tokenFor } from './support';

const MIKKO = playgroundObjectId(1);
const IDS = SEEDED_PERSPECTIVES.map((p) => p.id);
const hoursFromNow = (hours: number): string => toWallClockText(new Date(Date.now() + hours * 3_600_000));

let running: RunningApp;
let coordinator: string;

beforeAll(async () => {
  running = await startSurveyApp({
    appOptions: { survey: { publicPage: { submitLimit: { burst: 1000, perSecond: 100 } } } },
  });
  coordinator = await tokenFor(running, MIKKO, DEMO_TENANT_ID);
});
afterAll(async () => {
  await running.stop();
});

async function createSurvey(
  municipalityId: string,
  options: { opensIn?: number; closesIn?: number; requireCode?: boolean } = {},
): Promise<SurveyAdminView> {
  const response = await api(running, '/api/survey/surveys', coordinator, {
    method: 'POST',
    body: {
      municipalityId,
      opensAt: hoursFromNow(options.opensIn ?? -1),
      closesAt: hoursFromNow(options.closesIn ?? 24),
      headcount: 120,
      requireCode: options.requireCode ?? false,
    },
  });
  expect(response.status).toBe(201);
  return response.json as SurveyAdminView;
}

async function respondents(surveyId: string): Promise<number> {
  const tally = await surveyOf(running.app).repository.readShards(surveyId);
  return tally.reduce((sum, shard) => sum + shard.value.tally.respondents, 0);
}

async function answerRows(surveyId: string): Promise<Record<string, unknown>[]> {
  const client = TableClient.fromConnectionString(
    testStorageConnectionString(),
    running.app.store.tableName('surveyanswers'),
    { allowInsecureConnection: true },
  );
  const rows: Record<string, unknown>[] = [];
  for await (const entity of client.listEntities({
    queryOptions: { filter: `PartitionKey eq '${surveyId}' and RowKey ge 'a|' and RowKey lt 'a}'` },
  })) {
    rows.push(entity);
  }
  return rows;
}

describe('the public answer page', () => {
  it('serves an accessible form with strict headers and a per-browser token cookie', async () => {
    const survey = await createSurvey('kangasala');
    const browser = new FormBrowser(running.url);
    const page = await browser.get(`/s/${survey.code}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const setCookie = page.headers.getSetCookie().join('\n');
    expect(setCookie).toContain(`${cookieName(survey.code)}=v1.`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(page.html).toContain('<html lang="fi">');
    expect(page.html.match(/<fieldset class="q" id="q-/g)).toHaveLength(IDS.length);
    expect(page.html).toContain('<legend><span class="q-label">Digiosaaminen</span>');
    expect(page.html).toContain('En osaa sanoa');
    expect(page.html).not.toMatch(/https?:\/\/(?!localhost|127\.0\.0\.1)/);
    expect(formToken(page.html)).toBe(browser.cookie(cookieName(survey.code)));
    const swedish = await browser.get(`/s/${survey.code}?lang=sv`);
    expect(swedish.html).toContain('<html lang="sv">');
    expect(swedish.html).toContain('Digital kompetens');
  });

  it('saves a complete answer once, redirects to the thanks page and stores nothing about the browser', async () => {
    const survey = await createSurvey('porvoo');
    const browser = new FormBrowser(running.url, {
      'User-Agent': 'TestBrowser/1.0 (unique-agent-string)',
      'X-Forwarded-For': '203.0.113.77',
    });
    const page = await browser.get(`/s/${survey.code}`);
    const token = formToken(page.html);
    const sent = await browser.post(`/s/${survey.code}?lang=fi`, {
      token,
      ...fullAnswer(IDS, { 'r.ict-devices': '5', 'r.e-participation': 'x', 'b.department': 'education' }),
      comment: 'Laitteet ovat hyviä.',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/s/${survey.code}/thanks?lang=fi`);
    expect(browser.cookie(cookieName(survey.code))).toBe('done');
    expect(await respondents(survey.id)).toBe(1);
    const thanks = await browser.get(`/s/${survey.code}/thanks?lang=fi`);
    expect(thanks.html).toContain('Kiitos vastauksistasi');
    const again = await browser.get(`/s/${survey.code}`);
    expect(again.html).toContain('Olet jo vastannut');

    const rows = await answerRows(survey.id);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain('203.0.113.77');
    expect(stored).not.toContain('unique-agent-string');
    expect(stored).not.toContain(token);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      [
        'answer',
        'channel',
        'etag',
        'instrumentVersion',
        'partitionKey',
        'rowKey',
        'shard',
        'timestamp',
      ].sort(),
    );

    // The same token again (a replay, or the back button and resend): refused, nothing counted twice.
    const replay = new FormBrowser(running.url);
    await replay.get('/healthz');
    const replayed = await fetch(`${running.url}/s/${survey.code}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: `${cookieName(survey.code)}=${token}`,
      },
      body: new URLSearchParams({ token, ...fullAnswer(IDS) }).toString(),
      redirect: 'manual',
    });
    expect(replayed.status).toBe(409);
    expect(await replayed.text()).toContain('Olet jo vastannut');
    expect(await respondents(survey.id)).toBe(1);
  });

  it('sends an incomplete, out-of-range or oversized answer back with every problem named, and stores nothing', async () => {
    const survey = await createSurvey('kuopio');
    const browser = new FormBrowser(running.url);
    const token = formToken((await browser.get(`/s/${survey.code}`)).html);

    const empty = await browser.post(`/s/${survey.code}`, { token });
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('role="alert"');
    expect(empty.html).toContain('<title>Virhe: ');
    expect(empty.html.match(/valitse yksi vaihtoehto/g)?.length).toBeGreaterThanOrEqual(IDS.length);

    const outOfRange = await browser.post(`/s/${survey.code}`, {
      token,
      ...fullAnswer(IDS, { 'r.e-services': '7', 'b.department': 'space-agency' }),
      comment: 'Säilyy',
    });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.html).toContain('Sähköiset palvelut: valitse yksi annetuista vaihtoehdoista.');
    expect(outOfRange.html).toContain('Toimiala: valitse yksi annetuista vaihtoehdoista.');
    // What was typed comes back.
    expect(outOfRange.html).toContain('>Säilyy</textarea>');
    expect(outOfRange.html).toMatch(/name="r\.ict-devices" value="3" checked/);

    const oversized = await browser.post(`/s/${survey.code}`, {
      token,
      ...fullAnswer(IDS),
      comment: 'x'.repeat(2001),
    });
    expect(oversized.status).toBe(422);
    expect(oversized.html).toContain('2001 merkkiä pitkä; enintään 2000');

    const tooLarge = await browser.post(`/s/${survey.code}`, {
      token,
      ...fullAnswer(IDS),
      comment: 'y'.repeat(40_000),
    });
    expect(tooLarge.status).toBe(413);

    expect(await respondents(survey.id)).toBe(0);
    expect(await answerRows(survey.id)).toHaveLength(0);
    // The token was never spent: the corrected answer goes through.
    const fixed = await browser.post(`/s/${survey.code}`, { token, ...fullAnswer(IDS) });
    expect(fixed.status).toBe(303);
    expect(await respondents(survey.id)).toBe(1);
  });

  it('refuses a form whose token is forged or not this browser’s, and a post from another site', async () => {
    const survey = await createSurvey('rovaniemi');
    const browser = new FormBrowser(running.url);
    const token = formToken((await browser.get(`/s/${survey.code}`)).html);
    const other = new FormBrowser(running.url);
    const otherToken = formToken((await other.get(`/s/${survey.code}`)).html);

    const mismatched = await browser.post(`/s/${survey.code}`, { token: otherToken, ...fullAnswer(IDS) });
    expect(mismatched.status).toBe(400);
    expect(mismatched.html).toContain('Lomake oli vanhentunut');
    // A fresh token is issued and the answers come back.
    expect(formToken(mismatched.html)).not.toBe(otherToken);
    expect(mismatched.html).toMatch(/name="r\.ict-devices" value="3" checked/);

    const forged = `${token.slice(0, -4)}AAAA`;
    const forgedResponse = await fetch(`${running.url}/s/${survey.code}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: `${cookieName(survey.code)}=${forged}`,
      },
      body: new URLSearchParams({ token: forged, ...fullAnswer(IDS) }).toString(),
      redirect: 'manual',
    });
    expect(forgedResponse.status).toBe(400);

    const crossSite = await browser.post(
      `/s/${survey.code}`,
      { token: formToken((await browser.get(`/s/${survey.code}`)).html), ...fullAnswer(IDS) },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect(await respondents(survey.id)).toBe(0);
  });

  it('answers an unknown survey, a closed one and one not yet open clearly, and changes nothing', async () => {
    const unknown = await fetch(`${running.url}/s/abcdefghjk`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Kyselyä ei löydy');
    const malformed = await fetch(`${running.url}/s/..%2F..%2Fetc`);
    expect(malformed.status).toBe(404);

    const later = await createSurvey('salo', { opensIn: 24, closesIn: 48 });
    const laterPage = await new FormBrowser(running.url).get(`/s/${later.code}`);
    expect(laterPage.html).toContain('Kysely ei ole vielä auki');
    const laterPost = await new FormBrowser(running.url).post(`/s/${later.code}`, {
      token: 'v1.x',
      ...fullAnswer(IDS),
    });
    expect(laterPost.status).toBe(409);

    const open = await createSurvey('kemi');
    const browser = new FormBrowser(running.url);
    const token = formToken((await browser.get(`/s/${open.code}`)).html);
    const closed = await api(running, `/api/survey/surveys/${open.id}/close`, coordinator, {
      method: 'POST',
    });
    expect(closed.status).toBe(200);
    expect((closed.json as SurveyAdminView).status).toBe('closed');
    const late = await browser.post(`/s/${open.code}`, { token, ...fullAnswer(IDS) });
    expect(late.status).toBe(409);
    expect(late.html).toContain('Kysely on päättynyt');
    expect(await respondents(open.id)).toBe(0);
    const closedPage = await new FormBrowser(running.url).get(`/s/${open.code}`);
    expect(closedPage.html).toContain('Kysely on päättynyt');
  });

  it('takes one-time codes once each when the municipality asks for them', async () => {
    const survey = await createSurvey('iisalmi', { requireCode: true });
    const codes = await api(running, `/api/survey/surveys/${survey.id}/codes`, coordinator, {
      method: 'POST',
      body: { count: 3 },
    });
    expect(codes.status).toBe(201);
    expect(codes.headers.get('content-type')).toContain('text/csv');
    const list = codes.text.replace('\uFEFF', '').replace(/"/g, '').trim().split(/\r\n/).slice(1);
    expect(list).toHaveLength(3);
    const code = list[0] ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const browser = new FormBrowser(running.url);
    const token = formToken((await browser.get(`/s/${survey.code}`)).html);
    const without = await browser.post(`/s/${survey.code}`, { token, ...fullAnswer(IDS) });
    expect(without.status).toBe(422);
    expect(without.html).toContain('Kirjoita vastauskoodisi.');
    const wrong = await browser.post(`/s/${survey.code}`, { token, ...fullAnswer(IDS), code: 'AAAA-BBBB' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Vastauskoodi ei kelpaa');
    const right = await browser.post(`/s/${survey.code}`, {
      token,
      ...fullAnswer(IDS),
      code: code.toLowerCase(),
    });
    expect(right.status).toBe(303);

    const second = new FormBrowser(running.url);
    const secondToken = formToken((await second.get(`/s/${survey.code}`)).html);
    const reused = await second.post(`/s/${survey.code}`, { token: secondToken, ...fullAnswer(IDS), code });
    expect(reused.status).toBe(422);
    expect(reused.html).toContain('Vastauskoodi ei kelpaa');
    expect(await respondents(survey.id)).toBe(1);
  });

  it('serves the share link as a QR code in PNG and SVG', async () => {
    const survey = await createSurvey('ylojarvi');
    const png = await fetch(`${running.url}/s/${survey.code}/qr.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const svg = await fetch(`${running.url}/s/${survey.code}/qr.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('says on its privacy page what is stored and what is not', async () => {
    const survey = await createSurvey('pieksamaki');
    const page = await new FormBrowser(running.url).get(`/s/${survey.code}/privacy?lang=en`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('We do not store');
    expect(page.html).toContain('IP address');
    expect(page.html).toContain('user agent');
  });
});

describe('rate limits per address', () => {
  it('answers too many posts from one address with 429 and keeps what was typed', async () => {
    const limited = await startSurveyApp({
      appOptions: { survey: { publicPage: { submitLimit: { burst: 2, perSecond: 0.001 } } } },
    });
    try {
      const token = await tokenFor(limited, MIKKO, DEMO_TENANT_ID);
      const created = await api(limited, '/api/survey/surveys', token, {
        method: 'POST',
        body: { municipalityId: 'lieksa', opensAt: hoursFromNow(-1), closesAt: hoursFromNow(5) },
      });
      const survey = created.json as SurveyAdminView;
      const statuses: number[] = [];
      let last = '';
      for (let i = 0; i < 3; i += 1) {
        const browser = new FormBrowser(limited.url);
        const formTokenValue = formToken((await browser.get(`/s/${survey.code}`)).html);
        const sent = await browser.post(`/s/${survey.code}`, {
          token: formTokenValue,
          ...fullAnswer(IDS),
          comment: 'pidä tämä',
        });
        statuses.push(sent.status);
        last = sent.html;
        if (sent.status === 429) expect(Number(sent.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([303, 303, 429]);
      expect(last).toContain('>pidä tämä</textarea>');
    } finally {
      await limited.stop();
    }
  });
});
