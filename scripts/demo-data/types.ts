import type { MultiPolygon, Polygon } from 'geojson';

/** Land use of one municipality on 31.12.2018 in hectares (Flächenerhebung, see data/region-hannover/README.md). */
export interface LandUseStats {
  totalHa: number;
  siedlungHa: number;
  verkehrHa: number;
  /** Part of `siedlungHa`. */
  industrieGewerbeHa: number;
  landwirtschaftHa: number;
  waldHa: number;
  gehoelzHa: number;
  /** heide + moor + sumpf + unland_vegetationslos. */
  heideMoorHa: number;
  gewaesserHa: number;
}

/** A municipality prepared for demo generation. */
export interface DemoMunicipality {
  ags: string;
  name: string;
  /** EPSG:25832 */
  geometry: Polygon | MultiPolygon;
  stats: LandUseStats;
  population: number;
}

/** A populated place from places.csv, projected. */
export interface DemoPlace {
  name: string;
  ags: string;
  population: number;
  /** EPSG:25832 easting, m */
  x: number;
  /** EPSG:25832 northing, m */
  y: number;
}
