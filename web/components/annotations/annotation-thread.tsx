/**
 * The "Notizen" section of a detail panel (claim, conflict, municipality) and of a pinned note
 * opened from the map: the threads, oldest first, resolved ones folded away, a reply box per
 * thread and the box for a new note — or, for visitors, the way to sign in.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { AnnotationTargetType, AnnotationThread as Thread } from '../../../shared/annotations.js';
import { createAnnotation, type AnnotationScope } from '../../api/annotations-api.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { scopeKey } from '../../state/annotations-slice.js';
import { AnnotationNoteView, runWrite } from './annotation-note.js';
import { NoteEditor } from './note-editor.js';
import './annotations.css';
import '../../i18n/annotations.texts.js';

/** The notes on a claim, conflict (numeric id) or municipality (AGS). */
export function AnnotationThread({ target }: { target: { type: AnnotationTargetType; id: number | string } }) {
  const scope = useMemo<AnnotationScope>(
    () => ({ kind: 'target', target: { type: target.type, id: String(target.id) } }),
    [target.type, target.id],
  );
  return <AnnotationSection scope={scope} />;
}

/** The threads of `scope` with everything to write; a thread scope shows that one thread. */
export function AnnotationSection({ scope, headingLevel = 4 }: { scope: AnnotationScope; headingLevel?: 3 | 4 }) {
  const t = useT();
  const id = useId();
  const key = scopeKey(scope);
  const remote = useAppStore((s) => s.annotationThreads[key]);
  const user = useAppStore((s) => s.session.user);
  const [showResolved, setShowResolved] = useState(false);

  useEffect(() => appStore.getState().watchAnnotations(scope), [scope, user?.id]);

  const data = remote?.data ?? null;
  const threads = data?.threads ?? [];
  const open = threads.filter((th) => th.resolved === null);
  const resolved = threads.filter((th) => th.resolved !== null);
  const canAnnotate = data?.can_annotate ?? false;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const isThread = scope.kind === 'thread';

  return (
    <section className="annotations" aria-labelledby={`${id}-title`} data-testid="annotations">
      <Heading id={`${id}-title`} className="annotations__title">
        {isThread ? t('annotations.pinnedThread') : t('annotations.heading')}
        {!isThread && data && <span className="annotations__count">{threads.length}</span>}
      </Heading>
      {!data && remote?.status !== 'error' && (
        <p className="panel-hint" role="status">
          {t('annotations.loading')}
        </p>
      )}
      {remote?.status === 'error' && (
        <p className="panel-hint panel-hint--error" role="alert">
          {t('annotations.error', { message: remote.error ?? '' })}{' '}
          <button type="button" className="link-button" onClick={() => void appStore.getState().loadAnnotations(scope)}>
            {t('annotations.retry')}
          </button>
        </p>
      )}
      {data && threads.length === 0 && (
        <p className="panel-hint">{isThread ? t('annotations.pinGone') : t('annotations.empty')}</p>
      )}
      {open.length > 0 && <ThreadList threads={open} canAnnotate={canAnnotate} label={t('annotations.list')} />}
      {resolved.length > 0 &&
        (showResolved || isThread ? (
          <>
            <ThreadList threads={resolved} canAnnotate={canAnnotate} label={t('annotations.resolved')} />
            {!isThread && (
              <button type="button" className="link-button" onClick={() => setShowResolved(false)}>
                {t('annotations.hideResolved')}
              </button>
            )}
          </>
        ) : (
          <button type="button" className="link-button" onClick={() => setShowResolved(true)}>
            {t('annotations.showResolved', { count: resolved.length })}
          </button>
        ))}
      {data?.truncated && <p className="panel-hint">{t('annotations.truncated')}</p>}
      {scope.kind === 'target' && data && <NewNote scope={scope} canAnnotate={canAnnotate} />}
    </section>
  );
}

function ThreadList({ threads, canAnnotate, label }: { threads: Thread[]; canAnnotate: boolean; label: string }) {
  return (
    <ol className="annotation-threads" aria-label={label}>
      {threads.map((thread) => (
        <li
          key={thread.id}
          className={thread.resolved ? 'annotation-thread annotation-thread--resolved' : 'annotation-thread'}
        >
          <ThreadView thread={thread} canAnnotate={canAnnotate} />
        </li>
      ))}
    </ol>
  );
}

/** A first note, its replies and the reply box. */
function ThreadView({ thread, canAnnotate }: { thread: Thread; canAnnotate: boolean }) {
  const t = useT();
  const [replying, setReplying] = useState(false);
  return (
    <>
      <AnnotationNoteView note={thread} canAnnotate={canAnnotate} onReply={() => setReplying(true)} />
      {thread.replies.length > 0 && (
        <ol className="annotation-replies" aria-label={t('annotations.replies')}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <AnnotationNoteView note={reply} canAnnotate={canAnnotate} />
            </li>
          ))}
        </ol>
      )}
      {replying && (
        <div className="annotation-replies">
          <NoteEditor
            label={t('annotations.replyLabel', { name: thread.author?.name ?? t('annotations.unknownAuthor') })}
            submitLabel={t('annotations.replySend')}
            autoFocus
            testId="annotation-reply"
            onSubmit={async (text) => {
              const message = await runWrite(() => createAnnotation({ body: text, parent_id: thread.id }), t);
              if (message === null) setReplying(false);
              return message;
            }}
            onCancel={() => setReplying(false)}
          />
        </div>
      )}
    </>
  );
}

/** The box for a new note, or why there is none. */
function NewNote({
  scope,
  canAnnotate,
}: {
  scope: Extract<AnnotationScope, { kind: 'target' }>;
  canAnnotate: boolean;
}) {
  const t = useT();
  const user = useAppStore((s) => s.session.user);
  if (!user) {
    return (
      <p className="annotations__signin">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => appStore.getState().setLoginOpen(true)}
        >
          {t('annotations.signIn')}
        </button>
      </p>
    );
  }
  if (!canAnnotate) return <p className="panel-hint">{t('annotations.closed')}</p>;
  return (
    <NoteEditor
      label={t('annotations.new')}
      showLabel
      submitLabel={t('annotations.send')}
      placeholder={t('annotations.newPlaceholder')}
      testId="annotation-new"
      onSubmit={(text) => runWrite(() => createAnnotation({ body: text, target: scope.target }), t)}
    />
  );
}
