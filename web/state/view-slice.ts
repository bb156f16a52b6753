/** View slice: what the map currently shows, and camera requests from the UI to the map. */
import type { StateCreator } from 'zustand';
import type { Bbox } from '../api/api-client.js';
import { TILE_LAYER_SPECS } from '../../shared/tiles.js';
import type { AppState } from './app-store.js';

/** Region Hannover, rounded outwards: the initial and "whole region" view. */
export const REGION_BBOX: Bbox = [9.35, 52.15, 10.15, 52.65];

/**
 * Parcels are drawn (and loaded for snapping) from this zoom level on: the parcel tiles' minimum
 * zoom. Our tile sources use MapLibre's 512 px tiles, so map zoom and tile zoom are the same.
 */
export const PARCELS_MIN_ZOOM = TILE_LAYER_SPECS.parcels.minzoom;

/** Extra room to keep free at the map's edges, e.g. for a panel over the map, in CSS pixels. */
export interface FitPadding {
  top?: number;
  right?: number;
  bottom?: number;
  left?: number;
}

/** A request to show `bbox`; `seq` makes repeated requests for the same box distinct. */
export interface FitRequest {
  bbox: Bbox;
  seq: number;
  padding?: FitPadding;
}

/** State and actions of the view slice. */
export interface ViewSlice {
  /** Visible bbox and zoom as last reported by the map (null until the map has loaded). */
  view: { bbox: Bbox | null; zoom: number };
  fitRequest: FitRequest | null;
  /** Called by the map controller after every move. */
  setView(bbox: Bbox, zoom: number): void;
  /** Asks the map to fit `bbox`, optionally keeping `padding` free. */
  requestFit(bbox: Bbox, padding?: FitPadding): void;
}

/** Creates the view slice. */
export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: { bbox: null, zoom: 0 },
  fitRequest: null,
  setView: (bbox, zoom) => set({ view: { bbox, zoom } }),
  requestFit: (bbox, padding) =>
    set((state) => ({ fitRequest: { bbox, padding, seq: (state.fitRequest?.seq ?? 0) + 1 } })),
});
