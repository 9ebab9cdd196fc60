import type { Dataset } from '../dataset.js';
import { compileForest, predictCompiled } from './forest-kernel.js';
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

/**
 * The fitted trees plus the base score, and raw-score prediction. Both paths walk row by row
 * through all trees so that one row's values stay in cache while the (small) forest is read;
 * complete data takes the branch-free kernel of forest-kernel.ts.
 */
export class TreeEnsemble {
  constructor(
    readonly trees: readonly TreeNodes[],
    readonly baseScore: number,
  ) {}

  /** Raw (margin) scores of every row; `columns[f]` is the dataset column of model feature f. */
  predictRaw(data: Dataset, columns: Int32Array): Float64Array {
    const compiled = data.hasMissing ? null : compileForest(this.trees, columns, data.nFeatures);
    if (!compiled) return this.predictWithMissing(data, columns);
    const out = new Float64Array(data.nRows).fill(this.baseScore);
    predictCompiled(compiled, data.values, data.nRows, data.nFeatures, out);
    return out;
  }

  /** The general walk: routes missing values by each node's default direction. */
  private predictWithMissing(data: Dataset, columns: Int32Array): Float64Array {
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
