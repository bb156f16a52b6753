/**
 * The import dialog's workflow as a hook: choose a file → upload (progress) → the server decodes
 * → preview with mapping, consent and exclusions → check → commit → done. It talks to the server
 * through `interop-api.ts` and keeps the map overlay in the store in step with the preview.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckResult, CommitResult, ImportCrs, ImportPreview, ImportTarget } from '../../shared/interop.js';
import { loadClaims } from '../data/claims-loader.js';
import { loadConflicts } from '../data/conflicts-loader.js';
import { appStore } from '../state/app-store.js';
import { checkImport, commitImport, discardImport, uploadImport, type Failure, type Upload } from './interop-api.js';
import { decisionKey, decisionOf, type MappingDraft } from './mapping.js';

/** Where the dialog is. */
export type Step =
  | { name: 'choose' }
  | { name: 'upload'; fraction: number | null; sent: boolean }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'done'; preview: ImportPreview; result: CommitResult };

/** What the file chooser asks for. */
export interface UploadChoice {
  file: File;
  target: ImportTarget;
  crs: ImportCrs | null;
}

/** The flow's state and its actions. */
export interface ImportFlow {
  step: Step;
  /** The last choice (kept to upload again with other settings). */
  choice: UploadChoice | null;
  mapping: MappingDraft;
  acceptRepaired: boolean;
  exclude: ReadonlySet<number>;
  /** The last check, and whether it was made with the current mapping, consent and exclusions. */
  check: CheckResult | null;
  checkFresh: boolean;
  busy: 'check' | 'commit' | 'discard' | null;
  error: Failure | null;
  upload(choice: UploadChoice): void;
  cancelUpload(): void;
  setMapping(mapping: MappingDraft): void;
  setAcceptRepaired(on: boolean): void;
  toggleExclude(index: number): void;
  runCheck(): Promise<void>;
  commit(): Promise<void>;
  /** Deletes the staged import (if any) and returns to the file choice. */
  restart(): Promise<void>;
  /** Deletes the staged import (if any) and closes the dialog. */
  close(): Promise<void>;
}

/** The import workflow; `onCommitted` runs with the preview and the result after a successful commit. */
export function useImportFlow(onCommitted: (preview: ImportPreview, result: CommitResult) => void): ImportFlow {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [choice, setChoice] = useState<UploadChoice | null>(null);
  const [mapping, setMapping] = useState<MappingDraft>({});
  const [acceptRepaired, setAcceptRepaired] = useState(false);
  const [exclude, setExclude] = useState<ReadonlySet<number>>(new Set());
  const [check, setCheck] = useState<{ key: string; result: CheckResult } | null>(null);
  const [busy, setBusy] = useState<ImportFlow['busy']>(null);
  const [error, setError] = useState<Failure | null>(null);
  const upload = useRef<Upload | null>(null);

  const preview = step.name === 'preview' ? step.preview : null;
  const decision = useMemo(() => decisionOf(mapping, acceptRepaired, exclude), [mapping, acceptRepaired, exclude]);
  const key = decisionKey(decision);

  // The map follows the preview: the shapes, the last check's outcome and the exclusions.
  useEffect(() => {
    const s = appStore.getState();
    if (!preview) {
      s.setImportOverlay(null);
      return;
    }
    s.setImportOverlay({ features: preview.features, outcome: null, excluded: [], focus: null });
  }, [preview]);
  useEffect(() => () => appStore.getState().setImportOverlay(null), []);
  useEffect(() => {
    // A repair still waiting for consent stays orange on the map: the proposal is what to look at.
    const outcome = check
      ? Object.fromEntries(
          check.result.features.filter((f) => f.code !== 'repair_not_accepted').map((f) => [f.index, f.status]),
        )
      : null;
    appStore.getState().updateImportOverlay({ outcome, excluded: [...exclude] });
  }, [check, exclude]);

  const discard = async (): Promise<void> => {
    upload.current?.abort();
    if (!preview) return;
    setBusy('discard');
    await discardImport(preview.id);
    setBusy(null);
  };

  const start = (next: UploadChoice): void => {
    setChoice(next);
    setError(null);
    setStep({ name: 'upload', fraction: 0, sent: false });
    const running = uploadImport({ file: next.file, target: next.target, crs: next.crs ?? undefined }, (p) =>
      setStep(
        p === 'sent' ? { name: 'upload', fraction: 1, sent: true } : { name: 'upload', fraction: p, sent: false },
      ),
    );
    upload.current = running;
    void running.done.then((outcome) => {
      if (upload.current !== running) return;
      upload.current = null;
      if (outcome.ok) {
        setMapping(outcome.value.suggested_mapping);
        setAcceptRepaired(false);
        setExclude(new Set());
        setCheck(null);
        setStep({ name: 'preview', preview: outcome.value });
      } else {
        if (!('aborted' in outcome)) setError(outcome);
        setStep({ name: 'choose' });
      }
    });
  };

  const runCheck = useCallback(async (): Promise<void> => {
    if (!preview) return;
    setBusy('check');
    const outcome = await checkImport(preview.id, decision);
    setBusy(null);
    if (outcome.ok) {
      setCheck({ key, result: outcome.value });
      setError(null);
    } else {
      setError(outcome);
    }
  }, [preview, decision, key]);

  // After the first check, every change of mapping, consent or exclusions is checked again by itself.
  const checked = check !== null;
  useEffect(() => {
    if (!checked || !preview || check?.key === key) return undefined;
    const timer = setTimeout(() => void runCheck(), 400);
    return () => clearTimeout(timer);
  }, [checked, check?.key, key, preview, runCheck]);

  const commit = async (): Promise<void> => {
    if (!preview) return;
    setBusy('commit');
    const outcome = await commitImport(preview.id, decision);
    setBusy(null);
    if (!outcome.ok) {
      setError(outcome);
      return;
    }
    setError(null);
    setStep({ name: 'done', preview, result: outcome.value });
    appStore.getState().setImportOverlay(null);
    void (preview.target === 'claims' ? loadClaims(appStore) : loadConflicts(appStore));
    onCommitted(preview, outcome.value);
  };

  return {
    step,
    choice,
    mapping,
    acceptRepaired,
    exclude,
    check: check?.result ?? null,
    checkFresh: check !== null && check.key === key,
    busy,
    error,
    upload: start,
    cancelUpload: () => upload.current?.abort(),
    setMapping,
    setAcceptRepaired,
    toggleExclude: (index) =>
      setExclude((prev) => {
        const next = new Set(prev);
        if (!next.delete(index)) next.add(index);
        return next;
      }),
    runCheck,
    commit,
    restart: async () => {
      await discard();
      setError(null);
      setStep({ name: 'choose' });
    },
    close: async () => {
      await discard();
      appStore.getState().closeInterop();
    },
  };
}
