import { describe, expect, it } from 'vitest';
import { CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';
import { createAppStore } from './app-store.js';

describe('layers slice', () => {
  it('starts with nature reserves and flood zones on', () => {
    const store = createAppStore();
    expect(store.getState().layers.constraintKinds).toEqual(['nature_reserve', 'flood_zone']);
  });

  it('keeps enabled kinds in canonical order whatever the click order', () => {
    const store = createAppStore();
    store.getState().setConstraintKind('priority_wind', true);
    store.getState().setConstraintKind('landscape_protection', true);
    expect(store.getState().layers.constraintKinds).toEqual([
      'nature_reserve',
      'landscape_protection',
      'flood_zone',
      'priority_wind',
    ]);
    store.getState().setConstraintKind('nature_reserve', false);
    expect(store.getState().layers.constraintKinds[0]).toBe('landscape_protection');
  });

  it('switches all kinds on and off', () => {
    const store = createAppStore();
    store.getState().setAllConstraintKinds(true);
    expect(store.getState().layers.constraintKinds).toEqual(CONSTRAINT_KINDS);
    store.getState().setAllConstraintKinds(false);
    expect(store.getState().layers.constraintKinds).toEqual([]);
  });
});
