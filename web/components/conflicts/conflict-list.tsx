/**
 * The conflicts list: filters (severity, status, kind, municipality), the counts per municipality
 * (a click filters), and the conflicts by severity and area; a click selects one and flies to it.
 */
import { useMemo } from 'react';
import { SEVERITIES, SEVERITY } from '../../../shared/conflict-rules.js';
import { CONFLICT_KIND, CONFLICT_KINDS, CONFLICT_STATUS, CONFLICT_STATUSES } from '../../../shared/conflicts.js';
import { loadConflicts } from '../../data/conflicts-loader.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import {
  countByMunicipality,
  hasConflictFilters,
  visibleConflicts,
  type ConflictFilters,
} from '../../state/conflict-view.js';
import { useMunicipalityNames } from '../claim-helpers.js';
import { Filter } from '../claim-list.js';
import { ConflictItem } from './conflict-bits.js';
import '../../i18n/conflicts.texts.js';

/** Counts per municipality as one compact line of buttons: "Lehrte 4 · Wunstorf 3 …". */
function MunicipalityCounts({ names }: { names: Map<string, string> }) {
  const t = useT();
  const features = useAppStore((s) => s.conflicts.data?.features);
  const filters = useAppStore((s) => s.conflictFilters);
  const showClosed = useAppStore((s) => s.conflictLayer.showClosed);
  const counts = useMemo(
    () => countByMunicipality(features ?? [], filters, showClosed),
    [features, filters, showClosed],
  );
  if (counts.length === 0) return null;
  const toggle = (ags: string): void =>
    appStore.getState().setConflictFilter('municipality', filters.municipality === ags ? '' : ags);
  return (
    <div className="municipality-counts" role="group" aria-label={t('conflicts.byMunicipality')}>
      <span className="municipality-counts__label">{t('conflicts.byMunicipality')}:</span>{' '}
      {counts.map(({ ags, count }, i) => (
        <span key={ags}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <button
            type="button"
            className="municipality-count"
            aria-pressed={filters.municipality === ags}
            onClick={() => toggle(ags)}
          >
            {names.get(ags) ?? ags} <strong>{count}</strong>
          </button>
        </span>
      ))}
    </div>
  );
}

/** Filters, counts and the list of conflicts. */
export function ConflictList() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const remote = useAppStore((s) => s.conflicts);
  const filters = useAppStore((s) => s.conflictFilters);
  const showClosed = useAppStore((s) => s.conflictLayer.showClosed);
  const setFilter = useAppStore((s) => s.setConflictFilter);
  const names = useMunicipalityNames();

  const all = remote.data?.features;
  const shown = useMemo(() => visibleConflicts(all ?? [], filters, showClosed), [all, filters, showClosed]);
  const municipalities = useMemo(() => [...names].sort((a, b) => a[1].localeCompare(b[1], 'de')), [names]);
  const set =
    <K extends keyof ConflictFilters>(key: K) =>
    (value: string) =>
      setFilter(key, value as ConflictFilters[K]);

  let body;
  if (remote.status === 'loading' && !remote.data) {
    body = (
      <p className="panel-hint" role="status">
        {t('conflicts.loading')}
      </p>
    );
  } else if (remote.status === 'error' && remote.error) {
    body = (
      <p className="panel-hint panel-hint--error" role="alert">
        {t('conflicts.error', { message: remote.error.message })}{' '}
        <button type="button" className="link-button" onClick={() => void loadConflicts(appStore)}>
          {t('map.retry')}
        </button>
      </p>
    );
  } else if (remote.data && remote.data.features.length === 0) {
    body = <p className="panel-hint claims-empty">{t('conflicts.empty')}</p>;
  } else if (remote.data && shown.length === 0) {
    body = <p className="panel-hint">{t('conflicts.emptyFiltered')}</p>;
  } else {
    body = (
      <ul className="conflict-list" aria-label={t('conflicts.list')} data-testid="conflict-list">
        {shown.map((conflict) => (
          <ConflictItem key={conflict.properties.id} conflict={conflict} names={names} />
        ))}
      </ul>
    );
  }

  return (
    <>
      <fieldset className="claim-filters">
        <legend className="visually-hidden">{t('conflicts.filters')}</legend>
        <Filter
          label={t('conflicts.filterSeverity')}
          value={filters.severity}
          onChange={set('severity')}
          options={[...SEVERITIES].reverse().map((s) => ({ value: s, label: SEVERITY[s][locale] }))}
        />
        <Filter
          label={t('conflicts.filterStatus')}
          value={filters.status}
          onChange={set('status')}
          options={CONFLICT_STATUSES.map((s) => ({ value: s, label: CONFLICT_STATUS[s][locale] }))}
        />
        <Filter
          label={t('conflicts.filterKind')}
          value={filters.kind}
          onChange={set('kind')}
          options={CONFLICT_KINDS.map((k) => ({ value: k, label: CONFLICT_KIND[k][locale] }))}
        />
        <Filter
          label={t('conflicts.filterMunicipality')}
          value={filters.municipality}
          onChange={set('municipality')}
          options={municipalities.map(([ags, name]) => ({ value: ags, label: name }))}
        />
      </fieldset>
      <label className="check check--small">
        <input
          type="checkbox"
          checked={showClosed}
          onChange={(e) => appStore.getState().setConflictLayer({ showClosed: e.target.checked })}
        />
        <span>{t('conflicts.showClosed')}</span>
      </label>
      <MunicipalityCounts names={names} />
      <div className="claim-list-bar">
        <span className="muted" aria-live="polite" data-testid="conflict-count">
          {t('conflicts.count', { shown: shown.length, total: all?.length ?? 0 })}
        </span>
        {hasConflictFilters(filters) && (
          <button type="button" className="link-button" onClick={() => appStore.getState().resetConflictFilters()}>
            {t('claims.resetFilters')}
          </button>
        )}
      </div>
      {body}
    </>
  );
}
