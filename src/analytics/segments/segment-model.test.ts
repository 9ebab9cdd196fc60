import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_RESTARTS, searchRestarts } from './segment-model.js';

describe('searchRestarts', () => {
  it('spends the budget on small searches, keeps the minimum on large ones and never exceeds the cap unless asked', () => {
    expect(searchRestarts(3000, 6, 16_000)).toBe(6);
    expect(searchRestarts(2000, 6, 16_000)).toBe(8);
    expect(searchRestarts(300, 6, 16_000)).toBe(MAX_SEARCH_RESTARTS);
    expect(searchRestarts(300, 6, 0)).toBe(6);
    expect(searchRestarts(300, 40, 16_000)).toBe(40);
  });
});
