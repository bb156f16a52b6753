/**
 * A minimal reader of a server-sent-events response for the tests: it parses the stream as it
 * arrives and waits for the next message that matches.
 */

/** One parsed message (comments and retry-only blocks are skipped). */
export interface SseMessage {
  event: string;
  id: string | undefined;
  data: string;
}

export interface SseReader {
  /** Resolves with the first message, not yet taken, that matches; rejects after `timeoutMs`. */
  next(match?: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Every message received so far. */
  readonly received: readonly SseMessage[];
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  /** Stops reading (closes the connection). */
  cancel(): Promise<void>;
}

function parseBlock(block: string): SseMessage | null {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, id, data: data.join('\n') } : null;
}

/** Starts reading `response`'s body as an event stream. */
export function readSse(response: Response): SseReader {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const received: SseMessage[] = [];
  const taken = new Set<SseMessage>();
  const waiting = new Set<() => void>();
  let text = '';

  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const message = parseBlock(text.slice(0, end));
          text = text.slice(end + 2);
          if (message) received.push(message);
        }
        for (const wake of waiting) wake();
      }
    } catch {
      // Cancelled by the test.
    }
  })();

  return {
    received,
    ended,
    cancel: () => reader.cancel(),
    next(match = () => true, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find((m) => !taken.has(m) && match(m));
          if (!found) return false;
          taken.add(found);
          finish();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no matching event within ${timeoutMs} ms (received ${received.length})`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        if (!check()) waiting.add(check);
      });
    },
  };
}
