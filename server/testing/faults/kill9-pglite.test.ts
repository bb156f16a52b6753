/**
 * `kill -9` of the server in the middle of concurrent writes on the embedded database: the data
 * directory opens again (PGlite replays its WAL like PostgreSQL after a crash), every answered write
 * is there with the values sent, nothing is half-written. A real server process and real HTTP; the
 * full run is `npm run load -- --fault kill9` (scripts/load).
 */
import { expect, inject, it } from 'vitest';
import { runLoad } from '../../../scripts/load/load-run.js';
import { allProblems, formatReport } from '../../../scripts/load/report.js';
import { TEST_PARCELS } from '../global-setup.js';

// Runs in the embedded-database pass of `npm test`; the PostgreSQL pass (DATABASE_URL) has no PGlite
// template and would spend ~100 s seeding one for a test that already ran.
it.skipIf(!!process.env.DATABASE_URL)(
  'kill -9 during writes on PGlite: the data directory opens again with every acknowledged write',
  async () => {
    const template = inject('pgliteTemplate') || undefined;
    const result = await runLoad({
      backend: 'pglite',
      planners: 5,
      seconds: 10,
      fault: 'kill9',
      pgliteTemplate: template,
      parcels: template ? TEST_PARCELS : 500,
      soloEdits: 5,
    });
    console.log(formatReport(result));

    expect(result.fault?.kind).toBe('kill9');
    if (result.fault?.kind !== 'kill9') return;
    // The kill hit the load: requests went unanswered, and PostgreSQL inside PGlite saw an unclean stop.
    expect(result.requests.some((r) => r.status === 0)).toBe(true);
    expect(result.fault.recoveryLog.join('\n')).toMatch(/not properly shut down|automatic recovery/);
    expect(result.ledger.acked).toBeGreaterThan(10);
    // Writes on both sides of the kill were acknowledged and are there.
    const { killedAt, upAt } = result.fault;
    const acked = result.writes.filter((w) => w.outcome === 'acked').map((w) => w.at);
    expect(acked.some((at) => at < killedAt)).toBe(true);
    expect(acked.some((at) => at > upAt)).toBe(true);
    expect(allProblems(result)).toEqual([]);
  },
  300_000,
);
