import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { devTokenStore } from './api';
import { App, createApiClient, initialLanguageFor, viewForLocation } from './app';
import { detectHost } from './host';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const host = await detectHost();
const initialLanguage = initialLanguageFor(host);
const languageRef = { current: initialLanguage };
const api = createApiClient(host, () => languageRef.current);

// Warm up before React renders: who am I, the view's code and its first data, all at once
// instead of one after another.
const view = viewForLocation(window.location.hash);
if (view && view.access !== 'public' && (host.kind === 'teams' || devTokenStore.read())) {
  api.prefetch('/api/me');
  view.load().catch((error: unknown) => console.warn('view preload failed', error));
  view.prefetch?.(api, initialLanguage);
}

createRoot(root).render(
  <StrictMode>
    <App host={host} api={api} languageRef={languageRef} initialLanguage={initialLanguage} />
  </StrictMode>,
);
