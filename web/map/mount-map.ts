/**
 * Wires a {@link MapController} and a {@link DrawController} to the app store: store changes are
 * pushed into the controllers, map interaction is written back into the store. This is the only
 * bridge between the two.
 */
import type * as maplibregl from 'maplibre-gl';
import { translator } from '../i18n/messages.js';
import type { AppState, AppStore } from '../state/app-store.js';
import { hasFilters, matchesFilters } from '../state/claims-slice.js';
import { hasConflictFilters, matchesConflictFilters } from '../state/conflict-view.js';
import { loadShapeMetrics } from '../state/sketch-slice.js';
import { attachAnnotationLayers } from './annotation-layers.js';
import type { DrawController } from './draw-controller.js';
import { setDrawReady, setFirstMapShown } from './map-readiness.js';
import { MapController } from './map-controller.js';
import { buildOverlay } from './overlay.js';
import { buildProposal } from './proposal-overlay.js';

/** Handles exposed on `window` so that browser tests can inspect the rendered map. */
export interface TestHandles {
  map: maplibregl.Map;
  controller: MapController;
  /** Null until the drawing tools have loaded (a chunk of their own, after the map). */
  draw: DrawController | null;
  store: AppStore;
}

declare global {
  interface Window {
    __flaechenforum?: TestHandles;
    /**
     * `performance.now()` at the map's first 'idle' with the municipalities drawn (or failed to
     * load): the time to the first rendered map, read by `scripts/bench/client.bench.ts`.
     */
    __ffFirstMapMs?: number;
  }
}

/** True while the state needs the drawing tools: a drawing tool is picked or a shape is open. */
function needsDraw(state: AppState): boolean {
  return state.tool !== 'select' || state.sketch !== null;
}

/** Ids of the claims that pass the panel's filters; null when no filter is set (draw all). */
function filteredClaimIds(state: AppState): number[] | null {
  if (!state.claims.data || !hasFilters(state.filters)) return null;
  return state.claims.data.features.filter((f) => matchesFilters(f, state.filters)).map((f) => f.properties.id);
}

/** Ids of the conflicts the panel lists; null when every conflict is listed (draw all). */
function filteredConflictIds(state: AppState): number[] | null {
  const { conflictFilters: filters, conflictLayer } = state;
  if (!state.conflicts.data || (conflictLayer.showClosed && !hasConflictFilters(filters))) return null;
  return state.conflicts.data.features
    .filter((f) => matchesConflictFilters(f.properties, filters, conflictLayer.showClosed))
    .map((f) => f.properties.id);
}

function pushConflicts(controller: MapController, state: AppState, prev: AppState | null): void {
  const layers = controller.conflicts;
  if (state.conflicts.data !== prev?.conflicts.data) layers.setConflicts(state.conflicts.data);
  if (
    state.conflicts.data !== prev?.conflicts.data ||
    state.conflictFilters !== prev?.conflictFilters ||
    state.conflictLayer !== prev?.conflictLayer
  ) {
    layers.setFilter(filteredConflictIds(state));
  }
  layers.setVisible(state.conflictLayer.visible);
  layers.setStates(state.selectedConflictId, state.hoveredConflictId);
  if (
    state.compromise !== prev?.compromise ||
    state.alternatives !== prev?.alternatives ||
    state.selectedClaimId !== prev?.selectedClaimId ||
    state.sketch !== prev?.sketch
  ) {
    layers.setProposal(buildProposal(state));
  }
}

function pushClaims(
  controller: MapController,
  draw: DrawController | null,
  state: AppState,
  prev: AppState | null,
): void {
  if (state.claims.data !== prev?.claims.data) controller.setClaims(state.claims.data);
  if (state.claims.data !== prev?.claims.data || state.filters !== prev?.filters) {
    controller.setClaimFilter(filteredClaimIds(state));
  }
  // While a compromise is previewed, its remaining and lost parts stand in for the claim itself.
  const previewed = state.compromise?.remote.data && !state.sketch ? state.compromise.claimId : null;
  controller.setClaimStates(state.selectedClaimId, state.sketch?.claim?.properties.id ?? previewed);
  controller.setCollisions(state.collisions);
  controller.setInteractive(state.tool === 'select' && !state.sketch);
  if (
    state.conflict !== prev?.conflict ||
    state.geometryProblem !== prev?.geometryProblem ||
    state.sketch !== prev?.sketch
  ) {
    controller.setOverlay(buildOverlay(state));
  }

  if (!draw) return;
  // The sketch before the tool: a just-finished shape is in place before select mode picks it.
  // While comparing a conflict, the overlay shows my shape (dashed) next to the current one.
  draw.setSketch(state.conflict?.comparing ? null : (state.sketch?.geometry ?? null));
  draw.setTool(state.tool);
  draw.setSnapping(state.snapping);
  if (state.parcels.data !== prev?.parcels.data) draw.setSnapTargets(state.parcels.data?.features ?? []);
  if (state.drawCommand && state.drawCommand !== prev?.drawCommand) draw.runCommand(state.drawCommand);
}

