/**
 * What the planner sees while drawing or editing: a hint for the current tool, and the live
 * readout of the area (ha, EPSG:25832) and of the claims and constraint areas the shape overlaps.
 */
import { formatHa, type Translate } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useDrawReady } from '../map/map-readiness.js';
import { useAppStore } from '../state/app-store.js';
import { isEditableSketch } from '../state/sketch-slice.js';

function count(
  t: Translate,
  n: number,
  one: 'draw.collidesClaimsOne' | 'draw.collidesConstraintsOne',
  many: 'draw.collidesClaimsMany' | 'draw.collidesConstraintsMany',
): string {
  return n === 1 ? t(one) : t(many, { count: n });
}

/** Hint line under the toolbar. */
export function DrawHint() {
  const t = useT();
  const tool = useAppStore((s) => s.tool);
  const sketch = useAppStore((s) => s.sketch);
  const comparing = useAppStore((s) => s.conflict?.comparing ?? false);
  const drawReady = useDrawReady();
  let text: string | null = null;
  if (!drawReady && (tool !== 'select' || (sketch && !comparing))) text = t('draw.loadingTools');
  else if (tool === 'polygon') text = t('draw.hintPolygon');
  else if (tool === 'rectangle') text = t('draw.hintRectangle');
  else if (tool === 'freehand') text = t('draw.hintFreehand');
  else if (sketch && !comparing) text = isEditableSketch(sketch.geometry) ? t('draw.hintEdit') : t('draw.hintReadonly');
  if (!text) return null;
  return (
    <p className="draw-hint" data-testid="draw-hint">
      {text}
    </p>
  );
}

/** Area and collision readout at the bottom of the map. */
export function DrawReadout() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const area = useAppStore((s) => s.liveAreaHa);
  const collisions = useAppStore((s) => s.collisions);
  const selfIntersecting = useAppStore((s) => s.liveSelfIntersecting);
  if (area === null) return null;
  const parts: string[] = [];
  if (collisions.claims.length > 0)
    parts.push(count(t, collisions.claims.length, 'draw.collidesClaimsOne', 'draw.collidesClaimsMany'));
  if (collisions.constraints.length > 0) {
    parts.push(count(t, collisions.constraints.length, 'draw.collidesConstraintsOne', 'draw.collidesConstraintsMany'));
  }
  return (
    <div className="draw-readout" data-testid="draw-readout">
      <span className="draw-readout__area">
        {t('draw.area')} <strong data-testid="draw-area">{formatHa(locale, area)}</strong>
      </span>
      <span
        className={parts.length > 0 ? 'draw-readout__collisions is-colliding' : 'draw-readout__collisions'}
        data-testid="draw-collisions"
      >
        {parts.length > 0 ? `${t('draw.collidesWith')} ${parts.join(', ')}` : t('draw.noCollisions')}
      </span>
      {selfIntersecting && (
        <span className="draw-readout__warning" data-testid="draw-self-intersecting">
          {t('draw.selfIntersecting')}
        </span>
      )}
    </div>
  );
}
