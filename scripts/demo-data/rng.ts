/**
 * Deterministic randomness: a seeded PRNG for sequential draws and stateless hashing / value noise for fields
 * that must not depend on the order in which they are evaluated.
 */

/** 32-bit integer finaliser (murmur3/splitmix style); returns an unsigned 32-bit integer. */
export function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Normalises any finite number to a 32-bit seed (non-integers are truncated). */
function seed32(seed: number): number {
  if (!Number.isFinite(seed)) throw new Error(`seed must be finite, got ${seed}`);
  return (Math.trunc(seed) % 4294967296) >>> 0;
}

/**
 * A seeded PRNG (sfc32); same seed → same sequence of floats in [0, 1).
 * @param seed any finite number; non-integers are truncated.
 */
export function createRng(seed: number): () => number {
  const s = seed32(seed);
  let a = mix32(s ^ 0x9e3779b9);
  let b = mix32(s + 0x6a09e667);
  let c = mix32(s ^ 0xbb67ae85);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** Stateless hash of (seed, a, b, c) integers to a float in [0, 1). */
export function hash01(seed: number, a: number, b: number, c = 0): number {
  let h = mix32(seed32(seed) ^ 0x85ebca6b);
  h = mix32(h ^ Math.imul(a | 0, 0xcc9e2d51));
  h = mix32(h ^ Math.imul(b | 0, 0x1b873593));
  h = mix32(h ^ Math.imul(c | 0, 0xe6546b64));
  return h / 4294967296;
}

/** Smooth value noise in [0, 1] on a unit lattice (coordinates in lattice units). */
export function valueNoise(seed: number, x: number, y: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const v00 = hash01(seed, ix, iy);
  const v10 = hash01(seed, ix + 1, iy);
  const v01 = hash01(seed, ix, iy + 1);
  const v11 = hash01(seed, ix + 1, iy + 1);
  const top = v00 + (v10 - v00) * sx;
  const bottom = v01 + (v11 - v01) * sx;
  return top + (bottom - top) * sy;
}

/**
 * Fractal value noise in [0, 1]: `octaves` layers, each with doubled frequency and halved amplitude.
 * @param scale feature size in the units of x / y (metres for EPSG:25832)
 */
export function fbm(seed: number, x: number, y: number, scale: number, octaves = 3): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let f = 1 / scale;
  for (let o = 0; o < octaves; o++) {
    sum += amp * valueNoise(seed + o * 1013, x * f, y * f);
    norm += amp;
    amp *= 0.5;
    f *= 2;
  }
  return sum / norm;
}
