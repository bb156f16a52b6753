import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeFile } from './index.js';
import { listZip, readZipEntries, unsafeEntryName, writeZip } from './zip.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** A zip whose central directory claims `size` uncompressed bytes for its first entry. */
function claimingSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let o = out.length - 22; o >= 0; o--) {
    if (view.getUint32(o, true) === 0x02014b50) {
      view.setUint32(o + 24, size, true);
      return out;
    }
  }
  throw new Error('no central directory');
}

describe('listZip', () => {
  it('lists names and declared sizes without inflating', () => {
    const zip = writeZip({ 'a.txt': bytes('hallo'), 'b/c.txt': new Uint8Array(1000) });
    expect(listZip(zip)).toEqual([
      { name: 'a.txt', compressedSize: expect.any(Number), size: 5 },
      { name: 'b/c.txt', compressedSize: expect.any(Number), size: 1000 },
    ]);
  });

  it.each([
    ['../evil.shp', '..'],
    ['a/../../evil.shp', '..'],
    ['/etc/passwd', 'absolut'],
    ['C:/x.shp', 'absolut'],
    ['ordner\\x.shp', 'Rückstrich'],
  ])('refuses the entry name %s (unsafe_name)', (name, why) => {
    expect(unsafeEntryName(name)).toContain(why);
    const r = listZip(zipSync({ [name]: bytes('x'), 'ok.txt': bytes('y') }));
    expect(r).toMatchObject({ ok: false, code: 'unsafe_name', message: expect.stringContaining(name) });
  });

  it('refuses a zip bomb by the declared sizes, before inflating anything', () => {
    const bomb = claimingSize(zipSync({ 'a.shp': new Uint8Array(100) }), 0xf000_0000);
    const started = performance.now();
    expect(listZip(bomb, 200 * 1024 * 1024)).toMatchObject({
      ok: false,
      code: 'too_large',
      message: expect.stringContaining('MB'),
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses real content above the limit (sum of entries)', () => {
    const zip = writeZip({ 'a.bin': new Uint8Array(600_000), 'b.bin': new Uint8Array(600_000) });
    expect(zip.length).toBeLessThan(10_000);
    expect(listZip(zip, 1_000_000)).toMatchObject({ ok: false, code: 'too_large' });
    expect(Array.isArray(listZip(zip, 2_000_000))).toBe(true);
  });

  it('a truncated zip → corrupt_file', () => {
    const zip = writeZip({ 'a.txt': bytes('hallo welt '.repeat(100)) });
    expect(listZip(zip.subarray(0, zip.length - 30))).toMatchObject({ ok: false, code: 'corrupt_file' });
    expect(listZip(zip.subarray(0, 20))).toMatchObject({ ok: false, code: 'corrupt_file' });
  });

  it('inflates only the wanted entries, each at most its declared size', () => {
    const zip = writeZip({ 'a.txt': bytes('hallo'), 'b.txt': bytes('welt') });
    expect(readZipEntries(zip, (n) => n === 'b.txt')).toEqual({ 'b.txt': bytes('welt') });
    const lying = claimingSize(writeZip({ 'a.txt': bytes('hallo welt') }), 5);
    const read = readZipEntries(lying, () => true) as Record<string, Uint8Array>;
    expect(read['a.txt']!.length).toBeLessThanOrEqual(5);
  });
});

describe('zips through decodeFile', () => {
  it('a 200 MB zip bomb and a 200 MB file are refused in well under a second', async () => {
    const limit = { maxUncompressedBytes: 200 * 1024 * 1024 };
    const bomb = claimingSize(zipSync({ 'a.shp': new Uint8Array(1000) }), 201 * 1024 * 1024);
    let started = performance.now();
    expect(await decodeFile(bomb, 'a.zip', limit)).toMatchObject({ ok: false, code: 'too_large' });
    expect(performance.now() - started).toBeLessThan(1000);
    const big = new Uint8Array(201 * 1024 * 1024);
    big[0] = 0x7b; // "{": looks like GeoJSON
    started = performance.now();
    expect(await decodeFile(big, 'a.geojson', limit)).toMatchObject({ ok: false, code: 'too_large' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
