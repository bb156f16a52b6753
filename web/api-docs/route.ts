/**
 * The hash route of the API reference. Kept tiny: the app shell imports it, the page loads as a
 * chunk of its own. `#/api/<operationId>` opens one operation.
 */

/** Hash of the API reference page. */
export const API_DOCS_HASH = '#/api';

/** True if `hash` (as in `location.hash`) points to the API reference. */
export function isApiDocsHash(hash: string): boolean {
  return hash === API_DOCS_HASH || hash.startsWith(`${API_DOCS_HASH}/`);
}

/** The operationId of a deep link `#/api/<operationId>`, or null. */
export function operationOfHash(hash: string): string | null {
  if (!hash.startsWith(`${API_DOCS_HASH}/`)) return null;
  const id = decodeURIComponent(hash.slice(API_DOCS_HASH.length + 1));
  return id === '' ? null : id;
}

/** The deep link of an operation. */
export const operationHash = (operationId: string) => `${API_DOCS_HASH}/${encodeURIComponent(operationId)}`;
