import type { TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import { EVENT_TYPES, type ProgrammeEvent, type Round } from '../shared/programme-event';
import { PARTICIPANT_ROLES } from '../shared/roles';
import { escapeKey } from '../platform/storage/keys';
import { jsonColumn } from '../platform/storage/json-column';
import { ConflictError } from '../platform/storage/errors';
import {
  deleteIfPresent,
  getEntity,
  odata,
  readAll,
  replaceIfUnchanged,
  type TableStore,
  type Versioned,
} from '../platform/storage/table-store';

/**
 * Rounds live in one partition. Programme events are partitioned by round, so one query returns a
 * round's whole programme (a few dozen rows) and an event is a point read by (round, id).
 * Structured fields are stored as JSON columns and parsed with a schema on the way out, so a row
 * edited by hand cannot crash a turn.
 */
const ROUND_PARTITION = 'round';

const localizedSchema = z.object({ fi: z.string(), sv: z.string().optional(), en: z.string().optional() });
const fullLocalizedSchema = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const eventDetailsSchema = z.object({
  title: fullLocalizedSchema,
  description: localizedSchema.optional(),
  place: z
    .object({
      name: z.string(),
      address: z.string(),
      sv: z.object({ name: z.string(), address: z.string() }).optional(),
    })
    .optional(),
  onlineUrl: z.string().optional(),
  audienceRoles: z.array(z.enum(PARTICIPANT_ROLES)),
  municipalityId: z.string().optional(),
  inPersonQuota: z.number().int().positive().optional(),
  preAssignment: z
    .object({ text: localizedSchema, url: z.string().optional(), dueAt: z.string().optional() })
    .optional(),
  organiser: z.enum(['Kuntaliitto', 'FCG']),
});
const eventDetailsColumn = jsonColumn('event details', eventDetailsSchema);
const roundNameColumn = jsonColumn('round name', localizedSchema);

interface EventEntity {
  id: string;
  roundId: string;
  type: string;
  startsAt: string;
  endsAt: string;
  details: string;
}

interface RoundEntity {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  teamId?: string;
}

export class ProgrammeRepository {
  constructor(private readonly store: TableStore) {}

  async saveRound(round: Round): Promise<void> {
    const client = await this.store.table('rounds');
    await client.upsertEntity(roundEntity(round), 'Replace');
  }

  async getRound(roundId: string): Promise<Round | undefined> {
    const client = await this.store.table('rounds');
    const entity = await getEntity<RoundEntity>(client, ROUND_PARTITION, escapeKey(roundId));
    return entity ? toRound(entity) : undefined;
  }

  /** A round with its version, for a change that must not overwrite a concurrent one. */
  async getVersionedRound(roundId: string): Promise<Versioned<Round> | undefined> {
    const client = await this.store.table('rounds');
    const entity = await getEntity<RoundEntity>(client, ROUND_PARTITION, escapeKey(roundId));
    return entity ? { value: toRound(entity), etag: entity.etag } : undefined;
  }

  /**
   * A coordinator's choice of the round's team (undefined goes back to the default), only if
   * nobody changed the round since `etag` was read: otherwise, or when the round is gone, a
   * {@link ConflictError}. Returns the round's new version.
   */
  async setRoundTeam(roundId: string, teamId: string | undefined, etag: string): Promise<string> {
    const current = await this.getVersionedRound(roundId);
    if (!current) throw new ConflictError('rounds', ROUND_PARTITION, escapeKey(roundId));
    const client = await this.store.table('rounds');
    return replaceIfUnchanged(client, roundEntity({ ...current.value, teamId }), etag);
  }

  /**
   * The team a coordinator chose for the round; without a round (a poll), the team of the round
   * under way at `now`, or of the only round that has one.
   */
  async roundTeam(roundId: string | undefined, now: Date): Promise<string | undefined> {
    if (roundId) return (await this.getRound(roundId))?.teamId;
    const rounds = await this.listRounds();
    const at = now.toISOString();
    const current = rounds.find((round) => round.startsAt <= at && at < round.endsAt && round.teamId);
    if (current) return current.teamId;
    const withTeam = [...new Set(rounds.flatMap((round) => (round.teamId ? [round.teamId] : [])))];
    return withTeam.length === 1 ? withTeam[0] : undefined;
  }

  async listRounds(): Promise<Round[]> {
    const client = await this.store.table('rounds');
    const rounds = await readAll<RoundEntity, Round>(client, undefined, toRound);
    return rounds.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  /** The round running at `now`, else the next one to start, else the latest. */
  async currentRound(now: Date): Promise<Round | undefined> {
    const rounds = await this.listRounds();
    const iso = now.toISOString();
    return (
      rounds.find((round) => round.startsAt <= iso && iso <= round.endsAt) ??
      rounds.find((round) => round.startsAt > iso) ??
      rounds.at(-1)
    );
  }

  /** Removes a round and its whole programme (retention has ended). */
  async deleteRound(roundId: string): Promise<void> {
    const events = await this.store.table('events');
    const rows = await readAll<EventEntity, { partitionKey: string; rowKey: string }>(
      events,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      (entity) => ({ partitionKey: escapeKey(entity.roundId), rowKey: escapeKey(entity.id) }),
    );
    for (const row of rows) await deleteIfPresent(events, row.partitionKey, row.rowKey);
    await deleteIfPresent(await this.store.table('rounds'), ROUND_PARTITION, escapeKey(roundId));
  }

  async saveEvent(event: ProgrammeEvent): Promise<void> {
    const client = await this.store.table('events');
    await client.upsertEntity(toEntity(event), 'Replace');
  }

  /** Replaces an event only if nobody changed it since it was read. */
  async updateEvent(event: ProgrammeEvent, etag: string): Promise<string> {
    const client = await this.store.table('events');
    return replaceIfUnchanged(client, toEntity(event), etag);
  }

  async getEvent(roundId: string, eventId: string): Promise<Versioned<ProgrammeEvent> | undefined> {
    const client = await this.store.table('events');
    const entity = await getEntity<EventEntity>(client, escapeKey(roundId), escapeKey(eventId));
    return entity ? { value: toEvent(entity), etag: entity.etag } : undefined;
  }

  /** A round's programme in time order. */
  async listEvents(roundId: string): Promise<ProgrammeEvent[]> {
    const client = await this.store.table('events');
    const events = await readAll<EventEntity, ProgrammeEvent>(
      client,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      toEvent,
    );
    return events.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  }
}

function toEntity(event: ProgrammeEvent): EventEntity & { partitionKey: string; rowKey: string } {
  const details: z.input<typeof eventDetailsSchema> = {
    title: event.title,
    ...(event.description ? { description: event.description } : {}),
    ...(event.place ? { place: event.place } : {}),
    ...(event.onlineUrl ? { onlineUrl: event.onlineUrl } : {}),
    audienceRoles: [...event.audienceRoles],
    ...(event.municipalityId ? { municipalityId: event.municipalityId } : {}),
    ...(event.inPersonQuota ? { inPersonQuota: event.inPersonQuota } : {}),
    ...(event.preAssignment
      ? {
          preAssignment: {
            text: event.preAssignment.text,
            ...(event.preAssignment.url ? { url: event.preAssignment.url } : {}),
            ...(event.preAssignment.dueAt ? { dueAt: event.preAssignment.dueAt } : {}),
          },
        }
      : {}),
    organiser: event.organiser,
  };
  return {
    partitionKey: escapeKey(event.roundId),
    rowKey: escapeKey(event.id),
    id: event.id,
    roundId: event.roundId,
    type: event.type,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    details: eventDetailsColumn.write(details),
  };
}

function toEvent(entity: EventEntity | TableEntityResult<EventEntity>): ProgrammeEvent {
  const details = eventDetailsColumn.read(entity.details);
  const type = z.enum(EVENT_TYPES).parse(entity.type);
  return {
    roundId: entity.roundId,
    id: entity.id,
    type,
    title: details.title,
    description: details.description,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    place: details.place,
    onlineUrl: details.onlineUrl,
    audienceRoles: details.audienceRoles,
    municipalityId: details.municipalityId,
    inPersonQuota: details.inPersonQuota,
    preAssignment: details.preAssignment
      ? {
          text: details.preAssignment.text,
          url: details.preAssignment.url,
          dueAt: details.preAssignment.dueAt,
        }
      : undefined,
    organiser: details.organiser,
  };
}

function roundEntity(round: Round): RoundEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: ROUND_PARTITION,
    rowKey: escapeKey(round.id),
    id: round.id,
    name: roundNameColumn.write(round.name),
    startsAt: round.startsAt,
    endsAt: round.endsAt,
    ...(round.teamId ? { teamId: round.teamId } : {}),
  };
}

function toRound(entity: RoundEntity): Round {
  return {
    id: entity.id,
    name: roundNameColumn.read(entity.name),
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    teamId: entity.teamId || undefined,
  };
}
