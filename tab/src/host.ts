import { languageFromLocale, type Language } from './i18n';

/**
 * Where the tab runs: inside Teams (teams-js initialized, SSO tokens, the Teams theme) or in an
 * ordinary browser (`npm start`, tests), where the theme and language come from the query string
 * (`?theme=dark|contrast&lang=sv`, also what a Teams contentUrl's `{theme}`/`{locale}` fill in).
 * teams-js is loaded only when the page is framed or asked for with `?inTeams=true`.
 */
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface Host {
  readonly kind: 'teams' | 'browser';
  readonly theme: ThemeName;
  /** Asked for in the address (`?lang=sv`, or a contentUrl's `{locale}`): wins over a stored choice. */
  readonly explicitLanguage: Language | undefined;
  /** The Teams client's language: used when the person has not chosen one. */
  readonly clientLanguage: Language | undefined;
  /** Teams SSO token; only in Teams. */
  readonly getAuthToken?: () => Promise<string>;
  /** Calls back when the Teams theme changes; returns nothing to unregister (teams-js has one handler). */
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** The configurable tab's config page hooks; only in Teams. */
  configurePage?(settings: { contentUrl: string; entityId: string; suggestedDisplayName: string }): void;
}

const TEAMS_INIT_TIMEOUT_MS = 5000;

export function themeName(value: string | null | undefined): ThemeName {
  if (value === 'dark') return 'dark';
  if (value === 'contrast' || value === 'highContrast') return 'contrast';
  return 'default';
}

export async function detectHost(location: Location = window.location): Promise<Host> {
  const params = new URLSearchParams(location.search);
  const framed = window.self !== window.top;
  const asked = params.get('inTeams');
  if (asked === 'true' || (framed && asked !== 'false')) {
    const teams = await teamsHost(params);
    if (teams) return teams;
  }
  return browserHost(params);
}

function browserHost(params: URLSearchParams): Host {
  return {
    kind: 'browser',
    theme: themeName(params.get('theme')),
    explicitLanguage: languageFromLocale(params.get('lang')),
    clientLanguage: undefined,
    onThemeChange: () => undefined,
  };
}

async function teamsHost(params: URLSearchParams): Promise<Host | undefined> {
  const { app, authentication, pages } = await import('@microsoft/teams-js');
  try {
    if (!app.isInitialized()) await withTimeout(app.initialize(), TEAMS_INIT_TIMEOUT_MS);
  } catch (error) {
    // Framed by something that is not Teams (a preview, a test harness): run as a web page.
    console.warn('Teams did not answer; running outside Teams', error);
    return undefined;
  }
  const context = await app.getContext();
  // A card's deep link names the view (`privacy/my-data`): open there, as the address would.
  const subPage = context.page.subPageId;
  if (subPage && /^[a-z-]+(\/[\w-]+)?$/.test(subPage) && window.location.hash.replace(/^#\/?/, '') === '') {
    window.history.replaceState(null, '', `#/${subPage}`);
  }
  app.notifySuccess().catch((error: unknown) => console.warn('notifySuccess failed', error));
  return {
    kind: 'teams',
    theme: themeName(context.app.theme),
    explicitLanguage: languageFromLocale(params.get('lang')),
    clientLanguage: languageFromLocale(context.app.locale),
    getAuthToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeName(theme))),
    configurePage: (settings) => {
      pages.config.registerOnSaveHandler((saveEvent) => {
        pages.config
          .setConfig({ ...settings, websiteUrl: settings.contentUrl })
          .then(() => saveEvent.notifySuccess())
          .catch((error: unknown) => saveEvent.notifyFailure(String(error)));
      });
      pages.config.setValidityState(true);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
