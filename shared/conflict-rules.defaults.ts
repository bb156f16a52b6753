/**
 * The conflict rules a fresh installation starts with. Rationale and sources per rule:
 * docs/conflict-rules.md.
 */
import type { RuleSet, SetbackRule, Severity } from './conflict-rules.js';

const cell = (severity: Severity) => (reason: string) => ({ severity, reason });
const high = cell('high');
const medium = cell('medium');
const low = cell('low');
const none = cell('none');

const SAME_GROUND = 'Konkurrierende Ansprüche auf dieselbe Fläche';
const SAME_GOAL = 'Gleichgerichtete Ansprüche, kein Konflikt';
const EXTRACTION_VS_BUILDING = 'Rohstoffabbau und Bebauung schließen sich aus';

// Each unordered pair once, in CLAIM_USES order. Rationale per pair: docs/conflict-rules.md.
const DEFAULT_USE_USE: RuleSet['useUse'] = {
  housing: {
    housing: medium(SAME_GROUND),
    commercial: high('Wohnen und Gewerbe auf derselben Fläche unvereinbar (Immissionsschutz)'),
    mixed: medium('Wohnen und gemischte Bebauung konkurrieren um dieselbe Fläche'),
    wind: high('Windenergieanlagen auf Wohnbauflächen ausgeschlossen'),
    solar: medium('Wohnbau und Freiflächen-PV konkurrieren um dieselbe Fläche'),
    nature: high('Wohnbebauung zerstört die Naturschutzfläche'),
    agriculture: medium('Wohnbau entzieht landwirtschaftliche Nutzfläche (§ 1a Abs. 2 BauGB)'),
    flood_retention: high('Wohnbebauung nimmt Retentionsraum weg (§ 77 WHG)'),
    extraction: high(EXTRACTION_VS_BUILDING),
    transport: medium('Trasse durchschneidet die Wohnbaufläche – Zuschnitt klären'),
    recreation: medium('Wohnbebauung verdrängt Erholungsfläche'),
  },
  commercial: {
    commercial: medium(SAME_GROUND),
    mixed: medium('Gewerbe und gemischte Bebauung konkurrieren um dieselbe Fläche'),
    wind: medium('Windenergie und Gewerbebau konkurrieren um dieselbe Fläche'),
    solar: medium('Gewerbebau und Freiflächen-PV konkurrieren um dieselbe Fläche'),
    nature: high('Gewerbebebauung zerstört die Naturschutzfläche'),
    agriculture: medium('Gewerbe entzieht landwirtschaftliche Nutzfläche (§ 1a Abs. 2 BauGB)'),
    flood_retention: high('Gewerbebebauung nimmt Retentionsraum weg (§ 77 WHG)'),
    extraction: high(EXTRACTION_VS_BUILDING),
    transport: low('Verkehrsfläche und Gewerbe – Erschließung abstimmen'),
    recreation: medium('Gewerbebebauung verdrängt Erholungsfläche'),
  },
  mixed: {
    mixed: medium(SAME_GROUND),
    wind: high('Windenergieanlagen auf gemischten Bauflächen ausgeschlossen'),
    solar: medium('Gemischte Bebauung und Freiflächen-PV konkurrieren um dieselbe Fläche'),
    nature: high('Bebauung zerstört die Naturschutzfläche'),
    agriculture: medium('Bebauung entzieht landwirtschaftliche Nutzfläche (§ 1a Abs. 2 BauGB)'),
    flood_retention: high('Bebauung nimmt Retentionsraum weg (§ 77 WHG)'),
    extraction: high(EXTRACTION_VS_BUILDING),
    transport: medium('Trasse durchschneidet die Baufläche – Zuschnitt klären'),
    recreation: medium('Bebauung verdrängt Erholungsfläche'),
  },
  wind: {
    wind: medium('Konkurrierende Windenergieprojekte auf derselben Fläche'),
    solar: low('Wind und PV auf derselben Fläche kombinierbar – Anordnung abstimmen'),
    nature: high('Windenergie und Naturschutzziel unvereinbar (Kollisionsrisiko)'),
    agriculture: low('Windenergie mit Landwirtschaft vereinbar, geringer Flächenentzug'),
    flood_retention: medium('Windenergieanlagen im Retentionsraum nur hochwasserangepasst'),
    extraction: medium('Windenergieanlagen schränken den Rohstoffabbau ein'),
    transport: medium('Anlagenstandorte und Trasse abstimmen (Anbauverbot, Kipphöhe)'),
    recreation: medium('Windenergie beeinträchtigt die Erholungsfunktion'),
  },
  solar: {
    solar: medium('Konkurrierende Solarprojekte auf derselben Fläche'),
    nature: medium('Freiflächen-PV mit Naturschutzziel nur als Biodiversitäts-PV vereinbar'),
    agriculture: medium('Freiflächen-PV entzieht Ackerland – Agri-PV prüfen'),
    flood_retention: medium('Freiflächen-PV im Retentionsraum nur hochwasserangepasst'),
    extraction: high('Freiflächen-PV blockiert die Rohstofflagerstätte'),
    transport: low('Freiflächen-PV und Trasse – Flächenzuschnitt abstimmen'),
    recreation: medium('Eingezäunte PV-Anlage entwertet die Erholungsfläche'),
  },
  nature: {
    nature: none(SAME_GOAL),
    agriculture: medium('Naturschutzziel verlangt Extensivierung – Bewirtschaftung abstimmen'),
    flood_retention: low('Auenentwicklung und Hochwasserrückhalt meist vereinbar'),
    extraction: high('Rohstoffabbau zerstört die Naturschutzfläche'),
    transport: high('Trasse zerschneidet die Naturschutzfläche'),
    recreation: low('Erholung mit Naturschutz meist vereinbar – Besucher lenken'),
  },
  agriculture: {
    agriculture: none(SAME_GOAL),
    flood_retention: low('Landwirtschaft im Rückhalteraum mit Einschränkungen möglich'),
    extraction: medium('Rohstoffabbau entzieht landwirtschaftliche Nutzfläche'),
    transport: medium('Trasse entzieht und zerschneidet landwirtschaftliche Fläche'),
    recreation: low('Erholung und Landwirtschaft meist vereinbar'),
  },
  flood_retention: {
    flood_retention: none(SAME_GOAL),
    extraction: medium('Abbau im Retentionsraum nur mit Volumenausgleich'),
    transport: medium('Verkehrsdamm verringert den Retentionsraum'),
    recreation: low('Erholung im Rückhalteraum weitgehend vereinbar'),
  },
  extraction: {
    extraction: medium('Konkurrierende Abbauvorhaben auf derselben Fläche'),
    transport: high('Rohstoffabbau und Verkehrsfläche schließen sich aus'),
    recreation: medium('Abbau schränkt Erholung für Jahrzehnte ein – Folgenutzung klären'),
  },
  transport: {
    transport: low('Mehrere Trassen auf derselben Fläche – Bündelung prüfen'),
    recreation: medium('Trasse zerschneidet den Erholungsraum'),
  },
  recreation: {
    recreation: none(SAME_GOAL),
  },
};

