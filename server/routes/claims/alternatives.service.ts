/**
 * "Alternativstandorte": up to five sites for a claim's use and size, in its own or neighbouring
 * municipalities, made of suitable contiguous parcels without high conflicts, ranked and explained.
 */
import { sql } from 'drizzle-orm';
import type { MultiPolygon } from 'geojson';
import { SITE_CRITERIA } from '../../../shared/alternative-sites.js';
import { LAND_USE } from '../../../shared/land-use.js';
import { ruleRows } from '../../../shared/conflict-rules.js';
import type { Queryable } from '../../db/database.js';
import { GRID } from '../../db/sql-fragments.js';
import { pickSites, type CandidateParcel } from '../../domain/pick-sites.js';
import { loadRules } from '../rules/rules.repo.js';
import { findClaim } from './claims.repo.js';
import { claimNotFound } from './claims.service.js';

export interface AlternativeSite {
  rank: number;
  area_ha: number;
  distance_m: number;
  municipalities: string[];
  /** Medium conflicts with constraint areas the site would still have. */
  medium_conflicts: string[];
  explanation: string;
  geometry: MultiPolygon;
}

export interface AlternativesAnswer {
  claim_id: number;
  criteria: string;
  sites: AlternativeSite[];
}

const MAX_CANDIDATES = 30_000;

/** A suggested site has at least this share of the claim's area. */
const MIN_SITE_SHARE = 0.85;

