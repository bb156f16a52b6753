/**
 * Vector tiles at scale: `GET /tiles/{layer}/{z}/{x}/{y}.pbf` over a fixed, realistic tile set
 * (3×3 tiles around a few places of the Region, z10–z16), cold (empty tile cache, next to the
 * bare query for the same tile) and warm (cache hits; 1 client and 8 concurrent clients).
 */
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/access.js';
import { TILE_LAYER_SPECS, tileAt, type TileCoord, type TileLayer } from '../../shared/tiles.js';
import { createApp } from '../../server/app.js';
import { SESSION_COOKIE } from '../../server/auth/session.middleware.js';
import { createSession } from '../../server/auth/sessions.repo.js';
import { createUser } from '../../server/auth/users.repo.js';
import type { Database } from '../../server/db/database.js';
import { dialect } from '../../server/db/database.js';
import { createEventHub, type EventHub } from '../../server/events/event-hub.js';
import { tileFeaturesSql, tileSql } from '../../server/tiles/tile-sql.js';
import { quantile, timePaired, type Measurement } from './stats.js';

export interface TileBenchOptions {
  /** Tiny tile set (one place, z12–z14) for CI's smoke run. */
  smoke: boolean;
  /** Cold runs (each on a fresh app, so with an empty tile cache). */
  runs: number;
}

/** Places the set is centred on: Hannover centre, Lehrte, Burgdorf, Springe (WGS84 lon, lat). */
const PLACES: [string, number, number][] = [
  ['Hannover', 9.735, 52.374],
  ['Lehrte', 9.979, 52.372],
  ['Burgdorf', 10.006, 52.446],
  ['Springe', 9.55, 52.21],
];

/** The layers a planner's map loads (conflicts follow claims and are left out). */
const LAYERS: TileLayer[] = ['parcels', 'constraints', 'municipalities', 'claims'];

interface BenchTile {
  layer: TileLayer;
  tile: TileCoord;
  path: string;
}

/** The deterministic tile set: per place and zoom the 3×3 tiles around it, for each layer from its min-zoom. */
export function benchTileSet(smoke: boolean): BenchTile[] {
  const places = smoke ? PLACES.slice(0, 1) : PLACES;
  const [zMin, zMax] = smoke ? [12, 14] : [10, 16];
  const seen = new Set<string>();
  const out: BenchTile[] = [];
  for (const layer of LAYERS) {
    for (let z = Math.max(zMin, TILE_LAYER_SPECS[layer].minzoom); z <= zMax; z++) {
      for (const [, lon, lat] of places) {
        const centre = tileAt(lon, lat, z);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const tile = { z, x: centre.x + dx, y: centre.y + dy };
            const path = `/tiles/${layer}/${z}/${tile.x}/${tile.y}.pbf`;
            if (seen.has(path)) continue;
            seen.add(path);
            out.push({ layer, tile, path });
          }
        }
      }
    }
  }
  return out;
}

