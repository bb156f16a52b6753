/**
 * The OpenAPI 3.0.3 description of the JSON API (`/api/*`) and the vector tiles (`/tiles/*`).
 * Request bodies come from the shared zod schemas, answers from the hand-written wire schemas; the
 * OGC API – Features under `/ogc` describes itself and is only linked here.
 */
import { bodySchemas } from './body-schemas.js';
import { interopSchemas } from './interop-schemas.js';
import { ERROR_RESPONSES, json, operation, type PathTable } from './operation.js';
import { PARAMETERS } from './parameters.js';
import { claimPaths } from './paths-claims.js';
import { collabPaths } from './paths-collab.js';
import { corePaths } from './paths-core.js';
import { interopPaths } from './paths-interop.js';
import type { JsonSchema } from './schema-kit.js';
import { annotationSchemas, workflowSchemas } from './wire-schemas-more.js';
import { claimSchemas, geoSchemas, referenceSchemas } from './wire-schemas.js';

/** Media type of the document (RFC-style OpenAPI media type with its major version). */
export const OPENAPI_MEDIA_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

/** Tag names (English) in display order, with German descriptions. */
export const TAGS: { name: string; description: string }[] = [
  { name: 'Claims', description: 'Flächenansprüche: lesen, zeichnen, ändern mit Versionen, Kompromiss, Alternativen' },
  { name: 'Conflicts', description: 'Überlagerungen und Abstandskonflikte mit Status und Diskussion' },
  { name: 'Rules', description: 'Die Konfliktregeln (Regelmatrix)' },
  { name: 'Annotations', description: 'Notizen an Objekten und in der Karte, Antworten, Moderation' },
  { name: 'Participation', description: 'Öffentliche Beteiligungsphasen und eingereichte Vorschläge' },
  { name: 'Conflict rounds', description: 'Konfliktrunden: Tagesordnung, Sitzung, Entscheidungen' },
  { name: 'Indicators', description: 'Flächenverbrauch je Gemeinde und für die Region' },
  { name: 'Reference data', description: 'Gemeinden (amtlich), Flurstücke und Schutzgebiete (Demo-Daten)' },
  { name: 'Import', description: 'Planungsflächen aus Dateien übernehmen: hochladen, prüfen, atomar übernehmen' },
  { name: 'Export', description: 'Datensätze als GeoJSON, GeoPackage, Shapefile, KML oder CSV' },
  { name: 'Vector tiles', description: 'Mapbox Vector Tiles und TileJSON für die Karte' },
  { name: 'Audit log', description: 'Änderungsprotokoll (nur lesen, unveränderlich)' },
  { name: 'Live events', description: 'Änderungen in Echtzeit (Server-Sent Events)' },
  { name: 'Auth', description: 'Anmelden, abmelden, Sitzung' },
  { name: 'System', description: 'Betriebszustand und diese Beschreibung' },
];

const selfPath: PathTable = {
  '/api/openapi.json': {
    get: operation({
      id: 'getOpenApi',
      tag: 'System',
      summary: 'Diese API-Beschreibung (OpenAPI 3.0)',
      description: `Als ${OPENAPI_MEDIA_TYPE}; mit Accept: application/json als application/json.`,
      access: 'public',
      ok: {
        ...json(200, 'OpenAPI-Dokument', { type: 'object' }, OPENAPI_MEDIA_TYPE),
        content: { [OPENAPI_MEDIA_TYPE]: { type: 'object' }, 'application/json': { type: 'object' } },
      },
    }),
  },
};

const DESCRIPTION = `JSON-API des Flächenforums (Region Hannover). GeoJSON immer in EPSG:4326 (RFC 7946, 6 Nachkommastellen); gespeichert wird in EPSG:25832, Flächen in ha.

**Anmeldung:** POST /api/auth/login setzt das Cookie \`ff_session\` und liefert ein CSRF-Token. Jede schreibende Anfrage muss von dieser Seite kommen (Origin / Sec-Fetch-Site) und angemeldet das Token im Header \`X-CSRF-Token\` tragen.

**Versionen:** Lesbare Objekte tragen ihre Version als ETag; Änderungen nennen die erwartete Version mit \`If-Match: "N"\` (veraltet → 409 mit \`current\`, fehlend → 428).

**Fehler:** immer JSON \`{ error, message }\` mit deutscher Meldung, dazu \`issues\` bei Feldfehlern.

**OGC API – Features** (für QGIS, GDAL, ArcGIS): unter [/ogc](/ogc), mit eigener Beschreibung unter /ogc/api.

Flurstücke, Schutzgebiete und Beispiel-Ansprüche sind Demo-Daten.`;

/** Build the document (pure; the route caches it). */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: PathTable = { ...corePaths, ...claimPaths, ...collabPaths, ...interopPaths, ...selfPath };
  const schemas: Record<string, JsonSchema> = {
    ...geoSchemas,
    ...claimSchemas,
    ...referenceSchemas,
    ...annotationSchemas,
    ...workflowSchemas,
    ...interopSchemas,
    ...bodySchemas,
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Flächenforum API',
      version,
      description: DESCRIPTION,
      license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/de/' },
    },
    servers: [{ url: '/', description: 'Dieser Server' }],
    externalDocs: { description: 'OGC API – Features (Landing Page)', url: '/ogc' },
    tags: TAGS,
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      parameters: PARAMETERS,
      responses: ERROR_RESPONSES,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'ff_session',
          description:
            'Sitzungs-Cookie von POST /api/auth/login (HttpOnly, SameSite=Lax; 8 h ohne Nutzung, höchstens 24 h)',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description:
            'CSRF-Token der Sitzung (aus login bzw. GET /api/auth/me); Pflicht bei jeder schreibenden Anfrage',
        },
      },
    },
  };
}
