/**
 * Land-use classes of parcels, modelled on the ALKIS "tatsächliche Nutzung" groups.
 * `suv` marks classes that count as Siedlungs- und Verkehrsfläche (SuV) in the official statistics.
 * Keys are stable: tools, tests and the database rely on them.
 */
export const LAND_USE_CLASSES = [
  'residential',
  'industrial_commercial',
  'mixed_use',
  'special_use',
  'recreation',
  'transport',
  'extraction',
  'agriculture',
  'forest',
  'woodland',
  'heath_moor',
  'water',
] as const;

export type LandUseClass = (typeof LAND_USE_CLASSES)[number];

export interface LandUseInfo {
  /** German name as in ALKIS. */
  de: string;
  en: string;
  /** Fill colour for the map legend. */
  color: string;
  /** Counts as Siedlungs- und Verkehrsfläche. */
  suv: boolean;
}

/**
 * Quarries ("Tagebau, Grube, Steinbruch") belong to ALKIS "Siedlung" but the official SuV indicator
 * excludes them, so `extraction` is not SuV.
 */
export const LAND_USE: Record<LandUseClass, LandUseInfo> = {
  residential: { de: 'Wohnbaufläche', en: 'Residential', color: '#e8a09a', suv: true },
  industrial_commercial: { de: 'Industrie und Gewerbe', en: 'Industry and commerce', color: '#b9a3c9', suv: true },
  mixed_use: { de: 'Gemischte Nutzung', en: 'Mixed use', color: '#e9b98a', suv: true },
  special_use: { de: 'Besondere funktionale Prägung', en: 'Special functional use', color: '#d7b7b0', suv: true },
  recreation: { de: 'Sport, Freizeit und Erholung', en: 'Sport, leisure and recreation', color: '#b5dc9a', suv: true },
  transport: { de: 'Verkehr', en: 'Transport', color: '#c9c9c9', suv: true },
  extraction: { de: 'Tagebau, Grube, Steinbruch', en: 'Quarry and extraction', color: '#c8b27c', suv: false },
  agriculture: { de: 'Landwirtschaft', en: 'Agriculture', color: '#f4efc4', suv: false },
  forest: { de: 'Wald', en: 'Forest', color: '#7fb77e', suv: false },
  woodland: { de: 'Gehölz', en: 'Woodland', color: '#a6cf8f', suv: false },
  heath_moor: { de: 'Heide, Moor, Sumpf, Unland', en: 'Heath, moor, swamp, wasteland', color: '#c4b9a0', suv: false },
  water: { de: 'Gewässer', en: 'Water', color: '#9cc7ec', suv: false },
};

/** True if the class counts as Siedlungs- und Verkehrsfläche. */
export function isSuv(cls: LandUseClass): boolean {
  return LAND_USE[cls].suv;
}
