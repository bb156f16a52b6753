import { describe, expect, it } from 'vitest';
import { createAnswerOrder } from './answer-order.js';

describe('answer order of overlapping reloads', () => {
  it('shows an earlier answer while a later request is in flight, then the later one', () => {
    const order = createAnswerOrder();
    const first = order.start();
    const second = order.start();
    expect(order.apply(first)).toBe(true);
    expect(order.isLatest(first)).toBe(false);
    expect(order.apply(second)).toBe(true);
  });

  it('never lets an older answer replace a newer one', () => {
    const order = createAnswerOrder();
    const first = order.start();
    const second = order.start();
    expect(order.apply(second)).toBe(true);
    expect(order.apply(first)).toBe(false);
    expect(order.isLatest(second)).toBe(true);
  });
});
