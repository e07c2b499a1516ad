import { z } from 'zod';
import { buildInvitationCard, municipalityName } from './invitation-card';
import type { Municipality } from '../shared/municipality';
import type { ProgrammeEvent } from '../shared/programme-event';
import { formatHelsinkiRange } from '../shared/i18n/helsinki-time';
import { LANGUAGES, pickText, type Language } from '../shared/i18n/language';
import type { Clock } from '../platform/clock';
import type { InvitationService } from './invitation-service';
import { CalendarUnavailableError } from './meeting-sync';
import {
  identityOfMember,
  isMember,
  meetingIdOf,
  memberIdOf,
  type PeerGroupFormation,
  type PeerMeeting,
} from './peer-group-model';
import { PeerGroupError, type LeaderPool, type PeerGroupService } from './peer-group-service';
import { ApiError, type ApiRouter, type ApiUser, pathParams } from '../platform/api/api-router';
import type {
  AnswersResponse,
  DiscussionsResponse,
  FormationView,
  GroupMemberView,
  MyGroupsResponse,
  MyMeetingView,
  RsvpResult,
} from './peer-group-contracts';

export interface PeerGroupRouteDeps {
  readonly groups: PeerGroupService;
  readonly invitations: InvitationService;
  readonly clock: Clock;
}

