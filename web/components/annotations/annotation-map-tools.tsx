/**
 * Notes on the map, the React side: loads the pinned notes of the view, the "Notiz an Karte
 * heften" button with its click-on-the-map step and text box, and the card of a pinned thread
 * opened by clicking its pin; live changes of notes reload every shown thread. The pins
 * themselves are drawn by web/map/annotation-layers.ts.
 */
import { useEffect, useMemo } from 'react';
import { createAnnotation, type AnnotationScope } from '../../api/annotations-api.js';
import { useT } from '../../i18n/use-t.js';
import { onLiveChange } from '../../live/live-updates.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { AnnotationSection } from './annotation-thread.js';
import { NoteEditor } from './note-editor.js';
import './annotations.css';
import '../../i18n/annotations.texts.js';

/** Wait after the last map move before asking for the pins of the new view. */
const PIN_DELAY_MS = 300;

/** Pin button, pin draft and the opened pinned thread, over the map. */
export function AnnotationMapTools() {
  const t = useT();
  const bbox = useAppStore((s) => s.view.bbox);
  const userId = useAppStore((s) => s.session.user?.id ?? null);
  const canAnnotate = useAppStore((s) => s.canAnnotate);
  const draft = useAppStore((s) => s.pinDraft);
  const openPinId = useAppStore((s) => s.openPinId);

  useEffect(() => {
    if (!bbox) return undefined;
    const timer = setTimeout(() => void appStore.getState().loadPins(bbox), PIN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [bbox, userId]);

  // Someone else's note, edit or moderation (or a reconnect, when events may have been missed).
  useEffect(
    () =>
      onLiveChange((events) => {
        if (events.length === 0 || events.some((e) => e.objectType === 'annotation')) {
          void appStore.getState().reloadAnnotations();
        }
      }),
    [],
  );

  useEffect(() => {
    if (!draft) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') appStore.getState().cancelPinning();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [draft]);

  const pinned = useMemo<AnnotationScope | null>(
    () => (openPinId === null ? null : { kind: 'thread', id: openPinId }),
    [openPinId],
  );

  return (
    <div className="annotation-map-tools" data-testid="annotation-map-tools">
      {canAnnotate && !draft && (
        <button
          type="button"
          className="button button--secondary annotation-map-tools__pin"
          onClick={() => appStore.getState().startPinning()}
        >
          {t('annotations.pin')}
        </button>
      )}
      {draft?.at === null && (
        <div className="annotation-card" role="status">
          <p>{t('annotations.pinHint')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => appStore.getState().cancelPinning()}
          >
            {t('annotations.pinCancel')}
          </button>
        </div>
      )}
      {draft?.at && (
        <div className="annotation-card" data-testid="annotation-pin-draft">
          <NoteEditor
            key={draft.at.join(',')}
            label={t('annotations.pinDraft')}
            showLabel
            autoFocus
            submitLabel={t('annotations.send')}
            placeholder={t('annotations.newPlaceholder')}
            onCancel={() => appStore.getState().cancelPinning()}
            onSubmit={async (text) => {
              const s = appStore.getState();
              const result = await s.writeAnnotation(() =>
                createAnnotation({ body: text, geometry: { type: 'Point', coordinates: draft.at! } }),
              );
              if (!result.ok) return t('annotations.failed', { message: result.failure.message });
              s.cancelPinning();
              s.openPin(result.value.id);
              return null;
            }}
          />
        </div>
      )}
      {pinned && (
        <div className="annotation-card annotation-card--thread" data-testid="annotation-pin-card">
          <button
            type="button"
            className="link-button annotation-card__close"
            aria-label={t('annotations.pinClose')}
            onClick={() => appStore.getState().openPin(null)}
          >
            ×
          </button>
          <AnnotationSection scope={pinned} headingLevel={3} />
        </div>
      )}
    </div>
  );
}
