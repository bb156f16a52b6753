/**
 * The export dialog on the map page: it offers the claims and conflicts lists' current filters
 * (translated to export parameters, with a readable summary) next to every dataset.
 */
import { useMemo } from 'react';
import { CLAIM_USE } from '../../shared/claim-uses.js';
import { CLAIM_STATUS } from '../../shared/claims.js';
import { SEVERITY } from '../../shared/conflict-rules.js';
import { CONFLICT_KIND, CONFLICT_STATUS } from '../../shared/conflicts.js';
import type { ExportDataset } from '../../shared/exports.js';
import type { Locale } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore, type AppState } from '../state/app-store.js';
import { hasFilters } from '../state/claims-slice.js';
import { hasConflictFilters } from '../state/conflict-view.js';
import { ExportDialog, type ExportPreset } from './export-dialog.js';
import { claimExportFilters, conflictExportFilters } from './export-query.js';
import '../i18n/interop.texts.js';

type Names = Map<string, string>;

function claimsPreset(s: AppState, locale: Locale, names: Names, ignoredNote: string): ExportPreset | undefined {
  if (!hasFilters(s.filters)) return undefined;
  const { filters, ignored } = claimExportFilters(s.filters);
  const parts = [
    s.filters.use && CLAIM_USE[s.filters.use][locale],
    s.filters.status && CLAIM_STATUS[s.filters.status][locale],
    s.filters.municipality && (names.get(s.filters.municipality) ?? s.filters.municipality),
    s.filters.q.trim() && `„${s.filters.q.trim()}“`,
  ].filter(Boolean);
  return { list: { filters, summary: parts.join(', ') || '–', note: ignored.length > 0 ? ignoredNote : undefined } };
}

function conflictsPreset(s: AppState, locale: Locale, names: Names, openOnly: string): ExportPreset | undefined {
  const { conflictFilters: f, conflictLayer } = s;
  if (!hasConflictFilters(f) && conflictLayer.showClosed) return undefined;
  const parts = [
    f.severity && SEVERITY[f.severity][locale],
    f.kind && CONFLICT_KIND[f.kind][locale],
    f.status ? CONFLICT_STATUS[f.status][locale] : !conflictLayer.showClosed && openOnly,
    f.municipality && (names.get(f.municipality) ?? f.municipality),
  ].filter(Boolean);
  return { list: { filters: conflictExportFilters(f, conflictLayer.showClosed), summary: parts.join(', ') } };
}

/** The export dialog with the map page's list filters, opened for `dataset`. */
export function MapExportDialog({ dataset }: { dataset: ExportDataset }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const municipalities = useAppStore((s) => s.municipalities.data);
  const presets = useMemo(() => {
    const s = appStore.getState();
    const names = new Map((municipalities?.features ?? []).map((m) => [m.properties.ags, m.properties.name]));
    const out: Partial<Record<ExportDataset, ExportPreset>> = {};
    const claims = claimsPreset(s, locale, names, t('interop.proposerIgnored'));
    const conflicts = conflictsPreset(s, locale, names, t('interop.openConflictsOnly'));
    if (claims) out.claims = claims;
    if (conflicts) out.conflicts = conflicts;
    return out;
  }, [locale, municipalities, t]);
  return <ExportDialog initial={dataset} presets={presets} onClose={() => appStore.getState().closeInterop()} />;
}
