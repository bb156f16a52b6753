/**
 * "Exportieren …" for pages outside the map (the dashboard): a button that opens the export dialog
 * for one dataset with the page's settings as fixed parameters. The dialog is a chunk of its own.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import type { ExportDataset } from '../../shared/exports.js';
import { useT } from '../i18n/use-t.js';

const ExportDialog = lazy(() => import('./export-dialog.js').then((m) => ({ default: m.ExportDialog })));

/** The button and, while open, the dialog; `fixed` are query parameters always sent (e.g. year, scenario). */
export function ExportButton({ dataset, fixed }: { dataset: ExportDataset; fixed?: Record<string, string> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button--secondary"
        title={t('interop.exportOpenHint')}
        onClick={() => setOpen(true)}
      >
        {t('interop.exportOpen')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog
            initial={dataset}
            datasets={[dataset]}
            presets={{ [dataset]: { fixed } }}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
