/** One checkbox per constraint kind, with its colour and German (or English) name. */
import { CONSTRAINT_KIND, CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';

/** The constraint-kind switches as a fieldset. */
export function ConstraintToggles() {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const enabled = useAppStore((state) => state.layers.constraintKinds);
  const setKind = useAppStore((state) => state.setConstraintKind);
  const setAll = useAppStore((state) => state.setAllConstraintKinds);

  return (
    <fieldset className="constraint-toggles">
      <legend className="constraint-toggles__legend">{t('layers.constraints')}</legend>
      <div className="constraint-toggles__bulk">
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          {t('layers.constraintsAll')}
        </button>
        <span aria-hidden="true">·</span>
        <button type="button" className="link-button" onClick={() => setAll(false)}>
          {t('layers.constraintsNone')}
        </button>
      </div>
      {CONSTRAINT_KINDS.map((kind) => {
        const info = CONSTRAINT_KIND[kind];
        return (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={enabled.includes(kind)}
              onChange={(event) => setKind(kind, event.target.checked)}
            />
            <span
              className="swatch swatch--area"
              style={{ borderColor: info.color, background: `${info.color}38` }}
              aria-hidden="true"
            />
            <span className="check__text">
              {info[locale]} <span className="muted">({info.abbr})</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
