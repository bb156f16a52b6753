/**
 * SQL of the OGC API – Features service. Which rows a reader gets is decided by the conditions the
 * /api lists use (`claimConditions`, `conflictConditions`, `exportableNote`); the allowlisted filters
 * of ogc.collections.ts add conditions on fixed columns with bound values. Feature collections are
 * assembled as JSON text in PostGIS.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../../shared/access.js';
import type { ClaimUse } from '../../../shared/claim-uses.js';
import type { ClaimStatus } from '../../../shared/claims.js';
import type { Severity } from '../../../shared/conflict-rules.js';
import type { ConflictKind, ConflictStatus } from '../../../shared/conflicts.js';
import { claimPublished } from '../../auth/visibility.js';
import type { Queryable } from '../../db/database.js';
import { isoTime, roundTo } from '../../db/sql-fragments.js';
import { exportableNote } from '../annotations/annotations.repo.js';
import { claimConditions } from '../claims/claims.repo.js';
import { conflictConditions, conflictMunicipalities } from '../conflicts/conflicts.repo.js';
import type { OgcCollectionId } from './ogc.collections.js';
import { CRS84, EPSG_25832, type BboxFilter, type OgcCrs, type TimeWindow } from './ogc.params.js';

type Filters = Record<string, string[]>;

/** How one collection is read: its table, id, geometry, properties, and the rows a reader may get. */
interface Source {
  /** Table and alias; the other members refer to the row by the alias. */
  from: { table: SQL; alias: SQL };
  id: SQL;
  geom: SQL;
  properties: SQL;
  /** Visibility for `viewer` and the property filters; every value bound. */
  where(filters: Filters, viewer: SessionUser | null): SQL[];
  /** The feature's time (an instant when start and end are the same column). */
  time?: { start: SQL; end: SQL };
  /**
   * Extent from the stored EPSG:25832 box, densified and projected: up to ~200 m larger than the
   * projected geometries' box, but without projecting every geometry (seconds for 500k parcels).
   */
  coarseExtent?: boolean;
}

const inList = (column: SQL, values: readonly string[]): SQL =>
  sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** `true`/`false` filter values as a boolean; undefined when both (or none) are asked for. */
function flagOf(values: string[] | undefined): boolean | undefined {
  if (!values || values.includes('true') === values.includes('false')) return undefined;
  return values.includes('true');
}

