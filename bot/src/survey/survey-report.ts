import {
  baselineTargetChart,
  blocks,
  distributionChart,
  formatNumber,
  formatPercent,
  profileChart,
  renderDocx,
  renderPdf,
  type Branding,
  type DocumentBlock,
  type ReportDocument,
  type TableCell,
  type TableRow,
} from '../platform/documents';
import type { Language } from '../shared/i18n/language';
import { formatHelsinkiDate } from '../shared/i18n/helsinki-time';
import type { PerspectiveResultView, SurveyResultsView } from './survey-contracts';
import type { SurveyReporting } from './survey-results';
import type { Survey } from './survey';

const { h1, h2, p, bold, bullets, keyFigures, chart, chartTable, callout } = blocks;

/**
 * The municipality's report, as PDF and as DOCX (editable in Word), built on the shared document
 * kit (platform/documents): the same figures as the tab (suppression included, since both come
 * from `SurveyReporting.results`), a summary a board can read in a minute, the profile against the
 * network, the distributions, the comparison table, the department breakdowns, the comments and a
 * method note. Nothing here lays out a page: that is the kit's.
 */
export interface ReportFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly filename: string;
}

export interface SurveyReports {
  render(survey: Survey, language: Language, format: 'pdf' | 'docx'): Promise<ReportFile>;
}

/** Digiverkosto's own colours: a municipality's branding can replace them when the kit stores one. */
export const NETWORK_BRANDING: Omit<Branding, 'organisationName'> = {
  primaryColour: '#0A4A7D',
  secondaryColour: '#2A9D8F',
};

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const MAX_COMMENTS_IN_REPORT = 60;

