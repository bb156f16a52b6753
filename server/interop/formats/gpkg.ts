/**
 * GeoPackage reader (sql.js): picks a feature table (the requested one, else the first with
 * polygons), reads its srs, columns and GeoPackage geometries. Writer in gpkg-write.ts.
 */
import type { Database, SqlValue } from 'sql.js';
import { CRS_LABEL, importCrsOf, resolveCrs, type CrsFinding } from './crs-detect.js';
import { crsFromWkt } from './crs-from-wkt.js';
import { readGpkgGeometry } from './gpkg-geometry.js';
import { errorText, fail, tooManyFeatures } from './result.js';
import { quoteId, withDatabase } from './sqlite.js';
import type { DecodedFeature, DecodeOptions, DecodeResult, FieldInfo } from './types.js';

interface LayerRow {
  table: string;
  column: string;
  type: string;
  srsId: number;
}

const POLYGONAL = /^(MULTI)?(POLYGON|SURFACE|CURVEPOLYGON)$/i;

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql, params);
  const out: Record<string, SqlValue>[] = [];
  try {
    while (stmt.step()) out.push(stmt.getAsObject());
  } finally {
    stmt.free();
  }
  return out;
}

function featureLayers(db: Database): LayerRow[] {
  return rows(
    db,
    `select c.table_name as t, g.column_name as c, g.geometry_type_name as type, g.srs_id as srs
     from gpkg_contents c join gpkg_geometry_columns g on g.table_name = c.table_name
     where c.data_type = 'features' order by c.rowid`,
  ).map((r) => ({ table: String(r.t), column: String(r.c), type: String(r.type), srsId: Number(r.srs) }));
}

function srsFinding(db: Database, srsId: number): CrsFinding {
  const [srs] = rows(
    db,
    'select srs_name, organization, organization_coordsys_id as code, definition from gpkg_spatial_ref_sys where srs_id = ?',
    [srsId],
  );
  if (!srs || srsId === -1 || srsId === 0) {
    return { kind: 'none', why: `Das GeoPackage nennt für den Layer kein Koordinatensystem (srs_id ${srsId}).` };
  }
  const name = String(srs.srs_name ?? '');
  if (String(srs.organization).toUpperCase() === 'EPSG') {
    const epsg = importCrsOf(Number(srs.code));
    if (epsg) {
      return {
        kind: 'found',
        epsg,
        source: 'file',
        evidence: `GeoPackage gpkg_spatial_ref_sys: EPSG ${String(srs.code)} (${name || CRS_LABEL[epsg]})`,
      };
    }
  }
  const byDefinition = typeof srs.definition === 'string' ? crsFromWkt(srs.definition, 'GeoPackage-Definition') : null;
  if (byDefinition?.kind === 'found') return byDefinition;
  return { kind: 'unsupported', what: `${name || 'srs'} (${String(srs.organization)} ${String(srs.code)})` };
}

/** Field type of a GeoPackage column type. */
function fieldType(sqlType: string): FieldInfo['type'] {
  const t = sqlType.toUpperCase();
  if (/^(INT|INTEGER|MEDIUMINT|SMALLINT|TINYINT|DOUBLE|REAL|FLOAT|NUMERIC)/.test(t)) return 'number';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE' || t === 'DATETIME') return 'date';
  if (t.startsWith('TEXT')) return 'string';
  return 'unknown';
}

function chooseLayer(layers: LayerRow[], wanted: string | undefined): LayerRow | string {
  if (wanted) {
    const hit = layers.find((l) => l.table.toLowerCase() === wanted.toLowerCase());
    return hit ?? `Das GeoPackage hat keinen Layer „${wanted}“; vorhanden: ${layers.map((l) => l.table).join(', ')}.`;
  }
  return layers.find((l) => POLYGONAL.test(l.type)) ?? layers[0]!;
}

function read(db: Database, opts: DecodeOptions): DecodeResult {
  const tables = rows(
    db,
    "select name from sqlite_master where type = 'table' and name in ('gpkg_contents', 'gpkg_geometry_columns')",
  );
  if (tables.length < 2) {
    return fail(
      'corrupt_file',
      'Die Datei ist eine SQLite-Datenbank, aber kein GeoPackage (Tabelle gpkg_contents oder gpkg_geometry_columns fehlt).',
    );
  }
  const layers = featureLayers(db);
  if (layers.length === 0) return fail('no_features', 'Das GeoPackage enthält keinen Vektor-Layer.');
  const layer = chooseLayer(layers, opts.layer);
  if (typeof layer === 'string') return fail('missing_part', layer);
  const warnings: string[] = [];
  const others = layers.filter((l) => l !== layer).map((l) => l.table);
  if (others.length > 0) {
    warnings.push(
      `Das GeoPackage enthält weitere Layer, die nicht importiert werden: ${others.join(', ')}. Gelesen wurde „${layer.table}“; einen anderen Layer beim Hochladen wählen.`,
    );
  }
  const crs = resolveCrs(srsFinding(db, layer.srsId), opts.crs);
  if (!crs.ok) return crs;
  const table = quoteId(layer.table);
  const count = Number(rows(db, `select count(*) as n from ${table}`)[0]!.n);
  if (opts.maxFeatures !== undefined && count > opts.maxFeatures) {
    return tooManyFeatures(count, opts.maxFeatures);
  }
  const columns = rows(db, `pragma table_info(${table})`);
  const pk = columns.find((c) => Number(c.pk) === 1 && String(c.type).toUpperCase() === 'INTEGER');
  const fields: FieldInfo[] = columns
    .filter((c) => c !== pk && String(c.name) !== layer.column)
    .map((c) => ({ name: String(c.name), type: fieldType(String(c.type)) }));
  const order = pk ? ` order by ${quoteId(String(pk.name))}` : '';
  const features = rows(db, `select * from ${table}${order}`).map((row, index): DecodedFeature => {
    const properties: Record<string, unknown> = {};
    for (const f of fields) {
      const v = row[f.name];
      properties[f.name] = f.type === 'boolean' && typeof v === 'number' ? v !== 0 : v instanceof Uint8Array ? null : v;
    }
    const blob = row[layer.column];
    if (!(blob instanceof Uint8Array)) return { index, geometry: null, properties };
    const g = readGpkgGeometry(blob);
    return 'problem' in g
      ? { index, geometry: null, properties, problem: g.problem }
      : { index, geometry: g.geometry, properties };
  });
  return { ok: true, layer: { format: 'gpkg', name: layer.table, crs: crs.crs, fields, features, warnings } };
}

/** Read a GeoPackage (file bytes start with the SQLite header). */
export async function readGpkg(bytes: Uint8Array, opts: DecodeOptions): Promise<DecodeResult> {
  try {
    return await withDatabase(bytes, (db) => read(db, opts));
  } catch (err) {
    return fail(
      'corrupt_file',
      `Das GeoPackage ist beschädigt oder unvollständig (SQLite: ${errorText(err)}). Bitte neu exportieren.`,
    );
  }
}
