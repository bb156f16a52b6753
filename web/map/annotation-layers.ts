/**
 * Notes pinned to the map: a circle per point note, a dashed outline per area note, the spot of a
 * note being pinned, and the thread opened from the map. Attached to a map once
 * ({@link attachAnnotationLayers}); it follows the store by itself and answers the map
 * controller's clicks first ({@link annotationsTakeClick}): while pinning, a click places the
 * note; otherwise a click on a pin opens its thread.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { AppState, AppStore } from '../state/app-store.js';

export const ANNOTATION_SOURCE = 'annotations';
export const ANNOTATION_LAYER = {
  areaFill: 'annotations-area-fill',
  areaLine: 'annotations-area-line',
  pin: 'annotations-pin',
  draft: 'annotations-draft',
} as const;

const PIN_COLOR = '#7c3aed';
const RESOLVED_COLOR = '#8a94a0';
const DRAFT_COLOR = '#f59e0b';
/** Clicks this close to a pin (CSS pixels) hit it. */
const HIT_TOLERANCE = 5;

const LAYERS: maplibregl.LayerSpecification[] = [
  {
    id: ANNOTATION_LAYER.areaFill,
    type: 'fill',
    source: ANNOTATION_SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': PIN_COLOR, 'fill-opacity': ['case', ['get', 'open'], 0.22, 0.1] },
  },
  {
    id: ANNOTATION_LAYER.areaLine,
    type: 'line',
    source: ANNOTATION_SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: {
      'line-color': ['case', ['get', 'resolved'], RESOLVED_COLOR, PIN_COLOR],
      'line-width': ['case', ['get', 'open'], 3, 2],
      'line-dasharray': [2, 1.5],
    },
  },
  {
    id: ANNOTATION_LAYER.pin,
    type: 'circle',
    source: ANNOTATION_SOURCE,
    filter: ['all', ['==', ['geometry-type'], 'Point'], ['!=', ['get', 'role'], 'draft']],
    paint: {
      'circle-radius': ['case', ['get', 'open'], 9, 7],
      'circle-color': ['case', ['get', 'resolved'], RESOLVED_COLOR, PIN_COLOR],
      'circle-stroke-color': ['case', ['get', 'open'], '#1f2933', '#ffffff'],
      'circle-stroke-width': ['case', ['get', 'open'], 3, 2],
    },
  },
  {
    id: ANNOTATION_LAYER.draft,
    type: 'circle',
    source: ANNOTATION_SOURCE,
    filter: ['==', ['get', 'role'], 'draft'],
    paint: {
      'circle-radius': 8,
      'circle-color': DRAFT_COLOR,
      'circle-stroke-color': '#1f2933',
      'circle-stroke-width': 2,
    },
  },
];

/** The features to draw for `state`: pinned threads and the note being pinned. */
export function annotationFeatures(
  state: Pick<AppState, 'annotationPins' | 'pinDraft' | 'openPinId'>,
): FeatureCollection {
  const features: Feature[] = [];
  for (const thread of state.annotationPins ?? []) {
    if (!thread.geometry) continue;
    features.push({
      type: 'Feature',
      id: thread.id,
      geometry: thread.geometry,
      properties: {
        id: thread.id,
        role: 'note',
        resolved: thread.resolved !== null,
        open: thread.id === state.openPinId,
      },
    });
  }
  if (state.pinDraft?.at) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: state.pinDraft.at },
      properties: { role: 'draft', resolved: false, open: false },
    });
  }
  return { type: 'FeatureCollection', features };
}

const attached = new WeakMap<maplibregl.Map, AnnotationLayers>();

/** Draws the notes of `store` on `map` until the map is removed. */
export function attachAnnotationLayers(map: maplibregl.Map, store: AppStore): void {
  const layers = new AnnotationLayers(map, store);
  attached.set(map, layers);
  map.once('remove', () => layers.destroy());
}

/** For the map controller's click handler: true when the click belonged to the notes (stop there). */
export function annotationsTakeClick(map: maplibregl.Map, point: maplibregl.Point): boolean {
  return attached.get(map)?.takeClick(point) ?? false;
}

class AnnotationLayers {
  private loaded = false;
  private shown = '';
  private readonly unsubscribe: () => void;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly store: AppStore,
  ) {
    this.unsubscribe = store.subscribe((state, prev) => {
      if (
        state.annotationPins !== prev.annotationPins ||
        state.pinDraft !== prev.pinDraft ||
        state.openPinId !== prev.openPinId
      ) {
        this.update(state);
      }
    });
    if (map.loaded()) this.onLoad();
    else map.once('load', this.onLoad);
  }

  takeClick(point: maplibregl.Point): boolean {
    if (!this.loaded) return false;
    const state = this.store.getState();
    if (state.pinDraft) {
      const { lng, lat } = this.map.unproject(point);
      state.placePin([Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]);
      return true;
    }
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - HIT_TOLERANCE, point.y - HIT_TOLERANCE],
      [point.x + HIT_TOLERANCE, point.y + HIT_TOLERANCE],
    ];
    const [pin] = this.map.queryRenderedFeatures(box, { layers: [ANNOTATION_LAYER.pin] });
    const [area] = pin ? [] : this.map.queryRenderedFeatures(point, { layers: [ANNOTATION_LAYER.areaFill] });
    const id = (pin ?? area)?.properties?.id;
    if (typeof id !== 'number') return false;
    state.openPin(id);
    return true;
  }

  destroy(): void {
    this.unsubscribe();
    this.map.off('load', this.onLoad);
  }

  private readonly onLoad = (): void => {
    this.map.addSource(ANNOTATION_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    for (const layer of LAYERS) this.map.addLayer(layer);
    this.loaded = true;
    this.shown = '';
    this.update(this.store.getState());
  };

  private update(state: AppState): void {
    // While pinning, the map shows a crosshair (a class, because the controller sets hover cursors inline).
    this.map.getContainer().classList.toggle('map--pinning', state.pinDraft !== null);
    if (!this.loaded) return;
    const data = annotationFeatures(state);
    const signature = JSON.stringify(data);
    if (signature === this.shown) return;
    this.shown = signature;
    this.map.getSource<maplibregl.GeoJSONSource>(ANNOTATION_SOURCE)?.setData(data);
  }
}
