/**
 * The registration view in the tab, in Chromium against the real server with the demo network:
 * Aino registers for the closing day and answers the questions; a coordinator sees the
 * municipality × seats matrix and gives a waiting person a seat with a reason. WCAG 2.1 AA by axe
 * in the light, dark and high-contrast themes.
 */
import type { Browser, Page } from 'playwright-core';
import { seedDemoRegistration } from '../../bot/src/demo/seed-registration';
import { createLogger } from '../../bot/src/platform/observability/logger';
import type { RegistrationFeature } from '../../bot/src/registration';
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
  const registration = running.app.features.find(
    (feature) => feature.name === 'registration',
  ) as RegistrationFeature;
  await seedDemoRegistration(registration, running.app.repositories, new Date(), createLogger('silent'));
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function openAs(name: string, query = '', view = 'registration'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'fi-FI' });
  await page.goto(`${running.url}/tab/${query}#/${view}`);
  await signInAs(page, name);
  await page.locator('[data-registration-event]').first().waitFor();
  return page;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(200);
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`${what}:\n${describeViolations(violations)}`);
}

describe('the registration view', () => {
  it('lets Aino register for the closing day with her answers, and shows her seat and the calendar link', async () => {
    const page = await openAs('Aino Korhonen');
    const closing = page.locator('[data-registration-event="closing-day"]');
    await expect(closing.textContent()).resolves.toContain('Kuntasi paikat: Hämeenlinna 2/4');
    await expectAccessible(page, 'registration, before registering');
    await closing.getByRole('textbox', { name: 'Erityisruokavalio' }).fill('Kasvis');
    await closing.getByRole('button', { name: 'Ilmoittaudu' }).click();
    await closing.getByText('Paikkasi on vahvistettu. Tervetuloa!').waitFor();
    await expect(closing.textContent()).resolves.toContain('Hämeenlinna 3/4');
    await expect(
      closing.getByRole('link', { name: 'Lisää kalenteriin' }).getAttribute('href'),
    ).resolves.toMatch(/\/api\/registration\/links\/demo-round\/closing-day\/calendar\.ics\?token=/);
    await expect(closing.getByRole('textbox', { name: 'Erityisruokavalio' }).inputValue()).resolves.toBe(
      'Kasvis',
    );
    // The programme shows her standing too.
    await page.goto(`${running.url}/tab/#/programme`);
    await page
      .locator('[data-event-row="closing-day"]')
      .getByText('Paikkasi on vahvistettu. Tervetuloa!')
      .waitFor();
    await page.goto(`${running.url}/tab/#/registration`);
    await page.locator('[data-registration-event]').first().waitFor();
    // She hands in the first workshop's pre-assignment.
    const workshop = page.locator('[data-registration-event="workshop-1"]');
    await workshop.getByRole('button', { name: 'Palauta ennakkotehtävä' }).click();
    await workshop.getByRole('textbox', { name: 'Vastauksesi' }).fill('Osaaminen, johtaminen, hankinnat');
    await expectAccessible(page, 'registration, hand-in form');
    await workshop.getByRole('button', { name: 'Palauta ennakkotehtävä' }).click();
    await workshop.getByText(/^Palautit tehtävän \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}\.$/).waitFor();
    await expect(workshop.getByRole('button', { name: 'Muuta palautusta' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'registration, registered');
    await screenshot(page, 'registration-participant-fi');
    await page.close();
  });

  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`gives coordinators the matrix, the waitlist and decisions with a reason (${theme} theme)`, async () => {
      const query = theme === 'default' ? '' : `?theme=${theme}`;
      const page = await openAs('Mikko Nieminen', query);
      await page.getByRole('combobox', { name: 'Tapahtuma' }).selectOption({ value: 'closing-day' });
      const kangasala = page.locator('[data-matrix-row="kangasala"]');
      await kangasala.waitFor();
      await expect(kangasala.textContent()).resolves.toContain('4 (täynnä)');
      await expect(page.locator('[data-matrix-row="ylasavo"]').textContent()).resolves.toContain(
        '8 (oma kiintiö)',
      );
      await expectAccessible(page, `coordinator registration (${theme})`);
      if (theme === 'default') {
        const waiting = page.locator('[data-seat-person]').first();
        const name = (await waiting.getAttribute('data-seat-person')) ?? '';
        await waiting.getByRole('button', { name: /Anna paikka/ }).click();
        const reason = page.getByRole('textbox', { name: /Perustelu/ });
        await reason.fill('Tila saatiin suuremmaksi');
        await expectAccessible(page, 'coordinator decision form');
        await page.getByRole('button', { name: 'Vahvista päätös' }).click();
        await page.getByText('Tila saatiin suuremmaksi', { exact: false }).first().waitFor();
        await expect(page.locator('[data-matrix-row="kauniainen"]').textContent()).resolves.toContain(
          '3 (oma kiintiö)',
        );
        expect(name).not.toBe('');
        await screenshot(page, 'registration-coordinator-fi');
      }
      await page.close();
    });
  }
});
