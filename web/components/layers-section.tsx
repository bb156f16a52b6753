/** "Ebenen und Legende" section: layer switches, the land-use legend, conflicts and constraint kinds. */
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { PARCELS_MIN_ZOOM } from '../state/view-slice.js';
import { ConflictLayerToggle } from './conflicts/conflict-layer-toggle.js';
import { ConstraintToggles } from './constraint-toggles.js';
import { LandUseLegend } from './land-use-legend.js';

/** The layers section of the side panel. */
export function LayersSection() {
  const t = useT();
  const layers = useAppStore((state) => state.layers);
  const setLayerVisible = useAppStore((state) => state.setLayerVisible);

  return (
    <section className="panel-section" aria-labelledby="layers-heading">
      <h2 id="layers-heading" className="panel-section__title">
        {t('layers.heading')}
      </h2>
      <label className="check">
        <input
          type="checkbox"
          checked={layers.municipalities}
          onChange={(event) => setLayerVisible('municipalities', event.target.checked)}
        />
        <span className="swatch swatch--boundary" aria-hidden="true" />
        <span>{t('layers.municipalities')}</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={layers.parcels}
          onChange={(event) => setLayerVisible('parcels', event.target.checked)}
        />
        <span className="swatch swatch--parcels" aria-hidden="true" />
        <span>
          {t('layers.parcels')}{' '}
          <span className="muted">({t('layers.parcelsZoomHint', { zoom: PARCELS_MIN_ZOOM })})</span>
        </span>
      </label>
      {layers.parcels && <LandUseLegend />}
      <ConflictLayerToggle />
      <ConstraintToggles />
    </section>
  );
}
