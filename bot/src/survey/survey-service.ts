import { randomBytes } from 'node:crypto';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/observability/logger';
import { ConflictError } from '../platform/storage/errors';
import type { Versioned } from '../platform/storage/table-store';
import type { Municipality } from '../shared/municipality';
import type { TeamsIdentity } from '../shared/participant';
import { AnswerWriter } from './survey-answer-writer';
import {
  INSTRUMENT_ID,
  normaliseComment,
  seededInstrument,
  validateAnswer,
  withContent,
  type AnswerProblem,
  type InstrumentContent,
  type RawAnswer,
  type SurveyAnswerContent,
  type SurveyInstrument,
} from './survey-instrument';
import { SurveyKeys } from './survey-keys';
import {
  CodeRejectedError,
  DuplicateAnswerError,
  type AnswerChannel,
  type SurveyRepository,
  type SurveySummary,
} from './survey-repository';
import {
  effectiveCloseTime,
  newOneTimeCode,
  newSurveyCode,
  normaliseOneTimeCode,
  orderOfRuns,
  SURVEY_CODE_PATTERN,
  surveyStatus,
  type Survey,
} from './survey';
import { addAnswer, mergeTallies, summaryOf, type SurveyTally } from './survey-tally';

/** How the municipalities are looked up (the people feature's repository). */
export interface MunicipalityDirectory {
  list(): Promise<Municipality[]>;
}

export type SubmitOutcome =
  | { readonly kind: 'saved'; readonly survey: Survey }
  | { readonly kind: 'unknownSurvey' }
  | { readonly kind: 'notOpenYet'; readonly survey: Survey }
  | { readonly kind: 'closed'; readonly survey: Survey }
  /** The form's token is missing, forged, expired or not this browser's. */
  | { readonly kind: 'badToken'; readonly survey: Survey }
  /** This token (or, from Teams, this person) has answered already. */
  | { readonly kind: 'duplicate'; readonly survey: Survey }
  | { readonly kind: 'codeRequired'; readonly survey: Survey }
  | { readonly kind: 'codeRejected'; readonly survey: Survey }
  | {
      readonly kind: 'invalid';
      readonly survey: Survey;
      readonly instrument: SurveyInstrument;
      readonly problems: readonly AnswerProblem[];
    };

export interface WebSubmission {
  readonly code: string;
  /** The token the form carried. */
  readonly token: string | undefined;
  /** The token in the browser's cookie: the two must match (a cross-site form cannot read it). */
  readonly cookieToken: string | undefined;
  readonly answer: RawAnswer;
  readonly oneTimeCode: string | undefined;
}

export interface SurveyServiceOptions {
  /** How long an issued answer token is accepted. */
  readonly tokenMaxAgeMs?: number;
  /** How long a survey definition, instrument or live tally is reused from memory. */
  readonly cacheTtlMs?: number;
  readonly tallyCacheMs?: number;
}

export type NewSurvey = Pick<
  Survey,
  'roundId' | 'municipalityId' | 'opensAt' | 'closesAt' | 'headcount' | 'requireCode'
> & {
  /** A chosen public code (the demo's, so the README can link to it); random otherwise. */
  readonly code?: string;
};

export type SurveyChange = Partial<Pick<Survey, 'opensAt' | 'closesAt' | 'headcount' | 'requireCode'>>;

/** A change the survey's state does not allow (moving the opening of an open survey…). */
export class SurveyRuleError extends Error {
  constructor(
    readonly rule: 'alreadyOpen' | 'closed' | 'closesBeforeOpens' | 'closesInPast' | 'duplicateRun',
  ) {
    super(`The survey change breaks the rule ${rule}`);
    this.name = 'SurveyRuleError';
  }
}

const TOKEN_MAX_AGE_MS = 30 * 24 * 3600_000;
const MAX_CODES_PER_REQUEST = 5000;

/**
 * The survey's lifecycle and answers: the questionnaire's versions, a municipality's surveys, the
 * anonymous answers from the public page and from Teams cards, the tally, one-time codes, and the
 * roll-up of each survey's counts for the network comparison.
 */
