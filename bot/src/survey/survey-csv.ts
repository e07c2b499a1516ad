import type { Language } from '../shared/i18n/language';
import { toExcelCsv, type CsvCell } from '../shared/csv';
import type { SurveyResultsView } from './survey-contracts';

export { attachmentDisposition, CSV_CONTENT_TYPE } from '../shared/csv';

/**
 * The results' aggregates as CSV for Excel: UTF-8 with a byte-order mark, semicolons, decimal
 * commas in Finnish and Swedish. One row per perspective and group; a suppressed cell says why.
 * Individual answers are never exported: there is no function here that could.
 */

const HEADERS: Record<Language, readonly string[]> = {
  fi: [
    'Kunta',
    'Kysely',
    'Ryhmä',
    'Näkökulma',
    'Alue',
    'Vastaajia ryhmässä',
    'Numeroarvioita',
    'En osaa sanoa',
    'Keskiarvo',
    '1',
    '2',
    '3',
    '4',
    '5',
    'Verkoston mediaani',
    'Verkoston alakvartiili',
    'Verkoston yläkvartiili',
    'Kokoluokan mediaani',
    'Persentiili verkostossa',
    'Lähtötason keskiarvo',
    'Muutos',
    'Huomautus',
  ],
  sv: [
    'Kommun',
    'Enkät',
    'Grupp',
    'Perspektiv',
    'Område',
    'Svarande i gruppen',
    'Sifferbedömningar',
    'Kan inte säga',
    'Medelvärde',
    '1',
    '2',
    '3',
    '4',
    '5',
    'Nätverkets median',
    'Nätverkets nedre kvartil',
    'Nätverkets övre kvartil',
    'Storleksklassens median',
    'Percentil i nätverket',
    'Utgångslägets medelvärde',
    'Förändring',
    'Anmärkning',
  ],
  en: [
    'Municipality',
    'Survey',
    'Group',
    'Perspective',
    'Scope',
    'Respondents in group',
    'Numeric ratings',
    "Don't know",
    'Mean',
    '1',
    '2',
    '3',
    '4',
    '5',
    'Network median',
    'Network lower quartile',
    'Network upper quartile',
    'Size class median',
    'Percentile in network',
    'Baseline mean',
    'Change',
    'Note',
  ],
};

const WHOLE: Record<Language, string> = { fi: 'Koko kunta', sv: 'Hela kommunen', en: 'Whole municipality' };

export function resultsCsv(results: SurveyResultsView, language: Language): string {
  const number = (value: number | null | undefined): number | null => value ?? null;
  const surveyName = `${results.survey.kind === 'baseline' ? 'baseline' : 'follow-up'} ${results.survey.opensAt.slice(0, 10)}`;
  const rows: CsvCell[][] = [[...HEADERS[language]]];
  for (const p of results.perspectives) {
    const distribution = p.distribution ?? [];
    rows.push([
      results.municipality.name,
      surveyName,
      WHOLE[language],
      p.label,
      p.scope,
      results.suppressed ? '' : String(results.respondents),
      p.suppressed ? '' : String(p.n),
      p.suppressed ? '' : String(p.dontKnow),
      number(p.mean),
      ...[0, 1, 2, 3, 4].map((index) => (p.suppressed ? '' : String(distribution[index] ?? 0))),
      number(p.network?.median),
      number(p.network?.q1),
      number(p.network?.q3),
      number(p.sizeClass?.median),
      p.percentile === null ? '' : String(p.percentile),
      number(p.baselineMean),
      number(p.change),
      p.suppressedReason ?? (p.network === null ? (results.comparison.networkNote ?? '') : ''),
    ]);
  }
  for (const breakdown of results.breakdowns) {
    for (const row of breakdown.rows) {
      for (const p of results.perspectives) {
        rows.push([
          results.municipality.name,
          surveyName,
          `${breakdown.label}: ${row.label}`,
          p.label,
          p.scope,
          row.respondents === null ? '' : String(row.respondents),
          '',
          '',
          number(row.means[p.id]),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          row.suppressedReason ?? '',
        ]);
      }
    }
  }
  return toExcelCsv(rows, {
    decimals: 2,
    fixed: true,
    decimalSeparator: language === 'en' ? '.' : ',',
  });
}

/** One-time codes for a municipality to hand out: one per line, with a header. */
export function codesCsv(codes: readonly string[], language: Language): string {
  const header = { fi: 'Vastauskoodi', sv: 'Svarskod', en: 'Answer code' }[language];
  return toExcelCsv([[header], ...codes.map((code) => [code])]);
}
