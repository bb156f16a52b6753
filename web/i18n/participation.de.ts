/**
 * German UI texts of public participation: the banner on the map, the page "Beteiligung verwalten"
 * (phases, the new-phase form with its claim checklist, the public's proposals) and the proposal
 * form. Added to the catalogue by `participation.texts.ts` (the page shell's few texts are in
 * `de.ts`); `participation.en.ts` must have every key (its type).
 */
export const participationDe = {
  'participation.pageTitle': 'Beteiligung verwalten',
  'participation.pageTitlePublic': 'Öffentliche Beteiligung',
  'participation.pageIntro':
    'Während einer Beteiligungsphase sieht die Öffentlichkeit die ausgewählten Ansprüche, kann sie kommentieren und eigene Vorschläge (Verein/Bürgergruppe, Status „Vorgeschlagen“) einreichen.',
  'participation.loading': 'Beteiligungsphasen werden geladen …',
  'participation.error': 'Beteiligungsphasen konnten nicht geladen werden: {message}',
  'participation.retry': 'Erneut versuchen',
  'participation.phases': 'Beteiligungsphasen',
  'participation.empty': 'Noch keine Beteiligungsphase angelegt.',
  'participation.colTitle': 'Titel',
  'participation.colPeriod': 'Zeitraum',
  'participation.colState': 'Status',
  'participation.colClaims': 'Ansprüche',
  'participation.colComments': 'Kommentare',
  'participation.colProposals': 'Vorschläge',
  'participation.colActions': 'Aktionen',
  'participation.period': '{start} – {end}',
  'participation.close': 'Vorzeitig beenden',
  'participation.closeConfirm': 'Phase „{title}“ jetzt beenden?',
  'participation.closeYes': 'Ja, beenden',
  'participation.cancel': 'Abbrechen',
  'participation.closed': 'Die Phase „{title}“ ist beendet.',
  'participation.closeFailed': 'Beenden fehlgeschlagen: {message}',

  'participation.newPhase': 'Neue Beteiligungsphase',
  'participation.title': 'Titel',
  'participation.description': 'Beschreibung',
  'participation.startsAt': 'Beginn',
  'participation.endsAt': 'Ende',
  'participation.periodHint': 'Höchstens ein Jahr. Ansprüche werden mit dem Beginn öffentlich.',
  'participation.claims': 'Veröffentlichte Ansprüche',
  'participation.claimsFilter': 'Ansprüche filtern',
  'participation.claimsFilterPlaceholder': 'Titel, Einreicher oder Gemeinde',
  'participation.claimsSelected': '{selected} von {total} ausgewählt',
  'participation.selectShown': 'Angezeigte auswählen',
  'participation.selectNone': 'Keine',
  'participation.claimsLoading': 'Ansprüche werden geladen …',
  'participation.claimsEmpty': 'Kein Anspruch passt zum Filter.',
  'participation.alreadyPublished': 'bereits öffentlich',
  'participation.create': 'Phase anlegen',
  'participation.creating': 'Wird angelegt …',
  'participation.created': 'Die Phase „{title}“ ist angelegt.',
  'participation.invalid': 'Bitte prüfen Sie die markierten Felder.',
  'participation.titleRequired': 'Titel darf nicht leer sein.',
  'participation.dateRequired': 'Bitte Datum und Uhrzeit angeben.',
  'participation.saveFailed': 'Speichern fehlgeschlagen: {message}',

  'participation.proposals': 'Eingereichte Vorschläge',
  'participation.proposalsPhase': 'Phase',
  'participation.proposalsLoading': 'Vorschläge werden geladen …',
  'participation.proposalsEmpty': 'In dieser Phase wurden keine Vorschläge eingereicht.',
  'participation.proposalsError': 'Vorschläge konnten nicht geladen werden: {message}',
  'participation.proposalBy': 'von {author}, {date}',
  'participation.showOnMap': 'Auf der Karte zeigen',
  'participation.internalOnly': 'Phasen anlegen und beenden kann die Administration; Vorschläge sichtet die Planung.',

  'participation.proposalHeading': 'Ihr Vorschlag',
  'participation.proposalNote':
    'Vorschläge der Öffentlichkeit gehen als „Verein/Bürgergruppe“ mit dem Status „Vorgeschlagen“ an die Planung.',
} as const;

export type ParticipationMessageKey = keyof typeof participationDe;
