import { describe, expect, it } from 'vitest';
import { friedman1 } from '../fixtures/fixtures.testkit.js';
import { Dataset } from '../dataset.js';
import { compileForest, mirrorRows, nextDown, predictCompiled, treeDepth } from './forest-kernel.js';
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

  it('routes missing values by each node\'s default side through mirrored rows, like the general walk', () => {
    const train = friedman1(600, 33);
    const values = Float64Array.from(train.values, (v, i) => (i % 7 === 3 || i % 11 === 5 ? Number.NaN : v));
    const model = new GradientBoostingModel({ nEstimators: 19, minDataInLeaf: 5 }).fit(new Dataset({ featureNames: train.featureNames, values, target: train.target }));
    const trees = model.toJSON().trees.map((tree, i) => treeFromJson(tree, 10, i));
    expect(trees.some((t) => t.defaultLeft.some((d, n) => d === 0 && t.feature[n] >= 0))).toBe(true);
    expect(trees.some((t) => t.defaultLeft.some((d, n) => d === 1 && t.feature[n] >= 0))).toBe(true);
    const columns = Int32Array.from({ length: 10 }, (_, i) => i);
    const compiled = compileForest(trees, columns, 10, true);
    const mirrored = new Float64Array(train.nRows * 20);
    mirrorRows(values, 10, 0, train.nRows, mirrored);
    const out = new Float64Array(train.nRows);
    predictCompiled(compiled!, mirrored, train.nRows, 20, out);
    for (let r = 0; r < train.nRows; r++) {
      const expected = trees.reduce((s, tree) => s + tree.value[leafOf(tree, values, r * 10, columns)], 0);
      expect(out[r]).toBeCloseTo(expected, 12);
    }
  });

  it('takes x <= t as −x > nextDown(−t) at every sign', () => {
    for (const t of [0, -0, 1.5, -1.5, 1e-300, -1e-300, 5e-324]) {
      const below = nextDown(-t);
      expect(below).toBeLessThan(-t);
      for (const x of [t, nextDown(t), -nextDown(-t)]) expect(-x > below).toBe(x <= t);
    }
  });

  it('measures tree depth and lays out trees whose sibling ids are not adjacent', () => {
    const tree = smallTree();
    expect(treeDepth(tree)).toBe(2);
    const swapped = { ...tree, left: Int32Array.from([2, -1, 3, -1, -1]), right: Int32Array.from([1, -1, 4, -1, -1]) };
    const rows = Float64Array.from([0.1, 0, 0.9, 1, 0.9, 3]);
    const out = new Float64Array(3);
    predictCompiled(compileForest([swapped], Int32Array.from([0, 1]), 2)!, rows, 3, 2, out);
    expect(Array.from(out)).toEqual([0, 1, 2].map((r) => swapped.value[leafOf(swapped, rows, r * 2, Int32Array.from([0, 1]))]));
  });
});
