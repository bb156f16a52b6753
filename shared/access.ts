/**
 * Who may do what: roles, the signed-in user as the API describes it, and one pure decision
 * function per kind of write. The server enforces these decisions; the web client uses the same
 * functions to show only the actions a user may take. No I/O here.
 */
import type { ProposerType } from './claims.js';

export const ROLES = ['admin', 'planner', 'council', 'public'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE: Record<Role, { de: string; en: string }> = {
  admin: { de: 'Administration', en: 'Administrator' },
  planner: { de: 'Planung', en: 'Planner' },
  council: { de: 'Rat', en: 'Council' },
  public: { de: 'Öffentlichkeit', en: 'Public' },
};

/** The signed-in user (GET /api/auth/me, and the actor of every write). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Planner scope: AGS of the municipalities the planner works for; null = the whole Region. */
  municipalities: string[] | null;
}

/** Proposer types the public role may submit claims as („Verein/Bürgergruppe“). */
export const PUBLIC_PROPOSER_TYPES: readonly ProposerType[] = ['citizen_group'];

/** Allowed, or refused with the HTTP status (401 = sign in, 403 = not with this role) and a German reason. */
export type Decision = { allowed: true } | { allowed: false; status: 401 | 403; code: string; message: string };

const ALLOWED: Decision = { allowed: true };

function signIn(): Decision {
  return { allowed: false, status: 401, code: 'login_required', message: 'Bitte melden Sie sich an.' };
}

function forbidden(code: string, message: string): Decision {
  return { allowed: false, status: 403, code, message };
}

/** True for roles that see unpublished claims and internal discussion (everyone but public/anonymous). */
export function seesInternal(user: SessionUser | null): boolean {
  return user !== null && user.role !== 'public';
}

/** Municipalities of `ags` that lie outside the planner's scope (empty when all are inside). */
export function outsideScope(user: SessionUser, ags: readonly string[]): string[] {
  if (user.municipalities === null) return [];
  const scope = new Set(user.municipalities);
  return ags.filter((a) => !scope.has(a));
}

function plannerScope(user: SessionUser, ags: readonly string[], what: string): Decision {
  if (user.municipalities !== null && ags.length === 0) {
    return forbidden('outside_scope', `${what} liegt in keiner Gemeinde Ihres Zuständigkeitsbereichs.`);
  }
  const outside = outsideScope(user, ags);
  if (outside.length > 0) {
    return forbidden(
      'outside_scope',
      `${what} berührt Gemeinden außerhalb Ihres Zuständigkeitsbereichs (AGS ${outside.join(', ')}).`,
    );
  }
  return ALLOWED;
}

/** Facts about a claim that a create decision needs. */
export interface NewClaimFacts {
  /** AGS of the municipalities the claim's interior meets (derived from its geometry); null = not known yet. */
  municipalities: readonly string[] | null;
  proposerType: ProposerType;
  status: string;
  /** Whether a participation phase is open right now. */
  participationOpen: boolean;
}

/** Create a claim: admin; planner within scope; public only as a proposal of a citizen group during participation. */
export function mayCreateClaim(user: SessionUser | null, facts: NewClaimFacts): Decision {
  if (!user) return signIn();
  switch (user.role) {
    case 'admin':
      return ALLOWED;
    case 'planner':
      return facts.municipalities === null ? ALLOWED : plannerScope(user, facts.municipalities, 'Der Anspruch');
    case 'council':
      return forbidden('role_forbidden', 'Der Rat kann Ansprüche lesen und kommentieren, aber nicht anlegen.');
    case 'public':
      if (!facts.participationOpen) {
        return forbidden(
          'participation_closed',
          'Vorschläge sind nur während einer offenen Beteiligungsphase möglich.',
        );
      }
      if (!PUBLIC_PROPOSER_TYPES.includes(facts.proposerType) || facts.status !== 'proposed') {
        return forbidden(
          'public_proposal_only',
          'Die Öffentlichkeit kann nur Vorschläge (Status „proposed“) als Verein/Bürgergruppe einreichen.',
        );
      }
      return ALLOWED;
  }
}

/**
 * Change an existing claim (edit, delete, restore, compromise): admin, or a planner whose scope
 * holds every municipality the claim touches before and after the change.
 */
