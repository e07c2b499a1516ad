import { PROGRAMME_PAGE_SIZE } from './programme/programme-query';
import type { TabView } from './registry';

export type { TabView, TabViewProps } from './registry';

/**
 * Every view of the tab, in navigation order. To add a feature's view: write
 * `views/<feature>/<feature>-view.tsx` (default export: the component; texts with `defineMessages`; data with
 * `useApi()` and `useApiData()`), then add one entry here. Nothing else in the shell changes.
 */
export const VIEWS: readonly TabView[] = [
  {
    id: 'programme',
    title: { fi: 'Ohjelma', sv: 'Program', en: 'Programme' },
    access: 'participant',
    inNavigation: true,
    load: () => import('./programme/programme-view'),
    prefetch: (api, language) =>
      api.prefetch('/api/programme', {
        when: 'upcoming',
        type: '',
        pageSize: PROGRAMME_PAGE_SIZE,
        lang: language,
      }),
  },
  {
    id: 'groups',
    title: { fi: 'Vertaisryhmät', sv: 'Kamratgrupper', en: 'Peer groups' },
    access: 'participant',
    inNavigation: true,
    load: () => import('./groups/peer-groups-view'),
  },
  {
    id: 'polls',
    title: { fi: 'Aihetoiveet', sv: 'Ämnesönskemål', en: 'Topic wishes' },
    access: 'participant',
    inNavigation: true,
    load: () => import('./polls/polls-view'),
  },
  {
    id: 'survey',
    title: { fi: 'Digikysely', sv: 'Digienkät', en: 'Digital survey' },
    access: 'participant',
    inNavigation: true,
    load: () => import('./survey/survey-view'),
  },
  {
    id: 'registration',
    title: { fi: 'Ilmoittautumiset', sv: 'Anmälningar', en: 'Registrations' },
    access: 'participant',
    inNavigation: true,
    load: () => import('./registration/registration-view'),
  },
  {
    id: 'coordinator',
    title: { fi: 'Koordinaattori', sv: 'Koordinator', en: 'Coordinator' },
    access: 'coordinator',
    inNavigation: true,
    load: () => import('./coordinator/coordinator-view'),
  },
  {
    id: 'reminders',
    title: { fi: 'Muistutukset', sv: 'Påminnelser', en: 'Reminders' },
    access: 'coordinator',
    inNavigation: true,
    load: () => import('./reminders/reminders-view'),
  },
  {
    id: 'privacy',
    title: { fi: 'Tietosuoja', sv: 'Dataskydd', en: 'Privacy' },
    access: 'public',
    inNavigation: false,
    load: () => import('./privacy/privacy-view'),
  },
  {
    id: 'terms',
    title: { fi: 'Käyttöehdot', sv: 'Användarvillkor', en: 'Terms of use' },
    access: 'public',
    inNavigation: false,
    load: () => import('./privacy/terms-view'),
  },
  {
    id: 'config',
    title: { fi: 'Välilehden asetukset', sv: 'Flikens inställningar', en: 'Tab settings' },
    access: 'public',
    inNavigation: false,
    load: () => import('./config/config-view'),
  },
];

export const DEFAULT_VIEW_ID = 'programme';
