/** A filterable checklist of the claims a new phase publishes. */
import { useId, useMemo, useState } from 'react';
import { CLAIM_USE } from '../../../shared/claim-uses.js';
import { CLAIM_STATUS, type ClaimFeature } from '../../../shared/claims.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import { municipalityNames } from '../claim-helpers.js';
import { claimMatches } from './phase-form-values.js';
import '../../i18n/participation.texts.js';

interface Props {
  /** Current (not deleted) claims; null while loading. */
  claims: ClaimFeature[] | null;
  selected: ReadonlySet<number>;
  /** AGS → municipality name, for filtering by municipality. */
  names: Map<string, string>;
  onChange(selected: ReadonlySet<number>): void;
  error?: string;
}

/** Filter box, "select shown" / "none", and one checkbox per claim. */
export function ClaimChecklist({ claims, selected, names, onChange, error }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [query, setQuery] = useState('');
  const base = useId();
  const shown = useMemo(
    () => (claims ?? []).filter((c) => claimMatches(c, query, municipalityNames(names, c.properties.municipalities))),
    [claims, query, names],
  );

  const toggle = (id: number, on: boolean): void => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };

  return (
    <fieldset className="phase-claims" data-field="claimIds" aria-describedby={error ? `${base}-error` : undefined}>
      <legend className="field-label">{t('participation.claims')}</legend>
      <div className="phase-claims__tools">
        <label className="visually-hidden" htmlFor={`${base}-filter`}>
          {t('participation.claimsFilter')}
        </label>
        <input
          id={`${base}-filter`}
          className="input phase-claims__filter"
          type="search"
          value={query}
          placeholder={t('participation.claimsFilterPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange(new Set([...selected, ...shown.map((c) => c.properties.id)]))}
          disabled={shown.length === 0}
        >
          {t('participation.selectShown')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange(new Set())}
          disabled={selected.size === 0}
        >
          {t('participation.selectNone')}
        </button>
      </div>
      <p className="phase-claims__count" aria-live="polite">
        {t('participation.claimsSelected', { selected: selected.size, total: claims?.length ?? 0 })}
      </p>
      {claims === null ? (
        <p className="muted">{t('participation.claimsLoading')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('participation.claimsEmpty')}</p>
      ) : (
        <ul className="phase-claims__list">
          {shown.map((c) => {
            const p = c.properties;
            return (
              <li key={p.id}>
                <label className="phase-claims__item">
                  <input
                    type="checkbox"
                    checked={selected.has(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                  />
                  <span className="swatch" style={{ background: CLAIM_USE[p.use].color }} aria-hidden="true" />
                  <span className="phase-claims__title">{p.title}</span>
                  <span className="phase-claims__meta">
                    {CLAIM_USE[p.use][locale]} · {CLAIM_STATUS[p.status][locale]} · {p.proposer.name}
                    {p.published && (
                      <span className="tag phase-claims__published">{t('participation.alreadyPublished')}</span>
                    )}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p id={`${base}-error`} className="form-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
