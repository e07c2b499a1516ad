export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fi';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a BCP 47 locale such as `sv-FI` or `fi` to a supported language, if any. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The language to answer in: the participant's own choice, else the client's locale, else Finnish,
 * the network's primary language.
 */
export function resolveLanguage(chosen: Language | undefined, locale: string | undefined): Language {
  return chosen ?? languageFromLocale(locale) ?? DEFAULT_LANGUAGE;
}

/** Text in each supported language; Finnish is always present. */
export interface LocalizedText {
  readonly fi: string;
  readonly sv?: string;
  readonly en?: string;
}

export function pickText(text: LocalizedText, language: Language): string {
  return text[language] ?? text.fi;
}
