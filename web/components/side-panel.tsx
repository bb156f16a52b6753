/** Left side panel: municipality section, layers and legend, demo-data note. */
import { useT } from '../i18n/use-t.js';
import { LayersSection } from './layers-section.js';
import { MunicipalitySection } from './municipality-section.js';

/** The side panel. */
export function SidePanel() {
  const t = useT();
  return (
    <aside className="side-panel" aria-label={t('panel.label')}>
      <MunicipalitySection />
      <LayersSection />
      <section className="panel-section demo-note" aria-labelledby="demo-note-heading">
        <h2 id="demo-note-heading" className="demo-note__title">
          <span className="demo-badge">{t('demo.badge')}</span>
        </h2>
        <p className="demo-note__text">{t('demo.text')}</p>
      </section>
    </aside>
  );
}
