/**
 * The top-management peer groups end to end, through the real server on Azurite and the Bot
 * Connector emulator: coordinators form, preview, correct and send; leaders get their invitation
 * cards, answer them in Teams, fetch the .ics, and coordinators see the answers.
 */
import ICAL from 'ical.js';
import type {
  AnswersResponse,
  DiscussionsResponse,
  FormationView,
  MyGroupsResponse,
  RsvpResult,
} from '../../bot/src/groups/peer-group-contracts';
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { PersonalChatRepository } from '../../bot/src/delivery/personal-chat-repository';
import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-network';
import { BotConnectorEmulator, type RecordedActivity } from '../emulators/bot-connector-emulator';
import { TENANT, type Person } from '../support/activities';
import {
  AINO,
  DISCUSSION,
  ERIK,
  JOHANNA,
  MIKKO,
  PEKKA,
  ROUND,
  api,
  cardText,
  execute,
  executeActions,
  invoke,
  memberIdOfPerson,
  movableClock,
  openUrls,
  personalText,
  startGroupsApp,
  tokenFor,
  waitFor,
  type GroupsApp,
} from './support';

// 10.00 on a Monday in Helsinki summer time; the demo's first leadership discussion is nine days
// later, 10.9.2025 at 14.00-15.30 Helsinki time (11.00-12.30 UTC).
const NOW = '2025-09-01T07:00:00.000Z';
const clock = movableClock(NOW);

let connector: BotConnectorEmulator;
let serviceUrl: string;

beforeAll(async () => {
  connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  serviceUrl = (await connector.start()).url;
});
afterAll(async () => {
  await connector.stop();
});
beforeEach(() => {
  connector.reset();
  clock.set(NOW);
});

async function withApp(work: (running: GroupsApp) => Promise<void>): Promise<void> {
  const running = await startGroupsApp({ clock, serviceUrl, env: { SEED_DEMO: 'false' } });
  try {
    await work(running);
  } finally {
    await running.stop();
  }
}

async function form(running: GroupsApp, seed = 'seed-1', groupSize = 5): Promise<FormationView> {
  const token = await tokenFor(running, MIKKO);
  const answer = await api<FormationView>(running, `/api/groups/discussions/${DISCUSSION}/formation`, token, {
    method: 'POST',
    body: { seed, groupSize },
  });
  expect(answer.status).toBe(201);
  return answer.json;
}

function groupOf(formation: FormationView, who: Person) {
  const group = formation.groups.find((candidate) =>
    candidate.members.some((member) => member.memberId === memberIdOfPerson(who)),
  );
  if (!group) throw new Error(`${who.name} is in no group`);
  return group;
}

/** Invitation cards carry the answer buttons, or (once cancelled) the link to the cancellation. */
function isInvitation(recorded: RecordedActivity): boolean {
  const json = JSON.stringify(recorded.activity.attachments ?? []);
  return json.includes(VERBS.rsvp) || json.includes('/invitation.ics?token=');
}

function cardOf(recorded: RecordedActivity | undefined): Record<string, unknown> {
  const content = recorded?.activity.attachments?.[0]?.content as Record<string, unknown> | undefined;
  if (!content) throw new Error('no card');
  return content;
}

/** The invitation cards each person got, newest last. */
async function cardsFor(running: GroupsApp, who: Person): Promise<Record<string, unknown>[]> {
  const chat = await new PersonalChatRepository(running.app.store).get({
    tenantId: DEMO_TENANT_ID,
    aadObjectId: who.aadObjectId,
  });
  if (!chat) return [];
  return connector.activitiesFor(chat.conversationId).filter(isInvitation).map(cardOf);
}

async function waitForInvitations(count: number): Promise<void> {
  await waitFor(
    () => connector.allActivities().filter(isInvitation).length >= count,
    15_000,
    `${count} invitations`,
  );
}

async function sendInvitations(running: GroupsApp): Promise<void> {
  const answer = await api(
    running,
    `/api/groups/discussions/${DISCUSSION}/invitations`,
    await tokenFor(running, MIKKO),
    {
      method: 'POST',
    },
  );
  expect(answer.status).toBe(200);
}