export async function findAlternatives(db: Queryable, id: number): Promise<AlternativesAnswer> {
  const claim = await findClaim(db, id);
  if (!claim || claim.properties.deleted_at) throw claimNotFound(id);
  const { use, area_ha: targetHa } = claim.properties;
  const criteria = SITE_CRITERIA[use];
  const rows = ruleRows((await loadRules(db)).rules);
  const badKinds = rows.useConstraint.filter((r) => r.use === use && r.severity === 'high').map((r) => r.kind);
  const badUses = rows.useUse.filter((r) => r.use_a === use && r.severity === 'high').map((r) => r.use_b);
  const list = (xs: string[]) =>
    xs.length
      ? sql.join(
          xs.map((v) => sql`${v}`),
          sql`, `,
        )
      : sql`null`;

  const candidates = await db.rows<CandidateParcel & { d: number }>(sql`
    with x as (select geom, municipalities, ST_PointOnSurface(geom) as c from planning_claim where id = ${id}),
    search as (
      select m.ags from municipality m, x
      where m.ags = any(x.municipalities)
         or exists (select 1 from municipality n where n.ags = any(x.municipalities) and ST_DWithin(n.geom, m.geom, 1))),
    cand as (
      select p.id, p.geom, p.area_ha, ST_PointOnSurface(p.geom) as pt
      from parcel p, x
      where p.ags in (select ags from search)
        and p.land_use in (${list(criteria.landUse)})
        and not ST_Intersects(p.geom, x.geom)
        and not exists (select 1 from constraint_area k where k.geom && p.geom and k.kind in (${list(badKinds)})
                        and ST_Relate(k.geom, p.geom, 'T********'))
        and not exists (select 1 from planning_claim o where o.id <> ${id} and o.deleted_at is null
                        and o.status not in ('withdrawn', 'rejected') and o.geom && p.geom
                        and o.use in (${list(badUses)}) and ST_Relate(o.geom, p.geom, 'T********'))
        ${criteria.minDistanceToHousingM ? sql`and not exists (select 1 from parcel h where h.land_use in ('residential', 'mixed_use') and ST_DWithin(h.geom, p.geom, ${criteria.minDistanceToHousingM}))` : sql``}
        ${criteria.maxDistanceToSettlementM ? sql`and exists (select 1 from parcel s where s.land_use in ('residential', 'mixed_use', 'industrial_commercial') and ST_DWithin(s.geom, p.geom, ${criteria.maxDistanceToSettlementM}))` : sql``}
      order by ST_Distance(p.geom, x.c)
      limit ${MAX_CANDIDATES})
    select id, ST_X(pt) as x, ST_Y(pt) as y, area_ha as "areaHa",
           ST_ClusterDBSCAN(geom, eps := 0.5, minpoints := 1) over () as cluster, 0 as d
    from cand`);
  const origin = await db.one<{ x: number; y: number }>(
    sql`select ST_X(c) as x, ST_Y(c) as y from (select ST_PointOnSurface(geom) as c from planning_claim where id = ${id}) q`,
  );
  const picked = pickSites(candidates, {
    targetHa,
    origin,
    maxSites: 5,
    minSpacingM: Math.max(500, 2 * Math.sqrt(targetHa * 10_000)),
  });
  const sites: AlternativeSite[] = [];
  for (const site of picked) {
    const row = await db.one<{
      g: string;
      ha: number;
      municipalities: string[];
      medium: string[];
      land_use: string;
    }>(sql`
      with u as (select ST_Union(geom, ${GRID}) as g from parcel
                 where id in (${sql.join(
                   site.parcelIds.map((p) => sql`${p}`),
                   sql`, `,
                 )})),
      -- Large rural parcels overshoot the target; cut the site to a disc of about the claim's size
      -- around the seed (slightly larger, since the disc may reach past the cluster's edge).
      s as (select ST_Multi(ST_CollectionExtract(case when ST_Area(u.g) / 10000.0 > ${targetHa * 1.3}
              then ST_Intersection(u.g, ST_Buffer(ST_SetSRID(ST_MakePoint(${site.seed.x}, ${site.seed.y}), 25832),
                     ${Math.sqrt((targetHa * 1.15 * 10_000) / Math.PI)}, 'quad_segs=8'), ${GRID})
              else u.g end, 3)) as g from u)
      select ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(s.g, 4326)), 6) as g, ST_Area(s.g) / 10000.0 as ha,
        array(select m.name from municipality m where m.geom && s.g and ST_Relate(m.geom, s.g, 'T********') order by m.ags) as municipalities,
        array(select distinct k.name from constraint_area k
              where k.geom && s.g and ST_Relate(k.geom, s.g, 'T********') and k.kind in (${list(
                rows.useConstraint.filter((r) => r.use === use && r.severity === 'medium').map((r) => r.kind),
              )})) as medium,
        (select land_use from parcel where id = ${site.parcelIds[0]!}) as land_use
      from s`);
    // A seed near the edge of its cluster leaves too little inside the disc: not "about the same size".
    if (row.ha < targetHa * MIN_SITE_SHARE) continue;
    sites.push({
      rank: 0,
      area_ha: Math.round(row.ha * 100) / 100,
      distance_m: Math.round(site.distanceM),
      municipalities: row.municipalities,
      medium_conflicts: row.medium,
      explanation: explain(row.ha, row.land_use, row.municipalities, site.distanceM, row.medium, criteria.rationale),
      geometry: JSON.parse(row.g) as MultiPolygon,
    });
  }
  sites.sort((a, b) => a.medium_conflicts.length - b.medium_conflicts.length || a.distance_m - b.distance_m);
  sites.forEach((s, i) => (s.rank = i + 1));
  return { claim_id: id, criteria: criteria.rationale, sites };
}

const de = (n: number, digits: number) =>
  n.toLocaleString('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function explain(
  ha: number,
  landUse: string,
  municipalities: string[],
  distanceM: number,
  medium: string[],
  rationale: string,
): string {
  const lu = LAND_USE[landUse as keyof typeof LAND_USE]?.de ?? landUse;
  const where = municipalities.join(' / ');
  const conflicts =
    medium.length === 0
      ? 'keine hohen oder mittleren Konflikte'
      : `keine hohen Konflikte, mittlere: ${medium.join(', ')}`;
  return `${de(ha, 1)} ha ${lu} in ${where}, ${de(distanceM / 1000, 1)} km vom ursprünglichen Standort; ${conflicts}. Kriterium: ${rationale}.`;
}
