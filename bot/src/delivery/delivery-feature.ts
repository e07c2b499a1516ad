import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { AdapterConnectorGateway, type ConnectorGateway } from './connector-sender';
import { registerDeliveryRoutes, type RecipientDirectory } from './delivery-routes';
import { LeaseRepository } from './lease-repository';
import { NetworkTeam, type ChosenTeam } from './network-team';
import { registerNetworkTeamRoutes, type RoundTeams } from './network-team-routes';
import { TeamNameRepository } from './team-name-repository';
import { OutboxDelivery, targetKeyOf } from './outbox-delivery';
import { OutboxDispatcher, type DispatcherOptions } from './outbox-dispatcher';
import { purgeDeliveriesOfRounds } from './outbox-purge';
import { OutboxRepository } from './outbox-repository';
import { PersonalChatRepository } from './personal-chat-repository';
import type { Delivery } from '../platform/delivery';
import type { Feature, FeatureContext } from '../platform/feature';
import type { BotConnector, ConversationEvents, InstallationRepository, Turn } from '../platform/teams';
import type { TeamsUserIdLookup } from './connector-sender';

/** Knobs tests and the benchmark turn; production uses the defaults (Microsoft's published limits). */
export interface DeliverySettings {
  readonly dispatcher?: Partial<DispatcherOptions>;
  /** Replaces the Bot Connector gateway (a unit test's recording fake). */
  readonly gateway?: ConnectorGateway;
}

export interface DeliveryDeps {
  readonly connector: BotConnector;
  readonly installations: InstallationRepository;
  readonly teamsUserIdOf: TeamsUserIdLookup;
  /** Names the people of a delivery report. */
  readonly recipients: RecipientDirectory;
  /** The network's team for a round (a coordinator's choice); unset: the one team installed. */
  readonly chosenTeam?: ChosenTeam;
  /** NETWORK_TEAM_ID: the network's team fixed by the operator; wins over any choice. */
  readonly configuredTeamId?: string | undefined;
  /** Where the choice is stored (the rounds); without it there are no routes to choose. */
  readonly rounds?: RoundTeams;
}

export interface DeliveryFeature extends Feature {
  readonly delivery: Delivery;
  readonly dispatcher: OutboxDispatcher;
  readonly outbox: OutboxRepository;
}

/** A name for this process in lease rows: host, process id and a random suffix. */
export function instanceName(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * The outbox: the {@link Delivery} every feature uses for proactive messages, and the background
 * sender. Built before the other features so it can go on their context.
 */
export function deliveryFeature(
  context: Pick<FeatureContext, 'store' | 'clock' | 'logger'>,
  deps: DeliveryDeps,
  settings: DeliverySettings = {},
): DeliveryFeature {
  const { store, clock, logger } = context;
  const outbox = new OutboxRepository(store);
  const personalChats = new PersonalChatRepository(store);
  const gateway =
    settings.gateway ??
    new AdapterConnectorGateway(deps.connector, deps.installations, deps.teamsUserIdOf, personalChats);
  const dispatcher = new OutboxDispatcher(
    outbox,
    new LeaseRepository(store),
    gateway,
    clock,
    logger.child({ component: 'outbox' }),
    {
      instanceId: instanceName(),
      ...settings.dispatcher,
    },
  );
  const teamNames = new TeamNameRepository(store, clock);
  const team = new NetworkTeam(
    deps.installations,
    deps.chosenTeam ?? (() => Promise.resolve(undefined)),
    deps.configuredTeamId,
    teamNames,
  );
  const delivery = new OutboxDelivery(
    outbox,
    team,
    clock,
    logger,
    () => dispatcher.notify(),
    personalChats,
    gateway,
  );
  return {
    name: 'delivery',
    delivery,
    dispatcher,
    outbox,
    registerApi: (router) => {
      registerDeliveryRoutes(router, { delivery, recipients: deps.recipients, clock });
      if (deps.rounds) registerNetworkTeamRoutes(router, { team, rounds: deps.rounds, delivery });
    },
    events: teamNameEvents(teamNames),
    personalData: {
      // The messages the outbox sent (or tried to send) the person, and their personal chat's id.
      export: async (identity) => {
        const rows = await outbox.rowsOfTarget(targetKeyOf({ kind: 'person', identity }));
        const messages = [];
        for (const row of rows) {
          const header = await outbox.header(row.deliveryId);
          messages.push({
            deliveryId: row.deliveryId,
            purpose: header?.purpose ?? null,
            state: row.state,
            sentAt: row.sentAt ?? null,
          });
        }
        return { messages, personalChat: (await personalChats.get(identity)) !== undefined };
      },
      erase: async (identity) => {
        await outbox.deleteRowsOfTarget(targetKeyOf({ kind: 'person', identity }));
        await personalChats.erase(identity);
      },
      // Whole deliveries go with their round: header, bodies (names, the event) and every row.
      purgeRounds: async (roundIds) => {
        const rounds = deps.rounds ? await deps.rounds.listRounds() : [];
        const deleted = await purgeDeliveriesOfRounds(outbox, rounds, roundIds);
        logger.info('deliveries of purged rounds deleted', { rounds: roundIds, deliveries: deleted.length });
      },
    },
    start: () => dispatcher.start(),
    stop: () => dispatcher.stop(),
  };
}

/**
 * Teams names the team in the channel data of an install and of roster changes (and of little
 * else): it is remembered then, for the coordinator's choice of the network's team.
 */
function teamNameEvents(names: TeamNameRepository): ConversationEvents {
  const remember = async (turn: Turn): Promise<void> => {
    if (turn.place !== 'channel' || !turn.teamId || !turn.tenantId || !turn.teamName) return;
    await names.remember(turn.tenantId, turn.teamId, turn.teamName);
  };
  return {
    installed: remember,
    membersAdded: (turn) => remember(turn),
  };
}
