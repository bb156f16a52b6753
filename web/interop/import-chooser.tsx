/**
 * First step of the import: pick a file (file input or drag and drop), what it holds (claims;
 * constraint areas for admins) and, when the file says nothing or something wrong, its CRS. Size and
 * kind of file are checked here, before a byte is sent.
 */
import { useId, useState, type DragEvent } from 'react';
import {
  IMPORT_CRS,
  IMPORT_CRS_NAME,
  IMPORT_MAX_BYTES,
  type ImportCrs,
  type ImportTarget,
} from '../../shared/interop.js';
import { formatNumber } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import type { UploadChoice } from './use-import-flow.js';
import '../i18n/interop.texts.js';

/** File name endings the server reads. */
const ACCEPT = ['.geojson', '.json', '.gpkg', '.zip', '.kml', '.csv'];

/** Why a file cannot be sent (a message key and its values), or null when it can. */
export function fileProblem(
  file: Pick<File, 'name' | 'size'>,
): { key: 'interop.tooLarge' | 'interop.shpAlone' | 'interop.unknownType' | 'interop.emptyFile'; mb?: string } | null {
  const name = file.name.toLowerCase();
  if (file.size === 0) return { key: 'interop.emptyFile' };
  if (file.size > IMPORT_MAX_BYTES) return { key: 'interop.tooLarge', mb: (file.size / 1024 / 1024).toFixed(1) };
  if (/\.(shp|shx|dbf|prj|cpg)$/.test(name)) return { key: 'interop.shpAlone' };
  if (!ACCEPT.some((ext) => name.endsWith(ext))) return { key: 'interop.unknownType' };
  return null;
}

interface Props {
  /** The previous choice, to upload again with other settings. */
  initial: UploadChoice | null;
  mayImportConstraints: boolean;
  onUpload(choice: UploadChoice): void;
}

/** The file choice form. */
export function ImportChooser({ initial, mayImportConstraints, onUpload }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [file, setFile] = useState<File | null>(initial?.file ?? null);
  const [target, setTarget] = useState<ImportTarget>(initial?.target ?? 'claims');
  const [crs, setCrs] = useState<ImportCrs | null>(initial?.crs ?? null);
  const [dragging, setDragging] = useState(false);
  const ids = { input: useId(), crs: useId(), crsHint: useId(), problem: useId() };
  const problem = file ? fileProblem(file) : null;
  const problemText = problem
    ? t(problem.key, { mb: problem.mb ?? '', max: formatNumber(locale, IMPORT_MAX_BYTES / 1024 / 1024) })
    : null;

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <form
      className="import-chooser"
      onSubmit={(e) => {
        e.preventDefault();
        if (file && !problem) onUpload({ file, target, crs });
      }}
    >
      <label
        className={`drop-zone${dragging ? ' drop-zone--over' : ''}${problem ? ' drop-zone--error' : ''}`}
        htmlFor={ids.input}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop-zone"
      >
        <input
          id={ids.input}
          type="file"
          className="visually-hidden"
          accept={ACCEPT.join(',')}
          aria-describedby={problem ? ids.problem : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {file ? (
          <span className="drop-zone__file">
            <strong>{file.name}</strong>{' '}
            <span className="muted">({formatNumber(locale, Math.max(file.size / 1024, 0.1), 1)} KB)</span>
            <span className="drop-zone__change">{t('interop.changeFile')}</span>
          </span>
        ) : (
          <span>
            <strong>{t('interop.dropHere')}</strong>
            <span className="drop-zone__formats">{t('interop.formats')}</span>
          </span>
        )}
      </label>
      {problemText && (
        <p id={ids.problem} className="form-error" role="alert">
          {problemText}
        </p>
      )}

      <fieldset className="import-chooser__target">
        <legend className="field-label">{t('interop.target')}</legend>
        <label className="check">
          <input type="radio" name="import-target" checked={target === 'claims'} onChange={() => setTarget('claims')} />
          <span>{t('interop.targetClaims')}</span>
        </label>
        {mayImportConstraints && (
          <label className="check">
            <input
              type="radio"
              name="import-target"
              checked={target === 'constraints'}
              onChange={() => setTarget('constraints')}
            />
            <span>
              {t('interop.targetConstraints')} <span className="muted">{t('interop.targetConstraintsHint')}</span>
            </span>
          </label>
        )}
      </fieldset>

      <label className="field-label" htmlFor={ids.crs}>
        {t('interop.crs')}
      </label>
      <select
        id={ids.crs}
        className="select"
        value={crs ?? ''}
        aria-describedby={ids.crsHint}
        onChange={(e) => setCrs(e.target.value === '' ? null : (Number(e.target.value) as ImportCrs))}
      >
        <option value="">{t('interop.crsAuto')}</option>
        {IMPORT_CRS.map((epsg) => (
          <option key={epsg} value={epsg}>
            EPSG:{epsg} – {IMPORT_CRS_NAME[epsg]}
          </option>
        ))}
      </select>
      <p id={ids.crsHint} className="form-field__hint">
        {t('interop.crsHint')}
      </p>

      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={!file || problem !== null}>
          {t('interop.uploadStart')}
        </button>
      </div>
    </form>
  );
}
