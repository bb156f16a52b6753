/**
 * The hash route of the audit log page. Kept tiny: the app shell imports it, the page itself loads
 * as a chunk of its own.
 */

/** Hash of the audit log page; its filters follow as a query string. */
export const AUDIT_HASH = '#/protokoll';

/** True if `hash` (as in `location.hash`) points to the audit log page. */
export function isAuditHash(hash: string): boolean {
  return hash === AUDIT_HASH || hash.startsWith(`${AUDIT_HASH}?`);
}
