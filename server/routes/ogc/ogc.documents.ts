/**
 * The JSON documents of the OGC API – Features service (landing page, conformance, collections) and
 * the links of item pages. Links are absolute: clients such as GDAL resolve a leading `/` against
 * the service URL, not the server.
 */
import type { CollectionSpec } from './ogc.collections.js';
import type { Extent } from './ogc.repo.js';
import { CRS84, EPSG_25832, SUPPORTED_CRS } from './ogc.params.js';

export const MEDIA_JSON = 'application/json';
export const MEDIA_GEOJSON = 'application/geo+json';
export const MEDIA_OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';

/** Conformance classes: Part 1 Core, GeoJSON and OpenAPI 3.0; Part 2 CRS by reference. */
export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
];

const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';

export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

/** The landing page of the service at `base` (e.g. `http://host:8080/ogc`). */
export function landingPage(base: string) {
  return {
    title: 'Flächenforum – OGC API Features',
    description:
      'Flächenansprüche, Konflikte, Notizen, Schutz- und Vorranggebiete, Gemeinden und Flurstücke der Region Hannover ' +
      'für GIS-Programme (QGIS, GDAL/OGR). Nur lesend; angemeldete Nutzer sehen, was sie auch in Flächenforum sehen.' +
      ' Anmeldung in GIS-Programmen: HTTP Basic (QGIS: Authentifizierung „Basic“) mit dem Flächenforum-Zugang, nur über HTTPS.',
    links: [
      { href: base, rel: 'self', type: MEDIA_JSON, title: 'Diese Seite' },
      { href: `${base}/api`, rel: 'service-desc', type: MEDIA_OPENAPI, title: 'API-Beschreibung (OpenAPI 3.0)' },
      { href: `${base}/conformance`, rel: 'conformance', type: MEDIA_JSON, title: 'Erfüllte Konformitätsklassen' },
      { href: `${base}/collections`, rel: 'data', type: MEDIA_JSON, title: 'Sammlungen' },
    ] satisfies Link[],
  };
}

/** The metadata of one collection with its extent as the reader sees it. */
export function collectionDocument(base: string, spec: CollectionSpec, extent: Extent) {
  const self = `${base}/collections/${spec.id}`;
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    links: [
      { href: self, rel: 'self', type: MEDIA_JSON, title: spec.title },
      { href: `${self}/items`, rel: 'items', type: MEDIA_GEOJSON, title: `${spec.title} (GeoJSON)` },
    ] satisfies Link[],
    extent: {
      spatial: { bbox: extent.bbox ? [extent.bbox] : [], crs: CRS84 },
      ...(extent.interval ? { temporal: { interval: [extent.interval], trs: GREGORIAN } } : {}),
    },
    itemType: 'feature',
    crs: [...SUPPORTED_CRS],
    storageCrs: EPSG_25832,
  };
}

/** `/collections`: every collection's metadata. */
export function collectionsDocument(base: string, collections: ReturnType<typeof collectionDocument>[]) {
  return {
    links: [{ href: `${base}/collections`, rel: 'self', type: MEDIA_JSON, title: 'Sammlungen' }] satisfies Link[],
    collections,
  };
}

/** The request URL with some query parameters replaced (undefined removes one). */
export function withParams(url: URL, changes: Record<string, string | undefined>): string {
  const next = new URL(url);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) next.searchParams.delete(name);
    else next.searchParams.set(name, value);
  }
  return next.toString();
}

/** The links of a page of items or of one feature: self, alternate, collection, and next/prev when paged. */
export function itemLinks(
  url: URL,
  collectionUrl: string,
  asJson: boolean,
  page?: { offset: number; limit: number; returned: number; matched: number },
): Link[] {
  const type = asJson ? MEDIA_JSON : MEDIA_GEOJSON;
  const links: Link[] = [
    { href: url.toString(), rel: 'self', type, title: 'Diese Seite' },
    {
      href: withParams(url, { f: asJson ? undefined : 'json' }),
      rel: 'alternate',
      type: asJson ? MEDIA_GEOJSON : MEDIA_JSON,
      title: asJson ? 'Als GeoJSON' : 'Als JSON (im Browser lesbar)',
    },
    { href: collectionUrl, rel: 'collection', type: MEDIA_JSON, title: 'Die Sammlung' },
  ];
  if (page) {
    const { offset, limit, returned, matched } = page;
    if (offset + returned < matched) {
      const next = withParams(url, { offset: String(offset + limit), limit: String(limit) });
      links.push({ href: next, rel: 'next', type, title: 'Nächste Seite' });
    }
    if (offset > 0) {
      const prev = withParams(url, { offset: String(Math.max(0, offset - limit)), limit: String(limit) });
      links.push({ href: prev, rel: 'prev', type, title: 'Vorige Seite' });
    }
  }
  return links;
}
