/**
 * The quota is never exceeded, also when the last seat is taken by many people at the same moment:
 * through the real server (Action.Execute invokes to /api/messages, and the tab API) and through two
 * app instances on one storage. Azurite holds the seat counts; nothing is mocked.
 */
import { VERBS } from '../../bot/src/shared/cards/verbs';
import { takenSeats } from '../../bot/src/registration/registration-model';
import type { RegistrationEventView } from '../../bot/src/registration/registration-contracts';
import { BotConnectorEmulator } from '../emulators/bot-connector-emulator';
import { uniquePrefix } from '../support/test-app';
import {
  EVENT_ID,
  ROUND_ID,
  api,
  closingDay,
  execute,
  invoke,
  movableClock,
  openRegistration,
  person,
  seed,
  startRegistrationApp,
  tokenFor,
  type RegistrationApp,
} from './support';

jest.setTimeout(90_000);

const clock = movableClock('2025-04-01T09:00:00.000Z');
let connector: BotConnectorEmulator;

beforeAll(async () => {
  connector = new BotConnectorEmulator();
  await connector.start();
});
afterAll(async () => {
  await connector.stop();
});

async function seatsOf(running: RegistrationApp, municipalityId: string) {
  const settings = await running.registration.repository.getSettings(ROUND_ID, EVENT_ID);
  if (!settings) throw new Error('no settings');
  const scope = await running.registration.repository.scope(settings, municipalityId);
  return {
    count: scope.counts.get(municipalityId),
    registrations: scope.registrations,
  };
}

describe('the last seat of a municipality', () => {
  it('goes to exactly one of 20 people pressing Register at the same moment; the other 19 wait in line', async () => {
    const running = await startRegistrationApp({ clock });
    try {
      const early = [1, 2, 3].map((index) => person(index, 'hameenlinna'));
      const contenders = Array.from({ length: 20 }, (_, index) => person(100 + index, 'hameenlinna'));
      await seed(running.app, { events: [closingDay()], people: [...early, ...contenders] });
      await openRegistration(running);
      for (const who of early) {
        const answer = await api(
          running,
          `/api/registration/events/${EVENT_ID}/register`,
          await tokenFor(running, who),
          {
            method: 'POST',
            body: { answers: {} },
          },
        );
        expect(answer.status).toBe(200);
      }

      const answers = await Promise.all(
        contenders.map((who) =>
          invoke(
            running,
            execute(
              VERBS.registrationRegister,
              { roundId: ROUND_ID, eventId: EVENT_ID },
              who,
              connector.serviceUrl,
            ),
          ),
        ),
      );

      expect(answers.map((answer) => answer.statusCode)).toEqual(contenders.map(() => 200));
      const confirmed = answers.filter((answer) => answer.text.includes('Paikkasi on vahvistettu'));
      const waiting = answers.filter((answer) => answer.text.includes('Olet jonossa sijalla'));
      expect(confirmed).toHaveLength(1);
      expect(waiting).toHaveLength(19);
      // The winner's card shows the municipality full.
      expect(confirmed[0]?.text).toContain('Hämeenlinna 4/4 (täynnä)');

      const { count, registrations } = await seatsOf(running, 'hameenlinna');
      expect(count).toMatchObject({ confirmed: 4, offered: 0 });
      expect(registrations.filter((registration) => registration.status === 'confirmed')).toHaveLength(4);
      expect(registrations.filter((registration) => registration.status === 'waitlisted')).toHaveLength(19);
      // Everyone waiting has a distinct place in the line.
      const positions = waiting.map((answer) => Number(/sijalla (\d+)/.exec(answer.text)?.[1]));
      expect(new Set(positions).size).toBeGreaterThan(1);
      expect(Math.max(...positions)).toBeLessThanOrEqual(19);
    } finally {
      await running.stop();
    }
  });

  it('goes to exactly one person when the 20 are served by two instances on the same storage', async () => {
    const tablePrefix = uniquePrefix();
    const first = await startRegistrationApp({ clock, tablePrefix });
    const second = await startRegistrationApp({ clock, tablePrefix });
    try {
      const early = [1, 2, 3].map((index) => person(index, 'kangasala'));
      const contenders = Array.from({ length: 20 }, (_, index) => person(200 + index, 'kangasala'));
      await seed(first.app, { events: [closingDay()], people: [...early, ...contenders] });
      await openRegistration(first);
      for (const who of early) {
        await first.registration.service.register(ROUND_ID, EVENT_ID, who, {});
      }
      // Half press the button in Teams, half in the tab, alternating between the instances.
      const answers = await Promise.all(
        contenders.map(async (who, index) => {
          const instance = index % 2 === 0 ? first : second;
          if (index % 4 < 2) {
            const answer = await invoke(
              instance,
              execute(
                VERBS.registrationRegister,
                { roundId: ROUND_ID, eventId: EVENT_ID },
                who,
                connector.serviceUrl,
              ),
            );
            return answer.text.includes('Paikkasi on vahvistettu')
              ? 'confirmed'
              : answer.text.includes('jonossa')
                ? 'waitlisted'
                : answer.text;
          }
          const answer = await api<RegistrationEventView>(
            instance,
            `/api/registration/events/${EVENT_ID}/register`,
            await tokenFor(instance, who),
            { method: 'POST', body: { answers: {} } },
          );
          return answer.status === 200
            ? (answer.json.registration?.mine?.status ?? 'none')
            : `HTTP ${answer.status}`;
        }),
      );
      expect(answers.filter((answer) => answer === 'confirmed')).toHaveLength(1);
      expect(answers.filter((answer) => answer === 'waitlisted')).toHaveLength(19);
      const { count, registrations } = await seatsOf(second, 'kangasala');
      expect(takenSeats(count)).toBe(4);
      expect(registrations.filter((registration) => registration.status === 'confirmed')).toHaveLength(4);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
