import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './app/global.css';
import './lib/i18n';
import { App } from './app/App';
import { preloadPage } from './app/preload';

// Before the first render: a signed-in page load fetches its code and data while the
// session is restored.
preloadPage(location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
