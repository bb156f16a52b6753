/** The conflict layer's switch and legend in the layers section: hatch per severity, closed ones. */
import type { CSSProperties } from 'react';
import { SEVERITY, type Severity } from '../../../shared/conflict-rules.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';

const LEGEND: Severity[] = ['high', 'medium', 'low'];

/** The same diagonal hatch as the map's canvas pattern, in CSS. */
function hatchStyle(color: string): CSSProperties {
  return {
    borderColor: color,
    backgroundColor: 'rgb(255 255 255 / 55%)',
    backgroundImage: `repeating-linear-gradient(-45deg, ${color} 0 2px, transparent 2px 6px)`,
  };
}

/** Switch, "gelöste anzeigen" and legend of the conflict layer. */
export function ConflictLayerToggle() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const display = useAppStore((s) => s.conflictLayer);
  const set = appStore.getState().setConflictLayer;
  return (
    <div className="conflict-layer">
      <label className="check">
        <input type="checkbox" checked={display.visible} onChange={(e) => set({ visible: e.target.checked })} />
        <span className="swatch swatch--hatch" style={hatchStyle(SEVERITY.high.color)} aria-hidden="true" />
        <span>{t('layers.conflicts')}</span>
      </label>
      {display.visible && (
        <div className="legend conflict-legend" role="group" aria-label={t('layers.conflictsLegend')}>
          <ul className="legend__list">
            {LEGEND.map((severity) => (
              <li key={severity} className="legend__item">
                <span
                  className="swatch swatch--hatch"
                  style={hatchStyle(SEVERITY[severity].color)}
                  aria-hidden="true"
                />
                <span className="legend__name">
                  {t('layers.conflictSeverity', { severity: SEVERITY[severity][locale] })}
                </span>
              </li>
            ))}
            <li className="legend__item">
              <span
                className="swatch swatch--hatch swatch--faded"
                style={hatchStyle(SEVERITY.medium.color)}
                aria-hidden="true"
              />
              <span className="legend__name">{t('layers.conflictsClosed')}</span>
            </li>
          </ul>
          <label className="check check--small">
            <input
              type="checkbox"
              checked={display.showClosed}
              onChange={(e) => set({ showClosed: e.target.checked })}
            />
            <span>{t('conflicts.showClosed')}</span>
          </label>
        </div>
      )}
    </div>
  );
}