const language = z.enum(LANGUAGES).optional();
const roundQuery = z.object({ roundId: z.string().min(1).max(200).optional(), lang: language });
const seed = z.string().trim().min(1).max(100);
const formationBody = z.object({ seed, groupSize: z.number().int().min(2).max(20).default(5) });
const moveBody = z.object({ memberId: z.string().min(3).max(300), targetIndex: z.number().int().min(0) });
const lockBody = z.object({ index: z.number().int().min(0), locked: z.boolean() });
const reformBody = z.object({ seed: seed.optional() });
const isoInstant = z.iso.datetime({ offset: true });
const localized = z.object({
  fi: z.string().max(4000),
  sv: z.string().max(4000).optional(),
  en: z.string().max(4000).optional(),
});
const meetingBody = z
  .object({
    startsAt: isoInstant.optional(),
    endsAt: isoInstant.optional(),
    joinUrl: z
      .url({ protocol: /^https$/ })
      .nullable()
      .optional(),
    agenda: localized.nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'nothing to change');
const rsvpBody = z.object({ response: z.enum(['accepted', 'declined']), sequence: z.number().int().min(0) });
const optOutBody = z.object({ optedOut: z.boolean(), roundId: z.string().min(1).max(200).optional() });
const icsQuery = z.object({ token: z.string().min(10).max(2000), lang: language });

/**
 * The peer groups in the tab. Coordinators: the round's leadership discussions, forming groups with
 * a seed and size (a stored draft), moving a member, locking, re-forming the rest, sending the
 * invitations, moving or cancelling one meeting, and the answers per group. Participants: my groups
 * and meetings, answering, and opting out of the round. Public: the signed .ics link of a card.
 */
export function registerPeerGroupRoutes(router: ApiRouter, deps: PeerGroupRouteDeps): void {
  const { groups, invitations } = deps;
  router.mapErrors(peerGroupErrors);

  const roundOf = async (roundId: string | undefined): Promise<string> => {
    const id = roundId ?? (await groups.currentRoundId());
    if (!id) throw new ApiError(404, 'There is no round.');
    return id;
  };

  const formationResponse = async (formation: PeerGroupFormation, lang: Language, status = 200) => {
    const pool = await groups.leaderPool(formation.roundId);
    const body = formationView(formation, pool, lang);
    return { status, body, headers: { ETag: formation.etag } };
  };

  router.add({
    method: 'get',
    path: '/api/groups/discussions',
    access: 'coordinator',
    summary: "The round's top-management discussions and whether their groups are formed and invited",
    query: roundQuery,
    handle: async ({ query, user }) => {
      const lang = query.lang ?? user.language;
      const roundId = query.roundId ?? (await groups.currentRoundId());
      if (!roundId) {
        const empty: DiscussionsResponse = {
          roundId: null,
          leaders: 0,
          optedOut: 0,
          outlook: invitations.usesOutlook,
          discussions: [],
        };
        return { status: 200, body: empty };
      }
      const [events, pool] = await Promise.all([groups.discussions(roundId), groups.leaderPool(roundId)]);
      const discussions = [];
      for (const event of events) {
        const formation = await groups.get(roundId, event.id);
        discussions.push({
          eventId: event.id,
          title: pickText(event.title, lang),
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          when: when(event.startsAt, event.endsAt, lang),
          formed: formation !== undefined,
          invitedAt: formation?.invitedAt ?? null,
          groupCount: formation?.groups.length ?? 0,
          diagnostics: formation?.diagnostics ?? null,
        });
      }
      const body: DiscussionsResponse = {
        roundId,
        leaders: pool.leaders.length,
        optedOut: pool.optOuts.size,
        outlook: invitations.usesOutlook,
        discussions,
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'get',
    path: '/api/groups/discussions/:eventId',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: "A discussion's groups with members, municipalities and diagnostics (ETag for edits)",
    query: roundQuery,
    handle: async ({ params, query, user }) => {
      const roundId = await roundOf(query.roundId);
      const formation = await groups.get(roundId, params.eventId);
      if (!formation) throw new ApiError(404, 'No groups have been formed for this discussion yet.');
      return formationResponse(formation, query.lang ?? user.language);
    },
  });

  router.add({
    method: 'post',
    path: '/api/groups/discussions/:eventId/formation',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: 'Forms the groups afresh with a seed and a group size (a draft; If-Match replaces a draft)',
    query: roundQuery,
    body: formationBody,
    handle: async ({ params, query, body, user: me, ifMatch }) => {
      const roundId = await roundOf(query.roundId);
      const formation = await groups.generate(roundId, params.eventId, body, me.name, ifMatch);
      return formationResponse(formation, query.lang ?? me.language, 201);
    },
  });

  router.add({
    method: 'post',
    path: '/api/groups/discussions/:eventId/move',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: 'Moves one member to another group; after the invitations, the meetings follow',
    query: roundQuery,
    body: moveBody,
    handle: async ({ params, query, body, user: me, ifMatch }) => {
      const roundId = await roundOf(query.roundId);
      const moved = await groups.move(
        roundId,
        params.eventId,
        body.memberId,
        body.targetIndex,
        me.name,
        ifMatch,
      );
      if (moved.invitedAt) await invitations.syncFormation(moved);
      return formationResponse(moved, query.lang ?? me.language);
    },
  });

  router.add({
    method: 'post',
    path: '/api/groups/discussions/:eventId/lock',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: 'Locks or unlocks a group: a locked group stays as it is when the rest are re-formed',
    query: roundQuery,
    body: lockBody,
    handle: async ({ params, query, body, user: me, ifMatch }) => {
      const roundId = await roundOf(query.roundId);
      const formation = await groups.setLocked(
        roundId,
        params.eventId,
        body.index,
        body.locked,
        me.name,
        ifMatch,
      );
      return formationResponse(formation, query.lang ?? me.language);
    },
  });

  router.add({
    method: 'post',
    path: '/api/groups/discussions/:eventId/reform',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: 'Re-forms the unlocked groups (with a new seed if given); refused once invitations are out',
    query: roundQuery,
    body: reformBody,
    handle: async ({ params, query, body, user: me, ifMatch }) => {
      const roundId = await roundOf(query.roundId);
      const formation = await groups.reform(roundId, params.eventId, body, me.name, ifMatch);
      return formationResponse(formation, query.lang ?? me.language);
    },
  });

  router.add({
    method: 'get',
    path: '/api/groups/discussions/:eventId/invitations/preview',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary:
      'Coordinators: the invitation card of the first group in each language, and how many members get one',
    query: roundQuery,
    handle: async ({ params, query }) => {
      const roundId = await roundOf(query.roundId);
      const formation = await groups.get(roundId, params.eventId);
      if (!formation) throw new ApiError(404, 'No groups have been formed for this discussion yet.');
      const [event, pool] = await Promise.all([
        groups.discussion(roundId, params.eventId),
        groups.leaderPool(roundId),
      ]);
      const first = formation.groups[0];
      const members = (first?.memberIds ?? []).map((memberId) => {
        const person = pool.people.get(memberId);
        return {
          ...identityOfMember(memberId),
          name: person?.name ?? '',
          email: person?.email,
          municipalityId: person?.municipalityId,
        };
      });
      // The first group's meeting as it will be created: the discussion's time and link.
      const meeting: PeerMeeting = {
        roundId,
        id: meetingIdOf(event.id, 0),
        eventId: event.id,
        groupIndex: 0,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        joinUrl: event.onlineUrl,
        agenda: undefined,
        members,
        sequence: 0,
        status: 'scheduled',
        graphEventId: undefined,
        rsvpReminderSequence: undefined,
        updatedAt: deps.clock().toISOString(),
        etag: '',
      };
      const cardIn = (language: Language) =>
        buildInvitationCard({
          kind: 'invitation',
          meeting,
          event,
          member: members[0] ?? { tenantId: '', aadObjectId: '' },
          language,
          municipalities: pool.municipalities,
          calendarUrl: '',
          inOutlook: invitations.usesOutlook,
          rsvp: undefined,
        });
      return {
        status: 200,
        body: {
          reach: {
            channels: 0,
            people: formation.groups.reduce((sum, group) => sum + group.memberIds.length, 0),
          },
          invitedAt: formation.invitedAt ?? null,
          cards: { fi: cardIn('fi'), sv: cardIn('sv'), en: cardIn('en') },
        },
      };
    },
  });

  router.add({
    method: 'post',
    path: '/api/groups/discussions/:eventId/invitations',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: "Creates the groups' meetings and sends each member a personal invitation (safe to repeat)",
    query: roundQuery,
    handle: async ({ params, query }) => {
      const roundId = await roundOf(query.roundId);
      const meetings = await invitations.sendInvitations(roundId, params.eventId);
      return {
        status: 200,
        body: {
          meetings: meetings.map((meeting) => ({
            meetingId: meeting.id,
            groupNumber: meeting.groupIndex + 1,
            sequence: meeting.sequence,
            deliveryId: `invitation:${meeting.roundId}:${meeting.id}:${meeting.sequence}`,
            inOutlook: meeting.graphEventId !== undefined,
          })),
        },
      };
    },
  });

  router.add({
    method: 'get',
    path: '/api/groups/discussions/:eventId/answers',
    params: pathParams('eventId'),
    access: 'coordinator',
    summary: "Each group's answers to the invitation: accepted, declined, not answered",
    query: roundQuery,
    handle: async ({ params, query, user }) => {
      const lang = query.lang ?? user.language;
      const roundId = await roundOf(query.roundId);
      const eventId = params.eventId;
      await groups.discussion(roundId, eventId);
      const [answers, pool] = await Promise.all([
        invitations.answers(roundId, eventId),
        groups.leaderPool(roundId),
      ]);
      const body: AnswersResponse = {
        eventId,
        groups: answers.map((group) => ({
          meetingId: group.meetingId,
          groupNumber: group.groupIndex + 1,
          status: group.status,
          sequence: group.sequence,
          deliveryId: `invitation:${roundId}:${group.meetingId}:${group.sequence}`,
          startsAt: group.startsAt,
          when: when(group.startsAt, group.endsAt, lang),
          joinUrl: group.joinUrl ?? null,
          inOutlook: group.inOutlook,
          counts: group.counts,
          members: group.members.map((member) => ({
            memberId: member.memberId,
            name: member.name,
            municipalityName: municipalityName(member.municipalityId, pool.municipalities, lang) || null,
            response: member.response,
            answeredIn: member.answeredIn ?? null,
            outdatedResponse: member.outdatedResponse ?? null,
            answeredAt: member.answeredAt ?? null,
          })),
        })),
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'patch',
    path: '/api/groups/meetings/:meetingId',
    params: pathParams('meetingId'),
    access: 'coordinator',
    summary: "Moves a group's meeting or changes its link or agenda; members get an updated invitation",
    query: roundQuery,
    body: meetingBody,
    handle: async ({ params, query, body }) => {
      const roundId = await roundOf(query.roundId);
      const meeting = await invitations.updateMeeting(roundId, params.meetingId, body);
      return {
        status: 200,
        body: { meetingId: meeting.id, sequence: meeting.sequence, startsAt: meeting.startsAt },
      };
    },
  });

  router.add({
    method: 'post',
    path: '/api/groups/meetings/:meetingId/cancel',
    params: pathParams('meetingId'),
    access: 'coordinator',
    summary: "Cancels a group's meeting; members get the cancellation (METHOD:CANCEL)",
    query: roundQuery,
    handle: async ({ params, query }) => {
      const roundId = await roundOf(query.roundId);
      const meeting = await invitations.cancelMeeting(roundId, params.meetingId);
      return {
        status: 200,
        body: { meetingId: meeting.id, sequence: meeting.sequence, status: meeting.status },
      };
    },
  });

  router.add({
    method: 'get',
    path: '/api/groups/meetings/:meetingId/invitation.ics',
    params: pathParams('meetingId'),
    access: 'public',
    summary:
      "A member's invitation as iCalendar (REQUEST, or CANCEL); the signed token in the link is the access",
    query: icsQuery,
    handle: async ({ params, query }) => {
      const file = await invitations.calendarFile(params.meetingId, query.token, query.lang);
      if (file === 'expired') throw new ApiError(410, 'This calendar link has expired.');
      if (file === 'gone') throw new ApiError(410, 'You are no longer a member of this group.');
      if (!file) throw new ApiError(404, 'There is no such invitation.');
      return {
        status: 200,
        text: file.text,
        contentType: file.contentType,
        headers: { 'Content-Disposition': `attachment; filename="${file.fileName}"` },
      };
    },
  });

  router.add({
    method: 'get',
    path: '/api/groups/me',
    access: 'participant',
    summary: 'My peer-group meetings of the round with members, times, links and my answers',
    query: roundQuery,
    handle: async ({ query, user: me }) => {
      const lang = query.lang ?? me.language;
      const roundId = query.roundId ?? (await groups.currentRoundId());
      if (!roundId) {
        const none: MyGroupsResponse = { roundId: null, isLeader: false, optedOut: false, meetings: [] };
        return { status: 200, body: none };
      }
      const pool = await groups.leaderPool(roundId);
      const meetings = await invitations.meetingsOf(roundId, me);
      const views: MyMeetingView[] = [];
      for (const meeting of meetings) views.push(await myMeetingView(meeting, me, lang, pool));
      const body: MyGroupsResponse = {
        roundId,
        isLeader: pool.people.has(memberIdOf(me)),
        optedOut: pool.optOuts.has(memberIdOf(me)),
        meetings: views,
      };
      return { status: 200, body };
    },
  });

  router.add({
    method: 'post',
    path: '/api/groups/meetings/:meetingId/rsvp',
    params: pathParams('meetingId'),
    access: 'participant',
    summary: 'Answers my invitation; 409 with the current invitation when it changed since it was shown',
    query: roundQuery,
    body: rsvpBody,
    handle: async ({ params, query, body, user: me }) => {
      const lang = query.lang ?? me.language;
      const roundId = await roundOf(query.roundId);
      const outcome = await invitations.respond(
        roundId,
        params.meetingId,
        me,
        body.response,
        body.sequence,
        me.name,
      );
      if (outcome.kind === 'unknownMeeting') throw new ApiError(404, 'There is no such meeting.');
      if (outcome.kind === 'notMember') throw new ApiError(403, 'You are not a member of this group.');
      if (outcome.kind === 'cancelled') throw new ApiError(409, 'The meeting has been cancelled.');
      const pool = await groups.leaderPool(roundId);
      const result: RsvpResult = {
        outcome: outcome.kind,
        meeting: await myMeetingView(outcome.meeting, me, lang, pool),
      };
      return { status: outcome.kind === 'recorded' ? 200 : 409, body: result };
    },
  });

  router.add({
    method: 'put',
    path: '/api/groups/me/opt-out',
    access: 'participant',
    summary: "Opts me out of (or back into) the round's peer groups; my upcoming groups are updated",
    body: optOutBody,
    handle: async ({ body, user: me }) => {
      const roundId = await roundOf(body.roundId);
      const changed = await groups.setOptOut(roundId, me, body.optedOut);
      for (const formation of changed) await invitations.syncFormation(formation);
      return { status: 200, body: { roundId, optedOut: body.optedOut } };
    },
  });

  async function myMeetingView(
    meeting: PeerMeeting,
    me: ApiUser,
    lang: Language,
    pool: LeaderPool,
  ): Promise<MyMeetingView> {
    const event = await groups.discussion(meeting.roundId, meeting.eventId);
    const rsvp = await invitations.rsvpOf(meeting, me);
    const calendarUrl = isMember(meeting, me) ? await invitations.calendarUrl(meeting, me) : '';
    return {
      roundId: meeting.roundId,
      meetingId: meeting.id,
      eventId: meeting.eventId,
      title: pickText(event.title, lang),
      groupNumber: meeting.groupIndex + 1,
      status: meeting.status,
      sequence: meeting.sequence,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      when: when(meeting.startsAt, meeting.endsAt, lang),
      joinUrl: meeting.joinUrl ?? null,
      agenda: agendaOf(meeting, event, lang),
      calendarUrl: calendarUrl || null,
      members: meeting.members.map((member) => ({
        name: member.name,
        municipalityName: municipalityName(member.municipalityId, pool.municipalities, lang) || null,
      })),
      myResponse: rsvp && rsvp.sequence === meeting.sequence ? rsvp.response : null,
    };
  }
}

function agendaOf(meeting: PeerMeeting, event: ProgrammeEvent, lang: Language): string | null {
  if (meeting.agenda) return pickText(meeting.agenda, lang);
  return event.preAssignment ? pickText(event.preAssignment.text, lang) : null;
}

function formationView(formation: PeerGroupFormation, pool: LeaderPool, lang: Language): FormationView {
  const member = (memberId: string): GroupMemberView => {
    const person = pool.people.get(memberId);
    const municipality: Municipality | undefined = person?.municipalityId
      ? pool.municipalities.get(person.municipalityId)
      : undefined;
    return {
      memberId,
      name: person?.name ?? '',
      municipalityId: person?.municipalityId ?? null,
      municipalityName: municipality ? municipalityName(municipality.id, pool.municipalities, lang) : null,
      region: municipality?.region ?? null,
      sizeClass: municipality?.sizeClass ?? null,
    };
  };
  return {
    roundId: formation.roundId,
    eventId: formation.eventId,
    seed: formation.seed,
    groupSize: formation.groupSize,
    invitedAt: formation.invitedAt ?? null,
    updatedAt: formation.updatedAt,
    updatedBy: formation.updatedBy,
    diagnostics: formation.diagnostics,
    groups: formation.groups.map((group) => ({
      index: group.index,
      number: group.index + 1,
      locked: group.locked,
      members: group.memberIds.map(member),
    })),
    optedOut: [...pool.optOuts].map(member),
    etag: formation.etag,
  };
}

function when(startsAt: string, endsAt: string, lang: Language): string {
  return formatHelsinkiRange(new Date(startsAt), new Date(endsAt), lang);
}

/** The services' named failures as answers; everything else stays a 500. */
function peerGroupErrors(error: unknown): ApiError | undefined {
  if (error instanceof PeerGroupError) {
    const statuses = {
      notFound: 404,
      invited: 409,
      invalid: 400,
      versionRequired: 428,
      notParticipant: 403,
    } as const;
    return new ApiError(statuses[error.code], error.message);
  }
  if (error instanceof CalendarUnavailableError) {
    return new ApiError(502, 'Outlook could not be reached. Try again in a moment; nothing is sent twice.');
  }
  return undefined;
}
