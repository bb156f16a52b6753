import { describe, expect, it } from 'vitest';
import {
  mayAnnotate,
  mayChangeAnnotation,
  mayCreateClaim,
  mayDecideConflict,
  mayEditClaim,
  outsideScope,
  seesInternal,
  type SessionUser,
} from './access.js';

const user = (role: SessionUser['role'], municipalities: string[] | null = null): SessionUser => ({
  id: 7,
  username: role,
  displayName: role,
  role,
  municipalities,
});
const LEHRTE = '03241011';
const SEHNDE = '03241019';
const lehrtePlanner = user('planner', [LEHRTE]);

describe('access decisions', () => {
  it('a scoped planner may edit only what lies entirely in the scope', () => {
    expect(mayEditClaim(lehrtePlanner, [LEHRTE]).allowed).toBe(true);
    const across = mayEditClaim(lehrtePlanner, [LEHRTE, SEHNDE]);
    expect(across).toMatchObject({ allowed: false, status: 403, code: 'outside_scope' });
    expect(!across.allowed && across.message).toContain(SEHNDE);
    expect(mayEditClaim(lehrtePlanner, []).allowed).toBe(false);
    expect(mayEditClaim(user('planner'), [LEHRTE, SEHNDE]).allowed).toBe(true);
    expect(outsideScope(lehrtePlanner, [SEHNDE, LEHRTE])).toEqual([SEHNDE]);
  });

  it('anonymous is 401, the wrong role 403', () => {
    expect(mayEditClaim(null, [LEHRTE])).toMatchObject({ allowed: false, status: 401 });
    expect(mayEditClaim(user('council'), [LEHRTE])).toMatchObject({ allowed: false, status: 403 });
    expect(mayDecideConflict(user('public'), [LEHRTE])).toMatchObject({ allowed: false, status: 403 });
    expect(mayDecideConflict(user('admin'), [LEHRTE, SEHNDE]).allowed).toBe(true);
  });

  it('the public proposes only as a citizen group, status proposed, during participation', () => {
    const proposal = { municipalities: null, proposerType: 'citizen_group' as const, status: 'proposed' };
    expect(mayCreateClaim(user('public'), { ...proposal, participationOpen: true }).allowed).toBe(true);
    expect(mayCreateClaim(user('public'), { ...proposal, participationOpen: false })).toMatchObject({
      code: 'participation_closed',
    });
    expect(
      mayCreateClaim(user('public'), { ...proposal, proposerType: 'municipality', participationOpen: true }),
    ).toMatchObject({ code: 'public_proposal_only' });
    expect(mayCreateClaim(user('public'), { ...proposal, status: 'draft', participationOpen: true }).allowed).toBe(
      false,
    );
  });

  it('a planner creates before the municipalities are known, and is checked once they are', () => {
    const facts = { proposerType: 'region' as const, status: 'draft', participationOpen: false };
    expect(mayCreateClaim(lehrtePlanner, { ...facts, municipalities: null }).allowed).toBe(true);
    expect(mayCreateClaim(lehrtePlanner, { ...facts, municipalities: [SEHNDE] }).allowed).toBe(false);
  });

  it('notes: the public only during participation; authors edit, planners resolve, admins delete', () => {
    expect(mayAnnotate(user('public'), false).allowed).toBe(false);
    expect(mayAnnotate(user('public'), true).allowed).toBe(true);
    expect(mayAnnotate(user('council'), false).allowed).toBe(true);
    expect(mayChangeAnnotation(user('council'), 7, 'edit').allowed).toBe(true);
    expect(mayChangeAnnotation(user('admin'), 8, 'edit').allowed).toBe(false);
    expect(mayChangeAnnotation(user('admin'), 8, 'delete').allowed).toBe(true);
    expect(mayChangeAnnotation(user('planner'), 8, 'resolve').allowed).toBe(true);
  });

  it('internal readers are everyone signed in except the public', () => {
    expect([null, user('public'), user('council'), user('planner')].map(seesInternal)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
