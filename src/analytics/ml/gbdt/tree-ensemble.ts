import type { Dataset } from '../dataset.js';
import { compileForest, mirrorRows, predictCompiled, type CompiledForest } from './forest-kernel.js';
import { leafOf, type TreeNodes } from './tree.js';

/** All trees' nodes in one set of arrays, features already mapped to a dataset's columns. */
interface FlatForest {
  readonly column: Int32Array;
  readonly threshold: Float64Array;
  readonly defaultLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
  readonly roots: Int32Array;
}

/** Rows mirrored ([x, −x]) at a time for the kernel when data has missing values. */
const MIRROR_BLOCK = 1024;

/**
 * The fitted trees plus the base score, and raw-score prediction. Both paths walk row by row
 * through all trees so that one row's values stay in cache while the (small) forest is read;
 * the branch-free kernel of forest-kernel.ts takes every forest whose node ids fit its word
 * (data with missing values in blocks of mirrored rows).
 */
export class TreeEnsemble {
  constructor(
    readonly trees: readonly TreeNodes[],
    readonly baseScore: number,
  ) {}

  /** Raw (margin) scores of every row; `columns[f]` is the dataset column of model feature f. */
  predictRaw(data: Dataset, columns: Int32Array): Float64Array {
    const compiled = compileForest(this.trees, columns, data.nFeatures, data.hasMissing);
    if (!compiled) return this.predictWalk(data, columns);
    const out = new Float64Array(data.nRows).fill(this.baseScore);
    if (data.hasMissing) predictMirrored(compiled, data, out);
    else predictCompiled(compiled, data.values, data.nRows, data.nFeatures, out);
    return out;
  }

  /** The general walk (routes missing values by each node's default direction), for forests too big for the kernel's word. */
  private predictWalk(data: Dataset, columns: Int32Array): Float64Array {
    const forest = flatten(this.trees, columns);
    const { column, threshold, defaultLeft, left, right, value, roots } = forest;
    const values = data.values;
    const p = data.nFeatures;
    const nTrees = roots.length;
    const out = new Float64Array(data.nRows);
    for (let r = 0; r < data.nRows; r++) {
      const base = r * p;
      let sum = this.baseScore;
      for (let t = 0; t < nTrees; t++) {
        let node = roots[t];
        let c = column[node];
        while (c >= 0) {
          const x = values[base + c];
          node = x <= threshold[node] || (x !== x && defaultLeft[node] === 1) ? left[node] : right[node];
          c = column[node];
        }
        sum += value[node];
      }
      out[r] = sum;
    }
    return out;
  }

  /** Adds one tree's output to running raw scores (training and validation updates). */
  static addTree(raw: Float64Array, tree: TreeNodes, data: Dataset, columns: Int32Array): void {
    const p = data.nFeatures;
    for (let r = 0; r < data.nRows; r++) raw[r] += tree.value[leafOf(tree, data.values, r * p, columns)];
  }
}

/** The kernel over data with missing values: a small buffer of mirrored rows at a time, not a mirrored copy of the whole dataset. */
function predictMirrored(compiled: CompiledForest, data: Dataset, out: Float64Array): void {
  const p = data.nFeatures;
  const block = new Float64Array(MIRROR_BLOCK * 2 * p);
  for (let from = 0; from < data.nRows; from += MIRROR_BLOCK) {
    const count = Math.min(MIRROR_BLOCK, data.nRows - from);
    mirrorRows(data.values, p, from, count, block);
    predictCompiled(compiled, block, count, 2 * p, out.subarray(from, from + count));
  }
}

function flatten(trees: readonly TreeNodes[], columns: Int32Array): FlatForest {
  const total = trees.reduce((n, t) => n + t.feature.length, 0);
  const forest: FlatForest = {
    column: new Int32Array(total),
    threshold: new Float64Array(total),
    defaultLeft: new Uint8Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    roots: new Int32Array(trees.length),
  };
  let offset = 0;
  trees.forEach((tree, t) => {
    forest.roots[t] = offset;
    for (let n = 0; n < tree.feature.length; n++) {
      const at = offset + n;
      const leaf = tree.feature[n] < 0;
      forest.column[at] = leaf ? -1 : columns[tree.feature[n]];
      forest.threshold[at] = tree.threshold[n];
      forest.defaultLeft[at] = tree.defaultLeft[n];
      forest.left[at] = leaf ? -1 : offset + tree.left[n];
      forest.right[at] = leaf ? -1 : offset + tree.right[n];
      forest.value[at] = tree.value[n];
    }
    offset += tree.feature.length;
  });
  return forest;
}
