/**
 * The OpenAPI 3.0 description of the OGC API – Features service, built from the catalogue: one items
 * path per collection with its own property filters (GDAL's OAPIF driver reads them there to pass
 * attribute filters to the server) and the `limit` bounds clients page with.
 */
import { arr, bool, enumOf, int, nullable, num, obj, ref, str, type JsonSchema } from '../../openapi/schema-kit.js';
import { OGC_COLLECTION_IDS, OGC_COLLECTIONS, type CollectionSpec, type PropertySpec } from './ogc.collections.js';
import { MEDIA_GEOJSON, MEDIA_JSON, MEDIA_OPENAPI } from './ogc.documents.js';
import { CRS84, DEFAULT_LIMIT, MAX_LIMIT, SUPPORTED_CRS } from './ogc.params.js';

interface Parameter {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  style?: 'form' | 'simple';
  explode?: boolean;
  schema: JsonSchema;
}

const query = (name: string, description: string, schema: JsonSchema, list = false): Parameter => ({
  name,
  in: 'query',
  description,
  required: false,
  ...(list ? { style: 'form', explode: false } : {}),
  schema,
});

const PARAMETERS: Record<string, Parameter> = {
  f: query('f', 'Format; nur json (Inhalt wie ohne f, aber als application/json)', enumOf(['json'])),
  limit: query(
    'limit',
    `Objekte je Seite, 1 bis ${MAX_LIMIT}; außerhalb 400. Weitere Seiten über den Link "next"`,
    int(undefined, { minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
  ),
  offset: query(
    'offset',
    'Zu überspringende Objekte (nach id sortiert); die Links next/prev setzen es',
    int(undefined, { minimum: 0, default: 0 }),
  ),
  bbox: query(
    'bbox',
    'Ausschnitt aus 4 Zahlen in der Achsenfolge von bbox-crs: CRS84 minLon,minLat,maxLon,maxLat (Standard), ' +
      'EPSG:25832 minE,minN,maxE,maxN, EPSG:4326 minLat,minLon,maxLat,maxLon. Objekte, die ihn berühren',
    arr(num(), undefined, { minItems: 4, maxItems: 4 }),
    true,
  ),
  bboxCrs: query(
    'bbox-crs',
    'CRS von bbox',
    str(undefined, { format: 'uri', enum: [...SUPPORTED_CRS], default: CRS84 }),
  ),
  crs: query(
    'crs',
    'CRS der Koordinaten in der Antwort (Header Content-Crs); EPSG:25832 ist das Speicher-CRS (1 mm)',
    str(undefined, { format: 'uri', enum: [...SUPPORTED_CRS], default: CRS84 }),
  ),
};

/** `datetime` of one collection: what it compares with, or that it does not filter there. */
function datetimeParameter(spec: CollectionSpec): Parameter {
  const target = spec.temporal
    ? `Verglichen wird mit ${spec.temporal}.`
    : 'Diese Sammlung hat keinen Zeitbezug: der Wert wird geprüft, filtert aber nicht.';
  return query(
    'datetime',
    'Zeitpunkt oder Intervall nach RFC 3339, offene Enden mit "..": 2025-01-01T00:00:00Z, 2025-01-01/2025-06-30, ' +
      '../2026-01-01T00:00:00Z, 2025-01-01/.. — ein Zeitpunkt steht für die Sekunde (bzw. den Tag), die er nennt. ' +
      target,
    str(),
  );
}

const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

function filterParameter(name: string, spec: CollectionSpec): Parameter {
  const filter = spec.filters[name]!;
  const item = filter.values ? enumOf(filter.values) : str(undefined, { pattern: filter.pattern!.source });
  return query(name, `${filter.description}; mehrere Werte kommagetrennt (einer davon)`, arr(item), true);
}

function propertySchema(p: PropertySpec): JsonSchema {
  const base =
    p.type === 'date-time'
      ? str(p.description, { format: 'date-time' })
      : p.type === 'boolean'
        ? bool(p.description)
        : p.type === 'integer'
          ? int(p.description)
          : p.type === 'number'
            ? num(p.description)
            : str(p.description, p.enum ? { enum: [...p.enum] } : {});
  return p.nullable ? nullable(base) : base;
}

const GEOMETRY = obj(
  { type: enumOf(['Point', 'Polygon', 'MultiPolygon']), coordinates: arr({}) },
  'GeoJSON-Geometrie',
  true,
);

/** The schema of one collection's features. */
function featureSchema(spec: CollectionSpec): JsonSchema {
  const properties = Object.fromEntries(Object.entries(spec.properties).map(([k, p]) => [k, propertySchema(p)]));
  return obj({
    type: enumOf(['Feature']),
    id: spec.idType === 'integer' ? int('Datenbank-id (stabil)') : str('AGS'),
    geometry: nullable(GEOMETRY),
    properties: obj(properties),
    'links?': arr(ref('link')),
  });
}

const json = (schema: JsonSchema, type = MEDIA_JSON) => ({ content: { [type]: { schema } } });

const ERROR = { $ref: '#/components/responses/error' };

function collectionPaths(spec: CollectionSpec) {
  const featureId = {
    name: 'featureId',
    in: 'path',
    required: true,
    description: spec.idType === 'integer' ? 'id des Objekts' : 'AGS der Gemeinde',
    schema: spec.idType === 'integer' ? int(undefined, { minimum: 1 }) : str(undefined, { pattern: '^\\d{8}$' }),
  };
  const collection = ref(`featureCollection_${spec.id}`);
  const feature = ref(`feature_${spec.id}`);
  return {
    [`/collections/${spec.id}/items`]: {
      get: {
        operationId: `get_${spec.id}_items`,
        summary: `${spec.title}: Objekte`,
        description: spec.description,
        tags: ['Daten'],
        parameters: [
          ...['f', 'limit', 'offset', 'bbox', 'bboxCrs', 'crs'].map(param),
          datetimeParameter(spec),
          ...Object.keys(spec.filters).map((name) => filterParameter(name, spec)),
        ],
        responses: {
          '200': {
            description: 'Eine Seite der Objekte; Header Content-Crs nennt das CRS',
            content: { [MEDIA_GEOJSON]: { schema: collection }, [MEDIA_JSON]: { schema: collection } },
          },
          '400': ERROR,
        },
      },
    },
    [`/collections/${spec.id}/items/{featureId}`]: {
      get: {
        operationId: `get_${spec.id}_item`,
        summary: `${spec.title}: ein Objekt`,
        tags: ['Daten'],
        parameters: [param('f'), param('crs'), featureId],
        responses: {
          '200': {
            description: 'Das Objekt',
            content: { [MEDIA_GEOJSON]: { schema: feature }, [MEDIA_JSON]: { schema: feature } },
          },
          '400': ERROR,
          '404': ERROR,
        },
      },
    },
  };
}

const metadataGet = (operationId: string, summary: string, schema: JsonSchema, type = MEDIA_JSON) => ({
  get: {
    operationId,
    summary,
    tags: ['Dienst'],
    parameters: [param('f')],
    responses: { '200': { description: summary, ...json(schema, type) }, '400': ERROR },
  },
});

const link = obj({ href: str(undefined, { format: 'uri' }), rel: str(), type: str(), 'title?': str() });
const extent = obj({
  spatial: obj({ bbox: arr(arr(num(), undefined, { minItems: 4, maxItems: 4 })), crs: str() }),
  'temporal?': obj({ interval: arr(arr(nullable(str(undefined, { format: 'date-time' })))), trs: str() }),
});
const collection = obj({
  id: enumOf(OGC_COLLECTION_IDS),
  title: str(),
  description: str(),
  links: arr(ref('link')),
  extent,
  itemType: enumOf(['feature']),
  crs: arr(str()),
  storageCrs: str(),
});

/** The OpenAPI 3.0 document of the service at `base`. */
export function ogcOpenApi(base: string) {
  const schemas: Record<string, JsonSchema> = {
    link,
    landingPage: obj({ title: str(), description: str(), links: arr(ref('link')) }),
    confClasses: obj({ conformsTo: arr(str()) }),
    collection,
    collections: obj({ links: arr(ref('link')), collections: arr(ref('collection')) }),
    error: obj({ error: str('Maschinenlesbarer Code'), message: str('Was zu ändern ist') }, undefined, true),
  };
  for (const spec of Object.values(OGC_COLLECTIONS)) {
    schemas[`feature_${spec.id}`] = featureSchema(spec);
    schemas[`featureCollection_${spec.id}`] = obj({
      type: enumOf(['FeatureCollection']),
      numberMatched: int(),
      numberReturned: int(),
      timeStamp: str(undefined, { format: 'date-time' }),
      links: arr(ref('link')),
      features: arr(ref(`feature_${spec.id}`)),
    });
  }
  const collectionIdParam = {
    name: 'collectionId',
    in: 'path',
    required: true,
    description: 'Sammlung',
    schema: enumOf(OGC_COLLECTION_IDS),
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Flächenforum – OGC API Features',
      version: '1.0.0',
      description:
        'OGC API – Features Teil 1 (Core, GeoJSON, OpenAPI 3.0) und Teil 2 (CRS). Nur lesend; ohne Anmeldung ' +
        'nur Veröffentlichtes. Seiten nach id sortiert, limit höchstens ' +
        `${MAX_LIMIT}; unbekannte Parameter und ungültige Werte ergeben 400 mit Erklärung.`,
      license: { name: 'EUPL-1.2' },
    },
    servers: [{ url: base }],
    tags: [{ name: 'Dienst' }, { name: 'Daten' }],
    paths: {
      '/': metadataGet('getLandingPage', 'Startseite', ref('landingPage')),
      '/api': metadataGet('getApi', 'Diese API-Beschreibung', obj({}, undefined, true), MEDIA_OPENAPI),
      '/conformance': metadataGet('getConformance', 'Konformitätsklassen', ref('confClasses')),
      '/collections': metadataGet('getCollections', 'Sammlungen', ref('collections')),
      '/collections/{collectionId}': {
        get: {
          ...metadataGet('getCollection', 'Eine Sammlung', ref('collection')).get,
          parameters: [collectionIdParam, param('f')],
          responses: { '200': { description: 'Eine Sammlung', ...json(ref('collection')) }, '404': ERROR },
        },
      },
      ...Object.assign({}, ...Object.values(OGC_COLLECTIONS).map(collectionPaths)),
    },
    components: {
      parameters: PARAMETERS,
      schemas,
      responses: { error: { description: 'Fehler mit Erklärung', ...json(ref('error')) } },
    },
  };
}
