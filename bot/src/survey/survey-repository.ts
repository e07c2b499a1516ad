import { randomBytes } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { ConflictError, isStatusCode } from '../platform/storage/errors';
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
import type { TeamsIdentity } from '../shared/participant';
import { MUNICIPALITY_SIZE_CLASSES, type MunicipalitySizeClass } from '../shared/municipality';
import {
  instrumentContentSchema,
  withContent,
  type Rating,
  type SurveyAnswerContent,
  type SurveyInstrument,
} from './survey-instrument';
import type { Survey } from './survey';
import {
  emptyTally,
  groupTallySchema,
  surveyTallySchema,
  type GroupTally,
  type SurveyTally,
} from './survey-tally';

/**
 * The survey's tables.
 *
 * `surveyinstruments`: partition = instrument id, row = version (zero-padded, so versions sort).
 *
 * `surveys`: partition `survey`, row = survey id (a few hundred per round: one partition scan
 * lists them); partition `code`, row = the public code → survey id (the answer page's lookup);
 * partition `notice`, row = `<survey id>|<kind>` (the opening card and the reminder, claimed once
 * across instances); partition `secret`: the key the survey's tokens and hashes derive from.
 *
 * `surveyanswers`: one partition per survey, so an answer and its aggregate commit together:
 * - `t|00` … `t|15`: the tally, sharded; an answer counts in whichever shard its writer had free;
 * - `a|<keyed hash>`: one answer (ratings, background), with nothing that names or points to anyone;
 * - `c|<random>`: a comment, in a row of its own with no link to the answer it came with, so a
 *   comment can never be joined to the answerer's department or ratings;
 * - `o|<keyed hash>`: an unused one-time code (deleted by the answer that uses it);
 * - `p|<keyed hash>`: a participant who answered from a Teams card (see survey-keys.ts).
 *
 * `surveysummaries`: partition = round, row = survey id: each survey's whole-survey counts, rolled
 * up from its shards every few seconds, so the network comparison reads one row per municipality.
 *
 * `surveycontacts`: partition = survey id, row = `<tenant>|<object id>`: the people a coordinator
 * named as the municipality's contacts for the survey.
 */
export const TALLY_SHARDS = 16;

const SURVEY_PARTITION = 'survey';
const CODE_PARTITION = 'code';
const NOTICE_PARTITION = 'notice';
const SECRET_PARTITION = 'secret';
const SECRET_ROW = 'master';
const TALLY_PREFIX = 't|';
const TALLY_END = 't}';
const ANSWER_PREFIX = 'a|';
const ANSWER_END = 'a}';
const COMMENT_PREFIX = 'c|';
const COMMENT_END = 'c}';
const CODE_PREFIX = 'o|';
const LEDGER_PREFIX = 'p|';
const MAX_TALLY_JSON = 30_000;

const instrumentColumn = jsonColumn('survey instrument', instrumentContentSchema);
const tallyColumn = jsonColumn('survey tally shard', surveyTallySchema, { whenBlank: emptyTally });
const summaryColumn = jsonColumn('survey summary', groupTallySchema);
const ratingSchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal('dontKnow'),
]);
const answerColumn = jsonColumn(
  'survey answer',
  z.object({ ratings: z.record(z.string(), ratingSchema), background: z.record(z.string(), z.string()) }),
);

type InstrumentEntity = { content: string; updatedAt: string };

type SurveyEntity = {
  roundId: string;
  municipalityId: string;
  code: string;
  instrumentId: string;
  instrumentVersion: number;
  opensAt: string;
  closesAt: string;
  closedAt?: string;
  headcount?: number;
  requireCode: boolean;
  createdAt: string;
  createdByTenantId: string;
  createdByObjectId: string;
};

type ShardEntity = { tally: string; closedAt?: string };

export interface TallyShard {
  readonly index: number;
  readonly tally: SurveyTally;
  /** Set on every shard when the survey is closed early: an answer's transaction then fails its ETag. */
  readonly closedAt: string | undefined;
}

export interface SurveySummary {
  readonly surveyId: string;
  readonly roundId: string;
  readonly municipalityId: string;
  readonly sizeClass: MunicipalitySizeClass | undefined;
  readonly opensAt: string;
  readonly tally: GroupTally;
  readonly updatedAt: string;
}

