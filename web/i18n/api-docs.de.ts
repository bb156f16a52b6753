/**
 * German UI texts of the API reference page `#/api`. Added to the catalogue by `api-docs.texts.ts`
 * (the page shell's few texts are in `de.ts`); `api-docs.en.ts` must have every key (its type).
 * The endpoint summaries come from the OpenAPI document itself (German).
 */
export const apiDocsDe = {
  'apiDocs.pageTitle': 'API-Referenz',
  'apiDocs.intro':
    'Die JSON-API des Flächenforums: alle Endpunkte mit Parametern, Request-Bodies und Antworten. GeoJSON immer in EPSG:4326. Schreibende Anfragen brauchen eine Sitzung und das CSRF-Token im Header X-CSRF-Token.',
  'apiDocs.rawJson': 'OpenAPI-Dokument (JSON)',
  'apiDocs.ogc': 'OGC API – Features (für QGIS und GDAL)',
  'apiDocs.version': 'Version {version} · OpenAPI {openapi}',
  'apiDocs.loading': 'API-Beschreibung wird geladen …',
  'apiDocs.error': 'Die API-Beschreibung konnte nicht geladen werden: {message}',
  'apiDocs.retry': 'Erneut versuchen',
  'apiDocs.search': 'Endpunkte durchsuchen',
  'apiDocs.searchPlaceholder': 'Pfad oder Beschreibung, z. B. claims oder Konflikt',
  'apiDocs.count': '{count} von {total} Endpunkten',
  'apiDocs.noMatch': 'Kein Endpunkt passt zur Suche.',
  'apiDocs.expandAll': 'Alle aufklappen',
  'apiDocs.collapseAll': 'Alle zuklappen',
  'apiDocs.toc': 'Bereiche',
  'apiDocs.parameters': 'Parameter',
  'apiDocs.requestBody': 'Request-Body',
  'apiDocs.responses': 'Antworten',
  'apiDocs.required': 'Pflicht',
  'apiDocs.nullable': 'oder null',
  'apiDocs.values': 'Werte',
  'apiDocs.default': 'Standard',
  'apiDocs.example': 'Beispiel',
  'apiDocs.openObject': 'weitere Felder möglich',
  'apiDocs.closedObject': 'keine weiteren Felder',
  'apiDocs.oneOf': 'eine der Varianten',
  'apiDocs.noBody': 'ohne Body',
  'apiDocs.seeAbove': 'siehe oben ({name})',
  'apiDocs.permalink': 'Link auf diesen Endpunkt',
  'apiDocs.badge.session': 'Anmeldung',
  'apiDocs.badge.write': 'Anmeldung + CSRF',
  'apiDocs.access.public': 'öffentlich – angemeldet ggf. mehr sichtbar',
  'apiDocs.access.session': 'Anmeldung nötig',
  'apiDocs.access.write': 'Anmeldung und X-CSRF-Token nötig',
  'apiDocs.in.path': 'Pfad',
  'apiDocs.in.query': 'Query',
  'apiDocs.in.header': 'Header',
  'apiDocs.errorObject': 'Fehlerobjekt aller Fehlerantworten (4xx, 5xx)',
  'apiDocs.headers': 'Header der Antwort',
} as const;

/** A key of the API reference's texts. */
export type ApiDocsMessageKey = keyof typeof apiDocsDe;
