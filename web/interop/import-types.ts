/**
 * Wire shapes of file import and export as the web client sees them: a mirror of the contract in
 * `server/routes/imports/imports.schema.ts` and `server/interop/formats/types.ts` (web/ talks to
 * the server over HTTP only, so it does not import them).
 */
import type { Geometry, MultiPolygon } from 'geojson';

/** What an import writes: planning claims, or (admins) protected and reserved areas. */
export type ImportTarget = 'claims' | 'constraints';

/** The file formats the server reads and writes. */
export const FILE_FORMATS = ['geojson', 'gpkg', 'shp', 'kml', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Coordinate reference systems an import may come in, with their EPSG names. */
export const IMPORT_CRS = [
  { epsg: 4326, name: 'WGS 84' },
  { epsg: 25832, name: 'ETRS89 / UTM 32N' },
  { epsg: 25833, name: 'ETRS89 / UTM 33N' },
  { epsg: 3857, name: 'WGS 84 / Pseudo-Mercator' },
  { epsg: 31467, name: 'DHDN / Gauß-Krüger Zone 3' },
] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number]['epsg'];

/** Coordinate reference systems of exports. */
export const EXPORT_CRS = [4326, 25832] as const;
export type ExportCrs = (typeof EXPORT_CRS)[number];

/** The largest file `POST /api/imports` takes (the server answers 413 above it). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** Where a target field takes its value from: a file column (optionally translated) or a constant. */
export type MappingSource = { field: string; values?: Record<string, string> } | { value: string | number | null };

/** Target field → source; the fields are those of {@link TARGET_FIELDS}. */
export type Mapping = Record<string, MappingSource>;

export type StagedStatus = 'valid' | 'repairable' | 'rejected';

/** One staged feature of the preview. */
export interface ImportFeature {
  index: number;
  status: StagedStatus;
  code: string | null;
  message: string | null;
  properties: Record<string, unknown>;
  /** As read, in EPSG:4326 (null when it could not be read). */
  geometry: Geometry | null;
  /** The repair proposal of an invalid shape (EPSG:4326). */
  repaired: MultiPolygon | null;
  area_ha: number | null;
  municipalities: string[];
}

/** A column of the file with a few sample values. */
export interface ImportField {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'date' | 'unknown';
  samples: string[];
}

/** Where the CRS of the file came from; 'range' is a guess from the coordinates. */
export type CrsSource = 'file' | 'format' | 'user' | 'range';

/** `201` answer of `POST /api/imports` and `GET /api/imports/:id`. */
export interface ImportPreview {
  id: number;
  target: ImportTarget;
  filename: string;
  format: FileFormat;
  layer: string;
  crs: { epsg: number; source: CrsSource; evidence: string };
  fields: ImportField[];
  suggested_mapping: Mapping;
  counts: { total: number; valid: number; repairable: number; rejected: number };
  features: ImportFeature[];
  warnings: string[];
  expires_at: string;
}

/** Body of `POST /api/imports/:id/check` and `…/commit`. */
export interface ImportDecision {
  mapping: Mapping;
  accept_repaired: boolean;
  exclude?: number[];
}

export type CheckStatus = 'accepted' | 'rejected' | 'excluded';

/** One feature of a check result. */
export interface CheckedFeature {
  index: number;
  status: CheckStatus;
  code: string | null;
  message: string | null;
  values: Record<string, unknown>;
}

/** `200` answer of `POST /api/imports/:id/check`. */
export interface CheckResult {
  counts: { accepted: number; rejected: number; excluded: number };
  features: CheckedFeature[];
}

/** `201` answer of `POST /api/imports/:id/commit`. */
export interface CommitResult {
  created: number;
  ids: number[];
  skipped: number;
}

/** A feature the server refused on commit (422 `import_refused`). */
export interface RefusedFeature {
  index: number;
  code: string | null;
  message: string | null;
}
