import type { Clock } from '../platform/clock';
import { formatHelsinkiDateTime, toWallClockText } from '../shared/i18n/helsinki-time';
import { pickText, type Language, type LocalizedText } from '../shared/i18n/language';
import type { Municipality, MunicipalitySizeClass } from '../shared/municipality';
import type { Participant, TeamsIdentity } from '../shared/participant';
import type {
  BreakdownView,
  NetworkResultsView,
  PerspectiveResultView,
  SpreadView,
  SurveyAdminView,
  SurveyResultsView,
} from './survey-contracts';
import type { PerspectiveScope, SurveyInstrument } from './survey-instrument';
import { surveyMessagesFor } from './survey-messages';
import type { SurveyRepository, SurveySummary } from './survey-repository';
import { meanOf, percentileRank, ratedCount, spreadOf, suppressedGroups } from './survey-statistics';
import type { SurveyService } from './survey-service';
import { effectiveCloseTime, orderOfRuns, shareUrl, surveyStatus, type Survey } from './survey';
import {
  DONT_KNOW_INDEX,
  emptyDistribution,
  groupKey,
  NOT_GIVEN,
  type GroupTally,
  type SurveyTally,
} from './survey-tally';

/**
 * A municipality's survey baseline, for the digital roadmap: the first survey of the round for the
 * municipality, each perspective's mean (undefined when suppressed) and how many gave a number.
 */
export interface MunicipalityBaseline {
  readonly surveyId: string;
  readonly instrumentVersion: number;
  readonly closesAt: string;
  readonly respondents: number;
  readonly perspectives: readonly {
    readonly perspectiveId: string;
    readonly label: LocalizedText;
    readonly scope: PerspectiveScope;
    readonly mean: number | undefined;
    readonly n: number;
    readonly suppressed: boolean;
  }[];
}

/** What the roadmap asks of the survey. */
export interface SurveyBaselines {
  baselineFor(roundId: string, municipalityId: string): Promise<MunicipalityBaseline | undefined>;
}

export interface PeopleDirectory {
  participant(identity: TeamsIdentity): Promise<Participant | undefined>;
  all(): Promise<Participant[]>;
  municipalities(): Promise<Municipality[]>;
}

/** One municipality's baseline in the network comparison. */
interface NetworkEntry {
  readonly municipalityId: string;
  readonly surveyId: string;
  readonly sizeClass: MunicipalitySizeClass | undefined;
  readonly tally: GroupTally;
}

export interface ResultsOptions {
  readonly networkCacheMs?: number;
  /** Lists of at most this many surveys show live counts; longer ones the rolled-up counts. */
  readonly liveListLimit?: number;
}

/** Who is asking, for the access rules. */
export interface Viewer {
  readonly identity: TeamsIdentity;
  readonly isCoordinator: boolean;
}

/**
 * The survey's results as people see them: a municipality's figures with the network's median
 * and quartiles, its size class and its percentile ranks, breakdowns by background group, the
 * comments, and the coordinators' table of every municipality. Small groups are suppressed here,
 * in one place, for the tab, the report and the CSV alike.
 */
export class SurveyReporting implements SurveyBaselines {
  private readonly networkCache = new Map<string, { entries: Promise<NetworkEntry[]>; until: number }>();
  private readonly networkCacheMs: number;
  private readonly liveListLimit: number;

  constructor(
    private readonly service: SurveyService,
    private readonly repository: SurveyRepository,
    private readonly people: PeopleDirectory,
    private readonly publicUrl: string,
    private readonly clock: Clock,
    options: ResultsOptions = {},
  ) {
    this.networkCacheMs = options.networkCacheMs ?? 15_000;
    this.liveListLimit = options.liveListLimit ?? 40;
  }

  // Access

