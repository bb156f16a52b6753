import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { fromRoot } from '../paths.js';
import type { Database } from './database.js';

const migrationsFolder = fromRoot('server', 'db', 'migrations');

/** Apply the generated SQL migrations (the same files on both backends). */
export async function migrate(db: Database): Promise<void> {
  if (db.kind === 'pglite') {
    await migratePglite(db.orm as Parameters<typeof migratePglite>[0], { migrationsFolder });
  } else {
    await migratePostgres(db.orm as Parameters<typeof migratePostgres>[0], { migrationsFolder });
  }
}
