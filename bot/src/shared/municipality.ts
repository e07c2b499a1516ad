import type { Language, LocalizedText } from './i18n/language';

/** A member municipality (or a sub-region acting as one participant) of the network. */
export interface Municipality {
  readonly id: string;
  readonly name: string;
  /** The official Swedish name, where there is one (Tavastehus, Borgå). */
  readonly nameSv?: string;
  /** For names that are not names in English (a sub-region); municipalities keep their own. */
  readonly nameEn?: string;
  readonly population: number;
  readonly region: string;
  readonly sizeClass: MunicipalitySizeClass;
}

export const MUNICIPALITY_SIZE_CLASSES = ['under5k', '5to20k', '20to50k', '50to100k', 'over100k'] as const;
export type MunicipalitySizeClass = (typeof MUNICIPALITY_SIZE_CLASSES)[number];

/** The participation fee is set by population class; the same classes drive group mixing. */
export function sizeClassFor(population: number): MunicipalitySizeClass {
  if (population < 5000) return 'under5k';
  if (population < 20000) return '5to20k';
  if (population < 50000) return '20to50k';
  if (population < 100000) return '50to100k';
  return 'over100k';
}

/** The municipality's name as a reader of the language writes it. */
export function municipalityName(municipality: Municipality, language: Language): string {
  if (language === 'sv' && municipality.nameSv) return municipality.nameSv;
  if (language === 'en' && municipality.nameEn) return municipality.nameEn;
  return municipality.name;
}

/**
 * The regions (maakunnat, landskap) under their official Swedish and English names, keyed by the
 * Finnish name a municipality row carries. A region not listed keeps its Finnish name.
 */
const REGION_NAMES: Readonly<Record<string, Omit<LocalizedText, 'fi'>>> = {
  Uusimaa: { sv: 'Nyland', en: 'Uusimaa' },
  'Varsinais-Suomi': { sv: 'Egentliga Finland', en: 'Southwest Finland' },
  Satakunta: { sv: 'Satakunta', en: 'Satakunta' },
  'Kanta-Häme': { sv: 'Egentliga Tavastland', en: 'Tavastia Proper' },
  Pirkanmaa: { sv: 'Birkaland', en: 'Pirkanmaa' },
  'Päijät-Häme': { sv: 'Päijänne-Tavastland', en: 'Päijät-Häme' },
  Kymenlaakso: { sv: 'Kymmenedalen', en: 'Kymenlaakso' },
  'Etelä-Karjala': { sv: 'Södra Karelen', en: 'South Karelia' },
  'Etelä-Savo': { sv: 'Södra Savolax', en: 'South Savo' },
  'Pohjois-Savo': { sv: 'Norra Savolax', en: 'North Savo' },
  'Pohjois-Karjala': { sv: 'Norra Karelen', en: 'North Karelia' },
  'Keski-Suomi': { sv: 'Mellersta Finland', en: 'Central Finland' },
  'Etelä-Pohjanmaa': { sv: 'Södra Österbotten', en: 'South Ostrobothnia' },
  Pohjanmaa: { sv: 'Österbotten', en: 'Ostrobothnia' },
  'Keski-Pohjanmaa': { sv: 'Mellersta Österbotten', en: 'Central Ostrobothnia' },
  'Pohjois-Pohjanmaa': { sv: 'Norra Österbotten', en: 'North Ostrobothnia' },
  Kainuu: { sv: 'Kajanaland', en: 'Kainuu' },
  Lappi: { sv: 'Lappland', en: 'Lapland' },
  Ahvenanmaa: { sv: 'Åland', en: 'Åland' },
};

export function regionName(region: string, language: Language): string {
  return (language === 'fi' ? undefined : REGION_NAMES[region]?.[language]) ?? region;
}
