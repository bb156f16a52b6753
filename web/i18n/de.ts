/**
 * German UI texts (the primary language). Keys are stable; `{name}` marks a placeholder that
 * {@link formatMessage} fills in. Every key must exist in `en.ts` too (checked by its type).
 * The texts of the dashboard, the conflict rounds, the conflicts UI and the notes are not in this
 * object, only the few their page shell shows: the rest comes with their chunks (`*.texts.ts`).
 */
import type { AnnotationMessageKey } from './annotations.de.js';
import type { ApiDocsMessageKey } from './api-docs.de.js';
import type { AuditMessageKey } from './audit.de.js';
import type { ConflictMessageKey } from './conflicts.de.js';
import type { DashboardMessageKey } from './dashboard.de.js';
import type { InteropMessageKey } from './interop.de.js';
import { liveDe } from './live.de.js';
import type { ParticipationMessageKey } from './participation.de.js';
import type { RoundsMessageKey } from './rounds.de.js';

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

  'draw.lockedAnonymous': 'Zum Zeichnen von Flächenansprüchen bitte anmelden.',
  'draw.lockedRole': 'Ihre Rolle kann Ansprüche lesen und kommentieren, aber nicht zeichnen.',
  'account.login': 'Anmelden',
  'account.logout': 'Abmelden',
  'account.loginTitle': 'Anmelden bei Flächenforum',
  'account.username': 'Benutzername',
  'account.password': 'Passwort',
  'account.cancel': 'Abbrechen',
  'account.signingIn': 'Anmeldung …',
  'account.demoHint':
    'Demo-Zugänge: admin/admin, planer/planer, planer-lehrte/planer, rat/rat, buerger/buerger (nur mit der eingebetteten Demo-Datenbank).',

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
  'layers.conflicts': 'Konflikte',
  'layers.conflictsLegend': 'Legende Konflikte',
  'layers.conflictSeverity': 'Konflikt {severity}',
  'layers.conflictsClosed': 'gelöst, hingenommen oder erledigt (blass)',
  'layers.parcelsZoomHint': 'ab Zoomstufe {zoom}',
  'layers.constraints': 'Schutz- und Vorranggebiete',
  'layers.constraintsAll': 'Alle',
  'layers.constraintsNone': 'Keine',
  'layers.landUseLegend': 'Legende Flächennutzung',
  'layers.suvNote': 'SuV = Siedlungs- und Verkehrsfläche',

  'map.label': 'Karte der Region Hannover',
  'map.zoomHint': 'Zoomen Sie hinein, um Flurstücke zu sehen.',
  'map.parcelsTruncated': 'Es werden nur die ersten {limit} Flurstücke angezeigt. Zoomen Sie hinein, um alle zu sehen.',
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

  'panel.tabs': 'Bereiche der Seitenleiste',
  'panel.tabMap': 'Karte',
  'panel.tabClaims': 'Flächenansprüche',

  'draw.toolbar': 'Zeichenwerkzeuge',
  'draw.select': 'Auswählen',
  'draw.selectHint': 'Auswählen und Form bearbeiten (V)',
  'draw.polygon': 'Polygon',
  'draw.polygonHint': 'Polygon zeichnen (P)',
  'draw.rectangle': 'Rechteck',
  'draw.rectangleHint': 'Rechteck zeichnen (R)',
  'draw.freehand': 'Freihand',
  'draw.freehandHint': 'Freihand zeichnen (F)',
  'draw.undo': 'Rückgängig',
  'draw.undoHint': 'Rückgängig (Strg+Z)',
  'draw.redo': 'Wiederholen',
  'draw.redoHint': 'Wiederholen (Strg+Umschalt+Z)',
  'draw.snapping': 'Fangen',
  'draw.snappingHint': 'An Ecken und Kanten der Flurstücke fangen (S)',
  'draw.cancel': 'Abbrechen',
  'draw.cancelHint': 'Zeichnen abbrechen (Esc)',
  'draw.toolsLocked': 'Speichern oder verwerfen Sie zuerst die offene Form.',
  'draw.area': 'Fläche',
  'draw.noCollisions': 'Keine Überschneidung mit Ansprüchen oder Schutzgebieten',
  'draw.collidesWith': 'Überschneidet:',
  'draw.collidesClaimsOne': '1 Flächenanspruch',
  'draw.collidesClaimsMany': '{count} Flächenansprüche',
  'draw.collidesConstraintsOne': '1 Schutz-/Vorranggebiet',
  'draw.collidesConstraintsMany': '{count} Schutz-/Vorranggebiete',
  'draw.selfIntersecting': 'Die Form überschneidet sich selbst; beim Speichern schlägt der Server eine Reparatur vor.',
  'draw.loadingTools': 'Zeichenwerkzeuge werden geladen …',
  'draw.hintPolygon':
    'Klicken Sie die Eckpunkte. Doppelklick, Klick auf den ersten Punkt oder Enter schließt die Form. Strg+Z nimmt den letzten Punkt zurück, Esc bricht ab.',
  'draw.hintRectangle':
    'Klicken Sie eine Ecke und dann die gegenüberliegende, oder ziehen Sie das Rechteck auf. Esc bricht ab.',
  'draw.hintFreehand':
    'Klicken und die Maus bewegen, erneuter Klick beendet; oder mit gedrückter Maustaste zeichnen. Esc bricht ab.',
  'draw.hintEdit':
    'Eckpunkte ziehen verschiebt sie, die kleinen Mittelpunkte fügen neue Ecken ein, Rechtsklick löscht einen Eckpunkt, die Fläche ziehen verschiebt die Form.',
  'draw.hintReadonly':
    'Diese Form hat mehrere Teile oder Löcher: Sie kann gespeichert, aber nicht punktweise bearbeitet werden.',

  'claims.heading': 'Flächenansprüche',
  'claims.new': 'Neuen Anspruch zeichnen',
  'claims.search': 'Suche',
  'claims.searchPlaceholder': 'Titel, Beschreibung, Einreicher …',
  'claims.filters': 'Filter',
  'claims.filterUse': 'Nutzung',
  'claims.filterStatus': 'Status',
  'claims.filterMunicipality': 'Gemeinde',
  'claims.filterProposer': 'Einreicher',
  'claims.any': 'alle',
  'claims.resetFilters': 'Filter zurücksetzen',
  'claims.includeDeleted': 'Gelöschte anzeigen',
  'claims.count': '{shown} von {total} Ansprüchen',
  'claims.list': 'Liste der Flächenansprüche',
  'claims.empty': 'Noch keine Flächenansprüche – zeichnen Sie den ersten.',
  'claims.emptyFiltered': 'Kein Anspruch passt zu den Filtern.',
  'claims.loading': 'Flächenansprüche werden geladen …',
  'claims.error': 'Flächenansprüche konnten nicht geladen werden: {message}',
  'claims.deleted': 'gelöscht',

  'claim.back': 'Zur Liste',
  'claim.use': 'Nutzung',
  'claim.status': 'Status',
  'claim.proposer': 'Einreicher',
  'claim.horizon': 'Planungshorizont',
  'claim.horizonOpen': 'offen',
  'claim.area': 'Fläche',
  'claim.municipalities': 'Gemeinden',
  'claim.municipalitiesNone': 'keine',
  'claim.version': 'Version',
  'claim.created': 'Angelegt',
  'claim.updated': 'Geändert',
  'claim.deletedAt': 'Gelöscht',
  'claim.description': 'Beschreibung',
  'claim.zoom': 'Auf der Karte zeigen',
  'claim.edit': 'Bearbeiten',
  'claim.delete': 'Löschen',
  'claim.deleteConfirm': 'Anspruch „{title}“ löschen? Er lässt sich über den Verlauf wiederherstellen.',
  'claim.deleteYes': 'Ja, löschen',
  'claim.deleteNo': 'Nicht löschen',
  'claim.restore': 'Wiederherstellen',
  'claim.demo': 'Demo',
  'claim.actionFailed': 'Das hat nicht geklappt: {message}',

  'history.heading': 'Verlauf',
  'history.loading': 'Verlauf wird geladen …',
  'history.error': 'Verlauf konnte nicht geladen werden: {message}',
  'history.version': 'Version {version}',
  'history.current': 'aktuell',
  'history.by': '{action} von {who}',
  'history.created': 'angelegt',
  'history.updated': 'geändert',
  'history.deleted': 'gelöscht',
  'history.restored': 'wiederhergestellt',
  'history.restore': 'Diese Version wiederherstellen',

  'form.newHeading': 'Neuer Flächenanspruch',
  'form.editHeading': 'Anspruch bearbeiten',
  'form.title': 'Titel',
  'form.use': 'Nutzung',
  'form.proposerName': 'Einreichende Stelle',
  'form.proposerType': 'Art der Stelle',
  'form.status': 'Status',
  'form.horizon': 'Planungshorizont (Jahr)',
  'form.horizonHint': '{min} bis {max}; leer lassen, wenn offen',
  'form.description': 'Beschreibung',
  'form.municipalitiesNote': 'Die berührten Gemeinden ermittelt der Server beim Speichern aus der Form.',
  'form.save': 'Speichern',
  'form.saving': 'Wird gespeichert …',
  'form.discard': 'Verwerfen',
  'form.invalid': 'Bitte prüfen Sie die markierten Felder.',
  'form.saveFailed': 'Speichern fehlgeschlagen: {message}',
  'form.invalidTitle': 'Bitte einen Titel angeben (höchstens 200 Zeichen).',
  'form.invalidUse': 'Bitte eine Nutzung wählen.',
  'form.invalidProposerName': 'Bitte die einreichende Stelle angeben (höchstens 200 Zeichen).',
  'form.invalidProposerType': 'Bitte die Art der Stelle wählen.',
  'form.invalidStatus': 'Dieser Status ist hier nicht möglich.',
  'form.invalidHorizon': 'Bitte ein Jahr von {min} bis {max} angeben oder das Feld leer lassen.',
  'form.invalidDescription': 'Die Beschreibung ist zu lang (höchstens 5.000 Zeichen).',
  'form.invalidGeneric': 'Bitte prüfen.',

  'geometry.heading': 'Die Form ist ungültig',
  'geometry.reason': 'Grund laut Server: {reason}',
  'geometry.location': 'Die Stelle ist auf der Karte rot markiert.',
  'geometry.repaired': 'Grün gestrichelt: Vorschlag einer reparierten Form ({area} ha).',
  'geometry.accept': 'Reparierte Form übernehmen',
  'geometry.dismiss': 'Selbst korrigieren',

  'conflict.title': 'Speichern nicht möglich',
  'conflict.message': 'Dieser Anspruch wurde inzwischen von jemand anderem geändert.',
  'conflict.detail': 'Aktuell ist Version {version}, gespeichert {when}.',
  'conflict.reload': 'Neu laden',
  'conflict.reloadHint': 'Meine Änderungen verwerfen und die aktuelle Fassung anzeigen',
  'conflict.compare': 'Vergleichen',
  'conflict.compareHint': 'Beide Fassungen auf der Karte und nebeneinander zeigen',
  'conflict.compareHeading': 'Fassungen vergleichen',
  'conflict.field': 'Feld',
  'conflict.mine': 'Meine Fassung',
  'conflict.current': 'Aktuell (Version {version})',
  'conflict.geometry': 'Form',
  'conflict.shapeSame': 'gleich',
  'conflict.shapeMine': 'blau gestrichelt',
  'conflict.shapeCurrent': 'orange',
  'conflict.legendCurrent': 'aktuelle Fassung',
  'conflict.legendMine': 'meine Fassung',
  'conflict.reapply': 'Meine Änderungen auf die aktuelle Fassung anwenden',
  'conflict.takeCurrent': 'Aktuelle Fassung übernehmen',

  'attribution.bkg': '© GeoBasis-DE / BKG (2025), dl-de/by-2-0 (Gemeindegrenzen, verändert)',
  'attribution.stats': 'Statistische Ämter des Bundes und der Länder (Einwohner, Flächen)',
  'attribution.demo': 'Flurstücke und Schutzgebiete: Demo-Daten',

  'maplibre.zoomIn': 'Hineinzoomen',
  'maplibre.zoomOut': 'Herauszoomen',
  'maplibre.resetBearing': 'Nach Norden ausrichten',
  'maplibre.toggleAttribution': 'Quellenangaben ein-/ausblenden',
  'maplibre.mapTitle': 'Karte',

  // Shown by the page shell before the chunks of the dashboard, conflict rounds, conflicts UI, audit
  // log and participation page (their other texts come with those chunks).
  'dashboard.link': 'Dashboard Flächenverbrauch',
  'dashboard.backToMap': 'Karte',
  'dashboard.loadingChunk': 'Dashboard wird geladen …',
  'rounds.loadingChunk': 'Konfliktrunden werden geladen …',
  'rounds.link': 'Konfliktrunde',
  'conflicts.tab': 'Konflikte',
  'conflicts.loading': 'Konflikte werden geladen …',
  'conflicts.showClosed': 'gelöste anzeigen',
  'audit.link': 'Protokoll',
  'audit.linkTitle': 'Änderungsprotokoll: wer hat was wann geändert',
  'audit.loadingChunk': 'Änderungsprotokoll wird geladen …',
  'participation.loadingChunk': 'Beteiligung wird geladen …',
  'apiDocs.headerLink': 'API',
  'apiDocs.headerLinkTitle': 'API-Referenz: alle Endpunkte der JSON-API',
  'apiDocs.loadingChunk': 'API-Referenz wird geladen …',
  'interop.importOpen': 'Datei importieren …',
  'interop.importOpenHint': 'Flächen aus QGIS, ArcGIS & Co. übernehmen: GeoJSON, GeoPackage, Shapefile (ZIP), KML, CSV',
  'interop.exportOpen': 'Exportieren …',
  'interop.exportOpenHint': 'Als Datei herunterladen: GeoJSON, GeoPackage, Shapefile, KML oder CSV',
  'participation.banner': 'Öffentliche Beteiligung',
  'participation.manage': 'Beteiligung verwalten',
  'participation.none': 'Zurzeit läuft keine öffentliche Beteiligung.',
  'participation.propose': 'Vorschlag einreichen',
  'participation.proposeHint':
    'Zeichnen Sie die Fläche Ihres Vorschlags in die Karte; danach öffnet sich das Formular.',
  'participation.publishedCount': '{count} Ansprüche zur Stellungnahme',
  'participation.review': 'Beteiligung und Vorschläge',
  'participation.runsUntil': 'läuft bis {end}',
  'participation.signInToJoin': 'Zum Mitmachen anmelden',

  ...liveDe,
} as const;

/** A key of the message catalogue. */
export type MessageKey =
  | keyof typeof de
  | DashboardMessageKey
  | ConflictMessageKey
  | AnnotationMessageKey
  | RoundsMessageKey
  | AuditMessageKey
  | ParticipationMessageKey
  | ApiDocsMessageKey
  | InteropMessageKey;

/** A catalogue with a text for every key of the German one. */
export type Messages = Record<MessageKey, string>;
