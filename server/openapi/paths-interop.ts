/** Paths of file import (`/api/imports`) and export (`/api/exports/{dataset}`), as agreed for issue 8. */
import { CLAIM_USES } from '../../shared/claim-uses.js';
import { CLAIM_STATUSES } from '../../shared/claims.js';
import { SEVERITIES } from '../../shared/conflict-rules.js';
import { CONFLICT_KINDS, CONFLICT_STATUSES } from '../../shared/conflicts.js';
import { EXPORT_DATASETS } from '../../shared/exports.js';
import { ANNOTATION_TARGET_TYPES } from '../../shared/annotations.js';
import {
  EXPORT_CRS,
  FILE_FORMATS,
  IMPORT_CRS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_FEATURES,
  IMPORT_MAX_UNCOMPRESSED_BYTES,
  IMPORT_TARGETS,
} from '../../shared/interop.js';
import { json, operation, type PathTable } from './operation.js';
import { listQuery, p, pathParam, query } from './parameters.js';
import { enumOf, int, ref, str } from './schema-kit.js';

const BINARY = str(undefined, { format: 'binary' });
const MB = 1024 * 1024;

export const interopPaths: PathTable = {
  '/api/imports': {
    post: operation({
      id: 'stageImport',
      tag: 'Import',
      summary: 'Datei hochladen und prüfen (Vorschau)',
      description:
        `Body: die Datei selbst (GeoJSON, GeoPackage, Shapefile als ZIP, KML, CSV mit WKT). Das KBS wird aus der Datei erkannt (EPSG ${IMPORT_CRS.join(', ')}) und umprojiziert; jedes Feature bekommt einen Befund (valid/repairable/rejected). Es wird noch nichts in Ansprüche geschrieben; der Import bleibt 24 h vorgemerkt. Nur Planung und Admins; target=constraints nur Admins. ` +
        `Grenzen: ${IMPORT_MAX_BYTES / MB} MB je Datei, ${IMPORT_MAX_UNCOMPRESSED_BYTES / MB} MB entpackt, ${IMPORT_MAX_FEATURES.toLocaleString('de-DE')} Features, 20 Uploads je Konto in 10 Minuten (sonst 429). ` +
        'Dateifehler → 422 mit corrupt_file, missing_part, unknown_crs, unknown_format, no_features, unsafe_name oder too_many_features.',
      access: 'write',
      params: [
        {
          ...query('target', 'Ziel: Flächenansprüche oder Schutzgebiete (Admins)', enumOf(IMPORT_TARGETS)),
          required: true,
        },
        {
          ...query(
            'filename',
            'Ursprünglicher Dateiname (bestimmt das Format mit)',
            str(undefined, { maxLength: 255 }),
          ),
          required: true,
        },
        query('crs', 'KBS erzwingen (überschreibt die Angabe der Datei)', { type: 'integer', enum: [...IMPORT_CRS] }),
        query('layer', 'GeoPackage: Tabelle'),
      ],
      body: { schema: BINARY, mediaType: 'application/octet-stream', description: 'Die Datei als Bytes' },
      ok: json(201, 'Vorschau mit Befund je Feature', ref('ImportPreview')),
      errors: [413, 415, 422, 429],
    }),
  },
  '/api/imports/{id}': {
    get: operation({
      id: 'getImport',
      tag: 'Import',
      summary: 'Vorschau eines vorgemerkten Imports',
      description: 'Nur für die Person, die hochgeladen hat; sonst 404.',
      access: 'session',
      params: [p('Id')],
      ok: json(200, 'Vorschau', ref('ImportPreview')),
      errors: [400, 404],
    }),
    delete: operation({
      id: 'discardImport',
      tag: 'Import',
      summary: 'Vorgemerkten Import verwerfen',
      access: 'write',
      params: [p('Id')],
      ok: { status: 204, description: 'Verworfen' },
      errors: [400, 404],
    }),
  },
  '/api/imports/{id}/check': {
    post: operation({
      id: 'checkImport',
      tag: 'Import',
      summary: 'Zuordnung anwenden und prüfen (ohne Schreiben)',
      description: 'Jedes Feature wird mit derselben Prüfung wie POST /api/claims validiert.',
      access: 'write',
      params: [p('Id')],
      body: { schema: ref('ImportDecision') },
      ok: json(200, 'Befund je Feature', ref('ImportCheck')),
      errors: [404, 415, 422],
    }),
  },
  '/api/imports/{id}/commit': {
    post: operation({
      id: 'commitImport',
      tag: 'Import',
      summary: 'Import übernehmen (atomar)',
      description:
        'Eine Transaktion: alle angenommenen Features oder keines. Scheitert eines (z. B. außerhalb der Zuständigkeit) → 422 mit issues [{index, code, message}], nichts wird geschrieben. Zweites Übernehmen → 409 import_committed.',
      access: 'write',
      params: [p('Id')],
      body: { schema: ref('ImportDecision') },
      ok: json(201, 'Angelegt', ref('ImportCommit')),
      errors: [404, 409, 415, 422],
    }),
  },
  '/api/exports/{dataset}': {
    get: operation({
      id: 'exportDataset',
      tag: 'Export',
      summary: 'Datensatz als Datei herunterladen',
      description:
        'Liest genau, was die Listen-Endpunkte der lesenden Person zeigen (Rollen, Veröffentlichung). Jede Datei trägt einen Herkunftsvermerk (Quelle, Zeitpunkt, Filter, KBS, Lizenzen, Demo-Daten). KML nur in WGS84 (crs=25832 mit format=kml → 400 crs_not_supported). Filter je Datensatz: claims use, status, municipality, bbox, q; conflicts severity, status, kind, municipality, claim, bbox, active; annotations target_type; indicators year, scenario, target, method, weight.',
      access: 'public',
      params: [
        pathParam('dataset', 'Datensatz', enumOf(EXPORT_DATASETS)),
        query('format', 'Dateiformat (Standard geojson)', enumOf(FILE_FORMATS)),
        query('crs', 'Koordinatensystem (Standard 4326)', { type: 'integer', enum: [...EXPORT_CRS] }),
        listQuery('use', 'claims: Nutzungen', CLAIM_USES),
        query(
          'status',
          `claims: ${CLAIM_STATUSES.join(', ')}; conflicts: ${CONFLICT_STATUSES.join(', ')} (kommagetrennt)`,
        ),
        p('Municipality'),
        p('Bbox'),
        query('q', 'claims: Suchtext'),
        listQuery('severity', 'conflicts: Schwere', SEVERITIES),
        listQuery('kind', 'conflicts: Art', CONFLICT_KINDS),
        query('claim', 'conflicts: eines Anspruchs', int(undefined, { minimum: 1 })),
        query('active', 'conflicts: bestehende/geschlossene', { type: 'boolean' }),
        listQuery('target_type', 'annotations: Objektarten', ANNOTATION_TARGET_TYPES),
        query('year', 'indicators: Statistikjahr', int()),
        query('scenario', 'indicators: Szenario'),
        query('target', 'indicators: Flächenziel'),
        query('method', 'indicators: Budgetverteilung'),
        query(
          'weight',
          'indicators: Gewicht der Einwohner bei method=mix',
          int(undefined, { minimum: 0, maximum: 100 }),
        ),
      ],
      ok: {
        status: 200,
        description:
          'Die Datei als Anhang: Content-Disposition attachment; filename="flaechenforum-<dataset>-<JJJJ-MM-TT>.<ext>". Warnungen (falls vorhanden) prozentkodiert in X-Export-Warnings.',
        content: {
          'application/geo+json': BINARY,
          'application/geopackage+sqlite3': BINARY,
          'application/zip': BINARY,
          'application/vnd.google-earth.kml+xml': BINARY,
          'text/csv': BINARY,
        },
        headers: {
          'Content-Disposition': { description: 'Dateiname des Downloads', schema: str() },
          'X-Export-Warnings': { description: 'Hinweise, prozentkodiert, durch | getrennt', schema: str() },
        },
      },
      errors: [400, 404],
    }),
  },
};
