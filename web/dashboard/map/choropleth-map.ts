/**
 * The dashboard's small choropleth of the 21 municipalities: the only place of the dashboard that
 * talks to MapLibre. No basemap, tiles or glyphs — just our polygons on a plain background, so it
 * works offline. React pushes data in through the setters and hears back through the callbacks.
 */
import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { MunicipalityCollection } from '../../../shared/api-types.js';
import type { Bbox } from '../../api/api-client.js';

const SOURCE = 'dashboard-municipalities';
/** Layer ids; the browser test queries the fill layer. */
export const CHOROPLETH_LAYER = {
  fill: 'dashboard-choropleth-fill',
  line: 'dashboard-choropleth-line',
  selected: 'dashboard-choropleth-selected',
} as const;
const FIT_PADDING = 12;

/** Handles for browser tests. */
export interface DashboardTestHandles {
  map: maplibregl.Map;
}

declare global {
  interface Window {
    __flaechenforumDashboard?: DashboardTestHandles;
  }
}

/** What the choropleth tells the page. */
export interface ChoroplethCallbacks {
  /** Pointer over a municipality (null when it left them), with the pointer position in the map. */
  onHover(ags: string | null, point: { x: number; y: number } | null): void;
  onClick(ags: string): void;
  /** After the map has drawn a change: a PNG of the canvas for printing. */
  onSnapshot(dataUrl: string): void;
}

function bboxOf(collection: MunicipalityCollection): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1] as number);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of collection.features) visit(f.geometry.coordinates);
  return box;
}

/** `fill-color` from each feature's class (feature-state `cls`), grey without a class. */
function fillColor(colors: readonly string[], noData: string): ExpressionSpecification | string {
  if (colors.length === 0) return noData;
  const pairs = colors.flatMap((color, i) => [i, color]);
  return ['match', ['coalesce', ['feature-state', 'cls'], -1], ...pairs, noData] as unknown as ExpressionSpecification;
}

/** Owns one MapLibre map showing the municipalities coloured by class. */
export class ChoroplethMap {
  readonly map: maplibregl.Map;
  private bounds: Bbox | null = null;
  private classes = new Map<string, number>();
  private selected: string | null = null;
  private hovered: string | null = null;

  constructor(
    container: HTMLElement,
    ariaLabel: string,
    private readonly callbacks: ChoroplethCallbacks,
  ) {
    this.map = new maplibregl.Map({
      container,
      style: {
        version: 8,
        sources: { [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'ags' } },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#ffffff' } },
          { id: CHOROPLETH_LAYER.fill, type: 'fill', source: SOURCE, paint: { 'fill-color': '#d9d9d9' } },
          {
            id: CHOROPLETH_LAYER.line,
            type: 'line',
            source: SOURCE,
            paint: {
              'line-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#111111', '#5b6774'],
              'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, 0.8],
            },
          },
          {
            id: CHOROPLETH_LAYER.selected,
            type: 'line',
            source: SOURCE,
            filter: ['==', ['get', 'ags'], ''],
            paint: { 'line-color': '#174a8b', 'line-width': 3.5 },
          },
        ],
      },
      // A fixed overview: pan and zoom would only get in the way of hover and click.
      interactive: false,
      attributionControl: false,
      // Keeps the last frame readable, so that it can be copied into the print layout.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.getCanvas().setAttribute('aria-label', ariaLabel);
    this.map.on('mousemove', CHOROPLETH_LAYER.fill, this.onMove);
    this.map.on('mouseleave', CHOROPLETH_LAYER.fill, this.onLeave);
    this.map.on('click', CHOROPLETH_LAYER.fill, this.onClick);
    this.map.on('resize', this.fit);
    this.map.on('idle', this.onIdle);
    window.__flaechenforumDashboard = { map: this.map };
  }

  /** Shows the municipality polygons (set once; colours change through feature-state). */
  setMunicipalities(collection: MunicipalityCollection): void {
    this.bounds = bboxOf(collection);
    this.whenStyled(() => {
      (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource).setData(collection);
      this.fit();
      this.applyClasses();
    });
  }

  /** Colours: the class of each AGS (-1: no value) and the colour of each class. */
  setClasses(classOf: Map<string, number>, colors: readonly string[], noData: string): void {
    this.classes = classOf;
    this.whenStyled(() => {
      this.map.setPaintProperty(CHOROPLETH_LAYER.fill, 'fill-color', fillColor(colors, noData));
      this.applyClasses();
    });
  }

  /** Outlines one municipality (a profile's), or none. */
  setSelected(ags: string | null): void {
    if (ags === this.selected) return;
    this.selected = ags;
    this.whenStyled(() => this.map.setFilter(CHOROPLETH_LAYER.selected, ['==', ['get', 'ags'], ags ?? '']));
  }

  /** Labels the canvas for screen readers in the current language. */
  setLabel(ariaLabel: string): void {
    this.map.getCanvas().setAttribute('aria-label', ariaLabel);
  }

  destroy(): void {
    if (window.__flaechenforumDashboard?.map === this.map) delete window.__flaechenforumDashboard;
    this.map.remove();
  }

  private whenStyled(run: () => void): void {
    if (this.map.isStyleLoaded()) run();
    else this.map.once('load', run);
  }

  private applyClasses(): void {
    if (!this.map.getSource(SOURCE)) return;
    for (const [ags, cls] of this.classes) this.map.setFeatureState({ source: SOURCE, id: ags }, { cls });
  }

  private readonly fit = () => {
    if (this.bounds) this.map.fitBounds(this.bounds, { padding: FIT_PADDING, animate: false });
  };

  private readonly onMove = (e: maplibregl.MapLayerMouseEvent) => {
    const ags = (e.features?.[0]?.properties.ags as string | undefined) ?? null;
    if (ags !== this.hovered) {
      if (this.hovered) this.map.setFeatureState({ source: SOURCE, id: this.hovered }, { hover: false });
      if (ags) this.map.setFeatureState({ source: SOURCE, id: ags }, { hover: true });
      this.hovered = ags;
    }
    this.map.getCanvas().style.cursor = ags ? 'pointer' : '';
    this.callbacks.onHover(ags, { x: e.point.x, y: e.point.y });
  };

  private readonly onLeave = () => {
    if (this.hovered) this.map.setFeatureState({ source: SOURCE, id: this.hovered }, { hover: false });
    this.hovered = null;
    this.map.getCanvas().style.cursor = '';
    this.callbacks.onHover(null, null);
  };

  private readonly onClick = (e: maplibregl.MapLayerMouseEvent) => {
    const ags = e.features?.[0]?.properties.ags as string | undefined;
    if (ags) this.callbacks.onClick(ags);
  };

  private readonly onIdle = () => {
    // Only a frame without hover outlines belongs on paper.
    if (!this.hovered) this.callbacks.onSnapshot(this.map.getCanvas().toDataURL('image/png'));
  };
}
