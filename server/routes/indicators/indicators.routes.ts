import type { Context } from 'hono';
import { Hono } from 'hono';
import { INDICATOR_UNITS, REGION_AGS } from '../../../shared/indicators.js';
import type { AppEnv } from '../../app.js';
import { csvDocument } from '../../http/csv.js';
import { badRequest } from '../../http/errors.js';
import { indicatorOptions, indicatorQueryParams } from './indicators.params.js';
import { indicatorSeries, indicatorTable, type IndicatorRow } from './indicators.service.js';

const CSV_COLUMNS: (keyof IndicatorRow)[] = [
  'ags',
  'name',
  'year',
  'total_ha',
  'suv_ha',
  'suv_pct',
  'suv_m2_per_inhabitant',
  'growth_ha_per_year',
  'growth_ha_per_day',
  'inner_share_pct',
  'population',
  'density_per_km2',
  'planned_land_take_ha',
  'planned_inner_ha',
  'planned_solar_ha',
  'budget_ha_per_year',
  'budget_remaining_ha',
  'budget_compared_ha',
  'budget_use_pct',
  'status',
  'demo',
];

/** Land-consumption indicators: table per year and scenario, CSV, time series per municipality. */
export const indicatorRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const table = await indicatorTable(c.get('db'), indicatorQueryParams(c));
    return c.json({ units: INDICATOR_UNITS, ...table });
  })
  .get('/:ags', async (c) => {
    const raw = c.req.param('ags');
    if (raw !== REGION_AGS && !/^03241\d{3}$/.test(raw)) {
      throw badRequest('invalid_ags', `AGS muss 03241 (Region) oder 03241001…03241021 sein, erhalten: "${raw}"`);
    }
    return c.json({ units: INDICATOR_UNITS, ...(await indicatorSeries(c.get('db'), raw, indicatorOptions(c))) });
  });

/** `GET /api/indicators.csv?year=&scenario=…`: the table with the Region row and sources. */
export async function indicatorCsv(c: Context<AppEnv>): Promise<Response> {
  const t = await indicatorTable(c.get('db'), indicatorQueryParams(c));
  const footer = [
    `Flächenforum, Indikatoren ${t.year}, Szenario: ${t.scenario_label}`,
    `Ziel: ${t.target.label}; Budget ${t.method.label}; Vergleich: ${t.comparison}`,
    ...t.notes,
    'Quellen: © Statistische Ämter des Bundes und der Länder (Flächenerhebung 2018, dl-de/by-2-0); © GeoBasis-DE / BKG (2025)',
    `Erstellt: ${new Date().toISOString().slice(0, 10)}`,
  ];
  const body = csvDocument(
    CSV_COLUMNS,
    [...t.rows, t.region].map((r) => CSV_COLUMNS.map((k) => r[k])),
    footer,
    c.req.query('sep') === 'comma',
  );
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="flaechenforum-indikatoren-${t.year}-${t.scenario}.csv"`,
  });
}
