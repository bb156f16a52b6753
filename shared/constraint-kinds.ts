/**
 * Kinds of protected or reserved land (constraint areas). Stable keys.
 * `priority_*` are Vorranggebiete of the Regionales Raumordnungsprogramm (RROP).
 */
export const CONSTRAINT_KINDS = [
  'nature_reserve',
  'landscape_protection',
  'flood_zone',
  'water_protection',
  'priority_nature',
  'priority_wind',
  'priority_extraction',
  'priority_open_space',
  'priority_agriculture',
  'priority_flood',
] as const;

export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

export interface ConstraintKindInfo {
  de: string;
  en: string;
  /** Short German abbreviation used in legends. */
  abbr: string;
  color: string;
}

export const CONSTRAINT_KIND: Record<ConstraintKind, ConstraintKindInfo> = {
  nature_reserve: { de: 'Naturschutzgebiet', en: 'Nature reserve', abbr: 'NSG', color: '#2e7d32' },
  landscape_protection: {
    de: 'Landschaftsschutzgebiet',
    en: 'Landscape protection area',
    abbr: 'LSG',
    color: '#7cb342',
  },
  flood_zone: { de: 'Überschwemmungsgebiet', en: 'Flood zone', abbr: 'ÜSG', color: '#1e88e5' },
  water_protection: { de: 'Wasserschutzgebiet', en: 'Water protection area', abbr: 'WSG', color: '#00acc1' },
  priority_nature: {
    de: 'Vorranggebiet Natur und Landschaft',
    en: 'Priority area nature',
    abbr: 'VR Natur',
    color: '#558b2f',
  },
  priority_wind: {
    de: 'Vorranggebiet Windenergienutzung',
    en: 'Priority area wind energy',
    abbr: 'VR Wind',
    color: '#8e24aa',
  },
  priority_extraction: {
    de: 'Vorranggebiet Rohstoffgewinnung',
    en: 'Priority area mineral extraction',
    abbr: 'VR Rohstoff',
    color: '#8d6e63',
  },
  priority_open_space: {
    de: 'Vorranggebiet Freiraumfunktionen',
    en: 'Priority area open space',
    abbr: 'VR Freiraum',
    color: '#9e9d24',
  },
  priority_agriculture: {
    de: 'Vorbehaltsgebiet Landwirtschaft',
    en: 'Reserved area agriculture',
    abbr: 'VB Landw.',
    color: '#f9a825',
  },
  priority_flood: {
    de: 'Vorranggebiet Hochwasserschutz',
    en: 'Priority area flood protection',
    abbr: 'VR HW',
    color: '#3949ab',
  },
};
