/**
 * Geographic anchors for demo data generation, as [lon, lat] in EPSG:4326.
 *
 * All coordinates are APPROXIMATE (hand-placed from general knowledge of the area, a few hundred
 * metres off is normal). They only steer the synthetic "Demo-Daten" so that the map looks plausible;
 * they must never be presented as real cadastral, hydrological or planning data.
 */

export type LonLat = [number, number];

/** An ellipse in lon/lat centre with semi-axes in metres; `rotationDeg` turns the `a` axis from east towards north. */
export interface EllipseAnchor {
  name: string;
  centre: LonLat;
  a: number;
  b: number;
  rotationDeg: number;
}

/**
 * The Leine through the Region, upstream to downstream. Starts just south of the Region (Schulenburg), runs north
 * past Laatzen/Hemmingen through Hannover, turns west at Herrenhausen between Garbsen and Seelze to Neustadt am
 * Rübenberge, then bends north-east and leaves the Region at its northern tip (towards the Aller at Schwarmstedt).
 * The ends lie outside the Region so that corridors built along it cross the whole Region.
 */
export const LEINE: LonLat[] = [
  [9.785, 52.16],
  [9.78, 52.19],
  [9.8, 52.218],
  [9.815, 52.245],
  [9.803, 52.275],
  [9.79, 52.3],
  [9.774, 52.322],
  [9.755, 52.34],
  [9.738, 52.357],
  [9.728, 52.372],
  [9.712, 52.387],
  [9.69, 52.398],
  [9.66, 52.403],
  [9.628, 52.405],
  [9.595, 52.408],
  [9.565, 52.427],
  [9.538, 52.45],
  [9.508, 52.472],
  [9.478, 52.492],
  [9.468, 52.51],
  [9.478, 52.535],
  [9.505, 52.562],
  [9.543, 52.585],
  [9.566, 52.62],
  [9.576, 52.66],
  [9.588, 52.71],
];

/** Crest line of the Deister ridge south-west of Hannover (Barsinghausen / Wennigsen / Springe), west to east. */
export const DEISTER_RIDGE: LonLat[] = [
  [9.4, 52.29],
  [9.47, 52.266],
  [9.545, 52.243],
  [9.62, 52.22],
];

/** Steinhuder Meer, about 29 km² (π·4.1 km·2.25 km), in Wunstorf. */
export const STEINHUDER_MEER: EllipseAnchor = {
  name: 'Steinhuder Meer',
  centre: [9.335, 52.465],
  a: 4100,
  b: 2250,
  rotationDeg: -8,
};

/** Raised bog north-east of the Steinhuder Meer, west of Neustadt am Rübenberge. */
export const TOTES_MOOR: EllipseAnchor = {
  name: 'Totes Moor',
  centre: [9.4, 52.507],
  a: 3000,
  b: 2100,
  rotationDeg: 20,
};

/** Further bogs that attract the heath/moor class. */
export const MOORS: EllipseAnchor[] = [
  TOTES_MOOR,
  { name: 'Bissendorfer Moor', centre: [9.69, 52.535], a: 1700, b: 1100, rotationDeg: 30 },
  { name: 'Altwarmbüchener Moor', centre: [9.84, 52.415], a: 1300, b: 900, rotationDeg: 0 },
];

/** Fuhrberger Feld, the large drinking-water catchment north-east of Hannover. */
export const FUHRBERGER_FELD: EllipseAnchor = {
  name: 'Fuhrberger Feld',
  centre: [9.85, 52.55],
  a: 8500,
  b: 5500,
  rotationDeg: 35,
};

/** Eilenriede, Hannover's city forest (~640 ha). */
export const EILENRIEDE: EllipseAnchor = {
  name: 'Eilenriede',
  centre: [9.775, 52.383],
  a: 1850,
  b: 1100,
  rotationDeg: 70,
};

/** Maschsee, the artificial lake south of Hannover's centre (~78 ha, long north–south). */
export const MASCHSEE: EllipseAnchor = { name: 'Maschsee', centre: [9.738, 52.358], a: 1150, b: 215, rotationDeg: 95 };

/**
 * Town centres for municipalities that have no point in places.csv. Burgwedel (03241004) is missing from the
 * GeoNames extract; its core town lies about here. Population from municipalities.csv (EWZ).
 */
export const FALLBACK_TOWNS: Array<{ ags: string; name: string; centre: LonLat; population: number }> = [
  { ags: '03241004', name: 'Burgwedel', centre: [9.8586, 52.4933], population: 20481 },
];
