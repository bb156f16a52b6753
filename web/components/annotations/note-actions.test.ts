import { describe, expect, it } from 'vitest';
import type { Role, SessionUser } from '../../../shared/access.js';
import type { AnnotationNote } from '../../../shared/annotations.js';
import { noteActions } from './note-actions.js';

const user = (id: number, role: Role): SessionUser => ({
  id,
  username: `u${id}`,
  displayName: `User ${id}`,
  role,
  municipalities: null,
});

const note = (over: Partial<AnnotationNote> = {}): AnnotationNote => ({
  id: 7,
  parent_id: null,
  body: 'Text',
  target: { type: 'claim', id: '1' },
  geometry: null,
  author: { id: 1, name: 'User 1' },
  created_at: '2025-03-14T12:00:00.000Z',
  updated_at: '2025-03-14T12:00:00.000Z',
  edited: false,
  version: 1,
  resolved: null,
  hidden: false,
  deleted: false,
  phase_id: null,
  reported_by_me: false,
  ...over,
});

const on = (actions: ReturnType<typeof noteActions>) =>
  Object.entries(actions)
    .filter(([, v]) => v)
    .map(([k]) => k)
    .sort();

describe('noteActions', () => {
  it('offers nothing to anonymous readers', () => {
    expect(on(noteActions(null, note(), false))).toEqual([]);
  });

  it('lets the author reply, edit, delete and resolve, but not report', () => {
    expect(on(noteActions(user(1, 'council'), note(), true))).toEqual(['delete', 'edit', 'reply', 'resolve']);
  });

  it('lets another council member reply and report only', () => {
    expect(on(noteActions(user(2, 'council'), note(), true))).toEqual(['reply', 'report']);
  });

  it('lets planners resolve and admins delete and moderate others’ notes', () => {
    expect(on(noteActions(user(2, 'planner'), note(), true))).toEqual(['reply', 'report', 'resolve']);
    expect(on(noteActions(user(3, 'admin'), note(), true))).toEqual([
      'delete',
      'moderate',
      'reply',
      'report',
      'resolve',
    ]);
  });

  it('offers no reply or resolve on replies', () => {
    expect(on(noteActions(user(1, 'council'), note({ parent_id: 3 }), true))).toEqual(['delete', 'edit']);
  });

  it('shows the public no writing outside participation, but reporting', () => {
    expect(on(noteActions(user(1, 'public'), note(), false))).toEqual(['delete', 'resolve']);
    expect(on(noteActions(user(2, 'public'), note(), false))).toEqual(['report']);
  });

  it('replaces the report button once reported, and offers nothing on deleted notes', () => {
    expect(on(noteActions(user(2, 'council'), note({ reported_by_me: true }), true))).toEqual(['reply', 'reported']);
    expect(on(noteActions(user(3, 'admin'), note({ deleted: true, author: null }), true))).toEqual([]);
  });

  it('does not offer editing a hidden note', () => {
    expect(noteActions(user(1, 'council'), note({ hidden: true, body: null }), true).edit).toBe(false);
  });
});
