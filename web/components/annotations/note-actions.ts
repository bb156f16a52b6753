/** Which actions a note offers the reader: the server's own decisions (shared/access.ts), applied to what is shown. */
import { mayChangeAnnotation, mayModerate, mayReport, type SessionUser } from '../../../shared/access.js';
import type { AnnotationNote } from '../../../shared/annotations.js';

export interface NoteActions {
  reply: boolean;
  edit: boolean;
  delete: boolean;
  resolve: boolean;
  /** Report button; false after the reader reported it (then `reported` shows). */
  report: boolean;
  reported: boolean;
  /** Hide or show again (moderation). */
  moderate: boolean;
}

const NONE: NoteActions = {
  reply: false,
  edit: false,
  delete: false,
  resolve: false,
  report: false,
  reported: false,
  moderate: false,
};

/**
 * The actions on `note` for `user`. `canAnnotate` is the server's answer whether the reader may
 * write now (the public only during a participation phase); replies and resolving belong to the
 * first note of a thread.
 */
export function noteActions(user: SessionUser | null, note: AnnotationNote, canAnnotate: boolean): NoteActions {
  if (!user || note.deleted) return NONE;
  const author = note.author?.id ?? null;
  const root = note.parent_id === null;
  const own = author === user.id;
  return {
    reply: root && canAnnotate,
    edit: canAnnotate && !note.hidden && mayChangeAnnotation(user, author, 'edit').allowed,
    delete: mayChangeAnnotation(user, author, 'delete').allowed,
    resolve: root && mayChangeAnnotation(user, author, 'resolve').allowed,
    report: !own && !note.reported_by_me && mayReport(user).allowed,
    reported: note.reported_by_me,
    moderate: mayModerate(user).allowed,
  };
}
