import { describe, expect, it } from 'vitest';
import { computeIndicators, spread, sumFigures, sumTakes, type YearFigures } from './indicators.js';
import { budgetShare, budgetStatus, targetRateHaPerDay, TARGETS, yearlyBudgetHa } from './targets.js';

/** A hand-made municipality: 1,000 ha, 200 ha SuV, 10,000 inhabitants. */
const y2018: YearFigures = { totalHa: 1000, suvHa: 200, population: 10_000, demo: false, innerDevelopmentHa: null };
const y2019: YearFigures = { totalHa: 1000, suvHa: 210, population: 10_100, demo: true, innerDevelopmentHa: 5 };

describe('computeIndicators', () => {
  it('computes SuV share, per inhabitant and density by hand', () => {
    const i = computeIndicators(y2018, null);
    expect(i.suv_pct).toBe(20);
    expect(i.suv_m2_per_inhabitant).toBe(200); // 200 ha = 2,000,000 m² / 10,000
    expect(i.density_per_km2).toBe(1000); // 10,000 / 10 km²
    expect(i.growth_ha_per_year).toBeNull();
    expect(i.inner_share_pct).toBeNull();
  });

  it('computes growth per year and day and the inner-development share', () => {
    const i = computeIndicators(y2019, y2018);
    expect(i.growth_ha_per_year).toBe(10);
    expect(i.growth_ha_per_day).toBeCloseTo(10 / 365, 3);
    expect(i.inner_share_pct).toBeCloseTo(33.3, 1); // 5 inner of 15 developed
    expect(i.demo).toBe(true);
  });

  it('adds a scenario’s land take to SuV and reports inner development and solar separately', () => {
    const i = computeIndicators(y2018, null, { landTakeHa: 30, innerHa: 10, solarHa: 7 });
    expect(i.suv_ha).toBe(230);
    expect(i.planned_solar_ha).toBe(7);
    expect(i.inner_share_pct).toBe(25);
  });
});

describe('sums and spread', () => {
  it('sums figures and takes', () => {
    const r = sumFigures([y2018, y2019]);
    expect(r).toMatchObject({ totalHa: 2000, suvHa: 410, population: 20_100, demo: true, innerDevelopmentHa: null });
    expect(
      sumTakes([
        { landTakeHa: 1, innerHa: 2, solarHa: 3 },
        { landTakeHa: 1, innerHa: 0, solarHa: 0 },
      ]),
    ).toEqual({
      landTakeHa: 2,
      innerHa: 2,
      solarHa: 3,
    });
  });

  it('measures the spread between municipalities', () => {
    expect(spread([100, 200, 300])).toMatchObject({ min: 100, max: 300, ratio: 3 });
  });
});

describe('targets and budgets', () => {
  const nds = TARGETS.find((t) => t.key === 'nds_4')!;

  it('falls linearly from the 2030 rate to net zero in 2050', () => {
    expect(targetRateHaPerDay(nds, 2025)).toBe(4);
    expect(targetRateHaPerDay(nds, 2030)).toBe(4);
    expect(targetRateHaPerDay(nds, 2040)).toBe(2);
    expect(targetRateHaPerDay(nds, 2050)).toBe(0);
  });

  it('breaks a budget down so that the parts add up to the whole', () => {
    const parts = [
      { population: 600_000, areaKm2: 200 },
      { population: 400_000, areaKm2: 1800 },
    ];
    const whole = { population: 1_000_000, areaKm2: 2000 };
    for (const method of [{ kind: 'population' }, { kind: 'area' }, { kind: 'mix', populationWeight: 0.7 }] as const) {
      const sum = parts.reduce((s, p) => s + yearlyBudgetHa(nds, 2026, p, method), 0);
      expect(sum).toBeCloseTo(yearlyBudgetHa(nds, 2026, whole, method), 9);
    }
    expect(budgetShare(parts[0]!, whole, { kind: 'population' })).toBe(0.6);
    expect(budgetShare(parts[0]!, whole, { kind: 'area' })).toBe(0.1);
  });

  it('classifies budget use', () => {
    expect(budgetStatus(50, 100)).toBe('within');
    expect(budgetStatus(95, 100)).toBe('near');
    expect(budgetStatus(101, 100)).toBe('over');
  });
});
