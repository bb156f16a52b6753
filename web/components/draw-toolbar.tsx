/**
 * The draw toolbar over the map: tools (select, polygon, rectangle, freehand), undo/redo, snapping
 * and cancel. Every button has an aria-label and shows its shortcut in the tooltip.
 */
import type { ReactNode } from 'react';
import type { SessionUser } from '../../shared/access.js';
import type { MessageKey } from '../i18n/de.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { canRedo, canUndo, cancelDrawing, redo, undo } from '../state/edit-commands.js';
import { DRAW_TOOLS, type DrawTool } from '../state/sketch-slice.js';
import { ICONS } from './icons.js';

interface ButtonProps {
  label: string;
  hint: string;
  icon: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  onClick(): void;
  testId?: string;
}

function ToolButton({ label, hint, icon, pressed, disabled, onClick, testId }: ButtonProps) {
  return (
    <button
      type="button"
      className="draw-toolbar__button"
      aria-label={label}
      title={hint}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
    >
      {icon}
      <span className="draw-toolbar__label">{label}</span>
    </button>
  );
}

const TOOL_TEXT: Record<DrawTool, { label: MessageKey; hint: MessageKey }> = {
  select: { label: 'draw.select', hint: 'draw.selectHint' },
  polygon: { label: 'draw.polygon', hint: 'draw.polygonHint' },
  rectangle: { label: 'draw.rectangle', hint: 'draw.rectangleHint' },
  freehand: { label: 'draw.freehand', hint: 'draw.freehandHint' },
};

/** The toolbar for roles that may draw claims; otherwise a hint (and sign-in button for visitors). */
export function DrawToolbar() {
  const t = useT();
  const user = useAppStore((s) => s.session.user);
  const setLoginOpen = useAppStore((s) => s.setLoginOpen);
  if (!mayDrawClaims(user)) {
    return (
      <div className="draw-toolbar draw-toolbar--locked" role="note" data-testid="draw-locked">
        <span>{t(user ? 'draw.lockedRole' : 'draw.lockedAnonymous')}</span>
        {!user && (
          <button type="button" className="draw-toolbar__button" onClick={() => setLoginOpen(true)}>
            {t('account.login')}
          </button>
        )}
      </div>
    );
  }
  return <DrawTools />;
}

/** Whether the drawing tools are offered: planners and admins, and the public (proposals; the server checks the phase). */
function mayDrawClaims(user: SessionUser | null): boolean {
  return user !== null && user.role !== 'council';
}

function DrawTools() {
  const t = useT();
  const tool = useAppStore((s) => s.tool);
  const hasSketch = useAppStore((s) => s.sketch !== null);
  const drawing = useAppStore((s) => s.drawing);
  const snapping = useAppStore((s) => s.snapping);
  const undoable = useAppStore(canUndo);
  const redoable = useAppStore(canRedo);
  const setTool = useAppStore((s) => s.setTool);
  const setSnapping = useAppStore((s) => s.setSnapping);

  return (
    <div className="draw-toolbar" role="toolbar" aria-label={t('draw.toolbar')}>
      {(['select', ...DRAW_TOOLS] as DrawTool[]).map((name) => {
        const locked = name !== 'select' && hasSketch;
        return (
          <ToolButton
            key={name}
            label={t(TOOL_TEXT[name].label)}
            hint={locked ? t('draw.toolsLocked') : t(TOOL_TEXT[name].hint)}
            icon={ICONS[name]}
            pressed={tool === name}
            disabled={locked}
            onClick={() => setTool(name)}
            testId={`tool-${name}`}
          />
        );
      })}
      <span className="draw-toolbar__sep" aria-hidden="true" />
      <ToolButton
        label={t('draw.undo')}
        hint={t('draw.undoHint')}
        icon={ICONS.undo}
        disabled={!undoable}
        onClick={() => undo(appStore)}
      />
      <ToolButton
        label={t('draw.redo')}
        hint={t('draw.redoHint')}
        icon={ICONS.redo}
        disabled={!redoable}
        onClick={() => redo(appStore)}
      />
      <span className="draw-toolbar__sep" aria-hidden="true" />
      <ToolButton
        label={t('draw.snapping')}
        hint={t('draw.snappingHint')}
        icon={ICONS.snap}
        pressed={snapping}
        onClick={() => setSnapping(!snapping)}
      />
      {(drawing || tool !== 'select') && (
        <ToolButton
          label={t('draw.cancel')}
          hint={t('draw.cancelHint')}
          icon={ICONS.cancel}
          onClick={() => cancelDrawing(appStore)}
        />
      )}
    </div>
  );
}
