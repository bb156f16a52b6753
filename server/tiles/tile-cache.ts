/**
 * Per-process LRU cache of rendered tiles (bounded by count and bytes), one per change-event hub.
 *
 * Static layers (parcels, constraints, municipalities) change only with the data load and stay
 * until evicted or restart. Live layers (claims, conflicts) are cached per viewer class and
 * invalidated precisely from the change events (delivered after commit):
 * - every cached live tile remembers the claim ids it depends on (its claims, or its conflicts'
 *   claims); a claim event drops the tiles that showed that claim or its conflicts — exactly its
 *   old extent as served — and then, after looking up the claim's and its conflicts' current
 *   extents, the tiles those intersect (its new extent);
 * - a conflict event (status, justification) drops the conflict tiles its extent intersects;
 *   a rules event drops all conflict tiles (every conflict is recomputed);
 * - a participation event changes what the public sees: all non-internal live tiles go. A phase
 *   also starts by the clock, without an event, so non-internal tiles expire at the next start.
 * While a lookup is pending, and whenever the hub is not listening, live tiles bypass the cache;
 * a render that overlapped an invalidation is served but not stored (generation check).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { seesInternal, type SessionUser } from '../../shared/access.js';
import type { ChangeEvent } from '../../shared/events.js';
import { TILE_BUFFER, TILE_LAYER_SPECS, type TileCoord, type TileLayer } from '../../shared/tiles.js';
import type { Queryable } from '../db/database.js';
import type { EventHub } from '../events/event-hub.js';
import type { RenderedTile } from './tile-render.js';
import { tileEnvelope3857 } from './tile-sql.js';

type Box = [number, number, number, number];

/** Whose view a live tile shows: internal roles see everything, the public what is published (plus own proposals). */
export type ViewerClass = 'internal' | 'public' | `own:${number}`;

export function viewerClass(user: SessionUser | null): ViewerClass {
  if (seesInternal(user)) return 'internal';
  return user ? `own:${user.id}` : 'public';
}

/**
 * A tile as stored and served: gzip-compressed once (browsers always accept gzip, so the bytes go
 * out as they are; Martin does the same), with the ETag of the uncompressed tile.
 */
export interface CachedTile {
  /** gzip of the MVT bytes; empty when the tile has no feature. */
  gzip: Uint8Array;
  /** Strong ETag (quoted) of the uncompressed MVT bytes. */
  etag: string;
}

/**
 * Compress a rendered tile for the cache (empty stays empty). Synchronous on purpose: tiles are
 * small (≈ 0.1 ms each here), and the thread-pool round trip of async zlib cost more than that.
 */
export function compressTile(bytes: Uint8Array): CachedTile {
  const etag = etagOf(bytes);
  if (bytes.byteLength === 0) return { gzip: bytes, etag };
  return { gzip: new Uint8Array(gzipSync(bytes)), etag };
}

interface Entry extends CachedTile {
  key: string;
  layer: TileLayer;
  viewer: ViewerClass | null;
  /** Buffered tile envelope in EPSG:3857 (plus one tile unit for grid snapping). */
  bounds: Box;
  deps: number[];
  /** Epoch ms after which a non-internal live entry is stale (the next participation phase starts). */
  validUntil: number;
}

export interface TileCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
}

export interface TileCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  /** Entries dropped by change events. */
  invalidated: number;
  /** Whether live layers are being cached (the hub delivers events). */
  listening: boolean;
  /** Invalidation lookups still running (live tiles bypass the cache meanwhile). */
  pending: number;
}

/** What a request got: the tile and whether it came from the cache. */
export interface TileResult extends CachedTile {
  source: 'hit' | 'miss' | 'bypass';
}

/** Strong ETag of tile bytes. */
export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

const intersects = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Overhead per entry besides the bytes (key, bounds, deps), roughly. */
const ENTRY_OVERHEAD = 256;

