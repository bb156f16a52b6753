/**
 * The contract between file formats and the rest of the server: a format's reader turns the bytes of an
 * uploaded file into a {@link DecodedLayer} (coordinates as in the file, the CRS it declares or implies),
 * a writer turns an {@link EncodableLayer} (coordinates already in the target CRS) into file bytes.
 * Readers never throw for a bad file: they return `{ ok: false, … }` with a message a planner can act on;
 * a single broken feature is a feature with `problem`, not a failed file (tolerant normaliser, as in Placemark).
 * Reprojection, validity and storage happen elsewhere (PostGIS), never here. The formats, CRS and
 * field types come from the wire contract in `shared/interop.ts` and are re-exported here.
 */
import type { Geometry } from 'geojson';
import type { DetectedCrs, ExportCrs, FieldInfo, FileFormat, ImportCrs } from '../../../shared/interop.js';

export { EXPORT_CRS, FILE_FORMATS, IMPORT_CRS } from '../../../shared/interop.js';
export type { CrsSource, DetectedCrs, ExportCrs, FieldInfo, FileFormat, ImportCrs } from '../../../shared/interop.js';

/** One feature as read from the file, before any check of geometry or attributes. */
export interface DecodedFeature {
  /** 0-based position in the file (the report names features by it, 1-based for people). */
  index: number;
  /** GeoJSON-structured geometry in the layer's CRS (not necessarily WGS84); null when missing. */
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** Why this feature could not be read at all (its geometry is then null), e.g. unparsable WKT. */
  problem?: string;
}

export interface DecodedLayer {
  format: FileFormat;
  /** Layer or file name (GeoPackage table, shapefile base name, KML document name …). */
  name: string;
  crs: DetectedCrs;
  fields: FieldInfo[];
  features: DecodedFeature[];
  /** Notes worth showing once for the whole file (e.g. "2 weitere Layer ignoriert"). */
  warnings: string[];
}

/** Why a whole file was refused; stable codes for clients and tests. */
export type DecodeErrorCode =
  | 'unknown_format'
  | 'corrupt_file'
  | 'missing_part'
  | 'unknown_crs'
  | 'too_large'
  | 'too_many_features'
  | 'no_features'
  | 'unsafe_name';

export type DecodeResult = { ok: true; layer: DecodedLayer } | { ok: false; code: DecodeErrorCode; message: string };

export interface DecodeOptions {
  /** EPSG code the user chose; overrides what the file says (and is required when the file says nothing). */
  crs?: ImportCrs;
  /** Which layer of a multi-layer file (GeoPackage table name); default: the first with polygons. */
  layer?: string;
  /** Upper bound of features; more gives `too_many_features`. */
  maxFeatures?: number;
  /** Upper bound of uncompressed bytes inside a zip (zip bombs); more gives `too_large`. */
  maxUncompressedBytes?: number;
}

/** An attribute column to write, in the order to write it. */
export interface FieldSpec {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
}

/** A layer ready to be written: geometry already in `crs` (EPSG:4326 RFC 7946 order lon/lat, or EPSG:25832 E/N). */
export interface EncodableLayer {
  /** Layer/table name (ASCII, e.g. `flaechenansprueche`). */
  name: string;
  crs: ExportCrs;
  fields: FieldSpec[];
  features: { id: string | number; geometry: Geometry | null; properties: Record<string, unknown> }[];
  /** Provenance and attribution, written where the format has room for it (and as a README in zips). */
  provenance: string;
}

export interface EncodedFile {
  bytes: Uint8Array;
  mediaType: string;
  /** Suggested file name including extension. */
  filename: string;
  /** Things the format could not keep, e.g. "Shapefile: Beschreibung auf 254 Zeichen gekürzt". */
  warnings: string[];
}
