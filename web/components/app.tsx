/** The application shell: header, side panel and map — or, on `#/dashboard`, the dashboard. */
import { lazy, Suspense, useEffect } from 'react';
import { isDashboardHash, useHash } from '../dashboard/route.js';
import { useDataLoaders } from '../data/use-data-loaders.js';
import { useT } from '../i18n/use-t.js';
import { MapView } from '../map/map-view.js';
import { useAppStore } from '../state/app-store.js';
import { AppHeader } from './app-header.js';
import { DrawHint, DrawReadout } from './draw-status.js';
import { DrawToolbar } from './draw-toolbar.js';
import { MapNotices } from './map-notices.js';
import { SidePanel } from './side-panel.js';
import { useEditShortcuts } from './use-edit-shortcuts.js';

const ConflictView = lazy(() => import('./conflict-dialog.js').then((m) => ({ default: m.ConflictView })));
const Dashboard = lazy(() => import('../dashboard/dashboard.js'));

/** Root component: the dashboard route or the map. */
export function App() {
  const hash = useHash();
  const t = useT();
  if (isDashboardHash(hash)) {
    return (
      <Suspense fallback={<p className="route-loading">{t('dashboard.loadingChunk')}</p>}>
        <Dashboard />
      </Suspense>
    );
  }
  return <MapApp />;
}

/** The map page. */
function MapApp() {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const loaders = useDataLoaders();
  useEditShortcuts();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#map-area">
        {t('app.skipToMap')}
      </a>
      <AppHeader />
      <div className="app-body">
        <SidePanel />
        <main id="map-area" className="map-area" tabIndex={-1} aria-label={t('map.label')}>
          <MapView />
          <div className="map-top">
            <DrawToolbar />
            <DrawHint />
            <MapNotices onRetryMunicipalities={loaders.retryMunicipalities} onRetryViewport={loaders.retryViewport} />
          </div>
          <DrawReadout />
          <Suspense fallback={null}>
            <ConflictView />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
