import { makeStyles, tokens } from '@fluentui/react-components';
import type { PerspectiveLevelView, TargetSpreadView } from '../../../../bot/src/roadmap/roadmap-contracts';
import { format, useLanguage, useMessages, type Language } from '../../i18n';
import { useTableStyles } from '../coordinator/styles';
import { messages } from './roadmap-messages';

const useStyles = makeStyles({
  figure: { margin: `0 0 ${tokens.spacingVerticalL}` },
  // Below 600 px the labels would shrink past reading: the chart scrolls instead (the table follows).
  svg: { width: '100%', minWidth: '600px', height: 'auto', maxWidth: '860px', display: 'block' },
  chartScroll: { overflowX: 'auto' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: `0 0 ${tokens.spacingVerticalS}`,
    padding: 0,
    listStyle: 'none',
    fontSize: tokens.fontSizeBase200,
  },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Numbers the Finnish and Swedish way (3,5), English with a point. */
export function decimal(value: number | null | undefined, language: Language, digits = 1): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString(language === 'en' ? 'en-GB' : `${language}-FI`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const WIDTH = 860;
const LABEL = 260;
const VALUE = 90;
const ROW = 30;
const TOP = 24;
const x = (value: number): number => LABEL + ((value - 1) / 4) * (WIDTH - LABEL - VALUE - 20) + 10;
// Dark enough for 3:1 against white as a graphical object, and against the row shading.
const INK = '#242424';
const RING = '#5C6670';
const ACCENT = '#0F6CBD';

function Axis({ rows }: { readonly rows: number }) {
  const bottom = TOP + rows * ROW;
  return (
    <g aria-hidden="true">
      {[1, 2, 3, 4, 5].map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={bottom} stroke="#D1D1D1" />
          <text x={x(tick)} y={bottom + 16} textAnchor="middle" fontSize="12" fill={INK}>
            {tick}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Baseline (ring) to agreed target (dot) per perspective, with the same figures as a table. */
export function LevelsChart({ perspectives }: { readonly perspectives: readonly PerspectiveLevelView[] }) {
  const styles = useStyles();
  const table = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const height = TOP + perspectives.length * ROW + 28;
  const summary = perspectives
    .map((p) => `${p.label} ${decimal(p.baseline, language)} → ${decimal(p.target, language)}`)
    .join('; ');
  return (
    <>
      <figure className={styles.figure}>
        <ul className={styles.legend} aria-hidden="true">
          <li>
            <svg width="14" height="14">
              <circle cx="7" cy="7" r="5" fill="#FFFFFF" stroke={RING} strokeWidth="2.5" />
            </svg>{' '}
            {t.baseline}
          </li>
          <li>
            <svg width="14" height="14">
              <circle cx="7" cy="7" r="5" fill={ACCENT} />
            </svg>{' '}
            {t.target}
          </li>
        </ul>
        <div className={styles.chartScroll} tabIndex={0} role="region" aria-label={t.levels}>
          <svg
            className={styles.svg}
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-label={format(t.levelsChart, { summary })}
          >
            <Axis rows={perspectives.length} />
            {perspectives.map((p, index) => {
              const y = TOP + index * ROW + ROW / 2;
              return (
                <g key={p.id} aria-hidden="true">
                  {index % 2 === 1 && (
                    <rect x={0} y={y - ROW / 2} width={WIDTH} height={ROW} fill="#F5F5F5" />
                  )}
                  <text x={0} y={y + 4} fontSize="13" fill={INK}>
                    {p.label}
                  </text>
                  {p.baseline !== null && p.target !== null && (
                    <line x1={x(p.baseline)} x2={x(p.target)} y1={y} y2={y} stroke={ACCENT} strokeWidth="2" />
                  )}
                  {p.baseline !== null && (
                    <circle cx={x(p.baseline)} cy={y} r="6" fill="#FFFFFF" stroke={RING} strokeWidth="2.5" />
                  )}
                  {p.target !== null && <circle cx={x(p.target)} cy={y} r="6" fill={ACCENT} />}
                  <text x={WIDTH - 4} y={y + 4} fontSize="13" textAnchor="end" fill={INK}>
                    {decimal(p.baseline, language)} → {decimal(p.target, language)}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      </figure>
      <div className={table.scroll} tabIndex={0} role="region" aria-label={t.levels}>
        <table className={table.table}>
          <caption className={styles.caption}>{t.levels}</caption>
          <thead>
            <tr>
              <th scope="col">{t.perspective}</th>
              <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                {t.baseline}
              </th>
              <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                {t.target}
              </th>
              <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                {t.change}
              </th>
              <th scope="col">{t.targetYear}</th>
            </tr>
          </thead>
          <tbody>
            {perspectives.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.label}
                  {p.adjustment && (
                    <div className={styles.caption}>
                      {format(t.adjusted, {
                        reason: p.adjustment.reason,
                        name: p.adjustment.byName,
                        time: p.adjustment.atText,
                      })}
                    </div>
                  )}
                </th>
                <td className={table.number}>{decimal(p.baseline, language)}</td>
                <td className={table.number}>{decimal(p.target, language)}</td>
                <td className={table.number}>
                  {p.baseline !== null && p.target !== null
                    ? `${p.target >= p.baseline ? '+' : ''}${decimal(p.target - p.baseline, language)}`
                    : '–'}
                </td>
                <td>{p.targetYear ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The leaders' picks per perspective: baseline (ring), each pick (dots), median (bar); and a table. */
export function SpreadChart({ spread }: { readonly spread: TargetSpreadView }) {
  const styles = useStyles();
  const table = useTableStyles();
  const t = useMessages(messages);
  const { language } = useLanguage();
  const rows = spread.perspectives;
  const height = TOP + rows.length * ROW + 28;
  const summary = rows
    .map(
      (p) =>
        `${p.label}: ${t.median} ${decimal(p.median, language)}, ${p.picks.length} ${t.picks.toLowerCase()}`,
    )
    .join('; ');
  return (
    <>
      <figure className={styles.figure}>
        <ul className={styles.legend} aria-hidden="true">
          <li>
            <svg width="14" height="14">
              <circle cx="7" cy="7" r="5" fill="#FFFFFF" stroke={RING} strokeWidth="2.5" />
            </svg>{' '}
            {t.baseline}
          </li>
          <li>
            <svg width="14" height="14">
              <circle cx="7" cy="7" r="4" fill={ACCENT} />
            </svg>{' '}
            {t.picks}
          </li>
          <li>
            <svg width="14" height="14">
              <rect x="5.5" y="0" width="3" height="14" fill={INK} />
            </svg>{' '}
            {t.median}
          </li>
        </ul>
        <div className={styles.chartScroll} tabIndex={0} role="region" aria-label={t.targetSetting}>
          <svg
            className={styles.svg}
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-label={format(t.spreadChart, { summary })}
          >
            <Axis rows={rows.length} />
            {rows.map((p, index) => {
              const y = TOP + index * ROW + ROW / 2;
              // Equal picks stack upwards so each one stays visible.
              const seen = new Map<number, number>();
              return (
                <g key={p.id} aria-hidden="true">
                  {index % 2 === 1 && (
                    <rect x={0} y={y - ROW / 2} width={WIDTH} height={ROW} fill="#F5F5F5" />
                  )}
                  <text x={0} y={y + 4} fontSize="13" fill={INK}>
                    {p.label}
                  </text>
                  {p.baseline !== null && (
                    <circle cx={x(p.baseline)} cy={y} r="6" fill="#FFFFFF" stroke={RING} strokeWidth="2.5" />
                  )}
                  {p.picks.map((value, pick) => {
                    const stacked = seen.get(value) ?? 0;
                    seen.set(value, stacked + 1);
                    return (
                      <circle
                        key={pick}
                        cx={x(value) + stacked * 5}
                        cy={y - stacked * 3}
                        r="4.5"
                        fill={ACCENT}
                        stroke="#FFFFFF"
                      />
                    );
                  })}
                  {p.median !== null && (
                    <rect x={x(p.median) - 1.5} y={y - 11} width="3" height="22" fill={INK} />
                  )}
                  <text x={WIDTH - 4} y={y + 4} fontSize="13" textAnchor="end" fill={INK}>
                    {decimal(p.median, language)}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      </figure>
      <div className={table.scroll} tabIndex={0} role="region" aria-label={t.targetSetting}>
        <table className={table.table}>
          <caption className={styles.caption}>{t.targetSetting}</caption>
          <thead>
            <tr>
              <th scope="col">{t.perspective}</th>
              <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                {t.baseline}
              </th>
              <th scope="col">{t.picks}</th>
              <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                {t.median}
              </th>
              <th scope="col" className={table.number} style={{ textAlign: 'right' }}>
                {t.target}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}</th>
                <td className={table.number}>{decimal(p.baseline, language)}</td>
                <td>{p.picks.length > 0 ? p.picks.map((v) => decimal(v, language)).join('; ') : '–'}</td>
                <td className={table.number}>{decimal(p.median, language)}</td>
                <td className={table.number}>{decimal(p.target, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
