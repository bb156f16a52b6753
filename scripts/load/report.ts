/** Figures of a load run and their printed form (German labels in the summary, as the product speaks). */
import os from 'node:os';
import { quantile } from '../bench/stats.js';
import type { FaultReport } from './faults.js';
import type { InvariantReport } from './invariants.js';
import type { LedgerCheck, Op, RequestRecord, WriteRecord } from './ledger.js';

export interface LatencyRow {
  op: Op | 'patch (allein)' | 'UPDATE bare';
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadResult {
  backend: string;
  planners: number;
  /** Load phase wall time, s. */
  seconds: number;
  /** The load phase in ms since the run started (pool set-up before it, read-back after it). */
  window: { from: number; to: number };
  requests: RequestRecord[];
  writes: WriteRecord[];
  /** Sequential PATCHes of one planner after the load (uncontended), ms. */
  soloPatchMs: number[];
  /** The database's bare UPDATE, ms. */
  bareUpdateMs: number[];
  ledger: LedgerCheck;
  invariants: InvariantReport;
  fault: FaultReport | null;
  /** Problems of the run itself (unexpected statuses, slow recovery, a failed clean stop). */
  runProblems: string[];
  /** Lines of the server's log that speak of errors (the last server process). */
  serverLog: string[];
  /** 1-minute load average at start and end, and CPU count. */
  machine: { loadStart: number; loadEnd: number; cpus: number };
  startupMs: number;
}

/** Problems that mean a lost, torn or wrongly answered write, or a failed recovery. */
export const writeProblems = (r: LoadResult) => [...r.runProblems, ...r.ledger.problems, ...r.invariants.problems];

/** Every problem of the run, conflict differences included. */
export const allProblems = (r: LoadResult) => [...writeProblems(r), ...r.invariants.conflicts];

export function latency(op: LatencyRow['op'], ms: number[]): LatencyRow {
  return { op, n: ms.length, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), p99: quantile(ms, 0.99) };
}

/** Requests by answer: 2xx, 409, 503, no answer, and every other status. */
export function statusCounts(requests: RequestRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) {
    const key = r.status === 0 ? 'keine Antwort' : r.status >= 200 && r.status < 300 ? '2xx' : String(r.status);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

export const loadAverage = () => os.loadavg()[0]!;

const f1 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(1));

