/**
 * The discussion of a conflict: its notes oldest first (system notes and status changes styled
 * apart from comments) and the comment box at the end.
 */
import { useId } from 'react';
import type { ConflictNote } from '../../../shared/conflicts.js';
import { formatDateTime } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import '../../i18n/conflicts.texts.js';

interface Props {
  /** Null while the notes load. */
  notes: ConflictNote[] | null;
  comment: string;
  /** The comment box is for those who may decide the conflict; everyone else writes notes (Notizen). */
  canComment: boolean;
  busy: boolean;
  onComment(text: string): void;
  onSend(): void;
}

/** Notes and comment box. */
export function ConflictDiscussion({ notes, comment, busy, canComment, onComment, onSend }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const id = useId();
  const ordered = [...(notes ?? [])].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);

  return (
    <section className="conflict-discussion" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="conflict-details__subtitle">
        {t('conflictDetail.discussion')}
      </h4>
      {notes === null ? (
        <p className="panel-hint" role="status">
          {t('conflictDetail.notesLoading')}
        </p>
      ) : (
        <ol className="note-list" data-testid="conflict-notes">
          {ordered.map((note) => (
            <li key={note.id} className={`note note--${note.kind}`}>
              <div className="note__meta">
                <span className="note__kind">{t(`conflictDetail.note.${note.kind}`)}</span>
                {note.kind !== 'system' && <span>{note.author}</span>}
                <time dateTime={note.created_at}>{formatDateTime(locale, note.created_at)}</time>
              </div>
              <p className="note__body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <div className="form-field comment-box">
          <label className="field-label" htmlFor={`${id}-comment`}>
            {t('conflictDetail.comment')}
          </label>
          <textarea
            id={`${id}-comment`}
            className="input textarea"
            rows={3}
            maxLength={5000}
            value={comment}
            placeholder={t('conflictDetail.commentPlaceholder')}
            onChange={(e) => onComment(e.target.value)}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy || comment.trim() === ''}
              onClick={onSend}
            >
              {t('conflictDetail.send')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