const SOURCES: Record<OgcCollectionId, Source> = {
  claims: {
    from: { table: sql`planning_claim`, alias: sql.raw('c') },
    id: sql`c.id`,
    geom: sql`c.geom`,
    properties: sql`json_build_object(
      'title', c.title, 'use', c.use, 'status', c.status,
      'proposer_name', c.proposer_name, 'proposer_type', c.proposer_type, 'horizon_year', c.horizon_year,
      'description', c.description, 'area_ha', ${roundTo(sql`c.area_ha`, 4)},
      'municipalities', array_to_string(c.municipalities, ','), 'published', ${claimPublished(sql`c.id`)},
      'version', c.version, 'demo', c.demo,
      'created_at', ${isoTime(sql`c.created_at`)}, 'updated_at', ${isoTime(sql`c.updated_at`)})`,
    where: (f, viewer) => {
      const where = claimConditions({
        use: f.use as ClaimUse[] | undefined,
        status: f.status as ClaimStatus[] | undefined,
        municipality: f.municipality,
        includeDeleted: false,
        viewer,
      })!;
      if (f.proposer_type) where.push(inList(sql`c.proposer_type`, f.proposer_type));
      return where;
    },
    time: { start: sql`c.updated_at`, end: sql`c.updated_at` },
  },
  conflicts: {
    from: { table: sql`conflict`, alias: sql.raw('c') },
    id: sql`c.id`,
    geom: sql`c.geom`,
    properties: sql`json_build_object(
      'kind', c.kind, 'severity', c.severity, 'status', c.status, 'active', c.active,
      'claim_a', c.claim_a, 'claim_b', c.claim_b, 'constraint_id', c.constraint_id,
      'constraint_name', (select k.name from constraint_area k where k.id = c.constraint_id),
      'rule', c.rule, 'reason', c.reason, 'area_ha', ${roundTo(sql`c.area_ha`, 4)},
      'share_a', ${roundTo(sql`c.share_a`, 2)}, 'share_b', ${roundTo(sql`c.share_b`, 2)},
      'distance_m', ${roundTo(sql`c.distance_m`, 1)}, 'justification', c.justification,
      'municipalities', array_to_string(${conflictMunicipalities}, ','),
      'created_at', ${isoTime(sql`c.created_at`)}, 'updated_at', ${isoTime(sql`c.updated_at`)})`,
    where: (f, viewer) =>
      conflictConditions({
        kind: f.kind as ConflictKind[] | undefined,
        severity: f.severity as Severity[] | undefined,
        status: f.status as ConflictStatus[] | undefined,
        municipality: f.municipality,
        active: flagOf(f.active),
        viewer,
      })!,
    time: { start: sql`c.created_at`, end: sql`c.updated_at` },
  },
  annotations: {
    from: { table: sql`annotation`, alias: sql.raw('a') },
    id: sql`a.id`,
    geom: sql`a.geom`,
    properties: sql`json_build_object(
      'body', a.body, 'author', (select u.display_name from app_user u where u.id = a.author_id),
      'resolved', a.resolved_at is not null, 'participation', a.phase_id is not null,
      'created_at', ${isoTime(sql`a.created_at`)}, 'updated_at', ${isoTime(sql`a.updated_at`)})`,
    where: (f, viewer) => {
      const where = [exportableNote(viewer), sql`a.geom is not null`];
      const resolved = flagOf(f.resolved);
      if (resolved !== undefined) where.push(resolved ? sql`a.resolved_at is not null` : sql`a.resolved_at is null`);
      return where;
    },
    time: { start: sql`a.created_at`, end: sql`a.created_at` },
  },
  constraints: {
    from: { table: sql`constraint_area`, alias: sql.raw('k') },
    id: sql`k.id`,
    geom: sql`k.geom`,
    properties: sql`json_build_object('kind', k.kind, 'name', k.name, 'area_ha', ${roundTo(sql`k.area_ha`, 2)},
      'source', k.source, 'demo', k.demo)`,
    where: (f) => (f.kind ? [inList(sql`k.kind`, f.kind)] : []),
  },
  municipalities: {
    from: { table: sql`municipality`, alias: sql.raw('m') },
    id: sql`m.ags`,
    geom: sql`m.geom`,
    properties: sql`json_build_object('ags', m.ags, 'name', m.name, 'official_name', m.official_name,
      'population', m.population, 'population_year', m.population_year,
      'area_ha', ${roundTo(sql`m.area_ha`, 2)}, 'official_area_ha', m.official_area_ha)`,
    where: () => [],
  },
  parcels: {
    from: { table: sql`parcel`, alias: sql.raw('p') },
    id: sql`p.id`,
    geom: sql`p.geom`,
    properties: sql`json_build_object('ags', p.ags, 'land_use', p.land_use,
      'suv', (select l.suv from land_use_class l where l.key = p.land_use),
      'area_ha', ${roundTo(sql`p.area_ha`, 4)}, 'demo', p.demo)`,
    where: (f) => [
      ...(f.land_use ? [inList(sql`p.land_use`, f.land_use)] : []),
      ...(f.ags ? [inList(sql`p.ags`, f.ags)] : []),
    ],
    coarseExtent: true,
  },
};

/**
 * A stored geometry as GeoJSON in the requested CRS: CRS84 (lon/lat, 7 decimals ≈ 1 cm, exterior
 * rings counter-clockwise as RFC 7946 asks), EPSG:4326 (lat/lon, the EPSG axis order) or the stored
 * EPSG:25832 (1 mm). Option 0: no `crs` member inside the geometry; the Content-Crs header says it.
 */
function geometryJson(geom: SQL, crs: OgcCrs): SQL {
  if (crs === EPSG_25832) return sql`ST_AsGeoJSON(${geom}, 3, 0)::json`;
  if (crs === CRS84) return sql`ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(${geom}, 4326)), 7, 0)::json`;
  return sql`ST_AsGeoJSON(ST_FlipCoordinates(ST_Transform(${geom}, 4326)), 7, 0)::json`;
}

function featureJson(s: Source, crs: OgcCrs): SQL {
  return sql`json_build_object('type', 'Feature', 'id', ${s.id},
    'geometry', case when ${s.geom} is null then null else ${geometryJson(s.geom, crs)} end,
    'properties', ${s.properties})`;
}

/** The bbox as an EPSG:25832 polygon; geographic boxes densified so their edges follow the graticule. */
function envelope(b: BboxFilter): SQL {
  const [x0, y0, x1, y1] = b.box;
  return b.srid === 25832
    ? sql`ST_MakeEnvelope(${x0}, ${y0}, ${x1}, ${y1}, 25832)`
    : sql`ST_Transform(ST_Segmentize(ST_MakeEnvelope(${x0}, ${y0}, ${x1}, ${y1}, 4326), 0.01), 25832)`;
}

const timestamp = (ms: number): SQL => sql`${new Date(ms).toISOString()}::timestamptz`;

/** What a page of items is asked for; `bbox: null` is a box outside the service area (nothing matches). */
export interface ItemsQuery {
  filters: Filters;
  viewer: SessionUser | null;
  bbox?: BboxFilter | null;
  datetime?: TimeWindow | null;
  crs: OgcCrs;
  limit: number;
  offset: number;
}

