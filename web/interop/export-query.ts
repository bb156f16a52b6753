/**
 * Addresses of `GET /api/exports/:dataset`, pure: the format and CRS, and the list filters of the
 * claims and conflicts panels translated to the query parameters the server understands.
 */
import { EXPORT_DATASETS, type ExportDataset } from '../../shared/exports.js';
import type { ExportCrs, FileFormat } from '../../shared/interop.js';
import type { ClaimFilters } from '../state/claims-slice.js';
import type { ConflictFilters } from '../state/conflict-view.js';

export { EXPORT_DATASETS, type ExportDataset };

/** A download to make. `filters` are query parameters as the server names them. */
export interface ExportChoice {
  dataset: ExportDataset;
  format: FileFormat;
  crs: ExportCrs;
  filters: Record<string, string>;
}

/** KML knows only WGS84; every other format takes both systems. */
export function crsAllowed(format: FileFormat, crs: ExportCrs): boolean {
  return format !== 'kml' || crs === 4326;
}

/**
 * The CRS a format starts with: ETRS89/UTM 32N (official in Lower Saxony, what QGIS and ArcGIS
 * projects here use) for GeoPackage, Shapefile and CSV; WGS84 for GeoJSON (RFC 7946) and KML.
 */
export function defaultCrs(format: FileFormat): ExportCrs {
  return format === 'geojson' || format === 'kml' ? 4326 : 25832;
}

/** The download address of `choice` (relative to the site). */
export function exportUrl(choice: ExportChoice): string {
  const params = new URLSearchParams({ format: choice.format, crs: String(choice.crs) });
  for (const [name, value] of Object.entries(choice.filters)) if (value !== '') params.set(name, value);
  return `/api/exports/${choice.dataset}?${params.toString()}`;
}

/**
 * The claims list's filters as export parameters; `ignored` names the filters the export cannot
 * apply (the server knows no proposer filter), so the dialog can say so.
 */
export function claimExportFilters(filters: ClaimFilters): {
  filters: Record<string, string>;
  ignored: (keyof ClaimFilters)[];
} {
  const out: Record<string, string> = {};
  if (filters.use) out.use = filters.use;
  if (filters.status) out.status = filters.status;
  if (filters.municipality) out.municipality = filters.municipality;
  if (filters.q.trim()) out.q = filters.q.trim();
  return { filters: out, ignored: filters.proposer ? ['proposer'] : [] };
}

/**
 * The conflicts list's filters as export parameters. Without a status filter the list hides
 * closed conflicts unless "show closed" is on; the export then asks for current, undecided ones.
 */
export function conflictExportFilters(filters: ConflictFilters, showClosed: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.severity) out.severity = filters.severity;
  if (filters.kind) out.kind = filters.kind;
  if (filters.municipality) out.municipality = filters.municipality;
  if (filters.status) out.status = filters.status;
  else if (!showClosed) {
    out.active = 'true';
    out.status = 'open,in_discussion';
  }
  return out;
}

/** True for a known dataset name. */
export function isExportDataset(value: string): value is ExportDataset {
  return (EXPORT_DATASETS as readonly string[]).includes(value);
}
