import { Hono, type Context } from 'hono';
import { ANNOTATION_TARGET_TYPES } from '../../../shared/annotations.js';
import { EXPORT_DATASETS, type ExportDataset } from '../../../shared/exports.js';
import type { AppEnv } from '../../app.js';
import { badRequest, notFound } from '../../http/errors.js';
import { listParam } from '../../http/query-params.js';
import { encodeLayer, FORMAT_MEDIA } from '../../interop/formats/index.js';
import { EXPORT_CRS, FILE_FORMATS, type ExportCrs, type FileFormat } from '../../../shared/interop.js';
import { claimFilterParams } from '../claims/claims.params.js';
import { conflictFilterParams } from '../conflicts/conflicts.params.js';
import { indicatorQueryParams } from '../indicators/indicators.params.js';
import { exportLayer, type ExportRequest } from './exports.service.js';

/** Query parameters that act as filters per dataset (named in the provenance note; others are ignored). */
const FILTER_NAMES: Record<ExportDataset, string[]> = {
  claims: ['use', 'status', 'municipality', 'bbox', 'q'],
  conflicts: ['severity', 'status', 'kind', 'municipality', 'claim', 'bbox', 'active'],
  annotations: ['target_type'],
  indicators: ['year', 'scenario', 'target', 'method', 'weight'],
};

function formatParam(c: Context): FileFormat {
  const raw = c.req.query('format') ?? 'geojson';
  if (!(FILE_FORMATS as readonly string[]).includes(raw)) {
    throw badRequest('invalid_format', `Unbekanntes Format "${raw}". Erlaubt: ${FILE_FORMATS.join(', ')}`);
  }
  return raw as FileFormat;
}

function crsParam(c: Context, format: FileFormat): ExportCrs {
  const raw = c.req.query('crs') ?? '4326';
  const epsg = Number(raw.replace(/^EPSG:/i, ''));
  if (!(EXPORT_CRS as readonly number[]).includes(epsg)) {
    throw badRequest('invalid_crs', `Unbekanntes Koordinatensystem "${raw}". Erlaubt: ${EXPORT_CRS.join(', ')}`);
  }
  if (format === 'kml' && epsg !== 4326) {
    throw badRequest(
      'crs_not_supported',
      'KML kennt nur WGS84: crs=4326 wählen oder ein anderes Format (geojson, gpkg, shp, csv) für EPSG:25832',
    );
  }
  return epsg as ExportCrs;
}

function exportRequest(c: Context<AppEnv>, dataset: ExportDataset): ExportRequest {
  switch (dataset) {
    case 'claims':
      return { dataset, filter: claimFilterParams(c) };
    case 'conflicts':
      return { dataset, filter: conflictFilterParams(c) };
    case 'annotations':
      return { dataset, targetTypes: listParam(c, 'target_type', ANNOTATION_TARGET_TYPES), viewer: c.get('user') };
    case 'indicators':
      return { dataset, query: indicatorQueryParams(c) };
  }
}

/**
 * `GET /api/exports/:dataset?format=&crs=&<filters>`: claims, conflicts, notes or indicators as a
 * file, exactly what the reader may see in the list endpoints, with a provenance note.
 */
export const exportRoutes = new Hono<AppEnv>().get('/:dataset', async (c) => {
  const dataset = c.req.param('dataset');
  if (!(EXPORT_DATASETS as readonly string[]).includes(dataset)) {
    throw notFound('unknown_dataset', `Unbekannter Datensatz "${dataset}". Verfügbar: ${EXPORT_DATASETS.join(', ')}`);
  }
  const ds = dataset as ExportDataset;
  const format = formatParam(c);
  const crs = crsParam(c, format);
  const req = exportRequest(c, ds);
  const query = c.req.query();
  const filters = Object.fromEntries(FILTER_NAMES[ds].filter((n) => query[n] !== undefined).map((n) => [n, query[n]!]));
  const at = new Date();
  const { layer, warnings } = await exportLayer(c.get('db'), req, {
    crs,
    filters,
    geometryRequired: format === 'shp' || format === 'kml',
    at,
  });
  const file = await encodeLayer(format, layer);
  const all = [...warnings, ...file.warnings];
  const media = FORMAT_MEDIA[format];
  const headers: Record<string, string> = {
    'Content-Type': media.type,
    'Content-Disposition': `attachment; filename="flaechenforum-${ds}-${at.toISOString().slice(0, 10)}.${media.ext}"`,
    'Cache-Control': 'no-store',
  };
  // Header values must be ASCII; the German warnings travel percent-encoded (they are in the file too).
  if (all.length > 0) headers['X-Export-Warnings'] = encodeURIComponent(all.join(' | '));
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, headers);
});