export async function benchTiles(db: Database, backend: string, opts: TileBenchOptions): Promise<Measurement[]> {
  const tiles = benchTileSet(opts.smoke);
  const { user, headers } = await benchViewer(db);
  const viewerOf = (layer: TileLayer) => (TILE_LAYER_SPECS[layer].changes === 'live' ? user : null);
  // The bare reference: on PostGIS the ST_AsMVT query itself; on PGlite (no ST_AsMVT) the feature query the JS path runs.
  const bareSql = db.kind === 'postgres' ? tileSql : tileFeaturesSql;
  const bare = tiles.map(({ layer, tile }) => dialect.sqlToQuery(bareSql(layer, tile, viewerOf(layer))));
  const bareNote = db.kind === 'postgres' ? 'bare = tileSql (ST_AsMVT)' : 'bare = tileFeaturesSql, JS encoder path';

  const get = async (app: ReturnType<typeof createApp>, t: BenchTile) => {
    const res = await app.request(t.path, { headers });
    if (res.status !== 200 && res.status !== 204) throw new Error(`GET ${t.path} → ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return res.headers.get('X-Tile-Cache');
  };

  // Cold: each run on a fresh app (fresh event hub, so an empty tile cache), the set once, paired with the bare query.
  const cold = { app: [] as number[], bare: [] as number[], layer: [] as TileLayer[] };
  const hubs: EventHub[] = [];
  const freshApp = () => {
    const events = createEventHub(db);
    hubs.push(events);
    return createApp({ db, events });
  };
  try {
    // Warm up the code paths (JIT, encoder, session lookup) on a throwaway app: one tile per layer.
    const warmUp = freshApp();
    for (const layer of LAYERS)
      await get(
        warmUp,
        tiles.find((t) => t.layer === layer)!,
      );
    let app = freshApp();
    let bytes = 0;
    let nonEmpty = 0;
    for (let run = 0; run < opts.runs; run++) {
      if (run > 0) app = freshApp();
      const t = await timePaired(
        tiles.length,
        (i) => get(app, tiles[i]!),
        (i) => db.bare(bare[i]!.sql, bare[i]!.params),
      );
      cold.app.push(...t.app);
      cold.bare.push(...t.bare);
      cold.layer.push(...tiles.map((x) => x.layer));
    }
    for (const t of tiles) {
      const res = await app.request(t.path, { headers });
      const n = (await res.arrayBuffer()).byteLength;
      bytes += n;
      if (n > 0) nonEmpty++;
    }

    const out: Measurement[] = [];
    const coldRow = (name: string, pick: (i: number) => boolean, note: string): Measurement => {
      const a = cold.app.filter((_, i) => pick(i));
      const b = cold.bare.filter((_, i) => pick(i));
      const m: Measurement = {
        section: 'tiles',
        name,
        backend,
        n: a.length,
        p50: quantile(a, 0.5),
        p95: quantile(a, 0.95),
        bareP50: quantile(b, 0.5),
        bareP95: quantile(b, 0.95),
        goal: 'endpoint ≤ 1.2× bare SQL (PostGIS)',
        note,
      };
      // The goal is PostGIS's: on PGlite the bare query does not encode, so the ratio is shown but not judged.
      if (db.kind === 'postgres') m.met = m.p95 <= 1.2 * m.bareP95!;
      return m;
    };
    out.push(
      coldRow(
        'cold tile, all layers',
        () => true,
        `${tiles.length} tiles z${Math.min(...tiles.map((t) => t.tile.z))}–z${Math.max(...tiles.map((t) => t.tile.z))}, ${nonEmpty} non-empty, ${(bytes / 1024).toFixed(0)} KiB; ${bareNote}`,
      ),
    );
    for (const layer of LAYERS) {
      const zs = tiles.filter((t) => t.layer === layer).map((t) => t.tile.z);
      out.push(
        coldRow(
          `cold tile, ${layer}`,
          (i) => cold.layer[i] === layer,
          `z${Math.min(...zs)}–z${Math.max(...zs)}${TILE_LAYER_SPECS[layer].changes === 'live' ? ', planner session' : ''}`,
        ),
      );
    }

    // Warm: the same set on the last app, whose cache now holds it.
    const rounds = opts.smoke ? 1 : 3;
    const warm = async (clients: number) => {
      const latencies: number[] = [];
      let hits = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          // Each client starts elsewhere in the set, as different map views would.
          const offset = Math.floor((c * tiles.length) / clients);
          for (let k = 0; k < rounds * tiles.length; k++) {
            const t1 = performance.now();
            if ((await get(app, tiles[(offset + k) % tiles.length]!)) === 'hit') hits++;
            latencies.push(performance.now() - t1);
          }
        }),
      );
      const perSecond = latencies.length / ((performance.now() - t0) / 1000);
      const m: Measurement = {
        section: 'tiles',
        name: `warm tile, ${clients} client${clients > 1 ? 's' : ''}`,
        backend,
        n: latencies.length,
        p50: quantile(latencies, 0.5),
        p95: quantile(latencies, 0.95),
        goal: 'warm ≥ 2,000 tiles/s',
        met: perSecond >= 2000,
        note: `${Math.round(perSecond)} tiles/s, ${hits}/${latencies.length} cache hits`,
      };
      return m;
    };
    out.push(await warm(1), await warm(8));
    return out;
  } finally {
    for (const hub of hubs) await hub.close();
  }
}

/** A Region-wide planner's session: claims tiles, exports and OGC pages as planners see them (every claim). */
export async function benchViewer(db: Database): Promise<{ user: SessionUser; headers: Record<string, string> }> {
  const user = await createUser(
    db,
    {
      username: 'bench-kacheln',
      displayName: 'Benchmark Kacheln',
      role: 'planner',
      password: randomUUID(),
      municipalities: null,
    },
    true,
  );
  const { token } = await createSession(db, user.id);
  return { user, headers: { Cookie: `${SESSION_COOKIE}=${token}`, 'Accept-Encoding': 'gzip' } };
}