export class SurveyService {
  private keys: Promise<SurveyKeys> | undefined;
  private readonly writer: AnswerWriter;
  private readonly surveyCache = new Map<string, { survey: Survey; until: number }>();
  private readonly codeCache = new Map<string, { surveyId: string; until: number }>();
  private readonly instrumentCache = new Map<string, SurveyInstrument>();
  private readonly tallyCache = new Map<string, { tally: Promise<SurveyTally>; until: number }>();
  private readonly dirty = new Set<string>();
  private seeded: Promise<void> | undefined;
  private readonly tokenMaxAgeMs: number;
  private readonly cacheTtlMs: number;
  private readonly tallyCacheMs: number;

  constructor(
    private readonly repository: SurveyRepository,
    private readonly municipalities: MunicipalityDirectory,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: SurveyServiceOptions = {},
  ) {
    this.writer = new AnswerWriter(repository);
    this.tokenMaxAgeMs = options.tokenMaxAgeMs ?? TOKEN_MAX_AGE_MS;
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.tallyCacheMs = options.tallyCacheMs ?? 2_000;
  }

  // The instrument

  /** Makes sure the seeded instrument exists (every new store starts with FCG's eleven perspectives). */
  ensureInstrument(): Promise<void> {
    this.seeded ??= (async () => {
      if (await this.repository.latestInstrument(INSTRUMENT_ID)) return;
      await this.repository.createInstrument(seededInstrument(this.clock()));
    })().catch((error: unknown) => {
      this.seeded = undefined;
      throw error;
    });
    return this.seeded;
  }

  async currentInstrument(): Promise<Versioned<SurveyInstrument>> {
    await this.ensureInstrument();
    const latest = await this.repository.latestInstrument(INSTRUMENT_ID);
    if (!latest) throw new Error('The survey instrument is missing');
    return latest;
  }

  /** The version a survey was opened with (versions never change once used, so they are cached). */
  async instrumentOf(survey: Pick<Survey, 'instrumentId' | 'instrumentVersion'>): Promise<SurveyInstrument> {
    const key = `${survey.instrumentId}/${survey.instrumentVersion}`;
    const cached = this.instrumentCache.get(key);
    if (cached) return cached;
    const stored = await this.repository.instrument(survey.instrumentId, survey.instrumentVersion);
    if (!stored) throw new Error(`Instrument ${key} is missing`);
    // Only frozen versions are cached; an editable one may still change.
    if (await this.isFrozen(stored.value)) this.instrumentCache.set(key, stored.value);
    return stored.value;
  }

  /** True once a survey has opened with this version: from then on it never changes. */
  async isFrozen(instrument: Pick<SurveyInstrument, 'id' | 'version'>): Promise<boolean> {
    const now = this.clock().toISOString();
    return (await this.repository.listSurveys()).some(
      (survey) =>
        survey.instrumentId === instrument.id &&
        survey.instrumentVersion === instrument.version &&
        survey.opensAt <= now,
    );
  }

  /**
   * Coordinators edit the questionnaire. A version no survey has opened with is changed in place;
   * otherwise the edit becomes the next version, and the surveys that have not opened yet move to
   * it (those that have opened keep theirs, so their answers stay comparable with their questions).
   */
  async updateInstrument(
    content: InstrumentContent,
    etag: string | undefined,
  ): Promise<Versioned<SurveyInstrument>> {
    const latest = await this.currentInstrument();
    if (etag !== undefined && etag !== latest.etag) {
      throw new ConflictError('surveyinstruments', INSTRUMENT_ID, String(latest.value.version));
    }
    const now = this.clock();
    if (!(await this.isFrozen(latest.value))) {
      const next = withContent(latest.value, content, now);
      const newEtag = await this.repository.replaceInstrument(next, latest.etag);
      return { value: next, etag: newEtag };
    }
    const next = withContent({ id: latest.value.id, version: latest.value.version + 1 }, content, now);
    if (!(await this.repository.createInstrument(next))) {
      throw new ConflictError('surveyinstruments', INSTRUMENT_ID, String(next.version));
    }
    for (const survey of await this.repository.listSurveys()) {
      if (survey.instrumentId !== next.id || survey.opensAt <= now.toISOString()) continue;
      const stored = await this.repository.survey(survey.id);
      if (!stored || stored.value.opensAt <= now.toISOString()) continue;
      await this.repository.updateSurvey({ ...stored.value, instrumentVersion: next.version }, stored.etag);
      this.surveyCache.delete(survey.id);
    }
    const created = await this.repository.instrument(next.id, next.version);
    if (!created) throw new Error('The new instrument version disappeared');
    return created;
  }