export interface StoredComment {
  readonly text: string;
  readonly instrumentVersion: number;
}

/** How an answer reached us: the public page or a Teams card. */
export type AnswerChannel = 'web' | 'teams';

export interface AnswerCommit {
  readonly surveyId: string;
  readonly shard: Versioned<TallyShard>;
  readonly tally: SurveyTally;
  readonly answerRowId: string;
  readonly answer: SurveyAnswerContent;
  readonly instrumentVersion: number;
  readonly channel: AnswerChannel;
  /** The unused one-time code the answer spends, if the survey asks for one. */
  readonly oneTimeCodeRowId?: string | undefined;
  /** The Teams ledger row that marks the participant as answered. */
  readonly ledgerRowId?: string | undefined;
}

/** The answer's token (or, from Teams, the person) has answered already: nothing was written. */
export class DuplicateAnswerError extends Error {
  constructor(readonly surveyId: string) {
    super(`A second answer to survey ${surveyId} with the same token or person was refused`);
    this.name = 'DuplicateAnswerError';
  }
}

/** The one-time code does not exist or was used: nothing was written. */
export class CodeRejectedError extends Error {
  constructor(readonly surveyId: string) {
    super(`An answer to survey ${surveyId} came with a one-time code that is not valid`);
    this.name = 'CodeRejectedError';
  }
}

export class SurveyRepository {
  constructor(private readonly store: TableStore) {}

  // Instruments

  async instrument(id: string, version: number): Promise<Versioned<SurveyInstrument> | undefined> {
    const client = await this.store.table('surveyinstruments');
    const entity = await getEntity<InstrumentEntity>(client, escapeKey(id), versionKey(version));
    return entity ? { value: toInstrument(id, version, entity), etag: entity.etag } : undefined;
  }

  /** The newest version of an instrument. */
  async latestInstrument(id: string): Promise<Versioned<SurveyInstrument> | undefined> {
    const client = await this.store.table('surveyinstruments');
    const rows = await readAll<InstrumentEntity & { rowKey?: string }, Versioned<SurveyInstrument>>(
      client,
      odata`PartitionKey eq ${escapeKey(id)}`,
      (entity) => ({ value: toInstrument(id, Number(entity.rowKey ?? '0'), entity), etag: entity.etag }),
    );
    return rows.sort((a, b) => b.value.version - a.value.version)[0];
  }

  /** Stores a new version; false when that version exists already. */
  async createInstrument(instrument: SurveyInstrument): Promise<boolean> {
    const client = await this.store.table('surveyinstruments');
    return createIfAbsent(client, instrumentEntity(instrument));
  }

  async replaceInstrument(instrument: SurveyInstrument, etag: string): Promise<string> {
    const client = await this.store.table('surveyinstruments');
    return replaceIfUnchanged(client, instrumentEntity(instrument), etag);
  }

  // Surveys

  /**
   * Creates a survey, its empty tally shards and its public code. The shards and the code go
   * first: a survey row without them is never visible. False when the id or code is taken.
   */
  async createSurvey(survey: Survey): Promise<boolean> {
    const answers = await this.answers();
    const partitionKey = escapeKey(survey.id);
    const shards: TransactionAction[] = [];
    for (let index = 0; index < TALLY_SHARDS; index += 1) {
      shards.push(['upsert', shardEntity(partitionKey, index, emptyTally(), undefined), 'Replace']);
    }
    await answers.submitTransaction(shards);
    const surveys = await this.surveys();
    if (
      !(await createIfAbsent(surveys, {
        partitionKey: CODE_PARTITION,
        rowKey: survey.code,
        surveyId: survey.id,
      }))
    ) {
      return false;
    }
    return createIfAbsent(surveys, surveyEntity(survey));
  }

  async survey(surveyId: string): Promise<Versioned<Survey> | undefined> {
    const client = await this.surveys();
    const entity = await getEntity<SurveyEntity>(client, SURVEY_PARTITION, escapeKey(surveyId));
    return entity ? { value: toSurvey(surveyId, entity), etag: entity.etag } : undefined;
  }

  async surveyIdByCode(code: string): Promise<string | undefined> {
    const client = await this.surveys();
    const entity = await getEntity<{ surveyId: string }>(client, CODE_PARTITION, escapeKey(code));
    return entity?.surveyId;
  }

