/**
 * Optimistic locking at the HTTP edge: the expected version of a write comes from `If-Match` and/or
 * a `version` member of the body. One place for every resource (claims, conflicts, notes, phases, rounds).
 */
import { ApiException, badRequest } from './errors.js';
import { INT4_MAX } from '../../shared/ids.js';

/** Parse an If-Match value (`"3"`, `W/"3"` or `3`) into a version number. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m || Number(m[1]) > INT4_MAX) {
    throw badRequest('invalid_if_match', `If-Match muss die Version als "N" enthalten, erhalten: ${header}`);
  }
  return Number(m[1]);
}

/**
 * The expected version from If-Match and/or the body's version (named `field` in messages; null when
 * the body has none); 400 when they disagree, 428 when neither is given.
 */
export function expectedVersion(
  ifMatch: number | undefined,
  bodyVersion: number | undefined,
  field: string | null = 'version',
): number {
  if (ifMatch !== undefined && bodyVersion !== undefined && ifMatch !== bodyVersion) {
    throw badRequest('version_mismatch', `If-Match (${ifMatch}) und ${field} (${bodyVersion}) widersprechen sich`);
  }
  const expected = ifMatch ?? bodyVersion;
  if (expected === undefined) {
    throw new ApiException(
      428,
      'version_required',
      `Die erwartete Version fehlt: Header If-Match: "N"${field ? ` oder ${field}` : ''} angeben`,
    );
  }
  return expected;
}
