import type { TokenCredential } from '@azure/identity';
import { graphCredentialFor } from '../platform/graph/graph-client';
import { registerPeerGroupRoutes } from './peer-group-routes';
import type { GraphSettings } from '../platform/config/config';
import { MyGroupCommand } from './my-group-command';
import { RsvpAction } from './rsvp-action';
import { GraphClientCalendar, type GraphCalendar } from './graph-calendar';
import { DEFAULT_ORGANIZER } from './invitation-calendar';
import { InvitationService } from './invitation-service';
import { PeerGroupPersonalData } from './peer-group-personal-data';
import { PeerGroupService } from './peer-group-service';
import { PeerMeetingRepository } from './peer-group-meeting-repository';
import { PeerGroupRepository } from './peer-group-repository';
import { PeriodicJob } from '../platform/periodic-job';
import type { MunicipalityRepository, ParticipantRepository } from '../people';
import type { ProgrammeRepository } from '../programme';
import type { GroupMember } from '../reminders';
import type { ProgrammeEvent } from '../shared/programme-event';
import type { Feature, FeatureContext } from '../platform/feature';

export interface GroupsSettings {
  /** How often each instance looks for meetings due an RSVP reminder (default 60 s). */
  readonly tickMs?: number;
  /** The Graph token source (tests pass a fake); by default from the GRAPH_ settings. */
  readonly graphCredential?: TokenCredential;
}

export interface GroupsDeps {
  readonly programme: ProgrammeRepository;
  readonly participants: ParticipantRepository;
  readonly municipalities: MunicipalityRepository;
}

export interface GroupsFeature extends Feature {
  readonly groups: PeerGroupService;
  readonly invitations: InvitationService;
  readonly formations: PeerGroupRepository;
  readonly meetings: PeerMeetingRepository;
  /** One RSVP-reminder pass now (tests). */
  tick(): Promise<string[]>;
  /** The members of a leadership discussion's groups, each with their own group's link (for reminders). */
  groupMembers(event: ProgrammeEvent): Promise<readonly GroupMember[]>;
}

/**
 * Top-management peer groups: forming balanced cross-municipality groups for each leadership
 * discussion, the meetings and personal invitations (cards with Accept / Decline and an .ics link,
 * or real Outlook invitations through Microsoft Graph when configured), the answers, one RSVP
 * reminder, the `ryhmäni` command and the tab's routes.
 */
export function groupsFeature(
  context: FeatureContext,
  deps: GroupsDeps,
  settings: GroupsSettings = {},
): GroupsFeature {
  const { store, clock, logger, config, delivery } = context;
  const formations = new PeerGroupRepository(store);
  const meetings = new PeerMeetingRepository(store);
  const groups = new PeerGroupService(
    deps.programme,
    deps.participants,
    deps.municipalities,
    formations,
    clock,
  );
  const graph = config.graph ? graphCalendar(config.graph, settings.graphCredential) : undefined;
  const invitations = new InvitationService({
    participants: deps.participants,
    municipalities: deps.municipalities,
    groups,
    meetings,
    delivery,
    graph,
    organizer: config.graph
      ? { name: DEFAULT_ORGANIZER.name, email: config.graph.organizerUpn }
      : DEFAULT_ORGANIZER,
    publicUrl: config.publicUrl,
    signer: context.personalLinks,
    clock,
    logger: logger.child({ component: 'peer-groups' }),
    rsvpReminderHours: config.rsvpReminderHours ?? 48,
  });

  const job = new PeriodicJob({
    name: 'rsvp reminder tick',
    intervalMs: settings.tickMs ?? 60_000,
    firstRunAfterMs: 2_000,
    logger,
    run: async () => {
      const sent = await invitations.tickRsvpReminders();
      if (sent.length > 0) logger.info('rsvp reminders enqueued', { deliveries: sent });
    },
  });

  return {
    name: 'groups',
    groups,
    invitations,
    formations,
    meetings,
    tick: () => invitations.tickRsvpReminders(),
    groupMembers: async (event) =>
      (await meetings.listForRound(event.roundId))
        .filter((meeting) => meeting.eventId === event.id && meeting.status === 'scheduled')
        .flatMap((meeting) =>
          meeting.members.map((member) => ({
            identity: { tenantId: member.tenantId, aadObjectId: member.aadObjectId },
            joinUrl: meeting.joinUrl,
          })),
        ),
    commands: [new MyGroupCommand(groups, invitations, clock)],
    cardActions: [new RsvpAction(invitations)],
    registerApi: (router) => registerPeerGroupRoutes(router, { groups, invitations, clock }),
    personalData: new PeerGroupPersonalData(deps.programme, formations, meetings, clock),
    start: () => job.start(),
    stop: () => job.stop(),
  };
}

function graphCalendar(settings: GraphSettings, credential: TokenCredential | undefined): GraphCalendar {
  return new GraphClientCalendar({
    organizerUpn: settings.organizerUpn,
    baseUrl: settings.baseUrl,
    credential: credential ?? graphCredentialFor(settings),
  });
}
