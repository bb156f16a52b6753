/**
 * Municipality names as DOM labels. The map has no glyph server (we run offline), and MapLibre's
 * `text-field` needs one, so the 21 names are HTML elements placed with `maplibregl.Marker`.
 * A small greedy collision pass hides labels that would overlap a more important one.
 */
import * as maplibregl from 'maplibre-gl';
import type { MunicipalityCollection } from '../../shared/api-types.js';

/** Population from which a name is drawn larger (only Hannover in this region). */
const MAJOR_POPULATION = 100_000;
/** Free space kept around each label, in CSS pixels. */
const LABEL_GAP = 4;

interface Label {
  ags: string;
  population: number;
  marker: maplibregl.Marker;
  element: HTMLElement;
  width: number;
  height: number;
  /** Vertical shift from the label point chosen by the last layout, in CSS pixels. */
  offsetY: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Owns the label markers of one map. */
export class MunicipalityLabels {
  private labels: Label[] = [];
  private visible = true;
  private selectedAgs: string | null = null;
  private hoveredAgs: string | null = null;
  private frame: number | null = null;
  private readonly scheduleLayout = (): void => {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.layout();
    });
  };

  constructor(private readonly map: maplibregl.Map) {
    map.on('move', this.scheduleLayout);
    map.on('resize', this.scheduleLayout);
  }

  /** Replaces all labels with one per municipality, placed at its `label_point`. */
  setMunicipalities(collection: MunicipalityCollection | null): void {
    for (const label of this.labels) label.marker.remove();
    this.labels = [];
    for (const feature of collection?.features ?? []) {
      const { ags, name, population, label_point } = feature.properties;
      const element = document.createElement('div');
      element.className = 'municipality-label';
      element.textContent = name;
      element.dataset.ags = ags;
      // The selector and the details panel are the accessible way to these names.
      element.setAttribute('aria-hidden', 'true');
      if (population >= MAJOR_POPULATION) element.classList.add('is-major');
      const marker = new maplibregl.Marker({ element, anchor: 'center' }).setLngLat(label_point).addTo(this.map);
      this.labels.push({ ags, population, marker, element, width: 0, height: 0, offsetY: 0 });
    }
    for (const label of this.labels) {
      label.width = label.element.offsetWidth;
      label.height = label.element.offsetHeight;
    }
    this.updateClasses();
    this.layout();
  }

  /** Shows or hides all labels. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.layout();
  }

  /** Emphasises the selected municipality's name and places it first. */
  setSelected(ags: string | null): void {
    this.selectedAgs = ags;
    this.updateClasses();
    this.layout();
  }

  /** Emphasises the hovered municipality's name. */
  setHovered(ags: string | null): void {
    this.hoveredAgs = ags;
    this.updateClasses();
  }

  /** Removes all labels and listeners. */
  destroy(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.map.off('move', this.scheduleLayout);
    this.map.off('resize', this.scheduleLayout);
    for (const label of this.labels) label.marker.remove();
    this.labels = [];
  }

  private updateClasses(): void {
    for (const label of this.labels) {
      label.element.classList.toggle('is-selected', label.ags === this.selectedAgs);
      label.element.classList.toggle('is-hovered', label.ags === this.hoveredAgs);
    }
  }

  /**
   * Shows labels in priority order (selected, then by population) while they do not collide.
   * A label that collides at its point may move one line up or down, which keeps small
   * municipalities between large ones (Hemmingen) labelled in the overview.
   */
  private layout(): void {
    const ordered = [...this.labels].sort(
      (a, b) => Number(b.ags === this.selectedAgs) - Number(a.ags === this.selectedAgs) || b.population - a.population,
    );
    const placed: Box[] = [];
    const canvas = this.map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    for (const label of ordered) {
      const point = this.map.project(label.marker.getLngLat());
      let shownAt: number | null = null;
      for (const dy of [0, -label.height, label.height]) {
        const box: Box = {
          left: point.x - label.width / 2 - LABEL_GAP,
          right: point.x + label.width / 2 + LABEL_GAP,
          top: point.y + dy - label.height / 2 - LABEL_GAP,
          bottom: point.y + dy + label.height / 2 + LABEL_GAP,
        };
        // Only whole labels: a name cut by the map edge reads as a different name.
        const inside = box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height;
        if (this.visible && inside && !placed.some((other) => overlaps(box, other))) {
          placed.push(box);
          shownAt = dy;
          break;
        }
      }
      if (shownAt !== null && shownAt !== label.offsetY) {
        label.offsetY = shownAt;
        label.marker.setOffset([0, shownAt]);
      }
      label.element.classList.toggle('is-hidden', shownAt === null);
    }
  }
}
