/**
 * Timing of the generator on the real reference data:
 *   node --expose-gc --import tsx scripts/demo-data/bench.ts [targetCount …]   (default: 20000 500000)
 * Parcels are made from cells without PostGIS (centroid → municipality, no clipping), see test-fixtures.ts.
 */
import { assignLandUse } from './assign-land-use.js';
import { generateParcelCells } from './cells.js';
import { generateConstraints } from './constraints.js';
import { cellsToParcels, loadFixtures } from './test-fixtures.js';

const targets = process.argv.slice(2).map(Number);
const fx = loadFixtures();
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): string => {
  gc?.();
  return (process.memoryUsage().heapUsed / 1e6).toFixed(0);
};
const time = <T>(f: () => T): [T, string] => {
  const t0 = performance.now();
  const r = f();
  return [r, `${((performance.now() - t0) / 1000).toFixed(2)} s`];
};

for (const targetCount of targets.length ? targets : [20000, 500000]) {
  const before = heapMb();
  const [cells, tCells] = time(() =>
    generateParcelCells({ bbox: fx.bbox, region: fx.region, places: fx.places, targetCount, seed: 20181231 }),
  );
  const heapCells = heapMb();
  const parcels = cellsToParcels(cells, fx.municipalities);
  const municipalities = new Map(fx.municipalities.map((m) => [m.ags, { stats: m.stats }]));
  const [, tAssign] = time(() => assignLandUse(parcels, { municipalities, places: fx.places, seed: 20181231 }));
  console.log(
    `target ${targetCount}: ${cells.length} cells in ${tCells} (heap ${before} → ${heapCells} MB), ` +
      `assignLandUse for ${parcels.length} parcels in ${tAssign}`,
  );
}
const [constraints, tConstraints] = time(() => generateConstraints({ region: fx.region, places: fx.places, seed: 1 }));
console.log(`generateConstraints: ${constraints.length} areas in ${tConstraints}`);