async function answers(running: GroupsApp): Promise<AnswersResponse> {
  const answer = await api<AnswersResponse>(
    running,
    `/api/groups/discussions/${DISCUSSION}/answers`,
    await tokenFor(running, MIKKO),
  );
  expect(answer.status).toBe(200);
  return answer.json;
}

function answerOf(all: AnswersResponse, who: Person) {
  for (const group of all.groups) {
    const member = group.members.find((candidate) => candidate.memberId === memberIdOfPerson(who));
    if (member) return { group, member };
  }
  throw new Error(`${who.name} has no answer row`);
}

function parseIcs(text: string): { method: string; event: ICAL.Event } {
  const calendar = ICAL.Component.fromString(text);
  ICAL.TimezoneService.reset();
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: String(calendar.getFirstPropertyValue('method')), event: new ICAL.Event(vevent) };
}

afterEach(() => ICAL.TimezoneService.reset());

describe('forming the groups', () => {
  it('previews balanced cross-municipality groups, the same for the same seed, for coordinators only', async () => {
    await withApp(async (running) => {
      const coordinator = await tokenFor(running, MIKKO);
      const participant = await tokenFor(running, AINO);
      expect(
        (
          await api(running, `/api/groups/discussions/${DISCUSSION}/formation`, participant, {
            method: 'POST',
            body: { seed: 'x' },
          })
        ).status,
      ).toBe(403);

      const discussions = await api<DiscussionsResponse>(running, '/api/groups/discussions', coordinator);
      expect(discussions.json.discussions.map((discussion) => discussion.eventId)).toEqual([
        'leadership-1',
        'leadership-2',
        'leadership-3',
      ]);
      expect(discussions.json.leaders).toBe(13);

      const formation = await form(running, 'seed-1');
      const members = formation.groups.flatMap((group) => group.members.map((member) => member.memberId));
      expect(members).toHaveLength(13);
      expect(new Set(members).size).toBe(13);
      expect(formation.groups.map((group) => group.members.length).sort()).toEqual([4, 4, 5]);
      for (const group of formation.groups) {
        const municipalities = group.members.map((member) => member.municipalityId);
        expect(new Set(municipalities).size).toBe(municipalities.length);
      }
      expect(formation.diagnostics.municipalityConflicts).toBe(0);
      expect(formation.diagnostics.sizeSpread).toEqual({ smallest: 4, largest: 5 });
      expect(
        groupOf(formation, AINO).members.find((member) => member.name === 'Aino Korhonen')?.municipalityName,
      ).toBe('Hämeenlinna');

      const again = await api<FormationView>(
        running,
        `/api/groups/discussions/${DISCUSSION}/formation`,
        coordinator,
        {
          method: 'POST',
          body: { seed: 'seed-1', groupSize: 5 },
          headers: { 'If-Match': formation.etag },
        },
      );
      expect(again.status).toBe(201);
      expect(again.json.groups).toEqual(formation.groups);

      // A second coordinator working from the first version is told, not overwritten.
      const stale = await api(running, `/api/groups/discussions/${DISCUSSION}/formation`, coordinator, {
        method: 'POST',
        body: { seed: 'other' },
        headers: { 'If-Match': formation.etag },
      });
      expect(stale.status).toBe(412);
    });
  });

  it('moves a member, keeps a locked group when re-forming the rest, and places everyone once', async () => {
    await withApp(async (running) => {
      const coordinator = await tokenFor(running, MIKKO);
      const formation = await form(running, 'seed-2');
      const ainoGroup = groupOf(formation, AINO);
      const target = formation.groups.find((group) => group.index !== ainoGroup.index);
      if (!target) throw new Error('one group only');
      const moved = await api<FormationView>(
        running,
        `/api/groups/discussions/${DISCUSSION}/move`,
        coordinator,
        {
          method: 'POST',
          body: { memberId: memberIdOfPerson(AINO), targetIndex: target.index },
          headers: { 'If-Match': formation.etag },
        },
      );
      expect(moved.status).toBe(200);
      expect(groupOf(moved.json, AINO).index).toBe(target.index);

      const locked = await api<FormationView>(
        running,
        `/api/groups/discussions/${DISCUSSION}/lock`,
        coordinator,
        {
          method: 'POST',
          body: { index: target.index, locked: true },
          headers: { 'If-Match': moved.json.etag },
        },
      );
      expect(locked.status).toBe(200);
      const kept = locked.json.groups.find((group) => group.index === target.index);
      expect(kept?.locked).toBe(true);

      const reformed = await api<FormationView>(
        running,
        `/api/groups/discussions/${DISCUSSION}/reform`,
        coordinator,
        {
          method: 'POST',
          body: { seed: 'another-seed' },
          headers: { 'If-Match': locked.json.etag },
        },
      );
      expect(reformed.status).toBe(200);
      expect(reformed.json.groups.find((group) => group.index === target.index)).toEqual(kept);
      const everyone = reformed.json.groups.flatMap((group) =>
        group.members.map((member) => member.memberId),
      );
      expect(everyone).toHaveLength(13);
      expect(new Set(everyone).size).toBe(13);

      const unversioned = await api(running, `/api/groups/discussions/${DISCUSSION}/move`, coordinator, {
        method: 'POST',
        body: { memberId: memberIdOfPerson(AINO), targetIndex: 0 },
      });
      expect(unversioned.status).toBe(428);
      const unknown = await api(running, `/api/groups/discussions/${DISCUSSION}/move`, coordinator, {
        method: 'POST',
        body: { memberId: `${DEMO_TENANT_ID}|nobody`, targetIndex: 0 },
        headers: { 'If-Match': reformed.json.etag },
      });
      expect(unknown.status).toBe(400);
    });
  });

  it('leaves out a leader who opts out of the round, and takes them back', async () => {
    await withApp(async (running) => {
      const coordinator = await tokenFor(running, MIKKO);
      const aino = await tokenFor(running, AINO);
      await form(running, 'seed-3');
      const out = await api(running, '/api/groups/me/opt-out', aino, {
        method: 'PUT',
        body: { optedOut: true },
      });
      expect(out.status).toBe(200);

      const after = await api<FormationView>(running, `/api/groups/discussions/${DISCUSSION}`, coordinator);
      const placed = after.json.groups.flatMap((group) => group.members.map((member) => member.memberId));
      expect(placed).not.toContain(memberIdOfPerson(AINO));
      expect(placed).toHaveLength(12);
      expect(after.json.optedOut.map((member) => member.name)).toEqual(['Aino Korhonen']);
      expect((await api<MyGroupsResponse>(running, '/api/groups/me', aino)).json.optedOut).toBe(true);

      const reformed = await api<FormationView>(
        running,
        `/api/groups/discussions/${DISCUSSION}/formation`,
        coordinator,
        {
          method: 'POST',
          body: { seed: 'seed-3b' },
          headers: { 'If-Match': after.json.etag },
        },
      );
      expect(
        reformed.json.groups.flatMap((group) => group.members.map((member) => member.memberId)),
      ).not.toContain(memberIdOfPerson(AINO));

      await api(running, '/api/groups/me/opt-out', aino, { method: 'PUT', body: { optedOut: false } });
      const back = await api<FormationView>(
        running,
        `/api/groups/discussions/${DISCUSSION}/formation`,
        coordinator,
        {
          method: 'POST',
          body: { seed: 'seed-3c' },
          headers: { 'If-Match': reformed.json.etag },
        },
      );
      expect(back.json.groups.flatMap((group) => group.members.map((member) => member.memberId))).toContain(
        memberIdOfPerson(AINO),
      );
    });
  });
});

