import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_ROUND_ID, DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { SEEDED_PERSPECTIVES } from '../../bot/src/survey';
import type { Survey } from '../../bot/src/survey';
import { axeViolations, describeViolations, launchBrowser, screenshot } from '../support/browser';
import type { RunningApp } from '../support/test-app';
import { startSurveyApp, surveyOf } from './support';

const VIEWPORTS: readonly { name: string; options: BrowserContextOptions }[] = [
  {
    name: 'phone',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  },
  { name: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
];

let running: RunningApp;
let browser: Browser;
let survey: Survey;

beforeAll(async () => {
  running = await startSurveyApp();
  browser = await launchBrowser();
  survey = await surveyOf(running.app).service.create(
    {
      roundId: DEMO_ROUND_ID,
      municipalityId: 'porvoo',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
      headcount: 300,
      requireCode: false,
    },
    { tenantId: DEMO_TENANT_ID, aadObjectId: playgroundObjectId(1) },
  );
}, 60_000);
afterAll(async () => {
  await browser.close();
  await running.stop();
});

async function respondents(): Promise<number> {
  const { service } = surveyOf(running.app);
  service.forget(survey.id);
  return (await service.tally(survey.id)).respondents;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect(describeViolations(violations)).toBe('');
}

/** Rates every perspective by clicking its option's label, as a person taps it. */
async function rateAll(page: Page, value: string): Promise<void> {
  for (const perspective of SEEDED_PERSPECTIVES) {
    await page.locator(`#q-${perspective.id} input[value="${value}"]`).check();
  }
}

describe.each(VIEWPORTS)('the public answer page on a $name', ({ name, options }) => {
  it('is accessible, shows progress and sends a complete answer', async () => {
    // The page's CSP would block axe's injected script (as it should any inline script): tests bypass it.
    const context = await browser.newContext({ ...options, locale: 'fi-FI', bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // The 422 of the server-side check below is the page working; anything else is a fault.
      if (message.type() === 'error' && !message.text().includes('status of 422'))
        errors.push(message.text());
    });
    try {
      const before = await respondents();
      await page.goto(`${running.url}/s/${survey.code}`);
      await expect(page.title()).resolves.toContain('Henkilöstön digitalisaatiokysely – Porvoo');
      await expectAccessible(page, `survey-page-${name}`);
      // Each perspective is a group named by its legend.
      await expect(page.getByRole('group', { name: /Digiosaaminen/ }).count()).resolves.toBe(1);
      await expect(page.locator('#progress-text').textContent()).resolves.toBe('Arvioitu 0/11');

      // Sending too early lists what is missing, focused and announced.
      await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();
      await expect(page.locator('#errors').isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('errors');
      await expect(page.locator('#errors li').count()).resolves.toBe(SEEDED_PERSPECTIVES.length);
      await expectAccessible(page, `survey-page-${name}-errors`);

      // The server's own check, as a browser without JavaScript gets it (submit() skips the script).
      await page.locator('#q-ict-devices input[value="2"]').check();
      await Promise.all([
        page.waitForURL(/lang=fi/),
        page.evaluate(() => (document.getElementById('survey') as HTMLFormElement).submit()),
      ]);
      await expect(page.locator('#errors li').count()).resolves.toBe(SEEDED_PERSPECTIVES.length - 1);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('errors');
      await expectAccessible(page, `survey-page-${name}-server-errors`);

      await rateAll(page, '4');
      await page.locator('#q-e-participation input[value="x"]').check();
      await expect(page.locator('#progress-text').textContent()).resolves.toBe('Arvioitu 11/11');
      await page.getByRole('group', { name: 'Toimiala' }).getByLabel('Kasvatus ja koulutus').check();
      await page.getByLabel(/Mitä muuta haluat sanoa/).fill('Laitteet toimivat, ohjelmat eivät aina.');
      await expect(page.locator('#comment-count').textContent()).resolves.toContain('Merkkejä jäljellä');
      await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();
      await page.waitForURL(/\/thanks/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Kiitos vastauksistasi!',
      );
      await expectAccessible(page, `survey-thanks-${name}`);
      expect(await respondents()).toBe(before + 1);

      // The same browser again: answered already, no second form.
      await page.goto(`${running.url}/s/${survey.code}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Olet jo vastannut');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('works without JavaScript: the server lists the problems and keeps what was chosen', async () => {
    const context = await browser.newContext({
      ...options,
      locale: 'sv-FI',
      javaScriptEnabled: false,
      bypassCSP: true,
    });
    const page = await context.newPage();
    try {
      const before = await respondents();
      await page.goto(`${running.url}/s/${survey.code}?lang=sv`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
      await page.locator('#q-digital-competence input[value="5"]').check();
      await page.getByRole('button', { name: 'Skicka svaren' }).click();
      await expect(page.locator('#errors h2').textContent()).resolves.toBe('Kontrollera dina svar');
      await expect(page.title()).resolves.toMatch(/^Fel: /);
      await expect(page.locator('#q-digital-competence input[value="5"]').isChecked()).resolves.toBe(true);
      await screenshot(page, `survey-page-${name}-nojs-errors`);
      await rateAll(page, '2');
      await page.getByRole('button', { name: 'Skicka svaren' }).click();
      await page.waitForURL(/\/thanks/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Tack för dina svar!',
      );
      expect(await respondents()).toBe(before + 1);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the privacy page', () => {
  it('is accessible', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${running.url}/s/${survey.code}/privacy?lang=fi`);
      await expect(page.getByRole('heading', { name: 'Emme tallenna' }).count()).resolves.toBe(1);
      await expectAccessible(page, 'survey-privacy-phone');
    } finally {
      await context.close();
    }
  });
});
