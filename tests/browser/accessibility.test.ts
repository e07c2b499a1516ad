import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  describeViolations,
  launchBrowser,
  screenshot,
  signInAs,
  startTabApp,
} from '../support/browser';
import type { RunningApp } from '../support/test-app';

jest.setTimeout(180_000);

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [running, browser] = await Promise.all([startTabApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const THEMES = ['default', 'dark', 'contrast'] as const;

/** A coordinator sees every view; the page is signed in once and then moves between addresses. */
async function signedInPage(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'fi-FI' });
  await page.goto(`${running.url}/tab/${query}#/programme`);
  await signInAs(page, 'Mikko Nieminen');
  await page.locator('[data-event-row]').first().waitFor();
  return page;
}

async function open(page: Page, query: string, view: string): Promise<void> {
  await page.goto(`${running.url}/tab/${query}#/${view}`);
  const ready: Record<string, string> = {
    programme: '[data-event-row]',
    coordinator: '[data-participant-row]',
    // The network team panel has loaded (the demo has no team: its warning shows).
    reminders: '[data-network-team-state]',
    privacy: '#document-heading',
    terms: '#document-heading',
  };
  await page
    .locator(ready[view] ?? 'h1')
    .first()
    .waitFor();
  if (view === 'coordinator') {
    // Check the editing form too: open the first event.
    const chooser = page.locator('#main select').first();
    await chooser.locator('option').nth(1).waitFor({ state: 'attached' });
    await chooser.selectOption({ index: 1 });
    await page.locator('form fieldset').first().waitFor();
  }
  // Let Fluent's motion (badges, focus indicators) settle before measuring contrast.
  await page.waitForTimeout(200);
}

describe('accessibility (WCAG 2.1 AA, axe-core) in every theme', () => {
  for (const theme of THEMES) {
    it(`has no violations on the programme, coordinator, reminders and privacy views in the ${theme} theme`, async () => {
      const query = theme === 'default' ? '' : `?theme=${theme}`;
      const page = await signedInPage(query);
      await expect(page.locator('[data-theme]').getAttribute('data-theme')).resolves.toBe(theme);
      for (const view of ['programme', 'coordinator', 'reminders', 'privacy']) {
        await open(page, query, view);
        const violations = await axeViolations(page);
        if (violations.length > 0) throw new Error(`${view} (${theme}):\n${describeViolations(violations)}`);
        await screenshot(page, `${view}-${theme}`);
      }
      await page.close();
    });
  }

  it('follows the theme: dark and high-contrast backgrounds differ from light', async () => {
    const backgrounds: Record<string, string> = {};
    for (const theme of THEMES) {
      const page = await browser.newPage();
      await page.goto(`${running.url}/tab/?theme=${theme}#/privacy`);
      await page.locator('#document-heading').waitFor();
      backgrounds[theme] = await page
        .locator('[data-theme]')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
      await page.close();
    }
    expect(new Set(Object.values(backgrounds)).size).toBe(3);
    expect(backgrounds.contrast).toBe('rgb(0, 0, 0)');
  });

  it('has no violations in Swedish and English, and says so in the lang attribute', async () => {
    for (const language of ['sv', 'en'] as const) {
      const page = await signedInPage(`?lang=${language}`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      for (const view of ['programme', 'coordinator', 'reminders', 'privacy', 'terms']) {
        await open(page, `?lang=${language}`, view);
        const violations = await axeViolations(page);
        if (violations.length > 0)
          throw new Error(`${view} (${language}):\n${describeViolations(violations)}`);
      }
      await screenshot(page, `terms-${language}`);
      await page.close();
    }
  });

  it('shows the privacy notice without sign-in, with the retention period', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.url}/tab/?lang=en#/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await page.getByText('12 months after the round ends').waitFor();
    for (const heading of ['What is stored', 'Why', 'For how long', 'Your rights']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(describeViolations(violations));
    await page.close();
  });
});
