/**
 * Simple spam limits for comments of the public role: a burst limit and no repeated text. Pure:
 * the caller passes the author's recent notes (deleted ones included, so deleting does not reset
 * the count).
 */

/** At most {@link BURST_MAX} notes within {@link BURST_WINDOW_MS}. */
export const BURST_MAX = 10;
export const BURST_WINDOW_MS = 10 * 60_000;
/** The same text may not be posted twice within {@link REPEAT_WINDOW_MS}. */
export const REPEAT_WINDOW_MS = 60 * 60_000;

/** One of the author's earlier notes. */
export interface RecentNote {
  body: string;
  createdAt: Date;
}

export type SpamVerdict = { ok: true } | { ok: false; reason: 'too_many' | 'repeated'; message: string };

/** Normalised for comparison: case and runs of whitespace do not make a text new. */
function comparable(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}

/** Whether a new note with `body` at `now` stays within the limits, given the author's `recent` notes. */
export function checkSpamLimits(recent: readonly RecentNote[], body: string, now: Date): SpamVerdict {
  const age = (n: RecentNote) => now.getTime() - n.createdAt.getTime();
  const inBurst = recent.filter((n) => age(n) < BURST_WINDOW_MS).length;
  if (inBurst >= BURST_MAX) {
    return {
      ok: false,
      reason: 'too_many',
      message: `Sie haben in den letzten ${BURST_WINDOW_MS / 60_000} Minuten bereits ${BURST_MAX} Notizen geschrieben. Bitte warten Sie einige Minuten.`,
    };
  }
  const text = comparable(body);
  if (recent.some((n) => age(n) < REPEAT_WINDOW_MS && comparable(n.body) === text)) {
    return {
      ok: false,
      reason: 'repeated',
      message: 'Diesen Text haben Sie in der letzten Stunde schon einmal geschrieben.',
    };
  }
  return { ok: true };
}
