/**
 * Drawing and shape editing with Terra Draw, the only module that knows it. The map reaches Terra
 * Draw through its MapLibre adapter; the app pushes the tool, the sketch and snapping in through
 * the setters and hears back through {@link DrawCallbacks}.
 *
 * Every finished shape is turned into a plain `polygon`-mode feature and edited in Terra Draw's
 * select mode, so undo can put back any earlier polygon without the rectangle or freehand mode's
 * shape rules rejecting it. Undo of a single vertex while drawing is Terra Draw's own (mode level).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawFreehandMode,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { buildSnapIndex, snapPosition, type ScreenProjection, type SnapIndex } from '../geo/snap.js';
import {
  isEditableSketch as isEditable,
  type DrawCommand,
  type DrawTool,
  type SketchGeometry,
} from '../state/sketch-slice.js';
import { drawStyles } from './draw-styles.js';

/** What drawing tells the rest of the app. */
export interface DrawCallbacks {
  /** The shape on screen changed (a vertex placed, the pointer moved, a drag); null: none. */
  onLive(geometry: Polygon | null): void;
  /** Drawing of a new shape started (true) or ended (false). */
  onDrawingChange(drawing: boolean): void;
  /** A new shape was finished. */
  onFinish(geometry: Polygon): void;
  /** One edit of the sketch finished (vertex moved, inserted or deleted, shape moved). */
  onEdit(geometry: Polygon): void;
}

type FeatureId = string | number;
const DRAW_MODES = new Set<string>(['polygon', 'rectangle', 'freehand']);

/** Decimals kept in drawn coordinates: 1e-7° is about 1 cm here. */
const PRECISION = 7;
const SCALE = 10 ** PRECISION;

/**
 * `polygon` rounded to {@link PRECISION} decimals. Terra Draw leaves pointer positions unrounded
 * but refuses features with more decimals than its precision when they are added or updated.
 */
function rounded(polygon: Polygon): Polygon {
  return {
    type: 'Polygon',
    coordinates: polygon.coordinates.map((ring) =>
      ring.map((p) => [Math.round(p[0]! * SCALE) / SCALE, Math.round(p[1]! * SCALE) / SCALE]),
    ),
  };
}

