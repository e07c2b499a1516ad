import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { registerPeerGroupRoutes } from './peer-group-routes';
import type { GraphSettings } from '../platform/config/config';
import { seedDemoPeerGroups } from '../demo/seed-peer-groups';
import { MyGroupCommand } from './my-group-command';
import { RsvpAction } from './rsvp-action';
import { GraphClientCalendar, type GraphCalendar } from './graph-calendar';
import { DEFAULT_ORGANIZER } from './invitation-calendar';
import { InvitationService } from './invitation-service';
import { PeerGroupPersonalData } from './peer-group-personal-data';
import { PeerGroupService } from './peer-group-service';
import { PeerMeetingRepository } from './peer-group-meeting-repository';
import { PeerGroupRepository } from './peer-group-repository';
import { toTeamsFxHandler } from '../platform/teams/card-action';
import type { Feature, FeatureContext } from '../platform/feature';

export interface GroupsSettings {
  /** How often each instance looks for meetings due an RSVP reminder (default 60 s). */
  readonly tickMs?: number;
  /** The Graph token source (tests pass a fake); by default from the GRAPH_ settings. */
  readonly graphCredential?: TokenCredential;
}

export interface GroupsFeature extends Feature {
  readonly groups: PeerGroupService;
  readonly invitations: InvitationService;
  readonly formations: PeerGroupRepository;
  readonly meetings: PeerMeetingRepository;
  /** One RSVP-reminder pass now (tests). */
  tick(): Promise<string[]>;
}

/**
 * Top-management peer groups: forming balanced cross-municipality groups for each leadership
 * discussion, the meetings and personal invitations (cards with Accept / Decline and an .ics link,
 * or real Outlook invitations through Microsoft Graph when configured), the answers, one RSVP
 * reminder, the `ryhmäni` command and the tab's routes.
 */
export function groupsFeature(context: FeatureContext, settings: GroupsSettings = {}): GroupsFeature {
  const delivery = context.delivery;
  if (!delivery) throw new Error('Peer groups need the delivery feature on the context');
  const { store, repositories, clock, logger, config } = context;
  const formations = new PeerGroupRepository(store);
  const meetings = new PeerMeetingRepository(store);
  const groups = new PeerGroupService(
    repositories.programme,
    repositories.participants,
    repositories.municipalities,
    formations,
    clock,
  );
  const graph = config.graph ? graphCalendar(config.graph, settings.graphCredential) : undefined;
  const invitations = new InvitationService({
    participants: repositories.participants,
    municipalities: repositories.municipalities,
    groups,
    meetings,
    delivery,
    graph,
    organizer: config.graph
      ? { name: DEFAULT_ORGANIZER.name, email: config.graph.organizerUpn }
      : DEFAULT_ORGANIZER,
    publicUrl: config.publicUrl,
    clock,
    logger: logger.child({ component: 'peer-groups' }),
    rsvpReminderHours: config.rsvpReminderHours ?? 48,
  });

  const tickMs = settings.tickMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  const runTick = (): void => {
    if (running || stopped) return;
    running = invitations
      .tickRsvpReminders()
      .then(
        (sent) => {
          if (sent.length > 0) logger.info('rsvp reminders enqueued', { deliveries: sent });
        },
        (error: unknown) => logger.error('rsvp reminder tick failed', { error }),
      )
      .finally(() => {
        running = undefined;
      });
  };

  return {
    name: 'groups',
    groups,
    invitations,
    formations,
    meetings,
    tick: () => invitations.tickRsvpReminders(),
    commands: [new MyGroupCommand(context.people, groups, invitations, clock)],
    cardActions: [toTeamsFxHandler(new RsvpAction(invitations), context.people, logger)],
    registerApi: (router) => registerPeerGroupRoutes(router, { groups, invitations, clock }),
    personalData: new PeerGroupPersonalData(repositories.programme, formations, meetings, clock),
    start: () => {
      stopped = false;
      if (config.seedDemo && config.mode === 'local') {
        context.tasks.run('seed demo peer groups', async () => {
          await seedDemoPeerGroups(groups, invitations, clock(), logger);
        });
      }
      timer = setTimeout(function again() {
        runTick();
        timer = setTimeout(again, tickMs);
      }, 2_000);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}

function graphCalendar(settings: GraphSettings, credential: TokenCredential | undefined): GraphCalendar {
  return new GraphClientCalendar({
    organizerUpn: settings.organizerUpn,
    baseUrl: settings.baseUrl,
    credential: credential ?? graphCredential(settings),
  });
}

function graphCredential(settings: GraphSettings): TokenCredential {
  if (settings.clientSecret && settings.tenantId && settings.clientId) {
    return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret);
  }
  return settings.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId })
    : new ManagedIdentityCredential();
}
