/** The header's link to the API reference, for everyone (part of the main bundle, so kept tiny). */
import '../audit/header-link.css';
import '../dashboard/header-link.css';
import { useHash } from '../dashboard/route.js';
import { useT } from '../i18n/use-t.js';
import { API_DOCS_HASH, isApiDocsHash } from './route.js';

/** "API"; marked as the current page on `#/api`. */
export function ApiDocsLink() {
  const t = useT();
  const hash = useHash();
  return (
    <a
      className="header-link"
      href={API_DOCS_HASH}
      title={t('apiDocs.headerLinkTitle')}
      aria-current={isApiDocsHash(hash) ? 'page' : undefined}
    >
      {t('apiDocs.headerLink')}
    </a>
  );
}
