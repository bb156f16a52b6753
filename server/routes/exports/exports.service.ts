/**
 * Exports as use cases: each dataset becomes one {@link EncodableLayer} (what the reader may see,
 * geometry in the export CRS, the provenance note), which a format writer turns into a file.
 */
import type { SessionUser } from '../../../shared/access.js';
import type { AnnotationTargetType } from '../../../shared/annotations.js';
import { provenanceNote, type ExportDataset } from '../../../shared/exports.js';
import type { ExportCrs } from '../../../shared/interop.js';
import type { Queryable } from '../../db/database.js';
import type { EncodableLayer, FieldSpec } from '../../interop/formats/types.js';
import { listAnnotationsForExport } from '../annotations/annotations.repo.js';
import type { ClaimFilter } from '../claims/claims.repo.js';
import type { ConflictFilter } from '../conflicts/conflicts.repo.js';
import { indicatorTable, type IndicatorQuery, type IndicatorRow } from '../indicators/indicators.service.js';
import {
  CLAIM_FIELDS,
  CONFLICT_FIELDS,
  claimFeatures,
  conflictFeatures,
  municipalityBoundaries,
  type ExportFeature,
} from './exports.repo.js';

/** What to export: one dataset with its parsed filters. */
export type ExportRequest =
  | { dataset: 'claims'; filter: ClaimFilter }
  | { dataset: 'conflicts'; filter: ConflictFilter }
  | { dataset: 'annotations'; targetTypes?: AnnotationTargetType[]; viewer: SessionUser | null }
  | { dataset: 'indicators'; query: IndicatorQuery };

/** ASCII layer (table) names per dataset. */
export const LAYER_NAME: Record<ExportDataset, string> = {
  claims: 'flaechenansprueche',
  conflicts: 'konflikte',
  annotations: 'notizen',
  indicators: 'indikatoren',
};

const ANNOTATION_FIELDS: FieldSpec[] = [
  { name: 'id', type: 'integer' },
  { name: 'parent', type: 'integer' },
  { name: 'tgt_type', type: 'string' },
  { name: 'tgt_id', type: 'string' },
  { name: 'author', type: 'string' },
  { name: 'text', type: 'string' },
  { name: 'created', type: 'string' },
  { name: 'updated', type: 'string' },
  { name: 'resolved', type: 'string' },
];

/** Indicator columns of `GET /api/indicators` under names of ≤ 10 characters (dBASE). */
const INDICATOR_COLUMNS: [string, keyof IndicatorRow, FieldSpec['type']][] = [
  ['ags', 'ags', 'string'],
  ['name', 'name', 'string'],
  ['year', 'year', 'integer'],
  ['total_ha', 'total_ha', 'number'],
  ['suv_ha', 'suv_ha', 'number'],
  ['suv_pct', 'suv_pct', 'number'],
  ['suv_m2_inh', 'suv_m2_per_inhabitant', 'number'],
  ['growth_ha', 'growth_ha_per_year', 'number'],
  ['growth_day', 'growth_ha_per_day', 'number'],
  ['inner_pct', 'inner_share_pct', 'number'],
  ['population', 'population', 'integer'],
  ['density', 'density_per_km2', 'number'],
  ['plan_ha', 'planned_land_take_ha', 'number'],
  ['plan_inner', 'planned_inner_ha', 'number'],
  ['plan_solar', 'planned_solar_ha', 'number'],
  ['budget_ha', 'budget_ha_per_year', 'number'],
  ['budget_rem', 'budget_remaining_ha', 'number'],
  ['budget_cmp', 'budget_compared_ha', 'number'],
  ['budget_use', 'budget_use_pct', 'number'],
  ['status', 'status', 'string'],
  ['demo', 'demo', 'boolean'],
];

interface LayerContent {
  fields: FieldSpec[];
  features: ExportFeature[];
  demo: boolean;
  extra?: string[];
}

