/**
 * The "Verkoston tiimi" panel of the reminders view in real Chromium: with the app in two teams
 * and nothing chosen, a coordinator is warned that channel posts go nowhere, chooses the team
 * with the keyboard, and hears that it was saved.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-network';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { teamInstall, type Activity } from '../support/activities';
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

const NETWORK_TEAM = '19:digiverkosto-2025-2026@thread.tacv2';
const TEST_TEAM = '19:testitiimi@thread.tacv2';

let running: RunningApp;
let browser: Browser;
const emulator = new BotConnectorEmulator({ defaultTenantId: DEMO_TENANT_ID });

function installIn(teamId: string, teamName: string): Activity {
  const activity = teamInstall({ serviceUrl: emulator.serviceUrl });
  return {
    ...activity,
    conversation: { id: teamId, conversationType: 'channel', isGroup: true, tenantId: DEMO_TENANT_ID },
    channelData: {
      tenant: { id: DEMO_TENANT_ID },
      team: { id: teamId, name: teamName },
      channel: { id: teamId },
    },
  };
}

beforeAll(async () => {
  await emulator.start();
  [running, browser] = await Promise.all([startTabApp(), launchBrowser()]);
  for (const [teamId, name] of [
    [NETWORK_TEAM, 'Digiverkosto 2025–2026'],
    [TEST_TEAM, 'Testitiimi'],
  ] as const) {
    expect((await postJson(`${running.url}/api/messages`, installIn(teamId, name))).status).toBeLessThan(300);
  }
  await running.app.tasks.idle();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  await emulator.stop();
});

async function openReminders(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fi-FI' });
  await page.goto(`${running.url}/tab/#/programme`);
  await signInAs(page, 'Mikko Nieminen');
  await page.locator('[data-event-row]').first().waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Muistutukset' }).click();
  await page.getByRole('heading', { level: 2, name: 'Verkoston tiimi' }).waitFor();
  return page;
}

describe('the network team panel', () => {
  it('warns that channel posts go nowhere, and lets the coordinator choose the team by keyboard', async () => {
    const page = await openReminders();
    const panel = page.locator('[data-network-team]');
    const warning = panel.getByRole('alert');
    await warning.getByText('Kanavaviestit eivät mene minnekään').waitFor();
    await expect(warning.textContent()).resolves.toContain('eikä verkoston tiimiä ole valittu');
    const choice = panel.getByRole('radiogroup', { name: 'Kanavaviestien tiimi' });
    await expect(choice.getByRole('radio').count()).resolves.toBe(3);
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(describeViolations(violations));
    await screenshot(page, 'network-team-not-chosen');

    // Keyboard only: into the group, down to the network's team (by name), Tab to Save, Enter.
    const network = choice.getByRole('radio', { name: /^Digiverkosto 2025–2026, lisätty / });
    await choice.getByRole('radio').first().focus();
    for (let step = 0; step < 3 && !(await network.isChecked()); step += 1)
      await page.keyboard.press('ArrowDown');
    await expect(network.isChecked()).resolves.toBe(true);
    const save = panel.getByRole('button', { name: 'Tallenna valinta' });
    await save.focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('status').getByText('Verkoston tiimi tallennettu.').waitFor();
    await panel.getByText('Kanavaviestit menevät valittuun tiimiin Digiverkosto 2025–2026.').waitFor();
    await expect(panel.getByRole('alert').count()).resolves.toBe(0);
    // The shell's live region says it too, for a screen reader that is elsewhere on the page.
    await page
      .locator('[aria-live="polite"]', { hasText: 'Verkoston tiimi tallennettu.' })
      .first()
      .waitFor({ state: 'attached' });
    await screenshot(page, 'network-team-chosen');

    const rounds = await running.app.repositories.programme.listRounds();
    expect(rounds.filter((round) => round.teamId === NETWORK_TEAM)).toHaveLength(1);
    await page.close();
  });
});
