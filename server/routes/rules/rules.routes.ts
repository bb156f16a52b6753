import { Hono } from 'hono';
import { validateRuleSet } from '../../../shared/conflict-rules.schema.js';
import { mayEditRules } from '../../../shared/access.js';
import type { AppEnv } from '../../app.js';
import { actorOf, recordChange } from '../../audit/record-change.js';
import { enforce } from '../../auth/access.js';
import { InvalidBodyException, readJson } from '../../http/body.js';
import { lockConflictWrites, detectConflicts } from '../conflicts/conflicts.detect.js';
import { loadRules, saveRules } from './rules.repo.js';

/** The conflict rules: read them; replace them (admin) and recompute every conflict. */
export const ruleRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await loadRules(c.get('db'))))
  .put('/', async (c) => {
    const user = c.get('user');
    enforce(mayEditRules(user));
    const checked = validateRuleSet(await readJson(c));
    if (!checked.valid) throw new InvalidBodyException(checked.issues);
    const actor = actorOf(user!);
    const db = c.get('db');
    const recomputed = await db.transaction(async (tx) => {
      await lockConflictWrites(tx);
      const version = await saveRules(tx, checked.rules, actor.name);
      const result = await detectConflicts(tx, checked.rules, 'all', actor.name);
      await recordChange(tx, actor, {
        objectType: 'rules',
        objectId: 1,
        action: 'updated',
        summary: `Konfliktregeln Version ${version}`,
        details: { version },
      });
      return result;
    });
    return c.json({ ...(await loadRules(db)), recomputed });
  });
