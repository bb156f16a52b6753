import { describe, expect, it } from 'vitest';
import { createRng, fbm, hash01, valueNoise } from './rng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42),
      b = createRng(42);
    const xs = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(xs);
  });

  it('differs between seeds and stays in [0, 1)', () => {
    const a = Array.from({ length: 100 }, createRng(1));
    const b = Array.from({ length: 100 }, createRng(2));
    expect(a).not.toEqual(b);
    for (const v of [...a, ...b]) expect(v >= 0 && v < 1).toBe(true);
  });

  it('is roughly uniform', () => {
    const rng = createRng(7);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) bins[Math.floor(rng() * 10)]++;
    for (const b of bins) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });
});

describe('hash01 / noise', () => {
  it('is stateless and deterministic', () => {
    expect(hash01(3, 10, -4, 2)).toBe(hash01(3, 10, -4, 2));
    expect(hash01(3, 10, -4, 2)).not.toBe(hash01(4, 10, -4, 2));
  });

  it('gives smooth values in [0, 1]', () => {
    let prev = valueNoise(1, 0, 0.3);
    for (let x = 0.01; x < 5; x += 0.01) {
      const v = valueNoise(1, x, 0.3);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      expect(Math.abs(v - prev)).toBeLessThan(0.05);
      prev = v;
    }
    const f = fbm(5, 12345.6, 6543.2, 1000);
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(1);
  });
});
