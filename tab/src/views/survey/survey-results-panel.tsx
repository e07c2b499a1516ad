import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { PerspectiveResultView, SurveyResultsView } from '../../../../bot/src/survey/survey-contracts';
import { ErrorMessage, Loading } from '../../components/status';
import { defineMessages, format, useLanguage, useMessages, type Language } from '../../i18n';
import { useApi, useApiData, useSession } from '../../session';
import { useTableStyles } from '../coordinator/styles';

const messages = defineMessages({
  fi: {
    respondents: 'Vastaajia',
    rate: 'Vastausprosentti',
    profile: 'Keskiarvot verrattuna verkostoon',
    profileDescription:
      'Profiilikaavio: kunnan keskiarvo (piste), verkoston mediaani (pystyviiva) ja verkoston keskimmäinen puolikas (vyöhyke) asteikolla 1–5. Samat luvut ovat taulukossa kaavion alla.',
    legendSelf: 'Kunta',
    legendMedian: 'Verkoston mediaani',
    legendBand: 'Verkoston keskimmäinen puolikas',
    perspective: 'Näkökulma',
    mean: 'Keskiarvo',
    n: 'n',
    dontKnow: 'En osaa sanoa',
    median: 'Verkoston mediaani',
    quartiles: 'Kvartiiliväli',
    sizeClass: 'Kokoluokan mediaani',
    percentile: 'Persentiili',
    change: 'Muutos lähtötasosta',
    distribution: 'Vastausten jakauma',
    comments: 'Vapaa sana ({count})',
    noComments: 'Ei kommentteja.',
    downloads: 'Lataukset',
    pdf: 'Raportti (PDF)',
    docx: 'Raportti (Word)',
    csv: 'Luvut (CSV)',
    downloaded: 'Tiedosto ladattu: {name}',
    suppressed: 'piilotettu: {reason}',
    generated: 'Tilanne {time}',
    comparisonNote: 'Vertailu: {count} kunnan lähtötasot; muiden kuntien nimiä ei näytetä.',
  },
  sv: {
    respondents: 'Svarande',
    rate: 'Svarsprocent',
    profile: 'Medelvärden jämfört med nätverket',
    profileDescription:
      'Profildiagram: kommunens medelvärde (punkt), nätverkets median (lodrätt streck) och nätverkets mittersta hälft (band) på skalan 1–5. Samma siffror finns i tabellen under diagrammet.',
    legendSelf: 'Kommunen',
    legendMedian: 'Nätverkets median',
    legendBand: 'Nätverkets mittersta hälft',
    perspective: 'Perspektiv',
    mean: 'Medelvärde',
    n: 'n',
    dontKnow: 'Kan inte säga',
    median: 'Nätverkets median',
    quartiles: 'Kvartilavstånd',
    sizeClass: 'Storleksklassens median',
    percentile: 'Percentil',
    change: 'Förändring sedan utgångsläget',
    distribution: 'Svarens fördelning',
    comments: 'Fritt ord ({count})',
    noComments: 'Inga kommentarer.',
    downloads: 'Nedladdningar',
    pdf: 'Rapport (PDF)',
    docx: 'Rapport (Word)',
    csv: 'Siffror (CSV)',
    downloaded: 'Filen har laddats ner: {name}',
    suppressed: 'dold: {reason}',
    generated: 'Läget {time}',
    comparisonNote: 'Jämförelse: utgångslägen i {count} kommuner; andra kommuners namn visas inte.',
  },
  en: {
    respondents: 'Respondents',
    rate: 'Response rate',
    profile: 'Means compared with the network',
    profileDescription:
      "Profile chart: the municipality's mean (dot), the network median (vertical line) and the middle half of the network (band) on the scale 1–5. The same figures are in the table below the chart.",
    legendSelf: 'Municipality',
    legendMedian: 'Network median',
    legendBand: 'Middle half of the network',
    perspective: 'Perspective',
    mean: 'Mean',
    n: 'n',
    dontKnow: "Don't know",
    median: 'Network median',
    quartiles: 'Quartile range',
    sizeClass: 'Size class median',
    percentile: 'Percentile',
    change: 'Change since baseline',
    distribution: 'Distribution of answers',
    comments: 'Comments ({count})',
    noComments: 'No comments.',
    downloads: 'Downloads',
    pdf: 'Report (PDF)',
    docx: 'Report (Word)',
    csv: 'Figures (CSV)',
    downloaded: 'File downloaded: {name}',
    suppressed: 'hidden: {reason}',
    generated: 'As of {time}',
    comparisonNote:
      'Comparison: the baselines of {count} municipalities; other municipalities are never named.',
  },
});