/** Owns one Terra Draw instance on a MapLibre map. */
export class DrawController {
  private draw: TerraDraw | null = null;
  private tool: DrawTool = 'select';
  private sketch: SketchGeometry | null = null;
  private sketchId: FeatureId | null = null;
  private snapping = true;
  private snapIndex: SnapIndex = buildSnapIndex([]);
  private drawing = false;
  private lastCommandSeq = 0;
  private reconciling = false;
  private reconcileAgain = false;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly callbacks: DrawCallbacks,
  ) {}

  /** Starts Terra Draw; call once the map style has loaded. */
  start(): void {
    const snapping = { toCustom: this.snapToParcels };
    const editFlags = {
      feature: {
        draggable: true,
        coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping },
      },
    };
    const styles = drawStyles();
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, coordinatePrecision: PRECISION }),
      modes: [
        new TerraDrawPolygonMode({
          snapping,
          pointerDistance: 20,
          keyEvents: { cancel: null, finish: 'Enter' },
          styles: styles.polygon,
        }),
        new TerraDrawRectangleMode({
          drawInteraction: 'click-move-or-drag',
          keyEvents: { cancel: null, finish: 'Enter' },
          styles: styles.rectangle,
        }),
        new TerraDrawFreehandMode({
          drawInteraction: 'click-move-or-drag',
          keyEvents: { cancel: null, finish: 'Enter' },
          styles: styles.freehand,
        }),
        new TerraDrawSelectMode({
          flags: { polygon: editFlags },
          allowManualDeselection: false,
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          styles: styles.select,
        }),
      ],
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
    });
    this.draw.start();
    this.draw.on('change', this.onChange);
    this.draw.on('finish', this.onFinish);
    const sketch = this.sketch;
    this.sketch = null;
    this.setSketch(sketch);
    this.reconcile();
  }

  /** Switches the tool. Drawing tools are only offered while there is no sketch. */
  setTool(tool: DrawTool): void {
    if (tool === this.tool) return;
    this.tool = tool;
    this.reconcile();
  }

  /** Shows `geometry` as the editable sketch (null: none). Skips the geometry it reported itself. */
  setSketch(geometry: SketchGeometry | null): void {
    if (geometry === this.sketch) return;
    this.sketch = geometry;
    const draw = this.draw;
    if (!draw) return;
    if (!isEditable(geometry)) {
      this.removeSketchFeature();
    } else if (this.sketchId !== null && draw.hasFeature(this.sketchId)) {
      try {
        draw.updateFeatureGeometry(this.sketchId, rounded(geometry));
      } catch {
        // Terra Draw refused the shape for its current mode; put it in afresh.
        this.removeSketchFeature();
        this.addSketchFeature(geometry);
      }
    } else {
      this.addSketchFeature(geometry);
    }
    this.reconcile();
  }

  /** Switches snapping to parcel edges and vertices on or off. */
  setSnapping(on: boolean): void {
    this.snapping = on;
  }

  /** The polygons to snap to (the loaded parcels). */
  setSnapTargets(features: readonly Feature<Polygon | MultiPolygon | null>[]): void {
    this.snapIndex = buildSnapIndex(features);
  }

  /** Runs an undo, redo or cancel of the shape being drawn. */
  runCommand(command: DrawCommand): void {
    if (command.seq === this.lastCommandSeq || !this.draw) return;
    this.lastCommandSeq = command.seq;
    const draw = this.draw;
    if (command.type === 'cancel') {
      // Restarting the mode drops the unfinished shape.
      draw.setMode(draw.getMode());
      this.callbacks.onLive(null);
      this.reportDrawing();
    } else if (command.type === 'undo') {
      draw.undo();
    } else {
      draw.redo();
    }
  }

  /** Stops Terra Draw and removes its layers. */
  destroy(): void {
    this.draw?.stop();
    this.draw = null;
  }

  /**
   * Puts Terra Draw into the mode that fits the tool and the sketch. Terra Draw fires change events
   * while it switches, and the store may push back in; such a nested call only asks for one more
   * pass instead of switching modes inside Terra Draw's own switch.
   */
  private reconcile(): void {
    const draw = this.draw;
    if (!draw) return;
    if (this.reconciling) {
      this.reconcileAgain = true;
      return;
    }
    this.reconciling = true;
    try {
      do {
        this.reconcileAgain = false;
        let mode: string = this.tool;
        if (this.tool === 'select') mode = this.sketchId !== null ? 'select' : 'static';
        if (draw.getMode() !== mode) draw.setMode(mode);
        if (mode === 'select' && this.sketchId !== null) {
          const feature = draw.getSnapshotFeature(this.sketchId);
          if (feature && !feature.properties.selected) draw.selectFeature(this.sketchId);
        }
      } while (this.reconcileAgain);
    } finally {
      this.reconciling = false;
    }
    this.reportDrawing();
  }

  private addSketchFeature(geometry: Polygon): void {
    const draw = this.draw!;
    const id = draw.getFeatureId();
    const feature = {
      id,
      type: 'Feature',
      geometry: rounded(geometry),
      properties: { mode: 'polygon' },
    } as GeoJSONStoreFeatures;
    const [result] = draw.addFeatures([feature]);
    this.sketchId = result?.valid ? id : null;
  }

  private removeSketchFeature(): void {
    const draw = this.draw;
    const id = this.sketchId;
    // Forget the id first: leaving select mode fires change events for it that are no edits.
    this.sketchId = null;
    if (draw && id !== null && draw.hasFeature(id)) {
      if (draw.getMode() === 'select') draw.setMode('static');
      draw.removeFeatures([id]);
    }
  }

  private reportDrawing(): void {
    const drawing = this.draw?.getModeState() === 'drawing';
    if (drawing === this.drawing) return;
    this.drawing = drawing;
    this.callbacks.onDrawingChange(drawing);
  }

  private polygonOf(id: FeatureId): Polygon | null {
    const feature = this.draw?.getSnapshotFeature(id);
    return feature?.geometry.type === 'Polygon' ? rounded(feature.geometry as Polygon) : null;
  }

  private readonly onChange = (ids: FeatureId[], type: string): void => {
    const draw = this.draw;
    if (!draw) return;
    if (draw.getModeState() === 'drawing') {
      for (const id of ids) {
        const feature = type === 'delete' ? undefined : draw.getSnapshotFeature(id);
        if (feature?.geometry.type === 'Polygon' && DRAW_MODES.has(String(feature.properties.mode))) {
          this.callbacks.onLive(feature.geometry as Polygon);
          break;
        }
      }
    } else if (this.sketchId !== null && type === 'update' && ids.includes(this.sketchId)) {
      this.callbacks.onLive(this.polygonOf(this.sketchId));
    }
    this.reportDrawing();
  };

  private readonly onFinish = (id: FeatureId, context: { action: string }): void => {
    if (context.action === 'draw') {
      const geometry = this.polygonOf(id);
      // Terra Draw is still inside its own event handling; re-create the feature right after.
      setTimeout(() => this.adoptFinishedShape(id, geometry), 0);
      return;
    }
    if (id !== this.sketchId) return;
    const geometry = this.polygonOf(id);
    if (!geometry) return;
    this.sketch = geometry;
    this.callbacks.onEdit(geometry);
  };

  /** Replaces the just-drawn feature by the sketch: the store opens it and pushes it back in. */
  private adoptFinishedShape(id: FeatureId, geometry: Polygon | null): void {
    const draw = this.draw;
    if (!draw) return;
    if (draw.hasFeature(id)) draw.removeFeatures([id]);
    this.reportDrawing();
    if (geometry) this.callbacks.onFinish(geometry);
  }

  /** Terra Draw's custom snapping (`SnapToCustom`): the nearest parcel vertex or edge within 10 px. */
  private readonly snapToParcels = (
    event: { containerX: number; containerY: number },
    context: ScreenProjection,
  ): Position | undefined => {
    if (!this.snapping) return undefined;
    const hit = snapPosition(this.snapIndex, { x: event.containerX, y: event.containerY }, context);
    return hit ? (hit.position as Position) : undefined;
  };
}
