import { describe, expect, it } from 'vitest';
import { apiQuery, dashboardHash, DEFAULT_VIEW, parseDashboardHash } from './dashboard-view.js';
import { isDashboardHash } from './route.js';

describe('dashboard hash', () => {
  it('recognises the dashboard routes only', () => {
    expect(isDashboardHash('#/dashboard')).toBe(true);
    expect(isDashboardHash('#/dashboard?year=2018')).toBe(true);
    expect(isDashboardHash('#/dashboard/03241011')).toBe(true);
    expect(isDashboardHash('#/dashboards')).toBe(false);
    expect(isDashboardHash('')).toBe(false);
  });

  it('reads the overview with defaults', () => {
    expect(parseDashboardHash('#/dashboard')).toEqual(DEFAULT_VIEW);
  });

  it('reads a profile with every choice', () => {
    const view = parseDashboardHash(
      '#/dashboard/03241011?year=2018&scenario=geplant&target=de_30x&method=mix&weight=70&ind=budget_use_pct&classes=quantile',
    );
    expect(view).toEqual({
      ags: '03241011',
      year: 2018,
      scenario: 'geplant',
      target: 'de_30x',
      method: 'mix',
      weight: 70,
      indicator: 'budget_use_pct',
      classing: 'quantile',
    });
  });

  it('falls back to defaults for unknown or unmeasurable values', () => {
    const view = parseDashboardHash('#/dashboard/999?year=20x8&scenario=alles&target=nds_sealing_3&weight=150');
    expect(view).toEqual(DEFAULT_VIEW);
  });

  it('writes a hash that reads back to the same view', () => {
    const view = { ...DEFAULT_VIEW, ags: '03241001', year: 2024, method: 'mix' as const, weight: 30 };
    expect(parseDashboardHash(dashboardHash(view))).toEqual(view);
    expect(dashboardHash({ ...DEFAULT_VIEW, ags: '03241' })).toMatch(/^#\/dashboard\?/);
  });

  it('asks the API for the weight only with the mixed method', () => {
    expect(apiQuery({ ...DEFAULT_VIEW, year: 2018 })).toBe('year=2018&scenario=bestand&target=nds_4&method=population');
    expect(apiQuery({ ...DEFAULT_VIEW, method: 'mix', weight: 70 })).toBe(
      'scenario=bestand&target=nds_4&method=mix&weight=70',
    );
  });
});
