import type { Language } from './i18n';

/** "20.8.2024 klo 9.00" in Helsinki time, as the bot writes it. */
export function helsinkiText(iso: string, language: Language): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Helsinki',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const word = { fi: 'klo', sv: 'kl.', en: 'at' }[language];
  return `${Number(parts.day)}.${Number(parts.month)}.${parts.year} ${word} ${Number(parts.hour)}.${parts.minute}`;
}
