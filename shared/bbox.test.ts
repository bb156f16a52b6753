import { describe, expect, it } from 'vitest';
import { intersectBbox, parseBbox } from './bbox.js';

describe('parseBbox', () => {
  it('accepts four ordered numbers', () => {
    expect(parseBbox('9.7,52.3,9.8,52.4')).toEqual({ ok: true, value: [9.7, 52.3, 9.8, 52.4] });
  });
  it.each([
    ['9.7,52.3,9.8', '4 Zahlen'],
    ['9.7,52.3,9.8,52.4,1', '4 Zahlen'],
    ['a,52.3,9.8,52.4', 'Wert 1'],
    ['9.7,,9.8,52.4', 'Wert 2'],
    ['9.7,52.3,Infinity,52.4', 'Wert 3'],
    ['-181,52.3,9.8,52.4', 'Längengrad'],
    ['9.7,-91,9.8,52.4', 'Breitengrad'],
    ['9.8,52.3,9.7,52.4', 'minLon'],
    ['9.7,52.4,9.8,52.3', 'minLat'],
  ])('rejects %s naming the problem', (input, fragment) => {
    const r = parseBbox(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(fragment);
  });
});

describe('intersectBbox', () => {
  it('clips and detects disjoint boxes', () => {
    expect(intersectBbox([0, 0, 10, 10], [5, 5, 20, 20])).toEqual([5, 5, 10, 10]);
    expect(intersectBbox([0, 0, 1, 1], [2, 2, 3, 3])).toBeNull();
    expect(intersectBbox([0, 0, 1, 1], [1, 0, 2, 1])).toBeNull();
  });
});
