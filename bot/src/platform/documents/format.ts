/**
 * Numbers and dates the way each language writes them in print: Finnish and Swedish use a decimal
 * comma, a (no-break) space between thousands and a space before the per cent sign (3,4; 12 500;
 * 45 %); English uses a point and no space (3.4; 12,500; 45%). Dates are Finnish everywhere
 * (1.2.2027), as the rest of the app writes them. The minus sign is the typographic U+2212.
 */
import type { Language } from '../../shared/i18n/language';
import { formatHelsinkiDate } from '../../shared/i18n/helsinki-time';

const NO_BREAK_SPACE = '\u00A0';
const MINUS = '\u2212';

export function formatNumber(value: number, language: Language, decimals = 0): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot format ${String(value)} as a number`);
  const rounded = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = rounded.split('.');
  const groupSeparator = language === 'en' ? ',' : NO_BREAK_SPACE;
  // Four-digit numbers are grouped too (1 250), so that numbers in a column line up.
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  const decimalSeparator = language === 'en' ? '.' : ',';
  const isZero = Number(rounded) === 0;
  const sign = value < 0 && !isZero ? MINUS : '';
  return `${sign}${grouped}${fraction ? decimalSeparator + fraction : ''}`;
}

/** `share` is a fraction (0.45 → "45 %"). */
export function formatPercent(share: number, language: Language, decimals = 0): string {
  const number = formatNumber(share * 100, language, decimals);
  return language === 'en' ? `${number}%` : `${number}${NO_BREAK_SPACE}%`;
}

/** 1.2.2027, in Helsinki time. */
export function formatDocumentDate(instant: Date): string {
  return formatHelsinkiDate(instant);
}

/** The BCP 47 tag a document declares for screen readers and spelling checkers. */
export function languageTag(language: Language): string {
  return { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[language];
}
