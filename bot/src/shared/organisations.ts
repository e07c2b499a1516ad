import type { Language, LocalizedText } from './i18n/language';

/** Who runs the network: Kuntaliitto the common parts, FCG the municipality-specific ones. */
export type Organisation = 'Kuntaliitto' | 'FCG';

const ORGANISATION_NAMES: Readonly<Record<Organisation, Required<LocalizedText>>> = {
  Kuntaliitto: { fi: 'Kuntaliitto', sv: 'Kommunförbundet', en: 'Association of Finnish Municipalities' },
  FCG: { fi: 'FCG', sv: 'FCG', en: 'FCG' },
};

/** Kuntaliitto in Finnish, Kommunförbundet in Swedish. */
export function organisationName(organisation: Organisation, language: Language): string {
  return ORGANISATION_NAMES[organisation][language];
}
