import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../db/seed/csv.js';
import { REFERENCE_DIR } from '../../db/seed/reference-data.js';
import { rectangle25832, toUtm } from '../../testing/geo-fixtures.js';
import { useTestApi } from '../../testing/test-app.js';
import type { IndicatorRow } from './indicators.service.js';

// A Region-wide planner: these tests are about the use cases; who may do them is role-matrix.test.ts.
const api = useTestApi({ user: 'planer' });

interface Table {
  year: number;
  demo: boolean;
  rows: IndicatorRow[];
  region: IndicatorRow;
  notes: string[];
  method: { label: string };
}
const table = async (qs: string) => {
  const res = await api.request(`/api/indicators?${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Table;
};

describe('GET /api/indicators', () => {
  it('2018: the Region’s SuV reads 52,817 ha (±1) and every municipality equals the official figure', async () => {
    const tab = await table('year=2018&scenario=bestand');
    expect(tab.rows).toHaveLength(21);
    expect(Math.abs(tab.region.suv_ha - 52_817)).toBeLessThanOrEqual(1);
    expect(tab.demo).toBe(false);
    const official = parseCsv(await readFile(`${REFERENCE_DIR}municipalities.csv`, 'utf8'));
    for (const o of official) {
      const r = tab.rows.find((x) => x.ags === o.ags)!;
      expect(r.suv_ha, o.name).toBe(Number(o.siedlung_ha) + Number(o.verkehr_ha));
      expect(r.total_ha).toBe(Number(o.flaeche_gesamt_ha));
    }
    const hannover = tab.rows.find((r) => r.ags === '03241001')!;
    expect(hannover.suv_pct).toBeCloseTo(69.7, 1);
    expect(tab.notes.join(' ')).toMatch(/Tagebau/);
  });

  it('later years are Demo-Daten with growth, budgets and a status', async () => {
    const tab = await table('scenario=bestand');
    expect(tab.year).toBeGreaterThan(2018);
    expect(tab.demo).toBe(true);
    expect(tab.region.growth_ha_per_year).toBeGreaterThan(0);
    expect(tab.rows.every((r) => r.status !== null)).toBe(true);
    expect(tab.method.label).toContain('Einwohner');
  });

  it('municipal budgets add up to the Region’s budget (population, area and mixed shares)', async () => {
    for (const qs of ['method=population', 'method=area', 'method=mix&weight=70']) {
      const tab = await table(`year=2020&${qs}`);
      const sum = tab.rows.reduce((s, r) => s + r.budget_ha_per_year, 0);
      expect(sum).toBeCloseTo(tab.region.budget_ha_per_year, 0);
    }
  });

  it('scenario figures change when a claim is adopted', async () => {
    const [x, y] = toUtm(10.0, 52.33); // open land in Lehrte/Sehnde
    const created = await api.request('/api/claims', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'Feature',
        geometry: rectangle25832(x, y, 400, 250),
        properties: {
          title: 'Baugebiet Test',
          use: 'housing',
          proposer: { name: 'Test', type: 'municipality' },
          status: 'proposed',
        },
      }),
    });
    const claim = (await created.json()) as { id: number; properties: { municipalities: string[] } };
    const ags = claim.properties.municipalities[0]!;
    const before = (await table('scenario=beschlossen')).rows.find((r) => r.ags === ags)!;
    const planned = (await table('scenario=geplant')).rows.find((r) => r.ags === ags)!;
    expect(planned.planned_land_take_ha + planned.planned_inner_ha).toBeGreaterThan(
      before.planned_land_take_ha + before.planned_inner_ha,
    );
    for (const [status, v] of [
      ['under_review', 1],
      ['adopted', 2],
    ] as const) {
      const res = await api.request(`/api/claims/${claim.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${v}"` },
        body: JSON.stringify({ properties: { status } }),
      });
      expect(res.status).toBe(200);
    }
    const after = (await table('scenario=beschlossen')).rows.find((r) => r.ags === ags)!;
    const added =
      after.planned_land_take_ha + after.planned_inner_ha - (before.planned_land_take_ha + before.planned_inner_ha);
    expect(added).toBeCloseTo(10, 1);
    expect(after.suv_ha).toBeCloseTo(before.suv_ha + (after.planned_land_take_ha - before.planned_land_take_ha), 2);
  });

  it('rejects unknown scenarios, targets and years naming them', async () => {
    expect((await api.request('/api/indicators?scenario=maybe')).status).toBe(400);
    expect((await api.request('/api/indicators?target=xyz')).status).toBe(400);
    expect((await api.request('/api/indicators?year=1999')).status).toBe(404);
    expect((await api.request('/api/indicators?method=mix&weight=150')).status).toBe(400);
  });
});

describe('GET /api/indicators/:ags and the CSV', () => {
  it('gives the time series of a municipality and of the Region with the target path to 2050', async () => {
    const res = await api.request('/api/indicators/03241011');
    const s = (await res.json()) as {
      name: string;
      series: IndicatorRow[];
      target_path: { year: number; budget_ha_per_year: number }[];
    };
    expect(s.name).toBe('Lehrte');
    expect(s.series[0]!.year).toBe(2018);
    expect(s.series.length).toBeGreaterThan(1);
    expect(s.target_path.at(-1)).toEqual({ year: 2050, budget_ha_per_year: 0 });
    const region = (await (await api.request('/api/indicators/03241')).json()) as { series: IndicatorRow[] };
    expect(Math.abs(region.series[0]!.suv_ha - 52_817)).toBeLessThanOrEqual(1);
    expect((await api.request('/api/indicators/12345678')).status).toBe(400);
  });

  it('exports CSV for German spreadsheets with all rows and the sources', async () => {
    const res = await api.request('/api/indicators.csv?year=2018');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^ags;name;year;total_ha;suv_ha/);
    expect(lines.filter((l) => /^03241/.test(l))).toHaveLength(22);
    expect(text).toContain('Statistische Ämter');
    expect(lines.find((l) => l.startsWith('03241001'))).toContain('69,7');
  });

  it('planning scenarios count only published claims for anonymous readers', async () => {
    const [x, y] = toUtm(9.62, 52.47); // open land in the north-west of the Region
    const res = await api.send('POST', '/api/claims', {
      type: 'Feature',
      geometry: rectangle25832(x, y, 500, 400),
      properties: {
        title: 'Unveröffentlicht',
        use: 'housing',
        proposer: { name: 'Test', type: 'region' },
        status: 'proposed',
      },
    });
    expect(res.status).toBe(201);
    const ags = ((await res.json()) as { properties: { municipalities: string[] } }).properties.municipalities[0]!;
    const internal = (await table('scenario=geplant')).rows.find((r) => r.ags === ags)!;
    const anonymous = (await (await api.anonymous('/api/indicators?scenario=geplant')).json()) as Table;
    const pub = anonymous.rows.find((r) => r.ags === ags)!;
    expect(internal.planned_land_take_ha + internal.planned_inner_ha).toBeGreaterThan(
      pub.planned_land_take_ha + pub.planned_inner_ha + 19,
    );
  });
});
