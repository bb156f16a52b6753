/** Legend of the parcel colours by land-use class (names from `shared/land-use.ts`). */
import { LAND_USE, LAND_USE_CLASSES } from '../../shared/land-use.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';

/** List of land-use swatches; SuV classes are tagged. */
export function LandUseLegend() {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  return (
    <div className="legend" role="group" aria-label={t('layers.landUseLegend')}>
      <ul className="legend__list">
        {LAND_USE_CLASSES.map((key) => {
          const info = LAND_USE[key];
          return (
            <li key={key} className="legend__item">
              <span className="swatch" style={{ background: info.color }} aria-hidden="true" />
              <span className="legend__name">{info[locale]}</span>
              {info.suv && (
                <abbr className="tag" title={t('layers.suvNote')}>
                  SuV
                </abbr>
              )}
            </li>
          );
        })}
      </ul>
      <p className="legend__note">{t('layers.suvNote')}</p>
    </div>
  );
}
