/** Wire contract of change events (audit log rows and the live stream GET /api/events). */

export const AUDIT_OBJECT_TYPES = [
  'claim',
  'conflict',
  'rules',
  'annotation',
  'participation',
  'conflict_round',
  'import',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/** One change as pushed to browsers: enough to know what to reload, nothing confidential. */
export interface ChangeEvent {
  /** Audit log id: increasing, usable as SSE `id` / Last-Event-ID. */
  id: number;
  at: string;
  objectType: AuditObjectType;
  objectId: string;
  action: string;
  /** Display name of who acted. */
  actor: string;
}

/** One audit log entry as the API returns it. */
export interface AuditEntry extends ChangeEvent {
  actorId: number | null;
  summary: string;
  details: Record<string, unknown> | null;
}