export class SurveyReportService implements SurveyReports {
  /** Rendering is CPU work on the event loop: one at a time, and the same report is reused while its answers are. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cache = new Map<string, { file: Promise<ReportFile>; until: number }>();

  constructor(
    private readonly reporting: SurveyReporting,
    private readonly clock: () => Date,
    private readonly cacheMs = 5 * 60_000,
  ) {}

  async render(survey: Survey, language: Language, format: 'pdf' | 'docx'): Promise<ReportFile> {
    const results = await this.reporting.results(survey, language, {
      commentsPageSize: MAX_COMMENTS_IN_REPORT,
    });
    const key = `${survey.id}|${language}|${format}|${results.respondents}|${results.comparison.networkMunicipalities}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.file;
    const file = this.serialised(async () => {
      const document = buildSurveyReport(results, language, this.clock());
      const bytes = format === 'pdf' ? await renderPdf(document) : await renderDocx(document);
      return {
        bytes,
        contentType: CONTENT_TYPES[format],
        filename: `${REPORT_TEXT[language].filePrefix}-${slug(results.municipality.name)}-${survey.opensAt.slice(0, 10)}.${format}`,
      };
    });
    this.cache.set(key, { file, until: Date.now() + this.cacheMs });
    file.catch(() => this.cache.delete(key));
    for (const [other, entry] of this.cache) if (entry.until <= Date.now()) this.cache.delete(other);
    return file;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** The report's content: pure, so tests and the benchmark can build it without a server. */
export function buildSurveyReport(results: SurveyResultsView, language: Language, now: Date): ReportDocument {
  const t = REPORT_TEXT[language];
  const num = (value: number, decimals = 1): string => formatNumber(value, language, decimals);
  const municipality = results.municipality.name;
  const rules = results.thresholds;
  const perspectives = results.perspectives;
  const shown = perspectives.filter((item) => item.mean !== null);
  const isFollowUp = results.comparison.baselineSurveyId !== null;
  const groupOf = (item: PerspectiveResultView): string =>
    item.scope === 'personal' ? t.groupOwn : t.groupMunicipality;
  const period = `${formatHelsinkiDate(new Date(results.survey.opensAt))}–${formatHelsinkiDate(new Date(results.survey.closedAt ?? results.survey.closesAt))}`;
  const rate = results.survey.responseRate;

  const overall = average(shown.map((item) => item.mean ?? 0));
  const overallNetwork = average(shown.flatMap((item) => (item.network ? [item.network.median] : [])));
  const byGap = shown
    .filter((item) => item.network !== null)
    .map((item) => ({ item, gap: (item.mean ?? 0) - (item.network?.median ?? 0) }))
    .sort((a, b) => b.gap - a.gap);
  const strongest = [...shown].sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0))[0];
  const weakest = [...shown].sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0))[0];

  const content: DocumentBlock[] = [h1(t.summary)];
  if (results.suppressed) {
    content.push(p(t.tooFewLead(results.respondents, rules.minGroupSize), 'lead'));
    content.push(callout([results.suppressedReason ?? ''], { tone: 'note' }));
  } else {
    content.push(
      p(
        t.summaryLead(
          municipality,
          results.respondents,
          rate,
          overall === undefined ? undefined : num(overall, 2),
          overallNetwork === undefined ? undefined : num(overallNetwork, 2),
        ),
        'lead',
      ),
    );
    content.push(
      keyFigures([
        { value: num(results.respondents, 0), label: t.respondents },
        {
          value: rate === null ? '–' : formatPercent(rate, language),
          label: t.responseRate,
          ...(results.survey.headcount ? { detail: t.ofHeadcount(num(results.survey.headcount, 0)) } : {}),
        },
        ...(overall !== undefined
          ? [
              {
                value: num(overall, 2),
                label: t.overall,
                ...(overallNetwork !== undefined ? { detail: t.networkMedian(num(overallNetwork, 2)) } : {}),
              },
            ]
          : []),
        ...(strongest?.mean !== null && strongest
          ? [{ value: num(strongest.mean ?? 0, 2), label: t.strongest, detail: strongest.label }]
          : []),
      ]),
    );
    const findings: DocumentBlock[] = [];
    const above = byGap.filter((entry) => entry.gap > 0.05).slice(0, 3);
    const below = byGap
      .filter((entry) => entry.gap < -0.05)
      .reverse()
      .slice(0, 3);
    const items = [
      ...above.map((entry) => [
        bold(`${entry.item.label}: `),
        {
          text: t.aboveMedian(
            num(entry.item.mean ?? 0),
            num(entry.item.network?.median ?? 0),
            entry.item.percentile,
          ),
        },
      ]),
      ...below.map((entry) => [
        bold(`${entry.item.label}: `),
        {
          text: t.belowMedian(
            num(entry.item.mean ?? 0),
            num(entry.item.network?.median ?? 0),
            entry.item.percentile,
          ),
        },
      ]),
    ];
    if (weakest && weakest !== strongest && weakest.mean !== null) {
      items.push([bold(`${t.weakest}: `), { text: `${weakest.label} (${num(weakest.mean)})` }]);
    }
    if (isFollowUp) {
      const changes = shown
        .filter((item) => item.change !== null)
        .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0));
      const biggest = changes[0];
      if (biggest)
        items.push([
          bold(`${t.biggestChange}: `),
          { text: `${biggest.label} ${signed(biggest.change ?? 0, language)}` },
        ]);
    }
    if (items.length > 0) findings.push(bullets(items));
    if (results.comparison.networkNote)
      findings.push(callout([results.comparison.networkNote], { tone: 'note' }));
    content.push(...findings);
  }

  if (!results.suppressed) {
    const profile = profileChart({
      language,
      accent: NETWORK_BRANDING.primaryColour,
      labelHeader: t.perspective,
      groupHeader: t.group,
      series: {
        subject: municipality,
        median: t.median,
        range: t.range,
        ...(perspectives.some((item) => item.sizeClass) ? { comparison: t.sizeClassMedian } : {}),
      },
      scale: {
        min: 1,
        max: 5,
        endLabels: [`1 = ${results.scale[0] ?? ''}`, `5 = ${results.scale[4] ?? ''}`],
      },
      rows: perspectives.map((item) => ({
        label: item.label,
        group: groupOf(item),
        ...(item.mean !== null ? { value: item.mean } : {}),
        ...(item.network
          ? { median: item.network.median, lowerQuartile: item.network.q1, upperQuartile: item.network.q3 }
          : {}),
        ...(item.sizeClass ? { comparison: item.sizeClass.median } : {}),
      })),
    });
    const categories = [
      ...results.scale.map((label, index) => ({ label: `${index + 1} ${label}` })),
      { label: results.dontKnowLabel, outsideScale: true },
    ];
    const distribution = distributionChart({
      language,
      labelHeader: t.perspective,
      countHeader: t.answers,
      categories,
      rows: perspectives.map((item) => ({
        label: item.label,
        group: groupOf(item),
        counts: item.distribution ? [...item.distribution] : [0, 0, 0, 0, 0, 0],
        ...(item.suppressed ? { suppressed: { label: t.hidden, reason: item.suppressedReason ?? '' } } : {}),
      })),
    });
    if (!isFollowUp) content.push(p(t.nextSteps));
    content.push(
      h1(t.byPerspective),
      p(
        t.byPerspectiveText(
          municipality,
          results.comparison.networkMunicipalities,
          results.municipality.sizeClassName,
        ),
      ),
      chart(
        profile,
        t.profileAlt(municipality, describeProfile(perspectives, language)),
        t.profileCaption(municipality),
      ),
      chartTable(profile, t.profileTable),
      h2(t.distributions),
      p(t.distributionsText),
      chart(distribution, t.distributionAlt, t.distributionCaption),
    );
    if (isFollowUp) {
      const change = baselineTargetChart({
        language,
        accent: NETWORK_BRANDING.primaryColour,
        labelHeader: t.perspective,
        series: { baseline: t.baseline, target: t.followUp, change: t.change },
        scale: { min: 1, max: 5 },
        rows: perspectives.map((item) => ({
          label: item.label,
          group: groupOf(item),
          ...(item.baselineMean !== null ? { baseline: item.baselineMean } : {}),
          ...(item.mean !== null ? { target: item.mean } : {}),
        })),
      });
      content.push(
        h2(t.changeTitle),
        p(t.changeText),
        chart(change, t.changeAlt, t.changeCaption),
        chartTable(change, t.changeTable),
      );
    }
    content.push(
      h1(t.comparison),
      p(t.comparisonText(rules.minMunicipalities)),
      comparisonTable(results, language),
    );
    // Perspectives down, groups across (at most eight groups a table: the kit's tables hold twelve
    // columns, and a page holds eight readable ones), the group sizes in the first row.
    const perTable = 8;
    for (const breakdown of results.breakdowns) {
      content.push(h2(t.breakdownTitle(breakdown.label)));
      for (let start = 0; start < breakdown.rows.length; start += perTable) {
        const groups = breakdown.rows.slice(start, start + perTable);
        const hidden = (row: (typeof groups)[number]): TableCell => ({
          suppressed: { reason: row.suppressedReason ?? '' },
        });
        const rows: (TableRow | TableCell[])[] = [
          {
            cells: [
              t.respondentsRow,
              ...groups.map((row): TableCell =>
                row.respondents === null ? hidden(row) : { text: formatNumber(row.respondents, language, 0) },
              ),
            ],
            emphasis: 'total',
          },
          ...perspectives.map((item): TableCell[] => [
            item.label,
            ...groups.map((row): TableCell => {
              if (row.suppressed) return hidden(row);
              const mean = row.means[item.id];
              return mean === null || mean === undefined
                ? { suppressed: { reason: t.cellTooFew(rules.minGroupSize) } }
                : { value: mean };
            }),
          ]),
        ];
        content.push({
          type: 'table',
          caption: t.breakdownCaption(breakdown.label),
          columns: [
            { header: t.perspective, width: 30 },
            ...groups.map((row) => ({
              header: row.label,
              numeric: true,
              decimals: 1,
              width: 70 / groups.length,
            })),
          ],
          rows,
          note: t.breakdownNote(rules.minGroupSize),
        });
      }
    }
  }

  content.push(h1(t.comments));
  if (results.comments.shown && results.comments.items.length > 0) {
    content.push(p(t.commentsText(results.comments.count)));
    content.push(bullets(results.comments.items.map((comment) => [{ text: `”${comment}”`, italic: true }])));
    if (results.comments.count > results.comments.items.length) {
      content.push(p(t.moreComments(results.comments.count - results.comments.items.length), 'small'));
    }
  } else {
    content.push(callout([results.comments.reason ?? t.noComments], { tone: 'note' }));
  }

  content.push(
    h1(t.method),
    ...t
      .methodText(
        rules.minGroupSize,
        rules.minCommentGroup,
        rules.minMunicipalities,
        results.survey.instrumentVersion,
      )
      .map((text) => p(text)),
    callout([t.methodCallout(results.comparison.networkMunicipalities, results.generatedAtText)], {
      title: t.methodCalloutTitle,
    }),
  );

  return {
    language,
    branding: { organisationName: municipality, ...NETWORK_BRANDING },
    titlePage: {
      kicker: `${t.kicker} ${results.survey.opensAt.slice(0, 4)}`,
      title: t.title(municipality),
      subtitle: `${isFollowUp ? t.followUp : t.baseline} · ${period}`,
      details: [
        t.respondentsLine(results.respondents, results.survey.headcount),
        t.preparedBy,
        t.confidential(rules.minGroupSize),
      ],
    },
    documentName: `${municipality} – ${t.kicker} ${results.survey.opensAt.slice(0, 4)}`,
    date: now,
    author: 'Digiverkosto',
    subject: t.kicker,
    keywords: [t.kicker, municipality, 'Digiverkosto'],
    blocks: content,
  };
}

