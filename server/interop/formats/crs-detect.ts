/**
 * Which of our CRS a file is in: from a WKT definition (.prj, GeoPackage srs), an identifier
 * (GeoJSON "crs", EWKT SRID, EPSG codes, URNs), or — when the file says nothing — a guess from the
 * coordinate range around Region Hannover. Pure; evidence texts are German.
 */
import type { BBox } from './geometry.js';
import { fail, type DecodeFailure } from './result.js';
import { IMPORT_CRS, type DetectedCrs, type ImportCrs } from './types.js';

/** People's names of the supported CRS. */
export const CRS_LABEL: Record<ImportCrs, string> = {
  4326: 'EPSG:4326 (WGS 84, Länge/Breite)',
  25832: 'EPSG:25832 (ETRS89 / UTM Zone 32N)',
  25833: 'EPSG:25833 (ETRS89 / UTM Zone 33N)',
  3857: 'EPSG:3857 (Web Mercator)',
  31467: 'EPSG:31467 (DHDN / Gauß-Krüger Zone 3)',
};

const SUPPORTED = IMPORT_CRS.map((c) => CRS_LABEL[c]).join(', ');

/** What a file told about its CRS. */
export type CrsFinding =
  | { kind: 'found'; epsg: ImportCrs; source: 'file' | 'format' | 'range'; evidence: string }
  /** Declared, but none of ours (`what` names it as the file does). */
  | { kind: 'unsupported'; what: string }
  /** Nothing declared and nothing inferable; `why` says so in a sentence. */
  | { kind: 'none'; why: string };

/** Codes that mean one of ours (ESRI and old Google codes of Web Mercator). */
const CODE_ALIASES: Record<number, ImportCrs> = { 900913: 3857, 3785: 3857, 102100: 3857, 102113: 3857 };

/** One of ours for an EPSG code, or null. */
export function importCrsOf(code: number): ImportCrs | null {
  if ((IMPORT_CRS as readonly number[]).includes(code)) return code as ImportCrs;
  return CODE_ALIASES[code] ?? null;
}

/**
 * The EPSG code in an identifier: `EPSG:25832`, `urn:ogc:def:crs:EPSG::25832`, `…/def/crs/EPSG/0/25832`,
 * `25832`; CRS84 is 4326 (lon/lat order). Null when it is no such identifier.
 */
export function codeOfIdentifier(text: string): number | null {
  const t = text.trim();
  if (/(^|[:/])CRS:?84$/i.test(t)) return 4326;
  const m =
    /^(?:urn:ogc:def:crs:)?EPSG:(?:[\d.]*:)?(\d+)$/i.exec(t) ??
    /\/def\/crs\/EPSG\/[^/]+\/(\d+)$/i.exec(t) ??
    /^(\d{4,6})$/.exec(t);
  return m ? Number(m[1]) : null;
}

/** A finding from an identifier the file declares; `label` says where it stands (e.g. `GeoJSON "crs"`). */
export function findingFromIdentifier(text: string, label: string): CrsFinding {
  const code = codeOfIdentifier(text);
  const epsg = code === null ? null : importCrsOf(code);
  if (epsg === null) return { kind: 'unsupported', what: text };
  return { kind: 'found', epsg, source: 'file', evidence: `${label}: ${text}` };
}

/**
 * The CRS of a layer: the user's choice wins, then what the file declares or implies; a declared
 * but unsupported CRS and an unknown one are refused with `unknown_crs`.
 */
export function resolveCrs(
  finding: CrsFinding,
  userCrs: ImportCrs | undefined,
): { ok: true; crs: DetectedCrs } | DecodeFailure {
  if (userCrs !== undefined) {
    const fileSays =
      finding.kind === 'found' && finding.source !== 'range' && finding.epsg !== userCrs
        ? ` (die Datei nennt ${CRS_LABEL[finding.epsg]} – ${finding.evidence})`
        : finding.kind === 'unsupported'
          ? ` (die Datei nennt „${finding.what}“)`
          : '';
    return {
      ok: true,
      crs: { epsg: userCrs, source: 'user', evidence: `Beim Hochladen gewählt: ${CRS_LABEL[userCrs]}${fileSays}` },
    };
  }
  if (finding.kind === 'found') {
    return { ok: true, crs: { epsg: finding.epsg, source: finding.source, evidence: finding.evidence } };
  }
  if (finding.kind === 'unsupported') {
    return fail(
      'unknown_crs',
      `Die Datei gibt das Koordinatensystem „${finding.what.slice(0, 120)}“ an; unterstützt werden ${SUPPORTED}. ` +
        'Bitte die Daten in eines davon umprojizieren oder, falls die Angabe nicht stimmt, das Koordinatensystem beim Hochladen wählen.',
    );
  }
  return fail(
    'unknown_crs',
    `${finding.why} Bitte beim Hochladen das Koordinatensystem wählen (unterstützt: ${SUPPORTED}).`,
  );
}

const fmt = (n: number) => (Math.abs(n) >= 1000 ? Math.round(n) : Math.round(n * 1e4) / 1e4).toLocaleString('de-DE');

/** Boxes around Region Hannover (lon 8.2–11.4°, lat 51.4–53.4°) in each CRS: these do not overlap. */
const REGION_BOX: [ImportCrs, BBox][] = [
  [4326, [8.2, 51.4, 11.4, 53.4]],
  [25832, [440_000, 5_690_000, 670_000, 5_925_000]],
  [25833, [20_000, 5_695_000, 265_000, 5_940_000]],
  [3857, [910_000, 6_690_000, 1_270_000, 7_060_000]],
  [31467, [3_440_000, 5_690_000, 3_670_000, 5_925_000]],
];

/** Boxes around Germany, checked in this order when the data lie outside the Region. */
const WIDE_BOX: [ImportCrs, BBox][] = [
  [4326, [-180, -90, 180, 90]],
  [31467, [3_250_000, 5_230_000, 3_970_000, 6_125_000]],
  [25832, [250_000, 5_230_000, 970_000, 6_125_000]],
  [3857, [640_000, 5_970_000, 1_690_000, 7_390_000]],
];

const inside = (b: BBox, box: BBox) => b[0] >= box[0] && b[1] >= box[1] && b[2] <= box[2] && b[3] <= box[3];

/** A guess from the coordinate range, for files that name no CRS (source 'range', said so in the evidence). */
export function crsFromRange(box: BBox | null, context: string): CrsFinding {
  if (!box)
    return {
      kind: 'none',
      why: `${context} nennt kein Koordinatensystem, und es gibt keine Koordinaten, aus denen es sich schätzen ließe.`,
    };
  const range = `x ${fmt(box[0])} … ${fmt(box[2])}, y ${fmt(box[1])} … ${fmt(box[3])}`;
  const region = REGION_BOX.find(([, b]) => inside(box, b));
  const wide = region ?? WIDE_BOX.find(([, b]) => inside(box, b));
  if (!wide) {
    return {
      kind: 'none',
      why: `${context} nennt kein Koordinatensystem, und der Wertebereich der Koordinaten (${range}) passt zu keinem unterstützten.`,
    };
  }
  const where = region ? 'in der Region Hannover' : 'in Deutschland';
  return {
    kind: 'found',
    epsg: wide[0],
    source: 'range',
    evidence: `Geschätzt: ${context} nennt kein Koordinatensystem; der Wertebereich (${range}) passt zu ${CRS_LABEL[wide[0]]} ${where}. Bitte prüfen.`,
  };
}
