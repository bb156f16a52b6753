/**
 * "Exportieren": a modal dialog that builds the address of `GET /api/exports/:dataset` — dataset,
 * format, coordinate system, optionally the list's filters — and downloads it through a plain link
 * (the server names the file). KML knows only WGS 84, so UTM is disabled for it, with the reason.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EXPORT_CRS, FILE_FORMATS, type ExportCrs, type FileFormat } from '../../shared/interop.js';
import type { MessageKey } from '../i18n/de.js';
import { useT } from '../i18n/use-t.js';
import { crsAllowed, defaultCrs, EXPORT_DATASETS, exportUrl, type ExportDataset } from './export-query.js';
import './interop.css';
import '../i18n/interop.texts.js';

/** What a page hands the dialog per dataset. */
export interface ExportPreset {
  /** Parameters always sent (e.g. the dashboard's year and scenario). */
  fixed?: Record<string, string>;
  /** The list's active filters, offered as a choice: the parameters, a readable summary and a caveat. */
  list?: { filters: Record<string, string>; summary: string; note?: string };
}

interface Props {
  initial: ExportDataset;
  /** The datasets to offer (default: all). */
  datasets?: readonly ExportDataset[];
  presets?: Partial<Record<ExportDataset, ExportPreset>>;
  onClose(): void;
}

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled)';

/** The export dialog. */
export function ExportDialog({ initial, datasets = EXPORT_DATASETS, presets = {}, onClose }: Props) {
  const t = useT();
  const [dataset, setDataset] = useState<ExportDataset>(initial);
  const [format, setFormat] = useState<FileFormat>('gpkg');
  const [crs, setCrs] = useState<ExportCrs>(defaultCrs('gpkg'));
  // The CRS follows the format until the user picks one.
  const [crsChosen, setCrsChosen] = useState(false);
  const [useList, setUseList] = useState(true);
  const [started, setStarted] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const preset = presets[dataset] ?? {};
  const list = preset.list && Object.keys(preset.list.filters).length > 0 ? preset.list : null;
  const filters = { ...preset.fixed, ...(list && useList ? list.filters : {}) };
  const href = exportUrl({ dataset, format, crs: crsAllowed(format, crs) ? crs : 4326, filters });

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input:checked')?.focus();
  }, []);
  useEffect(() => setStarted(false), [href]);

  const pickFormat = (next: FileFormat): void => {
    setFormat(next);
    if (!crsChosen || !crsAllowed(next, crs)) setCrs(crsAllowed(next, crs) ? defaultCrs(next) : 4326);
  };

  // Keyboard focus stays inside the modal dialog; Escape closes it.
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={onKeyDown}>
      <div
        ref={dialog}
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        data-testid="export-dialog"
      >
        <h2 id="export-title" className="dialog__title">
          {t('interop.exportTitle')}
        </h2>
        {datasets.length > 1 ? (
          <fieldset className="export-dialog__group">
            <legend className="field-label">{t('interop.dataset')}</legend>
            {datasets.map((d) => (
              <label key={d} className="check">
                <input type="radio" name="export-dataset" checked={dataset === d} onChange={() => setDataset(d)} />
                <span>{t(`interop.dataset.${d}` as MessageKey)}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="export-dialog__group">
            <span className="field-label">{t('interop.dataset')}</span>
            {t(`interop.dataset.${dataset}` as MessageKey)}
          </p>
        )}
        {list && (
          <div className="export-dialog__group">
            <label className="check">
              <input type="checkbox" checked={useList} onChange={(e) => setUseList(e.target.checked)} />
              <span>
                {t('interop.withListFilters')} <span className="muted">({list.summary})</span>
              </span>
            </label>
            {list.note && useList && <p className="form-field__hint">{list.note}</p>}
          </div>
        )}
        <fieldset className="export-dialog__group">
          <legend className="field-label">{t('interop.exportFormat')}</legend>
          {FILE_FORMATS.map((f) => (
            <label key={f} className="check">
              <input type="radio" name="export-format" checked={format === f} onChange={() => pickFormat(f)} />
              <span>
                {t(`interop.exportFormat.${f}` as MessageKey)}{' '}
                <span className="muted">{t(`interop.exportFormatHint.${f}` as MessageKey)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="export-dialog__group">
          <legend className="field-label">{t('interop.exportCrs')}</legend>
          {EXPORT_CRS.map((c) => {
            const disabled = !crsAllowed(format, c);
            return (
              <label key={c} className={disabled ? 'check check--disabled' : 'check'}>
                <input
                  type="radio"
                  name="export-crs"
                  checked={crs === c}
                  disabled={disabled}
                  aria-describedby={disabled ? 'export-crs-kml' : undefined}
                  onChange={() => {
                    setCrs(c);
                    setCrsChosen(true);
                  }}
                />
                <span>{t(`interop.exportCrs.${c}` as MessageKey)}</span>
              </label>
            );
          })}
          {format === 'kml' && (
            <p id="export-crs-kml" className="form-field__hint">
              {t('interop.kmlWgs84')}
            </p>
          )}
        </fieldset>
        <p className="export-dialog__note" role="note">
          {t('interop.provenanceNote')}
        </p>
        {started && (
          <p className="claim-notice" role="status">
            {t('interop.downloadStarted')}
          </p>
        )}
        <div className="button-row">
          <a
            className="button button--primary"
            href={href}
            download
            data-testid="export-download"
            onClick={() => setStarted(true)}
          >
            {t('interop.download')}
          </a>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('interop.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