function comparisonTable(results: SurveyResultsView, language: Language): DocumentBlock {
  const t = REPORT_TEXT[language];
  const suppressed = (reason: string | null): TableCell => ({
    suppressed: { reason: reason ?? t.noComparison },
  });
  return {
    type: 'table',
    caption: t.comparisonCaption(results.municipality.name),
    columns: [
      { header: t.perspective, width: 30 },
      { header: t.meanShort, numeric: true, decimals: 2, width: 10 },
      { header: t.answersShort, numeric: true, width: 8 },
      { header: t.median, numeric: true, decimals: 2, width: 11 },
      { header: t.quartiles, width: 14 },
      { header: t.sizeClassMedian, numeric: true, decimals: 2, width: 12 },
      { header: t.percentile, numeric: true, width: 10 },
    ],
    rows: results.perspectives.map((item) => [
      item.label,
      item.mean === null ? suppressed(item.suppressedReason) : { value: item.mean, shading: shadeFor(item) },
      item.suppressed ? suppressed(item.suppressedReason) : item.n,
      item.network ? { value: item.network.median } : suppressed(results.comparison.networkNote),
      item.network
        ? `${formatNumber(item.network.q1, language, 2)}–${formatNumber(item.network.q3, language, 2)}`
        : suppressed(results.comparison.networkNote),
      item.sizeClass ? { value: item.sizeClass.median } : suppressed(t.noSizeClass),
      item.percentile === null
        ? suppressed(results.comparison.networkNote ?? item.suppressedReason)
        : item.percentile,
    ]),
    note: t.comparisonNote,
  };
}

/** Above the network's upper quartile: highlighted; below its lower quartile: grey. */
function shadeFor(item: PerspectiveResultView): 'highlight' | 'subtle' | undefined {
  if (item.mean === null || !item.network) return undefined;
  if (item.mean > item.network.q3) return 'highlight';
  if (item.mean < item.network.q1) return 'subtle';
  return undefined;
}

function describeProfile(perspectives: readonly PerspectiveResultView[], language: Language): string {
  const shown = perspectives.filter((item) => item.mean !== null && item.network);
  const above = shown.filter((item) => (item.mean ?? 0) > (item.network?.median ?? 0)).length;
  return REPORT_TEXT[language].profileSummary(above, shown.length);
}

