import type { Context } from 'hono';
import { SCENARIOS, type Scenario } from '../../../shared/indicators.js';
import { TARGETS, type BudgetMethod, type Target } from '../../../shared/targets.js';
import type { AppEnv } from '../../app.js';
import { badRequest } from '../../http/errors.js';
import { intParam } from '../../http/query-params.js';
import type { IndicatorQuery } from './indicators.service.js';

function one<T extends string>(c: Context, name: string, allowed: readonly T[], def: T): T {
  const v = c.req.query(name) ?? def;
  if (!(allowed as readonly string[]).includes(v)) {
    throw badRequest(`invalid_${name}`, `${name} muss einer von ${allowed.join(', ')} sein, erhalten: "${v}"`);
  }
  return v as T;
}

/** `scenario`, `target`, `method` (+ `weight` for mix) from the query string, for the request's reader. */
export function indicatorOptions(c: Context<AppEnv>): Omit<IndicatorQuery, 'year'> {
  const scenario = one<Scenario>(c, 'scenario', SCENARIOS, 'bestand');
  const target = one<Target['key']>(
    c,
    'target',
    TARGETS.map((t) => t.key),
    'nds_4',
  );
  const kind = one(c, 'method', ['population', 'area', 'mix'] as const, 'population');
  const method: BudgetMethod =
    kind === 'mix' ? { kind, populationWeight: intParam(c, 'weight', 50, 0, 100) / 100 } : { kind };
  return { scenario, target, method, viewer: c.get('user') };
}

/** The indicator table's query (`year` plus {@link indicatorOptions}); shared by the table, its CSV and the export. */
export function indicatorQueryParams(c: Context<AppEnv>): IndicatorQuery {
  const year = c.req.query('year') === undefined ? undefined : intParam(c, 'year', 2018, 1990, 2100);
  return { year, ...indicatorOptions(c) };
}
