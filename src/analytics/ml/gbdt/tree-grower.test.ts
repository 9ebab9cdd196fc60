import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset.js';
import { binDataset, fitBins } from './binning.js';
import { GbdtParams } from './gbdt-params.js';
import { histogramSize, HistogramPool } from './histogram.js';
import { growTree, type GrowContext } from './tree-grower.js';

/** y = 10·[x0 > 0.5] + [x1 > 0.5] on a 8 × 8 grid; gradients of squared error from 0. */
function context(params: object) {
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) {
    rows.push([i / 8, j / 8]);
    y.push(10 * (i >= 4 ? 1 : 0) + (j >= 4 ? 1 : 0));
  }
  const data = Dataset.fromRows(rows, ['x0', 'x1'], { target: y });
  const featureBins = fitBins(data, 255, 200_000, 1);
  const matrix = binDataset(data, featureBins);
  const p = GbdtParams.parse({ learningRate: 1, lambda: 0, minDataInLeaf: 1, ...params });
  const ctx: GrowContext = {
    matrix, featureBins, params: p,
    features: Int32Array.from([0, 1]),
    grad: Float64Array.from(y, (v) => -v),
    hess: new Float64Array(64).fill(1),
    unitHessian: true,
    pool: new HistogramPool(histogramSize(matrix)),
    scratch: new Uint32Array(64),
    leafValue: (_rows, _start, _end, stats) => -stats.g / (stats.h + p.lambda),
  };
  return ctx;
}

describe('growTree', () => {
  it('splits the strongest feature first and recovers the four cell means', () => {
    const rows = Uint32Array.from({ length: 64 }, (_, i) => i);
    const { tree, leaves } = growTree(context({}), rows, 64);
    expect(tree.feature[0]).toBe(0);
    expect(tree.threshold[0]).toBeCloseTo(3.5 / 8, 12);
    expect(leaves.map((l) => tree.value[l.node] + 0).sort((a, b) => a - b)).toEqual([0, 1, 10, 11]);
    expect(leaves.reduce((n, l) => n + l.end - l.start, 0)).toBe(64);
  });

  it('stops at numLeaves (leaf-wise) and at maxDepth', () => {
    const rows = Uint32Array.from({ length: 64 }, (_, i) => i);
    expect(growTree(context({ numLeaves: 3 }), rows, 64).leaves.length).toBe(3);
    expect(growTree(context({ maxDepth: 1 }), rows, 64).leaves.length).toBe(2);
  });
});