  // Surveys

  /** Creates a survey on the current instrument version, with a fresh public code. */
  async create(input: NewSurvey, createdBy: TeamsIdentity): Promise<Survey> {
    const instrument = await this.currentInstrument();
    if (Date.parse(input.closesAt) <= Date.parse(input.opensAt))
      throw new SurveyRuleError('closesBeforeOpens');
    if (Date.parse(input.closesAt) <= this.clock().getTime()) throw new SurveyRuleError('closesInPast');
    // Two runs of one municipality in a round may not overlap: the second is the follow-up.
    const runs = (await this.repository.listSurveys(input.roundId)).filter(
      (survey) => survey.municipalityId === input.municipalityId,
    );
    if (runs.some((run) => input.opensAt < effectiveCloseTime(run) && run.opensAt < input.closesAt)) {
      throw new SurveyRuleError('duplicateRun');
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const survey: Survey = {
        id: `srv-${randomBytes(6).toString('hex')}`,
        code:
          attempt === 0 && input.code && SURVEY_CODE_PATTERN.test(input.code) ? input.code : newSurveyCode(),
        roundId: input.roundId,
        municipalityId: input.municipalityId,
        instrumentId: instrument.value.id,
        instrumentVersion: instrument.value.version,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        closedAt: undefined,
        headcount: input.headcount,
        requireCode: input.requireCode,
        createdAt: this.clock().toISOString(),
        createdBy: { tenantId: createdBy.tenantId, aadObjectId: createdBy.aadObjectId },
      };
      if (await this.repository.createSurvey(survey)) return survey;
    }
    throw new Error('No free survey code was found');
  }

  async get(surveyId: string): Promise<Survey | undefined> {
    const cached = this.surveyCache.get(surveyId);
    if (cached && cached.until > Date.now()) return cached.survey;
    const stored = await this.repository.survey(surveyId);
    if (!stored) return undefined;
    this.surveyCache.set(surveyId, { survey: stored.value, until: Date.now() + this.cacheTtlMs });
    return stored.value;
  }

  async getVersioned(surveyId: string): Promise<Versioned<Survey> | undefined> {
    return this.repository.survey(surveyId);
  }

  async byCode(code: string): Promise<Survey | undefined> {
    const cached = this.codeCache.get(code);
    const surveyId =
      cached && cached.until > Date.now() ? cached.surveyId : await this.repository.surveyIdByCode(code);
    if (!surveyId) return undefined;
    this.codeCache.set(code, { surveyId, until: Date.now() + this.cacheTtlMs });
    return this.get(surveyId);
  }

  async list(roundId?: string): Promise<Survey[]> {
    return (await this.repository.listSurveys(roundId)).sort(
      (a, b) => a.municipalityId.localeCompare(b.municipalityId) || a.opensAt.localeCompare(b.opensAt),
    );
  }

  /** The municipality's surveys in the round, oldest first: the first is the baseline. */
  async runsOf(roundId: string, municipalityId: string): Promise<Survey[]> {
    return orderOfRuns(
      (await this.repository.listSurveys(roundId)).filter(
        (survey) => survey.municipalityId === municipalityId,
      ),
    );
  }

