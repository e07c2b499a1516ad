import type { Round } from '../shared/programme-event';
import type { OutboxRepository } from './outbox-repository';

/**
 * Which deliveries go when rounds' retention ends, and deleting them. A delivery that names its
 * round (every send of a round's event, meeting, survey or roadmap does) goes with that round.
 * One that names none (a poll, a private reply, rows written before deliveries named their round)
 * goes when its round's retention would have ended:
 * - its id names a purged round (`reminder:<round>:<event>:…`, the ids features have always used),
 * - or it was created before the purged rounds ended and before any kept round began, so it can
 *   belong to no round that is kept.
 *
 * @returns the deleted delivery ids.
 */
export async function purgeDeliveriesOfRounds(
  outbox: OutboxRepository,
  rounds: readonly Round[],
  roundIds: readonly string[],
): Promise<string[]> {
  const purged = new Set(roundIds);
  const ends = rounds.filter((round) => purged.has(round.id)).map((round) => round.endsAt);
  const keptStarts = rounds.filter((round) => !purged.has(round.id)).map((round) => round.startsAt);
  const lastEnd = ends.sort().at(-1);
  const firstKeptStart = keptStarts.sort()[0];
  const before = lastEnd && firstKeptStart && firstKeptStart < lastEnd ? firstKeptStart : lastEnd;

  const doomed = (await outbox.headers()).filter((header) => {
    if (header.roundId) return purged.has(header.roundId);
    if (
      header.deliveryId
        .split(':')
        .slice(1)
        .some((part) => purged.has(part))
    )
      return true;
    return before !== undefined && header.createdAt < before;
  });
  for (const header of doomed) await outbox.deleteDelivery(header.deliveryId);
  return doomed.map((header) => header.deliveryId);
}
