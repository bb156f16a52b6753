/** The hash route of the participation page; tiny, so the app shell can import it without the page's chunk. */

/** Hash of the page "Beteiligung verwalten". */
export const PARTICIPATION_HASH = '#/beteiligung';

/** True if `hash` (as in `location.hash`) points to the participation page. */
export function isParticipationHash(hash: string): boolean {
  return hash === PARTICIPATION_HASH || hash.startsWith(`${PARTICIPATION_HASH}/`);
}
