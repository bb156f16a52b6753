/**
 * Ordering of overlapping reloads of one list: an answer is applied when it belongs to a newer
 * request than the answer already shown, so an older answer never replaces a newer one — but a
 * reload started while another is in flight no longer throws the earlier answer away. (Dropping
 * it made a planner's new conflict appear only after the echo of their own save had been fetched
 * too: ~1.1 s instead of ~0.1 s, found by the client benchmark.)
 */
export interface AnswerOrder {
  /** Number a new request. */
  start(): number;
  /** Whether `call`'s answer may be shown now (and, if so, remember it as shown). */
  apply(call: number): boolean;
  /** Whether `call` is the newest request started (for errors and follow-up loads). */
  isLatest(call: number): boolean;
}

export function createAnswerOrder(): AnswerOrder {
  let started = 0;
  let shown = 0;
  return {
    start: () => ++started,
    apply(call) {
      if (call <= shown) return false;
      shown = call;
      return true;
    },
    isLatest: (call) => call === started,
  };
}
