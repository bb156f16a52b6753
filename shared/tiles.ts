/**
 * Wire contract of the vector tiles (`GET /tiles/{layer}/{z}/{x}/{y}.pbf`, Mapbox Vector Tile 2.1)
 * and their TileJSON documents (`GET /tiles/{layer}.json`, TileJSON 3.0.0): the layers, their
 * attributes, zoom range and tile geometry parameters. Pure; the server renders, the web reads.
 */
import { REGION_BBOX, type Bbox, type Parsed } from './bbox.js';

export const TILE_LAYERS = ['parcels', 'claims', 'conflicts', 'constraints', 'municipalities'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

/** Tile coordinate space: 0…4096 per tile side (MVT default). */
export const TILE_EXTENT = 4096;
/** Geometry kept beyond each tile edge, in tile units, so strokes join across tiles. */
export const TILE_BUFFER = 64;
/** Highest zoom the server renders. */
export const MAX_TILE_ZOOM = 22;
/** Highest zoom advertised in TileJSON: clients overzoom beyond it (0.15 m per tile unit is plenty). */
export const TILEJSON_MAX_ZOOM = 16;

export const TILE_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/** Attribute types as TileJSON `vector_layers[].fields` describe them. */
export type TileFieldType = 'Number' | 'String' | 'Boolean';

export interface TileLayerSpec {
  /** Below this zoom the layer's tiles are empty (204). */
  minzoom: number;
  /** Feature attributes (the feature id is the row id; for municipalities the AGS as a number). */
  fields: Record<string, TileFieldType>;
  description: string;
  /**
   * `static` layers change only with the data load (cached by browsers for an hour); `live` layers
   * change with every edit and depend on who reads (browsers always revalidate).
   */
  changes: 'static' | 'live';
}

export const TILE_LAYER_SPECS: Record<TileLayer, TileLayerSpec> = {
  parcels: {
    minzoom: 13,
    fields: { id: 'Number', land_use: 'String', suv: 'Boolean', area_ha: 'Number' },
    description: 'Flurstücke mit Nutzungsart und SuV-Kennzeichen',
    changes: 'static',
  },
  claims: {
    minzoom: 0,
    fields: {
      id: 'Number',
      title: 'String',
      use: 'String',
      status: 'String',
      version: 'Number',
      area_ha: 'Number',
      published: 'Boolean',
    },
    description: 'Flächenansprüche (nur die für den Lesenden sichtbaren)',
    changes: 'live',
  },
  conflicts: {
    minzoom: 0,
    fields: {
      id: 'Number',
      kind: 'String',
      severity: 'String',
      status: 'String',
      active: 'Boolean',
      area_ha: 'Number',
    },
    description: 'Konfliktflächen, auch beendete (active = false)',
    changes: 'live',
  },
  constraints: {
    minzoom: 0,
    fields: { id: 'Number', kind: 'String', name: 'String' },
    description: 'Restriktionsflächen (Schutzgebiete, Überschwemmungsgebiete, …)',
    changes: 'static',
  },
  municipalities: {
    minzoom: 0,
    fields: { ags: 'String', name: 'String' },
    description: 'Städte und Gemeinden der Region',
    changes: 'static',
  },
};

export function isTileLayer(name: string): name is TileLayer {
  return (TILE_LAYERS as readonly string[]).includes(name);
}

/** One tile address in the XYZ scheme (y counted from the north). */
export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

const parseIndex = (text: string): number | null => (/^\d{1,9}$/.test(text) ? Number(text) : null);

/** Parse the z/x/y of a tile path; the reason tells what to fix. */
export function parseTileCoord(zText: string, xText: string, yText: string): Parsed<TileCoord> {
  const z = parseIndex(zText);
  if (z === null || z > MAX_TILE_ZOOM) {
    return {
      ok: false,
      reason: `Zoomstufe z muss eine ganze Zahl von 0 bis ${MAX_TILE_ZOOM} sein, erhalten: "${zText}"`,
    };
  }
  const max = 2 ** z - 1;
  for (const [name, text] of [
    ['x', xText],
    ['y', yText],
  ] as const) {
    const v = parseIndex(text);
    if (v === null || v > max) {
      return {
        ok: false,
        reason: `Kachelindex ${name} muss bei Zoomstufe ${z} eine ganze Zahl von 0 bis ${max} sein, erhalten: "${text}"`,
      };
    }
  }
  return { ok: true, value: { z, x: Number(xText), y: Number(yText) } };
}

/** The WGS84 box of a tile (Web Mercator). */
export function tileBbox({ z, x, y }: TileCoord): Bbox {
  const n = 2 ** z;
  const lon = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** The tile at zoom `z` that contains a WGS84 point. */
export function tileAt(lon: number, lat: number, z: number): TileCoord {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x: Math.min(Math.max(x, 0), n - 1), y: Math.min(Math.max(y, 0), n - 1) };
}

/** TileJSON 3.0.0 (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0). */
export interface TileJson {
  tilejson: '3.0.0';
  name: string;
  description: string;
  scheme: 'xyz';
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: Bbox;
  center: [number, number, number];
  vector_layers: {
    id: TileLayer;
    description: string;
    minzoom: number;
    maxzoom: number;
    fields: Record<string, TileFieldType>;
  }[];
}

/** The TileJSON document of `layer`, with tile URLs under `origin` (e.g. `https://host`). */
export function tileJson(layer: TileLayer, origin: string): TileJson {
  const spec = TILE_LAYER_SPECS[layer];
  const [w, s, e, n] = REGION_BBOX;
  return {
    tilejson: '3.0.0',
    name: `Flächenforum ${layer}`,
    description: spec.description,
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.pbf`],
    minzoom: spec.minzoom,
    maxzoom: TILEJSON_MAX_ZOOM,
    bounds: REGION_BBOX,
    center: [(w + e) / 2, (s + n) / 2, Math.max(spec.minzoom, 10)],
    vector_layers: [
      {
        id: layer,
        description: spec.description,
        minzoom: spec.minzoom,
        maxzoom: TILEJSON_MAX_ZOOM,
        fields: spec.fields,
      },
    ],
  };
}