  /** Changes times, headcount or the code requirement, if the survey's state allows it. */
  async update(
    surveyId: string,
    change: SurveyChange,
    etag: string | undefined,
  ): Promise<Versioned<Survey> | undefined> {
    const stored = await this.repository.survey(surveyId);
    if (!stored) return undefined;
    if (etag !== undefined && etag !== stored.etag) throw new ConflictError('surveys', 'survey', surveyId);
    const now = this.clock();
    const status = surveyStatus(stored.value, now);
    if (
      status === 'closed' &&
      (change.opensAt !== undefined || change.closesAt !== undefined || change.requireCode !== undefined)
    ) {
      throw new SurveyRuleError('closed');
    }
    if (status === 'open' && change.opensAt !== undefined && change.opensAt !== stored.value.opensAt) {
      throw new SurveyRuleError('alreadyOpen');
    }
    if (
      status === 'open' &&
      change.requireCode !== undefined &&
      change.requireCode !== stored.value.requireCode
    ) {
      throw new SurveyRuleError('alreadyOpen');
    }
    const next: Survey = { ...stored.value, ...change };
    if (Date.parse(next.closesAt) <= Date.parse(next.opensAt)) throw new SurveyRuleError('closesBeforeOpens');
    if (change.closesAt !== undefined && Date.parse(next.closesAt) <= now.getTime()) {
      throw new SurveyRuleError('closesInPast');
    }
    const newEtag = await this.repository.updateSurvey(next, stored.etag);
    this.surveyCache.delete(surveyId);
    return { value: next, etag: newEtag };
  }

  /** Opens a scheduled survey now. */
  async openNow(surveyId: string): Promise<Survey | undefined> {
    const stored = await this.repository.survey(surveyId);
    if (!stored) return undefined;
    const status = surveyStatus(stored.value, this.clock());
    if (status === 'closed') throw new SurveyRuleError('closed');
    if (status === 'open') return stored.value;
    const opened: Survey = { ...stored.value, opensAt: this.clock().toISOString() };
    await this.repository.updateSurvey(opened, stored.etag);
    this.surveyCache.delete(surveyId);
    return opened;
  }

