/**
 * Wires a {@link MapController} to the app store: store changes are pushed into the controller,
 * map interaction is written back into the store. This is the only bridge between the two.
 */
import type * as maplibregl from 'maplibre-gl';
import { translator } from '../i18n/messages.js';
import type { AppState, AppStore } from '../state/app-store.js';
import { MapController } from './map-controller.js';

/** Handles exposed on `window` so that browser tests can inspect the rendered map. */
export interface TestHandles {
  map: maplibregl.Map;
  controller: MapController;
  store: AppStore;
}

declare global {
  interface Window {
    __flaechenforum?: TestHandles;
  }
}

function push(controller: MapController, state: AppState, prev: AppState | null): void {
  if (state.locale !== prev?.locale) controller.setTranslate(translator(state.locale));
  if (state.municipalities.data !== prev?.municipalities.data) {
    controller.setMunicipalities(state.municipalities.data);
  }
  if (state.parcels.data !== prev?.parcels.data) controller.setParcels(state.parcels.data);
  if (state.constraints.data !== prev?.constraints.data) {
    controller.setConstraints(state.constraints.data);
  }
  if (state.layers !== prev?.layers) {
    controller.setLayerVisible('municipalities', state.layers.municipalities);
    controller.setLayerVisible('parcels', state.layers.parcels);
    controller.setConstraintKinds(state.layers.constraintKinds);
  }
  controller.setHovered(state.hoveredAgs);
  controller.setSelected(state.selectedAgs);
  if (state.fitRequest && state.fitRequest !== prev?.fitRequest) {
    controller.fitBounds(state.fitRequest.bbox);
  }
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
  });
  push(controller, initial, null);
  const unsubscribe = store.subscribe((state, prev) => push(controller, state, prev));
  window.__flaechenforum = { map: controller.map, controller, store };

  return () => {
    unsubscribe();
    if (window.__flaechenforum?.controller === controller) delete window.__flaechenforum;
    controller.destroy();
  };
}
