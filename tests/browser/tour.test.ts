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

/**
 * Issue 18's tour: every participant and coordinator view in each language and theme, as a person
 * sees them (the screenshots under test-artifacts/screenshots/tour-*.png are looked at, not only
 * measured), with axe's WCAG 2.1 AA rules on each.
 */
jest.setTimeout(600_000);

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [running, browser] = await Promise.all([startTabApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const LANGUAGES = ['fi', 'sv', 'en'] as const;
const THEMES = ['default', 'dark', 'contrast'] as const;
const VIEWS: Record<string, string> = {
  programme: '[data-event-row]',
  groups: 'main h1',
  polls: 'main h1',
  coordinator: '[data-participant-row]',
};

async function settle(page: Page): Promise<void> {
  // Fluent's motion (badges, focus rings) settles before contrast is measured.
  await page.waitForTimeout(250);
}

describe('the tab in every language and theme (issue 18, items 4, 10 and 11)', () => {
  for (const language of LANGUAGES) {
    for (const theme of THEMES) {
      it(`reads well in ${language}, ${theme} theme: sign-in, programme, groups, polls, coordinator`, async () => {
        const query = `?lang=${language}${theme === 'default' ? '' : `&theme=${theme}`}`;
        const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, locale: 'en-US' });
        await page.goto(`${running.url}/tab/${query}#/programme`);
        const picker = page.getByRole('combobox', { name: /Käyttäjä|Användare|User/ });
        await picker.waitFor();
        // The sign-in card holds its picker: the select is no wider than the card.
        const [card, select] = await Promise.all([
          page.locator('form[aria-labelledby="sign-in-heading"]').boundingBox(),
          picker.boundingBox(),
        ]);
        expect(card && select && select.x + select.width <= card.x + card.width).toBe(true);
        await expectNoViolations(page, `sign-in (${language}, ${theme})`);
        await screenshot(page, `tour-${language}-${theme}-sign-in`);
        await signInAs(page, 'Mikko Nieminen');
        await page.locator('[data-event-row]').first().waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(language);

        for (const [view, ready] of Object.entries(VIEWS)) {
          await page.goto(`${running.url}/tab/${query}#/${view}`);
          await page.locator(ready).first().waitFor();
          if (view === 'groups') await formGroups(page, theme);
          await settle(page);
          await expectNoViolations(page, `${view} (${language}, ${theme})`);
          // Nothing wider than the page: the breakdowns and tables fit or scroll inside their box.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect({ view, overflow }).toEqual({ view, overflow: 0 });
          // Long lists render off-screen cards lazily (content-visibility); scrolling through
          // once draws them all for the full-page picture.
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          await settle(page);
          await screenshot(page, `tour-${language}-${theme}-${view}`);
        }
        await page.close();
      });
    }
  }
});

/**
 * The coordinator forms the groups (the same seed forms the same groups, so every run shows the
 * same) and the group cards keep a visible border in high contrast, where shadows are not drawn.
 */
async function formGroups(page: Page, theme: string): Promise<void> {
  // The discussion and its leaders are loaded first; a click before that has nothing to form.
  await page.getByText(/^\d+ (johtajaa|ledare|leaders)/).waitFor();
  await page.getByRole('button', { name: /^(Muodosta ryhmät|Bilda grupper|Form groups)$/ }).click();
  const card = page.locator('main article').first();
  await card.waitFor();
  const border = await card.evaluate((element) => {
    const style = getComputedStyle(element);
    return { width: style.borderTopWidth, color: style.borderTopColor };
  });
  expect(border.width).toBe('1px');
  if (theme === 'contrast') expect(border.color).not.toMatch(/^rgba\(0, 0, 0, 0\)$|transparent/);
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`${where}:\n${describeViolations(violations)}`);
}
