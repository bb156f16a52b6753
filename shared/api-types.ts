/**
 * Wire contract of the read API (GeoJSON in EPSG:4326, RFC 7946, 6 decimals).
 * Server routes produce these shapes; the web client consumes them.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ConstraintKind } from './constraint-kinds.js';
import type { LandUseClass } from './land-use.js';

/** JSON body of every error response. */
export interface ApiError {
  error: string;
  message: string;
}

export interface HealthResponse {
  status: 'ok';
  database: 'pglite' | 'postgres';
  postgis: string;
  version: string;
}

export interface MunicipalityProps {
  ags: string;
  name: string;
  /** Official name with designation, e.g. "Hannover, Landeshauptstadt". */
  official_name: string;
  population: number;
  population_year: number;
  /** Area of the stored geometry, computed in EPSG:25832. */
  area_ha: number;
  /** Official cadastral area (KFL) in ha. */
  official_area_ha: number;
  /** A point inside the polygon for the label, [lon, lat]. */
  label_point: [number, number];
}

export type MunicipalityFeature = Feature<Polygon | MultiPolygon, MunicipalityProps>;

export interface ParcelProps {
  id: number;
  ags: string;
  land_use: LandUseClass;
  suv: boolean;
  area_ha: number;
}

export interface ConstraintProps {
  id: number;
  kind: ConstraintKind;
  name: string;
  area_ha: number;
  /** Every constraint area is synthetic demo data for now. */
  demo: boolean;
}

/** A bbox-limited collection: `truncated` tells the client that `limit` cut the result. */
export interface LimitedCollection<P> extends FeatureCollection<Polygon | MultiPolygon, P> {
  limit: number;
  truncated: boolean;
}

export type MunicipalityCollection = FeatureCollection<Polygon | MultiPolygon, MunicipalityProps>;
export type ParcelCollection = LimitedCollection<ParcelProps>;
export type ConstraintCollection = LimitedCollection<ConstraintProps>;
