import type { ComponentType } from 'react';
import type { ApiClient } from '../api';
import type { Language, Localized } from '../i18n';

/**
 * A view of the tab, reached at `#/<id>`. Features add their own view as one file in this folder
 * (a component as the default export) plus one entry in the list in `./index.ts`; the shell builds
 * the navigation, routing, sign-in and access checks from that list.
 */
export interface TabView {
  /** The first path segment: `#/polls` → `polls`. Lowercase letters, digits and hyphens. */
  readonly id: string;
  /** The navigation label and the browser title, in every language. */
  readonly title: Localized;
  /**
   * Who sees it: `public` renders without sign-in (privacy notice, terms, Teams config page);
   * `participant` needs a signed-in person; `coordinator` also needs the coordinator role.
   */
  readonly access: 'public' | 'participant' | 'coordinator';
  /** Shown in the top navigation (for those who have access). */
  readonly inNavigation: boolean;
  /** Loads the component on first use, so each view is its own small chunk. */
  readonly load: () => Promise<{ readonly default: ComponentType<TabViewProps> }>;
  /**
   * Optional: starts the view's first API request while the shell is still starting, when the tab
   * opens on this view. Must ask exactly what the view will ask (same path, query and language).
   */
  readonly prefetch?: (api: ApiClient, language: Language) => void;
}

export interface TabViewProps {
  /** The path segments after the view id: `#/polls/abc` → `['abc']`. */
  readonly path: readonly string[];
}
