import { describe, expect, it } from 'vitest';
import { PolygonIndex, polygonArea, toUtm32 } from './geometry.js';
import { parseCsv, parseMunicipalityStats, parsePlaces } from './parse.js';
import { loadFixtures } from './test-fixtures.js';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, CRLF and a missing final newline', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n1,\n2,3')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', ''],
      ['2', '3'],
    ]);
  });
});

describe('parseMunicipalityStats', () => {
  const { municipalitiesCsv } = loadFixtures();
  const stats = parseMunicipalityStats(municipalitiesCsv);

  it('reads all 21 municipalities', () => {
    expect(stats.size).toBe(21);
    expect([...stats.keys()].every((k) => /^03241\d{3}$/.test(k))).toBe(true);
  });

  it('maps the columns and treats blank cells as 0', () => {
    const h = stats.get('03241001')!;
    expect(h.name).toBe('Hannover');
    expect(h.population).toBe(548186);
    expect(h.stats).toEqual({
      totalHa: 20430,
      siedlungHa: 10741,
      verkehrHa: 3500,
      industrieGewerbeHa: 1292,
      landwirtschaftHa: 2615,
      waldHa: 2377,
      gehoelzHa: 322,
      heideMoorHa: 0 + 103 + 0 + 135,
      gewaesserHa: 637,
    });
  });

  it('has categories that add up to the total', () => {
    for (const { stats: s } of stats.values()) {
      const sum =
        s.siedlungHa + s.verkehrHa + s.landwirtschaftHa + s.waldHa + s.gehoelzHa + s.heideMoorHa + s.gewaesserHa;
      expect(Math.abs(sum - s.totalHa)).toBeLessThanOrEqual(2);
    }
  });

  it('rejects a file without the needed columns', () => {
    expect(() => parseMunicipalityStats('ags,name\n1,x\n')).toThrow(/population/);
  });
});

describe('parsePlaces / toUtm32', () => {
  const { placesCsv, region, municipalities } = loadFixtures();
  const places = parsePlaces(placesCsv);

  it('reads the 31 places inside the region, none for Burgwedel', () => {
    expect(places).toHaveLength(31);
    const idx = new PolygonIndex(region);
    for (const p of places) expect(idx.contains(p.x, p.y)).toBe(true);
    expect(places.some((p) => p.ags === '03241004')).toBe(false);
    expect(places[0]).toMatchObject({ name: 'Hannover', ags: '03241001', population: 515140 });
  });

  it('projects to UTM 32N (central meridian 9°E → easting 500 000 m)', () => {
    const [x, y] = toUtm32(9, 52);
    expect(x).toBeCloseTo(500000, 3);
    expect(y).toBeGreaterThan(5.76e6);
    expect(y).toBeLessThan(5.762e6);
  });

  it('gives municipality areas close to the official cadastral area', () => {
    expect(municipalities).toHaveLength(21);
    for (const m of municipalities) {
      const ha = polygonArea(m.geometry) / 1e4;
      expect(Math.abs(ha - m.stats.totalHa) / m.stats.totalHa).toBeLessThan(0.03);
    }
  });
});
