/**
 * Sortable table of all 21 municipalities with the Region as its footer row. A click on a column
 * header sorts by it (again: reverse); the name links to the municipality's profile.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { Scenario } from '../../shared/indicators.js';
import type { DashboardMessageKey } from '../i18n/dashboard.de.js';
import type { Locale, Translate } from '../i18n/messages.js';
import { fmt, fmtHa } from './format.js';
import type { IndicatorRow } from './indicator-types.js';
import { StatusBadge } from './status-bits.js';
import '../i18n/dashboard.texts.js';

type SortKey =
  | 'name'
  | 'suv_ha'
  | 'suv_pct'
  | 'suv_m2_per_inhabitant'
  | 'growth_ha_per_year'
  | 'inner_share_pct'
  | 'population'
  | 'planned_land_take_ha'
  | 'budget'
  | 'budget_use_pct'
  | 'status';

interface Column {
  key: SortKey;
  label: DashboardMessageKey;
  value(row: IndicatorRow): number | string | null;
  cell(row: IndicatorRow): ReactNode;
}

const STATUS_ORDER = { within: 0, near: 1, over: 2 } as const;

function columns(locale: Locale, scenario: Scenario): Column[] {
  const budget = (r: IndicatorRow) => (scenario === 'bestand' ? r.budget_ha_per_year : r.budget_remaining_ha);
  const num = (
    key: Exclude<SortKey, 'name' | 'budget' | 'status'>,
    label: DashboardMessageKey,
    digits: number,
  ): Column => ({
    key,
    label,
    value: (r) => r[key],
    cell: (r) => fmt(locale, r[key], digits),
  });
  return [
    { key: 'name', label: 'dashboard.col.name', value: (r) => r.name, cell: (r) => r.name },
    { key: 'suv_ha', label: 'dashboard.col.suv_ha', value: (r) => r.suv_ha, cell: (r) => fmt(locale, r.suv_ha, 0) },
    num('suv_pct', 'dashboard.col.suv_pct', 1),
    num('suv_m2_per_inhabitant', 'dashboard.col.suv_m2', 0),
    num('growth_ha_per_year', 'dashboard.col.growth', 1),
    num('inner_share_pct', 'dashboard.col.inner', 0),
    num('population', 'dashboard.col.population', 0),
    // What is compared with the budget is growth (bestand) or the planned take, both shown already.
    ...(scenario === 'bestand'
      ? []
      : [
          {
            key: 'planned_land_take_ha',
            label: 'dashboard.col.planned',
            value: (r) => r.planned_land_take_ha,
            cell: (r) => fmtHa(locale, r.planned_land_take_ha),
          } satisfies Column,
        ]),
    { key: 'budget', label: 'dashboard.col.budget', value: budget, cell: (r) => fmtHa(locale, budget(r)) },
    num('budget_use_pct', 'dashboard.col.use', 1),
    {
      key: 'status',
      label: 'dashboard.col.status',
      value: (r) => (r.status === null ? null : STATUS_ORDER[r.status]),
      cell: (r) => <StatusBadge status={r.status} />,
    },
  ];
}

function compare(a: number | string | null, b: number | string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return typeof a === 'string' ? a.localeCompare(String(b), 'de') : a - (b as number);
}

interface Props {
  rows: IndicatorRow[];
  region: IndicatorRow;
  scenario: Scenario;
  locale: Locale;
  t: Translate;
  caption: ReactNode;
  profileHref(ags: string): string;
}

/** The indicator table of one year. */
export function IndicatorTable({ rows, region, scenario, locale, t, caption, profileHref }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 } | null>(null);
  const cols = useMemo(() => columns(locale, scenario), [locale, scenario]);
  const sorted = useMemo(() => {
    const col = sort && cols.find((c) => c.key === sort.key);
    if (!sort || !col) return rows;
    // Missing values stay at the bottom in both directions.
    return [...rows].sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      return va === null || vb === null ? compare(va, vb) : sort.dir * compare(va, vb);
    });
  }, [rows, sort, cols]);

  const onSort = (key: SortKey) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: key === 'name' ? 1 : -1 }));

  return (
    <div className="table-scroll">
      <table className="indicator-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {cols.map((c) => {
              const dir = sort?.key === c.key ? sort.dir : null;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.key === 'name' ? 'is-text' : undefined}
                  aria-sort={dir === null ? undefined : dir === 1 ? 'ascending' : 'descending'}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                    {t(c.label)}
                    <span className="sort-button__mark" aria-hidden="true">
                      {dir === null ? '↕' : dir === 1 ? '▲' : '▼'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.ags} data-ags={r.ags}>
              {cols.map((c) =>
                c.key === 'name' ? (
                  <th key={c.key} scope="row" className="is-text">
                    <a href={profileHref(r.ags)}>{r.name}</a>
                  </th>
                ) : (
                  <td key={c.key} data-col={c.key}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-ags={region.ags}>
            {cols.map((c) =>
              c.key === 'name' ? (
                <th key={c.key} scope="row" className="is-text">
                  {t('dashboard.regionRow')}
                </th>
              ) : (
                <td key={c.key} data-col={c.key}>
                  {c.cell(region)}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
