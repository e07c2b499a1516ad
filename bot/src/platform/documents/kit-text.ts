/**
 * The few words the kit itself prints, in each language. Everything else in a document is the
 * feature's content.
 */
import type { Language } from '../../shared/i18n/language';

export type TimelineStatus = 'planned' | 'inProgress' | 'done' | 'delayed';

export interface KitText {
  readonly page: (page: number, pages: number) => string;
  /** The words around the page number and the page count, for Word's PAGE and NUMPAGES fields. */
  readonly pageParts: readonly [string, string];
  readonly figure: string;
  readonly table: string;
  readonly quarter: (year: number, quarter: number) => string;
  readonly statuses: Record<TimelineStatus, string>;
  readonly suppressedNotes: string;
}

export const KIT_TEXT: Record<Language, KitText> = {
  fi: {
    page: (page, pages) => `Sivu ${page} / ${pages}`,
    pageParts: ['Sivu ', ' / '],
    figure: 'Kuvio',
    table: 'Taulukko',
    quarter: (year, quarter) => `Q${quarter}/${year}`,
    statuses: { planned: 'Suunniteltu', inProgress: 'Käynnissä', done: 'Valmis', delayed: 'Viivästynyt' },
    suppressedNotes: 'Piilotetut luvut',
  },
  sv: {
    page: (page, pages) => `Sida ${page} / ${pages}`,
    pageParts: ['Sida ', ' / '],
    figure: 'Figur',
    table: 'Tabell',
    quarter: (year, quarter) => `Q${quarter}/${year}`,
    statuses: { planned: 'Planerad', inProgress: 'Pågår', done: 'Klar', delayed: 'Försenad' },
    suppressedNotes: 'Dolda värden',
  },
  en: {
    page: (page, pages) => `Page ${page} of ${pages}`,
    pageParts: ['Page ', ' of '],
    figure: 'Figure',
    table: 'Table',
    quarter: (year, quarter) => `Q${quarter}/${year}`,
    statuses: { planned: 'Planned', inProgress: 'In progress', done: 'Done', delayed: 'Delayed' },
    suppressedNotes: 'Hidden values',
  },
};