  /** Coordinators see every survey; a municipality's leadership team and named contacts see their own. */
  async canSeeResults(viewer: Viewer, survey: Survey): Promise<boolean> {
    if (viewer.isCoordinator) return true;
    const participant = await this.people.participant(viewer.identity);
    if (!participant?.active || participant.municipalityId !== survey.municipalityId) return false;
    if (participant.roles.includes('leadership')) return true;
    const contacts = await this.repository.contacts(survey.id);
    return contacts.some(
      (c) => c.tenantId === viewer.identity.tenantId && c.aadObjectId === viewer.identity.aadObjectId,
    );
  }

  /** The survey's contacts: those a coordinator named, else the municipality's leadership team. */
  async contactsOf(survey: Survey): Promise<{ people: Participant[]; isDefault: boolean }> {
    const named = await this.repository.contacts(survey.id);
    if (named.length > 0) {
      const people = await Promise.all(named.map((identity) => this.people.participant(identity)));
      return { people: people.filter((p): p is Participant => p !== undefined), isDefault: false };
    }
    const everyone = await this.people.all();
    return {
      people: everyone.filter(
        (p) => p.active && p.municipalityId === survey.municipalityId && p.roles.includes('leadership'),
      ),
      isDefault: true,
    };
  }

  // Views

  async adminView(
    survey: Survey,
    language: Language,
    known?: { respondents?: number; runs?: Survey[] },
  ): Promise<SurveyAdminView> {
    const m = surveyMessagesFor(language);
    const [municipalities, runs, respondents, contacts] = await Promise.all([
      this.municipalityMap(),
      known?.runs ? Promise.resolve(known.runs) : this.service.runsOf(survey.roundId, survey.municipalityId),
      known?.respondents !== undefined
        ? Promise.resolve(known.respondents)
        : this.service.tally(survey.id).then((t) => t.respondents),
      this.contactsOf(survey),
    ]);
    const municipality = municipalities.get(survey.municipalityId);
    const close = effectiveCloseTime(survey);
    const base = shareUrl(this.publicUrl, survey.code);
    return {
      id: survey.id,
      code: survey.code,
      roundId: survey.roundId,
      municipalityId: survey.municipalityId,
      municipalityName: municipality ? nameOf(municipality, language) : survey.municipalityId,
      status: surveyStatus(survey, this.clock()),
      kind:
        orderOfRuns(runs.filter((run) => run.municipalityId === survey.municipalityId))[0]?.id === survey.id
          ? 'baseline'
          : 'followUp',
      instrumentVersion: survey.instrumentVersion,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      closedAt: survey.closedAt ?? null,
      opensAtText: formatHelsinkiDateTime(new Date(survey.opensAt), language),
      closesAtText: formatHelsinkiDateTime(new Date(close), language),
      opensAtInput: toWallClockText(new Date(survey.opensAt)),
      closesAtInput: toWallClockText(new Date(survey.closesAt)),
      headcount: survey.headcount ?? null,
      respondents,
      responseRate: survey.headcount ? respondents / survey.headcount : null,
      responseText: m.responseLine(respondents, survey.headcount),
      requireCode: survey.requireCode,
      shareUrl: base,
      qrPngUrl: `${base}/qr.png`,
      qrSvgUrl: `${base}/qr.svg`,
      contacts: contacts.people.map((p) => ({
        tenantId: p.tenantId,
        aadObjectId: p.aadObjectId,
        name: p.name,
      })),
      contactsAreDefault: contacts.isDefault,
    };
  }

  /** Every survey (of a round), each with its response count. */
  async list(roundId: string | undefined, language: Language): Promise<SurveyAdminView[]> {
    const surveys = await this.service.list(roundId);
    const live = surveys.length <= this.liveListLimit;
    const counts = new Map<string, number>();
    if (live) {
      await Promise.all(
        surveys.map(async (s) => counts.set(s.id, (await this.service.tally(s.id)).respondents)),
      );
    } else {
      const rounds = [...new Set(surveys.map((s) => s.roundId))];
      for (const round of rounds) {
        for (const summary of await this.service.summaries(round))
          counts.set(summary.surveyId, summary.tally.respondents);
      }
    }
    return Promise.all(
      surveys.map((survey) =>
        this.adminView(survey, language, {
          respondents: counts.get(survey.id) ?? 0,
          runs: surveys.filter(
            (s) => s.roundId === survey.roundId && s.municipalityId === survey.municipalityId,
          ),
        }),
      ),
    );
  }

