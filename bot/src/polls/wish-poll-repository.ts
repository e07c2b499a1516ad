import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { TeamsIdentity } from '../shared/participant';
import type { LocalizedText } from '../shared/i18n/language';
import {
  isParticipantRole,
  TOPIC_ID_PATTERN,
  type WishPoll,
  type WishPollAnswer,
  type WishPollTopic,
} from './wish-poll';
import { emptyTally, parseTally, type WishPollTally } from './wish-poll-tally';
import { z } from 'zod';
import { ConflictError } from '../platform/storage/errors';
import { jsonColumn } from '../platform/storage/json-column';
import { escapeKey, unescapeKey } from '../platform/storage/keys';
import {
  createIfAbsent,
  deleteIfPresent,
  getEntity,
  odata,
  readAll,
  readPage,
  replaceIfUnchanged,
  submitConditional,
  type Page,
  type TableStore,
  type Versioned,
} from '../platform/storage/table-store';

/**
 * Wish polls on Table Storage, in two tables.
 *
 * `wishpolls`: partition `poll`, row = poll id (the definitions: a handful per round, listed with
 * one partition scan); partition `reminder`, row = poll id (the marker that the reminder to
 * non-answerers was claimed, created with createIfAbsent so two instances send it once).
 *
 * `wishpollanswers`: one partition per poll, holding three kinds of rows:
 * - `a|<tenant>|<object id>`: one participant's answer (one row per person, replaced on change);
 * - `s|<tenant>|<object id>`: that answer's free-text suggestion, if any, so listing suggestions
 *   reads only rows that have one;
 * - `t|00` … `t|63`: the tally, sharded. A person always counts in the same shard.
 *
 * Because the answer, its suggestion and its tally shard share a partition, a change is written as
 * one entity-group transaction, conditional on the ETags read: the answer and the tally commit
 * together or not at all, so no retry, crash or concurrent change can count an answer twice or
 * lose one. Within one process the service writes a poll's answers in groups, one transaction at a
 * time (several answers and the shards they touch); sharding keeps instances that write at the same
 * time from conflicting on one tally row.
 */
export const TALLY_SHARDS = 64;

/**
 * A stored list keeps the items the code still knows and drops the rest (a role or a topic shape
 * retired since the row was written), so an old row still reads; text that is not a JSON list is
 * a StoredDataError like any other column. A blank column is an empty list.
 */
function listColumn<T>(column: string, isItem: (item: unknown) => item is T) {
  return jsonColumn(
    column,
    z.array(z.unknown()).transform((items) => items.filter(isItem)),
    { whenBlank: () => [] },
  );
}
const topicsColumn = listColumn('poll topics', isTopic);
const rolesColumn = listColumn('roles', isParticipantRole);
const idsColumn = listColumn('ids', isString);

const POLL_PARTITION = 'poll';
const REMINDER_PARTITION = 'reminder';
const ANSWER_PREFIX = 'a|';
const SUGGESTION_PREFIX = 's|';
const TALLY_PREFIX = 't|';
// Strings just after each prefix in key order ('|' + 1 = '}'), bounding range queries.
const ANSWER_END = 'a}';
const SUGGESTION_END = 's}';
const TALLY_END = 't}';
/** A string property holds at most 64 KiB (32 K UTF-16 units); the tally JSON is split below that. */
const TALLY_CHUNK = 30_000;
const MAX_TALLY_CHUNKS = 16;

type PollEntity = {
  question: string;
  topics: string;
  selectionMode: string;
  maxChoices?: number;
  suggestionMaxLength?: number;
  opensAt: string;
  closesAt: string;
  closedAt?: string;
  audienceRoles: string;
  audienceMunicipalities: string;
  anonymous: boolean;
  resultsVisible: boolean;
  reminderLeadMinutes?: number;
  createdByTenantId: string;
  createdByObjectId: string;
  createdAt: string;
};

// A type alias, not an interface: transactions need entities assignable to Record<string, unknown>.
type AnswerEntity = {
  tenantId: string;
  aadObjectId: string;
  name?: string;
  municipalityId?: string;
  roles: string;
  topicIds: string;
  suggestion?: string;
  submittedAt: string;
  version: number;
  shard: number;
};

