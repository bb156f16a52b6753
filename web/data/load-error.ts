/** Turns anything a loader caught into the {@link LoadError} the UI shows. */
import { ApiRequestError } from '../api/api-client.js';
import type { LoadError } from '../state/data-slice.js';

/** Maps a caught value to a LoadError; unknown values count as network failures. */
export function toLoadError(error: unknown): LoadError {
  if (error instanceof ApiRequestError) {
    return { kind: error.kind, message: error.message, status: error.status };
  }
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}
