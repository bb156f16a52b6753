/**
 * What the server read from the file: name, format, layer, the CRS with its evidence (and a hint
 * when it was guessed), warnings, the counts per finding, and the legend of the map overlay.
 */
import { IMPORT_CRS_NAME, type ImportPreview } from '../../shared/interop.js';
import { formatNumber } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { IMPORT_COLORS } from '../map/import-overlay-features.js';
import { useAppStore } from '../state/app-store.js';
import '../i18n/interop.texts.js';

const FORMAT_LABEL: Record<ImportPreview['format'], string> = {
  geojson: 'GeoJSON',
  gpkg: 'GeoPackage',
  shp: 'Shapefile',
  kml: 'KML',
  csv: 'CSV',
};

/** Summary of a preview. */
export function ImportSummary({ preview, onOtherCrs }: { preview: ImportPreview; onOtherCrs(): void }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const crsName = IMPORT_CRS_NAME[preview.crs.epsg] ?? '';
  const { counts } = preview;
  const n = (value: number) => formatNumber(locale, value);

  return (
    <section className="import-summary" aria-labelledby="import-summary-heading">
      <h3 id="import-summary-heading" className="import-panel__subtitle">
        {t('interop.summaryHeading')}
      </h3>
      <dl className="import-facts">
        <dt>{t('interop.file')}</dt>
        <dd data-testid="import-filename">{preview.filename}</dd>
        <dt>{t('interop.format')}</dt>
        <dd>
          {FORMAT_LABEL[preview.format]}
          {preview.layer && preview.layer !== preview.filename.replace(/\.[^.]+$/, '') && (
            <span className="muted"> · {t('interop.layer', { layer: preview.layer })}</span>
          )}
        </dd>
        <dt>{t('interop.crsDetected')}</dt>
        <dd data-testid="import-crs">
          EPSG:{preview.crs.epsg} {crsName && `– ${crsName}`}
          <span className="import-facts__evidence">
            {/* A guess explains itself in its evidence (and in the warning below). */}
            {preview.crs.source === 'range' && preview.crs.evidence
              ? preview.crs.evidence
              : `${t(`interop.crsSource.${preview.crs.source}`)}${preview.crs.evidence ? `: ${preview.crs.evidence}` : ''}`}
          </span>
        </dd>
      </dl>
      {preview.crs.source === 'range' && (
        <p className="import-warning" role="note" data-testid="import-crs-guessed">
          {t('interop.crsGuessed', { epsg: preview.crs.epsg })}{' '}
          <button type="button" className="link-button" onClick={onOtherCrs}>
            {t('interop.otherCrs')}
          </button>
        </p>
      )}
      {preview.warnings.length > 0 && (
        <ul className="import-warning import-warning--list" aria-label={t('interop.warnings')}>
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <ul className="import-counts" data-testid="import-counts">
        <li className="import-count import-count--total">
          <strong>{n(counts.total)}</strong> {t('interop.countTotal')}
        </li>
        <li className="import-count" data-status="valid">
          <span className="import-swatch" style={{ background: IMPORT_COLORS.valid }} aria-hidden="true" />
          <strong>{n(counts.valid)}</strong> {t('interop.countValid')}
        </li>
        <li className="import-count" data-status="repairable">
          <span className="import-swatch" style={{ background: IMPORT_COLORS.repaired }} aria-hidden="true" />
          <strong>{n(counts.repairable)}</strong> {t('interop.countRepairable')}
        </li>
        <li className="import-count" data-status="rejected">
          <span className="import-swatch" style={{ background: IMPORT_COLORS.rejected }} aria-hidden="true" />
          <strong>{n(counts.rejected)}</strong> {t('interop.countRejected')}
        </li>
      </ul>
      <p className="import-legend muted">{t('interop.legend')}</p>
    </section>
  );
}
