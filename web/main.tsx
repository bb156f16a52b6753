/** Entry point of the web client. */
import { setWorkerUrl } from 'maplibre-gl';
// Bundled as a file of its own: MapLibre would otherwise look for the worker next to the
// original module, which does not exist in the build output.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app.js';
import { loadCatalogue } from './i18n/messages.js';
import { appStore } from './state/app-store.js';
import './styles.css';

setWorkerUrl(maplibreWorkerUrl);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// A stored English choice fetches its catalogue first, so the first render is already English; if
// that fails, the page renders in German rather than not at all.
loadCatalogue(appStore.getState().locale)
  .catch(() => appStore.setState({ locale: 'de' }))
  .finally(render);
