/** Small inline SVG icons for the draw toolbar (no icon font: the app runs offline). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.7,
  strokeLinejoin: 'round',
  strokeLinecap: 'round',
} as const;

/** Icons by name. */
export const ICONS = {
  select: (
    <Icon>
      <path d="M5 3 L5 15 L8.2 12 L10.5 17 L12.6 16 L10.3 11.2 L14.6 11 Z" {...stroke} />
    </Icon>
  ),
  polygon: (
    <Icon>
      <path d="M4 14 L6 4 L15 6 L16 15 Z" {...stroke} />
      <circle cx="4" cy="14" r="1.6" fill="currentColor" />
      <circle cx="6" cy="4" r="1.6" fill="currentColor" />
      <circle cx="15" cy="6" r="1.6" fill="currentColor" />
      <circle cx="16" cy="15" r="1.6" fill="currentColor" />
    </Icon>
  ),
  rectangle: (
    <Icon>
      <rect x="3.5" y="5" width="13" height="10" {...stroke} />
    </Icon>
  ),
  freehand: (
    <Icon>
      <path d="M3 13 C5 5, 8 5, 9 10 S13 16, 17 6" {...stroke} />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M7 5 L3.5 8.5 L7 12" {...stroke} />
      <path d="M4 8.5 H12 A4.5 4.5 0 0 1 12 17.5 H9" {...stroke} />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="M13 5 L16.5 8.5 L13 12" {...stroke} />
      <path d="M16 8.5 H8 A4.5 4.5 0 0 0 8 17.5 H11" {...stroke} />
    </Icon>
  ),
  snap: (
    <Icon>
      <path d="M5 4 V10 A5 5 0 0 0 15 10 V4" {...stroke} />
      <path d="M3.5 4 H7 M13 4 H16.5" {...stroke} />
    </Icon>
  ),
  cancel: (
    <Icon>
      <path d="M5 5 L15 15 M15 5 L5 15" {...stroke} />
    </Icon>
  ),
} satisfies Record<string, ReactNode>;
