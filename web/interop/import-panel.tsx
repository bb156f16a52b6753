/**
 * "Datei importieren": a panel docked over the right of the map (not modal, so the staged shapes
 * stay visible on the map next to it). Steps: file choice → upload with progress → the server
 * reads the file → preview with mapping, consent to repairs and exclusions → check → commit.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { mayImport } from '../../shared/access.js';
import type { ImportFeature, ImportPreview } from '../../shared/interop.js';
import type { Bbox } from '../api/api-client.js';
import type { MessageKey } from '../i18n/de.js';
import { formatNumber } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { bboxOf } from './geometry-bbox.js';
import { ImportChooser } from './import-chooser.js';
import { FeatureTable } from './import-features.js';
import { MappingEditor } from './import-mapping-editor.js';
import { ImportSummary } from './import-summary.js';
import { ImportError, UploadProgress } from './import-status.js';
import { useImportFlow, type ImportFlow } from './use-import-flow.js';
import './interop.css';
import '../i18n/interop.texts.js';

/** Shows `box` on the map beside the panel (and below the draw toolbar). */
function fitBeside(panel: HTMLElement | null, box: Bbox | null): void {
  if (!box) return;
  const mapWidth = panel?.offsetParent?.clientWidth ?? 0;
  const right = panel && mapWidth > 0 ? mapWidth - panel.offsetLeft + 16 : 0;
  appStore.getState().requestFit(box, { right, top: 48 });
}

function shapes(features: readonly ImportFeature[]) {
  return features.map((f) => f.repaired ?? f.geometry);
}

function PreviewStep({
  flow,
  preview,
  panel,
}: {
  flow: ImportFlow;
  preview: ImportPreview;
  panel: HTMLElement | null;
}) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const focus = useAppStore((s) => s.importOverlay?.focus ?? null);
  const { check, checkFresh, busy } = flow;
  const accepted = checkFresh && check ? check.counts.accepted : null;
  const repairable = preview.counts.repairable;

  useEffect(() => fitBeside(panel, bboxOf(shapes(preview.features))), [panel, preview]);

  const showFeature = (f: ImportFeature): void => {
    appStore.getState().updateImportOverlay({ focus: f.index });
    fitBeside(panel, bboxOf([f.repaired ?? f.geometry]));
  };

  return (
    <>
      <ImportSummary preview={preview} onOtherCrs={() => void flow.restart()} />
      {repairable > 0 && (
        <div className="import-consent">
          <label className="check">
            <input
              type="checkbox"
              checked={flow.acceptRepaired}
              onChange={(e) => flow.setAcceptRepaired(e.target.checked)}
            />
            <strong>{t('interop.acceptRepaired', { n: repairable })}</strong>
          </label>
          <p className="form-field__hint">{t('interop.acceptRepairedHint')}</p>
        </div>
      )}
      <FeatureTable
        preview={preview}
        mapping={flow.mapping}
        check={check}
        checkFresh={checkFresh}
        exclude={flow.exclude}
        refused={flow.error?.refused ?? []}
        focus={focus}
        onToggleExclude={flow.toggleExclude}
        onFocus={showFeature}
      />
      <MappingEditor preview={preview} mapping={flow.mapping} onChange={flow.setMapping} />
      <footer className="import-panel__footer">
        {flow.error && <ImportError failure={flow.error} />}
        <p className="import-panel__checked" role="status" data-testid="import-check-summary">
          {busy === 'check'
            ? t('interop.checking')
            : check && checkFresh
              ? t('interop.checkSummary', {
                  accepted: formatNumber(locale, check.counts.accepted),
                  rejected: formatNumber(locale, check.counts.rejected),
                  excluded: formatNumber(locale, check.counts.excluded),
                })
              : check
                ? t('interop.checkStale')
                : t('interop.checkFirst')}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy !== null}
            onClick={() => void flow.runCheck()}
          >
            {t('interop.check')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy !== null || !accepted}
            onClick={() => void flow.commit()}
            data-testid="import-commit"
          >
            {busy === 'commit'
              ? t('interop.committing')
              : accepted === null
                ? t('interop.commitUnchecked')
                : accepted === 1
                  ? t('interop.commitOne')
                  : t('interop.commit', { n: formatNumber(locale, accepted) })}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy !== null}
            onClick={() => void flow.close()}
          >
            {t('interop.discard')}
          </button>
        </div>
      </footer>
    </>
  );
}

