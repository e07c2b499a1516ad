import type { TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';
import { memberIdOf, type PeerMeeting, type Rsvp, type RsvpResponse } from './peer-group-model';
import { ConflictError, isStatusCode } from '../platform/storage/errors';
import { escapeKey } from '../platform/storage/keys';
import { jsonColumn } from '../platform/storage/json-column';
import {
  deleteIfPresent,
  getEntity,
  odata,
  readAll,
  replaceIfUnchanged,
  type TableStore,
} from '../platform/storage/table-store';

/**
 * Group meetings: table `peermeetings`, partition = round, row = meeting id (`<event>~<group>`). A
 * round has a few dozen meetings, so "my meetings" and "the answers of a discussion" are one
 * partition scan. Every change is ETag-guarded: two coordinators moving the same meeting cannot
 * both raise the sequence to the same number.
 *
 * Answers: table `peerrsvps`, partition = round and meeting, row = member; answering again replaces
 * the answer, so a member has exactly one.
 *
 * The key that signs the calendar links is one row of its own, created once with a random value so
 * every instance and every restart signs alike without another setting.
 */

const memberSchema = z.object({
  tenantId: z.string(),
  aadObjectId: z.string(),
  name: z.string(),
  email: z.string().optional(),
  municipalityId: z.string().optional(),
});
const agendaSchema = z.object({ fi: z.string(), sv: z.string().optional(), en: z.string().optional() });
const agendaColumn = jsonColumn('meeting agenda', agendaSchema);

interface MeetingEntity {
  roundId: string;
  id: string;
  eventId: string;
  groupIndex: number;
  startsAt: string;
  endsAt: string;
  joinUrl?: string;
  agenda?: string;
  members: string;
  sequence: number;
  status: string;
  graphEventId?: string;
  rsvpReminderSequence?: number;
  updatedAt: string;
}

interface RsvpEntity {
  roundId: string;
  meetingId: string;
  tenantId: string;
  aadObjectId: string;
  response: string;
  sequence: number;
  name: string;
  answeredAt: string;
}

export type NewMeeting = Omit<PeerMeeting, 'etag'>;

export class PeerMeetingRepository {
  constructor(private readonly store: TableStore) {}

  async get(roundId: string, meetingId: string): Promise<PeerMeeting | undefined> {
    const client = await this.store.table('peermeetings');
    const entity = await getEntity<MeetingEntity>(client, escapeKey(roundId), escapeKey(meetingId));
    return entity ? toMeeting(entity) : undefined;
  }

  /** The round's meetings, by discussion and group number. */
  async listForRound(roundId: string): Promise<PeerMeeting[]> {
    const client = await this.store.table('peermeetings');
    const meetings = await readAll<MeetingEntity, PeerMeeting>(
      client,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      toMeeting,
    );
    return meetings.sort((a, b) => a.eventId.localeCompare(b.eventId) || a.groupIndex - b.groupIndex);
  }

  /** Creates a meeting (undefined etag; ConflictError if it exists) or replaces the version read. */
  async save(meeting: NewMeeting, etag: string | undefined): Promise<PeerMeeting> {
    const client = await this.store.table('peermeetings');
    const entity = toEntity(meeting);
    if (etag !== undefined) return { ...meeting, etag: await replaceIfUnchanged(client, entity, etag) };
    try {
      const created = await client.createEntity(entity);
      return { ...meeting, etag: created.etag ?? '' };
    } catch (error) {
      if (isStatusCode(error, 409))
        throw new ConflictError(client.tableName, entity.partitionKey, entity.rowKey);
      throw error;
    }
  }

  async recordRsvp(rsvp: Rsvp): Promise<void> {
    const client = await this.store.table('peerrsvps');
    await client.upsertEntity(
      {
        partitionKey: rsvpPartition(rsvp.roundId, rsvp.meetingId),
        rowKey: escapeKey(memberIdOf(rsvp)),
        roundId: rsvp.roundId,
        meetingId: rsvp.meetingId,
        tenantId: rsvp.tenantId,
        aadObjectId: rsvp.aadObjectId,
        response: rsvp.response,
        sequence: rsvp.sequence,
        name: rsvp.name,
        answeredAt: rsvp.answeredAt,
      } satisfies RsvpEntity & { partitionKey: string; rowKey: string },
      'Replace',
    );
  }

  async rsvp(roundId: string, meetingId: string, identity: TeamsIdentity): Promise<Rsvp | undefined> {
    const client = await this.store.table('peerrsvps');
    const entity = await getEntity<RsvpEntity>(
      client,
      rsvpPartition(roundId, meetingId),
      escapeKey(memberIdOf(identity)),
    );
    return entity ? toRsvp(entity) : undefined;
  }

  async rsvps(roundId: string, meetingId: string): Promise<Rsvp[]> {
    const client = await this.store.table('peerrsvps');
    return readAll<RsvpEntity, Rsvp>(
      client,
      odata`PartitionKey eq ${rsvpPartition(roundId, meetingId)}`,
      toRsvp,
    );
  }

  async deleteRsvp(roundId: string, meetingId: string, identity: TeamsIdentity): Promise<void> {
    const client = await this.store.table('peerrsvps');
    await deleteIfPresent(client, rsvpPartition(roundId, meetingId), escapeKey(memberIdOf(identity)));
  }

  /** Removes a round's meetings and every answer to them (retention ended). */
  async deleteRound(roundId: string): Promise<void> {
    const meetings = await this.listForRound(roundId);
    const rsvps = await this.store.table('peerrsvps');
    for (const meeting of meetings) {
      for (const rsvp of await this.rsvps(roundId, meeting.id)) {
        await deleteIfPresent(rsvps, rsvpPartition(roundId, meeting.id), escapeKey(memberIdOf(rsvp)));
      }
    }
    const client = await this.store.table('peermeetings');
    for (const meeting of meetings) await deleteIfPresent(client, escapeKey(roundId), escapeKey(meeting.id));
  }
}

function rsvpPartition(roundId: string, meetingId: string): string {
  return escapeKey(`${roundId}|${meetingId}`);
}

const membersColumn = jsonColumn('meeting members', z.array(memberSchema), { whenBlank: () => [] });

function toEntity(meeting: NewMeeting): MeetingEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: escapeKey(meeting.roundId),
    rowKey: escapeKey(meeting.id),
    roundId: meeting.roundId,
    id: meeting.id,
    eventId: meeting.eventId,
    groupIndex: meeting.groupIndex,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    ...(meeting.joinUrl ? { joinUrl: meeting.joinUrl } : {}),
    ...(meeting.agenda ? { agenda: agendaColumn.write(meeting.agenda) } : {}),
    members: membersColumn.write(
      meeting.members.map((member) => ({
        tenantId: member.tenantId,
        aadObjectId: member.aadObjectId,
        name: member.name,
        ...(member.email ? { email: member.email } : {}),
        ...(member.municipalityId ? { municipalityId: member.municipalityId } : {}),
      })),
    ),
    sequence: meeting.sequence,
    status: meeting.status,
    ...(meeting.graphEventId ? { graphEventId: meeting.graphEventId } : {}),
    ...(meeting.rsvpReminderSequence !== undefined
      ? { rsvpReminderSequence: meeting.rsvpReminderSequence }
      : {}),
    updatedAt: meeting.updatedAt,
  };
}

