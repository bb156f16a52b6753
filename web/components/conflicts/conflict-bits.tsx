/** Small pieces the conflict views share: severity badge, status tag, the parties and a list item. */
import { CLAIM_USE } from '../../../shared/claim-uses.js';
import { SEVERITY, type Severity } from '../../../shared/conflict-rules.js';
import { CONFLICT_STATUS, type ConflictFeature, type ConflictStatus } from '../../../shared/conflicts.js';
import { CONSTRAINT_KIND } from '../../../shared/constraint-kinds.js';
import { formatHa, formatNumber, type Locale } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { openConflict } from '../../state/conflict-commands.js';
import { isClosedConflict } from '../../state/conflict-view.js';
import '../../i18n/conflicts.texts.js';

/** The severity as a coloured badge ("hoch"). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const locale = useAppStore((s) => s.locale);
  return (
    <span className={`severity-badge severity-badge--${severity}`} data-severity={severity}>
      {SEVERITY[severity][locale]}
    </span>
  );
}

/** The discussion status as a tag. */
export function ConflictStatusTag({ status }: { status: ConflictStatus }) {
  const locale = useAppStore((s) => s.locale);
  return <span className={`conflict-status conflict-status--${status}`}>{CONFLICT_STATUS[status][locale]}</span>;
}

/** "Claim A ↔ Claim B" or "Claim ↔ NSG name": who the conflict is between, in words. */
export function partiesText(conflict: ConflictFeature): string {
  const p = conflict.properties;
  const names = p.claims.map((c) => c.title);
  if (p.constraint) names.push(p.constraint.name);
  return names.join(' ↔ ');
}

/** Area for overlaps, distance for setbacks, e.g. "6,94 ha" or "900 m Abstand". */
export function conflictMeasure(conflict: ConflictFeature, locale: Locale, distanceLabel: string): string {
  const p = conflict.properties;
  if (p.kind === 'setback' && p.distance_m !== null) return `${formatNumber(locale, p.distance_m)} m ${distanceLabel}`;
  return formatHa(locale, p.area_ha);
}

/** Colour swatches of the parties: the claims' uses, then the constraint area's kind. */
export function PartySwatches({ conflict }: { conflict: ConflictFeature }) {
  const p = conflict.properties;
  return (
    <span className="party-swatches" aria-hidden="true">
      {p.claims.map((c) => (
        <span key={c.id} className="swatch" style={{ background: CLAIM_USE[c.use].color }} />
      ))}
      {p.constraint && (
        <span
          className="swatch swatch--area"
          style={{
            borderColor: CONSTRAINT_KIND[p.constraint.kind].color,
            background: `${CONSTRAINT_KIND[p.constraint.kind].color}38`,
          }}
        />
      )}
    </span>
  );
}

/** One conflict in a list; a click selects it and moves the map to it. */
export function ConflictItem({ conflict, names }: { conflict: ConflictFeature; names: Map<string, string> }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const selected = useAppStore((s) => s.selectedConflictId === conflict.properties.id);
  const hovered = useAppStore((s) => s.hoveredConflictId === conflict.properties.id);
  const p = conflict.properties;
  const closed = isClosedConflict(p);
  const places = p.municipalities.map((ags) => names.get(ags) ?? ags).join(', ');
  return (
    <li className={closed ? 'conflict-item conflict-item--closed' : 'conflict-item'}>
      <button
        type="button"
        className={hovered ? 'conflict-item__button is-hovered' : 'conflict-item__button'}
        aria-current={selected || undefined}
        data-conflict-id={p.id}
        onClick={() => openConflict(appStore, conflict)}
        onMouseEnter={() => appStore.getState().hoverConflict(p.id)}
        onMouseLeave={() => appStore.getState().hoverConflict(null)}
      >
        <span className="conflict-item__head">
          <SeverityBadge severity={p.severity} />
          <span className="conflict-item__measure">{conflictMeasure(conflict, locale, t('conflicts.distance'))}</span>
          <ConflictStatusTag status={p.status} />
        </span>
        <span className="conflict-item__reason">{p.reason}</span>
        <span className="conflict-item__parties">
          <PartySwatches conflict={conflict} />
          <span>{partiesText(conflict)}</span>
        </span>
        {places && <span className="conflict-item__meta">{places}</span>}
        {!p.active && <span className="conflict-item__meta">{t('conflicts.inactive')}</span>}
      </button>
    </li>
  );
}
