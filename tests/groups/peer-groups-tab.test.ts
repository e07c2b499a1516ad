/**
 * The tab's peer-group view in a real browser against the real server with the demo network: a
 * leader answers her invitation, a coordinator sees the groups, the diagnostics and the answer.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { seedDemoPeerGroups } from '../../bot/src/demo/seed-peer-groups';
import type { MyGroupsResponse } from '../../bot/src/groups/peer-group-contracts';
import type { GroupsFeature } from '../../bot/src/groups/groups-feature';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { axeViolations, describeViolations, launchBrowser, signInAs, startTabApp } from '../support/browser';
import { postJson, type RunningApp } from '../support/test-app';

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

/** Aino answers her peer-group invitation as the tab does: her own meetings, then the RSVP. */
async function answerAsAino(response: 'accepted' | 'declined'): Promise<void> {
  const signIn = await postJson(`${running.url}/dev-auth/token`, {
    tenantId: DEMO_TENANT_ID,
    aadObjectId: playgroundObjectId(0),
  });
  const headers = {
    Authorization: `Bearer ${(signIn.json as { access_token: string }).access_token}`,
  };
  const mine = (await (await fetch(`${running.url}/api/groups/me`, { headers })).json()) as MyGroupsResponse;
  const [meeting] = mine.meetings;
  if (!meeting) throw new Error('Aino has no peer-group meeting in the demo');
  const answer = await postJson(
    `${running.url}/api/groups/meetings/${encodeURIComponent(meeting.meetingId)}/rsvp`,
    { response, sequence: meeting.sequence },
    headers,
  );
  expect(answer.status).toBe(200);
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
    // Aino's answer is given here, through the API the tab uses, so this test does not depend on
    // the one above having run (or passed) first.
    await answerAsAino('accepted');
    const page = await open('Mikko Nieminen');
    await page.getByRole('heading', { level: 2, name: 'Ryhmien muodostus' }).waitFor();
    await page.getByText(/Toistuvia pareja \d+ · saman kunnan pareja 0/).waitFor();
    await page.getByRole('article', { name: 'Ryhmä 1' }).waitFor();
    // Aino's answer, read from the answers API.
    await page.getByText(/Aino Korhonen \(Hämeenlinna\) – Osallistuu/).waitFor();
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(describeViolations(violations));
    await page.close();
  });
});
