/** `npm run conflicts:recompute`: recompute every conflict from the claims and the rules in force. */
import { recordChange, SYSTEM_ACTOR } from '../server/audit/record-change.js';
import { openDatabase } from '../server/db/database.js';
import { consoleProgress } from '../server/db/seed/progress.js';
import { prepareDatabase } from '../server/db/seed/seed.js';
import { loadEnv } from '../server/env.js';
import { lockConflictWrites, detectConflicts } from '../server/routes/conflicts/conflicts.detect.js';
import { loadRules } from '../server/routes/rules/rules.repo.js';

const env = loadEnv();
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
try {
  await prepareDatabase(db, { demo: env.DEMO_DATA, parcels: env.DEMO_PARCELS }, consoleProgress(5));
  const t0 = performance.now();
  const result = await db.transaction(async (tx) => {
    await lockConflictWrites(tx);
    const detected = await detectConflicts(tx, (await loadRules(tx)).rules, 'all', 'Neuberechnung');
    // Logged, and announced to running servers (their live maps and conflict tile caches reload).
    await recordChange(tx, SYSTEM_ACTOR, {
      objectType: 'rules',
      objectId: 1,
      action: 'recomputed',
      summary: `Konflikte neu berechnet: ${detected.created} neu, ${detected.closed} beendet`,
      details: { ...detected },
    });
    return detected;
  });
  console.log(
    `Konflikte neu berechnet in ${(performance.now() - t0).toFixed(0)} ms: ${result.current} bestehend, ` +
      `${result.created} neu, ${result.closed} geschlossen.`,
  );
} finally {
  await db.close();
}
