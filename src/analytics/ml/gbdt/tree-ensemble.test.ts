import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset.js';
import { TreeEnsemble } from './tree-ensemble.js';
import { smallTree } from './tree.testkit.js';

describe('TreeEnsemble', () => {
  it('predicts complete data with the compiled kernel and missing values by default direction, alike', () => {
    const ensemble = new TreeEnsemble([smallTree()], 0.25);
    const complete = Dataset.fromRows([[0.1, 0], [0.9, 1], [0.9, 3]], ['a', 'b']);
    const withHoles = Dataset.fromRows([[0.1, 0], [0.9, 1], [0.9, 3], [NaN, 3], [0.9, NaN]], ['a', 'b']);
    const columns = Int32Array.from([0, 1]);
    expect(Array.from(ensemble.predictRaw(complete, columns))).toEqual([-0.75, 3.25, 5.25]);
    expect(Array.from(ensemble.predictRaw(withHoles, columns))).toEqual([-0.75, 3.25, 5.25, -0.75, 5.25]);
  });

  it('adds one tree to running scores', () => {
    const data = Dataset.fromRows([[0.9, 3], [NaN, 0]], ['a', 'b']);
    const raw = Float64Array.from([1, 1]);
    TreeEnsemble.addTree(raw, smallTree(), data, Int32Array.from([0, 1]));
    expect(Array.from(raw)).toEqual([6, 0]);
  });
});
