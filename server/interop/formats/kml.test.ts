import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureLayer } from './format-fixtures.js';
import { decodeFile, encodeLayer } from './index.js';
import { writeKml } from './kml.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const ring = '9.70,52.30 9.71,52.30 9.71,52.31 9.70,52.30';

/** A KML as Google Earth or QGIS might write it: folders, styles, SchemaData, Data, MultiGeometry, HTML description. */
const FOREIGN = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Planung Nord</name>
<Style id="s"><PolyStyle><color>7f00ff00</color></PolyStyle></Style>
<Schema name="plan" id="plan"><SimpleField name="flaeche" type="double"/><SimpleField name="ok" type="bool"/></Schema>
<Folder><name>Ordner</name>
<Placemark><name>Nord 1</name><styleUrl>#s</styleUrl>
  <description><![CDATA[<b>Wohnen</b> am Rand]]></description>
  <ExtendedData><SchemaData schemaUrl="#plan"><SimpleData name="flaeche">12.5</SimpleData><SimpleData name="ok">1</SimpleData></SchemaData>
  <Data name="jahr"><value>2035</value></Data><Data name="ags"><value>03241011</value></Data></ExtendedData>
  <MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>9.72,52.30 9.73,52.30 9.73,52.31 9.72,52.30</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry>
</Placemark>
<Placemark><name>ohne Geometrie</name><ExtendedData><Data name="jahr"><value></value></Data></ExtendedData></Placemark>
</Folder></Document></kml>`;

describe('KML round trip (WGS84 only)', () => {
  it('EPSG:4326: geometry, fields, types (from the written schema), umlauts, empty strings and nulls survive', async () => {
    const file = await encodeLayer('kml', fixtureLayer(4326));
    expect(file).toMatchObject({
      mediaType: 'application/vnd.google-earth.kml+xml',
      filename: 'flaechenansprueche.kml',
    });
    const r = await decodeFile(file.bytes, file.filename);
    if (!r.ok) throw new Error(r.message);
    expectFixture(r.layer, 4326);
    expect(r.layer).toMatchObject({ format: 'kml', name: 'flaechenansprueche', crs: { source: 'format' } });
  });

  it('writes an XML declaration, document name, provenance as description and a typed schema; null is no <Data>', async () => {
    const kml = new TextDecoder().decode((await encodeLayer('kml', fixtureLayer(4326))).bytes);
    expect(kml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<kml xmlns="http:\/\/www.opengis.net\/kml\/2.2"><Document>\n<name>flaechenansprueche<\/name>/,
    );
    expect(kml).toContain(
      '<description>Export aus Flächenforum (Region Hannover), Testdaten.\nEnthält Demo-Daten</description>',
    );
    expect(kml).toContain(
      '<SimpleField name="id" type="int"></SimpleField><SimpleField name="title" type="string"></SimpleField>',
    );
    expect(kml.match(/<Placemark/g)).toHaveLength(2);
    expect(kml.match(/<Data name="note">/g)).toHaveLength(1);
  });

  it('refuses to write EPSG:25832 (KML is WGS84 by definition)', () => {
    expect(() => writeKml(fixtureLayer(25832))).toThrow(/WGS 84/);
  });
});

describe('KML from other tools', () => {
  it('reads folders, MultiGeometry as MultiPolygon, typed SchemaData, text Data by spelling, HTML descriptions; drops styles', async () => {
    const r = await decodeFile(bytes(FOREIGN), 'nord.kml');
    if (!r.ok) throw new Error(r.message);
    expect(r.layer.name).toBe('Planung Nord');
    expect(r.layer.crs).toEqual({ epsg: 4326, source: 'format', evidence: 'KML ist immer WGS 84 (Länge/Breite)' });
    const [first, second] = r.layer.features;
    expect(first!.geometry?.type).toBe('MultiPolygon');
    expect(first!.properties).toEqual({
      name: 'Nord 1',
      description: '<b>Wohnen</b> am Rand',
      flaeche: 12.5,
      ok: true,
      jahr: 2035,
      ags: '03241011',
    });
    expect(second).toMatchObject({ geometry: null, properties: { name: 'ohne Geometrie', jahr: null } });
    expect(r.layer.fields).toEqual([
      { name: 'flaeche', type: 'number' },
      { name: 'ok', type: 'boolean' },
      { name: 'name', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'jahr', type: 'number' },
      { name: 'ags', type: 'string' },
    ]);
  });

  it('is always WGS84 unless the user says otherwise', async () => {
    expect(await decodeFile(bytes(FOREIGN), 'nord.kml', { crs: 25832 })).toMatchObject({
      ok: true,
      layer: { crs: { epsg: 25832, source: 'user' } },
    });
  });

  it('broken XML → corrupt_file; XML that is no KML → unknown_format; no placemarks → no_features', async () => {
    expect(await decodeFile(bytes('<kml><Document><name>x</Document></kml>'), 'a.kml')).toMatchObject({
      ok: false,
      code: 'corrupt_file',
    });
    expect(await decodeFile(bytes(FOREIGN.slice(0, 500)), 'a.kml')).toMatchObject({ ok: false, code: 'corrupt_file' });
    expect(await decodeFile(bytes('<gpx version="1.1"></gpx>'), 'a.kml')).toMatchObject({
      ok: false,
      code: 'unknown_format',
    });
    expect(await decodeFile(bytes('<kml><Document/></kml>'), 'a.kml')).toMatchObject({
      ok: false,
      code: 'no_features',
    });
  });
});
