/**
 * Exports (downloads of claims, conflicts, notes and indicators as files): the datasets and the
 * provenance note every exported file carries. Wording of the licences as in README "Data sources and licences".
 */

/** The datasets of `GET /api/exports/:dataset`. */
export const EXPORT_DATASETS = ['claims', 'conflicts', 'annotations', 'indicators'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

/** German names of the datasets, as the provenance note and file names use them. */
export const EXPORT_DATASET_LABEL: Record<ExportDataset, string> = {
  claims: 'Flächenansprüche',
  conflicts: 'Konflikte',
  annotations: 'Notizen',
  indicators: 'Indikatoren Flächenverbrauch',
};

const CRS_LABEL: Record<number, string> = {
  4326: 'EPSG:4326 (WGS 84, Länge/Breite)',
  25832: 'EPSG:25832 (ETRS89 / UTM Zone 32N, Meter)',
};

export const LICENCE_BOUNDARIES =
  'Gemeindegrenzen © GeoBasis-DE / BKG (2025), dl-de/by-2-0 (verändert: auf die Region Hannover gefiltert, umprojiziert)';
export const LICENCE_DEMO = 'Flurstücke, Schutzgebiete und Beispiel-Ansprüche sind Demo-Daten ohne Rechtswirkung';
const LICENCE_STATISTICS =
  'Flächenerhebung 2018 © Statistische Ämter des Bundes und der Länder, Deutschland, 2020, dl-de/by-2-0';
const LICENCE_POPULATION =
  'Einwohner: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Stand 31.12.2018, dl-de/by-2-0';

export interface ProvenanceInput {
  dataset: ExportDataset;
  /** When the export was made. */
  at: Date;
  /** The filters as given in the query (name → raw value); empty for none. */
  filters: Record<string, string>;
  crs: number;
  /** Number of exported features. */
  count: number;
  /** Whether any exported row is Demo-Daten (demo claims, synthetic statistics years). */
  demo: boolean;
  /** Extra lines specific to the export (e.g. the indicators' scenario and target). */
  extra?: readonly string[];
}

/**
 * The provenance and attribution note of an export: one German paragraph (source, time, dataset,
 * filters, CRS, count) followed by one line per licence or caveat, separated by newlines.
 */
export function provenanceNote(p: ProvenanceInput): string {
  const filters = Object.entries(p.filters)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const paragraph =
    `Export aus Flächenforum (Region Hannover), ${p.at.toISOString()}, ` +
    `Datensatz ${EXPORT_DATASET_LABEL[p.dataset]} (${p.dataset}), ${p.count} Objekte, ` +
    `Filter: ${filters || 'keine'}, Koordinatensystem ${CRS_LABEL[p.crs] ?? `EPSG:${p.crs}`}.`;
  const lines = [...(p.extra ?? []), LICENCE_BOUNDARIES];
  if (p.dataset === 'indicators') lines.push(LICENCE_STATISTICS, LICENCE_POPULATION);
  if (p.demo) lines.push('Enthält Demo-Daten (Feld demo = true bzw. synthetische Statistikjahre)');
  lines.push(LICENCE_DEMO);
  return [paragraph, ...lines].join('\n');
}
