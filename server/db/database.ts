import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * Raised when a statement that must describe its result (SELECT, … RETURNING) comes back without
 * a row description. PGlite+PostGIS swallows GEOS exceptions (e.g. ST_Intersection on a
 * self-intersecting polygon) and answers such a query with `fields: []` instead of raising, as
 * native PostGIS does with a TopologyException. Treating that as an error keeps both backends equal.
 */
export class SwallowedQueryError extends Error {
  constructor(query: string) {
    super(`Query returned no row description (swallowed database error): ${query.slice(0, 200)}`);
    this.name = 'SwallowedQueryError';
  }
}

/** Raised for database errors (connection lost, …) so the HTTP layer can answer 503. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Datenbank nicht erreichbar', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

type AnyDrizzle = ReturnType<typeof drizzlePglite> | ReturnType<typeof drizzlePostgres>;

/** Minimal query interface shared by the database and an open transaction. */
export interface Queryable {
  readonly kind: DatabaseKind;
  /**
   * Run a statement that returns rows (SELECT, INSERT/UPDATE/DELETE … RETURNING).
   * Throws {@link SwallowedQueryError} if the backend did not describe a result.
   */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Like {@link rows} but expects exactly one row. */
  one<T = Record<string, unknown>>(query: SQL): Promise<T>;
  /** Run a statement for its effect; returns the affected row count. */
  run(query: SQL): Promise<number>;
  /** Run `fn` in a transaction; commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Database extends Queryable {
  /** Drizzle instance (query builder, migrator). */
  readonly orm: AnyDrizzle;
  /**
   * Run SQL text on the driver itself, bypassing drizzle and our guard: the "bare query" that
   * benchmarks compare the application's path against. Not for application code.
   */
  bare(text: string, params: unknown[]): Promise<unknown>;
  /**
   * LISTEN on `channel`: `onPayload` receives the payload of every NOTIFY, delivered when the
   * notifying transaction commits (never for a rollback). Resolves once listening, to a function
   * that stops it. postgres.js listens on a dedicated connection and re-listens after a reconnect.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

interface RawResult {
  rows: Record<string, unknown>[];
  fields: unknown[];
  affected: number;
}

/** Normalise the driver-specific result of drizzle's `execute`. */
function normalise(kind: DatabaseKind, res: unknown): RawResult {
  if (kind === 'pglite') {
    const r = res as { rows: Record<string, unknown>[]; fields: unknown[]; affectedRows?: number };
    return { rows: r.rows, fields: r.fields, affected: r.affectedRows ?? 0 };
  }
  // postgres.js: an array of rows with `columns` (absent or empty when no RowDescription) and `count`.
  const r = res as Record<string, unknown>[] & { columns?: unknown[]; count?: number };
  return { rows: Array.from(r), fields: r.columns ?? [], affected: r.count ?? 0 };
}

/** Turns drizzle SQL into text + params (error messages, benchmarks). */
export const dialect = new PgDialect();

function describe(query: SQL): string {
  return dialect.sqlToQuery(query).sql;
}

/** The part of a drizzle database or transaction we use; identical for both drivers. */
interface Executor {
  execute(query: SQL): Promise<unknown>;
  transaction<R>(fn: (tx: Executor) => Promise<R>): Promise<R>;
}

/** postgres.js codes of a lost connection (the server went away, was stopped or reset the socket). */
const CONNECTION_LOSS = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
]);

function isConnectionLoss(err: unknown): boolean {
  // drizzle wraps driver errors in DrizzleQueryError; the driver's code is on `cause`.
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return CONNECTION_LOSS.has(e?.code ?? e?.cause?.code ?? '');
}

/**
 * When a transaction's work fails because its connection was lost, postgres.js would still send
 * ROLLBACK on that connection; the deferred write then meets a null socket and throws outside any
 * promise, which ends the whole process (porsager/postgres#1154, #1208; unfixed in 3.4.x). So on a
 * lost connection the work never settles: `sql.begin` rejects on its own when the connection
 * closes (CONNECTION_CLOSED → 503), and no late ROLLBACK can reach a connection that is by then
 * serving another transaction.
 */
function holdOnConnectionLoss<T>(work: Promise<T>): Promise<T> {
  return work.catch((err: unknown) => (isConnectionLoss(err) ? new Promise<T>(() => {}) : Promise.reject(err)));
}

function makeQueryable(kind: DatabaseKind, exec: Executor): Queryable {
  const execute = async (query: SQL): Promise<RawResult> => normalise(kind, await exec.execute(query));
  const self: Queryable = {
    kind,
    async rows<T>(query: SQL) {
      const res = await execute(query);
      if (res.fields.length === 0) throw new SwallowedQueryError(describe(query));
      return res.rows as T[];
    },
    async one<T>(query: SQL) {
      const rows = await self.rows<T>(query);
      if (rows.length !== 1) throw new Error(`Expected one row, got ${rows.length}`);
      return rows[0] as T;
    },
    async run(query: SQL) {
      return (await execute(query)).affected;
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return exec.transaction((tx) => {
        const work = fn(makeQueryable(kind, tx));
        return kind === 'postgres' ? holdOnConnectionLoss(work) : work;
      });
    },
  };
  return self;
}

export interface OpenOptions {
  /** postgres:// URL; without it the embedded database is used. */
  databaseUrl?: string;
  /** Directory of the embedded database; `memory://` for an in-memory one. */
  pgliteDir?: string;
}

/** Open the embedded PGlite+PostGIS database or connect to PostgreSQL/PostGIS. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, {
      max: 10,
      onnotice: () => {},
      // Reconnect attempts at most 0.5 s apart (default: growing to 20 s), so that the pool and
      // LISTEN are back within a second of the database, however long it was down.
      backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 0.5),
      // JIT compiling costs ~260 ms per claim write (the land-take statement's row estimate is far off)
      // for ~1 ms of work; our statements are short OLTP queries, so it never pays off here.
      connection: { jit: 'off' },
      // int8 (count(*), bigserial ids) as JS numbers, as PGlite returns them; our values fit easily.
      types: {
        int8: { to: 20, from: [20], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
      },
    });
    const orm = drizzlePostgres(client);
    const q = makeQueryable('postgres', orm as unknown as Executor);
    return {
      ...q,
      orm,
      bare: (text, params) => client.unsafe(text, params as never[]),
      listen: async (channel, onPayload) => {
        const { unlisten } = await client.listen(channel, onPayload);
        return async () => {
          await unlisten();
        };
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const pg = new PGlite(opts.pgliteDir ?? 'memory://', { extensions: { postgis } });
  await pg.waitReady;
  const orm = drizzlePglite(pg);
  const q = makeQueryable('pglite', orm as unknown as Executor);
  return {
    ...q,
    orm,
    bare: (text, params) => pg.query(text, params),
    listen: async (channel, onPayload) => {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}

/** The PostGIS version string of the connected database. */
export async function postgisVersion(db: Queryable): Promise<string> {
  const row = await db.one<{ v: string }>(sql`select postgis_lib_version() as v`);
  return row.v;
}
