/**
 * One note: who wrote it and when ("bearbeitet", resolved), its text (or the placeholder of a
 * hidden or deleted note) and the actions the reader may take — edit, delete, resolve, report,
 * hide — each opened inline.
 */
import { useEffect, useState } from 'react';
import type { AnnotationNote } from '../../../shared/annotations.js';
import {
  deleteAnnotation,
  hideAnnotation,
  patchAnnotation,
  reportAnnotation,
  unhideAnnotation,
  type AnnotationResult,
} from '../../api/annotations-api.js';
import { formatDateTime } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { AnnotationText } from './annotation-text.js';
import { NoteEditor } from './note-editor.js';
import { noteActions } from './note-actions.js';
import { formatRelative } from './relative-time.js';
import '../../i18n/annotations.texts.js';

type Mode = 'view' | 'edit' | 'delete' | 'report' | 'hide';

/** Re-renders every minute so that "vor 5 Minuten" stays true. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Runs a write through the store; returns the message to show, or null on success. */
export async function runWrite<T>(
  write: () => Promise<AnnotationResult<T>>,
  t: ReturnType<typeof useT>,
): Promise<string | null> {
  const result = await appStore.getState().writeAnnotation(write);
  if (result.ok) return null;
  if (result.failure.status === 409) return t('annotations.stale');
  return t('annotations.failed', { message: result.failure.message });
}

interface Props {
  note: AnnotationNote;
  canAnnotate: boolean;
  /** Opens the reply box of the thread (first notes only). */
  onReply?(): void;
}

/** A note with its meta line, text and actions. */
export function AnnotationNoteView({ note, canAnnotate, onReply }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const user = useAppStore((s) => s.session.user);
  const now = useNow();
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string | null>(null);
  const actions = noteActions(user, note, canAnnotate);
  const name = note.author?.name ?? t('annotations.unknownAuthor');

  const act = async (write: () => Promise<AnnotationResult<unknown>>): Promise<string | null> => {
    const message = await runWrite(write, t);
    setError(message);
    if (message === null) setMode('view');
    return message;
  };

  if (note.deleted) {
    return (
      <div className="annotation annotation--deleted" data-testid="annotation" data-annotation-id={note.id}>
        <p className="annotation__placeholder">{t('annotations.deleted')}</p>
      </div>
    );
  }

  const time = (
    <time dateTime={note.created_at} title={formatDateTime(locale, note.created_at)}>
      {formatRelative(locale, note.created_at, now)}
    </time>
  );

  return (
    <div
      className={`annotation${note.hidden ? ' annotation--hidden' : ''}`}
      data-testid="annotation"
      data-annotation-id={note.id}
    >
      <div className="annotation__meta">
        <span className="annotation__author">{name}</span>
        {time}
        {note.edited && (
          <span className="annotation__edited" title={formatDateTime(locale, note.updated_at)}>
            {t('annotations.edited')}
          </span>
        )}
        {note.resolved && (
          <span
            className="tag tag--resolved"
            title={t('annotations.resolvedBy', {
              name: note.resolved.by ?? t('annotations.unknownAuthor'),
              time: formatDateTime(locale, note.resolved.at),
            })}
          >
            {t('annotations.resolved')}
          </span>
        )}
        {note.report_count !== undefined && note.report_count > 0 && (
          <span className="tag tag--reported">{t('annotations.reportCount', { count: note.report_count })}</span>
        )}
      </div>

      {note.hidden && (
        <p className="annotation__placeholder">
          {note.moderation
            ? t('annotations.hiddenReason', {
                name: note.moderation.by ?? t('annotations.unknownAuthor'),
                reason: note.moderation.reason ?? '',
              })
            : t('annotations.hidden')}
        </p>
      )}
      {mode === 'edit' ? (
        <NoteEditor
          label={t('annotations.editLabel')}
          submitLabel={t('annotations.save')}
          initial={note.body ?? ''}
          autoFocus
          onSubmit={(text) => act(() => patchAnnotation(note, { body: text }))}
          onCancel={() => setMode('view')}
        />
      ) : (
        note.body !== null && (
          <p className="annotation__body" data-testid="annotation-body">
            <AnnotationText text={note.body} />
          </p>
        )
      )}

      {mode === 'view' && (
        <div className="annotation__actions" role="group" aria-label={t('annotations.actions', { name })}>
          {actions.reply && onReply && (
            <button type="button" className="link-button" onClick={onReply}>
              {t('annotations.reply')}
            </button>
          )}
          {actions.edit && (
            <button type="button" className="link-button" onClick={() => setMode('edit')}>
              {t('annotations.edit')}
            </button>
          )}
          {actions.resolve && (
            <button
              type="button"
              className="link-button"
              onClick={() => void act(() => patchAnnotation(note, { resolved: note.resolved === null }))}
            >
              {note.resolved ? t('annotations.reopen') : t('annotations.resolve')}
            </button>
          )}
          {actions.delete && (
            <button type="button" className="link-button link-button--danger" onClick={() => setMode('delete')}>
              {t('annotations.delete')}
            </button>
          )}
          {actions.report && (
            <button type="button" className="link-button" onClick={() => setMode('report')}>
              {t('annotations.report')}
            </button>
          )}
          {actions.reported && <span className="annotation__reported">{t('annotations.reported')}</span>}
          {actions.moderate &&
            (note.hidden ? (
              <button type="button" className="link-button" onClick={() => void act(() => unhideAnnotation(note.id))}>
                {t('annotations.unhide')}
              </button>
            ) : (
              <button type="button" className="link-button" onClick={() => setMode('hide')}>
                {t('annotations.hide')}
              </button>
            ))}
        </div>
      )}

      {mode === 'delete' && (
        <div className="confirm" role="alertdialog" aria-label={t('annotations.deleteConfirm')}>
          <p>{t('annotations.deleteConfirm')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              autoFocus
              onClick={() => void act(() => deleteAnnotation(note))}
            >
              {t('annotations.deleteYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setMode('view')}>
              {t('annotations.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode === 'report' && (
        <ReasonForm
          label={t('annotations.reportLabel')}
          submitLabel={t('annotations.reportSend')}
          minLength={0}
          onSubmit={(reason) => act(() => reportAnnotation(note.id, reason))}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'hide' && (
        <ReasonForm
          label={t('annotations.hideLabel')}
          submitLabel={t('annotations.hideSend')}
          minLength={3}
          onSubmit={(reason) => act(() => hideAnnotation(note.id, reason))}
          onCancel={() => setMode('view')}
        />
      )}
      {error && mode === 'view' && (
        <p className="panel-hint panel-hint--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A one-line reason (report, moderation) with send and cancel. */
function ReasonForm(props: {
  label: string;
  submitLabel: string;
  minLength: number;
  onSubmit(reason: string): Promise<string | null>;
  onCancel(): void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = reason.trim().length >= props.minLength;
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(await props.onSubmit(reason.trim()));
    setBusy(false);
  };
  return (
    <form
      className="reason-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !busy) void submit();
      }}
    >
      <label className="field-label">
        {props.label}
        <input
          className="input"
          value={reason}
          maxLength={500}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onCancel();
          }}
        />
      </label>
      {error && (
        <p className="panel-hint panel-hint--error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={!ready || busy}>
          {props.submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('annotations.cancel')}
        </button>
      </div>
    </form>
  );
}
