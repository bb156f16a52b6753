/** Uses a planning claim can propose. Stable keys. */
export const CLAIM_USES = [
  'housing',
  'commercial',
  'mixed',
  'wind',
  'solar',
  'nature',
  'agriculture',
  'flood_retention',
  'extraction',
  'transport',
  'recreation',
] as const;

export type ClaimUse = (typeof CLAIM_USES)[number];

export const CLAIM_USE: Record<ClaimUse, { de: string; en: string; color: string }> = {
  housing: { de: 'Wohnen', en: 'Housing', color: '#d32f2f' },
  commercial: { de: 'Gewerbe', en: 'Commerce', color: '#7b1fa2' },
  mixed: { de: 'Gemischte Bebauung', en: 'Mixed development', color: '#ef6c00' },
  wind: { de: 'Windenergie', en: 'Wind energy', color: '#0288d1' },
  solar: { de: 'Freiflächen-Photovoltaik', en: 'Solar park', color: '#fbc02d' },
  nature: { de: 'Naturschutz', en: 'Nature protection', color: '#388e3c' },
  agriculture: { de: 'Landwirtschaft', en: 'Agriculture', color: '#9e9d24' },
  flood_retention: { de: 'Hochwasserrückhalt', en: 'Flood retention', color: '#1565c0' },
  extraction: { de: 'Rohstoffabbau', en: 'Mineral extraction', color: '#6d4c41' },
  transport: { de: 'Verkehr', en: 'Transport', color: '#546e7a' },
  recreation: { de: 'Erholung', en: 'Recreation', color: '#00897b' },
};
