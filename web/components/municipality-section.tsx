/** "Gemeinde" section: selector that zooms to a municipality, and the selected one's figures. */
import { bbox as turfBbox } from '@turf/turf';
import { useId, useMemo } from 'react';
import type { Bbox } from '../api/api-client.js';
import type { MunicipalityFeature } from '../../shared/api-types.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { REGION_BBOX } from '../state/view-slice.js';
import { MunicipalityDetails } from './municipality-details.js';

function featureBbox(feature: MunicipalityFeature): Bbox {
  const [minX, minY, maxX, maxY] = turfBbox(feature);
  return [minX, minY, maxX, maxY];
}

/** The municipality section of the side panel. */
export function MunicipalitySection() {
  const t = useT();
  const selectId = useId();
  const remote = useAppStore((state) => state.municipalities);
  const selectedAgs = useAppStore((state) => state.selectedAgs);
  const select = useAppStore((state) => state.select);
  const requestFit = useAppStore((state) => state.requestFit);

  const features = useMemo(
    () => [...(remote.data?.features ?? [])].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'de')),
    [remote.data],
  );
  const selected = features.find((f) => f.properties.ags === selectedAgs) ?? null;

  const choose = (ags: string): void => {
    const feature = features.find((f) => f.properties.ags === ags);
    if (!feature) return;
    select(ags);
    requestFit(featureBbox(feature));
  };

  const showRegion = (): void => {
    select(null);
    requestFit(REGION_BBOX);
  };

  let body;
  if (remote.status === 'loading' && !remote.data) {
    body = (
      <p className="panel-hint" role="status">
        {t('municipality.loading')}
      </p>
    );
  } else if (remote.data && features.length === 0) {
    body = <p className="panel-hint">{t('municipality.empty')}</p>;
  } else if (selected) {
    body = <MunicipalityDetails feature={selected} />;
  } else if (remote.data) {
    body = <p className="panel-hint">{t('municipality.none')}</p>;
  }

  return (
    <section className="panel-section" aria-labelledby="municipality-heading">
      <h2 id="municipality-heading" className="panel-section__title">
        {t('municipality.heading')}
      </h2>
      <div className="field-row">
        <label className="field-label" htmlFor={selectId}>
          {t('municipality.selectLabel')}
        </label>
        <button type="button" className="link-button" onClick={showRegion} title={t('municipality.wholeRegionHint')}>
          {t('municipality.wholeRegion')}
        </button>
      </div>
      <select
        id={selectId}
        className="select"
        value={selectedAgs ?? ''}
        disabled={features.length === 0}
        onChange={(event) => (event.target.value ? choose(event.target.value) : showRegion())}
      >
        <option value="">{t('municipality.selectPlaceholder')}</option>
        {features.map((f) => (
          <option key={f.properties.ags} value={f.properties.ags}>
            {f.properties.name}
          </option>
        ))}
      </select>
      {body}
    </section>
  );
}
