import { Hono } from 'hono';
import { validateRuleSet } from '../../../shared/conflict-rules.js';
import type { AppEnv } from '../../app.js';
import { InvalidBodyException, readJson } from '../../http/body.js';
import { detectConflicts } from '../conflicts/conflicts.detect.js';
import { loadRules, saveRules } from './rules.repo.js';

/** The conflict rules: read them; replace them (admin) and recompute every conflict. */
export const ruleRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await loadRules(c.get('db'))))
  .put('/', async (c) => {
    const checked = validateRuleSet(await readJson(c));
    if (!checked.valid) throw new InvalidBodyException(checked.issues);
    const actor = c.get('actor');
    const db = c.get('db');
    const recomputed = await db.transaction(async (tx) => {
      await saveRules(tx, checked.rules, actor);
      return detectConflicts(tx, checked.rules, 'all', actor);
    });
    return c.json({ ...(await loadRules(db)), recomputed });
  });