describe('invitations and answers', () => {
  it('delivers a personal card to every member, stores an Accept from Teams and shows it to coordinators', async () => {
    await withApp(async (running) => {
      const formation = await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);

      const [card] = await cardsFor(running, AINO);
      const text = cardText(card);
      expect(text).toContain('Kutsu vertaiskeskusteluun');
      expect(text).toContain('ke 10.9.2025 klo 14.00–15.30');
      for (const member of groupOf(formation, AINO).members) {
        expect(text).toContain(member.name);
        expect(text).toContain(member.municipalityName ?? '?');
      }
      expect(text).toContain('Ajat ovat Suomen aikaa.');
      const buttons = executeActions(card);
      expect(buttons.map((button) => button.title)).toEqual(['Osallistun', 'En pääse']);
      expect(buttons[0]?.data).toMatchObject({ roundId: ROUND, sequence: 0, response: 'accepted' });
      const links = openUrls(card);
      // No shared discussion link: the group's own link comes later (issue 13 item 16).
      expect(links.find((link) => link.title === 'Liity kokoukseen')).toBeUndefined();
      expect(links.find((link) => link.title === 'Lisää kalenteriin')?.url).toMatch(
        /\/api\/groups\/meetings\/leadership-1~\d\/invitation\.ics\?token=[\w-]+\.[\w-]+\.[\w-]+$/,
      );

      const [erikCard] = await cardsFor(running, ERIK);
      expect(executeActions(erikCard).map((button) => button.title)).toEqual([
        'Jag deltar',
        'Jag kan inte delta',
      ]);
      expect(cardText(erikCard)).toContain('Tiderna anges i finsk tid.');

      const accepted = await invoke(running, execute(VERBS.rsvp, buttons[0]?.data, AINO, serviceUrl));
      expect(accepted.statusCode).toBe(200);
      expect(accepted.text).toContain('Kiitos, osallistumisesi on kirjattu.');
      expect(accepted.text).toContain('Olet ilmoittanut osallistuvasi.');

      const shown = await answers(running);
      expect(answerOf(shown, AINO).member.response).toBe('accepted');
      expect(answerOf(shown, JOHANNA).member.response).toBe('none');
      expect(shown.groups.reduce((sum, group) => sum + group.counts.accepted, 0)).toBe(1);

      // The tab's answer works the same way, and answering again keeps only the last answer.
      const johanna = await tokenFor(running, JOHANNA);
      const mine = await api<MyGroupsResponse>(running, '/api/groups/me', johanna);
      const meeting = mine.json.meetings[0];
      if (!meeting) throw new Error('Johanna has no meeting');
      expect(meeting.members.length).toBeGreaterThanOrEqual(4);
      for (const response of ['accepted', 'declined'] as const) {
        const answered = await api<RsvpResult>(
          running,
          `/api/groups/meetings/${meeting.meetingId}/rsvp`,
          johanna,
          {
            method: 'POST',
            body: { response, sequence: meeting.sequence },
          },
        );
        expect(answered.status).toBe(200);
      }
      expect(answerOf(await answers(running), JOHANNA).member.response).toBe('declined');

      // Sending again changes nothing and sends nothing twice.
      const before = connector.allActivities().filter(isInvitation).length;
      await sendInvitations(running);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(connector.allActivities().filter(isInvitation).length).toBe(before);
      expect(connector.stats.duplicates).toBe(0);
    });
  });

  it('serves each member their invitation as an RFC 5545 REQUEST through the signed link only', async () => {
    await withApp(async (running) => {
      await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const [card] = await cardsFor(running, AINO);
      const link = openUrls(card).find((candidate) => candidate.title === 'Lisää kalenteriin')?.url ?? '';
      const path = link.replace(/^https?:\/\/[^/]+/, '');

      const response = await fetch(`${running.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+\.ics"$/);
      const text = await response.text();
      const { method, event } = parseIcs(text);
      expect(method).toBe('REQUEST');
      expect(event.uid).toMatch(/^peer-meeting\.demo-round%2Fleadership-1~\d@digiverkosto\.kuntaliitto\.fi$/);
      expect(event.sequence).toBe(0);
      expect(event.startDate.toJSDate().toISOString()).toBe('2025-09-10T11:00:00.000Z');
      expect(event.startDate.hour).toBe(14);
      expect(event.startDate.zone?.tzid).toBe('Europe/Helsinki');
      expect(event.endDate.toJSDate().toISOString()).toBe('2025-09-10T12:30:00.000Z');
      const attendees = event.attendees.map((attendee) => String(attendee.getFirstValue()));
      expect(attendees).toContain('mailto:aino.korhonen@hameenlinna.fi');
      // Without Outlook no group has a link of its own yet, and never the discussion's shared one.
      expect(text).not.toContain('X-MICROSOFT-SKYPETEAMSMEETINGURL');
      expect(text).not.toContain('meetup-join/demo/leadership-1');

      // The same signature on claims that name another member.
      const tampered = path.replace(
        /token=([\w-]+)\.([\w-]+)\.([\w-]+)/,
        (_match, header: string, payload: string, signature: string) => {
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
            string,
            unknown
          >;
          claims.o = ERIK.aadObjectId;
          return `token=${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
        },
      );
      expect(tampered).not.toBe(path);
      expect((await fetch(`${running.url}${tampered}`)).status).toBe(404);
      expect((await fetch(`${running.url}${path.replace(/\?.*$/, '')}`)).status).toBe(400);
      const otherMeeting = path.replace(
        /leadership-1~(\d)/,
        (_match, n: string) => `leadership-1~${n === '1' ? '2' : '1'}`,
      );
      expect((await fetch(`${running.url}${otherMeeting}`)).status).toBe(404);

      clock.set('2025-09-30T00:00:00.000Z');
      expect((await fetch(`${running.url}${path}`)).status).toBe(410);
    });
  });

  it('does not ask again in the calendar file once the member has answered in Teams', async () => {
    await withApp(async (running) => {
      const formation = await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const [card] = await cardsFor(running, AINO);
      const link = openUrls(card).find((candidate) => candidate.title === 'Lisää kalenteriin')?.url ?? '';
      const path = link.replace(/^https?:\/\/[^/]+/, '');
      const partstats = (text: string) =>
        Object.fromEntries(
          parseIcs(text).event.attendees.map((attendee) => [
            String(attendee.getFirstValue()),
            `${String(attendee.getParameter('partstat'))}/${String(attendee.getParameter('rsvp') ?? '-')}`,
          ]),
        );
      const before = await (await fetch(`${running.url}${path}`)).text();
      expect(parseIcs(before).method).toBe('REQUEST');
      expect(partstats(before)['mailto:aino.korhonen@hameenlinna.fi']).toBe('NEEDS-ACTION/TRUE');

      // Another member of Aino's group accepts in Teams: Aino's request shows it.
      const other = groupOf(formation, AINO).members.find(
        (member) => member.memberId !== memberIdOfPerson(AINO),
      );
      if (!other) throw new Error('Aino is alone in her group');
      const [otherCard] = await cardsFor(running, {
        id: '',
        aadObjectId: other.memberId.split('|')[1] ?? '',
        name: other.name,
      });
      const otherAccept = executeActions(otherCard)[0]?.data;
      await invoke(
        running,
        execute(
          VERBS.rsvp,
          otherAccept,
          { id: '29:x', aadObjectId: other.memberId.split('|')[1] ?? '', name: other.name },
          serviceUrl,
        ),
      );
      const seen = partstats(await (await fetch(`${running.url}${path}`)).text());
      expect(Object.values(seen)).toContain('ACCEPTED/-');

      // Aino accepts: her file is now a plain calendar entry, nothing left to answer.
      const accept = executeActions(card)[0]?.data;
      expect((await invoke(running, execute(VERBS.rsvp, accept, AINO, serviceUrl))).statusCode).toBe(200);
      const response = await fetch(`${running.url}${path}`);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=PUBLISH');
      const after = await response.text();
      expect(parseIcs(after).method).toBe('PUBLISH');
      expect(after).not.toContain('NEEDS-ACTION');
      expect(after).not.toContain('RSVP=TRUE');
      expect(after).toContain('X-MICROSOFT-CDO-BUSYSTATUS:BUSY');

      // Declining keeps it in the calendar as free time.
      const decline = executeActions(card)[1]?.data;
      await invoke(running, execute(VERBS.rsvp, decline, AINO, serviceUrl));
      const declined = await (await fetch(`${running.url}${path}`)).text();
      expect(parseIcs(declined).method).toBe('PUBLISH');
      expect(declined).toContain('X-MICROSOFT-CDO-BUSYSTATUS:FREE');
    });
  });

  it('sends an update when a meeting moves, answers a stale card with the current one, and cancels with METHOD:CANCEL', async () => {
    await withApp(async (running) => {
      await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const [first] = await cardsFor(running, AINO);
      const oldAccept = executeActions(first)[0]?.data ?? {};
      const meetingId = String(oldAccept.meetingId);
      const groupSize =
        (await answers(running)).groups.find((group) => group.meetingId === meetingId)?.members.length ?? 0;

      const coordinator = await tokenFor(running, MIKKO);
      const moved = await api<{ sequence: number }>(
        running,
        `/api/groups/meetings/${encodeURIComponent(meetingId)}`,
        coordinator,
        {
          method: 'PATCH',
          body: { startsAt: '2025-09-11T11:00:00.000Z', endsAt: '2025-09-11T12:30:00.000Z' },
        },
      );
      expect(moved.status).toBe(200);
      expect(moved.json.sequence).toBe(1);
      await waitForInvitations(13 + groupSize);
      const updated = (await cardsFor(running, AINO)).at(-1);
      expect(cardText(updated)).toContain('Päivitetty kutsu');
      expect(cardText(updated)).toContain('to 11.9.2025 klo 14.00–15.30');

      const stale = await invoke(running, execute(VERBS.rsvp, oldAccept, AINO, serviceUrl));
      expect(stale.statusCode).toBe(200);
      expect(stale.text).toContain('Tämä kutsu on muuttunut. Tässä on voimassa oleva kutsu');
      expect(stale.text).toContain('to 11.9.2025 klo 14.00–15.30');
      expect(executeActions(stale.card)[0]?.data).toMatchObject({ sequence: 1 });
      expect(answerOf(await answers(running), AINO).member.response).toBe('none');

      const link = openUrls(updated).find((candidate) => candidate.title === 'Lisää kalenteriin')?.url ?? '';
      const path = link.replace(/^https?:\/\/[^/]+/, '');
      const request = parseIcs(await (await fetch(`${running.url}${path}`)).text());
      expect(request.event.sequence).toBe(1);
      expect(request.event.startDate.toJSDate().toISOString()).toBe('2025-09-11T11:00:00.000Z');

      const cancelled = await api(
        running,
        `/api/groups/meetings/${encodeURIComponent(meetingId)}/cancel`,
        coordinator,
        {
          method: 'POST',
        },
      );
      expect(cancelled.status).toBe(200);
      await waitForInvitations(13 + 2 * groupSize);
      expect(cardText((await cardsFor(running, AINO)).at(-1))).toContain('Peruttu');
      const cancellation = await fetch(`${running.url}${path}`);
      expect(cancellation.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=CANCEL');
      const parsed = parseIcs(await cancellation.text());
      expect(parsed.method).toBe('CANCEL');
      expect(parsed.event.sequence).toBe(2);
      expect(parsed.event.uid).toBe(request.event.uid);

      const late = await invoke(
        running,
        execute(VERBS.rsvp, { ...oldAccept, sequence: 2 }, AINO, serviceUrl),
      );
      expect(late.text).toContain('Tämä keskustelu on peruttu');
      expect(executeActions(late.card)).toHaveLength(0);
    });
  });

  it('moves a member after the invitations: both groups get updates and the member a cancellation', async () => {
    await withApp(async (running) => {
      const formation = await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const from = groupOf(formation, AINO);
      const to = formation.groups.find((group) => group.index !== from.index);
      if (!to) throw new Error('one group only');
      const coordinator = await tokenFor(running, MIKKO);
      const current = await api<FormationView>(running, `/api/groups/discussions/${DISCUSSION}`, coordinator);
      const moved = await api(running, `/api/groups/discussions/${DISCUSSION}/move`, coordinator, {
        method: 'POST',
        body: { memberId: memberIdOfPerson(AINO), targetIndex: to.index },
        headers: { 'If-Match': current.json.etag },
      });
      expect(moved.status).toBe(200);
      // Old group: the others an update, Aino "your group changed"; new group: the others an update,
      // Aino an invitation to it.
      await waitForInvitations(13 + from.members.length + to.members.length + 1);
      const texts = (await cardsFor(running, AINO)).map(cardText).slice(1);
      expect(texts).toHaveLength(2);
      expect(texts.find((text) => text.includes('Ryhmäsi muuttui'))).toContain(`Ryhmä ${from.number}`);
      expect(texts.find((text) => text.includes('Kutsu vertaiskeskusteluun'))).toContain(
        `Ryhmä ${to.number}`,
      );
      const [johannaLast] = (await cardsFor(running, JOHANNA)).slice(-1).map(cardText);
      const johannaMoved = [from, to].some((group) =>
        group.members.some((member) => member.memberId === memberIdOfPerson(JOHANNA)),
      );
      if (johannaMoved) expect(johannaLast).toContain('Päivitetty kutsu');
      const mine = await api<MyGroupsResponse>(running, '/api/groups/me', await tokenFor(running, AINO));
      expect(mine.json.meetings.map((meeting) => meeting.groupNumber)).toEqual([to.number]);
    });
  });

  it('gives each group its own meeting link, never a shared one (issue 13 item 16)', async () => {
    await withApp(async (running) => {
      await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const [card] = await cardsFor(running, AINO);
      expect(cardText(card)).toContain('ryhmän oma kokouslinkki lähetetään ennen keskustelua');
      expect(openUrls(card).map((action) => action.title)).not.toContain('Liity kokoukseen');
      expect(JSON.stringify(card)).not.toContain('meetup-join/demo/leadership-1');

      const formed = (await answers(running)).groups;
      expect(formed.map((group) => group.joinUrl)).toEqual(formed.map(() => null));
      const meetings = formed.map((group) => group.meetingId);
      expect(meetings.length).toBeGreaterThan(1);
      const coordinator = await tokenFor(running, MIKKO);
      const setLink = (meetingId: string, joinUrl: string) =>
        api(running, `/api/groups/meetings/${encodeURIComponent(meetingId)}`, coordinator, {
          method: 'PATCH',
          body: { joinUrl },
        });
      const links = meetings.map(
        (_id, index) => `https://teams.microsoft.com/l/meetup-join/group-${index + 1}`,
      );
      expect((await setLink(meetings[0] ?? '', links[0] ?? '')).status).toBe(200);
      const shared = await setLink(meetings[1] ?? '', links[0] ?? '');
      expect(shared.status).toBe(400);
      expect(shared.text).toContain('each group needs its own');
      for (const [index, meetingId] of meetings.entries()) {
        if (index > 0) expect((await setLink(meetingId, links[index] ?? '')).status).toBe(200);
      }
      const mine = await api<MyGroupsResponse>(running, '/api/groups/me', await tokenFor(running, AINO));
      const ainos = mine.json.meetings[0];
      expect(ainos?.joinUrl).toBe(links[meetings.indexOf(ainos?.meetingId ?? '')]);
      const joinUrls = new Map(
        (await answers(running)).groups.map((group) => [group.meetingId, group.joinUrl]),
      );
      expect(meetings.map((meetingId) => joinUrls.get(meetingId))).toEqual(links);
    });
  });

  it("answers a moved or erased member's old calendar link with 410 or 404, naming no one (issue 13 item 7)", async () => {
    await withApp(async (running) => {
      const formation = await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const linkOf = async (who: Person): Promise<string> => {
        const [card] = await cardsFor(running, who);
        const url = openUrls(card).find((candidate) => candidate.url.includes('/invitation.ics?token='))?.url;
        if (!url) throw new Error(`no calendar link for ${who.name}`);
        return `${running.url}${url.replace(/^https?:\/\/[^/]+/, '')}`;
      };
      const ainoLink = await linkOf(AINO);
      const johannaLink = await linkOf(JOHANNA);
      expect((await fetch(ainoLink)).status).toBe(200);
      expect((await fetch(johannaLink)).status).toBe(200);
      const names = formation.groups.flatMap((group) => group.members.map((member) => member.name));

      const from = groupOf(formation, AINO);
      const to = formation.groups.find((group) => group.index !== from.index);
      if (!to) throw new Error('one group only');
      const coordinator = await tokenFor(running, MIKKO);
      const current = await api<FormationView>(running, `/api/groups/discussions/${DISCUSSION}`, coordinator);
      const moved = await api(running, `/api/groups/discussions/${DISCUSSION}/move`, coordinator, {
        method: 'POST',
        body: { memberId: memberIdOfPerson(AINO), targetIndex: to.index },
        headers: { 'If-Match': current.json.etag },
      });
      expect(moved.status).toBe(200);
      const old = await fetch(ainoLink);
      expect(old.status).toBe(410);
      const oldText = await old.text();
      for (const name of names) expect(oldText).not.toContain(name);

      const erased = await api(running, '/api/me/erase', await tokenFor(running, JOHANNA), {
        method: 'POST',
        body: { confirm: true },
      });
      expect(erased.status).toBe(204);
      const afterErasure = await fetch(johannaLink);
      expect(afterErasure.status).toBe(404);
      const erasedText = await afterErasure.text();
      for (const name of names) expect(erasedText).not.toContain(name);
    });
  });
});