type SuggestionEntity = {
  text: string;
  municipalityId?: string;
  name?: string;
  submittedAt: string;
};

interface ShardEntity {
  chunks: number;
  closedAt?: string;
  [chunk: `tally${number}`]: string | undefined;
}

export interface TallyShard {
  readonly index: number;
  readonly tally: WishPollTally;
  /** Set on every shard when the poll is closed early: an answer's transaction then fails its ETag. */
  readonly closedAt: string | undefined;
}

export interface StoredSuggestion {
  readonly text: string;
  readonly municipalityId: string | undefined;
  readonly name: string | undefined;
  readonly submittedAt: string;
}

/** What a commit stored, with the ETags storage gave it (undefined if a response lacked one). */
export interface CommittedAnswer {
  readonly answer: Versioned<WishPollAnswer> | undefined;
  readonly shard: Versioned<TallyShard> | undefined;
}

/** Answers one transaction may carry: each takes up to two operations and its shard one more, of 100. */
export const MAX_GROUP_ANSWERS = 32;

/** One person's answer change within a group: stored as `next`, counted in shard `shard`. */
export interface AnswerChange {
  readonly previous: Versioned<WishPollAnswer> | undefined;
  readonly next: WishPollAnswer;
  readonly shard: number;
}

/** One change of one person's answer, to be committed atomically with its tally shard. */
export interface AnswerCommit {
  readonly previous: Versioned<WishPollAnswer> | undefined;
  readonly next: WishPollAnswer;
  readonly shard: Versioned<TallyShard>;
  readonly tally: WishPollTally;
}

export class WishPollRepository {
  constructor(private readonly store: TableStore) {}

  /**
   * Creates a poll and its empty tally shards. The shards go first: a poll row without shards is
   * never visible. Returns false when a poll with this id exists already.
   */
  async create(poll: WishPoll): Promise<boolean> {
    const answers = await this.answers();
    const partitionKey = escapeKey(poll.id);
    const shards: TransactionAction[] = [];
    for (let index = 0; index < TALLY_SHARDS; index += 1) {
      shards.push(['upsert', shardEntity(partitionKey, index, emptyTally(), undefined), 'Replace']);
    }
    await answers.submitTransaction(shards);
    const polls = await this.polls();
    return createIfAbsent(polls, pollEntity(poll));
  }

  async get(pollId: string): Promise<Versioned<WishPoll> | undefined> {
    const polls = await this.polls();
    const entity = await getEntity<PollEntity>(polls, POLL_PARTITION, escapeKey(pollId));
    return entity ? { value: toPoll(pollId, entity), etag: entity.etag } : undefined;
  }

  /** Every poll; a round has a handful, so one partition scan page by page. */
  async list(): Promise<WishPoll[]> {
    const polls = await this.polls();
    return readAll<PollEntity & { rowKey?: string }, WishPoll>(
      polls,
      odata`PartitionKey eq ${POLL_PARTITION}`,
      (entity) => toPoll(unescapeKey(entity.rowKey ?? ''), entity),
    );
  }

  async update(poll: WishPoll, etag: string): Promise<string> {
    const polls = await this.polls();
    return replaceIfUnchanged(polls, pollEntity(poll), etag);
  }

  /** The tally shard a person's first answer counts in. */
  shardFor(answerer: TeamsIdentity): number {
    return shardOf(answerer);
  }

  /** Reads one person's answer and the tally shard it counts in, in parallel. */
  async readForAnswer(
    pollId: string,
    answerer: TeamsIdentity,
  ): Promise<{ answer: Versioned<WishPollAnswer> | undefined; shard: Versioned<TallyShard> | undefined }> {
    const answers = await this.answers();
    const partitionKey = escapeKey(pollId);
    const expected = shardOf(answerer);
    const [answerEntity, expectedShard] = await Promise.all([
      getEntity<AnswerEntity>(answers, partitionKey, answerKey(answerer)),
      this.readShard(answers, partitionKey, expected),
    ]);
    // An answer stays in the shard it was first counted in, even if the shard count ever changes.
    const shard =
      answerEntity && answerEntity.shard !== expected
        ? await this.readShard(answers, partitionKey, answerEntity.shard)
        : expectedShard;
    return {
      answer: answerEntity ? { value: toAnswer(pollId, answerEntity), etag: answerEntity.etag } : undefined,
      shard,
    };
  }

