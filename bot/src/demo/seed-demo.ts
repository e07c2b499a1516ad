import type { Repositories } from '../app';
import type { Logger } from '../platform/observability/logger';
import {
  demoCoordinators,
  demoMunicipalities,
  demoParticipants,
  demoProgramme,
  demoRound,
  demoSoonEvent,
  DEMO_ROUND_ID,
  DEMO_SOON_EVENT_ID,
} from './demo-network';
import { seedDemoPolls } from './demo-polls';

/**
 * Fills an empty store with the demo network. A store that already has a round is left alone,
 * so restarting `npm start` keeps what people did in the Playground.
 */
export async function seedDemoIfEmpty(
  repositories: Repositories,
  now: Date,
  logger: Logger,
): Promise<boolean> {
  const rounds = await repositories.programme.listRounds();
  if (rounds.length > 0) {
    if (rounds.some((round) => round.id === DEMO_ROUND_ID)) await keepSoonEventAhead(repositories, now);
    return false;
  }
  for (const municipality of demoMunicipalities()) await repositories.municipalities.save(municipality);
  const participants = demoParticipants(now);
  await Promise.all(participants.map((participant) => repositories.participants.save(participant)));
  for (const coordinator of demoCoordinators()) await repositories.coordinators.save(coordinator);
  for (const event of demoProgramme(now)) await repositories.programme.saveEvent(event);
  await seedDemoPolls(repositories, now);
  // The round goes last: its presence is what marks the store as seeded.
  await repositories.programme.saveRound(demoRound(now));
  logger.info('demo network seeded', { participants: participants.length });
  return true;
}

/**
 * On a restart of a seeded demo store, moves the "starts soon" event two hours ahead again once it
 * has begun, so every `npm start` shows fresh reminders (its reminders reschedule with it).
 */
async function keepSoonEventAhead(repositories: Repositories, now: Date): Promise<void> {
  const existing = await repositories.programme.getEvent(DEMO_ROUND_ID, DEMO_SOON_EVENT_ID);
  if (existing && existing.value.startsAt > now.toISOString()) return;
  await repositories.programme.saveEvent(demoSoonEvent(now));
}