describe('bad input', () => {
  it("answers an RSVP for someone else's group, an unknown meeting and malformed data clearly, storing nothing", async () => {
    await withApp(async (running) => {
      const formation = await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const erikGroup = groupOf(formation, ERIK);
      const foreign = formation.groups.find((group) => group.index !== erikGroup.index);
      const data = {
        roundId: ROUND,
        meetingId: `${DISCUSSION}~${(foreign?.index ?? 0) + 1}`,
        sequence: 0,
        response: 'accepted',
      };
      const notMine = await invoke(running, execute(VERBS.rsvp, data, ERIK, serviceUrl, 'en-US'));
      expect(notMine.statusCode).toBe(400);
      expect(notMine.message).toBe('Du är inte medlem i den här gruppen, så svaret sparades inte.');

      const unknown = await invoke(
        running,
        execute(VERBS.rsvp, { ...data, meetingId: 'leadership-9~1' }, AINO, serviceUrl),
      );
      expect(unknown.message).toBe('Tätä keskustelua ei löytynyt. Kutsu on ehkä vanhentunut.');

      const outsider = await invoke(running, execute(VERBS.rsvp, data, PEKKA, serviceUrl));
      expect(outsider.statusCode).toBe(400);
      expect(outsider.message).toContain('Et ole tämän ryhmän jäsen');

      const malformed = await invoke(
        running,
        execute(VERBS.rsvp, { ...data, response: 'maybe' }, AINO, serviceUrl),
      );
      expect(malformed.statusCode).toBe(400);

      const viaTab = await api(
        running,
        `/api/groups/meetings/${encodeURIComponent(data.meetingId)}/rsvp`,
        await tokenFor(running, ERIK),
        {
          method: 'POST',
          body: { response: 'accepted', sequence: 0 },
        },
      );
      expect(viaTab.status).toBe(403);

      const all = await answers(running);
      expect(all.groups.reduce((sum, group) => sum + group.counts.accepted + group.counts.declined, 0)).toBe(
        0,
      );
    });
  });
});

