/**
 * SQLite in WebAssembly (sql.js) for GeoPackages, loaded once per process. The wasm file is
 * resolved through Node's module resolution, because `npm start` bundles the server with esbuild
 * (packages external) and a path relative to this source file would not exist in dist/.
 */
import { createRequire } from 'node:module';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';

let sqlJs: Promise<SqlJsStatic> | undefined;

function load(): Promise<SqlJsStatic> {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  return initSqlJs({ locateFile: () => wasm });
}

/** sql.js, initialised on first use. */
export function sqlite(): Promise<SqlJsStatic> {
  sqlJs ??= load().catch((err: unknown) => {
    sqlJs = undefined;
    throw err;
  });
  return sqlJs;
}

/** Run `fn` on a database opened from `bytes` (or a new empty one) and close it afterwards. */
export async function withDatabase<T>(bytes: Uint8Array | undefined, fn: (db: Database) => T): Promise<T> {
  const SQL = await sqlite();
  const db = new SQL.Database(bytes);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A SQL identifier in double quotes. */
export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;
