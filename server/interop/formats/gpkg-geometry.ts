/**
 * GeoPackage binary geometry (GeoPackage 1.4, clause 2.1.3): the "GP" header with flags, srs_id
 * and optional envelope, followed by ISO WKB, which wkx reads and writes.
 */
import type { Geometry } from 'geojson';
import wkx from 'wkx';
import { bboxOf } from './geometry.js';

/** Envelope sizes in bytes by the envelope indicator (flags bits 1–3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** The geometry of a GeoPackage blob; null for an empty geometry; a German reason when unreadable. */
export function readGpkgGeometry(blob: Uint8Array): { geometry: Geometry | null } | { problem: string } {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) {
    return { problem: 'Die Geometrie ist keine GeoPackage-Geometrie (Kopf „GP“ fehlt).' };
  }
  const flags = blob[3]!;
  if (flags & 0x20) return { problem: 'Erweiterte GeoPackage-Geometrien werden nicht unterstützt.' };
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) return { problem: 'Die GeoPackage-Geometrie hat einen ungültigen Umring-Typ.' };
  if (flags & 0x10) return { geometry: null };
  try {
    const wkb = Buffer.from(blob.buffer, blob.byteOffset + 8 + envelope, blob.length - 8 - envelope);
    return { geometry: wkx.Geometry.parse(wkb).toGeoJSON() as Geometry };
  } catch (err) {
    return { problem: `Die Geometrie ist unlesbar (WKB: ${err instanceof Error ? err.message : String(err)}).` };
  }
}

/** A GeoPackage blob of a geometry: little-endian header with the XY envelope, then WKB. */
export function writeGpkgGeometry(geometry: Geometry, srsId: number): Uint8Array {
  const wkb = wkx.Geometry.parseGeoJSON(geometry).toWkb();
  const box = bboxOf([geometry]);
  const out = new Uint8Array(8 + (box ? 32 : 0) + wkb.length);
  const view = new DataView(out.buffer);
  out[0] = 0x47;
  out[1] = 0x50;
  out[2] = 0;
  // bit 0: little endian; bits 1–3: 1 = envelope [minx, maxx, miny, maxy]; bit 4: empty.
  out[3] = box ? 0x03 : 0x11;
  view.setInt32(4, srsId, true);
  if (box) {
    view.setFloat64(8, box[0], true);
    view.setFloat64(16, box[2], true);
    view.setFloat64(24, box[1], true);
    view.setFloat64(32, box[3], true);
  }
  out.set(wkb, 8 + (box ? 32 : 0));
  return out;
}