const NSG_BUILDING = high('Bebauung im Naturschutzgebiet unzulässig (§ 23 BNatSchG)');
const LSG_BUILDING = high('Bebauung im Landschaftsschutzgebiet erst nach Herausnahme aus dem LSG');
const USG_BUILDING = high('Neue Baugebiete im Überschwemmungsgebiet untersagt (§ 78 WHG)');
const WSG_BUILDING = medium('Bebauung im Wasserschutzgebiet: Auflagen der Schutzgebietsverordnung');
const VR_NATURE_BUILDING = high('Bebauung im Vorranggebiet Natur und Landschaft ausgeschlossen');
const VR_WIND_BUILDING = high('Bebauung verhindert Windenergie im Vorranggebiet');
const VR_EXTRACTION_BUILDING = high('Bebauung verhindert Rohstoffgewinnung im Vorranggebiet');
const VR_OPEN_SPACE_BUILDING = high('Bebauung im Vorranggebiet Freiraumfunktionen ausgeschlossen');
const VB_AGRICULTURE_BUILDING = medium('Siedlungsentwicklung im Vorbehaltsgebiet Landwirtschaft abwägen');
const VR_FLOOD_BUILDING = high('Bebauung im Vorranggebiet Hochwasserschutz ausgeschlossen');

// One row per use; housing, commercial and mixed share the building cells of each kind.
const DEFAULT_USE_CONSTRAINT: RuleSet['useConstraint'] = {
  housing: {
    nature_reserve: NSG_BUILDING,
    landscape_protection: LSG_BUILDING,
    flood_zone: USG_BUILDING,
    water_protection: medium('Wohnbau im Wasserschutzgebiet: Auflagen der Schutzgebietsverordnung'),
    priority_nature: VR_NATURE_BUILDING,
    priority_wind: high('Wohnbebauung verhindert Windenergie im Vorranggebiet'),
    priority_extraction: VR_EXTRACTION_BUILDING,
    priority_open_space: VR_OPEN_SPACE_BUILDING,
    priority_agriculture: VB_AGRICULTURE_BUILDING,
    priority_flood: VR_FLOOD_BUILDING,
  },
  commercial: {
    nature_reserve: NSG_BUILDING,
    landscape_protection: LSG_BUILDING,
    flood_zone: USG_BUILDING,
    water_protection: high('Gewerbe mit wassergefährdenden Stoffen gefährdet das Wasserschutzgebiet'),
    priority_nature: VR_NATURE_BUILDING,
    priority_wind: high('Gewerbebebauung blockiert das Vorranggebiet Windenergienutzung'),
    priority_extraction: VR_EXTRACTION_BUILDING,
    priority_open_space: VR_OPEN_SPACE_BUILDING,
    priority_agriculture: VB_AGRICULTURE_BUILDING,
    priority_flood: VR_FLOOD_BUILDING,
  },
  mixed: {
    nature_reserve: NSG_BUILDING,
    landscape_protection: LSG_BUILDING,
    flood_zone: USG_BUILDING,
    water_protection: WSG_BUILDING,
    priority_nature: VR_NATURE_BUILDING,
    priority_wind: VR_WIND_BUILDING,
    priority_extraction: VR_EXTRACTION_BUILDING,
    priority_open_space: VR_OPEN_SPACE_BUILDING,
    priority_agriculture: VB_AGRICULTURE_BUILDING,
    priority_flood: VR_FLOOD_BUILDING,
  },
  wind: {
    nature_reserve: high('Windenergieanlagen im Naturschutzgebiet ausgeschlossen'),
    landscape_protection: medium('Windenergie im Landschaftsschutzgebiet nur nach § 26 Abs. 3 BNatSchG'),
    flood_zone: medium('Windenergieanlage im Überschwemmungsgebiet nur mit Ausnahme (§ 78 WHG)'),
    water_protection: low('Windenergieanlage im Wasserschutzgebiet: Fundament und Betriebsstoffe prüfen'),
    priority_nature: high('Windenergie im Vorranggebiet Natur und Landschaft ausgeschlossen'),
    priority_wind: none('Entspricht dem Vorrang Windenergienutzung'),
    priority_extraction: medium('Windenergieanlagen schränken die Rohstoffgewinnung im Vorranggebiet ein'),
    priority_open_space: medium('Windenergie beeinträchtigt die Freiraumfunktionen'),
    priority_agriculture: low('Windenergie im Vorbehaltsgebiet Landwirtschaft, geringer Flächenentzug'),
    priority_flood: medium('Windenergieanlage im Vorranggebiet Hochwasserschutz nur hochwasserangepasst'),
  },
  solar: {
    nature_reserve: high('Freiflächen-PV im Naturschutzgebiet unzulässig'),
    landscape_protection: medium('Freiflächen-PV im Landschaftsschutzgebiet nur mit Befreiung'),
    flood_zone: medium('Freiflächen-PV im Überschwemmungsgebiet nur hochwasserangepasst'),
    water_protection: low('Freiflächen-PV im Wasserschutzgebiet meist vereinbar'),
    priority_nature: high('Freiflächen-PV im Vorranggebiet Natur und Landschaft ausgeschlossen'),
    priority_wind: medium('Freiflächen-PV belegt Fläche im Vorranggebiet Windenergienutzung'),
    priority_extraction: high('Freiflächen-PV blockiert das Vorranggebiet Rohstoffgewinnung'),
    priority_open_space: medium('Freiflächen-PV beeinträchtigt die Freiraumfunktionen'),
    priority_agriculture: medium('Freiflächen-PV im Vorbehaltsgebiet Landwirtschaft abwägen – Agri-PV prüfen'),
    priority_flood: medium('Freiflächen-PV im Vorranggebiet Hochwasserschutz nur hochwasserangepasst'),
  },
  nature: {
    nature_reserve: none('Entspricht dem Schutzzweck des Naturschutzgebiets'),
    landscape_protection: none('Naturschutz mit dem Landschaftsschutzgebiet vereinbar'),
    flood_zone: none('Naturschutz im Überschwemmungsgebiet vereinbar'),
    water_protection: none('Naturschutz mit dem Wasserschutzgebiet vereinbar'),
    priority_nature: none('Entspricht dem Vorrang Natur und Landschaft'),
    priority_wind: medium('Naturschutzanspruch schränkt den Vorrang Windenergie ein'),
    priority_extraction: medium('Naturschutzanspruch sperrt die Lagerstätte – als Folgenutzung prüfen'),
    priority_open_space: none('Naturschutz stärkt die Freiraumfunktionen'),
    priority_agriculture: low('Naturschutzflächen im Vorbehaltsgebiet Landwirtschaft abwägen'),
    priority_flood: none('Naturschutz mit dem Vorrang Hochwasserschutz vereinbar'),
  },
  agriculture: {
    nature_reserve: low('Landwirtschaft im Naturschutzgebiet nur nach Schutzverordnung'),
    landscape_protection: none('Landwirtschaft im Landschaftsschutzgebiet i. d. R. freigestellt'),
    flood_zone: low('Kein Grünlandumbruch im Überschwemmungsgebiet (§ 78a WHG)'),
    water_protection: low('Düngung und Pflanzenschutz im Wasserschutzgebiet eingeschränkt'),
    priority_nature: low('Landwirtschaft mit dem Vorrang Natur und Landschaft abstimmen'),
    priority_wind: none('Landwirtschaft neben Windenergieanlagen vereinbar'),
    priority_extraction: low('Landwirtschaft bis zum Abbau im Vorranggebiet möglich'),
    priority_open_space: none('Landwirtschaft erhält den Freiraum'),
    priority_agriculture: none('Entspricht dem Vorbehalt Landwirtschaft'),
    priority_flood: low('Landwirtschaft im Vorranggebiet Hochwasserschutz mit Auflagen'),
  },
  flood_retention: {
    nature_reserve: low('Rückhalt im Naturschutzgebiet mit dem Schutzzweck abstimmen'),
    landscape_protection: low('Rückhaltebauwerke landschaftsgerecht in das LSG einbinden'),
    flood_zone: none('Rückhalt entspricht der Funktion des Überschwemmungsgebiets'),
    water_protection: low('Rückhalt im Wasserschutzgebiet: Schadstoffeintrag prüfen'),
    priority_nature: low('Rückhalt mit dem Vorrang Natur und Landschaft abstimmen'),
    priority_wind: low('Rückhalt im Vorranggebiet Windenergie – Standorte abstimmen'),
    priority_extraction: low('Rückhalt im Vorranggebiet Rohstoffgewinnung – als Folgenutzung prüfen'),
    priority_open_space: none('Rückhalt mit den Freiraumfunktionen vereinbar'),
    priority_agriculture: low('Rückhalt im Vorbehaltsgebiet Landwirtschaft abwägen'),
    priority_flood: none('Entspricht dem Vorrang Hochwasserschutz'),
  },
  extraction: {
    nature_reserve: high('Rohstoffabbau im Naturschutzgebiet unzulässig'),
    landscape_protection: high('Rohstoffabbau verändert den Charakter des Landschaftsschutzgebiets'),
    flood_zone: medium('Abbau im Überschwemmungsgebiet: Abfluss und Rückhalt prüfen'),
    water_protection: high('Rohstoffabbau legt Grundwasser im Wasserschutzgebiet frei'),
    priority_nature: high('Rohstoffabbau im Vorranggebiet Natur und Landschaft ausgeschlossen'),
    priority_wind: medium('Abbau schränkt Windenergie-Standorte im Vorranggebiet ein'),
    priority_extraction: none('Entspricht dem Vorrang Rohstoffgewinnung'),
    priority_open_space: medium('Abbau beeinträchtigt die Freiraumfunktionen für Jahrzehnte'),
    priority_agriculture: medium('Abbau im Vorbehaltsgebiet Landwirtschaft abwägen'),
    priority_flood: medium('Abbau im Vorranggebiet Hochwasserschutz nur mit Volumenausgleich'),
  },
  transport: {
    nature_reserve: high('Verkehrstrasse im Naturschutzgebiet unzulässig'),
    landscape_protection: medium('Trasse im Landschaftsschutzgebiet nur mit Befreiung'),
    flood_zone: medium('Verkehrsdamm im Überschwemmungsgebiet nur mit Retentionsausgleich'),
    water_protection: medium('Trasse im Wasserschutzgebiet nur mit gesicherter Entwässerung'),
    priority_nature: high('Trasse widerspricht dem Vorrang Natur und Landschaft'),
    priority_wind: medium('Trasse schränkt das Vorranggebiet Windenergienutzung ein'),
    priority_extraction: high('Trasse verhindert Rohstoffgewinnung im Vorranggebiet'),
    priority_open_space: medium('Trasse zerschneidet den Freiraum im Vorranggebiet'),
    priority_agriculture: low('Trasse im Vorbehaltsgebiet Landwirtschaft abwägen'),
    priority_flood: medium('Trasse im Vorranggebiet Hochwasserschutz nur mit Retentionsausgleich'),
  },
  recreation: {
    nature_reserve: medium('Erholung im Naturschutzgebiet nur mit Wegegebot und Besucherlenkung'),
    landscape_protection: low('Erholungsanlagen im Landschaftsschutzgebiet genehmigungspflichtig'),
    flood_zone: low('Erholungsanlagen im Überschwemmungsgebiet hochwasserangepasst planen'),
    water_protection: low('Erholung im Wasserschutzgebiet: Auflagen der Schutzgebietsverordnung'),
    priority_nature: low('Erholung mit dem Vorrang Natur und Landschaft abstimmen'),
    priority_wind: low('Erholung im Vorranggebiet Windenergienutzung eingeschränkt'),
    priority_extraction: low('Erholung als Folgenutzung nach dem Abbau möglich'),
    priority_open_space: none('Erholung entspricht den Freiraumfunktionen'),
    priority_agriculture: low('Erholungsanlagen im Vorbehaltsgebiet Landwirtschaft abwägen'),
    priority_flood: low('Erholungsanlagen im Vorranggebiet Hochwasserschutz hochwasserangepasst'),
  },
};

