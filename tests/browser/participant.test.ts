import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { DEMO_POLL_ID } from '../../bot/src/demo/demo-polls';
import type { WishPollAdminView } from '../../bot/src/polls/wish-poll-contracts';
import {
  axeViolations,
  describeViolations,
  launchBrowser,
  screenshot,
  signInAs,
  startTabApp,
} from '../support/browser';
import { postJson, type RunningApp } from '../support/test-app';

jest.setTimeout(120_000);

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [running, browser] = await Promise.all([startTabApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function openAsAino(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${running.url}/tab/${query}#/programme`);
  await signInAs(page, 'Aino Korhonen');
  await page.locator('[data-event-row]').first().waitFor();
  return page;
}

const rows = (page: Page) => page.locator('[data-event-row]');

describe("a participant's programme in the tab", () => {
  it('shows Aino the programme in Finnish with Helsinki times written the Finnish way', async () => {
    const page = await openAsAino();
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ohjelma');
    const workshop = page.locator('[data-event-row="workshop-1"]');
    await expect(workshop.locator('time').textContent()).resolves.toMatch(
      /^(ma|ti|ke|to|pe|la|su) \d{1,2}\.\d{1,2}\.\d{4} klo 9\.00–12\.00$/,
    );
    await expect(
      workshop.getByRole('link', { name: /Liity verkkotapahtumaan/ }).getAttribute('href'),
    ).resolves.toMatch(/^https:\/\/teams\.microsoft\.com\//);
    await expect(workshop.textContent()).resolves.toContain('Ennakkotehtävä');
    // Her own municipality's roadmap workshop, with its address; not other municipalities'.
    const roadmap = page.locator('[data-event-row="roadmap-content-hameenlinna"]');
    await expect(roadmap.textContent()).resolves.toContain('Raatihuoneenkatu 9, 13100 Hämeenlinna');
    await screenshot(page, 'participant-programme-fi');
    await page.close();
  });

  it('filters by event type and switches to past events', async () => {
    const page = await openAsAino();
    await page.getByRole('combobox', { name: 'Tapahtuman tyyppi' }).selectOption({ label: 'Kehittämispaja' });
    await page.waitForFunction(() => document.querySelectorAll('[data-event-row]').length === 3);
    const ids = await rows(page).evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-event-row')),
    );
    expect(ids).toEqual(['workshop-1', 'workshop-2', 'workshop-3']);

    await page.getByRole('combobox', { name: 'Tapahtuman tyyppi' }).selectOption({ label: 'Kaikki tyypit' });
    await page.getByRole('radio', { name: 'Menneet' }).check();
    await page.waitForFunction(() => document.querySelectorAll('[data-event-row]').length === 2);
    const past = await rows(page).evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-event-row')),
    );
    expect(past).toEqual(['training-digital-future', 'kickoff']);
    await expect(page.locator('[data-event-row="kickoff"]').textContent()).resolves.toContain(
      'Kuntatalo, Toinen linja 14, 00530 Helsinki',
    );
    await screenshot(page, 'participant-programme-past');
    await page.close();
  });

  it('downloads an event as an iCalendar file with "add to calendar"', async () => {
    const page = await openAsAino();
    const link = page
      .locator('[data-event-row="workshop-1"]')
      .getByRole('link', { name: 'Lisää kalenteriin' });
    const [response, download] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().includes('/api/programme/workshop-1/calendar.ics')),
      page.waitForEvent('download'),
      link.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.ics"$/);
    // The tab fetched the file with the token and handed it to the browser as a download.
    const text = await readFile((await download.path()) ?? '', 'utf8');
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toContain('SUMMARY:Kehittämispaja 1: Osaaminen ja johtaminen');
    expect(download.suggestedFilename()).toBe('workshop-1.ics');
    await page.getByRole('status').filter({ hasText: 'Kalenteritiedosto ladattu' }).waitFor();
    await page.close();
  });

  it('speaks Swedish and English: from the language switcher and from the query', async () => {
    const page = await openAsAino();
    await page.getByRole('combobox', { name: 'Kieli' }).selectOption('sv');
    await page.getByRole('heading', { level: 1, name: 'Program' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.waitForFunction(() =>
      document.querySelector('[data-event-row="workshop-1"] time')?.textContent?.includes('kl. 9.00–12.00'),
    );
    await expect(page.locator('[data-event-row="workshop-1"] h2').textContent()).resolves.toBe(
      'Utvecklingsverkstad 1: Kompetens och ledarskap',
    );
    await screenshot(page, 'participant-programme-sv');

    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Programme' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.waitForFunction(() =>
      document.querySelector('[data-event-row="workshop-1"] time')?.textContent?.includes('at 9.00–12.00'),
    );
    await page.close();

    const english = await openAsAino('?lang=en');
    expect(await english.getAttribute('html', 'lang')).toBe('en');
    await expect(english.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Programme');
    await english.close();
  });

  it('can be used with the keyboard: skip link first, then the controls in order', async () => {
    const page = await openAsAino();
    await page.reload();
    await page.locator('[data-event-row]').first().waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Siirry sisältöön');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('radio');
    await page.close();
  });

  it('does not show the coordinators view to a participant', async () => {
    const page = await openAsAino();
    // A participant's navigation has the participants' views and none of the coordinators'.
    await expect(page.getByRole('navigation').getByRole('link').allTextContents()).resolves.toEqual([
      'Ohjelma',
      'Vertaisryhmät',
      'Aihetoiveet',
      'Digikysely',
      'Digitiekartta',
      'Ilmoittautumiset',
    ]);
    await page.goto(`${running.url}/tab/#/coordinator`);
    await page.getByText('Tämä näkymä on vain verkoston koordinaattoreille.').waitFor();
    await page.close();
  });
});

describe('results of closed polls in the tab (issue 18, item 10)', () => {
  async function bearer(index: number): Promise<Record<string, string>> {
    const token = await postJson(`${running.url}/dev-auth/token`, {
      tenantId: DEMO_TENANT_ID,
      aadObjectId: playgroundObjectId(index),
    });
    return {
      Authorization: `Bearer ${(token.json as { access_token: string }).access_token}`,
      'Content-Type': 'application/json',
    };
  }

  it('shows Aino the counts of a closed poll whose coordinators allowed it, her choice marked', async () => {
    const [mikko, aino] = await Promise.all([bearer(1), bearer(0)]);
    const hour = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const created = await fetch(`${running.url}/api/polls`, {
      method: 'POST',
      headers: mikko,
      body: JSON.stringify({
        question: { fi: 'Mikä aihe seuraavaan pajaan?', sv: 'Vilket ämne till nästa verkstad?' },
        topics: [
          { id: 'tekoaly', label: { fi: 'Tekoäly', sv: 'Artificiell intelligens' } },
          { id: 'tietosuoja', label: { fi: 'Tietosuoja', sv: 'Dataskydd' } },
        ],
        selection: { mode: 'single' },
        suggestionMaxLength: null,
        opensAt: hour(-1),
        closesAt: hour(24),
        resultsVisibleToParticipants: true,
      }),
    });
    expect(created.status).toBe(201);
    const poll = (await created.json()) as WishPollAdminView;
    const answered = await fetch(`${running.url}/api/polls/${poll.id}/answer`, {
      method: 'POST',
      headers: aino,
      body: JSON.stringify({ topicIds: ['tietosuoja'] }),
    });
    expect(answered.status).toBe(200);
    const closed = await fetch(`${running.url}/api/polls/${poll.id}/close`, {
      method: 'POST',
      headers: mikko,
    });
    expect(closed.status).toBe(200);

    const page = await openAsAino('?lang=sv');
    await page.getByRole('navigation').getByRole('link', { name: 'Ämnesönskemål' }).click();
    const section = page.getByRole('region', { name: 'Resultat av avslutade enkäter' });
    const article = section.getByRole('article', { name: 'Vilket ämne till nästa verkstad?' });
    await article.waitFor();
    await expect(article.textContent()).resolves.toMatch(
      /Enkäten stängdes \d{1,2}\.\d{1,2}\.\d{4} kl\. \d{1,2}\.\d{2}\. Svarande: 1\./,
    );
    await expect(article.getByText('Dataskydd (ditt val)').isVisible()).resolves.toBe(true);
    await expect(article.getByText('Artificiell intelligens').isVisible()).resolves.toBe(true);
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(describeViolations(violations));
    await screenshot(page, 'participant-closed-poll-results-sv');
    await page.close();
  });
  it('lets Aino leave a change of her answer unsaved: "Peru muutokset" brings back what is stored (item 8)', async () => {
    const aino = await bearer(0);
    const answered = await fetch(`${running.url}/api/polls/${DEMO_POLL_ID}/answer`, {
      method: 'POST',
      headers: aino,
      body: JSON.stringify({ topicIds: ['competence'] }),
    });
    expect(answered.status).toBe(200);
    const page = await openAsAino();
    await page.getByRole('navigation').getByRole('link', { name: 'Aihetoiveet' }).click();
    // The demo poll's topics in order: Digitaalinen osaaminen, Johtaminen, …
    const competence = page.locator('main form input[type=checkbox]').nth(0);
    const leadership = page.locator('main form input[type=checkbox]').nth(1);
    await competence.waitFor();
    await expect(competence.isChecked()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Peru muutokset' }).count()).resolves.toBe(0);
    await leadership.check();
    await competence.uncheck();
    await page.getByRole('button', { name: 'Tallenna muutokset' }).waitFor();
    await page.getByRole('button', { name: 'Peru muutokset' }).click();
    // The button goes once the form is back to the stored answer.
    await page.getByRole('button', { name: 'Peru muutokset' }).waitFor({ state: 'detached' });
    await expect(competence.isChecked()).resolves.toBe(true);
    await expect(leadership.isChecked()).resolves.toBe(false);
    await page.close();
  });
  it('"Lataa tietoni" on the privacy page downloads what is stored about Aino (item 7)', async () => {
    const page = await openAsAino();
    await page.goto(`${running.url}/tab/#/privacy/my-data`);
    const section = page.getByRole('region', { name: 'Omat tietosi' });
    await section.waitFor();
    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Lataa tietoni (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    const text = await readFile((await file.path()) ?? '', 'utf8');
    expect(text).toContain('aino.korhonen@hameenlinna.fi');
    await section.getByText(/^Tietosi on ladattu tiedostoon .+\.json\.$/).waitFor();
    await screenshot(page, 'participant-my-data-fi');
    await page.close();
  });
});
