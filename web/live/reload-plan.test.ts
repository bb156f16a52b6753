import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/events.js';
import { changedClaimIds, changeUnderEdit, MAX_CLAIM_REFRESH, reloadTargets, type PageFacts } from './reload-plan.js';

let nextId = 1;
const event = (
  objectType: ChangeEvent['objectType'],
  objectId: string,
  actor = 'Stadtplanung Lehrte',
): ChangeEvent => ({
  id: nextId++,
  at: '2025-03-14T09:41:00.000Z',
  objectType,
  objectId,
  action: 'updated',
  actor,
});
const page = (over: Partial<PageFacts> = {}): PageFacts => ({
  selectedClaimId: null,
  editingClaimId: null,
  saving: false,
  ...over,
});

describe('reloadTargets', () => {
  it('reloads claims and the conflicts the server recomputed after a claim write', () => {
    expect([...reloadTargets([event('claim', '7')], page())].sort()).toEqual(['claims', 'conflicts']);
  });

  it("reloads the selected claim's history only when that claim changed", () => {
    expect(reloadTargets([event('claim', '7')], page({ selectedClaimId: 7 })).has('claimHistory')).toBe(true);
    expect(reloadTargets([event('claim', '8')], page({ selectedClaimId: 7 })).has('claimHistory')).toBe(false);
  });

  it('reloads only the conflicts after a conflict or rules change', () => {
    expect([...reloadTargets([event('conflict', '3'), event('rules', '1')], page())]).toEqual(['conflicts']);
  });

  it('reloads claims when participation publishes or withdraws them', () => {
    expect(reloadTargets([event('participation', '2')], page()).has('claims')).toBe(true);
  });

  it('leaves annotations and conflict rounds to their own views', () => {
    expect(reloadTargets([event('annotation', '1'), event('conflict_round', '1')], page()).size).toBe(0);
  });
});

describe('changeUnderEdit', () => {
  it('names the latest change of the claim being edited', () => {
    const batch = [event('claim', '7', 'A'), event('claim', '8', 'B'), event('claim', '7', 'C')];
    expect(changeUnderEdit(batch, page({ editingClaimId: 7 }))?.actor).toBe('C');
  });

  it('ignores other claims, new sketches and the echo of my own save', () => {
    const batch = [event('claim', '7')];
    expect(changeUnderEdit(batch, page({ editingClaimId: 8 }))).toBeNull();
    expect(changeUnderEdit(batch, page())).toBeNull();
    expect(changeUnderEdit(batch, page({ editingClaimId: 7, saving: true }))).toBeNull();
  });
});

describe('changedClaimIds', () => {
  it('names the changed claims once each, so only they are fetched', () => {
    expect(
      changedClaimIds([event('claim', '7'), event('conflict', '3'), event('claim', '7'), event('claim', '9')]),
    ).toEqual([7, 9]);
  });

  it('asks for the whole list after a participation change or a burst of edits', () => {
    expect(changedClaimIds([event('claim', '7'), event('participation', '1')])).toBeNull();
    const burst = Array.from({ length: MAX_CLAIM_REFRESH + 1 }, (_, i) => event('claim', String(i + 1)));
    expect(changedClaimIds(burst)).toBeNull();
  });
});