function conditions(s: Source, q: Omit<ItemsQuery, 'crs' | 'limit' | 'offset'>): SQL {
  const where = s.where(q.filters, q.viewer);
  if (q.bbox) {
    // `&&` picks candidates through the spatial index; ST_Intersects keeps those that really meet the box.
    where.push(sql`${s.geom} && ${envelope(q.bbox)} and ST_Intersects(${s.geom}, ${envelope(q.bbox)})`);
  }
  if (q.datetime && s.time) {
    if (q.datetime.from !== null) where.push(sql`${s.time.end} >= ${timestamp(q.datetime.from)}`);
    if (q.datetime.to !== null) where.push(sql`${s.time.start} < ${timestamp(q.datetime.to)}`);
  }
  return where.length > 0 ? sql.join(where, sql` and `) : sql`true`;
}

/** One page of a collection: the features as JSON array text, and how many match in all. */
export async function itemsPage(
  db: Queryable,
  id: OgcCollectionId,
  q: ItemsQuery,
): Promise<{ matched: number; returned: number; features: string }> {
  if (q.bbox === null) return { matched: 0, returned: 0, features: '[]' };
  const s = SOURCES[id];
  const where = conditions(s, q);
  const { table, alias } = s.from;
  // Paging by id with limit/offset: stable while the data rest, and cheap through the primary key.
  // The page's rows are picked first and only then turned into features: in one query level,
  // PostgreSQL would project (and transform) every row the offset skips.
  return db.one(sql`
    select (select count(*)::int from ${table} ${alias} where ${where}) as matched,
      count(*)::int as returned,
      coalesce(json_agg(page.f order by page.k), '[]'::json)::text as features
    from (select ${s.id} as k, ${featureJson(s, q.crs)} as f
          from (select ${alias}.* from ${table} ${alias} where ${where}
                order by ${s.id} limit ${q.limit} offset ${q.offset}) ${alias}) page`);
}

/** One feature as JSON text, or null when it does not exist or the reader may not see it. */
export async function findItem(
  db: Queryable,
  id: OgcCollectionId,
  featureId: number | string,
  viewer: SessionUser | null,
  crs: OgcCrs,
): Promise<string | null> {
  const s = SOURCES[id];
  const rows = await db.rows<{ f: string }>(sql`
    select (${featureJson(s, crs)})::text as f from ${s.from.table} ${s.from.alias}
    where ${conditions(s, { filters: {}, viewer })} and ${s.id} = ${featureId}`);
  return rows[0]?.f ?? null;
}

/** Spatial extent (CRS84) and time span of what `viewer` may see of a collection; nulls when empty. */
export interface Extent {
  bbox: [number, number, number, number] | null;
  interval: [string | null, string | null] | null;
}

/**
 * The extent of a collection as `viewer` sees it, from the data: the box of the geometries after
 * projection (the projected EPSG:25832 box would be up to ~200 m larger here), or for large
 * collections that projected box ({@link Source.coarseExtent}).
 */
export async function collectionExtent(
  db: Queryable,
  id: OgcCollectionId,
  viewer: SessionUser | null,
): Promise<Extent> {
  const s = SOURCES[id];
  const row = await db.one<{
    x0: number | null;
    y0: number | null;
    x1: number | null;
    y1: number | null;
    t0: string | null;
    t1: string | null;
  }>(sql`
    with e as (
      select ${
        s.coarseExtent
          ? sql`ST_Transform(ST_Segmentize(ST_SetSRID(ST_Extent(${s.geom})::geometry, 25832), 500), 4326)`
          : sql`ST_Extent(ST_Transform(${s.geom}, 4326))::geometry`
      } as box,
        ${s.time ? sql`min(${s.time.start})` : sql`null::timestamptz`} as t0,
        ${s.time ? sql`max(${s.time.end})` : sql`null::timestamptz`} as t1
      from ${s.from.table} ${s.from.alias} where ${conditions(s, { filters: {}, viewer })}
    )
    select ST_XMin(box) as x0, ST_YMin(box) as y0, ST_XMax(box) as x1, ST_YMax(box) as y1,
      ${isoTime(sql`t0`)} as t0, ${isoTime(sql`t1`)} as t1
    from e`);
  const out = (v: number, up: boolean) => (up ? Math.ceil(v * 1e6) : Math.floor(v * 1e6)) / 1e6;
  return {
    bbox: row.x0 === null ? null : [out(row.x0, false), out(row.y0!, false), out(row.x1!, true), out(row.y1!, true)],
    interval: s.time ? [row.t0, row.t1] : null,
  };
}
