/** A member municipality (or a sub-region acting as one participant) of the network. */
export interface Municipality {
  readonly id: string;
  readonly name: string;
  readonly nameSv?: string;
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
