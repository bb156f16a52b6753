/**
 * Deterministic synthetic "Demo-Daten" for Region Hannover: parcel cells, their land use and constraint areas.
 * Pure functions (no I/O, no clock, no Math.random); all geometry in EPSG:25832 metres unless stated otherwise.
 */
export * from './anchors.js';
export * from './assign-land-use.js';
export * from './cells.js';
export * from './constraints.js';
export * from './geometry.js';
export * from './parse.js';
export * from './rng.js';
export * from './types.js';
export { buildTowns, settlementIntensity, townRadius, type Town } from './settlement.js';
export * from './claims.js';
export * from './statistics.js';
