import {
  Button,
  FluentProvider,
  Select,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import type { DevUser, MeResponse } from '../../bot/src/shared/contracts';
import { ApiClient, ApiProblem, devIdentity, devTokenStore } from './api';
import { ErrorMessage, Loading } from './components/status';
import { DevSignIn } from './dev-sign-in';
import type { Host, ThemeName } from './host';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  LanguageContext,
  format,
  isLanguage,
  shellMessages,
  useMessages,
  type Language,
} from './i18n';
import { SessionContext, type Session } from './session';
import { DEFAULT_VIEW_ID, VIEWS, type TabView, type TabViewProps } from './views';

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const LANGUAGE_KEY = 'digiverkosto.language';

const viewComponents = new Map<string, ComponentType<TabViewProps>>(
  VIEWS.map((view) => [view.id, lazy(view.load)]),
);

type Auth =
  | { readonly state: 'checking' }
  | { readonly state: 'signed-in'; readonly me: MeResponse }
  | { readonly state: 'picker'; readonly people: readonly DevUser[] }
  | { readonly state: 'teams-only' }
  | { readonly state: 'error'; readonly error: Error };

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': {
      left: tokens.spacingHorizontalM,
      top: tokens.spacingVerticalM,
      zIndex: 10,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorBrandForegroundLink,
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
    },
  },
  header: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headerRow: {
    maxWidth: '1080px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL} 0`,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginRight: 'auto' },
  brandName: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: '1.2' },
  brandTagline: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  user: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  languageLabel: { fontSize: tokens.fontSizeBase300 },
  nav: {
    maxWidth: '1080px',
    margin: '0 auto',
    padding: `0 ${tokens.spacingHorizontalXL}`,
  },
  navList: { display: 'flex', gap: tokens.spacingHorizontalL, listStyleType: 'none', margin: 0, padding: 0 },
  navLink: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXS}`,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    borderBottom: `3px solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  navLinkCurrent: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    ':hover': { borderBottomColor: tokens.colorCompoundBrandStroke },
  },
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1080px',
    margin: '0 auto',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    ':focus': { outline: 'none' },
  },
  footer: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  footerLink: {
    color: tokens.colorBrandForegroundLink,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** The tab's shell: theme, language, sign-in, navigation and routing over the view list. */
export function App({
  host,
  api,
  languageRef,
  initialLanguage,
}: {
  readonly host: Host;
  readonly api: ApiClient;
  /** Read by the API client for every request's language; kept current here. */
  readonly languageRef: { current: Language };
  readonly initialLanguage: Language;
}) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);

  const [language, setLanguageState] = useState<Language>(initialLanguage);
  languageRef.current = language;
  const setLanguage = useCallback((next: Language) => {
    sessionStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const t = shellMessages[language];

  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    const settle = (next: Auth): void => {
      if (current) setAuth(next);
    };
    const toPicker = async (): Promise<void> => {
      const people = await devIdentity.users(languageRef.current);
      settle(people ? { state: 'picker', people } : { state: 'teams-only' });
    };
    const signIn = async (): Promise<void> => {
      if (host.kind === 'browser' && !devTokenStore.read()) return toPicker();
      try {
        const me = await api.get<MeResponse>('/api/me');
        settle({ state: 'signed-in', me });
        // The person's own choice (the bot's language command) beats the Teams client's language.
        if (!storedLanguage() && !host.explicitLanguage && me.languageChoice)
          setLanguageState(me.languageChoice);
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401 && host.kind === 'browser') {
          devTokenStore.clear();
          return toPicker();
        }
        throw error;
      }
    };
    signIn().catch((error: unknown) =>
      settle({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
    // The picker's descriptions are in the language shown when it opens (read through the ref).
  }, [api, host, attempt]);

  const route = useHashRoute();
  const view = VIEWS.find((candidate) => candidate.id === route[0]);
  const me = auth.state === 'signed-in' ? auth.me : undefined;

  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((message: string) => {
    // Clearing first makes a repeated message be read again.
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(message), 50);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = view ? `${view.title[language]} – ${t.appName}` : t.appName;
  }, [language, view, t.appName]);

  const mainRef = useRef<HTMLElement>(null);
  const previousRoute = useRef(route[0]);
  useEffect(() => {
    // After navigating, start reading and tabbing from the new view's content.
    if (previousRoute.current !== route[0]) mainRef.current?.focus();
    previousRoute.current = route[0];
  }, [route]);

  const session: Session = useMemo(() => ({ api, host, me, announce }), [api, host, me, announce]);
  const switchUser = (): void => {
    devTokenStore.clear();
    setAuth({ state: 'checking' });
    setAttempt((value) => value + 1);
  };

  const navigation = VIEWS.filter((candidate) => candidate.inNavigation && mayOpen(candidate, me));

  return (
    <LanguageContext.Provider value={{ language, setLanguage }}>
      <SessionContext.Provider value={session}>
        <FluentProvider theme={THEMES[theme]} className={styles.root} data-theme={theme}>
          <a
            href="#main"
            className={styles.skip}
            onClick={(event) => {
              event.preventDefault();
              mainRef.current?.focus();
            }}
          >
            {t.skipToContent}
          </a>
          <header className={styles.header}>
            <div className={styles.headerRow}>
              <div className={styles.brand}>
                <BrandMark />
                <div>
                  <div className={styles.brandName}>{t.appName}</div>
                  <div className={styles.brandTagline}>{t.appTagline}</div>
                </div>
              </div>
              {me && <span className={styles.user}>{format(t.signedInAs, { name: me.user.name })}</span>}
              <div className={styles.language}>
                <label htmlFor="language" className={styles.languageLabel}>
                  {t.languageLabel}
                </label>
                <Select
                  id="language"
                  size="small"
                  value={language}
                  onChange={(_, data) => {
                    if (isLanguage(data.value)) setLanguage(data.value);
                  }}
                >
                  {LANGUAGES.map((option) => (
                    <option key={option} value={option} lang={option}>
                      {LANGUAGE_NAMES[option]}
                    </option>
                  ))}
                </Select>
              </div>
              {host.kind === 'browser' && me && (
                <Button size="small" appearance="subtle" onClick={switchUser}>
                  {t.switchUser}
                </Button>
              )}
            </div>
            <nav aria-label={t.navigation} className={styles.nav}>
              <ul className={styles.navList}>
                {navigation.map((item) => (
                  <li key={item.id}>
                    <a
                      href={`#/${item.id}`}
                      className={`${styles.navLink} ${item.id === view?.id ? styles.navLinkCurrent : ''}`}
                      aria-current={item.id === view?.id ? 'page' : undefined}
                    >
                      {item.title[language]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
            <ViewOutlet
              view={view}
              path={route.slice(1)}
              auth={auth}
              onSignedIn={() => {
                setAuth({ state: 'checking' });
                setAttempt((value) => value + 1);
              }}
            />
          </main>
          <footer className={styles.footer}>
            <span>{t.footer}</span>
            <a className={styles.footerLink} href="#/privacy">
              {t.privacyLink}
            </a>
            <a className={styles.footerLink} href="#/terms">
              {t.termsLink}
            </a>
          </footer>
          <div role="status" aria-live="polite" aria-atomic="true" className={styles.visuallyHidden}>
            {announcement}
          </div>
        </FluentProvider>
      </SessionContext.Provider>
    </LanguageContext.Provider>
  );
}

function ViewOutlet({
  view,
  path,
  auth,
  onSignedIn,
}: {
  readonly view: TabView | undefined;
  readonly path: readonly string[];
  readonly auth: Auth;
  readonly onSignedIn: () => void;
}) {
  const t = useMessages(shellMessages);
  if (!view) return <p>{t.notFound}</p>;
  const Component = viewComponents.get(view.id);
  if (!Component) return <p>{t.notFound}</p>;
  if (view.access !== 'public') {
    if (auth.state === 'checking') return <Loading />;
    if (auth.state === 'picker') return <DevSignIn people={auth.people} onSignedIn={onSignedIn} />;
    if (auth.state === 'teams-only') return <p>{t.openInTeams}</p>;
    if (auth.state === 'error') return <ErrorMessage error={auth.error} onRetry={onSignedIn} />;
    if (view.access === 'coordinator' && !auth.me.isCoordinator)
      return <p role="alert">{t.coordinatorsOnly}</p>;
  }
  return (
    <Suspense fallback={<Loading />}>
      <Component path={path} />
    </Suspense>
  );
}

function mayOpen(view: TabView, me: MeResponse | undefined): boolean {
  if (view.access === 'public') return true;
  if (!me) return false;
  return view.access === 'participant' || me.isCoordinator;
}

export function storedLanguage(): Language | undefined {
  const value = sessionStorage.getItem(LANGUAGE_KEY);
  return isLanguage(value) ? value : undefined;
}

/** The language the tab opens in: the switcher's choice, the address, the Teams client, Finnish. */
export function initialLanguageFor(host: Host): Language {
  return storedLanguage() ?? host.explicitLanguage ?? host.clientLanguage ?? 'fi';
}

/** The API client with the sign-in token: Teams SSO in Teams, the development token elsewhere. */
export function createApiClient(host: Host, language: () => Language): ApiClient {
  return new ApiClient(
    host.kind === 'teams' && host.getAuthToken
      ? host.getAuthToken
      : () => Promise.resolve(devTokenStore.read()),
    language,
  );
}

/** The view the address names (or the default one), for warming up before the first render. */
export function viewForLocation(hash: string): TabView | undefined {
  const id = hash.replace(/^#\/?/, '').split('/')[0] || DEFAULT_VIEW_ID;
  return VIEWS.find((view) => view.id === id);
}

/** `#/programme/x` → `['programme', 'x']`; an empty hash goes to the default view. */
function useHashRoute(): string[] {
  const read = (): string => {
    if (window.location.hash.replace(/^#\/?/, '') === '') {
      window.history.replaceState(null, '', `#/${DEFAULT_VIEW_ID}`);
    }
    return window.location.hash;
  };
  const [hash, setHash] = useState(read);
  useEffect(() => {
    const onChange = (): void => setHash(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return useMemo(
    () =>
      hash
        .replace(/^#\/?/, '')
        .split('/')
        .filter((segment) => segment !== '')
        .map((segment) => decodeURIComponent(segment)),
    [hash],
  );
}

/** The network mark: nodes joined in a ring, in the brand colour of the theme. */
function BrandMark() {
  return (
    <svg width="36" height="36" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <rect width="36" height="36" rx="8" fill={tokens.colorBrandBackground} />
      <g stroke={tokens.colorNeutralForegroundOnBrand} strokeWidth="1.6" fill="none">
        <path d="M18 8 L27 14 L25 25 L11 25 L9 14 Z" />
        <path d="M18 8 L18 18 M27 14 L18 18 M25 25 L18 18 M11 25 L18 18 M9 14 L18 18" opacity="0.7" />
      </g>
      <g fill={tokens.colorNeutralForegroundOnBrand}>
        <circle cx="18" cy="8" r="2.4" />
        <circle cx="27" cy="14" r="2.4" />
        <circle cx="25" cy="25" r="2.4" />
        <circle cx="11" cy="25" r="2.4" />
        <circle cx="9" cy="14" r="2.4" />
        <circle cx="18" cy="18" r="3" />
      </g>
    </svg>
  );
}
