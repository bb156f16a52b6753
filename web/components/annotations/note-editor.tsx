/** A text box for a note, reply or edit: submit with the button or Ctrl+Enter, the server's message below. */
import { useId, useState, type KeyboardEvent } from 'react';
import { ANNOTATION_BODY_MAX } from '../../../shared/annotations.js';
import { useT } from '../../i18n/use-t.js';
import '../../i18n/annotations.texts.js';

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Saves the text; resolves to an error message, or null when it worked. */
  onSubmit(text: string): Promise<string | null>;
  onCancel?(): void;
  /** Show the label visibly (otherwise only for screen readers). */
  showLabel?: boolean;
  testId?: string;
}

/** Textarea with save and cancel. */
export function NoteEditor({
  label,
  submitLabel,
  initial = '',
  placeholder,
  autoFocus,
  onSubmit,
  onCancel,
  showLabel,
  testId,
}: Props) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const length = [...text.trim()].length;
  const tooLong = length > ANNOTATION_BODY_MAX;

  const submit = async (): Promise<void> => {
    if (busy || length === 0 || tooLong) return;
    setBusy(true);
    const message = await onSubmit(text);
    setBusy(false);
    setError(message);
    if (message === null) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <div className="note-editor" data-testid={testId}>
      <label className={showLabel ? 'field-label' : 'visually-hidden'} htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        className="input textarea"
        rows={3}
        value={text}
        placeholder={placeholder}
        autoFocus={autoFocus}
        aria-invalid={error !== null || tooLong}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className={tooLong ? 'note-editor__hint note-editor__hint--error' : 'note-editor__hint'}>
        {length > ANNOTATION_BODY_MAX - 500
          ? t('annotations.length', { count: length, max: ANNOTATION_BODY_MAX })
          : t('annotations.sendHint')}
      </p>
      {error && (
        <p className="panel-hint panel-hint--error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || length === 0 || tooLong}
          onClick={() => void submit()}
        >
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('annotations.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
