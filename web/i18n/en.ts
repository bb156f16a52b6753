/** English UI texts. Typed as {@link Messages}, so a key missing here fails the type check. */
import type { Messages } from './de.js';

export const en: Messages = {
  'app.title': 'Flächenforum – Region Hannover',
  'app.subtitle': 'Land-use claims of the 21 towns and municipalities',
  'app.skipToMap': 'Skip to map',
  'language.label': 'Language',
  'language.de': 'German',
  'language.en': 'English',

  'demo.badge': 'Demo data',
  'demo.text':
    'Parcels and protected areas are synthetic demo data. Municipal boundaries, population and areas come from official sources.',

  'panel.label': 'Side panel',
  'municipality.heading': 'Municipality',
  'municipality.selectLabel': 'Choose a municipality',
  'municipality.selectPlaceholder': '– Choose a municipality –',
  'municipality.wholeRegion': 'Whole region',
  'municipality.wholeRegionHint': 'Clear the selection and show the whole region',
  'municipality.none': 'Click a municipality on the map or choose it from the list.',
  'municipality.ags': 'Municipality key (AGS)',
  'municipality.population': 'Population ({year})',
  'municipality.areaOfficial': 'Official area',
  'municipality.areaComputed': 'Computed area',
  'municipality.areaDiff': 'Difference',
  'municipality.loading': 'Loading municipalities …',
  'municipality.empty': 'No municipalities available.',

  'layers.heading': 'Layers and legend',
  'layers.municipalities': 'Municipal boundaries',
  'layers.parcels': 'Parcels by land use',
  'layers.parcelsZoomHint': 'from zoom level {zoom}',
  'layers.constraints': 'Protected and priority areas',
  'layers.constraintsAll': 'All',
  'layers.constraintsNone': 'None',
  'layers.landUseLegend': 'Land-use legend',
  'layers.suvNote': 'SuV = settlement and transport area',

  'map.label': 'Map of Region Hannover',
  'map.zoomHint': 'Zoom in to see parcels.',
  'map.parcelsTruncated': 'Only the first {limit} parcels are shown. Zoom in to see all of them.',
  'map.constraintsTruncated': 'Only the first {limit} protected areas are shown.',
  'map.parcelsEmpty': 'No parcels in this view.',
  'map.loadingParcels': 'Loading parcels …',
  'map.loadingConstraints': 'Loading protected areas …',
  'map.loadingMunicipalities': 'Loading map …',
  'map.retry': 'Try again',

  'error.municipalities': 'Could not load the municipalities: {message}',
  'error.parcels': 'Could not load the parcels: {message}',
  'error.constraints': 'Could not load the protected areas: {message}',
  'error.network': 'The server cannot be reached.',
  'error.invalidResponse': 'The server sent an unexpected response (HTTP {status}).',

  'attribution.bkg': '© GeoBasis-DE / BKG (2025), dl-de/by-2-0 (municipal boundaries, modified)',
  'attribution.stats': 'Statistische Ämter des Bundes und der Länder (population, areas)',
  'attribution.demo': 'Parcels and protected areas: demo data',

  'maplibre.zoomIn': 'Zoom in',
  'maplibre.zoomOut': 'Zoom out',
  'maplibre.resetBearing': 'Reset bearing to north',
  'maplibre.toggleAttribution': 'Toggle attribution',
  'maplibre.mapTitle': 'Map',
};