export class TileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byClaim = new Map<number, Set<string>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private invalidated = 0;
  private generation = 0;
  private pending = 0;
  private nextPhaseStart = Number.NEGATIVE_INFINITY;
  private db: Queryable | null = null;
  private connecting: Promise<void> | null = null;
  private listening = false;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(
    private readonly events: EventHub,
    { maxEntries = 5000, maxBytes = 50 * 1024 * 1024 }: TileCacheOptions = {},
  ) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  stats(): TileCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      hits: this.hits,
      misses: this.misses,
      invalidated: this.invalidated,
      listening: this.live(),
      pending: this.pending,
    };
  }

  /** The cached tile, or `render()`'s result (stored when that is safe). */
  async tile(
    db: Queryable,
    layer: TileLayer,
    tile: TileCoord,
    viewer: SessionUser | null,
    render: () => Promise<RenderedTile>,
  ): Promise<TileResult> {
    const isLive = TILE_LAYER_SPECS[layer].changes === 'live';
    const cls = isLive ? viewerClass(viewer) : null;
    if (isLive) await this.connect(db);
    const cacheable = !isLive || (this.live() && this.pending === 0);
    const key = `${layer}/${tile.z}/${tile.x}/${tile.y}/${cls ?? '*'}`;
    if (cacheable) {
      const hit = this.entries.get(key);
      if (hit && (cls === null || cls === 'internal' || Date.now() < hit.validUntil)) {
        this.entries.delete(key);
        this.entries.set(key, hit);
        this.hits++;
        return { gzip: hit.gzip, etag: hit.etag, source: 'hit' };
      }
      if (hit) this.remove(key);
    }
    this.misses++;
    const generation = this.generation;
    const rendered = await render();
    const { gzip, etag } = compressTile(rendered.bytes);
    if (!cacheable || (isLive && (generation !== this.generation || this.pending > 0 || !this.live()))) {
      return { gzip, etag, source: 'bypass' };
    }
    if (cls !== null && cls !== 'internal' && Date.now() >= this.nextPhaseStart) {
      this.refreshPhaseClock();
      return { gzip, etag, source: 'bypass' };
    }
    const [minX, minY, maxX, maxY] = tileEnvelope3857(tile, TILE_BUFFER + 1);
    this.put({
      key,
      layer,
      viewer: cls,
      gzip,
      etag,
      bounds: [minX, minY, maxX, maxY],
      deps: isLive ? rendered.deps : [],
      validUntil: this.nextPhaseStart,
    });
    return { gzip, etag, source: 'miss' };
  }

  private live(): boolean {
    return this.listening && !this.events.signal.aborted;
  }

  /** Subscribe to the hub once; live layers stay uncached until that succeeds. */
  private async connect(db: Queryable): Promise<void> {
    this.db ??= db;
    if (this.listening || this.events.signal.aborted) return;
    this.connecting ??= this.events
      .subscribe((event) => this.onChange(event))
      .then(() => {
        this.listening = true;
        this.refreshPhaseClock();
      })
      .catch((error: unknown) => {
        console.error('Tile cache: change events unavailable, claims/conflicts tiles uncached:', error);
      })
      .finally(() => {
        this.connecting = null;
      });
    await this.connecting;
  }

  private onChange(event: ChangeEvent): void {
    switch (event.objectType) {
      case 'claim': {
        const id = Number(event.objectId);
        this.generation++;
        for (const key of [...(this.byClaim.get(id) ?? [])]) this.drop(key);
        this.lookup(async (db) => {
          const rows = await db.rows<{ layer: TileLayer; x0: number; y0: number; x1: number; y1: number }>(sql`
            select layer, ST_XMin(e) as x0, ST_YMin(e) as y0, ST_XMax(e) as x1, ST_YMax(e) as y1
            from (select 'claims' as layer, ST_Extent(ST_Transform(geom, 3857)) as e
                  from planning_claim where id = ${id} and deleted_at is null
                  union all
                  select 'conflicts', ST_Extent(ST_Transform(geom, 3857))
                  from conflict where (claim_a = ${id} or claim_b = ${id}) and geom is not null) s
            where e is not null`);
          for (const r of rows)
            this.dropWhere((e) => e.layer === r.layer && intersects(e.bounds, [r.x0, r.y0, r.x1, r.y1]));
        });
        break;
      }
      case 'conflict': {
        const id = Number(event.objectId);
        this.generation++;
        this.lookup(async (db) => {
          const rows = await db.rows<{ x0: number; y0: number; x1: number; y1: number }>(sql`
            select ST_XMin(e) as x0, ST_YMin(e) as y0, ST_XMax(e) as x1, ST_YMax(e) as y1
            from (select ST_Extent(ST_Transform(geom, 3857)) as e from conflict where id = ${id}) s where e is not null`);
          for (const r of rows)
            this.dropWhere((e) => e.layer === 'conflicts' && intersects(e.bounds, [r.x0, r.y0, r.x1, r.y1]));
        });
        break;
      }
      case 'rules':
        this.generation++;
        this.dropWhere((e) => e.layer === 'conflicts');
        break;
      case 'import':
        // An imported constraint layer changes a static layer; its conflicts come with a 'rules' event.
        if (event.action === 'constraints_imported') {
          this.generation++;
          this.dropWhere((e) => e.layer === 'constraints');
        }
        break;
      case 'participation':
        this.generation++;
        this.dropWhere((e) => e.viewer !== null && e.viewer !== 'internal');
        this.refreshPhaseClock();
        break;
      default:
        break;
    }
  }

  /** Run an invalidation lookup; live tiles bypass the cache until it is done. If it fails, drop every live tile. */
  private lookup(fn: (db: Queryable) => Promise<void>): void {
    const db = this.db;
    if (!db) return;
    this.pending++;
    void fn(db)
      .catch((error: unknown) => {
        console.error('Tile cache: invalidation lookup failed, dropping all live tiles:', error);
        this.dropWhere((e) => e.viewer !== null);
      })
      .finally(() => {
        this.pending--;
      });
  }

  /** When the next participation phase starts (non-internal tiles may change then without an event). */
  private refreshPhaseClock(): void {
    this.nextPhaseStart = Number.NEGATIVE_INFINITY;
    this.lookup(async (db) => {
      const row = await db.one<{ next: number | null }>(
        sql`select (extract(epoch from min(starts_at)) * 1000)::float8 as next from participation_phase where starts_at > now()`,
      );
      this.nextPhaseStart = row.next ?? Number.POSITIVE_INFINITY;
    });
  }

  private put(entry: Entry): void {
    this.remove(entry.key);
    this.entries.set(entry.key, entry);
    this.bytes += entry.gzip.byteLength + ENTRY_OVERHEAD;
    for (const id of entry.deps) {
      let keys = this.byClaim.get(id);
      if (!keys) this.byClaim.set(id, (keys = new Set()));
      keys.add(entry.key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(key);
    }
  }

  private drop(key: string): void {
    if (this.remove(key)) this.invalidated++;
  }

  private dropWhere(match: (e: Entry) => boolean): void {
    for (const entry of [...this.entries.values()]) if (match(entry)) this.drop(entry.key);
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.gzip.byteLength + ENTRY_OVERHEAD;
    for (const id of entry.deps) {
      const keys = this.byClaim.get(id);
      keys?.delete(key);
      if (keys?.size === 0) this.byClaim.delete(id);
    }
    return true;
  }
}

const caches = new WeakMap<EventHub, TileCache>();

/** The tile cache fed by `events` (one per hub, so per app instance). */
export function tileCacheOf(events: EventHub, options?: TileCacheOptions): TileCache {
  let cache = caches.get(events);
  if (!cache) caches.set(events, (cache = new TileCache(events, options)));
  return cache;
}