  async getAnswer(pollId: string, answerer: TeamsIdentity): Promise<Versioned<WishPollAnswer> | undefined> {
    const answers = await this.answers();
    const entity = await getEntity<AnswerEntity>(answers, escapeKey(pollId), answerKey(answerer));
    return entity ? { value: toAnswer(pollId, entity), etag: entity.etag } : undefined;
  }

  /**
   * Writes the answer, its suggestion row and the tally shard in one transaction: a first answer
   * (no `previous`) is created, so it fails if the person has an answer after all; a change and the
   * shard are conditional on their ETags. {@link ConflictError} if any of that does not hold. Returns
   * the new ETags, so the next change needs no read.
   */
  async commitAnswer(commit: AnswerCommit): Promise<CommittedAnswer> {
    const [committed] = await this.commitAnswers(
      [{ previous: commit.previous, next: commit.next, shard: commit.shard.value.index }],
      [{ ...commit.shard, value: { ...commit.shard.value, tally: commit.tally } }],
    );
    return committed ?? { answer: undefined, shard: undefined };
  }

  /**
   * Several people's answers to one poll and the shards they count in, as one transaction: all of
   * it is stored or none (see {@link commitAnswer}). `shards` carry the tallies to store, each with
   * the ETag it was read or last written with. At most {@link MAX_GROUP_ANSWERS} answers and one
   * change per person. Returns, per answer, what was stored with the new ETags.
   */
  async commitAnswers(
    changes: readonly AnswerChange[],
    shards: readonly Versioned<TallyShard>[],
  ): Promise<CommittedAnswer[]> {
    const first = changes[0];
    if (!first) return [];
    if (changes.length > MAX_GROUP_ANSWERS) throw new RangeError('Too many answers for one transaction');
    const answers = await this.answers();
    const partitionKey = escapeKey(first.next.pollId);
    const actions: TransactionAction[] = [];
    const answerAction: number[] = [];
    for (const { previous, next, shard } of changes) {
      const row = answerEntity(next, shard);
      answerAction.push(actions.length);
      actions.push(previous ? ['update', row, 'Replace', { etag: previous.etag }] : ['create', row]);
      const suggestionKey = SUGGESTION_PREFIX + identityKey(next.answerer);
      if (next.suggestion !== undefined) {
        const suggestion: SuggestionEntity & { partitionKey: string; rowKey: string } = {
          partitionKey,
          rowKey: suggestionKey,
          text: next.suggestion,
          submittedAt: next.submittedAt,
          ...(next.municipalityId ? { municipalityId: next.municipalityId } : {}),
          ...(next.name ? { name: next.name } : {}),
        };
        actions.push(['upsert', suggestion, 'Replace']);
      } else if (previous?.value.suggestion !== undefined) {
        actions.push(['delete', { partitionKey, rowKey: suggestionKey }]);
      }
    }
    const shardAction = new Map<number, number>();
    for (const shard of shards) {
      shardAction.set(shard.value.index, actions.length);
      actions.push([
        'update',
        shardEntity(partitionKey, shard.value.index, shard.value.tally, shard.value.closedAt),
        'Replace',
        { etag: shard.etag },
      ]);
    }
    const response = await submitConditional(answers, actions, partitionKey, answerKey(first.next.answerer));
    // Sub-responses come in the order of the actions.
    const etagAt = (index: number | undefined): string | undefined =>
      index === undefined ? undefined : response.subResponses[index]?.etag;
    const storedShards = new Map<number, Versioned<TallyShard>>();
    for (const shard of shards) {
      const etag = etagAt(shardAction.get(shard.value.index));
      if (etag) storedShards.set(shard.value.index, { value: shard.value, etag });
    }
    return changes.map((change, index) => {
      const etag = etagAt(answerAction[index]);
      return {
        answer: etag ? { value: change.next, etag } : undefined,
        shard: storedShards.get(change.shard),
      };
    });
  }