  /**
   * Closes a survey now. Every tally shard is marked closed in one conditional transaction first,
   * so an answer racing the close either committed before it (and counts) or fails and sees it closed.
   */
  async close(surveyId: string): Promise<Survey | undefined> {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const stored = await this.repository.survey(surveyId);
      if (!stored) return undefined;
      if (stored.value.closedAt !== undefined) return stored.value;
      const closedAt = this.clock().toISOString();
      const shards = await this.repository.readShards(surveyId);
      const already = shards.find((shard) => shard.value.closedAt !== undefined)?.value.closedAt;
      try {
        if (already === undefined) await this.repository.closeShards(surveyId, shards, closedAt);
        const closed: Survey = { ...stored.value, closedAt: already ?? closedAt };
        await this.repository.updateSurvey(closed, stored.etag);
        this.writer.forget(surveyId);
        this.surveyCache.delete(surveyId);
        this.tallyCache.delete(surveyId);
        this.dirty.add(surveyId);
        return closed;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
      }
    }
    throw new Error(`Survey ${surveyId} could not be closed: its shards kept changing`);
  }

  // Answers

  /** A fresh answer token for a browser that opens the public page. */
  async issueToken(survey: Survey): Promise<string> {
    return (await this.surveyKeys()).issueToken(survey.id, this.clock());
  }

  /** True when a browser's stored token is still one this survey would accept. */
  async isUsableToken(survey: Survey, token: string): Promise<boolean> {
    return (await this.surveyKeys()).verifyToken(survey.id, token, this.clock(), this.tokenMaxAgeMs).ok;
  }

  /**
   * An answer from the public page. Everything is checked before anything is written; a refused
   * answer changes nothing, and a saved one stores no name, address or identifier of any kind.
   */
  async submitWeb(submission: WebSubmission): Promise<SubmitOutcome> {
    const survey = await this.byCode(submission.code);
    if (!survey) return { kind: 'unknownSurvey' };
    const now = this.clock();
    const status = surveyStatus(survey, now);
    if (status === 'scheduled') return { kind: 'notOpenYet', survey };
    if (status === 'closed') return { kind: 'closed', survey };
    const keys = await this.surveyKeys();
    if (!submission.token || submission.token !== submission.cookieToken) return { kind: 'badToken', survey };
    const token = keys.verifyToken(survey.id, submission.token, now, this.tokenMaxAgeMs);
    if (!token.ok) return { kind: 'badToken', survey };
    const instrument = await this.instrumentOf(survey);
    const checked = validateAnswer(instrument, submission.answer);
    if (!checked.ok) return { kind: 'invalid', survey, instrument, problems: checked.problems };
    let codeRowId: string | undefined;
    if (survey.requireCode) {
      const code = normaliseOneTimeCode(submission.oneTimeCode);
      if (submission.oneTimeCode === undefined || submission.oneTimeCode.trim() === '') {
        return { kind: 'codeRequired', survey };
      }
      if (!code) return { kind: 'codeRejected', survey };
      codeRowId = keys.codeRowId(survey.id, code);
    }
    return this.commit(survey, instrument, checked.answer, 'web', keys.answerRowId(token.nonce), {
      oneTimeCodeRowId: codeRowId,
    });
  }

  /** An answer from a Teams card: once per participant, remembered only as a keyed hash. */
  async submitTeams(surveyId: string, person: TeamsIdentity, raw: RawAnswer): Promise<SubmitOutcome> {
    const survey = await this.get(surveyId);
    if (!survey) return { kind: 'unknownSurvey' };
    const status = surveyStatus(survey, this.clock());
    if (status === 'scheduled') return { kind: 'notOpenYet', survey };
    if (status === 'closed') return { kind: 'closed', survey };
    const keys = await this.surveyKeys();
    const ledgerRowId = keys.ledgerRowId(survey.id, person);
    if (await this.repository.hasLedgerRow(survey.id, ledgerRowId)) return { kind: 'duplicate', survey };
    const instrument = await this.instrumentOf(survey);
    const checked = validateAnswer(instrument, raw);
    if (!checked.ok) return { kind: 'invalid', survey, instrument, problems: checked.problems };
    return this.commit(survey, instrument, checked.answer, 'teams', randomBytes(24).toString('base64url'), {
      ledgerRowId,
    });
  }

  async hasAnsweredInTeams(surveyId: string, person: TeamsIdentity): Promise<boolean> {
    const keys = await this.surveyKeys();
    return this.repository.hasLedgerRow(surveyId, keys.ledgerRowId(surveyId, person));
  }

  /** Forgets that the person answered from Teams (erasure); their anonymous answer stays. */
  async forgetTeamsAnswer(surveyId: string, person: TeamsIdentity): Promise<boolean> {
    const keys = await this.surveyKeys();
    return this.repository.deleteLedgerRow(surveyId, keys.ledgerRowId(surveyId, person));
  }

  private async commit(
    survey: Survey,
    instrument: SurveyInstrument,
    answer: SurveyAnswerContent,
    channel: AnswerChannel,
    answerRowId: string,
    extra: { oneTimeCodeRowId?: string | undefined; ledgerRowId?: string | undefined },
  ): Promise<SubmitOutcome> {
    const questions = instrument.background.map((question) => question.id);
    try {
      const outcome = await this.writer.commit(survey.id, (shard) => ({
        surveyId: survey.id,
        shard,
        tally: addAnswer(shard.value.tally, answer, questions),
        answerRowId,
        answer: { ...answer, comment: normaliseComment(answer.comment) },
        instrumentVersion: instrument.version,
        channel,
        ...extra,
      }));
      if (outcome === 'closed') return { kind: 'closed', survey };
    } catch (error) {
      if (error instanceof DuplicateAnswerError) return { kind: 'duplicate', survey };
      if (error instanceof CodeRejectedError) return { kind: 'codeRejected', survey };
      throw error;
    }
    this.dirty.add(survey.id);
    // This process's own answers show at once; other instances' within the cache's seconds.
    this.tallyCache.delete(survey.id);
    return { kind: 'saved', survey };
  }

  // Contacts

  async setContacts(surveyId: string, people: readonly TeamsIdentity[]): Promise<void> {
    await this.repository.setContacts(surveyId, people);
  }

  // One-time codes

  /** New one-time codes for a survey; only their keyed hashes are stored, so they are shown once. */
  async addOneTimeCodes(surveyId: string, count: number): Promise<string[]> {
    if (count < 1 || count > MAX_CODES_PER_REQUEST) throw new RangeError('count');
    const keys = await this.surveyKeys();
    const codes = new Set<string>();
    while (codes.size < count) codes.add(newOneTimeCode());
    const list = [...codes];
    await this.repository.addOneTimeCodes(
      surveyId,
      list.map((code) => keys.codeRowId(surveyId, normaliseOneTimeCode(code) ?? code)),
    );
    return list;
  }

  // Tallies and summaries

  /** The survey's tally: its shards merged (a fixed number of rows, however many answers). */
  tally(surveyId: string): Promise<SurveyTally> {
    const cached = this.tallyCache.get(surveyId);
    if (cached && cached.until > Date.now()) return cached.tally;
    const tally = this.repository
      .readShards(surveyId)
      .then((shards) => mergeTallies(shards.map((s) => s.value.tally)));
    this.tallyCache.set(surveyId, { tally, until: Date.now() + this.tallyCacheMs });
    tally.catch(() => this.tallyCache.delete(surveyId));
    return tally;
  }

  /** Drops what this process remembers of a survey (its tally and shards), so the next read is fresh. */
  forget(surveyId: string): void {
    this.tallyCache.delete(surveyId);
    this.writer.forget(surveyId);
    this.surveyCache.delete(surveyId);
  }

  /** Surveys answered since the last roll-up, in this process. */
  dirtySurveys(): string[] {
    return [...this.dirty];
  }

  /**
   * Rolls each changed survey's shards up into its summary row (one row per municipality for the
   * network comparison). `all` rolls up every survey that is open or closed recently, which also
   * repairs a summary another instance left behind.
   */
  async rollUp(options: { readonly all?: boolean } = {}): Promise<number> {
    const ids = options.all
      ? (await this.repository.listSurveys())
          .filter((survey) => surveyStatus(survey, this.clock()) !== 'scheduled')
          .map((s) => s.id)
      : [...this.dirty];
    if (!options.all) this.dirty.clear();
    if (ids.length === 0) return 0;
    const municipalities = new Map((await this.municipalities.list()).map((m) => [m.id, m]));
    let done = 0;
    for (const surveyId of ids) {
      try {
        const survey = await this.get(surveyId);
        if (!survey) continue;
        const shards = await this.repository.readShards(surveyId);
        const tally = mergeTallies(shards.map((shard) => shard.value.tally));
        const summary: SurveySummary = {
          surveyId,
          roundId: survey.roundId,
          municipalityId: survey.municipalityId,
          sizeClass: municipalities.get(survey.municipalityId)?.sizeClass,
          opensAt: survey.opensAt,
          tally: summaryOf(tally),
          updatedAt: this.clock().toISOString(),
        };
        await this.repository.saveSummary(summary);
        done += 1;
      } catch (error) {
        // Tried again at the next roll-up.
        this.dirty.add(surveyId);
        this.logger.warn('survey roll-up failed', { surveyId, error });
      }
    }
    return done;
  }

  async summaries(roundId: string): Promise<SurveySummary[]> {
    return this.repository.summaries(roundId);
  }

  private surveyKeys(): Promise<SurveyKeys> {
    this.keys ??= this.repository.masterKey().then(
      (key) => new SurveyKeys(key),
      (error: unknown) => {
        this.keys = undefined;
        throw error;
      },
    );
    return this.keys;
  }
}
