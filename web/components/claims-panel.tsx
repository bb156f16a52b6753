/**
 * The "Flächenansprüche" tab: the form while a shape is open, else the selected claim's details,
 * else the filterable list.
 */
import { useT } from '../i18n/use-t.js';
import { InteropButtons } from '../interop/interop-buttons.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { ClaimDetails } from './claim-details.js';
import { ClaimForm } from './claim-form.js';
import { useClaim } from './claim-helpers.js';
import { ClaimList } from './claim-list.js';

/** The claims tab panel's content. */
export function ClaimsPanel() {
  const t = useT();
  const sketch = useAppStore((s) => s.sketch);
  const selectedId = useAppStore((s) => s.selectedClaimId);
  const selected = useClaim(selectedId);
  const notice = useAppStore((s) => s.claimNotice);
  const hasSketch = sketch !== null;

  let body;
  if (sketch) {
    // A new key per sketch start gives the form fresh values.
    body = (
      <ClaimForm
        key={`${sketch.claim?.properties.id ?? 'new'}@${sketch.claim?.properties.version ?? 0}`}
        claim={sketch.claim}
        prefill={sketch.prefill}
      />
    );
  } else if (selected) {
    body = <ClaimDetails claim={selected} />;
  } else {
    body = <ClaimList />;
  }

  return (
    <section className="panel-section claims-panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading" className="visually-hidden">
        {t('claims.heading')}
      </h2>
      {!hasSketch && (
        <button
          type="button"
          className="button button--primary claims-panel__new"
          onClick={() => appStore.getState().setTool('polygon')}
          title={t('draw.polygonHint')}
        >
          + {t('claims.new')}
        </button>
      )}
      {!hasSketch && !selected && <InteropButtons dataset="claims" importable />}
      {notice && (
        <p className={`claim-notice claim-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => appStore.getState().clearClaimNotice()}
            aria-label="OK"
          >
            ×
          </button>
        </p>
      )}
      {body}
    </section>
  );
}
