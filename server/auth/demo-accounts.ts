/**
 * The demo accounts of the embedded database (README "Demo-Zugänge"). Never created on a real
 * PostgreSQL: there `npm run user:create` makes accounts.
 */
import type { Queryable } from '../db/database.js';
import { createUser, type NewUser } from './users.repo.js';

/** AGS of Lehrte, the scope of the municipal demo planner. */
export const LEHRTE = '03241011';

export const DEMO_ACCOUNTS: readonly NewUser[] = [
  { username: 'admin', password: 'admin', displayName: 'Administration (Demo)', role: 'admin' },
  {
    username: 'planer',
    password: 'planer',
    displayName: 'Regionsplanung (Demo)',
    role: 'planner',
    municipalities: null,
  },
  {
    username: 'planer-lehrte',
    password: 'planer',
    displayName: 'Stadtplanung Lehrte (Demo)',
    role: 'planner',
    municipalities: [LEHRTE],
  },
  { username: 'rat', password: 'rat', displayName: 'Ratsmitglied (Demo)', role: 'council' },
  { username: 'buerger', password: 'buerger', displayName: 'Bürgerin (Demo)', role: 'public' },
];

/** Create (or reset) the demo accounts. */
export async function seedDemoAccounts(db: Queryable): Promise<void> {
  for (const account of DEMO_ACCOUNTS) await createUser(db, account, true);
}
