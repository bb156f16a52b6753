/**
 * The features of a staged import as a table: number (a button that shows the feature on the
 * map), the title the mapping gives with the municipalities, area, the finding with its reason and
 * the last check's outcome, and a checkbox to leave the feature out. Long files are shown in pages.
 */
import { useMemo, useState } from 'react';
import {
  STAGED_STATUSES,
  type CheckResult,
  type ImportFeature,
  type ImportPreview,
  type RefusedFeature,
  type StagedStatus,
} from '../../shared/interop.js';
import type { MessageKey } from '../i18n/de.js';
import { formatHa } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { mappedText, type MappingDraft } from './mapping.js';
import '../i18n/interop.texts.js';

const PAGE = 100;

/** What the check says beyond the finding already shown (it repeats the finding's text first). */
function outcomeNote(message: string | null, finding: string | null): string {
  if (!message) return '';
  return finding && message.startsWith(finding) ? message.slice(finding.length).trim() : message;
}

interface Props {
  preview: ImportPreview;
  mapping: MappingDraft;
  check: CheckResult | null;
  /** Whether `check` was made with the current settings (else its outcomes are shown faded). */
  checkFresh: boolean;
  exclude: ReadonlySet<number>;
  refused: readonly RefusedFeature[];
  focus: number | null;
  onToggleExclude(index: number): void;
  onFocus(feature: ImportFeature): void;
}

/** The feature table with a filter by finding. */
export function FeatureTable(props: Props) {
  const { preview, mapping, check, checkFresh, exclude, refused, focus, onToggleExclude, onFocus } = props;
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const municipalities = useAppStore((s) => s.municipalities.data);
  const names = useMemo(
    () => new Map((municipalities?.features ?? []).map((m) => [m.properties.ags, m.properties.name])),
    [municipalities],
  );
  const [filter, setFilter] = useState<StagedStatus | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const titleKey = preview.target === 'claims' ? 'title' : 'name';
  const outcomes = useMemo(() => new Map(check?.features.map((f) => [f.index, f]) ?? []), [check]);
  const refusedBy = useMemo(() => new Map(refused.map((r) => [r.index, r])), [refused]);
  const shown = filter ? preview.features.filter((f) => f.status === filter) : preview.features;

  return (
    <section className="import-features" aria-labelledby="import-features-heading">
      <div className="import-features__bar">
        <h3 id="import-features-heading" className="import-panel__subtitle">
          {t('interop.featuresHeading')}
        </h3>
        <label className="import-features__filter">
          <span className="visually-hidden">{t('interop.filterStatus')}</span>
          <select
            className="select select--small"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as StagedStatus | '');
              setLimit(PAGE);
            }}
          >
            <option value="">{t('interop.filterAll')}</option>
            {STAGED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`interop.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="import-table-wrap">
        <table className="import-table" data-testid="import-features">
          <thead>
            <tr>
              <th scope="col">{t('interop.colNumber')}</th>
              <th scope="col">{t(`interop.field.${titleKey}` as MessageKey)}</th>
              <th scope="col" className="num">
                {t('interop.colArea')}
              </th>
              <th scope="col">{t('interop.colFinding')}</th>
              <th scope="col">
                <abbr title={t('interop.colExclude')}>{t('interop.colExcludeShort')}</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((f) => {
              const number = f.index + 1;
              const outcome = outcomes.get(f.index);
              const refusal = refusedBy.get(f.index);
              const hasShape = f.geometry !== null || f.repaired !== null;
              const checked = outcome && ('title' in outcome.values ? outcome.values.title : outcome.values.name);
              const title = String(checked ?? mappedText(mapping[titleKey], f.properties));
              return (
                <tr
                  key={f.index}
                  data-index={f.index}
                  data-status={f.status}
                  className={focus === f.index ? 'import-row import-row--focus' : 'import-row'}
                  onClick={() => hasShape && onFocus(f)}
                >
                  <td>
                    <button
                      type="button"
                      className="import-row__number"
                      disabled={!hasShape}
                      aria-label={t(hasShape ? 'interop.showFeature' : 'interop.noShape', { n: number })}
                      title={t(hasShape ? 'interop.showFeature' : 'interop.noShape', { n: number })}
                      onClick={(e) => {
                        e.stopPropagation();
                        onFocus(f);
                      }}
                    >
                      {number}
                    </button>
                  </td>
                  <td className="import-row__title">
                    {title || '–'}
                    <span className="import-row__places">
                      {f.municipalities.map((ags) => names.get(ags) ?? ags).join(', ')}
                    </span>
                  </td>
                  <td className="num">{f.area_ha === null ? '–' : formatHa(locale, f.area_ha)}</td>
                  <td>
                    <span className={`import-badge import-badge--${f.status}`}>{t(`interop.status.${f.status}`)}</span>
                    {f.message && <span className="import-row__reason">{f.message}</span>}
                    <span className={checkFresh ? 'import-row__check' : 'import-row__check import-row__stale'}>
                      {refusal ? (
                        <span className="import-outcome import-outcome--refused">
                          {t('interop.outcome.refused')}
                          <span className="import-row__reason">{refusal.message}</span>
                        </span>
                      ) : outcome ? (
                        <span className={`import-outcome import-outcome--${outcome.status}`}>
                          {t(`interop.outcome.${outcome.status}`)}
                          {outcomeNote(outcome.message, f.message) && (
                            <span className="import-row__reason">{outcomeNote(outcome.message, f.message)}</span>
                          )}
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td onClick={(e) => e.stopPropagation()}>
                    <input
                      type="checkbox"
                      aria-label={t('interop.excludeFeature', { n: number })}
                      checked={exclude.has(f.index)}
                      disabled={f.status === 'rejected'}
                      onChange={() => onToggleExclude(f.index)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="panel-hint">{t('interop.noFeatures')}</p>}
      {shown.length > limit && (
        <button type="button" className="link-button" onClick={() => setLimit(limit + PAGE)}>
          {t('interop.showMore', { n: Math.min(PAGE, shown.length - limit), total: shown.length })}
        </button>
      )}
    </section>
  );
}
