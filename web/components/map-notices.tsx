/**
 * Messages over the map: loading, the zoom hint for parcels, truncated results, empty views and
 * errors (with the server's own message and a retry button).
 */
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/de.js';
import { formatNumber, type Translate } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import type { LoadError } from '../state/data-slice.js';
import { PARCELS_MIN_ZOOM } from '../state/view-slice.js';

interface Props {
  onRetryMunicipalities(): void;
  onRetryViewport(): void;
}

function errorText(t: Translate, key: MessageKey, error: LoadError): string {
  const message =
    error.kind === 'api'
      ? error.message
      : error.kind === 'invalid'
        ? t('error.invalidResponse', { status: error.status ?? '?' })
        : t('error.network');
  return t(key, { message });
}

function Notice({ tone, children }: { tone: 'info' | 'warning' | 'error' | 'busy'; children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      {tone === 'busy' && <span className="spinner" aria-hidden="true" />}
      {children}
    </div>
  );
}

/** The stack of notices in the top-left corner of the map. */
export function MapNotices({ onRetryMunicipalities, onRetryViewport }: Props) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const zoom = useAppStore((state) => state.view.zoom);
  const mapReady = useAppStore((state) => state.view.bbox !== null);
  const parcelsOn = useAppStore((state) => state.layers.parcels);
  const municipalities = useAppStore((state) => state.municipalities);
  const parcels = useAppStore((state) => state.parcels);
  const constraints = useAppStore((state) => state.constraints);

  const retry = (onRetry: () => void) => (
    <button type="button" className="link-button" onClick={onRetry}>
      {t('map.retry')}
    </button>
  );
  const limit = (n: number) => formatNumber(locale, n);
  const notices: ReactNode[] = [];

  if (municipalities.status === 'loading' || (!mapReady && municipalities.status !== 'error')) {
    notices.push(
      <Notice key="m-loading" tone="busy">
        {t('map.loadingMunicipalities')}
      </Notice>,
    );
  }
  if (municipalities.status === 'error' && municipalities.error) {
    notices.push(
      <Notice key="m-error" tone="error">
        {errorText(t, 'error.municipalities', municipalities.error)} {retry(onRetryMunicipalities)}
      </Notice>,
    );
  }
  if (mapReady && parcelsOn && zoom < PARCELS_MIN_ZOOM) {
    notices.push(
      <Notice key="zoom" tone="info">
        {t('map.zoomHint')}
      </Notice>,
    );
  }
  if (parcels.status === 'loading') {
    notices.push(
      <Notice key="p-loading" tone="busy">
        {t('map.loadingParcels')}
      </Notice>,
    );
  }
  if (parcels.status === 'error' && parcels.error) {
    notices.push(
      <Notice key="p-error" tone="error">
        {errorText(t, 'error.parcels', parcels.error)} {retry(onRetryViewport)}
      </Notice>,
    );
  }
  if (parcels.status === 'ready' && parcels.data?.truncated) {
    notices.push(
      <Notice key="p-trunc" tone="warning">
        {t('map.parcelsTruncated', { limit: limit(parcels.data.limit) })}
      </Notice>,
    );
  }
  if (parcels.status === 'ready' && parcels.data?.features.length === 0) {
    notices.push(
      <Notice key="p-empty" tone="info">
        {t('map.parcelsEmpty')}
      </Notice>,
    );
  }
  if (constraints.status === 'loading') {
    notices.push(
      <Notice key="c-loading" tone="busy">
        {t('map.loadingConstraints')}
      </Notice>,
    );
  }
  if (constraints.status === 'error' && constraints.error) {
    notices.push(
      <Notice key="c-error" tone="error">
        {errorText(t, 'error.constraints', constraints.error)} {retry(onRetryViewport)}
      </Notice>,
    );
  }
  if (constraints.status === 'ready' && constraints.data?.truncated) {
    notices.push(
      <Notice key="c-trunc" tone="warning">
        {t('map.constraintsTruncated', { limit: limit(constraints.data.limit) })}
      </Notice>,
    );
  }

  return (
    <div className="map-notices" aria-live="polite">
      {notices}
    </div>
  );
}
