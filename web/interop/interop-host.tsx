/**
 * Mount point of the file dialogs on the map page: renders the import panel or the export dialog
 * the store asks for, each loaded as a chunk of its own on first use. Part of the page bundle, so
 * it is kept to this switch.
 */
import { lazy, Suspense } from 'react';
import { mayImport } from '../../shared/access.js';
import { useAppStore } from '../state/app-store.js';

const ImportPanel = lazy(() => import('./import-panel.js').then((m) => ({ default: m.ImportPanel })));
const MapExportDialog = lazy(() => import('./map-export.js').then((m) => ({ default: m.MapExportDialog })));

/** The open file dialog, if any. */
export function InteropHost() {
  const dialog = useAppStore((s) => s.interopDialog);
  const mayImportClaims = useAppStore((s) => mayImport(s.session.user, 'claims').allowed);
  if (!dialog || (dialog.kind === 'import' && !mayImportClaims)) return null;
  return (
    <Suspense fallback={null}>
      {dialog.kind === 'import' ? <ImportPanel /> : <MapExportDialog dataset={dialog.dataset} />}
    </Suspense>
  );
}
