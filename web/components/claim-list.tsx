/** The claims list with its filters and search; a click selects a claim and zooms to it. */
import { useId, useMemo } from 'react';
import { CLAIM_USE, CLAIM_USES } from '../../shared/claim-uses.js';
import { CLAIM_STATUS, CLAIM_STATUSES, type ClaimFeature } from '../../shared/claims.js';
import { loadClaims } from '../data/claims-loader.js';
import { formatHa } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { hasFilters, matchesFilters, type ClaimFilters } from '../state/claims-slice.js';
import { claimBbox, municipalityNames, useMunicipalityNames } from './claim-helpers.js';

/** A labelled select with "any" as its first option; also used by the conflicts list. */
export function Filter({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  const t = useT();
  return (
    <div className="claim-filter">
      <label className="claim-filter__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select select--small" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('claims.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ClaimItem({ claim, names }: { claim: ClaimFeature; names: Map<string, string> }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const selected = useAppStore((s) => s.selectedClaimId === claim.properties.id);
  const p = claim.properties;
  const open = (): void => {
    const s = appStore.getState();
    s.selectClaim(p.id);
    s.requestFit(claimBbox(claim));
  };
  return (
    <li className="claim-item">
      <button type="button" className="claim-item__button" aria-current={selected || undefined} onClick={open}>
        <span className="swatch" style={{ background: CLAIM_USE[p.use].color }} aria-hidden="true" />
        <span className="claim-item__text">
          <span className="claim-item__title">
            {p.title}
            {p.deleted_at && <span className="tag tag--deleted">{t('claims.deleted')}</span>}
          </span>
          <span className="claim-item__meta">
            {CLAIM_USE[p.use][locale]} · {CLAIM_STATUS[p.status][locale]} · {formatHa(locale, p.area_ha)}
          </span>
          <span className="claim-item__meta">{municipalityNames(names, p.municipalities).join(', ')}</span>
        </span>
      </button>
    </li>
  );
}

/** Filters, search and the list. */
export function ClaimList() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const remote = useAppStore((s) => s.claims);
  const filters = useAppStore((s) => s.filters);
  const includeDeleted = useAppStore((s) => s.includeDeleted);
  const setFilter = useAppStore((s) => s.setFilter);
  const names = useMunicipalityNames();
  const searchId = useId();

  const all = remote.data?.features ?? [];
  const shown = useMemo(
    () =>
      all
        .filter((f) => matchesFilters(f, filters))
        .sort((a, b) => a.properties.title.localeCompare(b.properties.title, 'de')),
    [all, filters],
  );
  const proposers = useMemo(
    () => [...new Set(all.map((f) => f.properties.proposer.name))].sort((a, b) => a.localeCompare(b, 'de')),
    [all],
  );
  const municipalities = useMemo(() => [...names].sort((a, b) => a[1].localeCompare(b[1], 'de')), [names]);
  const set =
    <K extends keyof ClaimFilters>(key: K) =>
    (value: string) =>
      setFilter(key, value as ClaimFilters[K]);

  const toggleDeleted = (on: boolean): void => {
    appStore.getState().setIncludeDeleted(on);
    void loadClaims(appStore);
  };

  let body;
  if (remote.status === 'loading' && !remote.data) {
    body = (
      <p className="panel-hint" role="status">
        {t('claims.loading')}
      </p>
    );
  } else if (remote.status === 'error' && remote.error) {
    body = (
      <p className="panel-hint panel-hint--error" role="alert">
        {t('claims.error', { message: remote.error.message })}{' '}
        <button type="button" className="link-button" onClick={() => void loadClaims(appStore)}>
          {t('map.retry')}
        </button>
      </p>
    );
  } else if (remote.data && all.length === 0) {
    body = <p className="panel-hint claims-empty">{t('claims.empty')}</p>;
  } else if (remote.data && shown.length === 0) {
    body = <p className="panel-hint">{t('claims.emptyFiltered')}</p>;
  } else {
    body = (
      <ul className="claim-list" aria-label={t('claims.list')}>
        {shown.map((claim) => (
          <ClaimItem key={claim.properties.id} claim={claim} names={names} />
        ))}
      </ul>
    );
  }

  return (
    <>
      <div className="claim-search">
        <label className="field-label" htmlFor={searchId}>
          {t('claims.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="input"
          placeholder={t('claims.searchPlaceholder')}
          value={filters.q}
          onChange={(e) => setFilter('q', e.target.value)}
        />
      </div>
      <fieldset className="claim-filters">
        <legend className="visually-hidden">{t('claims.filters')}</legend>
        <Filter
          label={t('claims.filterUse')}
          value={filters.use}
          onChange={set('use')}
          options={CLAIM_USES.map((u) => ({ value: u, label: CLAIM_USE[u][locale] }))}
        />
        <Filter
          label={t('claims.filterStatus')}
          value={filters.status}
          onChange={set('status')}
          options={CLAIM_STATUSES.map((s) => ({ value: s, label: CLAIM_STATUS[s][locale] }))}
        />
        <Filter
          label={t('claims.filterMunicipality')}
          value={filters.municipality}
          onChange={set('municipality')}
          options={municipalities.map(([ags, name]) => ({ value: ags, label: name }))}
        />
        <Filter
          label={t('claims.filterProposer')}
          value={filters.proposer}
          onChange={set('proposer')}
          options={proposers.map((n) => ({ value: n, label: n }))}
        />
      </fieldset>
      <div className="claim-list-bar">
        <span className="muted" aria-live="polite">
          {t('claims.count', { shown: shown.length, total: all.length })}
        </span>
        {hasFilters(filters) && (
          <button type="button" className="link-button" onClick={() => appStore.getState().resetFilters()}>
            {t('claims.resetFilters')}
          </button>
        )}
      </div>
      <label className="check check--small">
        <input type="checkbox" checked={includeDeleted} onChange={(e) => toggleDeleted(e.target.checked)} />
        <span>{t('claims.includeDeleted')}</span>
      </label>
      {body}
    </>
  );
}
