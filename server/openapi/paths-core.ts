/** Paths of sessions, health, reference layers, rules, indicators, audit log, live events and tiles. */
import { AUDIT_OBJECT_TYPES } from '../../shared/events.js';
import { SCENARIOS } from '../../shared/indicators.js';
import { CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';
import { TILE_LAYERS } from '../../shared/tiles.js';
import { TARGETS } from '../../shared/targets.js';
import { json, operation, type PathTable } from './operation.js';
import { listQuery, p, pathParam, query } from './parameters.js';
import { enumOf, int, ref, str } from './schema-kit.js';

const GEOJSON = 'application/geo+json';

const indicatorQuery = [
  query('scenario', 'Szenario (Standard bestand)', enumOf(SCENARIOS)),
  query('target', 'Flächenziel (Standard nds_4)', enumOf(TARGETS.map((t) => t.key))),
  query(
    'method',
    'Aufteilung des Budgets auf die Gemeinden (Standard population)',
    enumOf(['population', 'area', 'mix']),
  ),
  query('weight', 'Nur mit method=mix: Gewicht der Einwohner in Prozent', int(undefined, { minimum: 0, maximum: 100 })),
];
const yearQuery = query(
  'year',
  'Statistikjahr (Standard: das neueste)',
  int(undefined, { minimum: 1990, maximum: 2100 }),
);

export const corePaths: PathTable = {
  '/api/auth/login': {
    post: operation({
      id: 'login',
      tag: 'Auth',
      summary: 'Anmelden',
      description:
        'Setzt das Sitzungs-Cookie ff_session (HttpOnly, SameSite=Lax) und liefert das CSRF-Token für X-CSRF-Token. Gedrosselt: 5 Fehlversuche je Benutzername bzw. 30 je Adresse in 15 Minuten.',
      access: 'public',
      body: { schema: ref('Login') },
      ok: json(200, 'Angemeldet', ref('Session')),
      errors: [401, 415, 429],
    }),
  },
  '/api/auth/logout': {
    post: operation({
      id: 'logout',
      tag: 'Auth',
      summary: 'Abmelden',
      description: 'Beendet die Sitzung und löscht das Cookie; ohne Sitzung folgenlos.',
      access: 'public',
      ok: json(200, 'Abgemeldet (user und csrfToken sind null)', ref('Session')),
      errors: [403],
    }),
  },
  '/api/auth/me': {
    get: operation({
      id: 'getSession',
      tag: 'Auth',
      summary: 'Wer bin ich',
      description: 'Die angemeldete Person (oder null) und das CSRF-Token der Sitzung.',
      access: 'public',
      ok: json(200, 'Sitzung', ref('Session')),
    }),
  },
  '/api/health': {
    get: operation({
      id: 'getHealth',
      tag: 'System',
      summary: 'Betriebszustand',
      description: 'Fragt die Datenbank live ab: 503, wenn sie nicht erreichbar ist.',
      access: 'public',
      ok: json(200, 'Läuft', ref('Health')),
    }),
  },
  '/api/municipalities': {
    get: operation({
      id: 'listMunicipalities',
      tag: 'Reference data',
      summary: 'Die 21 Städte und Gemeinden',
      description:
        'Amtliche Grenzen (© GeoBasis-DE / BKG, dl-de/by-2-0) mit Einwohnern, amtlicher und berechneter Fläche.',
      access: 'public',
      ok: json(200, 'GeoJSON FeatureCollection', ref('MunicipalityCollection'), GEOJSON),
    }),
  },
  '/api/parcels': {
    get: operation({
      id: 'listParcels',
      tag: 'Reference data',
      summary: 'Flurstücke in einem Ausschnitt (Demo-Daten)',
      description: 'Für Fangen beim Zeichnen; die Karte selbst nutzt /tiles/parcels.',
      access: 'public',
      params: [
        p('BboxRequired'),
        query('limit', 'Höchstzahl (Standard 5000)', int(undefined, { minimum: 1, maximum: 20000 })),
      ],
      ok: json(200, 'GeoJSON FeatureCollection', ref('ParcelCollection'), GEOJSON),
    }),
  },
  '/api/constraints': {
    get: operation({
      id: 'listConstraints',
      tag: 'Reference data',
      summary: 'Schutz- und Vorranggebiete (Demo-Daten)',
      access: 'public',
      params: [
        p('Bbox'),
        listQuery('kind', 'Gebietsarten', CONSTRAINT_KINDS),
        query('limit', 'Höchstzahl (Standard 2000)', int(undefined, { minimum: 1, maximum: 10000 })),
      ],
      ok: json(200, 'GeoJSON FeatureCollection', ref('ConstraintCollection'), GEOJSON),
    }),
  },
  '/api/rules': {
    get: operation({
      id: 'getRules',
      tag: 'Rules',
      summary: 'Konfliktregeln in Kraft',
      access: 'public',
      ok: json(200, 'Regelwerk mit Version', ref('StoredRules')),
    }),
    put: operation({
      id: 'replaceRules',
      tag: 'Rules',
      summary: 'Konfliktregeln ersetzen (Admin)',
      description: 'Ersetzt das Regelwerk und berechnet in derselben Transaktion alle Konflikte neu.',
      access: 'write',
      body: { schema: ref('RuleSet') },
      ok: json(200, 'Gespeichert; recomputed fasst die Neuberechnung zusammen', ref('StoredRules')),
      errors: [415],
    }),
  },
  '/api/indicators': {
    get: operation({
      id: 'listIndicators',
      tag: 'Indicators',
      summary: 'Indikatortabelle Flächenverbrauch',
      description: 'Eine Zeile je Gemeinde und die Region; Statistik nach 2018 sind Demo-Daten (demo: true).',
      access: 'public',
      params: [yearQuery, ...indicatorQuery],
      ok: json(200, 'Tabelle', ref('IndicatorTable')),
      errors: [400, 404],
    }),
  },
  '/api/indicators/{ags}': {
    get: operation({
      id: 'getIndicatorSeries',
      tag: 'Indicators',
      summary: 'Zeitreihe einer Gemeinde oder der Region',
      access: 'public',
      params: [
        pathParam(
          'ags',
          'AGS einer Gemeinde oder 03241 für die Region',
          str(undefined, { pattern: '^03241(\\d{3})?$' }),
        ),
        ...indicatorQuery,
      ],
      ok: json(200, 'Zeitreihe', ref('IndicatorSeries')),
      errors: [400],
    }),
  },
  '/api/indicators.csv': {
    get: operation({
      id: 'downloadIndicatorsCsv',
      tag: 'Indicators',
      summary: 'Indikatortabelle als CSV',
      description: 'Mit Region-Zeile, Quellen und Erstellungsdatum in der Fußzeile; Formel-artige Zellen entschärft.',
      access: 'public',
      params: [yearQuery, ...indicatorQuery, p('Separator')],
      ok: { status: 200, description: 'CSV-Datei', content: { 'text/csv': str(undefined, { format: 'binary' }) } },
      errors: [400, 404],
    }),
  },
  '/api/audit': {
    get: operation({
      id: 'listAudit',
      tag: 'Audit log',
      summary: 'Änderungsprotokoll',
      description:
        'Mit object_type und object_id: ein Objekt (interne Rollen). Sonst das ganze Protokoll mit Filtern (nur Admins). Neueste zuerst; before blättert.',
      access: 'session',
      params: [
        listQuery('object_type', 'Objektart', AUDIT_OBJECT_TYPES),
        query('object_id', 'Objekt-Nr.'),
        query('actor', 'Wer: Name, Benutzername oder Nr.'),
        query('action', 'Aktionen, kommagetrennt (z. B. created,updated)'),
        query('from', 'Ab (JJJJ-MM-TT oder ISO 8601)'),
        query('to', 'Bis (JJJJ-MM-TT oder ISO 8601)'),
        query('q', 'Text in der Zusammenfassung'),
        query('limit', 'Seitengröße (Standard 100)', int(undefined, { minimum: 1, maximum: 1000 })),
        query('before', 'Nur Einträge vor dieser Nr. (Cursor next der vorigen Seite)', int(undefined, { minimum: 1 })),
        p('Format'),
        p('Separator'),
      ],
      ok: {
        status: 200,
        description: 'Eine Seite (JSON) oder die CSV-Datei (format=csv)',
        content: { 'application/json': ref('AuditPage'), 'text/csv': str(undefined, { format: 'binary' }) },
      },
      errors: [400, 403],
    }),
  },
  '/api/events': {
    get: operation({
      id: 'streamEvents',
      tag: 'Live events',
      summary: 'Live-Änderungen (Server-Sent Events)',
      description:
        'Ereignisse `change` mit data = ChangeEvent (Objektart, Nr., Aktion, wer); `reset`, wenn Ereignisse verloren gingen. Last-Event-ID spielt verpasste nach. Inhalte holt der Client mit eigenen Rechten nach.',
      access: 'public',
      params: [{ name: 'Last-Event-ID', in: 'header', description: 'Letzte empfangene Ereignis-Nr.', schema: str() }],
      ok: {
        status: 200,
        description: 'Ereignisstrom; data jedes change-Ereignisses ist ein ChangeEvent',
        content: { 'text/event-stream': ref('ChangeEvent') },
      },
    }),
  },
  '/tiles/{layer}/{z}/{x}/{y}.pbf': {
    get: operation({
      id: 'getTile',
      tag: 'Vector tiles',
      summary: 'Vektorkachel (Mapbox Vector Tile)',
      description:
        'Extent 4096, Puffer 64; parcels ab Zoom 13. claims und conflicts zeigen nur, was die lesende Person sehen darf. ETag/If-None-Match → 304.',
      access: 'public',
      params: [
        pathParam('layer', 'Ebene', enumOf(TILE_LAYERS)),
        pathParam('z', 'Zoomstufe', int(undefined, { minimum: 0, maximum: 22 })),
        pathParam('x', 'Spalte', int(undefined, { minimum: 0 })),
        pathParam('y', 'Zeile', int(undefined, { minimum: 0 })),
      ],
      ok: [
        {
          status: 200,
          description: 'Kachel (gzip, wenn Accept-Encoding es erlaubt)',
          content: { 'application/vnd.mapbox-vector-tile': str(undefined, { format: 'binary' }) },
        },
        { status: 204, description: 'Leere Kachel' },
        { status: 304, description: 'Unverändert (If-None-Match)' },
      ],
      errors: [400, 404],
    }),
  },
  '/tiles/{layer}.json': {
    get: operation({
      id: 'getTileJson',
      tag: 'Vector tiles',
      summary: 'TileJSON einer Ebene',
      access: 'public',
      params: [pathParam('layer', 'Ebene', enumOf(TILE_LAYERS))],
      ok: json(200, 'TileJSON 3.0.0', ref('TileJson')),
      errors: [404],
    }),
  },
};
