/** The header's link to the conflict rounds, for internal roles (part of the main bundle, so kept tiny). */
import { seesInternal } from '../../shared/access.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { ROUNDS_HASH } from './route.js';

/** "Konfliktrunde" for admins, planners and the council; nothing for the public. */
export function RoundsLink() {
  const t = useT();
  const user = useAppStore((s) => s.session.user);
  if (!seesInternal(user)) return null;
  return (
    <a className="header-link" href={ROUNDS_HASH}>
      {t('rounds.link')}
    </a>
  );
}
