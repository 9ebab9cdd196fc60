import { describe, expect, it } from 'vitest';
import { friedman1 } from '../fixtures/fixtures.testkit.js';
import { compileForest, predictCompiled, treeDepth } from './forest-kernel.js';
import { treeFromJson } from './gbdt-json.js';
import { GradientBoostingModel } from './gradient-boosting-model.js';
import { leafOf } from './tree.js';
import { smallTree } from './tree.testkit.js';

describe('forest kernel', () => {
  it('walks every tree exactly like the general walk (groups of 8 plus a remainder)', () => {
    const model = new GradientBoostingModel({ nEstimators: 21, minDataInLeaf: 5 }).fit(friedman1(500, 31));
    const trees = model.toJSON().trees.map((tree, i) => treeFromJson(tree, 10, i));
    expect(trees.length).toBe(21);
    const data = friedman1(300, 32);
    const columns = Int32Array.from({ length: 10 }, (_, i) => i);
    const compiled = compileForest(trees, columns, 10);
    expect(compiled).not.toBeNull();
    const out = new Float64Array(data.nRows);
    predictCompiled(compiled!, data.values, data.nRows, 10, out);
    for (let r = 0; r < data.nRows; r++) {
      const expected = trees.reduce((s, tree) => s + tree.value[leafOf(tree, data.values, r * 10, columns)], 0);
      expect(out[r]).toBeCloseTo(expected, 12);
    }
  });

  it('measures tree depth and refuses trees whose siblings are not adjacent', () => {
    const tree = smallTree();
    expect(treeDepth(tree)).toBe(2);
    const swapped = { ...tree, left: Int32Array.from([2, -1, 3, -1, -1]), right: Int32Array.from([1, -1, 4, -1, -1]) };
    expect(compileForest([swapped], Int32Array.from([0, 1]), 2)).toBeNull();
  });
});
