/**
 * The hash routes of conflict rounds. Kept tiny: the app shell imports it, the pages load as a
 * chunk of their own.
 */

/** The list of rounds; `/neu` the agenda builder, `/<id>` the meeting, `/<id>/protokoll` the minutes. */
export const ROUNDS_HASH = '#/konfliktrunde';

/** Which rounds page a hash shows. */
export type RoundsPage =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'agenda'; id: number }
  | { page: 'meeting'; id: number }
  | { page: 'minutes'; id: number };

/** True if `hash` (as in `location.hash`) points into the conflict rounds. */
export function isRoundsHash(hash: string): boolean {
  return hash === ROUNDS_HASH || hash.startsWith(`${ROUNDS_HASH}/`);
}

/** The page of a rounds hash; unknown paths fall back to the list. */
export function parseRoundsHash(hash: string): RoundsPage {
  const [first, second] = hash.slice(ROUNDS_HASH.length + 1).split('/');
  if (first === 'neu') return { page: 'new' };
  const id = Number(first);
  if (!first || !Number.isInteger(id) || id < 1) return { page: 'list' };
  if (second === 'protokoll') return { page: 'minutes', id };
  if (second === 'tagesordnung') return { page: 'agenda', id };
  return { page: 'meeting', id };
}

/** The hash of a rounds page. */
export function roundsHash(page: RoundsPage): string {
  switch (page.page) {
    case 'list':
      return ROUNDS_HASH;
    case 'new':
      return `${ROUNDS_HASH}/neu`;
    case 'agenda':
      return `${ROUNDS_HASH}/${page.id}/tagesordnung`;
    case 'meeting':
      return `${ROUNDS_HASH}/${page.id}`;
    case 'minutes':
      return `${ROUNDS_HASH}/${page.id}/protokoll`;
  }
}