  /**
   * Removes a person's answer and suggestion (erasure). The tally keeps its counts: they name no
   * one, and an anonymous poll keeps only counts in any case.
   */
  async eraseAnswer(pollId: string, answerer: TeamsIdentity): Promise<boolean> {
    const client = await this.store.table('wishpollanswers');
    const partitionKey = escapeKey(pollId);
    const answer = await deleteIfPresent(client, partitionKey, answerKey(answerer));
    const suggestion = await deleteIfPresent(client, partitionKey, SUGGESTION_PREFIX + identityKey(answerer));
    return answer || suggestion;
  }

  /** Every tally shard of a poll: one range query of {@link TALLY_SHARDS} rows. */
  async readShards(pollId: string): Promise<Versioned<TallyShard>[]> {
    const answers = await this.answers();
    const partitionKey = escapeKey(pollId);
    return readAll<ShardEntity & { rowKey?: string }, Versioned<TallyShard>>(
      answers,
      odata`PartitionKey eq ${partitionKey} and RowKey ge ${TALLY_PREFIX} and RowKey lt ${TALLY_END}`,
      (entity) => ({ value: toShard(entity), etag: entity.etag }),
    );
  }

  /** Marks every shard closed in one transaction, so no answer can commit after this succeeds. */
  async closeShards(
    pollId: string,
    shards: readonly Versioned<TallyShard>[],
    closedAt: string,
  ): Promise<void> {
    const answers = await this.answers();
    const partitionKey = escapeKey(pollId);
    const actions: TransactionAction[] = shards.map((shard) => [
      'update',
      shardEntity(partitionKey, shard.value.index, shard.value.tally, closedAt),
      'Replace',
      { etag: shard.etag },
    ]);
    await submitConditional(answers, actions, partitionKey, TALLY_PREFIX);
  }

  async suggestionsPage(
    pollId: string,
    pageSize: number,
    continuationToken?: string,
  ): Promise<Page<StoredSuggestion>> {
    const answers = await this.answers();
    const partitionKey = escapeKey(pollId);
    return readPage<SuggestionEntity, StoredSuggestion>(
      answers,
      {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${SUGGESTION_PREFIX} and RowKey lt ${SUGGESTION_END}`,
        pageSize,
        continuationToken,
      },
      (entity) => ({
        text: entity.text ?? '',
        municipalityId: entity.municipalityId || undefined,
        name: entity.name || undefined,
        submittedAt: entity.submittedAt ?? '',
      }),
    );
  }

  async answersPage(
    pollId: string,
    pageSize: number,
    continuationToken?: string,
  ): Promise<Page<WishPollAnswer>> {
    const answers = await this.answers();
    const partitionKey = escapeKey(pollId);
    return readPage<AnswerEntity, WishPollAnswer>(
      answers,
      {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${ANSWER_PREFIX} and RowKey lt ${ANSWER_END}`,
        pageSize,
        continuationToken,
      },
      (entity) => toAnswer(pollId, entity),
    );
  }

