/**
 * The result of the live collision preview, without the turf code that computes it
 * (`collisions.ts`, loaded only once a shape is drawn): the store and the map need just this.
 */

/** Ids of the features a shape overlaps, by layer. */
export interface Collisions {
  claims: number[];
  constraints: number[];
}

/** No collisions; a shared constant so that "nothing" compares equal by identity. */
export const NO_COLLISIONS: Collisions = Object.freeze({ claims: [], constraints: [] }) as Collisions;

/** True if both list the same ids in the same order (results come in index order). */
export function sameCollisions(a: Collisions, b: Collisions): boolean {
  const same = (x: number[], y: number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a === b || (same(a.claims, b.claims) && same(a.constraints, b.constraints));
}
