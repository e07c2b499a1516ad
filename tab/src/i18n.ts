import { createContext, useContext } from 'react';

/**
 * The tab's languages and texts. Finnish first, Swedish the second national language, English the
 * fallback. Shared texts (the shell, sign-in, errors) live here; each view keeps its own texts next
 * to it with {@link defineMessages}, so a feature adding a view never edits this file.
 */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `sv-FI` → `sv`; anything unsupported → undefined. */
export function languageFromLocale(locale: string | null | undefined): Language | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/** A text in every language. */
export type Localized = Readonly<Record<Language, string>>;

export type MessageBundle<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

/** Declares a view's texts; the type makes a missing key in any language a compile error. */
export function defineMessages<K extends string>(bundle: {
  readonly fi: Readonly<Record<K, string>>;
  readonly sv: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}): MessageBundle<K> {
  return bundle;
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export interface LanguageState {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageState>({ language: 'fi', setLanguage: () => undefined });

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** The texts of a bundle in the current language. */
export function useMessages<K extends string>(bundle: MessageBundle<K>): Readonly<Record<K, string>> {
  return bundle[useLanguage().language];
}

export const LANGUAGE_NAMES: Localized = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export const shellMessages = defineMessages({
  fi: {
    appName: 'Digiverkosto',
    appTagline: 'Kuntien digitalisaation vertaisverkosto',
    navigation: 'Välilehden näkymät',
    languageLabel: 'Kieli',
    skipToContent: 'Siirry sisältöön',
    loading: 'Ladataan…',
    signedInAs: 'Kirjautuneena: {name}',
    switchUser: 'Vaihda käyttäjää',
    signInTitle: 'Kirjaudu kehitysympäristöön',
    signInIntro:
      'Tämä on paikallinen kehitysympäristö. Teamsissa kirjautuminen tapahtuu automaattisesti; tässä valitset, kenenä esiinnyt.',
    signInPerson: 'Käyttäjä',
    signInChoose: 'Valitse käyttäjä',
    signInButton: 'Kirjaudu',
    coordinatorsGroup: 'Koordinaattorit',
    participantsGroup: 'Osallistujat',
    openInTeams: 'Avaa Digiverkosto Microsoft Teamsissa, niin kirjautuminen tapahtuu Teams-tililläsi.',
    notSignedIn: 'Kirjautuminen ei onnistunut. Sulje välilehti ja avaa se uudelleen.',
    forbidden: 'Organisaatiosi ei kuulu verkoston työtilaan, joten tietoja ei voi näyttää.',
    coordinatorsOnly: 'Tämä näkymä on vain verkoston koordinaattoreille.',
    errorTitle: 'Jotain meni vikaan',
    errorGeneric: 'Tietoja ei saatu ladattua. Yritä hetken päästä uudelleen.',
    retry: 'Yritä uudelleen',
    notFound: 'Näkymää ei löytynyt.',
    privacyLink: 'Tietosuoja',
    termsLink: 'Käyttöehdot',
    footer: 'Kuntaliitto ja FCG · Digiverkostohanke',
  },
  sv: {
    appName: 'Digiverkosto',
    appTagline: 'Kommunernas kamratnätverk för digitalisering',
    navigation: 'Flikens vyer',
    languageLabel: 'Språk',
    skipToContent: 'Hoppa till innehållet',
    loading: 'Laddar…',
    signedInAs: 'Inloggad: {name}',
    switchUser: 'Byt användare',
    signInTitle: 'Logga in i utvecklingsmiljön',
    signInIntro:
      'Det här är en lokal utvecklingsmiljö. I Teams sker inloggningen automatiskt; här väljer du vem du uppträder som.',
    signInPerson: 'Användare',
    signInChoose: 'Välj användare',
    signInButton: 'Logga in',
    coordinatorsGroup: 'Koordinatorer',
    participantsGroup: 'Deltagare',
    openInTeams: 'Öppna Digiverkosto i Microsoft Teams så loggas du in med ditt Teams-konto.',
    notSignedIn: 'Inloggningen misslyckades. Stäng fliken och öppna den igen.',
    forbidden: 'Din organisation hör inte till nätverkets arbetsyta, så uppgifterna kan inte visas.',
    coordinatorsOnly: 'Den här vyn är bara för nätverkets koordinatorer.',
    errorTitle: 'Något gick fel',
    errorGeneric: 'Uppgifterna kunde inte laddas. Försök igen om en stund.',
    retry: 'Försök igen',
    notFound: 'Vyn hittades inte.',
    privacyLink: 'Dataskydd',
    termsLink: 'Användarvillkor',
    footer: 'Kommunförbundet och FCG · Digiverkostoprojektet',
  },
  en: {
    appName: 'Digiverkosto',
    appTagline: 'Peer network for municipal digitalisation',
    navigation: 'Tab views',
    languageLabel: 'Language',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    signedInAs: 'Signed in: {name}',
    switchUser: 'Switch user',
    signInTitle: 'Sign in to the development environment',
    signInIntro:
      'This is a local development environment. In Teams you are signed in automatically; here you choose who to act as.',
    signInPerson: 'User',
    signInChoose: 'Choose a user',
    signInButton: 'Sign in',
    coordinatorsGroup: 'Coordinators',
    participantsGroup: 'Participants',
    openInTeams: 'Open Digiverkosto in Microsoft Teams to be signed in with your Teams account.',
    notSignedIn: 'Sign-in failed. Close the tab and open it again.',
    forbidden: "Your organisation is not part of the network's workspace, so nothing can be shown.",
    coordinatorsOnly: "This view is for the network's coordinators only.",
    errorTitle: 'Something went wrong',
    errorGeneric: 'The information could not be loaded. Try again in a moment.',
    retry: 'Try again',
    notFound: 'The view was not found.',
    privacyLink: 'Privacy',
    termsLink: 'Terms of use',
    footer: 'Association of Finnish Municipalities and FCG · Digiverkosto project',
  },
});
