import { describe, expect, it } from 'vitest';
import { chiMerge, mergeSmall, poolMonotone, type Segment } from './bin-merging.js';

const seg = (goods: number, bads: number, item: number): Segment<number> => ({ goods, bads, items: [item] });
const rates = (segments: readonly Segment<number>[]) => segments.map((s) => s.bads / (s.goods + s.bads));

describe('bin merging', () => {
  const segments = [seg(90, 10, 1), seg(80, 20, 2), seg(85, 15, 3), seg(60, 40, 4), seg(70, 30, 5)];

  it('pools adjacent violators into a strictly increasing bad rate', () => {
    const pooled = poolMonotone(segments, true);
    expect(pooled.map((s) => s.items)).toEqual([[1], [2, 3], [4, 5]]);
    expect(rates(pooled)).toEqual([0.1, 35 / 200, 70 / 200]);
  });

  it('pools into a strictly decreasing bad rate when asked', () => {
    const pooled = poolMonotone(segments, false);
    const r = rates(pooled);
    for (let i = 1; i < r.length; i++) expect(r[i]).toBeLessThan(r[i - 1]);
    expect(pooled.reduce((n, s) => n + s.goods + s.bads, 0)).toBe(500);
  });

  it('merges small segments into their more similar neighbour', () => {
    const merged = mergeSmall([seg(90, 10, 1), seg(4, 1, 2), seg(50, 50, 3)], 20);
    expect(merged.map((s) => s.items)).toEqual([[1, 2], [3]]);
  });

  it('ChiMerge stops at the maximum number of bins and at the chi-square threshold', () => {
    expect(chiMerge(segments, 2, 0)).toHaveLength(2);
    const significant = chiMerge(segments, 10, 3.841);
    expect(significant.length).toBeGreaterThanOrEqual(2);
    expect(significant.length).toBeLessThan(segments.length);
    expect(chiMerge([seg(10, 10, 1), seg(10, 10, 2)], 10, 3.841)).toHaveLength(1);
  });
});