// Reasons name no distance: the distance is data an admin may change, the UI shows it next to the reason.
const DEFAULT_SETBACKS: SetbackRule[] = [
  {
    id: 'wind_housing',
    use: 'wind',
    near: ['housing'],
    distanceM: 1000,
    severity: 'high',
    reason: 'Abstand Windenergie – Wohnbebauung unterschritten',
  },
  {
    id: 'wind_mixed',
    use: 'wind',
    near: ['mixed'],
    distanceM: 1000,
    severity: 'high',
    reason: 'Abstand Windenergie – gemischte Bebauung unterschritten',
  },
  {
    id: 'wind_recreation',
    use: 'wind',
    near: ['recreation'],
    distanceM: 500,
    severity: 'medium',
    reason: 'Abstand Windenergie – Erholungsgebiet unterschritten',
  },
  {
    id: 'extraction_housing',
    use: 'extraction',
    near: ['housing'],
    distanceM: 300,
    severity: 'medium',
    reason: 'Abstand Rohstoffabbau – Wohnbebauung unterschritten (Lärm, Staub)',
  },
  {
    id: 'commercial_housing',
    use: 'commercial',
    near: ['housing'],
    distanceM: 100,
    severity: 'low',
    reason: 'Abstand Gewerbe – Wohnen unterschritten (Lärmschutz)',
  },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** The rule set a fresh installation starts with (deeply frozen: copy it to edit). */
export const DEFAULT_RULES: RuleSet = deepFreeze({
  useUse: DEFAULT_USE_USE,
  useConstraint: DEFAULT_USE_CONSTRAINT,
  setbacks: DEFAULT_SETBACKS,
  overlapThresholdHa: 0.01,
});