describe('the RSVP reminder', () => {
  it('goes once, before the meeting, only to members who have not answered', async () => {
    await withApp(async (running) => {
      await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const [card] = await cardsFor(running, AINO);
      await invoke(running, execute(VERBS.rsvp, executeActions(card)[0]?.data, AINO, serviceUrl));

      clock.set('2025-09-07T11:00:00.000Z');
      expect(await running.groups.tick()).toEqual([]);
      clock.set('2025-09-08T12:00:00.000Z');
      const sent = await running.groups.tick();
      expect(sent).toHaveLength(3);
      await waitForInvitations(13 + 12);
      const reminders = connector.allActivities().filter(isInvitation).slice(13).map(cardOf);
      expect(
        reminders.every(
          (reminder) =>
            cardText(reminder).includes('Vastaathan kutsuun') || cardText(reminder).includes('Svara gärna'),
        ),
      ).toBe(true);
      expect((await cardsFor(running, AINO)).length).toBe(1);
      expect(await running.groups.tick()).toEqual([]);
    });
  });
});

describe('my group in the chat', () => {
  it('shows my invitation when I type "ryhmäni", and says so when I have none', async () => {
    await withApp(async (running) => {
      const before = connector.allActivities().length;
      await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(personalText('ryhmäni', AINO, serviceUrl)),
      });
      const [none] = (await connector.waitForActivities(before + 1)).slice(before);
      expect(none?.activity.text).toContain('Sinulla ei ole vielä vertaisryhmää');

      await form(running);
      await sendInvitations(running);
      await waitForInvitations(13);
      const count = connector.allActivities().length;
      await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(personalText('ryhmäni', AINO, serviceUrl)),
      });
      const [reply] = (await connector.waitForActivities(count + 1)).slice(count);
      expect(cardText(cardOf(reply))).toContain('Osallistun');
    });
  });
});
