/**
 * The one esbuild bundle of the server (`server/index.ts` → one ESM file; npm packages stay external),
 * used by `npm start` and by the load test, which runs the very server that `npm start` runs.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundle the server into `outfile` (with a linked source map). */
export async function bundleServer(outfile, { logLevel = 'warning' } = {}) {
  await build({
    entryPoints: [`${root}server/index.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel,
  });
}