/** The import panel (only rendered for roles that may import claims). */
export function ImportPanel() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const user = useAppStore((s) => s.session.user);
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [panelElement, setPanelElement] = useState<HTMLElement | null>(null);
  const [acceptedBox, setAcceptedBox] = useState<Bbox | null>(null);
  const flow = useImportFlow((preview, result) => {
    const accepted = new Set(result.ids.length > 0 ? acceptedIndices(flowRef.current) : []);
    const box = bboxOf(shapes(preview.features.filter((f) => accepted.has(f.index))));
    setAcceptedBox(box);
    fitBeside(panel.current, box);
  });
  const flowRef = useRef(flow);
  flowRef.current = flow;
  const { step } = flow;

  useEffect(() => setPanelElement(panel.current), []);
  // Each step starts at the heading, so keyboard and screen reader users hear where they are.
  useEffect(() => heading.current?.focus(), [step.name]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    // A staged import with a mapping is not thrown away by a stray Escape; "Verwerfen" does that.
    if (step.name === 'choose' || step.name === 'done') void flow.close();
  };

  let body;
  if (step.name === 'choose') {
    body = (
      <ImportChooser
        initial={flow.choice}
        mayImportConstraints={mayImport(user, 'constraints').allowed}
        onUpload={flow.upload}
      />
    );
  } else if (step.name === 'upload') {
    body = <UploadProgress step={step} filename={flow.choice?.file.name ?? ''} onCancel={flow.cancelUpload} />;
  } else if (step.name === 'preview') {
    body = <PreviewStep flow={flow} preview={step.preview} panel={panelElement} />;
  } else {
    const { created, skipped } = step.result;
    body = (
      <div className="import-done">
        <p className="claim-notice claim-notice--info" role="status" data-testid="import-done">
          {t(doneKey(step.preview.target, created), { n: formatNumber(locale, created) })}{' '}
          {skipped > 0 && t('interop.doneSkipped', { n: formatNumber(locale, skipped) })}
        </p>
        <p className="form-field__hint">{t('interop.doneHint')}</p>
        <div className="button-row">
          {acceptedBox && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => fitBeside(panel.current, acceptedBox)}
            >
              {t('interop.showNew')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => void flow.restart()}>
            {t('interop.another')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void flow.close()}>
            {t('interop.close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <section
      ref={panel}
      className="import-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="import-panel-title"
      data-testid="import-panel"
      onKeyDown={onKeyDown}
    >
      <header className="import-panel__header">
        <h2 id="import-panel-title" ref={heading} tabIndex={-1} className="dialog__title">
          {t('interop.importTitle')}
        </h2>
        <button
          type="button"
          className="link-button"
          onClick={() => void flow.close()}
          title={step.name === 'preview' ? t('interop.closeDiscardHint') : undefined}
        >
          {t('interop.close')}
        </button>
      </header>
      <div className="import-panel__body">
        {step.name === 'choose' && <p className="import-panel__intro">{t('interop.intro')}</p>}
        {flow.error && step.name !== 'preview' && <ImportError failure={flow.error} />}
        {body}
      </div>
    </section>
  );
}

/** The success message for `n` new claims or constraint areas. */
function doneKey(target: ImportPreview['target'], n: number): MessageKey {
  if (target === 'claims') return n === 1 ? 'interop.doneClaimsOne' : 'interop.doneClaims';
  return n === 1 ? 'interop.doneConstraintsOne' : 'interop.doneConstraints';
}

/** Indices of the features the last (fresh) check accepted. */
function acceptedIndices(flow: ImportFlow): number[] {
  return (flow.check?.features ?? []).filter((f) => f.status === 'accepted').map((f) => f.index);
}
