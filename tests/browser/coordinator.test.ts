import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { EditableEvent, EventUpdate } from '../../bot/src/shared/contracts';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { launchBrowser, screenshot, signInAs, startTabApp } from '../support/browser';
import { DEMO_POLL_ID } from '../../bot/src/demo/demo-polls';
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

async function openAsMikko(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${running.url}/tab/#/programme`);
  await signInAs(page, 'Mikko Nieminen');
  await page.locator('[data-event-row]').first().waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Koordinaattori' }).click();
  await page.getByRole('heading', { level: 1, name: 'Koordinaattorin näkymä' }).waitFor();
  return page;
}

const participantRows = (page: Page) => page.locator('[data-participant-row]');

/** Sanna, the other coordinator, edits the same event from her own tab (straight through the API). */
async function editAsSanna(eventId: string, title: string): Promise<void> {
  const token = await postJson(`${running.url}/dev-auth/token`, {
    tenantId: DEMO_TENANT_ID,
    aadObjectId: playgroundObjectId(2),
  });
  const headers = { Authorization: `Bearer ${(token.json as { access_token: string }).access_token}` };
  const read = await fetch(`${running.url}/api/events/${eventId}`, { headers });
  const event = (await read.json()) as EditableEvent;
  const update: EventUpdate = {
    title: { ...event.title, fi: title },
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    place: event.place,
    onlineUrl: event.onlineUrl,
    preAssignment: event.preAssignment,
  };
  const saved = await fetch(`${running.url}/api/events/${eventId}`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': read.headers.get('etag') ?? '' },
    body: JSON.stringify(update),
  });
  expect(saved.status).toBe(200);
}

