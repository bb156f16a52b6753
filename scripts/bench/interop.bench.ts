/**
 * GIS exchange at scale: a claims export per format (all benchmark claims, EPSG:25832) and OGC API
 * pages of parcels and claims, each through the HTTP handler next to the bare SQL it runs. The bare
 * SQL is captured by running the handler once on a database wrapper that records every statement.
 */
import type { SQL } from 'drizzle-orm';
import { createApp } from '../../server/app.js';
import { dialect, type Database } from '../../server/db/database.js';
import { createEventHub } from '../../server/events/event-hub.js';
import { FILE_FORMATS } from '../../shared/interop.js';
import { paired, timePaired, type Measurement } from './stats.js';
import { benchViewer } from './tiles.bench.js';

/** One statement as the driver receives it. */
export type Query = { sql: string; params: unknown[] };

/** `db` with every statement the app runs through rows/one/run also recorded. */
export function recording(db: Database, captured: Query[]): Database {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'rows' || key === 'one' || key === 'run') {
        return (q: SQL) => {
          captured.push(dialect.sqlToQuery(q));
          return (target[key] as (q: SQL) => Promise<unknown>).call(target, q);
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

export async function benchInterop(db: Database, backend: string, runs: number): Promise<Measurement[]> {
  const { headers } = await benchViewer(db);
  const events = createEventHub(db);
  const app = createApp({ db, events });
  const out: Measurement[] = [];
  const get = async (path: string) => {
    const res = await app.request(path, { headers });
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
    return (await res.arrayBuffer()).byteLength;
  };
  /** The statements of one request that read the data (not the session lookup), as the bare reference. */
  const bareOf = async (path: string, pick: (q: Query) => boolean) => {
    const captured: Query[] = [];
    const res = await createApp({ db: recording(db, captured), events }).request(path, { headers });
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
    const data = captured.filter(pick);
    if (data.length === 0) throw new Error(`no data statement captured for ${path}`);
    return () => Promise.all(data.map((q) => db.bare(q.sql, q.params)));
  };
  try {
    for (const format of FILE_FORMATS) {
      const crs = format === 'kml' ? 4326 : 25832;
      const path = `/api/exports/claims?format=${format}&crs=${crs}`;
      const bytes = await get(path);
      const bare = await bareOf(path, (q) => /from planning_claim c/.test(q.sql) && /ST_AsGeoJSON/.test(q.sql));
      const t = await timePaired(runs, () => get(path), bare);
      out.push(
        paired(
          'interop',
          `export claims as ${format}, EPSG:${crs}`,
          backend,
          t,
          'p95 ≤ 5000 ms',
          `${Math.round(bytes / 1024)} KB; bare = the claims query`,
        ),
      );
    }
    for (const [collection, query] of [
      ['parcels', 'limit=1000&bbox=9.70,52.35,9.78,52.40'],
      ['claims', 'limit=1000'],
    ] as const) {
      const path = `/ogc/collections/${collection}/items?${query}`;
      await get(path);
      const bare = await bareOf(path, (q) => /json_agg/.test(q.sql));
      const t = await timePaired(runs, () => get(path), bare);
      out.push(paired('interop', `OGC API items: ${collection}, ${query}`, backend, t, 'p95 ≤ 1000 ms, ratio ≤ 1.3'));
    }
  } finally {
    await events.close();
  }
  return out;
}
