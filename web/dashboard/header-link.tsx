/** The header's link between the map and the dashboard (part of the main bundle, so kept tiny). */
import { useT } from '../i18n/use-t.js';
import './header-link.css';
import { DASHBOARD_HASH } from './route.js';

/** On the map: "Dashboard Flächenverbrauch"; on the dashboard: back to "Karte". */
export function DashboardLink({ page }: { page: 'map' | 'dashboard' }) {
  const t = useT();
  return page === 'map' ? (
    <a className="header-link" href={DASHBOARD_HASH}>
      {t('dashboard.link')}
    </a>
  ) : (
    <a className="header-link" href="#">
      <span aria-hidden="true">← </span>
      {t('dashboard.backToMap')}
    </a>
  );
}
