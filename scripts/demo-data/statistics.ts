import { createRng } from './rng.js';

/** 2018 figures of one municipality (official), the base of the synthetic years. */
export interface BaseYear {
  ags: string;
  totalHa: number;
  siedlungHa: number;
  verkehrHa: number;
  landwirtschaftHa: number;
  population: number;
}

export interface SyntheticYear {
  ags: string;
  year: number;
  siedlungHa: number;
  verkehrHa: number;
  landwirtschaftHa: number;
  population: number;
  innerDevelopmentHa: number;
}

/**
 * Plausible synthetic land-use statistics for the years after 2018 (Demo-Daten): SuV grows by
 * 0.3–0.9 % a year per municipality (the Region then takes roughly 0.8–1.2 ha a day, near its share
 * of Lower Saxony's recent growth), taken from agriculture; 80 % of it Siedlung, 20 % Verkehr; inner
 * development adds 30–80 % on top of the new land; population grows 0.1–0.6 % a year.
 */
export function generateSyntheticYears(base: BaseYear[], lastYear: number, seed: number): SyntheticYear[] {
  const rng = createRng(seed ^ 0x5747);
  const out: SyntheticYear[] = [];
  for (const b of [...base].sort((a, c) => a.ags.localeCompare(c.ags))) {
    const rate = 0.003 + rng() * 0.006;
    const innerRatio = 0.3 + rng() * 0.5;
    const popRate = 0.001 + rng() * 0.005;
    let { siedlungHa, verkehrHa, landwirtschaftHa, population } = b;
    for (let year = 2019; year <= lastYear; year++) {
      const growth = (siedlungHa + verkehrHa) * rate * (0.8 + rng() * 0.4);
      siedlungHa += growth * 0.8;
      verkehrHa += growth * 0.2;
      landwirtschaftHa -= growth;
      population = Math.round(population * (1 + popRate * (0.5 + rng())));
      out.push({
        ags: b.ags,
        year,
        siedlungHa: round(siedlungHa),
        verkehrHa: round(verkehrHa),
        landwirtschaftHa: round(landwirtschaftHa),
        population,
        innerDevelopmentHa: round(growth * innerRatio),
      });
    }
  }
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;
