/** Key figures of one municipality: population with its year, official vs computed area. */
import { lazy, Suspense } from 'react';
import type { MunicipalityFeature } from '../../shared/api-types.js';
import { formatNumber } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';

// The notes UI is a chunk of its own, fetched when first shown (or after the first map, with the pins).
const AnnotationThread = lazy(() =>
  import('./annotations/annotation-thread.js').then((m) => ({ default: m.AnnotationThread })),
);

/** Definition list of the selected municipality's figures. */
export function MunicipalityDetails({ feature }: { feature: MunicipalityFeature }) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const p = feature.properties;
  const diffPct = p.official_area_ha > 0 ? ((p.area_ha - p.official_area_ha) / p.official_area_ha) * 100 : null;
  const signed = (value: number): string => {
    const rounded = Math.round(value * 10) / 10;
    const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
    return `${sign}${formatNumber(locale, Math.abs(rounded), 1)}`;
  };

  return (
    <div className="municipality-details" aria-live="polite">
      <h3 className="municipality-details__name">{p.name}</h3>
      {p.official_name !== p.name && <p className="municipality-details__official">{p.official_name}</p>}
      <dl className="figures">
        <dt>{t('municipality.population', { year: p.population_year })}</dt>
        <dd>{formatNumber(locale, p.population)}</dd>
        <dt>{t('municipality.areaOfficial')}</dt>
        <dd>{formatNumber(locale, p.official_area_ha)} ha</dd>
        <dt>{t('municipality.areaComputed')}</dt>
        <dd>{formatNumber(locale, p.area_ha)} ha</dd>
        {diffPct !== null && (
          <>
            <dt>{t('municipality.areaDiff')}</dt>
            <dd>{signed(diffPct)} %</dd>
          </>
        )}
        <dt>{t('municipality.ags')}</dt>
        <dd className="figures__code">{p.ags}</dd>
      </dl>
      <Suspense fallback={null}>
        <AnnotationThread target={{ type: 'municipality', id: p.ags }} />
      </Suspense>
    </div>
  );
}
