import type { ClaimUse } from '../../shared/claim-uses.js';
import type { ClaimStatus, ProposerType } from '../../shared/claims.js';
import { toUtm32 } from './geometry.js';
import { createRng } from './rng.js';

/** One synthetic example claim; geometry in EPSG:25832. */
export interface DemoClaim {
  title: string;
  use: ClaimUse;
  status: ClaimStatus;
  proposer: { name: string; type: ProposerType };
  horizonYear: number;
  description: string;
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

type Seed = [
  title: string,
  use: ClaimUse,
  status: ClaimStatus,
  proposer: string,
  type: ProposerType,
  lon: number,
  lat: number,
  ha: number,
];

/**
 * Example claims placed where real planning debates are plausible (town edges, the Leine floodplain,
 * the Steinhuder Meer, open land for wind and solar), so that they also collide with each other and
 * with constraint areas. Positions are approximate; names are invented.
 */
const SEEDS: Seed[] = [
  ['Wohngebiet Lehrte-Nord', 'housing', 'proposed', 'Stadt Lehrte', 'municipality', 10.055, 52.388, 18],
  [
    'Gewerbegebiet Lehrte-Ost an der A2',
    'commercial',
    'under_review',
    'Stadt Lehrte',
    'municipality',
    10.095,
    52.372,
    30,
  ],
  ['Windpark Uetze-Süd', 'wind', 'proposed', 'Energiegenossenschaft Uetze eG', 'company', 10.19, 52.43, 80],
  ['Solarpark Bissendorf', 'solar', 'draft', 'SonnenFeld Wedemark GmbH', 'company', 9.705, 52.545, 25],
  ['Erweiterung Schutzgebiet Totes Moor', 'nature', 'proposed', 'NABU Region Hannover', 'association', 9.42, 52.51, 60],
  [
    'Retentionsraum Leineaue Laatzen',
    'flood_retention',
    'under_review',
    'Region Hannover, Team Wasserwirtschaft',
    'region',
    9.79,
    52.305,
    40,
  ],
  ['Wohnquartier Garbsen-Mitte Süd', 'housing', 'adopted', 'Stadt Garbsen', 'municipality', 9.6, 52.418, 12],
  ['Kiesabbau Mariensee', 'extraction', 'proposed', 'Leinekies GmbH & Co. KG', 'company', 9.47, 52.555, 35],
  ['Wohnbau Springe Deisterblick', 'housing', 'proposed', 'Stadt Springe', 'municipality', 9.565, 52.222, 14],
  ['Windpark Sehnde-Ost', 'wind', 'draft', 'Windkraft Calenberger Land GmbH', 'company', 10.02, 52.315, 60],
  ['Logistikpark Wunstorf-Süd', 'commercial', 'proposed', 'Stadt Wunstorf', 'municipality', 9.455, 52.415, 22],
  ['Bürgerwald Burgwedel', 'recreation', 'draft', 'Bürgerinitiative Grünes Burgwedel', 'citizen_group', 9.87, 52.5, 15],
  ['Agri-Photovoltaik Barsinghausen', 'solar', 'proposed', 'Landvolk Hannover e. V.', 'association', 9.49, 52.325, 20],
  ['Wohnen am Steinhuder Meer', 'housing', 'proposed', 'Stadt Wunstorf', 'municipality', 9.37, 52.45, 9],
  [
    'Ortsumgehung Pattensen',
    'transport',
    'under_review',
    'Niedersächsische Landesbehörde für Straßenbau und Verkehr',
    'state_agency',
    9.755,
    52.255,
    11,
  ],
  ['Gewerbe Hemmingen-Westerfeld', 'commercial', 'proposed', 'Stadt Hemmingen', 'municipality', 9.715, 52.31, 10],
  ['Freiflächen-PV Lehrte-Nord', 'solar', 'proposed', 'Stadtwerke Lehrte GmbH', 'company', 10.06, 52.391, 15],
  ['Windenergie Garbsen-Ost', 'wind', 'draft', 'Bürgerwind Garbsen eG', 'citizen_group', 9.618, 52.41, 25],
];

/** Deterministic example claims: rotated rectangles of the given size around each seed point. */
export function generateDemoClaims(seed: number): DemoClaim[] {
  const rng = createRng(seed ^ 0x5eed);
  return SEEDS.map(([title, use, status, name, type, lon, lat, ha]) => {
    const [cx, cy] = toUtm32(lon, lat);
    const aspect = 1 + rng() * 1.5;
    const area = ha * 10_000;
    const w = Math.sqrt(area * aspect);
    const h = area / w;
    const angle = (rng() - 0.5) * (Math.PI / 3);
    const corners: [number, number][] = [
      [-w / 2, -h / 2],
      [w / 2, -h / 2],
      [w / 2, h / 2],
      [-w / 2, h / 2],
    ];
    const ring = corners.map(([dx, dy]): [number, number] => [
      cx + dx * Math.cos(angle) - dy * Math.sin(angle),
      cy + dx * Math.sin(angle) + dy * Math.cos(angle),
    ]);
    ring.push(ring[0]!);
    return {
      title,
      use,
      status,
      proposer: { name, type },
      horizonYear: 2028 + Math.floor(rng() * 12),
      description: 'Beispiel-Anspruch (Demo-Daten), erzeugt von scripts/demo-data.',
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
}
