/**
 * The contract between file formats and the rest of the server: a format's reader turns the bytes of an
 * uploaded file into a {@link DecodedLayer} (coordinates as in the file, the CRS it declares or implies),
 * a writer turns an {@link EncodableLayer} (coordinates already in the target CRS) into file bytes.
 * Readers never throw for a bad file: they return `{ ok: false, … }` with a message a planner can act on;
 * a single broken feature is a feature with `problem`, not a failed file (tolerant normaliser, as in Placemark).
 * Reprojection, validity and storage happen elsewhere (PostGIS), never here.
 */
import type { Geometry } from 'geojson';

/** The file formats we read and write. */
export const FILE_FORMATS = ['geojson', 'gpkg', 'shp', 'kml', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The coordinate reference systems an import may come in (all of them PostGIS knows by SRID). */
export const IMPORT_CRS = [4326, 25832, 25833, 3857, 31467] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];

/** The coordinate reference systems we export to. */
export const EXPORT_CRS = [4326, 25832] as const;
export type ExportCrs = (typeof EXPORT_CRS)[number];

/** Where the CRS of a layer came from. */
export type CrsSource =
  /** Declared by the file (GeoPackage srs, .prj, GeoJSON "crs" member, EWKT SRID=…). */
  | 'file'
  /** Fixed by the format (KML, RFC 7946 GeoJSON without "crs": WGS84). */
  | 'format'
  /** Chosen by the user (overrides the file). */
  | 'user'
  /** Inferred from the coordinate range (CSV without SRID): a guess, said so in the report. */
  | 'range';

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
