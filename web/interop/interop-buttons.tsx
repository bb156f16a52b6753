/**
 * The buttons that open the file dialogs: "Datei importieren …" for roles that may import claims,
 * "Exportieren …" for everyone. Their texts are in the page catalogue (they show before the
 * dialogs' chunks load). When the dialog closes, focus returns to the button that opened it.
 */
import { useEffect, useRef } from 'react';
import { mayImport } from '../../shared/access.js';
import type { ExportDataset } from '../../shared/exports.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import type { InteropDialog } from '../state/interop-slice.js';

/** Import (if allowed) and export buttons for a panel listing `dataset`. */
export function InteropButtons({ dataset, importable = false }: { dataset: ExportDataset; importable?: boolean }) {
  const t = useT();
  const mayImportClaims = useAppStore((s) => mayImport(s.session.user, 'claims').allowed);
  const open = useAppStore((s) => s.interopDialog !== null);
  const importOpen = useAppStore((s) => s.interopDialog?.kind === 'import');
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (!open && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  const openDialog = (button: HTMLButtonElement, dialog: InteropDialog): void => {
    opener.current = button;
    appStore.getState().openInterop(dialog);
  };

  return (
    <div className="button-row interop-buttons">
      {importable && mayImportClaims && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={importOpen}
          title={t('interop.importOpenHint')}
          onClick={(e) => openDialog(e.currentTarget, { kind: 'import' })}
        >
          {t('interop.importOpen')}
        </button>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        title={t('interop.exportOpenHint')}
        onClick={(e) => openDialog(e.currentTarget, { kind: 'export', dataset })}
      >
        {t('interop.exportOpen')}
      </button>
    </div>
  );
}
