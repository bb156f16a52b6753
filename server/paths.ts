/**
 * The project root, found from this module's location by walking up to Flächenforum's
 * package.json. Works the same under tsx, in the tests and in the bundle `npm start` runs
 * (dist/server/index.mjs), where every module shares one `import.meta.url`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'flaechenforum') {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`package.json of flaechenforum not found above ${from}`);
  }
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project. */
export const fromRoot = (...parts: string[]) => join(ROOT, ...parts);