async function annotationContent(
  db: Queryable,
  req: Extract<ExportRequest, { dataset: 'annotations' }>,
  crs: ExportCrs,
): Promise<LayerContent> {
  const notes = await listAnnotationsForExport(db, undefined, {
    viewer: req.viewer,
    targetTypes: req.targetTypes,
    geometry: crs === 4326 ? { crs, digits: 9 } : { crs, digits: 3 },
  });
  const features = notes.map((n) => ({
    id: n.id,
    geometry: n.geometry,
    properties: {
      id: n.id,
      parent: n.parent_id,
      tgt_type: n.target?.type ?? null,
      tgt_id: n.target?.id ?? null,
      author: n.author,
      text: n.body,
      created: n.created_at,
      updated: n.updated_at,
      resolved: n.resolved_at,
    },
  }));
  const extra = [
    'Geometrie einer Notiz: ihr eigener Kartenpunkt bzw. ihre Fläche; Notizen ohne eigene Geometrie (an Ansprüchen, Konflikten, Gemeinden) haben keine.',
  ];
  return { fields: ANNOTATION_FIELDS, features, demo: false, extra };
}

async function indicatorContent(db: Queryable, query: IndicatorQuery, crs: ExportCrs): Promise<LayerContent> {
  const [table, boundaries] = await Promise.all([indicatorTable(db, query), municipalityBoundaries(db, crs)]);
  const features = table.rows.map((r) => {
    const geometry = boundaries.get(r.ags);
    return {
      id: r.ags,
      geometry: geometry ? (JSON.parse(geometry) as ExportFeature['geometry']) : null,
      properties: Object.fromEntries(INDICATOR_COLUMNS.map(([name, key]) => [name, r[key]])),
    };
  });
  const extra = [
    `Indikatoren ${table.year}, Szenario: ${table.scenario_label}; Ziel: ${table.target.label}; Budget ${table.method.label}; Vergleich: ${table.comparison}`,
    ...table.notes,
  ];
  return {
    fields: INDICATOR_COLUMNS.map(([name, , type]) => ({ name, type })),
    features,
    demo: table.demo,
    extra,
  };
}

async function content(db: Queryable, req: ExportRequest, crs: ExportCrs): Promise<LayerContent> {
  switch (req.dataset) {
    case 'claims': {
      const features = await claimFeatures(db, req.filter, crs);
      return { fields: CLAIM_FIELDS, features, demo: features.some((f) => f.properties.demo === true) };
    }
    case 'conflicts':
      return { fields: CONFLICT_FIELDS, features: await conflictFeatures(db, req.filter, crs), demo: false };
    case 'annotations':
      return annotationContent(db, req, crs);
    case 'indicators':
      return indicatorContent(db, req.query, crs);
  }
}

export interface LayerOptions {
  crs: ExportCrs;
  /** The filters as given in the query, for the provenance note. */
  filters: Record<string, string>;
  /** Leave out features without geometry (formats that cannot hold them), with a warning. */
  geometryRequired: boolean;
  at?: Date;
}

/** The dataset as a layer ready for a format writer, and warnings about what was left out. */
export async function exportLayer(
  db: Queryable,
  req: ExportRequest,
  options: LayerOptions,
): Promise<{ layer: EncodableLayer; warnings: string[] }> {
  const { fields, demo, extra = [], ...rest } = await content(db, req, options.crs);
  let features = rest.features;
  const warnings: string[] = [];
  if (options.geometryRequired) {
    const kept = features.filter((f) => f.geometry !== null);
    const skipped = features.length - kept.length;
    if (skipped > 0) {
      warnings.push(
        `${skipped} Objekte ohne Geometrie sind in diesem Format nicht enthalten (GeoJSON, GeoPackage oder CSV enthalten sie).`,
      );
    }
    features = kept;
  }
  const provenance = provenanceNote({
    dataset: req.dataset,
    at: options.at ?? new Date(),
    filters: options.filters,
    crs: options.crs,
    count: features.length,
    demo,
    extra: [...extra, ...warnings],
  });
  return { layer: { name: LAYER_NAME[req.dataset], crs: options.crs, fields, features, provenance }, warnings };
}