  /** Who has answered (identities only), for the reminder to those who have not. */
  async answererKeys(pollId: string): Promise<Set<string>> {
    const answers = await this.answers();
    const partitionKey = escapeKey(pollId);
    const keys = new Set<string>();
    for await (const page of answers
      .listEntities<{ tenantId?: string; aadObjectId?: string }>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${ANSWER_PREFIX} and RowKey lt ${ANSWER_END}`,
          select: ['tenantId', 'aadObjectId'],
        },
      })
      .byPage({ maxPageSize: 1000 })) {
      for (const entity of page) {
        if (entity.tenantId && entity.aadObjectId) keys.add(personKey(entity as TeamsIdentity));
      }
    }
    return keys;
  }

  /**
   * Claims the one reminder of a poll. True for exactly one caller across instances; a claim that
   * was never completed (a crash in between) can be taken over after `staleAfterMs`.
   */
  async claimReminder(pollId: string, now: Date, staleAfterMs: number): Promise<boolean> {
    const polls = await this.polls();
    const rowKey = escapeKey(pollId);
    const claim = {
      partitionKey: REMINDER_PARTITION,
      rowKey,
      state: 'claimed',
      claimedAt: now.toISOString(),
    };
    if (await createIfAbsent(polls, claim)) return true;
    const existing = await getEntity<{ state?: string; claimedAt?: string }>(
      polls,
      REMINDER_PARTITION,
      rowKey,
    );
    if (!existing || existing.state !== 'claimed') return false;
    if (now.getTime() - Date.parse(existing.claimedAt ?? '') < staleAfterMs) return false;
    try {
      await replaceIfUnchanged(polls, claim, existing.etag);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  async completeReminder(pollId: string, now: Date, recipients: number): Promise<void> {
    const polls = await this.polls();
    await polls.upsertEntity(
      {
        partitionKey: REMINDER_PARTITION,
        rowKey: escapeKey(pollId),
        state: 'sent',
        sentAt: now.toISOString(),
        recipients,
      },
      'Replace',
    );
  }

  async reminderState(pollId: string): Promise<'claimed' | 'sent' | undefined> {
    const polls = await this.polls();
    const entity = await getEntity<{ state?: string }>(polls, REMINDER_PARTITION, escapeKey(pollId));
    if (!entity) return undefined;
    return entity.state === 'sent' ? 'sent' : 'claimed';
  }

  private polls(): Promise<TableClient> {
    return this.store.table('wishpolls');
  }

  private answers(): Promise<TableClient> {
    return this.store.table('wishpollanswers');
  }

  private async readShard(
    answers: TableClient,
    partitionKey: string,
    index: number,
  ): Promise<Versioned<TallyShard> | undefined> {
    const entity = await getEntity<ShardEntity>(answers, partitionKey, shardKey(index));
    return entity ? { value: toShard({ ...entity, rowKey: shardKey(index) }), etag: entity.etag } : undefined;
  }
}

/** `tenant/objectId`: how the service compares people. */
export function personKey(identity: TeamsIdentity): string {
  return `${identity.tenantId}/${identity.aadObjectId}`;
}

/** The tally shard a person counts in: a stable hash (FNV-1a) of who they are. */
export function shardOf(identity: TeamsIdentity): number {
  let hash = 0x811c9dc5;
  for (const character of personKey(identity)) {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % TALLY_SHARDS;
}

function identityKey(identity: TeamsIdentity): string {
  return `${escapeKey(identity.tenantId)}|${escapeKey(identity.aadObjectId)}`;
}

function answerKey(identity: TeamsIdentity): string {
  return ANSWER_PREFIX + identityKey(identity);
}

function shardKey(index: number): string {
  return TALLY_PREFIX + String(index).padStart(2, '0');
}

/**
 * Runs a transaction. A changed ETag (412), a row created meanwhile (409) or a row removed
 * meanwhile (404: an answer erased since it was read) is a {@link ConflictError}: read again.
 */
function pollEntity(poll: WishPoll): PollEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: POLL_PARTITION,
    rowKey: escapeKey(poll.id),
    question: JSON.stringify(poll.question),
    topics: JSON.stringify(poll.topics),
    selectionMode: poll.selection.mode,
    ...(poll.selection.mode === 'multiple' && poll.selection.maxChoices !== undefined
      ? { maxChoices: poll.selection.maxChoices }
      : {}),
    ...(poll.suggestionMaxLength !== undefined ? { suggestionMaxLength: poll.suggestionMaxLength } : {}),
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
    ...(poll.closedAt ? { closedAt: poll.closedAt } : {}),
    audienceRoles: JSON.stringify(poll.audience.roles),
    audienceMunicipalities: JSON.stringify(poll.audience.municipalityIds),
    anonymous: poll.anonymous,
    resultsVisible: poll.resultsVisibleToParticipants,
    ...(poll.reminderLeadMinutes !== undefined ? { reminderLeadMinutes: poll.reminderLeadMinutes } : {}),
    createdByTenantId: poll.createdBy.tenantId,
    createdByObjectId: poll.createdBy.aadObjectId,
    createdAt: poll.createdAt,
  };
}

function toPoll(id: string, entity: PollEntity): WishPoll {
  return {
    id,
    question: parseLocalized(entity.question),
    topics: topicsColumn.read(entity.topics),
    selection:
      entity.selectionMode === 'multiple'
        ? { mode: 'multiple', maxChoices: entity.maxChoices ?? undefined }
        : { mode: 'single' },
    suggestionMaxLength: entity.suggestionMaxLength ?? undefined,
    opensAt: entity.opensAt,
    closesAt: entity.closesAt,
    closedAt: entity.closedAt || undefined,
    audience: {
      roles: rolesColumn.read(entity.audienceRoles),
      municipalityIds: idsColumn.read(entity.audienceMunicipalities),
    },
    anonymous: entity.anonymous === true,
    resultsVisibleToParticipants: entity.resultsVisible === true,
    reminderLeadMinutes: entity.reminderLeadMinutes ?? undefined,
    createdBy: { tenantId: entity.createdByTenantId, aadObjectId: entity.createdByObjectId },
    createdAt: entity.createdAt,
  };
}

function answerEntity(
  answer: WishPollAnswer,
  shard: number,
): AnswerEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: escapeKey(answer.pollId),
    rowKey: answerKey(answer.answerer),
    tenantId: answer.answerer.tenantId,
    aadObjectId: answer.answerer.aadObjectId,
    ...(answer.name ? { name: answer.name } : {}),
    ...(answer.municipalityId ? { municipalityId: answer.municipalityId } : {}),
    roles: JSON.stringify(answer.roles),
    topicIds: JSON.stringify(answer.topicIds),
    ...(answer.suggestion !== undefined ? { suggestion: answer.suggestion } : {}),
    submittedAt: answer.submittedAt,
    version: answer.version,
    shard,
  };
}

function toAnswer(pollId: string, entity: AnswerEntity): WishPollAnswer {
  return {
    pollId,
    answerer: { tenantId: entity.tenantId, aadObjectId: entity.aadObjectId },
    name: entity.name || undefined,
    municipalityId: entity.municipalityId || undefined,
    roles: rolesColumn.read(entity.roles),
    topicIds: idsColumn.read(entity.topicIds),
    suggestion: entity.suggestion ?? undefined,
    submittedAt: entity.submittedAt,
    version: entity.version,
  };
}

function shardEntity(
  partitionKey: string,
  index: number,
  tally: WishPollTally,
  closedAt: string | undefined,
): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const json = JSON.stringify(tally);
  const chunks = Math.max(1, Math.ceil(json.length / TALLY_CHUNK));
  if (chunks > MAX_TALLY_CHUNKS) throw new RangeError('The tally of a poll outgrew its storage row');
  const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey,
    rowKey: shardKey(index),
    chunks,
    ...(closedAt ? { closedAt } : {}),
  };
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    entity[`tally${chunk}`] = json.slice(chunk * TALLY_CHUNK, (chunk + 1) * TALLY_CHUNK);
  }
  return entity;
}

function toShard(entity: ShardEntity & { rowKey?: string }): TallyShard {
  let json = '';
  const chunks = typeof entity.chunks === 'number' ? entity.chunks : 0;
  for (let chunk = 0; chunk < chunks; chunk += 1) json += entity[`tally${chunk}`] ?? '';
  return {
    index: Number((entity.rowKey ?? '').slice(TALLY_PREFIX.length)),
    tally: parseTally(json),
    closedAt: entity.closedAt || undefined,
  };
}

function parseLocalized(json: string): LocalizedText {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      return {
        fi: typeof record.fi === 'string' ? record.fi : '',
        ...(typeof record.sv === 'string' ? { sv: record.sv } : {}),
        ...(typeof record.en === 'string' ? { en: record.en } : {}),
      };
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  return { fi: '' };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isTopic(value: unknown): value is WishPollTopic {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const label = record.label as Record<string, unknown> | undefined;
  return (
    typeof record.id === 'string' &&
    TOPIC_ID_PATTERN.test(record.id) &&
    typeof label === 'object' &&
    label !== null &&
    typeof label.fi === 'string'
  );
}
