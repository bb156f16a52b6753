/**
 * German UI texts (the primary language). Keys are stable; `{name}` marks a placeholder that
 * {@link formatMessage} fills in. Every key here must exist in `en.ts` too (checked by its type).
 */
export const de = {
  'app.title': 'Flächenforum – Region Hannover',
  'app.subtitle': 'Flächenansprüche der 21 Städte und Gemeinden',
  'app.skipToMap': 'Zur Karte springen',
  'language.label': 'Sprache',
  'language.de': 'Deutsch',
  'language.en': 'Englisch',

  'demo.badge': 'Demo-Daten',
  'demo.text':
    'Flurstücke und Schutzgebiete sind synthetische Demo-Daten. Gemeindegrenzen, Einwohner und Flächen stammen aus amtlichen Quellen.',

  'panel.label': 'Seitenleiste',
  'municipality.heading': 'Gemeinde',
  'municipality.selectLabel': 'Gemeinde wählen',
  'municipality.selectPlaceholder': '– Gemeinde wählen –',
  'municipality.wholeRegion': 'Ganze Region',
  'municipality.wholeRegionHint': 'Auswahl aufheben und die ganze Region zeigen',
  'municipality.none': 'Klicken Sie auf eine Gemeinde in der Karte oder wählen Sie sie aus der Liste.',
  'municipality.ags': 'AGS',
  'municipality.population': 'Einwohner ({year})',
  'municipality.areaOfficial': 'Fläche amtlich',
  'municipality.areaComputed': 'Fläche berechnet',
  'municipality.areaDiff': 'Abweichung',
  'municipality.loading': 'Gemeinden werden geladen …',
  'municipality.empty': 'Keine Gemeinden vorhanden.',

  'layers.heading': 'Ebenen und Legende',
  'layers.municipalities': 'Gemeindegrenzen',
  'layers.parcels': 'Flurstücke nach Nutzung',
  'layers.parcelsZoomHint': 'ab Zoomstufe {zoom}',
  'layers.constraints': 'Schutz- und Vorranggebiete',
  'layers.constraintsAll': 'Alle',
  'layers.constraintsNone': 'Keine',
  'layers.landUseLegend': 'Legende Flächennutzung',
  'layers.suvNote': 'SuV = Siedlungs- und Verkehrsfläche',

  'map.label': 'Karte der Region Hannover',
  'map.zoomHint': 'Zoomen Sie hinein, um Flurstücke zu sehen.',
  'map.parcelsTruncated':
    'Es werden nur die ersten {limit} Flurstücke angezeigt. Zoomen Sie hinein, um alle zu sehen.',
  'map.constraintsTruncated': 'Es werden nur die ersten {limit} Schutzgebiete angezeigt.',
  'map.parcelsEmpty': 'Keine Flurstücke in diesem Ausschnitt.',
  'map.loadingParcels': 'Flurstücke werden geladen …',
  'map.loadingConstraints': 'Schutzgebiete werden geladen …',
  'map.loadingMunicipalities': 'Karte wird geladen …',
  'map.retry': 'Erneut versuchen',

  'error.municipalities': 'Gemeinden konnten nicht geladen werden: {message}',
  'error.parcels': 'Flurstücke konnten nicht geladen werden: {message}',
  'error.constraints': 'Schutzgebiete konnten nicht geladen werden: {message}',
  'error.network': 'Der Server ist nicht erreichbar.',
  'error.invalidResponse': 'Der Server hat eine unerwartete Antwort geschickt (HTTP {status}).',

  'attribution.bkg': '© GeoBasis-DE / BKG (2025), dl-de/by-2-0 (Gemeindegrenzen, verändert)',
  'attribution.stats': 'Statistische Ämter des Bundes und der Länder (Einwohner, Flächen)',
  'attribution.demo': 'Flurstücke und Schutzgebiete: Demo-Daten',

  'maplibre.zoomIn': 'Hineinzoomen',
  'maplibre.zoomOut': 'Herauszoomen',
  'maplibre.resetBearing': 'Nach Norden ausrichten',
  'maplibre.toggleAttribution': 'Quellenangaben ein-/ausblenden',
  'maplibre.mapTitle': 'Karte',
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof de;

/** A catalogue with a text for every key of the German one. */
export type Messages = Record<MessageKey, string>;
