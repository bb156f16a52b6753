/**
 * A staged import drawn over the map while its dialog is open: valid shapes green, invalid ones as
 * their repair proposal (amber) with the shape as read dashed, rejected ones red; what the check
 * skipped or the user excluded fades to grey, the feature picked in the table is outlined in
 * black, and each shape carries its number from the table. Loaded as a chunk with the first
 * preview ({@link attachImportOverlay}); it then follows the store by itself.
 */
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { AppStore } from '../state/app-store.js';
import type { ImportOverlay } from '../state/interop-slice.js';
import { IMPORT_COLORS, importOverlayFeatures } from './import-overlay-features.js';

export const IMPORT_SOURCE = 'import-preview';
export const IMPORT_LAYER = {
  fill: 'import-preview-fill',
  line: 'import-preview-line',
  dashed: 'import-preview-dashed',
  focus: 'import-preview-focus',
  point: 'import-preview-point',
} as const;

/** More numbered shapes than this get no number markers (DOM markers do not scale). */
const MAX_MARKERS = 150;

const color: maplibregl.ExpressionSpecification = [
  'case',
  ['get', 'skipped'],
  IMPORT_COLORS.skipped,
  [
    'match',
    ['get', 'role'],
    'valid',
    IMPORT_COLORS.valid,
    'repaired',
    IMPORT_COLORS.repaired,
    'original',
    IMPORT_COLORS.original,
    IMPORT_COLORS.rejected,
  ],
];
const polygonal: maplibregl.FilterSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const outlined: maplibregl.FilterSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString']],
];
/** Dashed outlines: the shape as read behind a repair, rejected shapes, and skipped ones. */
const dashed: maplibregl.ExpressionSpecification = [
  'any',
  ['get', 'skipped'],
  ['in', ['get', 'role'], ['literal', ['original', 'rejected']]],
];

const LAYERS: maplibregl.LayerSpecification[] = [
  {
    id: IMPORT_LAYER.fill,
    type: 'fill',
    source: IMPORT_SOURCE,
    filter: polygonal,
    paint: { 'fill-color': color, 'fill-opacity': ['case', ['get', 'skipped'], 0.08, 0.3] },
  },
  {
    id: IMPORT_LAYER.line,
    type: 'line',
    source: IMPORT_SOURCE,
    filter: ['all', outlined, ['!', dashed]],
    paint: { 'line-color': color, 'line-width': 2 },
  },
  {
    id: IMPORT_LAYER.dashed,
    type: 'line',
    source: IMPORT_SOURCE,
    filter: ['all', outlined, dashed],
    paint: { 'line-color': color, 'line-width': 2, 'line-dasharray': [3, 2] },
  },
  {
    id: IMPORT_LAYER.focus,
    type: 'line',
    source: IMPORT_SOURCE,
    filter: ['all', polygonal, ['get', 'focus']],
    paint: { 'line-color': '#111827', 'line-width': 4 },
  },
  {
    id: IMPORT_LAYER.point,
    type: 'circle',
    source: IMPORT_SOURCE,
    filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
    paint: { 'circle-radius': 6, 'circle-color': color, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  },
];

/** Centre of the bounding box of a geometry's positions, for its number. */
function labelPosition(geometry: Geometry): [number, number] | null {
  const xs: number[] = [];
  const ys: number[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      xs.push((c as Position)[0]!);
      ys.push((c as Position)[1]!);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if (geometry.type !== 'GeometryCollection') walk(geometry.coordinates);
  if (xs.length === 0) return null;
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** Draws the store's import overlay on `map` (whose style has loaded) until the map is removed. */
export function attachImportOverlay(map: maplibregl.Map, store: AppStore): void {
  const layers = new ImportOverlayLayers(map, store);
  map.once('remove', () => layers.destroy());
}

class ImportOverlayLayers {
  private shown = '';
  /** The features the markers were made for. */
  private features: ImportOverlay['features'] | null = null;
  private markers: maplibregl.Marker[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    private readonly map: maplibregl.Map,
    store: AppStore,
  ) {
    map.addSource(IMPORT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    for (const layer of LAYERS) map.addLayer(layer);
    this.update(store.getState().importOverlay);
    this.unsubscribe = store.subscribe((state, prev) => {
      if (state.importOverlay !== prev.importOverlay) this.update(state.importOverlay);
    });
  }

  destroy(): void {
    this.unsubscribe();
    this.clearMarkers();
  }

  private update(overlay: ImportOverlay | null): void {
    const data = importOverlayFeatures(overlay);
    const signature = JSON.stringify(data);
    if (signature === this.shown) return;
    this.shown = signature;
    this.map.getSource<maplibregl.GeoJSONSource>(IMPORT_SOURCE)?.setData(data);
    const features = overlay?.features ?? null;
    if (features !== this.features) {
      this.features = features;
      this.updateMarkers(data);
    }
    this.markFocus(overlay?.focus ?? null);
  }

  private updateMarkers(data: FeatureCollection): void {
    this.clearMarkers();
    const labelled = data.features.filter((f) => f.properties?.role !== 'original');
    if (labelled.length > MAX_MARKERS) return;
    for (const f of labelled) {
      const at = labelPosition(f.geometry);
      if (!at) continue;
      const element = document.createElement('div');
      element.className = 'import-marker';
      element.dataset.index = String(f.properties!.index);
      element.textContent = String(f.properties!.number);
      element.setAttribute('aria-hidden', 'true');
      this.markers.push(new maplibregl.Marker({ element }).setLngLat(at).addTo(this.map));
    }
  }

  private markFocus(focus: number | null): void {
    for (const marker of this.markers) {
      const element = marker.getElement();
      element.classList.toggle('import-marker--focus', element.dataset.index === String(focus));
    }
  }

  private clearMarkers(): void {
    for (const marker of this.markers) marker.remove();
    this.markers = [];
  }
}