/** The printed report. */
export function formatReport(r: LoadResult): string {
  const inWindow = (at: number) => at >= r.window.from && at < r.window.to;
  const load = r.requests.filter((q) => q.op !== 'verify' && q.op !== 'login' && inWindow(q.at));
  const writes = r.writes.filter((w) => inWindow(w.at));
  const acked = writes.filter((w) => w.outcome === 'acked').length;
  const stale = writes.filter((w) => w.outcome === 'stale').length;
  const deliberate = writes.filter((w) => w.deliberateStale);
  const deliberate409 = deliberate.filter((w) => w.outcome === 'stale').length;
  const inDoubt = writes.filter((w) => w.outcome === 'in-doubt').length;
  const unsent = writes.filter((w) => w.outcome === 'unsent').length;
  const rows: LatencyRow[] = (['get', 'patch', 'create', 'login'] as const).map((op) =>
    latency(
      op,
      r.requests.filter((q) => q.op === op && q.status !== 0 && (op === 'login' || inWindow(q.at))).map((q) => q.ms),
    ),
  );
  rows.push(latency('patch (allein)', r.soloPatchMs), latency('UPDATE bare', r.bareUpdateMs));
  const patch = rows.find((x) => x.op === 'patch')!;
  const solo = rows.find((x) => x.op === 'patch (allein)')!;
  const bare = rows.find((x) => x.op === 'UPDATE bare')!;
  const counts = statusCounts(load);
  const lines = [
    `== Lasttest ${r.backend}: ${r.planners} Planer:innen, ${r.seconds.toFixed(1)} s` +
      ` (Last ${r.machine.loadStart.toFixed(1)} → ${r.machine.loadEnd.toFixed(1)} auf ${r.machine.cpus} Kernen; Server bereit nach ${(r.startupMs / 1000).toFixed(1)} s)`,
    `Durchsatz: ${(acked / r.seconds).toFixed(1)} bestätigte Schreibvorgänge/s, ${(load.length / r.seconds).toFixed(1)} Anfragen/s (${load.length} Anfragen)`,
    `Antworten: ${Object.entries(counts)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}`,
    `Schreibvorgänge unter Last: ${writes.length}, davon bestätigt ${acked}, 409 ${stale} (absichtlich veraltet gesendet: ${deliberate.length}, davon 409: ${deliberate409}), ungewiss ${inDoubt} (Verbindung abgebrochen oder 503; davon gespeichert ${r.ledger.inDoubtCommitted}), nicht angekommen ${unsent} (Verbindung abgelehnt)`,
    '',
    '| Vorgang | n | p50 ms | p95 ms | p99 ms |',
    '|---|--:|--:|--:|--:|',
    ...rows.map((x) => `| ${x.op} | ${x.n} | ${f1(x.p50)} | ${f1(x.p95)} | ${f1(x.p99)} |`),
    '',
    `PATCH unter Last / UPDATE bare: p50 ${(patch.p50 / bare.p50).toFixed(1)}×, p95 ${(patch.p95 / bare.p95).toFixed(1)}×;` +
      ` PATCH allein / UPDATE bare: p50 ${(solo.p50 / bare.p50).toFixed(1)}×, p95 ${(solo.p95 / bare.p95).toFixed(1)}×` +
      ' (PATCH = HTTP, Prüfung, Zeilensperre, UPDATE, Historienzeile, Konflikte, Flächeninanspruchnahme, Protokoll in einer Transaktion)',
    `Geprüft: ${r.ledger.claims} Ansprüche, ${r.ledger.versions} Versionen über die API; Datenbank: ${Object.entries(
      r.invariants.facts,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  ];
  if (r.fault?.kind === 'pg-restart') {
    const o = r.fault;
    lines.push(
      `Ausfall PostgreSQL: gestoppt bei ${f1(o.stoppedAt / 1000)} s, wieder da bei ${f1(o.upAt / 1000)} s;` +
        ` /api/health währenddessen ${JSON.stringify(o.healthDown)}; Meldung: ${o.messages.join(' | ') || '–'}`,
      `Erholung nach dem Start: /api/health 200 nach ${f1(o.healthRecoveryMs)} ms, erstes bestätigtes Speichern nach ${f1(o.writeRecoveryMs)} ms, Änderungsereignis (LISTEN) nach ${f1(o.eventRecoveryMs)} ms`,
    );
  }
  if (r.fault?.kind === 'kill9') {
    const k = r.fault;
    lines.push(
      `kill -9 des Servers bei ${f1(k.killedAt / 1000)} s; Neustart bis /api/health 200: ${f1(k.restartMs)} ms` +
        `${k.serverLines.length ? `; Server-Log: ${k.serverLines.join(' / ')}` : '; nichts Auffälliges im Server-Log'}`,
    );
    if (k.recoveryLog.length)
      lines.push(`PGlite-Datenverzeichnis nach kill -9 (Kopie geöffnet): ${k.recoveryLog.join(' / ')}`);
  }
  const problems = allProblems(r);
  if (r.serverLog.length > 0) lines.push(`Server-Log (Fehlerzeilen):\n  ${r.serverLog.join('\n  ')}`);
  lines.push(
    problems.length === 0
      ? 'Ergebnis: alle bestätigten Schreibvorgänge vorhanden, jeder veraltete abgewiesen, Konflikte und Flächeninanspruchnahme wie neu berechnet.'
      : `Ergebnis: ${problems.length} Problem(e):\n  - ${problems.slice(0, 40).join('\n  - ')}${problems.length > 40 ? `\n  … und ${problems.length - 40} weitere` : ''}`,
  );
  return lines.join('\n');
}
