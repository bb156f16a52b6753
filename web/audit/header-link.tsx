/** The header's link to the audit log page, for admins only (part of the main bundle, so kept tiny). */
import { mayReadAudit } from '../../shared/access.js';
import '../dashboard/header-link.css';
import './header-link.css';
import { useHash } from '../dashboard/route.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { AUDIT_HASH, isAuditHash } from './route.js';

/** "Protokoll" for admins; marked as the current page on `#/protokoll`. */
export function AuditLink() {
  const t = useT();
  const allowed = useAppStore((s) => mayReadAudit(s.session.user, 'all').allowed);
  const hash = useHash();
  if (!allowed) return null;
  return (
    <a
      className="header-link"
      href={AUDIT_HASH}
      title={t('audit.linkTitle')}
      aria-current={isAuditHash(hash) ? 'page' : undefined}
    >
      {t('audit.link')}
    </a>
  );
}