const useStyles = makeStyles({
  figures: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXL,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  figure: { display: 'flex', flexDirection: 'column' },
  figureValue: { fontSize: tokens.fontSizeHero700, fontWeight: 600, color: tokens.colorBrandForeground1 },
  chart: {
    width: '100%',
    maxWidth: '860px',
    height: 'auto',
    display: 'block',
    margin: `${tokens.spacingVerticalM} 0`,
  },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '13px' },
  axis: { fill: tokens.colorNeutralForeground2, fontSize: '12px' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  band: { fill: '#c9d6e3' },
  median: { stroke: '#1b1b1b', strokeWidth: 3 },
  dot: { fill: '#0a4a7d' },
  value: { fill: '#0a4a7d', fontSize: '13px', fontWeight: 600 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  comments: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, whiteSpace: 'pre-wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

function number(value: number | null | undefined, language: Language, decimals = 2): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString(language === 'en' ? 'en-GB' : `${language}-FI`, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** The profile as an SVG image with a title and description; the table under it says the same in text. */
function ProfileChart({ results }: { readonly results: SurveyResultsView }) {
  const styles = useStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const titleId = useId();
  const descriptionId = useId();
  const labelWidth = 260;
  const plot = 480;
  const rowHeight = 30;
  const top = 28;
  const x = (value: number): number => labelWidth + ((value - 1) / 4) * plot;
  const height = top + results.perspectives.length * rowHeight + 30;
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${labelWidth + plot + 60} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descriptionId}`}
    >
      <title id={titleId}>{t.profile}</title>
      <desc id={descriptionId}>{t.profileDescription}</desc>
      <circle cx={labelWidth + 6} cy={10} r={6} className={styles.dot} />
      <text x={labelWidth + 16} y={14} className={styles.axis}>
        {t.legendSelf}
      </text>
      <line x1={labelWidth + 120} x2={labelWidth + 120} y1={2} y2={18} className={styles.median} />
      <text x={labelWidth + 128} y={14} className={styles.axis}>
        {t.legendMedian}
      </text>
      <rect x={labelWidth + 280} y={4} width={24} height={12} className={styles.band} />
      <text x={labelWidth + 310} y={14} className={styles.axis}>
        {t.legendBand}
      </text>
      {[1, 2, 3, 4, 5].map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={top - 4} y2={height - 24} className={styles.grid} />
          <text x={x(tick) - 4} y={height - 8} className={styles.axis}>
            {tick}
          </text>
        </g>
      ))}
      {results.perspectives.map((perspective, index) => {
        const y = top + index * rowHeight + rowHeight / 2;
        const label =
          perspective.label.length > 36 ? `${perspective.label.slice(0, 35)}…` : perspective.label;
        return (
          <g key={perspective.id}>
            <text x={0} y={y + 4} className={styles.label}>
              {label}
            </text>
            {perspective.network && (
              <>
                <rect
                  x={x(perspective.network.q1)}
                  y={y - 8}
                  width={Math.max(2, x(perspective.network.q3) - x(perspective.network.q1))}
                  height={16}
                  className={styles.band}
                />
                <line
                  x1={x(perspective.network.median)}
                  x2={x(perspective.network.median)}
                  y1={y - 10}
                  y2={y + 10}
                  className={styles.median}
                />
              </>
            )}
            {perspective.mean !== null && (
              <circle cx={x(perspective.mean)} cy={y} r={7} className={styles.dot} />
            )}
            <text x={labelWidth + plot + 14} y={y + 4} className={styles.value}>
              {number(perspective.mean, language, 1)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function cell(
  perspective: PerspectiveResultView,
  value: string,
  t: Readonly<Record<'suppressed', string>>,
): string {
  return perspective.suppressed
    ? format(t.suppressed, { reason: perspective.suppressedReason ?? '' })
    : value;
}

/** A survey's results for coordinators and the municipality's leadership: figures, chart, tables, comments, downloads. */
export function SurveyResultsPanel({ surveyId }: { readonly surveyId: string }) {
  const styles = useStyles();
  const table = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const api = useApi();
  const { announce } = useSession();
  const [notice, setNotice] = useState<string>();
  const results = useApiData(
    () =>
      api.get<SurveyResultsView>(`/api/survey/surveys/${encodeURIComponent(surveyId)}/results`, {
        lang: language,
      }),
    [api, surveyId, language],
  );
  const data = results.data;

  const download = (file: 'report.pdf' | 'report.docx' | 'results.csv'): void => {
    api
      .blob(`/api/survey/surveys/${encodeURIComponent(surveyId)}/${file}`, { lang: language })
      .then((blob) => {
        const name = `${data?.municipality.name ?? 'kysely'}-${file}`;
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        link.click();
        URL.revokeObjectURL(url);
        const text = format(t.downloaded, { name });
        setNotice(text);
        announce(text);
      })
      .catch((error: unknown) => setNotice(error instanceof Error ? error.message : String(error)));
  };

  return (
    <div>
      {results.status === 'error' && <ErrorMessage error={results.error} onRetry={results.reload} />}
      {results.status === 'loading' && !data && <Loading />}
      {data && (
        <>
          <div className={styles.figures}>
            <div className={styles.figure}>
              <span className={styles.figureValue}>{data.respondents}</span>
              <span>{t.respondents}</span>
            </div>
            <div className={styles.figure}>
              <span className={styles.figureValue}>
                {data.survey.responseRate === null ? '–' : `${Math.round(data.survey.responseRate * 100)} %`}
              </span>
              <span>{t.rate}</span>
            </div>
          </div>
          <p className={styles.muted}>
            {format(t.generated, { time: data.generatedAtText })}.{' '}
            {data.comparison.networkNote ??
              format(t.comparisonNote, { count: data.comparison.networkMunicipalities })}
          </p>
          {data.suppressed ? (
            <p role="status">{data.suppressedReason}</p>
          ) : (
            <>
              <ProfileChart results={data} />
              <div className={table.scroll} tabIndex={0} role="region" aria-label={t.profile}>
                <table className={table.table}>
                  <caption className={table.sectionHeading}>{t.profile}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.perspective}</th>
                      <th scope="col" className={table.number}>
                        {t.mean}
                      </th>
                      <th scope="col" className={table.number}>
                        {t.n}
                      </th>
                      <th scope="col" className={table.number}>
                        {t.dontKnow}
                      </th>
                      <th scope="col" className={table.number}>
                        {t.median}
                      </th>
                      <th scope="col">{t.quartiles}</th>
                      <th scope="col" className={table.number}>
                        {t.sizeClass}
                      </th>
                      <th scope="col" className={table.number}>
                        {t.percentile}
                      </th>
                      {data.comparison.baselineSurveyId && (
                        <th scope="col" className={table.number}>
                          {t.change}
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {data.perspectives.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">{p.label}</th>
                        <td className={table.number}>{cell(p, number(p.mean, language), t)}</td>
                        <td className={table.number}>{p.suppressed ? '–' : p.n}</td>
                        <td className={table.number}>{p.suppressed ? '–' : p.dontKnow}</td>
                        <td className={table.number}>{number(p.network?.median, language)}</td>
                        <td>
                          {p.network
                            ? `${number(p.network.q1, language)}–${number(p.network.q3, language)}`
                            : '–'}
                        </td>
                        <td className={table.number}>{number(p.sizeClass?.median, language)}</td>
                        <td className={table.number}>{p.percentile ?? '–'}</td>
                        {data.comparison.baselineSurveyId && (
                          <td className={table.number}>
                            {p.change === null
                              ? '–'
                              : `${p.change >= 0 ? '+' : '−'}${number(Math.abs(p.change), language)}`}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className={table.scroll} tabIndex={0} role="region" aria-label={t.distribution}>
                <table className={table.table}>
                  <caption className={table.sectionHeading}>{t.distribution}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.perspective}</th>
                      {data.scale.map((label, index) => (
                        <th key={label} scope="col" className={table.number}>{`${index + 1} ${label}`}</th>
                      ))}
                      <th scope="col" className={table.number}>
                        {data.dontKnowLabel}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.perspectives.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">{p.label}</th>
                        {p.distribution === null ? (
                          <td colSpan={6}>{format(t.suppressed, { reason: p.suppressedReason ?? '' })}</td>
                        ) : (
                          p.distribution.map((count, index) => (
                            <td key={index} className={table.number}>
                              {count}
                            </td>
                          ))
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.breakdowns.map((breakdown) => (
                <div
                  key={breakdown.questionId}
                  className={table.scroll}
                  tabIndex={0}
                  role="region"
                  aria-label={breakdown.label}
                >
                  <table className={table.table}>
                    <caption className={table.sectionHeading}>{breakdown.label}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.perspective}</th>
                        {breakdown.rows.map((row) => (
                          <th key={row.optionId} scope="col" className={table.number}>
                            {row.label} ({row.respondents ?? '–'})
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {data.perspectives.map((p) => (
                        <tr key={p.id}>
                          <th scope="row">{p.label}</th>
                          {breakdown.rows.map((row) => (
                            <td key={row.optionId} className={table.number}>
                              {row.suppressed
                                ? format(t.suppressed, { reason: row.suppressedReason ?? '' })
                                : number(row.means[p.id], language, 1)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </>
          )}
          <section aria-labelledby={`comments-${surveyId}`}>
            <h3 id={`comments-${surveyId}`} className={table.sectionHeading}>
              {format(t.comments, { count: data.comments.count })}
            </h3>
            {!data.comments.shown && <p>{data.comments.reason}</p>}
            {data.comments.shown && data.comments.items.length === 0 && <p>{t.noComments}</p>}
            {data.comments.items.length > 0 && (
              <ul className={styles.comments}>
                {data.comments.items.map((comment, index) => (
                  <li key={index}>{comment}</li>
                ))}
              </ul>
            )}
          </section>
          <h3 className={table.sectionHeading}>{t.downloads}</h3>
          <div className={styles.actions}>
            <Button onClick={() => download('report.pdf')}>{t.pdf}</Button>
            <Button onClick={() => download('report.docx')}>{t.docx}</Button>
            <Button onClick={() => download('results.csv')}>{t.csv}</Button>
          </div>
          {notice && <p role="status">{notice}</p>}
        </>
      )}
    </div>
  );
}
