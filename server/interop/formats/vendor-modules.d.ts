/** Types of the untyped parts of shpjs and dbf that the shapefile reader and writer use. */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp in file coordinates (no reprojection without `prj`); null for null shapes. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): (Geometry | null)[];
  /** Rows of a .dbf, decoded with the code page of the .cpg (default UTF-8). */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}

declare module 'dbf' {
  export interface DbfField {
    name: string;
    type: 'C' | 'N' | 'L' | 'D';
    size: number;
  }
  /** A dBASE III table of `rows` with the given fields (strings written byte per character). */
  export function structure(rows: Record<string, unknown>[], fields?: DbfField[]): DataView;
}