function push(controller: MapController, draw: DrawController | null, state: AppState, prev: AppState | null): void {
  if (state.locale !== prev?.locale) controller.setTranslate(translator(state.locale));
  if (state.municipalities.data !== prev?.municipalities.data) {
    controller.setMunicipalities(state.municipalities.data);
  }
  if (state.layers !== prev?.layers) {
    controller.setLayerVisible('municipalities', state.layers.municipalities);
    controller.setLayerVisible('parcels', state.layers.parcels);
    controller.setConstraintKinds(state.layers.constraintKinds);
  }
  controller.setHovered(state.hoveredAgs);
  controller.setSelected(state.selectedAgs);
  if (state.fitRequest && state.fitRequest !== prev?.fitRequest) {
    controller.fitBounds(state.fitRequest.bbox, state.fitRequest.padding);
  }
  pushConflicts(controller, state, prev);
  pushClaims(controller, draw, state, prev);
}

/** Creates the map in `container` and binds it to `store`; returns a function that undoes both. */
export function mountMap(container: HTMLElement, store: AppStore): () => void {
  const initial = store.getState();
  const controller = new MapController(container, translator(initial.locale), {
    onViewChange: (bbox, zoom) => store.getState().setView(bbox, zoom),
    onHover: (ags) => store.getState().hover(ags),
    onClick: (ags) => {
      if (ags) store.getState().select(ags);
    },
    onClaimClick: (id) => store.getState().selectClaim(id),
    onConflictClick: (id) => store.getState().selectConflict(id),
    onConflictHover: (id) => store.getState().hoverConflict(id),
  });
  attachAnnotationLayers(controller.map, store);
  let draw: DrawController | null = null;
  let destroyed = false;
  let drawRequested = false;

  // Terra Draw and the shape measurement (turf, proj4) are chunks of their own. They load once the
  // first map is drawn, or earlier if a drawing tool is picked or a shape opened, so that they do
  // not hold up the first map; until then the hint under the toolbar says they are loading.
  const loadDraw = (): void => {
    if (drawRequested) return;
    drawRequested = true;
    const modules = Promise.all([import('./draw-controller.js'), loadShapeMetrics()]);
    controller.whenLoaded(() => void modules.then(([{ DrawController }]) => startDraw(DrawController)));
  };
  const startDraw = (DrawControllerClass: typeof DrawController): void => {
    if (destroyed) return;
    draw = new DrawControllerClass(controller.map, {
      onLive: (geometry) => store.getState().setLive(geometry),
      onDrawingChange: (drawing) => store.getState().setDrawing(drawing),
      onFinish: (geometry) => {
        const s = store.getState();
        s.selectClaim(null);
        s.startSketch(geometry, null);
        s.setPanelTab('claims');
      },
      onEdit: (geometry) => store.getState().editSketch(geometry),
    });
    pushClaims(controller, draw, store.getState(), null);
    draw.start();
    // The repair proposal and the problem spot must show above the shape being edited.
    controller.raiseOverlays();
    if (window.__flaechenforum?.controller === controller) window.__flaechenforum.draw = draw;
    setDrawReady(true);
  };
  const onIdle = (): void => {
    const { status } = store.getState().municipalities;
    if (status !== 'ready' && status !== 'error') return;
    controller.map.off('idle', onIdle);
    window.__ffFirstMapMs ??= performance.now();
    setFirstMapShown();
    loadDraw();
  };
  controller.map.on('idle', onIdle);

  // A staged import's overlay is a chunk of its own, loaded with the first preview.
  let importOverlayRequested = false;
  const loadImportOverlay = (): void => {
    importOverlayRequested = true;
    const module = import('./import-overlay.js');
    controller.whenLoaded(
      () => void module.then(({ attachImportOverlay }) => !destroyed && attachImportOverlay(controller.map, store)),
    );
  };

  push(controller, draw, initial, null);
  if (needsDraw(initial)) loadDraw();
  if (initial.importOverlay) loadImportOverlay();
  const unsubscribe = store.subscribe((state, prev) => {
    push(controller, draw, state, prev);
    if (!drawRequested && (needsDraw(state) || state.municipalities.status === 'error')) loadDraw();
    if (!importOverlayRequested && state.importOverlay) loadImportOverlay();
  });
  window.__flaechenforum = { map: controller.map, controller, draw, store };

  return () => {
    destroyed = true;
    setDrawReady(false);
    unsubscribe();
    controller.map.off('idle', onIdle);
    if (window.__flaechenforum?.controller === controller) delete window.__flaechenforum;
    draw?.destroy();
    controller.destroy();
  };
}
