/**
 * Faults on PostgreSQL during concurrent writes, with a real server process over HTTP: the database
 * stopped and started again (a private cluster made for the test, never the machine's main one),
 * and `kill -9` of the server. The full runs are `npm run load -- --backend postgres --fault …`.
 */
import { describe, expect, it } from 'vitest';
import { runLoad, RECOVERY_LIMIT_MS } from '../../../scripts/load/load-run.js';
import { clusterUnsupported } from '../../../scripts/load/pg-cluster.js';
import { allProblems, formatReport } from '../../../scripts/load/report.js';

const databaseUrl = process.env.DATABASE_URL;

describe('PostgreSQL faults during concurrent writes', () => {
  it('database stopped and started: 503 with a German message meanwhile, back within 5 s, no acknowledged write lost', async (ctx) => {
    const unsupported = !databaseUrl ? 'needs DATABASE_URL (the PostgreSQL test run)' : clusterUnsupported();
    ctx.skip(unsupported !== null, `PostgreSQL outage test skipped: ${unsupported}`);
    const result = await runLoad({
      backend: 'postgres',
      planners: 5,
      seconds: 10,
      fault: 'pg-restart',
      downMs: 2_000,
      parcels: 500,
      soloEdits: 5,
    });
    console.log(formatReport(result));

    expect(result.fault?.kind).toBe('pg-restart');
    if (result.fault?.kind !== 'pg-restart') return;
    const o = result.fault;
    expect(o.healthDown['503']).toBeGreaterThan(0);
    expect(o.messages).toEqual([
      'database_unavailable: Die Datenbank ist vorübergehend nicht erreichbar. Bitte gleich erneut versuchen.',
    ]);
    expect(o.healthRecoveryMs).not.toBeNull();
    expect(o.healthRecoveryMs!).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
    expect(o.writeRecoveryMs ?? Infinity).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
    // LISTEN came back too: a stream opened before the outage got an event after it.
    expect(o.eventRecoveryMs ?? Infinity).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
    expect(result.requests.some((r) => r.status === 503 && r.op === 'patch')).toBe(true);
    // Every acknowledged write there, nothing half-written, conflicts and land take as a recompute finds them.
    expect(allProblems(result)).toEqual([]);
  }, 300_000);

  it('kill -9 of the server during writes: every acknowledged write is there, nothing half-written', async (ctx) => {
    ctx.skip(!databaseUrl, 'needs DATABASE_URL (the PostgreSQL test run): the run makes a database of its own there');
    const result = await runLoad({
      backend: 'postgres',
      planners: 5,
      seconds: 10,
      fault: 'kill9',
      serverUrl: databaseUrl,
      parcels: 500,
      soloEdits: 5,
    });
    console.log(formatReport(result));

    expect(result.fault?.kind).toBe('kill9');
    expect(result.requests.some((r) => r.status === 0)).toBe(true);
    expect(result.ledger.acked).toBeGreaterThan(10);
    // Every acknowledged write there, nothing half-written, conflicts and land take as a recompute finds them.
    expect(allProblems(result)).toEqual([]);
  }, 300_000);
});