  /** Every survey, or a round's: a few hundred rows in one partition. */
  async listSurveys(roundId?: string): Promise<Survey[]> {
    const client = await this.surveys();
    const filter = roundId
      ? odata`PartitionKey eq ${SURVEY_PARTITION} and roundId eq ${roundId}`
      : odata`PartitionKey eq ${SURVEY_PARTITION}`;
    return readAll<SurveyEntity & { rowKey?: string }, Survey>(client, filter, (entity) =>
      toSurvey(unescapeKey(entity.rowKey ?? ''), entity),
    );
  }

  async updateSurvey(survey: Survey, etag: string): Promise<string> {
    const client = await this.surveys();
    return replaceIfUnchanged(client, surveyEntity(survey), etag);
  }

  /** Claims a notice (the opening card, the reminder) for one sender across instances. */
  async claimNotice(surveyId: string, kind: string, now: Date): Promise<boolean> {
    const client = await this.surveys();
    return createIfAbsent(client, {
      partitionKey: NOTICE_PARTITION,
      rowKey: escapeKey(`${surveyId}|${kind}`),
      claimedAt: now.toISOString(),
    });
  }

  async hasNotice(surveyId: string, kind: string): Promise<boolean> {
    const client = await this.surveys();
    return (await getEntity(client, NOTICE_PARTITION, escapeKey(`${surveyId}|${kind}`))) !== undefined;
  }

  /** The secret the survey's tokens and keyed hashes derive from, created on first use. */
  async masterKey(): Promise<Buffer> {
    const client = await this.surveys();
    const existing = await getEntity<{ key: string }>(client, SECRET_PARTITION, SECRET_ROW);
    if (existing) return Buffer.from(existing.key, 'base64');
    const key = randomBytes(32).toString('base64');
    if (await createIfAbsent(client, { partitionKey: SECRET_PARTITION, rowKey: SECRET_ROW, key })) {
      return Buffer.from(key, 'base64');
    }
    // Another instance created it first: use theirs.
    const winner = await getEntity<{ key: string }>(client, SECRET_PARTITION, SECRET_ROW);
    if (!winner) throw new Error('The survey key disappeared');
    return Buffer.from(winner.key, 'base64');
  }

  // Tally shards and answers

  /** Every tally shard of a survey: one range query of {@link TALLY_SHARDS} rows. */
  async readShards(surveyId: string): Promise<Versioned<TallyShard>[]> {
    const answers = await this.answers();
    const partitionKey = escapeKey(surveyId);
    return readAll<ShardEntity & { rowKey?: string }, Versioned<TallyShard>>(
      answers,
      odata`PartitionKey eq ${partitionKey} and RowKey ge ${TALLY_PREFIX} and RowKey lt ${TALLY_END}`,
      (entity) => ({ value: toShard(entity), etag: entity.etag }),
    );
  }

  async readShard(surveyId: string, index: number): Promise<Versioned<TallyShard> | undefined> {
    const answers = await this.answers();
    const entity = await getEntity<ShardEntity>(answers, escapeKey(surveyId), shardKey(index));
    return entity ? { value: toShard({ ...entity, rowKey: shardKey(index) }), etag: entity.etag } : undefined;
  }