function toMeeting(entity: TableEntityResult<MeetingEntity>): PeerMeeting {
  return {
    roundId: entity.roundId,
    id: entity.id,
    eventId: entity.eventId,
    groupIndex: entity.groupIndex,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    joinUrl: entity.joinUrl || undefined,
    agenda: entity.agenda ? agendaColumn.read(entity.agenda) : undefined,
    members: membersColumn.read(entity.members).map((member) => ({
      tenantId: member.tenantId,
      aadObjectId: member.aadObjectId,
      name: member.name,
      email: member.email,
      municipalityId: member.municipalityId,
    })),
    sequence: entity.sequence,
    status: entity.status === 'cancelled' ? 'cancelled' : 'scheduled',
    graphEventId: entity.graphEventId || undefined,
    rsvpReminderSequence:
      typeof entity.rsvpReminderSequence === 'number' ? entity.rsvpReminderSequence : undefined,
    updatedAt: entity.updatedAt,
    etag: entity.etag,
  };
}

function toRsvp(entity: RsvpEntity): Rsvp {
  const response: RsvpResponse = entity.response === 'declined' ? 'declined' : 'accepted';
  return {
    roundId: entity.roundId,
    meetingId: entity.meetingId,
    tenantId: entity.tenantId,
    aadObjectId: entity.aadObjectId,
    response,
    sequence: entity.sequence,
    name: entity.name,
    answeredAt: entity.answeredAt,
  };
}
