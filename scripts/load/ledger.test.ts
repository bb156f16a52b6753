import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ClaimFeature, ClaimHistoryEntry } from '../../shared/claims.js';
import { checkLedger, sameGeometry, type StoredClaim, type WriteRecord } from './ledger.js';

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 52],
      [x + 0.001, 52],
      [x + 0.001, 52.001],
      [x, 52.001],
      [x, 52],
    ],
  ],
});

const feature = (version: number, title: string, geometry: Polygon = square(10)): ClaimFeature => ({
  type: 'Feature',
  id: 7,
  geometry: { type: 'MultiPolygon', coordinates: [geometry.coordinates] },
  properties: {
    id: 7,
    title,
    use: 'housing',
    status: 'draft',
    proposer: { name: 'Region', type: 'region' },
    horizon_year: 2040,
    description: '',
    version,
    area_ha: 1,
    municipalities: ['03241011'],
    demo: false,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    deleted_at: null,
  },
});

const entry = (f: ClaimFeature): ClaimHistoryEntry => ({
  version: f.properties.version,
  action: f.properties.version === 1 ? 'created' : 'updated',
  changed_by: 'x',
  changed_at: f.properties.updated_at,
  feature: f,
});

const stored = (...versions: ClaimFeature[]): StoredClaim => ({
  id: 7,
  versions: versions.map(entry),
  current: versions.at(-1)!,
});

const create = (f: ClaimFeature): WriteRecord => ({
  kind: 'create',
  planner: 'p1',
  claimId: 7,
  ifMatch: null,
  deliberateStale: false,
  sent: {
    properties: {
      title: f.properties.title,
      use: 'housing',
      status: 'draft',
      proposer: { name: 'Region', type: 'region' },
      horizon_year: 2040,
      description: '',
    },
    geometry: square(10),
  },
  outcome: 'acked',
  status: 201,
  answer: f,
  at: 0,
});

const patch = (ifMatch: number, title: string, over: Partial<WriteRecord> = {}): WriteRecord => ({
  kind: 'patch',
  planner: 'p2',
  claimId: 7,
  ifMatch,
  deliberateStale: false,
  sent: { properties: { title } },
  outcome: 'acked',
  status: 200,
  answer: feature(ifMatch + 1, title),
  at: 1,
  ...over,
});

const v1 = feature(1, 'Pool 1');
const v2 = feature(2, 'Pool 1 · p2 #1');
const v3 = feature(3, 'Pool 1 · p3 #1');

describe('sameGeometry', () => {
  it('takes a ring that starts at another vertex as the same ring, and a Polygon as its one-part MultiPolygon', () => {
    const ring = square(10).coordinates[0]!;
    const rotated: Polygon = { type: 'Polygon', coordinates: [[...ring.slice(2, 4), ...ring.slice(0, 3)]] };
    expect(sameGeometry(square(10), rotated)).toBe(true);
    expect(sameGeometry(square(10), { type: 'MultiPolygon', coordinates: [rotated.coordinates] })).toBe(true);
  });

  it('tells a moved vertex and a reversed ring apart', () => {
    expect(sameGeometry(square(10), square(10.000001))).toBe(false);
    const ring = square(10).coordinates[0]!;
    expect(sameGeometry(square(10), { type: 'Polygon', coordinates: [[...ring].reverse()] })).toBe(false);
  });
});

describe('checkLedger', () => {
  it('accepts a history made of acknowledged writes, and a 409 that names a real later version', () => {
    const stale = patch(1, 'zu spät', { outcome: 'stale', status: 409, answer: v2 });
    const check = checkLedger([create(v1), patch(1, v2.properties.title), stale], [stored(v1, v2)]);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ claims: 1, versions: 2, acked: 2, stale: 1, inDoubt: 0 });
  });

  it('reports one version acknowledged to two writers (a lost update)', () => {
    const check = checkLedger(
      [create(v1), patch(1, v2.properties.title), patch(1, 'auch Version 2', { planner: 'p3' })],
      [stored(v1, v2)],
    );
    expect(check.problems).toContain('Anspruch 7: Version 2 zweimal bestätigt (verlorenes Update)');
  });

  it('reports an acknowledged version missing from the history, and a stored value other than the one sent', () => {
    const check = checkLedger([create(v1), patch(1, v2.properties.title), patch(2, 'anders')], [stored(v1, v2, v3)]);
    expect(check.problems).toContain('Anspruch 7 Version 3: title "Pool 1 · p3 #1" statt "anders"');
    expect(checkLedger([create(v1), patch(1, v2.properties.title)], [stored(v1)]).problems).toContain(
      'Anspruch 7: bestätigte Version 2 fehlt in der Historie',
    );
  });

  it('reports a stale write that was accepted', () => {
    const accepted = patch(1, v2.properties.title, { deliberateStale: true });
    expect(checkLedger([create(v1), accepted], [stored(v1, v2)]).problems).toContain(
      'Anspruch 7: Schreiben auf veralteter Version 1 wurde angenommen',
    );
  });

  it('accounts a stored version without acknowledgement only to an in-doubt write with exactly its values', () => {
    const lost = patch(1, v2.properties.title, { outcome: 'in-doubt', status: 0, answer: undefined });
    const ok = checkLedger([create(v1), lost], [stored(v1, v2)]);
    expect(ok.problems).toEqual([]);
    expect(ok.inDoubtCommitted).toBe(1);
    const other = patch(1, 'etwas anderes', { outcome: 'in-doubt', status: 0, answer: undefined });
    expect(checkLedger([create(v1), other], [stored(v1, v2)]).problems).toContain(
      'Anspruch 7: Version 2 stammt von keinem gesendeten Schreiben',
    );
    const unsent = patch(1, v2.properties.title, { outcome: 'unsent', status: 0, answer: undefined });
    expect(checkLedger([create(v1), unsent], [stored(v1, v2)]).problems).toContain(
      'Anspruch 7: Version 2 stammt von keinem gesendeten Schreiben',
    );
  });

  it('reports a gap in the versions and a current state behind its history', () => {
    const gap: StoredClaim = { id: 7, versions: [entry(v1), entry(v3)], current: v1 };
    const problems = checkLedger([create(v1)], [gap]).problems;
    expect(problems).toContain('Anspruch 7: Versionen nicht lückenlos 1…3 (2 gespeichert)');
    expect(problems).toContain('Anspruch 7: aktuelle Version 1, Historie endet bei 3');
  });
});