  /**
   * Writes the answer, its comment, the spent one-time code or the Teams ledger row, and the tally
   * shard in one conditional transaction: all or nothing. Returns the shard's new ETag.
   * @throws DuplicateAnswerError, CodeRejectedError, or ConflictError when the shard changed.
   */
  async commitAnswer(commit: AnswerCommit): Promise<string | undefined> {
    const answers = await this.answers();
    const partitionKey = escapeKey(commit.surveyId);
    const actions: TransactionAction[] = [
      [
        'create',
        {
          partitionKey,
          rowKey: ANSWER_PREFIX + commit.answerRowId,
          answer: answerColumn.write({
            ratings: commit.answer.ratings,
            background: commit.answer.background,
          }),
          instrumentVersion: commit.instrumentVersion,
          shard: commit.shard.value.index,
          channel: commit.channel,
        },
      ],
    ];
    if (commit.answer.comment !== undefined) {
      actions.push([
        'create',
        {
          partitionKey,
          rowKey: COMMENT_PREFIX + randomBytes(16).toString('base64url'),
          text: commit.answer.comment,
          instrumentVersion: commit.instrumentVersion,
        },
      ]);
    }
    if (commit.oneTimeCodeRowId) {
      actions.push(['delete', { partitionKey, rowKey: CODE_PREFIX + commit.oneTimeCodeRowId }]);
    }
    if (commit.ledgerRowId) {
      actions.push(['create', { partitionKey, rowKey: LEDGER_PREFIX + commit.ledgerRowId }]);
    }
    const shardRow = shardEntity(
      partitionKey,
      commit.shard.value.index,
      commit.tally,
      commit.shard.value.closedAt,
    );
    actions.push(['update', shardRow, 'Replace', { etag: commit.shard.etag }]);
    try {
      const response = await answers.submitTransaction(actions);
      return response.getResponseForEntity(shardRow.rowKey)?.etag;
    } catch (error) {
      if (isStatusCode(error, 409)) throw new DuplicateAnswerError(commit.surveyId);
      if (isStatusCode(error, 404) && commit.oneTimeCodeRowId) throw new CodeRejectedError(commit.surveyId);
      if (isStatusCode(error, 412) || isStatusCode(error, 404)) {
        throw new ConflictError(answers.tableName, partitionKey, shardRow.rowKey);
      }
      throw error;
    }
  }

  /** Marks every shard closed in one transaction, so no answer can commit after this succeeds. */
  async closeShards(
    surveyId: string,
    shards: readonly Versioned<TallyShard>[],
    closedAt: string,
  ): Promise<void> {
    const answers = await this.answers();
    const partitionKey = escapeKey(surveyId);
    const actions: TransactionAction[] = shards.map((shard) => [
      'update',
      shardEntity(partitionKey, shard.value.index, shard.value.tally, closedAt),
      'Replace',
      { etag: shard.etag },
    ]);
    await submitConditional(answers, actions, partitionKey, TALLY_PREFIX);
  }

  /** True when the participant's Teams ledger row exists. */
  async hasLedgerRow(surveyId: string, ledgerRowId: string): Promise<boolean> {
    const answers = await this.answers();
    return (await getEntity(answers, escapeKey(surveyId), LEDGER_PREFIX + ledgerRowId)) !== undefined;
  }

  async deleteLedgerRow(surveyId: string, ledgerRowId: string): Promise<boolean> {
    const answers = await this.answers();
    return deleteIfPresent(answers, escapeKey(surveyId), LEDGER_PREFIX + ledgerRowId);
  }

  /** Stores one-time codes (keyed hashes only), a hundred rows to a transaction. */
  async addOneTimeCodes(surveyId: string, rowIds: readonly string[]): Promise<void> {
    const answers = await this.answers();
    const partitionKey = escapeKey(surveyId);
    for (let start = 0; start < rowIds.length; start += 100) {
      const actions: TransactionAction[] = rowIds
        .slice(start, start + 100)
        .map((rowId) => ['upsert', { partitionKey, rowKey: CODE_PREFIX + rowId, unused: true }, 'Replace']);
      await answers.submitTransaction(actions);
    }
  }