describe("the coordinators' view in the tab", () => {
  it('shows Mikko the roster of municipalities and participants, a page at a time', async () => {
    const page = await openAsMikko();
    const municipalities = page.getByRole('table', { name: 'Kunnat' });
    await municipalities.getByRole('rowheader', { name: 'Hämeenlinna' }).waitFor();
    await expect(municipalities.locator('tbody tr').count()).resolves.toBe(20);

    await page.waitForFunction(() => document.querySelectorAll('[data-participant-row]').length === 25);
    await expect(page.getByText('Näytetään 25 / 67 osallistujaa.').isVisible()).resolves.toBe(true);
    await expect(participantRows(page).first().locator('td').nth(1).textContent()).resolves.not.toBe('');
    await page.getByRole('button', { name: 'Näytä lisää osallistujia' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-participant-row]').length === 50);
    await page.getByRole('button', { name: 'Näytä lisää osallistujia' }).click();
    await page.getByText('Kaikki 67 osallistujaa näytetään.').waitFor();
    await expect(page.getByRole('button', { name: 'Näytä lisää osallistujia' }).count()).resolves.toBe(0);
    const names = await participantRows(page).locator('th').allTextContents();
    expect(new Set(names).size).toBeGreaterThan(60);
    await expect(page.getByRole('table', { name: 'Osallistujat' }).textContent()).resolves.toContain(
      'Johtoryhmä ja ylin johto',
    );
    await screenshot(page, 'coordinator-roster');
    await page.close();
  });

  it('finds people in the roster by name or municipality, filters by role and status, and exports', async () => {
    const page = await openAsMikko();
    await page.waitForFunction(() => document.querySelectorAll('[data-participant-row]').length === 25);
    const search = page.getByRole('search', { name: 'Hae osallistujia' });
    await search.getByRole('searchbox', { name: 'Hae' }).fill('hameenlinna');
    await page.getByText(/^Kaikki \d+ osallistujaa näytetään\.$/).waitFor();
    const municipalities = await page.locator('[data-participant-row] td:first-of-type').allTextContents();
    expect(municipalities.length).toBeGreaterThan(0);
    expect(new Set(municipalities)).toEqual(new Set(['Hämeenlinna']));

    await search.getByRole('combobox', { name: 'Rooli' }).selectOption('leadership');
    await search.getByRole('combobox', { name: 'Tila' }).selectOption('guest');
    await search.getByRole('searchbox', { name: 'Hae' }).fill('aino hameenlinna');
    await page.waitForFunction(() => document.querySelectorAll('[data-participant-row]').length === 1);
    await expect(participantRows(page).locator('th').textContent()).resolves.toBe('Aino Korhonen');
    await page.getByText('Näytetään 1 osallistuja.').waitFor();
    await screenshot(page, 'coordinator-roster-filtered');

    const download = page.waitForEvent('download');
    await search.getByRole('button', { name: 'Lataa rajatut osallistujat (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('digiverkosto-osallistujat.csv');
    const text = await readFile((await file.path()) ?? '', 'utf8');
    expect(
      text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toEqual([
      '"Nimi";"Kunta";"Roolit";"Sähköposti";"Tila"',
      '"Aino Korhonen";"Hämeenlinna";"Johtoryhmä ja ylin johto, kehittämistehtävissä toimivat";"aino.korhonen@hameenlinna.fi";"Vieras"',
    ]);
    await page.getByText('Osallistujaluettelo ladattu.').first().waitFor();

    await search.getByRole('searchbox', { name: 'Hae' }).fill('ei-ketään-tällä-nimellä');
    await page
      .getByText('Hakuehtoja vastaavia osallistujia ei löytynyt. Tarkista haku tai tyhjennä suodattimet.')
      .waitFor();
    await search.getByRole('button', { name: 'Tyhjennä suodattimet' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-participant-row]').length === 25);
    await page.getByText('Näytetään 25 / 67 osallistujaa.').waitFor();
    await page.close();
  });

  it("shows a poll's breakdowns as a chart per topic or as a table that fits its card (issue 18, item 10)", async () => {
    // Aino has answered the demo poll, so Hämeenlinna and her roles have something to chart.
    const token = await postJson(`${running.url}/dev-auth/token`, {
      tenantId: DEMO_TENANT_ID,
      aadObjectId: playgroundObjectId(0),
    });
    const answered = await fetch(`${running.url}/api/polls/${DEMO_POLL_ID}/answer`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${(token.json as { access_token: string }).access_token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ topicIds: ['competence', 'leadership'] }),
    });
    expect(answered.status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${running.url}/tab/#/polls`);
    await signInAs(page, 'Mikko Nieminen');
    const manage = page.getByRole('region', { name: 'Kyselyt ja tulokset' });
    await manage.getByRole('button', { name: 'Näytä tulokset' }).first().click();
    const byMunicipality = page.getByRole('region', { name: 'Kunnittain' });
    await byMunicipality.waitFor();
    // A chart per topic, each naming its topic; every group's line stays inside the card.
    await expect(byMunicipality.getByRole('figure').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(byMunicipality.textContent()).resolves.toContain('1/1 vastaajaa (100 %)');
    await expect(byMunicipality.textContent()).resolves.toMatch(/Ei vielä vastaajia: .*Kuopio/);
    await byMunicipality.getByRole('figure', { name: 'Digitaalinen osaaminen' }).waitFor();
    const wider = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect(wider()).resolves.toBe(0);
    await screenshot(page, 'poll-breakdown-charts');

    await page.getByRole('radio', { name: 'Taulukko' }).check();
    const table = page.getByRole('table', { name: 'Kunnittain' });
    await table.waitFor();
    // The table fits its box: no sideways scrolling needed, its caption in view.
    const fits = await table.evaluate((element) => {
      const box = element.parentElement as HTMLElement;
      return box.scrollWidth <= box.clientWidth;
    });
    expect(fits).toBe(true);
    await expect(wider()).resolves.toBe(0);
    await screenshot(page, 'poll-breakdown-table');
    await page.close();
  });

  it('edits an event and the programme shows the change', async () => {
    const page = await openAsMikko();
    const chooser = page.getByRole('combobox', { name: 'Muokattava tapahtuma' });
    await chooser.locator('option', { hasText: 'Kehittämispaja 2' }).waitFor({ state: 'attached' });
    const value = await chooser.locator('option', { hasText: 'Kehittämispaja 2' }).getAttribute('value');
    await chooser.selectOption(value ?? '');
    const title = page.getByRole('textbox', { name: 'Otsikko suomeksi' });
    await title.waitFor();
    await title.fill('Kehittämispaja 2: Palvelumuodot ja asukkaat');
    // Dates and times are typed the Finnish way, whatever the browser's locale.
    const starts = page.getByRole('group', { name: /^Alkaa \(Suomen aikaa\)/ });
    await expect(starts.getByRole('textbox', { name: 'Päivämäärä' }).inputValue()).resolves.toMatch(
      /^\d{1,2}\.\d{1,2}\.\d{4}$/,
    );
    const startTime = starts.getByRole('textbox', { name: 'Kellonaika' });
    await expect(startTime.inputValue()).resolves.toBe('9.00');
    await startTime.fill('10.15');
    await screenshot(page, 'coordinator-editor');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page
      .getByRole('form', { name: 'Ohjelman muokkaus' })
      .getByText('Muutokset tallennettu: Kehittämispaja 2: Palvelumuodot ja asukkaat')
      .waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Ohjelma' }).click();
    const row = page.locator('[data-event-row="workshop-2"]');
    await row.getByRole('heading', { name: 'Kehittämispaja 2: Palvelumuodot ja asukkaat' }).waitFor();
    await expect(row.locator('time').textContent()).resolves.toMatch(/klo 10\.15–12\.00$/);
    await page.close();
  });

  it('tells Mikko when someone else changed the event while he was editing (412)', async () => {
    const page = await openAsMikko();
    const chooser = page.getByRole('combobox', { name: 'Muokattava tapahtuma' });
    await chooser.locator('option', { hasText: 'Kehittämispaja 3' }).waitFor({ state: 'attached' });
    await chooser.selectOption(
      (await chooser.locator('option', { hasText: 'Kehittämispaja 3' }).getAttribute('value')) ?? '',
    );
    const title = page.getByRole('textbox', { name: 'Otsikko suomeksi' });
    await title.waitFor();

    await editAsSanna('workshop-3', 'Kehittämispaja 3: Hankinnat (Sannan versio)');

    await title.fill('Kehittämispaja 3: Mikon versio');
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.request().method() === 'PUT'),
      page.getByRole('button', { name: 'Tallenna muutokset' }).click(),
    ]);
    expect(response.status()).toBe(412);
    await page.getByRole('alert').filter({ hasText: 'Joku muu muutti tapahtumaa sillä välin' }).waitFor();
    await screenshot(page, 'coordinator-conflict');
    await page.getByRole('button', { name: 'Lataa uusin versio' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('input[type="text"]')?.value ===
        'Kehittämispaja 3: Hankinnat (Sannan versio)',
    );
    await page.close();
  });
});
