/**
 * Wire contract of file import and export (`/api/imports`, `/api/exports/:dataset`): formats,
 * coordinate reference systems, limits and the shapes the import endpoints answer with. The zod
 * schemas of the request bodies (the attribute mapping) are in `imports.schema.ts`, so that the map
 * page does not load zod.
 */
import type { Geometry, MultiPolygon } from 'geojson';
import type { Mapping } from './imports.schema.js';

/** What an import writes: planning claims, or (admins) protected and reserved areas. */
export const IMPORT_TARGETS = ['claims', 'constraints'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** The file formats the server reads and writes. */
export const FILE_FORMATS = ['geojson', 'gpkg', 'shp', 'kml', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The coordinate reference systems an import may come in (all of them PostGIS knows by SRID). */
export const IMPORT_CRS = [4326, 25832, 25833, 3857, 31467] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];

/** EPSG names of the import CRS, as the import dialog shows them next to the code. */
export const IMPORT_CRS_NAME: Record<ImportCrs, string> = {
  4326: 'WGS 84',
  25832: 'ETRS89 / UTM 32N',
  25833: 'ETRS89 / UTM 33N',
  3857: 'WGS 84 / Pseudo-Mercator',
  31467: 'DHDN / Gauß-Krüger Zone 3',
};

/** The coordinate reference systems we export to. */
export const EXPORT_CRS = [4326, 25832] as const;
export type ExportCrs = (typeof EXPORT_CRS)[number];

/** The largest file `POST /api/imports` takes (413 `file_too_large` above it). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** The most bytes the parts of an uploaded zip may inflate to (zip bombs; 413 above it). */
export const IMPORT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** The most features one import may hold (422 `too_many_features` above it). */
export const IMPORT_MAX_FEATURES = 5_000;

/**
 * Where the CRS of a file came from: `file` declared by it (GeoPackage srs, .prj, GeoJSON "crs"
 * member, EWKT SRID=…), `format` fixed by the format (KML, RFC 7946 GeoJSON without "crs": WGS84),
 * `user` chosen at upload (overrides the file), `range` inferred from the coordinate range (CSV
 * without SRID): a guess, and the preview says so.
 */
export const CRS_SOURCES = ['file', 'format', 'user', 'range'] as const;
export type CrsSource = (typeof CRS_SOURCES)[number];

/** The CRS of a file and how it was found. */
export interface DetectedCrs {
  epsg: ImportCrs;
  source: CrsSource;
  /** What in the file named it, e.g. `.prj: ETRS_1989_UTM_Zone_32N` (German or neutral text). */
  evidence: string;
}

/** An attribute column as found in the file. */
export interface FieldInfo {
  name: string;
  /** Value type as far as the file tells (or the values show). */
  type: 'string' | 'number' | 'boolean' | 'date' | 'unknown';
}

/** A column of the file with a few sample values. */
export interface ImportField extends FieldInfo {
  samples: string[];
}

/** The finding of a staged feature: importable, importable after repair, or not. */
export const STAGED_STATUSES = ['valid', 'repairable', 'rejected'] as const;
export type StagedStatus = (typeof STAGED_STATUSES)[number];

/** One staged feature as the preview shows it. */
export interface ImportFeature {
  /** 0-based position in the file. */
  index: number;
  status: StagedStatus;
  code: string | null;
  message: string | null;
  properties: Record<string, unknown>;
  /** The shape as read, reprojected to EPSG:4326 (null when it could not be read). */
  geometry: Geometry | null;
  /** ST_MakeValid's proposal when repairable (EPSG:4326). */
  repaired: MultiPolygon | null;
  area_ha: number | null;
  municipalities: string[];
}

/** `201` answer of `POST /api/imports` and `200` of `GET /api/imports/:id`. */
export interface ImportPreview {
  id: number;
  target: ImportTarget;
  filename: string;
  format: FileFormat;
  layer: string;
  crs: DetectedCrs;
  fields: ImportField[];
  suggested_mapping: Mapping;
  counts: { total: number; valid: number; repairable: number; rejected: number };
  features: ImportFeature[];
  warnings: string[];
  expires_at: string;
}

/** The claim attributes a mapping gives one feature, before validation. */
export interface ClaimValues {
  title: unknown;
  use: unknown;
  status: unknown;
  proposer: { name: unknown; type: unknown };
  horizon_year: unknown;
  description: unknown;
}

/** The constraint area attributes a mapping gives one feature, before validation. */
export interface ConstraintValues {
  kind: unknown;
  name: unknown;
}

/** The outcome of a feature under a mapping. */
export const CHECK_STATUSES = ['accepted', 'rejected', 'excluded'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** One feature of a check result. */
export interface CheckedFeature {
  index: number;
  status: CheckStatus;
  code: string | null;
  message: string | null;
  values: ClaimValues | ConstraintValues;
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

/** A feature named in the `issues` of a refused commit (422 `import_refused` or `nothing_to_import`). */
export interface RefusedFeature {
  index: number;
  code: string | null;
  message: string | null;
}