  async commentsPage(
    surveyId: string,
    pageSize: number,
    continuationToken?: string,
  ): Promise<Page<StoredComment>> {
    const answers = await this.answers();
    const partitionKey = escapeKey(surveyId);
    return readPage<{ text?: string; instrumentVersion?: number }, StoredComment>(
      answers,
      {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${COMMENT_PREFIX} and RowKey lt ${COMMENT_END}`,
        pageSize,
        continuationToken,
      },
      (entity) => ({ text: entity.text ?? '', instrumentVersion: entity.instrumentVersion ?? 0 }),
    );
  }

  /** How many answer rows a survey has (operators and the benchmark's "nothing lost" check). */
  async countAnswers(surveyId: string): Promise<number> {
    const answers = await this.answers();
    const partitionKey = escapeKey(surveyId);
    let count = 0;
    for await (const page of answers
      .listEntities({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${ANSWER_PREFIX} and RowKey lt ${ANSWER_END}`,
          select: ['RowKey'],
        },
      })
      .byPage({ maxPageSize: 1000 })) {
      count += page.length;
    }
    return count;
  }

  /** Every answer of a survey, page by page (recomputing a tally; never shown or exported). */
  async *eachAnswer(surveyId: string): AsyncGenerator<{
    readonly ratings: Record<string, Rating>;
    readonly background: Record<string, string>;
  }> {
    const answers = await this.answers();
    const partitionKey = escapeKey(surveyId);
    for await (const page of answers
      .listEntities<{ answer?: string }>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${ANSWER_PREFIX} and RowKey lt ${ANSWER_END}`,
        },
      })
      .byPage({ maxPageSize: 1000 })) {
      for (const entity of page) yield answerColumn.read(entity.answer);
    }
  }

  /** Deletes a survey's comments (retention ended: free text may name people). */
  async deleteComments(surveyId: string): Promise<number> {
    const answers = await this.answers();
    const partitionKey = escapeKey(surveyId);
    const keys = await readAll<{ rowKey?: string }, string>(
      answers,
      odata`PartitionKey eq ${partitionKey} and RowKey ge ${COMMENT_PREFIX} and RowKey lt ${COMMENT_END}`,
      (entity) => entity.rowKey ?? '',
    );
    for (const rowKey of keys) await deleteIfPresent(answers, partitionKey, rowKey);
    return keys.length;
  }

  /** Deletes a survey's Teams ledger rows (retention ended). */
  async deleteLedger(surveyId: string): Promise<number> {
    const answers = await this.answers();
    const partitionKey = escapeKey(surveyId);
    const end = 'p}';
    const keys = await readAll<{ rowKey?: string }, string>(
      answers,
      odata`PartitionKey eq ${partitionKey} and RowKey ge ${LEDGER_PREFIX} and RowKey lt ${end}`,
      (entity) => entity.rowKey ?? '',
    );
    for (const rowKey of keys) await deleteIfPresent(answers, partitionKey, rowKey);
    return keys.length;
  }

  // Summaries

  async summaries(roundId: string): Promise<SurveySummary[]> {
    const client = await this.store.table('surveysummaries');
    return readAll<SummaryEntity & { rowKey?: string }, SurveySummary>(
      client,
      odata`PartitionKey eq ${escapeKey(roundId)}`,
      (entity) => toSummary(roundId, unescapeKey(entity.rowKey ?? ''), entity),
    );
  }

  async saveSummary(summary: SurveySummary): Promise<void> {
    const client = await this.store.table('surveysummaries');
    await client.upsertEntity(
      {
        partitionKey: escapeKey(summary.roundId),
        rowKey: escapeKey(summary.surveyId),
        municipalityId: summary.municipalityId,
        ...(summary.sizeClass ? { sizeClass: summary.sizeClass } : {}),
        opensAt: summary.opensAt,
        tally: summaryColumn.write(summary.tally),
        updatedAt: summary.updatedAt,
      },
      'Replace',
    );
  }

  // Contacts

  async contacts(surveyId: string): Promise<TeamsIdentity[]> {
    const client = await this.store.table('surveycontacts');
    return readAll<{ tenantId: string; aadObjectId: string }, TeamsIdentity>(
      client,
      odata`PartitionKey eq ${escapeKey(surveyId)}`,
      (entity) => ({ tenantId: entity.tenantId, aadObjectId: entity.aadObjectId }),
    );
  }

  /** Replaces a survey's contacts with the given people. */
  async setContacts(surveyId: string, people: readonly TeamsIdentity[]): Promise<void> {
    const client = await this.store.table('surveycontacts');
    const partitionKey = escapeKey(surveyId);
    const wanted = new Map(people.map((person) => [contactKey(person), person]));
    for (const existing of await this.contacts(surveyId)) {
      if (!wanted.has(contactKey(existing)))
        await deleteIfPresent(client, partitionKey, contactKey(existing));
    }
    for (const [rowKey, person] of wanted) {
      await client.upsertEntity(
        { partitionKey, rowKey, tenantId: person.tenantId, aadObjectId: person.aadObjectId },
        'Replace',
      );
    }
  }

  async removeContact(surveyId: string, person: TeamsIdentity): Promise<boolean> {
    const client = await this.store.table('surveycontacts');
    return deleteIfPresent(client, escapeKey(surveyId), contactKey(person));
  }

  private surveys(): Promise<TableClient> {
    return this.store.table('surveys');
  }

  private answers(): Promise<TableClient> {
    return this.store.table('surveyanswers');
  }
}

type SummaryEntity = {
  municipalityId: string;
  sizeClass?: string;
  opensAt: string;
  tally: string;
  updatedAt: string;
};

function contactKey(person: TeamsIdentity): string {
  return `${escapeKey(person.tenantId)}|${escapeKey(person.aadObjectId)}`;
}

function versionKey(version: number): string {
  return String(version).padStart(6, '0');
}

function shardKey(index: number): string {
  return TALLY_PREFIX + String(index).padStart(2, '0');
}

function instrumentEntity(
  instrument: SurveyInstrument,
): InstrumentEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: escapeKey(instrument.id),
    rowKey: versionKey(instrument.version),
    content: instrumentColumn.write({
      name: instrument.name,
      perspectives: [...instrument.perspectives],
      scale: [...instrument.scale],
      dontKnow: instrument.dontKnow,
      background: instrument.background.map((q) => ({ ...q, options: [...q.options] })),
      comment: instrument.comment ?? null,
      reporting: instrument.reporting,
    }),
    updatedAt: instrument.updatedAt,
  };
}

function toInstrument(id: string, version: number, entity: InstrumentEntity): SurveyInstrument {
  const instrument = withContent(
    { id, version },
    instrumentColumn.read(entity.content),
    new Date(entity.updatedAt),
  );
  return { ...instrument, updatedAt: entity.updatedAt };
}

function surveyEntity(survey: Survey): SurveyEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: SURVEY_PARTITION,
    rowKey: escapeKey(survey.id),
    roundId: survey.roundId,
    municipalityId: survey.municipalityId,
    code: survey.code,
    instrumentId: survey.instrumentId,
    instrumentVersion: survey.instrumentVersion,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    ...(survey.closedAt ? { closedAt: survey.closedAt } : {}),
    ...(survey.headcount !== undefined ? { headcount: survey.headcount } : {}),
    requireCode: survey.requireCode,
    createdAt: survey.createdAt,
    createdByTenantId: survey.createdBy.tenantId,
    createdByObjectId: survey.createdBy.aadObjectId,
  };
}

function toSurvey(id: string, entity: SurveyEntity): Survey {
  return {
    id,
    roundId: entity.roundId,
    municipalityId: entity.municipalityId,
    code: entity.code,
    instrumentId: entity.instrumentId,
    instrumentVersion: entity.instrumentVersion,
    opensAt: entity.opensAt,
    closesAt: entity.closesAt,
    closedAt: entity.closedAt || undefined,
    headcount: typeof entity.headcount === 'number' ? entity.headcount : undefined,
    requireCode: entity.requireCode === true,
    createdAt: entity.createdAt,
    createdBy: { tenantId: entity.createdByTenantId, aadObjectId: entity.createdByObjectId },
  };
}

function shardEntity(
  partitionKey: string,
  index: number,
  tally: SurveyTally,
  closedAt: string | undefined,
): { partitionKey: string; rowKey: string; tally: string; closedAt?: string } {
  const json = tallyColumn.write(tally);
  if (json.length > MAX_TALLY_JSON) throw new RangeError('A survey tally shard outgrew its storage row');
  return { partitionKey, rowKey: shardKey(index), tally: json, ...(closedAt ? { closedAt } : {}) };
}

function toShard(entity: ShardEntity & { rowKey?: string }): TallyShard {
  return {
    index: Number((entity.rowKey ?? '').slice(TALLY_PREFIX.length)),
    tally: tallyColumn.read(entity.tally),
    closedAt: entity.closedAt || undefined,
  };
}

const SIZE_CLASSES: ReadonlySet<string> = new Set(MUNICIPALITY_SIZE_CLASSES);

function toSummary(roundId: string, surveyId: string, entity: SummaryEntity): SurveySummary {
  return {
    surveyId,
    roundId,
    municipalityId: entity.municipalityId,
    sizeClass:
      entity.sizeClass && SIZE_CLASSES.has(entity.sizeClass)
        ? (entity.sizeClass as MunicipalitySizeClass)
        : undefined,
    opensAt: entity.opensAt,
    tally: summaryColumn.read(entity.tally),
    updatedAt: entity.updatedAt,
  };
}
