/**
 * The tab's peer-group view in a real browser against the real server with the demo network: a
 * leader answers her invitation, a coordinator sees the groups, the diagnostics and the answer.
 */
import type { Browser, Page } from 'playwright-core';
import { seedDemoPeerGroups } from '../../bot/src/demo/seed-peer-groups';
import type { GroupsFeature } from '../../bot/src/groups/groups-feature';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { axeViolations, describeViolations, launchBrowser, signInAs, startTabApp } from '../support/browser';
import type { RunningApp } from '../support/test-app';

jest.setTimeout(120_000);

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [running, browser] = await Promise.all([startTabApp(), launchBrowser()]);
  const feature = running.app.features.find((candidate) => candidate.name === 'groups') as GroupsFeature;
  await running.app.tasks.idle();
  await seedDemoPeerGroups(feature.groups, feature.invitations, new Date(), createLogger('silent'));
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function open(name: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${running.url}/tab/#/groups`);
  await signInAs(page, name);
  await page.getByRole('heading', { level: 1, name: 'Vertaisryhmät' }).waitFor();
  return page;
}

describe('the peer-group view', () => {
  it('lets Aino see her group and accept the invitation', async () => {
    const page = await open('Aino Korhonen');
    const accept = page.getByRole('button', { name: 'Osallistun' });
    await accept.waitFor();
    await page.getByText('Aino Korhonen (Hämeenlinna)').waitFor();
    await accept.click();
    await page.getByText('Olet ilmoittanut osallistuvasi').waitFor();
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(describeViolations(violations));
    await page.close();
  });

  it('shows a coordinator the groups with diagnostics and the answers', async () => {
    const page = await open('Mikko Nieminen');
    await page.getByRole('heading', { level: 2, name: 'Ryhmien muodostus' }).waitFor();
    await page.getByText(/Toistuvia pareja \d+ · saman kunnan pareja 0/).waitFor();
    await page.getByRole('article', { name: 'Ryhmä 1' }).waitFor();
    // Aino's answer from the test above, read from the answers API.
    await page.getByText(/Aino Korhonen \(Hämeenlinna\) – Osallistuu/).waitFor();
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(describeViolations(violations));
    await page.close();
  });
});