  /** A municipality's results against the network; everything below the thresholds suppressed. */
  async results(
    survey: Survey,
    language: Language,
    options: { readonly commentsPageSize?: number; readonly commentsToken?: string } = {},
  ): Promise<SurveyResultsView> {
    const m = surveyMessagesFor(language);
    const [instrument, tally, municipalities, runs, network] = await Promise.all([
      this.service.instrumentOf(survey),
      this.service.tally(survey.id),
      this.municipalityMap(),
      this.service.runsOf(survey.roundId, survey.municipalityId),
      this.networkEntries(survey.roundId),
    ]);
    const rules = instrument.reporting;
    const municipality = municipalities.get(survey.municipalityId);
    const baselineSurvey = runs[0];
    const isFollowUp = baselineSurvey !== undefined && baselineSurvey.id !== survey.id;
    const baselineTally =
      isFollowUp && baselineSurvey ? await this.service.tally(baselineSurvey.id) : undefined;
    // The network is every municipality's baseline; this municipality's own entry is live.
    const others = network.filter((entry) => entry.municipalityId !== survey.municipalityId);
    const self: NetworkEntry = {
      municipalityId: survey.municipalityId,
      surveyId: survey.id,
      sizeClass: municipality?.sizeClass,
      tally,
    };
    const comparable = [...others, self];
    const sameSize = comparable.filter(
      (entry) => entry.sizeClass !== undefined && entry.sizeClass === municipality?.sizeClass,
    );
    const wholeSuppressed = tally.respondents < rules.minGroupSize;
    const perspectives: PerspectiveResultView[] = instrument.perspectives.map((perspective) => {
      const distribution = tally.ratings[perspective.id] ?? emptyDistribution();
      const n = ratedCount(distribution);
      const suppressed = wholeSuppressed || n < rules.minGroupSize;
      const mean = suppressed ? undefined : meanOf(distribution);
      const networkValues = meansOf(comparable, perspective.id, rules.minGroupSize);
      const sizeValues = meansOf(sameSize, perspective.id, rules.minGroupSize);
      const baselineMean = baselineTally
        ? visibleMean(baselineTally, perspective.id, rules.minGroupSize)
        : undefined;
      return {
        id: perspective.id,
        label: pickText(perspective.label, language),
        question: pickText(perspective.question, language),
        scope: perspective.scope,
        n: wholeSuppressed ? 0 : n,
        dontKnow: wholeSuppressed ? 0 : (distribution[DONT_KNOW_INDEX] ?? 0),
        mean: mean ?? null,
        distribution: suppressed ? null : [...distribution],
        suppressed,
        suppressedReason: suppressed ? m.suppressedSmall(rules.minGroupSize) : null,
        network: spreadView(spreadOf(networkValues, rules.minMunicipalities)),
        sizeClass: spreadView(spreadOf(sizeValues, rules.minMunicipalities)),
        percentile:
          mean !== undefined && networkValues.length >= rules.minMunicipalities
            ? Math.round(percentileRank(networkValues, mean) ?? 0)
            : null,
        baselineMean: baselineMean ?? null,
        change: mean !== undefined && baselineMean !== undefined ? mean - baselineMean : null,
      };
    });
    const networkCount = comparable.filter((entry) => entry.tally.respondents >= rules.minGroupSize).length;
    const sizeCount = sameSize.filter((entry) => entry.tally.respondents >= rules.minGroupSize).length;
    const commentsShown = tally.respondents >= rules.minCommentGroup;
    const comments = commentsShown
      ? await this.repository.commentsPage(survey.id, options.commentsPageSize ?? 50, options.commentsToken)
      : { items: [], continuationToken: undefined };
    const now = this.clock();
    return {
      survey: await this.adminView(survey, language, { respondents: tally.respondents, runs }),
      municipality: {
        id: survey.municipalityId,
        name: municipality ? nameOf(municipality, language) : survey.municipalityId,
        sizeClass: municipality?.sizeClass ?? null,
        sizeClassName: municipality ? m.sizeClassName[municipality.sizeClass] : null,
      },
      scale: instrument.scale.map((label) => pickText(label, language)),
      dontKnowLabel: pickText(instrument.dontKnow, language),
      respondents: tally.respondents,
      suppressed: wholeSuppressed,
      suppressedReason: wholeSuppressed ? m.suppressedWhole(rules.minGroupSize) : null,
      thresholds: rules,
      perspectives,
      breakdowns: wholeSuppressed ? [] : breakdowns(instrument, tally, language),
      comments: {
        shown: commentsShown,
        reason: commentsShown ? null : m.commentsHidden(rules.minCommentGroup),
        count: commentsShown ? tally.comments : 0,
        items: comments.items.map((comment) => comment.text),
        continuationToken: comments.continuationToken ?? null,
      },
      comparison: {
        networkMunicipalities: networkCount,
        sizeClassMunicipalities: sizeCount,
        networkNote: networkCount < rules.minMunicipalities ? m.networkTooFew(rules.minMunicipalities) : null,
        baselineSurveyId: isFollowUp && baselineSurvey ? baselineSurvey.id : null,
      },
      generatedAt: now.toISOString(),
      generatedAtText: formatHelsinkiDateTime(now, language),
    };
  }

