/**
 * The roadmap view in real Chromium against the real server on Azurite with the demo's roadmaps:
 * the coordinators' network view, one roadmap's chart with its table, the filtered quarter
 * timeline, an edit that meets someone else's change (the 412 shown plainly, the newer version
 * shown), the history; a leader's own roadmap with the target-setting dot plot. axe finds nothing.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ROUND_ID } from '../../bot/src/demo/demo-network';
import { seedDemoRoadmaps } from '../../bot/src/demo/demo-roadmap';
import { seedDemoSurveys } from '../../bot/src/demo/demo-survey';
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { roadmapIdOf } from '../../bot/src/roadmap/roadmap';
import type { RoadmapView } from '../../bot/src/roadmap/roadmap-contracts';
import {
  axeViolations,
  describeViolations,
  launchBrowser,
  SCREENSHOT_DIR,
  screenshot,
  signInAs,
  startTabApp,
} from '../support/browser';
import type { RunningApp } from '../support/test-app';
import { surveyOf } from '../survey/support';
import { api, roadmapOf, tokenFor } from './support';

jest.setTimeout(240_000);

let running: RunningApp;
let browser: Browser;
const MIKKO = playgroundIdentity('mikko');
const PORVOO = roadmapIdOf(DEMO_ROUND_ID, 'porvoo');
const ACTION = 'Lomakkeiden siirto verkkoasiointiin, vaihe 1';

beforeAll(async () => {
  [running, browser] = await Promise.all([startTabApp(), launchBrowser()]);
  const rounds = async () => (await running.app.repositories.programme.listRounds()).map((round) => round.id);
  await seedDemoSurveys(surveyOf(running.app).service, rounds, new Date(), createLogger('silent'));
  await seedDemoRoadmaps(
    roadmapOf(running.app),
    () => running.app.repositories.participants.listAll(),
    new Date(),
    createLogger('silent'),
  );
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function openRoadmapAs(name: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${running.url}/tab/#/programme`);
  await signInAs(page, name);
  await page.getByRole('navigation').getByRole('link', { name: 'Digitiekartta' }).click();
  return page;
}

describe('the roadmap view in the tab', () => {
  it("shows coordinators every municipality's phase and actions, and opens one roadmap with its chart and table", async () => {
    const page = await openRoadmapAs('Mikko Nieminen');
    await page.getByRole('heading', { level: 1, name: 'Verkoston digitiekartat' }).waitFor();
    const porvooLink = page.getByRole('link', { name: 'Avaa: Porvoo' });
    await porvooLink.waitFor();
    const rows = page.locator('table').first().locator('tbody tr');
    await expect(rows.count()).resolves.toBe(20);
    await expect(page.getByRole('row', { name: /Porvoo Seuranta 11/ }).count()).resolves.toBe(1);
    await screenshot(page, 'roadmap-tab-network');
    expect(describeViolations(await axeViolations(page))).toBe('');

    await porvooLink.click();
    await page.getByRole('heading', { level: 1, name: 'Digitiekartta: Porvoo' }).waitFor();
    await page
      .getByRole('img', { name: /Lähtötaso ja tavoitetaso näkökulmittain: Digiosaaminen 3,7 → 4,2/ })
      .waitFor();
    await expect(page.getByRole('rowheader', { name: 'Digiosaaminen' }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[aria-current="step"]').textContent()).resolves.toBe('Seuranta');
    await page.getByText('Näytetään 11/11 toimenpidettä.').waitFor();

    // Filters: only the late ones, then one owner.
    await page.getByRole('combobox', { name: 'Tila' }).first().selectOption({ label: 'Myöhässä' });
    const late = (await page.getByText(/Näytetään \d+\/11 toimenpidettä\./).textContent()) ?? '';
    const lateCount = Number(/(\d+)\/11/.exec(late)?.[1]);
    expect(lateCount).toBeGreaterThan(0);
    expect(lateCount).toBeLessThan(11);
    await expect(page.getByRole('rowheader', { name: new RegExp(ACTION) }).count()).resolves.toBe(0);
    await page.getByRole('combobox', { name: 'Tila' }).first().selectOption({ label: 'Kaikki' });
    await page
      .getByRole('combobox', { name: 'Vastuuhenkilö' })
      .first()
      .selectOption({ label: 'Johan Nyström' });
    await page.getByRole('rowheader', { name: new RegExp(ACTION) }).waitFor();
    await expect(page.getByRole('rowheader', { name: /Erik Lindqvist/ }).count()).resolves.toBe(0);
    await page.getByRole('combobox', { name: 'Vastuuhenkilö' }).first().selectOption({ label: 'Kaikki' });
    expect(describeViolations(await axeViolations(page))).toBe('');
    await screenshot(page, 'roadmap-tab-porvoo');
    for (const [section, name] of [
      ['roadmap-levels', 'roadmap-tab-porvoo-levels'],
      ['roadmap-goals', 'roadmap-tab-porvoo-timeline'],
    ]) {
      await page
        .locator(`section[aria-labelledby="${section}"]`)
        .screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    }
    await page.close();
  });

  it('an edit that meets a colleague’s change says so plainly, shows the newer version, and saves on the second try', async () => {
    const page = await openRoadmapAs('Mikko Nieminen');
    await page.getByRole('link', { name: 'Avaa: Porvoo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digitiekartta: Porvoo' }).waitFor();
    await page.getByRole('button', { name: `Muokkaa: ${ACTION}` }).click();
    const form = page.getByRole('form', { name: `Muokkaa: ${ACTION}` });
    await form.waitFor();

    // A colleague saves the same action first.
    const token = await tokenFor(running, MIKKO.aadObjectId, 'Sanna Kollega');
    const current = (await api(running, `/api/roadmaps/${encodeURIComponent(PORVOO)}`, token))
      .json as RoadmapView;
    const action = current.goals.flatMap((goal) => goal.actions).find((a) => a.title === ACTION);
    if (!action) throw new Error('no action');
    const colleague = await api(
      running,
      `/api/roadmaps/${encodeURIComponent(PORVOO)}/actions/${action.id}`,
      token,
      {
        method: 'PUT',
        headers: { 'If-Match': action.etag },
        body: {
          goalId: action.goalId,
          title: ACTION,
          owner: action.owner?.aadObjectId
            ? { kind: 'participant', tenantId: action.owner.tenantId, aadObjectId: action.owner.aadObjectId }
            : null,
          start: action.start,
          end: action.end,
          status: action.status,
          indicator: action.indicator,
          note: 'Kollegan lisäys',
        },
      },
    );
    expect(colleague.status).toBe(200);

    await form.getByRole('combobox', { name: 'Tila' }).selectOption({ label: 'Valmis' });
    await form.getByRole('button', { name: 'Tallenna' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Joku muu muutti tätä sillä välin');
    await expect(alert.textContent()).resolves.toContain('Muutostasi ei tallennettu');
    await expect(form.getByRole('textbox', { name: 'Huomio' }).inputValue()).resolves.toBe('Kollegan lisäys');
    await screenshot(page, 'roadmap-tab-conflict');
    expect(describeViolations(await axeViolations(page))).toBe('');

    // The form now holds the colleague's version: saving again keeps both changes.
    await form.getByRole('combobox', { name: 'Tila' }).selectOption({ label: 'Valmis' });
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await form.waitFor({ state: 'detached' });
    const after = (await api(running, `/api/roadmaps/${encodeURIComponent(PORVOO)}`, token))
      .json as RoadmapView;
    const saved = after.goals.flatMap((goal) => goal.actions).find((a) => a.id === action.id);
    expect(saved).toMatchObject({ status: 'done', note: 'Kollegan lisäys' });
    const history = page.getByRole('table', { name: 'Muutoshistoria' });
    await history
      .getByRole('cell', { name: new RegExp(`${ACTION}`) })
      .first()
      .waitFor();
    await page.close();
  });

  it("shows a leader her own municipality's roadmap with the leaders' picks as a dot plot, and no other municipality", async () => {
    const page = await openRoadmapAs('Aino Korhonen', 390);
    await page.getByRole('heading', { level: 1, name: 'Digitiekartta: Hämeenlinna' }).waitFor();
    await page.getByRole('img', { name: /Johtoryhmän valinnat näkökulmittain/ }).waitFor();
    await page.getByText(/\d+\/\d+ johtoryhmän jäsentä on valinnut/).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const other of ['Porvoo', 'Kangasala', 'Kuopio']) expect(text).not.toContain(other);
    await expect(page.getByRole('button', { name: 'Avaa tavoitetasojen asettaminen' }).count()).resolves.toBe(
      0,
    );
    // A leader edits her roadmap's vision and adds a goal.
    await page.getByRole('button', { name: 'Muokkaa vaihetta, visiota ja seurantaa' }).click();
    const header = page.getByRole('form', { name: 'Muokkaa vaihetta, visiota ja seurantaa' });
    await header.getByRole('textbox', { name: 'Visio' }).fill('Hämeenlinna palvelee verkossa vuonna 2028.');
    expect(describeViolations(await axeViolations(page))).toBe('');
    await header.getByRole('button', { name: 'Tallenna' }).click();
    await header.waitFor({ state: 'detached' });
    await page.getByText('Hämeenlinna palvelee verkossa vuonna 2028.').first().waitFor();
    await page.getByRole('button', { name: 'Uusi tavoite' }).click();
    const goal = page.getByRole('form', { name: 'Uusi tavoite' });
    await goal.getByRole('textbox', { name: /Otsikko/ }).fill('Asiointi verkossa');
    await goal.getByRole('combobox', { name: 'Näkökulma' }).selectOption({ label: 'Sähköiset palvelut' });
    await goal.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByRole('heading', { level: 3, name: 'Asiointi verkossa' }).waitFor();
    await page
      .getByRole('cell', { name: /Tavoite lisätty: Asiointi verkossa|Asiointi verkossa/ })
      .first()
      .waitFor();
    await screenshot(page, 'roadmap-tab-leader-phone');
    await page
      .locator('section[aria-labelledby="roadmap-targets"]')
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'roadmap-tab-leader-targets.png') });
    expect(describeViolations(await axeViolations(page))).toBe('');
    await page.close();
  });
});
