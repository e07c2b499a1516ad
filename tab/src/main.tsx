import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { detectHost } from './host';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const host = await detectHost();
createRoot(root).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