  /** Coordinators' table: every municipality's baseline means, with the network's spread. */
  async network(roundId: string, language: Language): Promise<NetworkResultsView> {
    const [entries, instrument, municipalities] = await Promise.all([
      this.networkEntries(roundId),
      this.service.currentInstrument(),
      this.municipalityMap(),
    ]);
    const rules = instrument.value.reporting;
    const perspectives = instrument.value.perspectives;
    const networkSpread: Record<string, SpreadView | null> = {};
    for (const perspective of perspectives) {
      networkSpread[perspective.id] = spreadView(
        spreadOf(meansOf(entries, perspective.id, rules.minGroupSize), rules.minMunicipalities),
      );
    }
    return {
      roundId,
      perspectives: perspectives.map((p) => ({
        id: p.id,
        label: pickText(p.label, language),
        scope: p.scope,
      })),
      network: networkSpread,
      municipalities: entries
        .map((entry) => {
          const municipality = municipalities.get(entry.municipalityId);
          const means: Record<string, number | null> = {};
          for (const perspective of perspectives) {
            means[perspective.id] =
              entry.tally.respondents >= rules.minGroupSize
                ? (visibleMean(entry.tally, perspective.id, rules.minGroupSize) ?? null)
                : null;
          }
          return {
            municipalityId: entry.municipalityId,
            name: municipality ? nameOf(municipality, language) : entry.municipalityId,
            sizeClass: entry.sizeClass ?? null,
            surveyId: entry.surveyId,
            respondents: entry.tally.respondents,
            means,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
      updatedAt: this.clock().toISOString(),
    };
  }

  async baselineFor(roundId: string, municipalityId: string): Promise<MunicipalityBaseline | undefined> {
    const baseline = (await this.service.runsOf(roundId, municipalityId))[0];
    if (!baseline) return undefined;
    const [instrument, tally] = await Promise.all([
      this.service.instrumentOf(baseline),
      this.service.tally(baseline.id),
    ]);
    const min = instrument.reporting.minGroupSize;
    return {
      surveyId: baseline.id,
      instrumentVersion: baseline.instrumentVersion,
      closesAt: effectiveCloseTime(baseline),
      respondents: tally.respondents,
      perspectives: instrument.perspectives.map((perspective) => {
        const distribution = tally.ratings[perspective.id] ?? emptyDistribution();
        const n = ratedCount(distribution);
        const suppressed = tally.respondents < min || n < min;
        return {
          perspectiveId: perspective.id,
          label: perspective.label,
          scope: perspective.scope,
          mean: suppressed ? undefined : meanOf(distribution),
          n,
          suppressed,
        };
      }),
    };
  }

  /** Each municipality's baseline in the round, from the rolled-up summaries (one row each), cached briefly. */
  private networkEntries(roundId: string): Promise<NetworkEntry[]> {
    const cached = this.networkCache.get(roundId);
    if (cached && cached.until > Date.now()) return cached.entries;
    const entries = this.service.summaries(roundId).then(baselinesOf);
    this.networkCache.set(roundId, { entries, until: Date.now() + this.networkCacheMs });
    entries.catch(() => this.networkCache.delete(roundId));
    return entries;
  }

  private async municipalityMap(): Promise<Map<string, Municipality>> {
    return new Map((await this.people.municipalities()).map((m) => [m.id, m]));
  }
}

function baselinesOf(summaries: readonly SurveySummary[]): NetworkEntry[] {
  const first = new Map<string, SurveySummary>();
  for (const summary of summaries) {
    const known = first.get(summary.municipalityId);
    if (!known || summary.opensAt < known.opensAt) first.set(summary.municipalityId, summary);
  }
  return [...first.values()].map((summary) => ({
    municipalityId: summary.municipalityId,
    surveyId: summary.surveyId,
    sizeClass: summary.sizeClass,
    tally: summary.tally,
  }));
}

function meansOf(entries: readonly NetworkEntry[], perspectiveId: string, minimum: number): number[] {
  const values: number[] = [];
  for (const entry of entries) {
    if (entry.tally.respondents < minimum) continue;
    const mean = visibleMean(entry.tally, perspectiveId, minimum);
    if (mean !== undefined) values.push(mean);
  }
  return values;
}

function visibleMean(tally: GroupTally, perspectiveId: string, minimum: number): number | undefined {
  const distribution = tally.ratings[perspectiveId];
  if (!distribution || tally.respondents < minimum || ratedCount(distribution) < minimum) return undefined;
  return meanOf(distribution);
}

function spreadView(spread: ReturnType<typeof spreadOf>): SpreadView | null {
  return spread
    ? { median: spread.median, q1: spread.q1, q3: spread.q3, municipalities: spread.municipalities }
    : null;
}

function breakdowns(instrument: SurveyInstrument, tally: SurveyTally, language: Language): BreakdownView[] {
  const m = surveyMessagesFor(language);
  const min = instrument.reporting.minGroupSize;
  return instrument.background.map((question) => {
    const options = [
      ...question.options.map((option) => ({ id: option.id, label: pickText(option.label, language) })),
      { id: NOT_GIVEN, label: m.notGiven },
    ];
    const groups = options.map((option) => ({
      option,
      key: groupKey(question.id, option.id),
      tally: tally.groups[groupKey(question.id, option.id)],
    }));
    const hidden = suppressedGroups(
      groups.map((group) => ({ key: group.key, respondents: group.tally?.respondents ?? 0 })),
      min,
    );
    return {
      questionId: question.id,
      label: pickText(question.label, language),
      rows: groups
        .filter((group) => group.option.id !== NOT_GIVEN || (group.tally?.respondents ?? 0) > 0)
        .map((group) => {
          const respondents = group.tally?.respondents ?? 0;
          const suppressed = hidden.has(group.key);
          const means: Record<string, number | null> = {};
          for (const perspective of instrument.perspectives) {
            means[perspective.id] =
              suppressed || !group.tally ? null : (visibleMean(group.tally, perspective.id, min) ?? null);
          }
          return {
            optionId: group.option.id,
            label: group.option.label,
            respondents: suppressed ? null : respondents,
            suppressed,
            suppressedReason: suppressed
              ? respondents < min
                ? m.suppressedSmall(min)
                : m.suppressedSecondary
              : null,
            means,
          };
        }),
    };
  });
}

function nameOf(municipality: Municipality, language: Language): string {
  return language === 'sv' && municipality.nameSv ? municipality.nameSv : municipality.name;
}
