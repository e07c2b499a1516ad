import type { Browser, Page } from 'playwright-core';
import { seedDemoSurveys } from '../../bot/src/demo/demo-survey';
import { createLogger } from '../../bot/src/platform/observability/logger';
import {
  axeViolations,
  describeViolations,
  launchBrowser,
  screenshot,
  signInAs,
  startTabApp,
} from '../support/browser';
import type { RunningApp } from '../support/test-app';
import { surveyOf } from './support';

jest.setTimeout(180_000);

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [running, browser] = await Promise.all([startTabApp(), launchBrowser()]);
  const rounds = async () => (await running.app.repositories.programme.listRounds()).map((round) => round.id);
  await seedDemoSurveys(surveyOf(running.app).service, rounds, new Date(), createLogger('silent'));
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function openSurveyAs(name: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${running.url}/tab/#/programme`);
  await signInAs(page, name);
  await page.getByRole('navigation').getByRole('link', { name: 'Digikysely' }).click();
  await page.getByRole('heading', { level: 1, name: 'Henkilöstön digitalisaatiokysely' }).waitFor();
  return page;
}

describe('the survey view in the tab', () => {
  it("shows a coordinator every municipality's survey, its share link, QR code and results", async () => {
    const page = await openSurveyAs('Mikko Nieminen');
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(20);
    await page.getByRole('button', { name: 'Avaa: Hämeenlinna' }).click();
    await page.getByRole('img', { name: /Keskiarvot verrattuna verkostoon/ }).waitFor();
    const qr = page.getByRole('img', { name: 'QR-koodi vastauslinkkiin' });
    await expect(
      qr.evaluate((image: HTMLImageElement) => image.decode().then(() => image.naturalWidth)),
    ).resolves.toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /Aino Korhonen/ }).waitFor();
    await expect(page.getByRole('link', { name: /\/s\/[a-z2-9]{10}$/ }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Raportti (PDF)' }).count()).resolves.toBe(1);
    await screenshot(page, 'survey-tab-coordinator');
    const violations = await axeViolations(page);
    expect(describeViolations(violations)).toBe('');
    await page.close();
  });

  it("shows a leadership-team participant their own municipality's results and no other municipality", async () => {
    const page = await openSurveyAs('Aino Korhonen', 390);
    await page.getByRole('img', { name: /Keskiarvot verrattuna verkostoon/ }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Hämeenlinna');
    expect(text).not.toContain('Kangasala');
    expect(text).not.toContain('Porvoo');
    await screenshot(page, 'survey-tab-leadership-phone');
    const violations = await axeViolations(page);
    expect(describeViolations(violations)).toBe('');
    await page.close();
  });
});
