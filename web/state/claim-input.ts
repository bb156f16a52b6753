/** Pure helpers between a stored claim and the editable {@link ClaimInput}. */
import type { ClaimFeature } from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import { toSketchGeometry } from './sketch-slice.js';

/** The editable attributes of a stored claim. */
export function inputOf(claim: ClaimFeature): ClaimInput {
  const p = claim.properties;
  return {
    title: p.title,
    use: p.use,
    proposer: { name: p.proposer.name, type: p.proposer.type },
    status: p.status,
    horizon_year: p.horizon_year,
    description: p.description,
  };
}

/** The attributes of `next` that differ from `base` (a PATCH body's `properties`). */
export function diffInput(base: ClaimInput, next: ClaimInput): Partial<ClaimInput> {
  const patch: Partial<ClaimInput> = {};
  if (next.title !== base.title) patch.title = next.title;
  if (next.use !== base.use) patch.use = next.use;
  if (next.proposer.name !== base.proposer.name || next.proposer.type !== base.proposer.type) {
    patch.proposer = { ...next.proposer };
  }
  if (next.status !== base.status) patch.status = next.status;
  if (next.horizon_year !== base.horizon_year) patch.horizon_year = next.horizon_year;
  if (next.description !== base.description) patch.description = next.description;
  return patch;
}

/** True if two geometries have the same coordinates (a one-part MultiPolygon equals its Polygon). */
export function sameGeometry(a: ClaimFeature['geometry'], b: ClaimFeature['geometry']): boolean {
  return a === b || JSON.stringify(toSketchGeometry(a)) === JSON.stringify(toSketchGeometry(b));
}
