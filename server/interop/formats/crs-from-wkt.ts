/**
 * The CRS of a WKT definition (.prj of a shapefile, definition of a GeoPackage srs), OGC WKT 1,
 * ESRI WKT and WKT 2: by the top-level EPSG authority, else by name (ESRI and EPSG spellings),
 * else by the projection parameters (unnamed UTM / Gauß-Krüger definitions as some tools write them).
 */
import { importCrsOf, type CrsFinding } from './crs-detect.js';
import type { ImportCrs } from './types.js';

/** A WKT node: KEYWORD[arg, …]. */
interface WktNode {
  keyword: string;
  args: (string | number | WktNode)[];
}

/** Parse WKT text into nodes (either bracket style); null when it is no WKT. */
export function parseWkt(text: string): WktNode | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const node = (): WktNode | null => {
    ws();
    const kw = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
    if (!kw) return null;
    i += kw[0].length;
    ws();
    if (text[i] !== '[' && text[i] !== '(') return null;
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      ws();
      const c = text[i];
      if (c === undefined) return null;
      if (c === ']' || c === ')') {
        i++;
        return { keyword: kw[0].toUpperCase(), args };
      }
      if (c === ',') {
        i++;
        continue;
      }
      if (c === '"') {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return null;
        args.push(text.slice(i + 1, end));
        i = end + 1;
        continue;
      }
      const num = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i, i + 64));
      if (num) {
        args.push(Number(num[0]));
        i += num[0].length;
        continue;
      }
      const save = i;
      const child = node();
      if (child) {
        args.push(child);
        continue;
      }
      i = save;
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
      if (!word) return null;
      args.push(word[0]);
      i += word[0].length;
    }
  };
  const root = node();
  return root;
}

const children = (n: WktNode) => n.args.filter((a): a is WktNode => typeof a === 'object');

function deep(n: WktNode, keywords: string[], out: WktNode[] = []): WktNode[] {
  for (const c of children(n)) {
    if (keywords.includes(c.keyword)) out.push(c);
    deep(c, keywords, out);
  }
  return out;
}

/** Lower case, no diacritics, words joined by "_": "DHDN / 3-degree Gauss-Krüger zone 3" → "dhdn_3_degree_gauss_kruger_zone_3". */
export function normaliseCrsName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const NAMES: Record<string, ImportCrs> = {};
const alias = (epsg: ImportCrs, ...names: string[]) => names.forEach((n) => (NAMES[normaliseCrsName(n)] = epsg));
alias(4326, 'WGS 84', 'WGS84', 'GCS_WGS_1984', 'WGS_1984', 'WGS 84 (CRS84)');
for (const [zone, epsg] of [
  [32, 25832],
  [33, 25833],
] as const) {
  alias(
    epsg,
    `ETRS89 / UTM zone ${zone}N`,
    `ETRS_1989_UTM_Zone_${zone}N`,
    `ETRS89 UTM${zone}N`,
    `ETRS89 / UTM ${zone}N`,
  );
}
alias(
  3857,
  'WGS 84 / Pseudo-Mercator',
  'WGS_1984_Web_Mercator_Auxiliary_Sphere',
  'WGS_1984_Web_Mercator',
  'Popular Visualisation CRS / Mercator',
  'Google Maps Global Mercator',
  'Pseudo-Mercator',
  'Web Mercator',
);
alias(
  31467,
  'DHDN / 3-degree Gauss-Kruger zone 3',
  'DHDN_3_Degree_Gauss_Zone_3',
  'DHDN / Gauss-Kruger zone 3',
  'DHDN_Gauss_Kruger_Zone_3',
  'Deutsches_Hauptdreiecksnetz_Gauss_Kruger_Zone_3',
);

/** EPSG code of a direct AUTHORITY/ID child, if any. */
function authorityCode(n: WktNode): number | null {
  const auth = children(n).find((c) => c.keyword === 'AUTHORITY' || c.keyword === 'ID');
  if (!auth || String(auth.args[0]).toUpperCase() !== 'EPSG') return null;
  const code = Number(auth.args[1]);
  return Number.isInteger(code) ? code : null;
}

/** Our CRS from the projection parameters, with the parameters as evidence. */
function byParameters(n: WktNode): [ImportCrs, string] | null {
  const method = deep(n, ['PROJECTION', 'METHOD']).map((m) => normaliseCrsName(String(m.args[0])))[0] ?? '';
  const params = new Map<string, number>();
  for (const p of deep(n, ['PARAMETER'])) {
    if (typeof p.args[1] === 'number') params.set(normaliseCrsName(String(p.args[0])), p.args[1]);
  }
  const param = (...names: string[]) => names.map((x) => params.get(x)).find((v) => v !== undefined);
  const datum = deep(n, ['DATUM', 'SPHEROID', 'ELLIPSOID'])
    .map((d) => normaliseCrsName(String(d.args[0])))
    .join(' ');
  if (/mercator_auxiliary_sphere|pseudo_mercator/.test(method)) return [3857, 'Web-Mercator-Projektion'];
  if (method !== 'transverse_mercator' && method !== 'gauss_kruger') return null;
  const cm = param('central_meridian', 'longitude_of_natural_origin', 'longitude_of_origin');
  const k = param('scale_factor', 'scale_factor_at_natural_origin');
  const fe = param('false_easting');
  const text = `Transversale Mercator, Mittelmeridian ${cm}°, Maßstab ${k}, False Easting ${fe}`;
  if (k === 0.9996 && fe === 500000 && /etrs|grs_?1980|grs_80/.test(datum)) {
    if (cm === 9) return [25832, text];
    if (cm === 15) return [25833, text];
  }
  if (k === 1 && fe === 3500000 && cm === 9 && /dhdn|bessel|hauptdreiecksnetz|potsdam/.test(datum))
    return [31467, text];
  return null;
}

/**
 * The CRS a WKT definition describes; `label` names the place in the file for the evidence
 * (e.g. `.prj`). A definition that is none of ours is `unsupported`, named as the file names it.
 */
export function crsFromWkt(wkt: string, label: string): CrsFinding {
  let root = parseWkt(wkt);
  if (!root) return { kind: 'unsupported', what: `${label}: ${wkt.trim().slice(0, 80)}` };
  if (root.keyword === 'COMPD_CS' || root.keyword === 'COMPOUNDCRS') root = children(root)[0] ?? root;
  if (root.keyword === 'BOUNDCRS') root = deep(root, ['SOURCECRS']).flatMap(children)[0] ?? root;
  const name = typeof root.args[0] === 'string' ? root.args[0] : root.keyword;
  const code = authorityCode(root);
  if (code !== null) {
    const epsg = importCrsOf(code);
    return epsg
      ? { kind: 'found', epsg, source: 'file', evidence: `${label}: ${name} (EPSG:${code})` }
      : { kind: 'unsupported', what: `${name} (EPSG:${code})` };
  }
  const named = NAMES[normaliseCrsName(name)];
  if (named) return { kind: 'found', epsg: named, source: 'file', evidence: `${label}: ${name}` };
  const byParams = byParameters(root);
  if (byParams)
    return { kind: 'found', epsg: byParams[0], source: 'file', evidence: `${label}: ${name} (${byParams[1]})` };
  return { kind: 'unsupported', what: name };
}