export function mayEditClaim(user: SessionUser | null, municipalities: readonly string[]): Decision {
  if (!user) return signIn();
  if (user.role === 'admin') return ALLOWED;
  if (user.role === 'planner') return plannerScope(user, municipalities, 'Der Anspruch');
  return forbidden('role_forbidden', 'Nur die Planung kann Ansprüche ändern.');
}

/** Change a conflict's status or justification: admin, or a planner responsible for every municipality involved. */
export function mayDecideConflict(user: SessionUser | null, municipalities: readonly string[]): Decision {
  if (!user) return signIn();
  if (user.role === 'admin') return ALLOWED;
  if (user.role === 'planner') return plannerScope(user, municipalities, 'Der Konflikt');
  return forbidden('role_forbidden', 'Nur die Planung kann über Konflikte entscheiden.');
}

/** Import a file: claims for planners and admins (scope checked per claim on commit), constraint layers for admins. */
export function mayImport(user: SessionUser | null, target: 'claims' | 'constraints'): Decision {
  if (!user) return signIn();
  if (user.role === 'admin') return ALLOWED;
  if (target === 'constraints') {
    return forbidden('role_forbidden', 'Nur die Administration kann Schutz- und Vorranggebiete importieren.');
  }
  return user.role === 'planner'
    ? ALLOWED
    : forbidden('role_forbidden', 'Nur die Planung und die Administration können Flächenansprüche importieren.');
}

/** Replace the conflict rules: admin only. */
export function mayEditRules(user: SessionUser | null): Decision {
  if (!user) return signIn();
  return user.role === 'admin'
    ? ALLOWED
    : forbidden('role_forbidden', 'Nur die Administration kann die Konfliktregeln ändern.');
}

/** Write an annotation or reply: every signed-in role; the public only during an open participation phase. */
export function mayAnnotate(user: SessionUser | null, participationOpen: boolean): Decision {
  if (!user) return signIn();
  if (user.role === 'public' && !participationOpen) {
    return forbidden('participation_closed', 'Kommentare sind nur während einer offenen Beteiligungsphase möglich.');
  }
  return ALLOWED;
}

/** Edit or delete an annotation: its author; admins may delete any (moderation). */
export function mayChangeAnnotation(
  user: SessionUser | null,
  authorId: number | null,
  change: 'edit' | 'delete' | 'resolve',
): Decision {
  if (!user) return signIn();
  if (authorId !== null && user.id === authorId) return ALLOWED;
  if (change === 'delete' && user.role === 'admin') return ALLOWED;
  if (change === 'resolve' && (user.role === 'admin' || user.role === 'planner')) return ALLOWED;
  return forbidden('not_author', 'Nur die Verfasserin oder der Verfasser kann diese Notiz ändern.');
}

/** Hide or unhide a comment with a reason: admin only. */
export function mayModerate(user: SessionUser | null): Decision {
  if (!user) return signIn();
  return user.role === 'admin' ? ALLOWED : forbidden('role_forbidden', 'Nur die Administration moderiert.');
}

/** Report a comment: every signed-in user. */
export function mayReport(user: SessionUser | null): Decision {
  return user ? ALLOWED : signIn();
}

/** Open, change or close a participation phase: admin only. */
export function mayManageParticipation(user: SessionUser | null): Decision {
  if (!user) return signIn();
  return user.role === 'admin'
    ? ALLOWED
    : forbidden('role_forbidden', 'Nur die Administration kann Beteiligungsphasen verwalten.');
}

/** Prepare and run a conflict round (agenda, decisions, minutes): planners and admins. */
export function mayRunConflictRound(user: SessionUser | null): Decision {
  if (!user) return signIn();
  return user.role === 'admin' || user.role === 'planner'
    ? ALLOWED
    : forbidden('role_forbidden', 'Konfliktrunden bereitet die Planung vor.');
}

/** Read the audit log: per object for internal roles, the whole filterable log for admins. */
export function mayReadAudit(user: SessionUser | null, scope: 'object' | 'all'): Decision {
  if (!user) return signIn();
  if (user.role === 'admin') return ALLOWED;
  if (scope === 'object' && seesInternal(user)) return ALLOWED;
  return forbidden('role_forbidden', 'Das Änderungsprotokoll ist der Verwaltung vorbehalten.');
}
