import { describe, expect, it } from 'vitest';
import { TreeEnsemble } from './tree-ensemble.js';
import { gainImportance, pathContributions } from './tree-explainer.js';
import { smallTree } from './tree.testkit.js';

describe('tree explainer', () => {
  const ensemble = new TreeEnsemble([smallTree(), smallTree()], 0.5);
  const names = ['a', 'b'];

  it('credits each split on the path with the change of node value (Saabas)', () => {
    // Row (0.9, 3): root 1.5 → right node 4 (+2.5 to a) → leaf 5 (+1 to b), in each of the two trees.
    const c = pathContributions(ensemble, names, Float64Array.from([0.9, 3]), 0, Int32Array.from([0, 1]));
    expect(c.bias).toBe(0.5 + 2 * 1.5);
    expect(Array.from(c.values)).toEqual([5, 2]);
    expect(c.bias + c.values[0] + c.values[1]).toBe(0.5 + 2 * 5);
  });

  it('sums split gains per feature, largest first', () => {
    expect(gainImportance(ensemble, names)).toEqual([
      { feature: 'a', gain: 20, splits: 2, share: 20 / 28 },
      { feature: 'b', gain: 8, splits: 2, share: 8 / 28 },
    ]);
  });
});
