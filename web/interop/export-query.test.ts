import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../state/claims-slice.js';
import { NO_CONFLICT_FILTERS } from '../state/conflict-view.js';
import { claimExportFilters, conflictExportFilters, crsAllowed, defaultCrs, exportUrl } from './export-query.js';
import { fileProblem } from './import-chooser.js';

describe('export addresses', () => {
  it('carry format, CRS and the non-empty filters', () => {
    expect(exportUrl({ dataset: 'claims', format: 'gpkg', crs: 25832, filters: { use: 'wind', q: '' } })).toBe(
      '/api/exports/claims?format=gpkg&crs=25832&use=wind',
    );
  });

  it('allow KML only in WGS84', () => {
    expect(crsAllowed('kml', 4326)).toBe(true);
    expect(crsAllowed('kml', 25832)).toBe(false);
    expect(crsAllowed('shp', 25832)).toBe(true);
  });

  it('start GIS formats in ETRS89/UTM 32N, GeoJSON and KML in WGS84', () => {
    expect(['gpkg', 'shp', 'csv', 'geojson', 'kml'].map((f) => defaultCrs(f as never))).toEqual([
      25832, 25832, 25832, 4326, 4326,
    ]);
  });
});

describe('list filters as export parameters', () => {
  it('take the claims filters the server knows and name the one it does not', () => {
    const filters = {
      ...NO_FILTERS,
      use: 'solar' as const,
      municipality: '03241011',
      q: ' Lehrte ',
      proposer: 'Stadt',
    };
    expect(claimExportFilters(filters)).toEqual({
      filters: { use: 'solar', municipality: '03241011', q: 'Lehrte' },
      ignored: ['proposer'],
    });
    expect(claimExportFilters(NO_FILTERS)).toEqual({ filters: {}, ignored: [] });
  });

  it('ask for current, undecided conflicts when the list hides closed ones', () => {
    expect(conflictExportFilters(NO_CONFLICT_FILTERS, false)).toEqual({ active: 'true', status: 'open,in_discussion' });
    expect(conflictExportFilters(NO_CONFLICT_FILTERS, true)).toEqual({});
    expect(conflictExportFilters({ ...NO_CONFLICT_FILTERS, severity: 'high', status: 'resolved' }, false)).toEqual({
      severity: 'high',
      status: 'resolved',
    });
  });
});

describe('files before upload', () => {
  it('are refused when empty, above 50 MB, a bare shapefile part or of an unknown kind', () => {
    expect(fileProblem({ name: 'a.geojson', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'A.GPKG', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'a.geojson', size: 0 })?.key).toBe('interop.emptyFile');
    expect(fileProblem({ name: 'a.zip', size: 50 * 1024 * 1024 + 1 })).toEqual({ key: 'interop.tooLarge', mb: '50.0' });
    expect(fileProblem({ name: 'flaechen.shp', size: 10 })?.key).toBe('interop.shpAlone');
    expect(fileProblem({ name: 'flaechen.dxf', size: 10 })?.key).toBe('interop.unknownType');
  });
});
