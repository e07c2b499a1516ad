import type { Logger } from '../platform/observability/logger';
import type { InvitationService, PeerGroupService } from '../groups';
import { DEMO_ROUND_ID } from './demo-network';

export const DEMO_GROUP_SEED = 'digiverkosto-demo';

/**
 * The demo's peer groups: groups for the first upcoming leadership discussion of the demo round and
 * their meetings, prepared but not yet sent. In the Agents Playground Aino types `ryhmäni` and gets
 * her invitation at once; a coordinator's "send invitations" in the tab delivers everyone's cards.
 * Nothing is sent at start-up, because before the Playground has loaded nobody can be reached,
 * and an undeliverable invitation would count as sent. Runs only when the demo round is current
 * and its discussions have no groups yet, so a restart keeps what people did.
 */
export async function seedDemoPeerGroups(
  groups: PeerGroupService,
  invitations: InvitationService,
  now: Date,
  logger: Logger,
): Promise<boolean> {
  if ((await groups.currentRoundId()) !== DEMO_ROUND_ID) return false;
  const discussions = await groups.discussions(DEMO_ROUND_ID);
  for (const discussion of discussions) {
    if (await groups.get(DEMO_ROUND_ID, discussion.id)) return false;
  }
  const first = discussions.find((discussion) => discussion.startsAt > now.toISOString());
  if (!first) return false;
  const formation = await groups.generate(
    DEMO_ROUND_ID,
    first.id,
    { seed: DEMO_GROUP_SEED },
    'demo',
    undefined,
  );
  await invitations.syncFormation(formation, first, { deliver: 'none' });
  logger.info('demo peer groups seeded', { eventId: first.id, groups: formation.groups.length });
  return true;
}
