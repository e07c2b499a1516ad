import type { Participant } from '../../bot/src/shared/participant';
import { PeerMeetingRepository } from '../../bot/src/groups/peer-group-meeting-repository';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { startTestApp, type RunningApp } from '../support/test-app';
import {
  emulatorLimits,
  FAST_LIMITS,
  fakeClock,
  fastDispatcher,
  participant,
  remindersOf,
  ROUND_ID,
  seedNetwork,
  waitFor,
  workshop,
} from './support';

const LINK_A = 'https://teams.microsoft.com/l/meetup-join/group-a';
const LINK_B = 'https://teams.microsoft.com/l/meetup-join/group-b';

describe('reminders of a leadership discussion', () => {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  const clock = fakeClock('2024-11-11T07:00:30.000Z');
  const leaders = Array.from({ length: 7 }, (_, index) => participant(index + 1, { roles: ['leadership'] }));
  let running: RunningApp;

  beforeAll(async () => {
    await emulator.start();
    running = await startTestApp({
      clock,
      appOptions: {
        startBackgroundWork: true,
        delivery: { dispatcher: fastDispatcher() },
        reminders: { tickMs: 100 },
      },
    });
    const discussion = workshop('leaders', '2024-11-12T07:00:00.000Z', '2024-11-12T08:30:00.000Z', {
      type: 'leadershipDiscussion',
      audienceRoles: ['leadership'],
      preAssignment: undefined,
    });
    await seedNetwork(running.app.repositories, emulator.serviceUrl, [discussion], leaders);
    const meetings = new PeerMeetingRepository(running.app.store);
    const group = (index: number, members: readonly Participant[], joinUrl: string) =>
      meetings.save(
        {
          roundId: ROUND_ID,
          id: `leaders~${index}`,
          eventId: 'leaders',
          groupIndex: index,
          startsAt: discussion.startsAt,
          endsAt: discussion.endsAt,
          joinUrl,
          agenda: undefined,
          members: members.map((m) => ({
            tenantId: m.tenantId,
            aadObjectId: m.aadObjectId,
            name: m.name,
            email: undefined,
            municipalityId: m.municipalityId,
          })),
          sequence: 0,
          status: 'scheduled',
          graphEventId: undefined,
          rsvpReminderSequence: undefined,
          updatedAt: '2024-11-01T00:00:00.000Z',
        },
        undefined,
      );
    // The seventh leader opted out of this round and is in no group.
    await group(0, leaders.slice(0, 3), LINK_A);
    await group(1, leaders.slice(3, 6), LINK_B);
    await remindersOf(running.app).tick();
  });

  afterAll(async () => {
    await running.stop();
    await emulator.stop();
  });

  it("go to the groups' members only, each with their own group's meeting link", async () => {
    // The groups feature may also send its RSVP reminder meanwhile; only event reminders count here.
    const eventReminders = () =>
      emulator.allActivities().filter((recorded) => recorded.idempotencyKey?.startsWith('reminder:'));
    await waitFor(() => eventReminders().length >= 6, 20_000, 'six reminders');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const activities = eventReminders();
    expect(activities).toHaveLength(6);
    const links = activities.map((recorded) => JSON.stringify(recorded.activity));
    expect(links.filter((text) => text.includes(LINK_A))).toHaveLength(3);
    expect(links.filter((text) => text.includes(LINK_B))).toHaveLength(3);
  });
});
