/**
 * GeoPackage writer (sql.js): one feature table with the mandatory GeoPackage tables
 * (gpkg_spatial_ref_sys with -1, 0, 4326 and the layer's CRS, gpkg_contents with extent and the
 * provenance as description, gpkg_geometry_columns), application_id "GPKG" and user_version 1.3 (GDAL 3.6, as on our machines, warns that it supports 1.4 only partially).
 */
import type { Geometry } from 'geojson';
import type { SqlValue } from 'sql.js';
import { OGC_WKT, SRS_NAME } from './crs-wkt.js';
import { bboxOf } from './geometry.js';
import { writeGpkgGeometry } from './gpkg-geometry.js';
import { quoteId, withDatabase } from './sqlite.js';
import type { EncodableLayer, FieldSpec } from './types.js';

const SCHEMA = `
create table gpkg_spatial_ref_sys (
  srs_name TEXT not null, srs_id INTEGER primary key, organization TEXT not null,
  organization_coordsys_id INTEGER not null, definition TEXT not null, description TEXT);
create table gpkg_contents (
  table_name TEXT not null primary key, data_type TEXT not null, identifier TEXT unique,
  description TEXT default '', last_change DATETIME not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  constraint fk_gc_r_srs_id foreign key (srs_id) references gpkg_spatial_ref_sys(srs_id));
create table gpkg_geometry_columns (
  table_name TEXT not null, column_name TEXT not null, geometry_type_name TEXT not null,
  srs_id INTEGER not null, z TINYINT not null, m TINYINT not null,
  constraint pk_geom_cols primary key (table_name, column_name),
  constraint uk_gc_table_name unique (table_name),
  constraint fk_gc_tn foreign key (table_name) references gpkg_contents(table_name),
  constraint fk_gc_srs foreign key (srs_id) references gpkg_spatial_ref_sys (srs_id));
insert into gpkg_spatial_ref_sys values
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
`;

const SQL_TYPE: Record<FieldSpec['type'], string> = {
  string: 'TEXT',
  number: 'REAL',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

/**
 * The column's geometry type: the one type all features share, MULTIPOLYGON for a mix of polygons
 * and multipolygons (the polygons are then written as multipolygons), else GEOMETRY.
 */
export function geometryTypeName(geometries: (Geometry | null)[]): string {
  const types = new Set(geometries.filter((g): g is Geometry => g !== null).map((g) => g.type));
  if (types.size === 0) return 'GEOMETRY';
  if ([...types].every((t) => t === 'Polygon' || t === 'MultiPolygon'))
    return types.size === 1 ? [...types][0]!.toUpperCase() : 'MULTIPOLYGON';
  return types.size === 1
    ? [...types][0] === 'GeometryCollection'
      ? 'GEOMETRYCOLLECTION'
      : [...types][0]!.toUpperCase()
    : 'GEOMETRY';
}

function cell(value: unknown, type: FieldSpec['type']): SqlValue {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Write a layer as a GeoPackage file. */
export async function writeGpkg(layer: EncodableLayer): Promise<Uint8Array> {
  return withDatabase(undefined, (db) => {
    db.run('pragma application_id = 1196444487'); // "GPKG"
    db.run('pragma user_version = 10300');
    db.run(SCHEMA);
    db.run('insert into gpkg_spatial_ref_sys values (?, ?, ?, ?, ?, ?)', [
      SRS_NAME[4326],
      4326,
      'EPSG',
      4326,
      OGC_WKT[4326],
      null,
    ]);
    if (layer.crs !== 4326) {
      db.run('insert into gpkg_spatial_ref_sys values (?, ?, ?, ?, ?, ?)', [
        SRS_NAME[layer.crs],
        layer.crs,
        'EPSG',
        layer.crs,
        OGC_WKT[layer.crs],
        null,
      ]);
    }
    const geometries = layer.features.map((f) => f.geometry);
    const typeName = geometryTypeName(geometries);
    const box = bboxOf(geometries);
    db.run(
      'insert into gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        layer.name,
        'features',
        layer.name,
        layer.provenance,
        box?.[0] ?? null,
        box?.[1] ?? null,
        box?.[2] ?? null,
        box?.[3] ?? null,
        layer.crs,
      ],
    );
    db.run('insert into gpkg_geometry_columns values (?, ?, ?, ?, 0, 0)', [layer.name, 'geom', typeName, layer.crs]);
    const columns = layer.fields.map((f) => `${quoteId(f.name)} ${SQL_TYPE[f.type]}`);
    db.run(
      `create table ${quoteId(layer.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${typeName}${columns.map((c) => `, ${c}`).join('')})`,
    );
    const names = ['geom', ...layer.fields.map((f) => quoteId(f.name))];
    const insert = db.prepare(
      `insert into ${quoteId(layer.name)} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`,
    );
    try {
      db.run('begin');
      for (const f of layer.features) {
        let g = f.geometry;
        if (g?.type === 'Polygon' && typeName === 'MULTIPOLYGON')
          g = { type: 'MultiPolygon', coordinates: [g.coordinates] };
        insert.run([
          g ? writeGpkgGeometry(g, layer.crs) : null,
          ...layer.fields.map((field) => cell(f.properties[field.name], field.type)),
        ]);
      }
      db.run('commit');
    } finally {
      insert.free();
    }
    return db.export();
  });
}
