/** Keyboard shortcuts of the draw tools, active on the whole page except while typing in a field. */
import { useEffect } from 'react';
import { appStore } from '../state/app-store.js';
import { cancelDrawing, redo, undo } from '../state/edit-commands.js';
import type { DrawTool } from '../state/sketch-slice.js';

const TOOL_KEYS: Record<string, DrawTool> = { v: 'select', p: 'polygon', r: 'rectangle', f: 'freehand' };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Installs Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, Escape, V/P/R/F for the tools and S for snapping. */
export function useEditShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const modifier = event.ctrlKey || event.metaKey;
      if (modifier && !event.altKey && (key === 'z' || key === 'y')) {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) redo(appStore);
        else undo(appStore);
        return;
      }
      if (event.key === 'Escape') {
        cancelDrawing(appStore);
        return;
      }
      if (modifier || event.altKey || event.shiftKey) return;
      const tool = TOOL_KEYS[key];
      if (tool) {
        event.preventDefault();
        appStore.getState().setTool(tool);
      } else if (key === 's') {
        event.preventDefault();
        const { snapping, setSnapping } = appStore.getState();
        setSnapping(!snapping);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