function average(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function signed(value: number, language: Language): string {
  const text = formatNumber(Math.abs(value), language, 2);
  return value >= 0 ? `+${text}` : `−${text}`;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface ReportText {
  readonly filePrefix: string;
  readonly kicker: string;
  readonly title: (municipality: string) => string;
  readonly baseline: string;
  readonly followUp: string;
  readonly respondentsLine: (respondents: number, headcount: number | null) => string;
  readonly preparedBy: string;
  readonly confidential: (min: number) => string;
  readonly summary: string;
  readonly summaryLead: (
    municipality: string,
    respondents: number,
    rate: number | null,
    overall: string | undefined,
    network: string | undefined,
  ) => string;
  readonly tooFewLead: (respondents: number, min: number) => string;
  readonly respondents: string;
  readonly responseRate: string;
  readonly ofHeadcount: (headcount: string) => string;
  readonly overall: string;
  readonly networkMedian: (value: string) => string;
  readonly strongest: string;
  readonly weakest: string;
  readonly nextSteps: string;
  readonly biggestChange: string;
  readonly aboveMedian: (mean: string, median: string, percentile: number | null) => string;
  readonly belowMedian: (mean: string, median: string, percentile: number | null) => string;
  readonly perspective: string;
  readonly group: string;
  readonly groupOwn: string;
  readonly groupMunicipality: string;
  readonly median: string;
  readonly range: string;
  readonly sizeClassMedian: string;
  readonly byPerspective: string;
  readonly byPerspectiveText: (
    municipality: string,
    municipalities: number,
    sizeClass: string | null,
  ) => string;
  readonly profileAlt: (municipality: string, summary: string) => string;
  readonly profileSummary: (above: number, total: number) => string;
  readonly profileCaption: (municipality: string) => string;
  readonly profileTable: string;
  readonly distributions: string;
  readonly distributionsText: string;
  readonly distributionAlt: string;
  readonly distributionCaption: string;
  readonly answers: string;
  readonly answersShort: string;
  readonly hidden: string;
  readonly changeTitle: string;
  readonly changeText: string;
  readonly changeAlt: string;
  readonly changeCaption: string;
  readonly changeTable: string;
  readonly change: string;
  readonly comparison: string;
  readonly comparisonText: (min: number) => string;
  readonly comparisonCaption: (municipality: string) => string;
  readonly comparisonNote: string;
  readonly meanShort: string;
  readonly quartiles: string;
  readonly percentile: string;
  readonly noComparison: string;
  readonly noSizeClass: string;
  readonly breakdownTitle: (label: string) => string;
  readonly breakdownCaption: (label: string) => string;
  readonly breakdownNote: (min: number) => string;
  readonly cellTooFew: (min: number) => string;
  readonly respondentsRow: string;
  readonly comments: string;
  readonly commentsText: (count: number) => string;
  readonly moreComments: (count: number) => string;
  readonly noComments: string;
  readonly method: string;
  readonly methodText: (
    minGroup: number,
    minComments: number,
    minMunicipalities: number,
    version: number,
  ) => readonly string[];
  readonly methodCalloutTitle: string;
  readonly methodCallout: (municipalities: number, generatedAt: string) => string;
}

const fiPercent = (rate: number | null, language: Language): string =>
  rate === null ? '' : formatPercent(rate, language);

const REPORT_TEXT: Record<Language, ReportText> = {
  fi: {
    filePrefix: 'digikysely',
    kicker: 'Henkilöstön digitalisaatiokysely',
    title: (municipality) => `${municipality} – tulosraportti`,
    baseline: 'Lähtötaso',
    followUp: 'Seurantakysely',
    respondentsLine: (respondents, headcount) =>
      headcount
        ? `${respondents} vastaajaa ${headcount} henkilöstä ja luottamushenkilöstä`
        : `${respondents} vastaajaa`,
    preparedBy: 'Laatinut: Digiverkosto (Kuntaliitto ja FCG)',
    confidential: (min) => `Raportissa on vain yhteenvetoja; alle ${min} vastaajan ryhmät on piilotettu.`,
    summary: 'Tiivistelmä',
    summaryLead: (municipality, respondents, rate, overall, network) =>
      `${municipality}: kyselyyn vastasi ${respondents} henkilöstön jäsentä ja luottamushenkilöä${
        rate !== null ? ` (${fiPercent(rate, 'fi')})` : ''
      }. ${
        overall
          ? `Näkökulmien keskiarvo on ${overall}${network ? `, kun verkoston kuntien mediaani on ${network}` : ''}.`
          : ''
      }`,
    tooFewLead: (respondents, min) =>
      `Kyselyyn on vastannut ${respondents}. Lukuja näytetään vasta, kun vastaajia on vähintään ${min}, jotta kenenkään vastauksia ei voi päätellä.`,
    respondents: 'vastaajaa',
    responseRate: 'vastausprosentti',
    ofHeadcount: (headcount) => `${headcount} kyselyn kohderyhmässä`,
    overall: 'näkökulmien keskiarvo',
    networkMedian: (value) => `verkoston mediaani ${value}`,
    strongest: 'vahvin näkökulma',
    weakest: 'Heikoin näkökulma',
    nextSteps:
      'Tulokset ovat kunnan digitiekartan lähtötaso: johtoryhmän työpajassa niiden rinnalle asetetaan tavoitetaso ja valitaan kehittämiskohteet. Seurantakysely kierroksen lopussa näyttää muutoksen.',
    biggestChange: 'Suurin muutos lähtötasosta',
    aboveMedian: (mean, median, percentile) =>
      `${mean}, verkoston mediaanin (${median}) yläpuolella${percentile !== null ? `; ${percentile}. persentiili` : ''}.`,
    belowMedian: (mean, median, percentile) =>
      `${mean}, verkoston mediaanin (${median}) alapuolella${percentile !== null ? `; ${percentile}. persentiili` : ''}.`,
    perspective: 'Näkökulma',
    group: 'Ryhmä',
    groupOwn: 'Oma työ',
    groupMunicipality: 'Kunta',
    median: 'Verkoston mediaani',
    range: 'Verkoston keskimmäinen puolikas (kvartiiliväli)',
    sizeClassMedian: 'Kokoluokan mediaani',
    byPerspective: 'Tulokset näkökulmittain',
    byPerspectiveText: (municipality, municipalities, sizeClass) =>
      `Kuviossa kunnan (${municipality}) keskiarvo (piste) näkyy verkoston ${municipalities} kunnan lähtötasojen mediaania (viiva) ja kvartiiliväliä (vyöhyke) vasten${
        sizeClass ? `; salmiakki on saman kokoluokan kuntien (${sizeClass}) mediaani` : ''
      }. Asteikko on 1 (heikko) – 5 (erinomainen); ”en osaa sanoa” -vastaukset eivät ole mukana keskiarvoissa.`,
    profileAlt: (municipality, summary) =>
      `Profiilikaavio yhdestätoista näkökulmasta: kunnan (${municipality}) keskiarvot verkoston mediaania ja kvartiiliväliä vasten. ${summary}`,
    profileSummary: (above, total) =>
      `${above}/${total} näkökulmassa keskiarvo on verkoston mediaanin yläpuolella.`,
    profileCaption: (municipality) => `${municipality}: keskiarvot verrattuna verkostoon`,
    profileTable: 'Profiilikaavion luvut',
    distributions: 'Vastausten jakaumat',
    distributionsText:
      'Palkit näyttävät, miten vastaukset jakautuvat asteikolle. Harmaa osa on ”en osaa sanoa”.',
    distributionAlt:
      'Pinottu pylväskaavio vastausten jakaumasta näkökulmittain asteikolla 1–5 ja ”en osaa sanoa”.',
    distributionCaption: 'Vastausten jakaumat näkökulmittain',
    answers: 'Vastauksia',
    answersShort: 'n',
    hidden: 'piilotettu',
    changeTitle: 'Muutos lähtötasosta',
    changeText: 'Nuoli kulkee kierroksen alun lähtötasosta seurantakyselyn tulokseen.',
    changeAlt: 'Nuolikaavio: lähtötaso ja seurantakyselyn keskiarvo näkökulmittain.',
    changeCaption: 'Lähtötaso ja seuranta näkökulmittain',
    changeTable: 'Lähtötason ja seurannan luvut',
    change: 'Muutos',
    comparison: 'Vertailu verkostoon',
    comparisonText: (min) =>
      `Taulukko vertaa kunnan keskiarvoa verkoston kuntien lähtötasoihin. Persentiili kertoo, kuinka suuri osa verkoston kunnista on kunnan alapuolella (50 = keskellä). Vertailuluvut näytetään, kun vähintään ${min} kunnan tulokset ovat käytettävissä; muiden kuntien nimiä ei näytetä.`,
    comparisonCaption: (municipality) => `${municipality} verrattuna verkoston kuntiin`,
    comparisonNote: 'Korostettu: verkoston yläneljänneksellä. Harmaa: verkoston alaneljänneksellä.',
    meanShort: 'Keskiarvo',
    quartiles: 'Kvartiiliväli',
    percentile: 'Persentiili',
    noComparison: 'vertailuun liian vähän kuntia',
    noSizeClass: 'kokoluokassa liian vähän kuntia',
    breakdownTitle: (label) => `Ryhmittäin: ${label}`,
    breakdownCaption: (label) => `Keskiarvot ryhmittäin (${label.replace(/\?$/, '').toLowerCase()})`,
    breakdownNote: (min) =>
      `Alle ${min} vastaajan ryhmät on piilotettu, ja jos vain yksi ryhmä piiloutuisi, myös seuraavaksi pienin, jottei piilotettua lukua voi laskea erotuksena.`,
    cellTooFew: (min) => `alle ${min} numeroarviota`,
    respondentsRow: 'Vastaajia',
    comments: 'Vapaa sana',
    commentsText: (count) =>
      `Vastaajat kirjoittivat ${count} kommenttia. Ne on kirjattu sellaisinaan, eikä niitä ole yhdistetty muihin vastauksiin.`,
    moreComments: (count) => `Lisäksi ${count} kommenttia on luettavissa Digiverkosto-välilehdellä.`,
    noComments: 'Vapaata sanaa ei ole.',
    method: 'Menetelmä',
    methodText: (minGroup, minComments, minMunicipalities, version) => [
      `Kysely on FCG:n henkilöstön digitalisaatiokysely (kyselylomakkeen versio ${version}): yksitoista näkökulmaa, joista neljä koskee vastaajan omaa työtä ja seitsemän kuntaa, asteikolla 1 (heikko) – 5 (erinomainen). ”En osaa sanoa” on oma vastauksensa: se näkyy jakaumissa mutta ei keskiarvoissa.`,
      'Kysely oli avoin kunnan koko henkilöstölle ja luottamushenkilöille nimettömänä verkkolomakkeena; verkoston osallistujat saattoivat vastata myös Teamsissa. Vastauksiin ei tallennettu nimiä, osoitteita eikä tunnisteita. Kukin selain ja Teams-käyttäjä voi vastata kerran.',
      `Lukuja ei näytetä alle ${minGroup} vastaajan ryhmistä, ja vapaa sana näytetään vasta, kun vastaajia on vähintään ${minComments}. Vastausprosentin pohjana on koordinaattorin kirjaama kohderyhmän koko.`,
      `Verkoston vertailuluvut lasketaan kuntien lähtötasokyselyistä: jokaisen kunnan keskiarvo on yksi havainto, ja mediaani ja kvartiilit lasketaan lineaarisella interpoloinnilla (Excelin PROSENTTIPISTE.SIS). Vertailu vaatii vähintään ${minMunicipalities} kuntaa.`,
    ],
    methodCalloutTitle: 'Tietojen ajantasaisuus',
    methodCallout: (municipalities, generatedAt) =>
      `Raportti on muodostettu ${generatedAt}. Verkoston vertailussa on mukana ${municipalities} kuntaa.`,
  },
  sv: {
    filePrefix: 'digienkat',
    kicker: 'Personalens digitaliseringsenkät',
    title: (municipality) => `${municipality} – resultatrapport`,
    baseline: 'Utgångsläge',
    followUp: 'Uppföljningsenkät',
    respondentsLine: (respondents, headcount) =>
      headcount
        ? `${respondents} svarande av ${headcount} anställda och förtroendevalda`
        : `${respondents} svarande`,
    preparedBy: 'Utarbetad av: Digiverkosto (Kommunförbundet och FCG)',
    confidential: (min) =>
      `Rapporten innehåller bara sammanställningar; grupper med färre än ${min} svarande är dolda.`,
    summary: 'Sammanfattning',
    summaryLead: (municipality, respondents, rate, overall, network) =>
      `Av personalen och de förtroendevalda i ${municipality} svarade ${respondents}${
        rate !== null ? ` (${fiPercent(rate, 'sv')})` : ''
      }. ${
        overall
          ? `Perspektivens medelvärde är ${overall}${network ? `, medan nätverkets median är ${network}` : ''}.`
          : ''
      }`,
    tooFewLead: (respondents, min) =>
      `${respondents} har svarat på enkäten. Siffror visas först när det finns minst ${min} svarande, så att ingens svar kan härledas.`,
    respondents: 'svarande',
    responseRate: 'svarsprocent',
    ofHeadcount: (headcount) => `${headcount} i målgruppen`,
    overall: 'perspektivens medelvärde',
    networkMedian: (value) => `nätverkets median ${value}`,
    strongest: 'starkaste perspektivet',
    weakest: 'Svagaste perspektivet',
    nextSteps:
      'Resultaten är utgångsläget för kommunens digitala färdplan: i ledningsgruppens verkstad sätts målnivån bredvid dem och utvecklingsområdena väljs. En uppföljningsenkät i slutet av omgången visar förändringen.',
    biggestChange: 'Största förändringen sedan utgångsläget',
    aboveMedian: (mean, median, percentile) =>
      `${mean}, över nätverkets median (${median})${percentile !== null ? `; percentil ${percentile}` : ''}.`,
    belowMedian: (mean, median, percentile) =>
      `${mean}, under nätverkets median (${median})${percentile !== null ? `; percentil ${percentile}` : ''}.`,
    perspective: 'Perspektiv',
    group: 'Grupp',
    groupOwn: 'Eget arbete',
    groupMunicipality: 'Kommunen',
    median: 'Nätverkets median',
    range: 'Nätverkets mittersta hälft (kvartilavstånd)',
    sizeClassMedian: 'Storleksklassens median',
    byPerspective: 'Resultat per perspektiv',
    byPerspectiveText: (municipality, municipalities, sizeClass) =>
      `Figuren visar medelvärdet för ${municipality} (punkt) mot medianen (streck) och kvartilavståndet (band) för utgångslägena i nätverkets ${municipalities} kommuner${
        sizeClass ? `; romben är medianen för kommuner i samma storleksklass (${sizeClass})` : ''
      }. Skalan är 1 (svag) – 5 (utmärkt); svaren ”kan inte säga” ingår inte i medelvärdena.`,
    profileAlt: (municipality, summary) =>
      `Profildiagram över elva perspektiv: medelvärdena för ${municipality} mot nätverkets median och kvartilavstånd. ${summary}`,
    profileSummary: (above, total) =>
      `I ${above} av ${total} perspektiv ligger medelvärdet över nätverkets median.`,
    profileCaption: (municipality) => `Medelvärdena för ${municipality} jämfört med nätverket`,
    profileTable: 'Profildiagrammets siffror',
    distributions: 'Svarens fördelning',
    distributionsText: 'Staplarna visar hur svaren fördelar sig på skalan. Den grå delen är ”kan inte säga”.',
    distributionAlt:
      'Staplat stapeldiagram över svarens fördelning per perspektiv på skalan 1–5 och ”kan inte säga”.',
    distributionCaption: 'Svarens fördelning per perspektiv',
    answers: 'Svar',
    answersShort: 'n',
    hidden: 'dold',
    changeTitle: 'Förändring sedan utgångsläget',
    changeText: 'Pilen går från omgångens utgångsläge till uppföljningsenkätens resultat.',
    changeAlt: 'Pildiagram: utgångsläge och uppföljningens medelvärde per perspektiv.',
    changeCaption: 'Utgångsläge och uppföljning per perspektiv',
    changeTable: 'Utgångslägets och uppföljningens siffror',
    change: 'Förändring',
    comparison: 'Jämförelse med nätverket',
    comparisonText: (min) =>
      `Tabellen jämför kommunens medelvärde med utgångslägena i nätverkets kommuner. Percentilen anger hur stor andel av nätverkets kommuner som ligger under kommunen (50 = i mitten). Jämförelsetalen visas när resultat från minst ${min} kommuner finns; andra kommuners namn visas inte.`,
    comparisonCaption: (municipality) => `${municipality} jämfört med nätverkets kommuner`,
    comparisonNote: 'Markerat: nätverkets översta fjärdedel. Grått: nätverkets nedersta fjärdedel.',
    meanShort: 'Medelvärde',
    quartiles: 'Kvartilavstånd',
    percentile: 'Percentil',
    noComparison: 'för få kommuner för jämförelse',
    noSizeClass: 'för få kommuner i storleksklassen',
    breakdownTitle: (label) => `Per grupp: ${label}`,
    breakdownCaption: (label) => `Medelvärden per grupp (${label.replace(/\?$/, '').toLowerCase()})`,
    breakdownNote: (min) =>
      `Grupper med färre än ${min} svarande är dolda, och om bara en grupp skulle döljas döljs även den näst minsta, så att den dolda siffran inte kan räknas ut som en skillnad.`,
    cellTooFew: (min) => `färre än ${min} sifferbedömningar`,
    respondentsRow: 'Svarande',
    comments: 'Fritt ord',
    commentsText: (count) =>
      `De svarande skrev ${count} kommentarer. De återges som de skrevs och har inte kopplats till andra svar.`,
    moreComments: (count) => `Ytterligare ${count} kommentarer kan läsas på fliken Digiverkosto.`,
    noComments: 'Inga kommentarer.',
    method: 'Metod',
    methodText: (minGroup, minComments, minMunicipalities, version) => [
      `Enkäten är FCG:s digitaliseringsenkät för personalen (formulärversion ${version}): elva perspektiv, fyra om det egna arbetet och sju om kommunen, på skalan 1 (svag) – 5 (utmärkt). ”Kan inte säga” är ett eget svar: det syns i fördelningarna men inte i medelvärdena.`,
      'Enkäten var öppen för hela personalen och alla förtroendevalda som ett anonymt webbformulär; nätverkets deltagare kunde också svara i Teams. Inga namn, adresser eller identifierare sparades med svaren. Varje webbläsare och Teams-användare kan svara en gång.',
      `Siffror visas inte för grupper med färre än ${minGroup} svarande, och det fria ordet visas först när det finns minst ${minComments} svarande. Svarsprocenten beräknas på målgruppens storlek som koordinatorn angett.`,
      `Nätverkets jämförelsetal beräknas från kommunernas utgångslägesenkäter: varje kommuns medelvärde är en observation, och median och kvartiler beräknas med linjär interpolation (Excels PERCENTIL.INK). Jämförelsen kräver minst ${minMunicipalities} kommuner.`,
    ],
    methodCalloutTitle: 'Uppgifternas aktualitet',
    methodCallout: (municipalities, generatedAt) =>
      `Rapporten är skapad ${generatedAt}. I nätverksjämförelsen ingår ${municipalities} kommuner.`,
  },
  en: {
    filePrefix: 'digital-survey',
    kicker: 'Staff digitalisation survey',
    title: (municipality) => `${municipality} – results report`,
    baseline: 'Baseline',
    followUp: 'Follow-up survey',
    respondentsLine: (respondents, headcount) =>
      headcount
        ? `${respondents} respondents of ${headcount} staff and elected officials`
        : `${respondents} respondents`,
    preparedBy: 'Prepared by Digiverkosto (Association of Finnish Municipalities and FCG)',
    confidential: (min) =>
      `The report holds summaries only; groups of fewer than ${min} respondents are hidden.`,
    summary: 'Summary',
    summaryLead: (municipality, respondents, rate, overall, network) =>
      `${respondents} of ${municipality}'s staff and elected officials answered${
        rate !== null ? ` (${fiPercent(rate, 'en')})` : ''
      }. ${
        overall
          ? `The mean over the perspectives is ${overall}${network ? `, against a network median of ${network}` : ''}.`
          : ''
      }`,
    tooFewLead: (respondents, min) =>
      `${respondents} have answered. Figures are shown only from ${min} respondents on, so that no one's answers can be inferred.`,
    respondents: 'respondents',
    responseRate: 'response rate',
    ofHeadcount: (headcount) => `of ${headcount} asked`,
    overall: 'mean over perspectives',
    networkMedian: (value) => `network median ${value}`,
    strongest: 'strongest perspective',
    weakest: 'Weakest perspective',
    nextSteps:
      "The results are the baseline of the municipality's digital roadmap: in the leadership workshop the target level is set beside them and the development targets are chosen. A follow-up survey at the end of the round shows the change.",
    biggestChange: 'Largest change since the baseline',
    aboveMedian: (mean, median, percentile) =>
      `${mean}, above the network median (${median})${percentile !== null ? `; percentile ${percentile}` : ''}.`,
    belowMedian: (mean, median, percentile) =>
      `${mean}, below the network median (${median})${percentile !== null ? `; percentile ${percentile}` : ''}.`,
    perspective: 'Perspective',
    group: 'Group',
    groupOwn: 'Own work',
    groupMunicipality: 'Municipality',
    median: 'Network median',
    range: 'Middle half of the network (inter-quartile range)',
    sizeClassMedian: 'Size class median',
    byPerspective: 'Results by perspective',
    byPerspectiveText: (municipality, municipalities, sizeClass) =>
      `The chart shows ${municipality}'s mean (dot) against the median (tick) and inter-quartile range (band) of the baselines of the network's ${municipalities} municipalities${
        sizeClass ? `; the diamond is the median of municipalities of the same size (${sizeClass})` : ''
      }. The scale runs from 1 (poor) to 5 (excellent); “don't know” answers are not in the means.`,
    profileAlt: (municipality, summary) =>
      `Profile chart of eleven perspectives: ${municipality}'s means against the network median and inter-quartile range. ${summary}`,
    profileSummary: (above, total) =>
      `In ${above} of ${total} perspectives the mean is above the network median.`,
    profileCaption: (municipality) => `${municipality}'s means compared with the network`,
    profileTable: 'The profile chart in figures',
    distributions: 'How the answers spread',
    distributionsText: "The bars show how answers spread over the scale. The grey part is “don't know”.",
    distributionAlt: "Stacked bar chart of the answers per perspective over the scale 1–5 and “don't know”.",
    distributionCaption: 'Distribution of answers by perspective',
    answers: 'Answers',
    answersShort: 'n',
    hidden: 'hidden',
    changeTitle: 'Change since the baseline',
    changeText: "The arrow runs from the round's baseline to the follow-up survey's result.",
    changeAlt: "Arrow chart: the baseline and the follow-up's mean per perspective.",
    changeCaption: 'Baseline and follow-up by perspective',
    changeTable: 'Baseline and follow-up in figures',
    change: 'Change',
    comparison: 'Compared with the network',
    comparisonText: (min) =>
      `The table compares the municipality's mean with the baselines of the network's municipalities. The percentile says what share of the network's municipalities lie below (50 = the middle). Comparison figures are shown once results from at least ${min} municipalities are available; other municipalities are never named.`,
    comparisonCaption: (municipality) => `${municipality} compared with the network's municipalities`,
    comparisonNote: "Highlighted: in the network's top quarter. Grey: in its bottom quarter.",
    meanShort: 'Mean',
    quartiles: 'Quartile range',
    percentile: 'Percentile',
    noComparison: 'too few municipalities to compare',
    noSizeClass: 'too few municipalities in the size class',
    breakdownTitle: (label) => `By group: ${label}`,
    breakdownCaption: (label) => `Means by group (${label.replace(/\?$/, '').toLowerCase()})`,
    breakdownNote: (min) =>
      `Groups of fewer than ${min} respondents are hidden, and if only one group would be hidden, the next smallest is hidden too, so the hidden figure cannot be worked out as a difference.`,
    cellTooFew: (min) => `fewer than ${min} numeric ratings`,
    respondentsRow: 'Respondents',
    comments: 'Comments',
    commentsText: (count) =>
      `Respondents wrote ${count} comments. They are given as written and were never linked to other answers.`,
    moreComments: (count) => `${count} more comments can be read in the Digiverkosto tab.`,
    noComments: 'No comments.',
    method: 'Method',
    methodText: (minGroup, minComments, minMunicipalities, version) => [
      `The survey is FCG's staff digitalisation survey (questionnaire version ${version}): eleven perspectives, four about the respondent's own work and seven about the municipality, on a scale from 1 (poor) to 5 (excellent). “Don't know” is an answer of its own: it shows in the distributions but not in the means.`,
      "The survey was open to all of the municipality's staff and elected officials as an anonymous web form; the network's participants could also answer in Teams. No names, addresses or identifiers were stored with the answers. Each browser and each Teams user can answer once.",
      `No figure is shown for a group of fewer than ${minGroup} respondents, and comments are shown only from ${minComments} respondents on. The response rate is based on the size of the group asked, as entered by the coordinator.`,
      `The network's figures come from the municipalities' baseline surveys: each municipality's mean is one observation, and the median and quartiles are computed with linear interpolation (Excel's PERCENTILE.INC). The comparison needs at least ${minMunicipalities} municipalities.`,
    ],
    methodCalloutTitle: 'How current the figures are',
    methodCallout: (municipalities, generatedAt) =>
      `The report was produced on ${generatedAt}. The network comparison covers ${municipalities} municipalities.`,
  },
};
