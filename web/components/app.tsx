/** The application shell: header, side panel and map — or, on `#/dashboard`, the dashboard. */
import { lazy, Suspense, useEffect } from 'react';
import { isApiDocsHash } from '../api-docs/route.js';
import { isAuditHash } from '../audit/route.js';
import { isDashboardHash, useHash } from '../dashboard/route.js';
import { useDataLoaders } from '../data/use-data-loaders.js';
import { useT } from '../i18n/use-t.js';
import { InteropHost } from '../interop/interop-host.js';
import { LiveStatus } from '../live/live-status.js';
import { useLiveUpdates } from '../live/use-live-updates.js';
import { useFirstMapShown } from '../map/map-readiness.js';
import { MapView } from '../map/map-view.js';
import { isRoundsHash } from '../rounds/route.js';
import { useAppStore } from '../state/app-store.js';
import { AppHeader } from './app-header.js';
import { DrawHint, DrawReadout } from './draw-status.js';
import { DrawToolbar } from './draw-toolbar.js';
import { MapNotices } from './map-notices.js';
import { ParticipationBanner } from './participation/participation-banner.js';
import { isParticipationHash } from './participation/route.js';
import { SidePanel } from './side-panel.js';
import { useEditShortcuts } from './use-edit-shortcuts.js';

const loadConflictView = () => import('./conflict-dialog.js');
const ConflictView = lazy(() => loadConflictView().then((m) => ({ default: m.ConflictView })));
// Note pins, the pin button and pinned threads come after the first map (chunk of their own).
const AnnotationMapTools = lazy(() =>
  import('./annotations/annotation-map-tools.js').then((m) => ({ default: m.AnnotationMapTools })),
);
const Dashboard = lazy(() => import('../dashboard/dashboard.js'));
const ParticipationPage = lazy(() => import('./participation/participation-page.js'));
const AuditPage = lazy(() => import('../audit/audit-page.js'));
const RoundsPage = lazy(() => import('../rounds/rounds-page.js'));
const ApiDocsPage = lazy(() => import('../api-docs/api-docs-page.js'));

/** Root component: the dashboard route or the map. */
export function App() {
  const hash = useHash();
  const t = useT();
  if (isRoundsHash(hash)) {
    return (
      <Suspense fallback={<p className="route-loading">{t('rounds.loadingChunk')}</p>}>
        <RoundsPage />
      </Suspense>
    );
  }
  if (isApiDocsHash(hash)) {
    return (
      <Suspense fallback={<p className="route-loading">{t('apiDocs.loadingChunk')}</p>}>
        <ApiDocsPage />
      </Suspense>
    );
  }
  if (isAuditHash(hash)) {
    return (
      <Suspense fallback={<p className="route-loading">{t('audit.loadingChunk')}</p>}>
        <AuditPage />
      </Suspense>
    );
  }
  if (isParticipationHash(hash)) {
    return (
      <Suspense fallback={<p className="route-loading">{t('participation.loadingChunk')}</p>}>
        <ParticipationPage />
      </Suspense>
    );
  }
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
  const conflictOpen = useAppStore((state) => state.conflict !== null);
  const firstMapShown = useFirstMapShown();
  useLiveUpdates();
  useEditShortcuts();

  // The conflict dialog shows when a save meets a newer version; its chunk comes after the first map.
  useEffect(() => {
    if (firstMapShown) void loadConflictView();
  }, [firstMapShown]);

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
      <ParticipationBanner />
      <div className="app-body">
        <SidePanel />
        <main id="map-area" className="map-area" tabIndex={-1} aria-label={t('map.label')}>
          <MapView />
          <div className="map-top">
            <DrawToolbar />
            <DrawHint />
            {firstMapShown && (
              <Suspense fallback={null}>
                <AnnotationMapTools />
              </Suspense>
            )}
            <MapNotices onRetryMunicipalities={loaders.retryMunicipalities} onRetryViewport={loaders.retryViewport} />
          </div>
          <DrawReadout />
          <LiveStatus />
          <InteropHost />
          {conflictOpen && (
            <Suspense fallback={null}>
              <ConflictView />
            </Suspense>
          )}
        </main>
      </div>
    </div>
  );
}
