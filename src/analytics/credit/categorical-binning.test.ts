import { describe, expect, it } from 'vitest';
import { BinningParams } from './binning-params.js';
import { categoricalGroups, categoricalLabel } from './categorical-binning.js';

/** `n` rows of a level with `bads` bads among them. */
function level(name: string, n: number, bads: number) {
  return { levels: Array<string | null>(n).fill(name), target: Array.from({ length: n }, (_, i) => (i < bads ? 1 : 0)) };
}

function table(...parts: ReturnType<typeof level>[]) {
  return { levels: parts.flatMap((p) => p.levels), target: Uint8Array.from(parts.flatMap((p) => p.target)) };
}

describe('categoricalGroups', () => {
  it('pools rare levels, orders groups by bad rate and maps unseen levels to the rare group', () => {
    const { levels, target } = table(level('A', 400, 40), level('B', 300, 90), level('C', 250, 150), level('x', 30, 15), level('y', 20, 10));
    const { groups, rareGroup } = categoricalGroups(levels, target, BinningParams.parse({}), 50);
    expect(groups).toEqual([['A'], ['B'], ['x', 'y'], ['C']]); // bad rates 10%, 30%, 50%, 60%
    expect(rareGroup).toBe(2);
  });

  it('joins a rare group that is still too small to its most similar neighbour', () => {
    const { levels, target } = table(level('A', 500, 50), level('B', 460, 230), level('r1', 20, 9), level('r2', 20, 11));
    const { groups, rareGroup } = categoricalGroups(levels, target, BinningParams.parse({}), 50);
    expect(groups).toEqual([['A'], ['B', 'r1', 'r2']]);
    expect(rareGroup).toBe(1);
  });

  it('merges similar levels down to maxBins, ignores missing values, and reports no rare group when none is rare', () => {
    const { levels, target } = table(level('A', 200, 20), level('B', 200, 22), level('C', 200, 100), level('D', 200, 104));
    const withMissing = [...levels, null, null];
    const { groups, rareGroup } = categoricalGroups(withMissing, Uint8Array.from([...target, 1, 1]), BinningParams.parse({ maxBins: 2 }), 50);
    expect(groups).toEqual([['A', 'B'], ['C', 'D']]);
    expect(rareGroup).toBe(-1);
  });

  it('labels groups, shortening long ones', () => {
    expect(categoricalLabel(['A11', 'A12'])).toBe('A11, A12');
    expect(categoricalLabel(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e, … (+2)');
  });
});
