/** Client of the conflict rules (`/api/rules`): read them, and replace them as a whole (admin). */
import type { RuleSet } from '../../shared/conflict-rules.js';
import { getJson } from './api-client.js';
import { errorOf, isRecord, issuesOf, sendJson } from './send-json.js';

/** `GET /api/rules`. */
export interface StoredRules {
  rules: RuleSet;
  /** 0 while the defaults are in force. */
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

/** How many conflicts a rule change left current, created and closed. */
export interface Recomputed {
  current: number;
  created: number;
  closed: number;
}

/** Outcome of `PUT /api/rules`. */
export type RulesSaveResult =
  | { ok: true; stored: StoredRules; recomputed: Recomputed }
  | { ok: false; message: string; issues: { path: string; message: string }[] };

/** The rules in force. */
export function fetchRules(signal?: AbortSignal): Promise<StoredRules> {
  return getJson('/api/rules', signal);
}

/** Stores `rules` (the server validates them and recomputes every conflict). */
export async function saveRules(rules: RuleSet): Promise<RulesSaveResult> {
  const outcome = await sendJson('PUT', '/api/rules', rules);
  if (!outcome.ok) return { ok: false, message: outcome.message, issues: [] };
  const { status, body } = outcome;
  if (status >= 200 && status < 300 && isRecord(body) && isRecord(body.rules) && isRecord(body.recomputed)) {
    const { recomputed, ...stored } = body as unknown as StoredRules & { recomputed: Recomputed };
    return { ok: true, stored, recomputed };
  }
  return { ok: false, message: errorOf(status, body).message, issues: issuesOf(body) };
}
