import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startUrlSync } from './app/url-sync';
import { startLanguage, unknownLanguageNotice } from './i18n/start-language';
import { incidentStore } from './state/incident-store';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The chosen language's words are fetched before the first paint, so no English flashes by.
const language = await startLanguage();
// Outside React: the permalink is applied and the data requested once, however often React
// mounts (StrictMode mounts twice in development).
const urlSync = startUrlSync(incidentStore);
if (language.unknownParam !== null) {
  incidentStore.getState().addNotices([unknownLanguageNotice(language.unknownParam)]);
}
createRoot(root).render(
  <StrictMode>
    <App urlSync={urlSync} />
  </StrictMode>,
);
