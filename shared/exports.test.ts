import { describe, expect, it } from 'vitest';
import { provenanceNote } from './exports.js';

const at = new Date('2026-03-01T12:30:00.000Z');

describe('provenanceNote', () => {
  it('names source, time, dataset, filters, CRS and count in the first paragraph', () => {
    const note = provenanceNote({
      dataset: 'claims',
      at,
      filters: { use: 'housing,wind', municipality: '03241011', q: '' },
      crs: 25832,
      count: 3,
      demo: false,
    });
    const [first] = note.split('\n');
    expect(first).toBe(
      'Export aus Flächenforum (Region Hannover), 2026-03-01T12:30:00.000Z, Datensatz Flächenansprüche (claims), ' +
        '3 Objekte, Filter: use=housing,wind, municipality=03241011, Koordinatensystem EPSG:25832 (ETRS89 / UTM Zone 32N, Meter).',
    );
    expect(note).toContain('© GeoBasis-DE / BKG (2025), dl-de/by-2-0');
    expect(note).toContain('Demo-Daten ohne Rechtswirkung');
    expect(note).not.toContain('Statistische Ämter');
  });

  it('says "keine" without filters, marks demo rows and adds the statistics licences for indicators', () => {
    const note = provenanceNote({
      dataset: 'indicators',
      at,
      filters: {},
      crs: 4326,
      count: 21,
      demo: true,
      extra: ['Szenario: Bestand'],
    });
    expect(note).toContain('Filter: keine, Koordinatensystem EPSG:4326');
    expect(note).toContain('Statistische Ämter des Bundes und der Länder');
    expect(note).toContain('Destatis');
    expect(note).toContain('Enthält Demo-Daten');
    expect(note.split('\n')[1]).toBe('Szenario: Bestand');
  });
});
