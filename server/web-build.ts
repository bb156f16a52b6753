import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';
/** Where `vite build` writes the web client; FF_WEB_DIST lets parallel test runs build into separate folders. */
export const WEB_DIST = process.env.FF_WEB_DIST ?? join(ROOT, 'dist', 'web');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'e2e') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when dist/web is missing or older than the sources it is built from. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['web', 'shared', 'vite.config.ts'].map((p) => join(ROOT, p)).filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
}

/** Build the web client with Vite (used by `npm start` when the build is missing or stale). */
export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
