/**
 * A save refused with 409: someone else saved the claim first. The dialog offers "Neu laden"
 * (drop my edit, show the current version) and "Vergleichen", which shows both versions on the
 * map (mine dashed) and side by side, and lets me apply my changes on top of the current version.
 */
import { bbox as turfBbox } from '@turf/turf';
import { useEffect, useRef } from 'react';
import { CLAIM_USE } from '../../shared/claim-uses.js';
import { CLAIM_STATUS, PROPOSER_TYPE } from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import type { MessageKey } from '../i18n/de.js';
import { formatDateTime, type Locale, type Translate } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { inputOf, sameGeometry } from '../state/claim-input.js';
import { reapplyMine, takeCurrentVersion } from '../state/edit-commands.js';
import type { VersionConflict } from '../state/edit-slice.js';
import { CLAIM_COLORS } from '../map/claims-style.js';

function showCompare(conflict: VersionConflict): void {
  const s = appStore.getState();
  s.setComparing(true);
  const both = { type: 'GeometryCollection' as const, geometries: [conflict.current.geometry, conflict.mine.geometry] };
  const [minX, minY, maxX, maxY] = turfBbox(both);
  // Keep both shapes clear of the comparison panel on the right and the toolbar on top.
  s.requestFit([minX, minY, maxX, maxY], { right: 440, top: 60 });
}

/** The modal question after a conflict. */
function ConflictQuestion({ conflict }: { conflict: VersionConflict }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const current = conflict.current.properties;
  return (
    <div className="modal-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        aria-describedby="conflict-text"
        data-testid="conflict-dialog"
      >
        <h2 id="conflict-title" className="dialog__title">
          {t('conflict.title')}
        </h2>
        <p id="conflict-text" className="dialog__text">
          <strong>{t('conflict.message')}</strong>{' '}
          {t('conflict.detail', { version: current.version, when: formatDateTime(locale, current.updated_at) })}
        </p>
        <div className="button-row">
          <button
            ref={first}
            type="button"
            className="button button--primary"
            title={t('conflict.reloadHint')}
            onClick={() => takeCurrentVersion(appStore)}
          >
            {t('conflict.reload')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            title={t('conflict.compareHint')}
            onClick={() => showCompare(conflict)}
          >
            {t('conflict.compare')}
          </button>
        </div>
      </div>
    </div>
  );
}

type Row = { label: MessageKey; value(input: ClaimInput): string };

function rows(locale: Locale, t: Translate): Row[] {
  return [
    { label: 'form.title', value: (i) => i.title },
    { label: 'form.use', value: (i) => CLAIM_USE[i.use][locale] },
    { label: 'form.proposerName', value: (i) => i.proposer.name },
    { label: 'form.proposerType', value: (i) => PROPOSER_TYPE[i.proposer.type][locale] },
    { label: 'form.status', value: (i) => CLAIM_STATUS[i.status][locale] },
    {
      label: 'claim.horizon',
      value: (i) => (i.horizon_year === null ? t('claim.horizonOpen') : String(i.horizon_year)),
    },
    { label: 'form.description', value: (i) => i.description },
  ];
}

/** Both versions side by side, next to the map that shows both shapes. */
function ConflictCompare({ conflict }: { conflict: VersionConflict }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const saving = useAppStore((s) => s.saving);
  const current = inputOf(conflict.current);
  const mine = conflict.mine.input;
  const geometryDiffers = !sameGeometry(conflict.current.geometry, conflict.mine.geometry);
  const apply = async (): Promise<void> => {
    const result = await reapplyMine(appStore);
    if (result && !result.ok && result.failure.kind !== 'conflict' && result.failure.kind !== 'invalid_geometry') {
      appStore.getState().showClaimNotice('error', t('claim.actionFailed', { message: result.failure.message }));
    }
  };
  return (
    <section className="compare-panel" aria-labelledby="compare-title" data-testid="conflict-compare">
      <h2 id="compare-title" className="dialog__title">
        {t('conflict.compareHeading')}
      </h2>
      <p className="compare-panel__legend">
        <span className="legend-line" style={{ borderColor: CLAIM_COLORS.current }} aria-hidden="true" />{' '}
        {t('conflict.legendCurrent')}
        <span
          className="legend-line legend-line--dashed"
          style={{ borderColor: CLAIM_COLORS.mine }}
          aria-hidden="true"
        />{' '}
        {t('conflict.legendMine')}
      </p>
      <table className="compare-table">
        <colgroup>
          <col className="compare-table__field" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.mine')}</th>
            <th scope="col">{t('conflict.current', { version: conflict.current.properties.version })}</th>
          </tr>
        </thead>
        <tbody>
          <tr className={geometryDiffers ? 'is-different' : undefined}>
            <th scope="row">{t('conflict.geometry')}</th>
            <td>{geometryDiffers ? t('conflict.shapeMine') : t('conflict.shapeSame')}</td>
            <td>{geometryDiffers ? t('conflict.shapeCurrent') : t('conflict.shapeSame')}</td>
          </tr>
          {rows(locale, t).map((row) => {
            const a = row.value(mine);
            const b = row.value(current);
            return (
              <tr key={row.label} className={a !== b ? 'is-different' : undefined}>
                <th scope="row">{t(row.label)}</th>
                <td>{a}</td>
                <td>{b}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={saving} onClick={() => void apply()}>
          {t('conflict.reapply')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={saving}
          onClick={() => takeCurrentVersion(appStore)}
        >
          {t('conflict.takeCurrent')}
        </button>
      </div>
    </section>
  );
}

/** The conflict UI in its current step; nothing without a conflict. */
export function ConflictView() {
  const conflict = useAppStore((s) => s.conflict);
  if (!conflict) return null;
  return conflict.comparing ? <ConflictCompare conflict={conflict} /> : <ConflictQuestion conflict={conflict} />;
}
