import type { TreeNodes } from './tree.js';

/**
 * Branch-free batch prediction for data without missing values. Each node is one Int32 word
 * (first child id << shift | dataset column) and one threshold; the right child is always the left
 * child + 1 (see TreeRecorder), and a leaf points to itself with an infinite threshold, so every
 * row takes exactly `depth` steps per tree and `child + (x > threshold)` needs no branch. Eight
 * trees are walked at once for one row: eight independent load chains keep the CPU busy where one
 * chain would wait on memory latency.
 */
export interface CompiledForest {
  readonly meta: Int32Array;
  readonly threshold: Float64Array;
  readonly value: Float64Array;
  readonly roots: Int32Array;
  /** Depth of the deepest tree in each group of 8 (and of each remaining tree after the groups). */
  readonly depth: Int32Array;
  readonly shift: number;
  readonly mask: number;
}

const GROUP = 8;

/**
 * Packs the trees for a dataset's column layout, or returns null when node ids would not fit in
 * the word or a tree does not keep siblings adjacent.
 */
export function compileForest(trees: readonly TreeNodes[], columns: Int32Array, nColumns: number): CompiledForest | null {
  const shift = Math.max(1, Math.ceil(Math.log2(nColumns)));
  const total = trees.reduce((n, t) => n + t.feature.length, 0);
  if (total >= 2 ** (31 - shift) || !trees.every(siblingsAdjacent)) return null;
  const meta = new Int32Array(total);
  const threshold = new Float64Array(total);
  const value = new Float64Array(total);
  const roots = new Int32Array(trees.length);
  const depths = new Int32Array(trees.length);
  let offset = 0;
  trees.forEach((tree, t) => {
    roots[t] = offset;
    depths[t] = treeDepth(tree);
    for (let n = 0; n < tree.feature.length; n++) {
      const at = offset + n;
      const leaf = tree.feature[n] < 0;
      meta[at] = leaf ? at << shift : ((offset + tree.left[n]) << shift) | columns[tree.feature[n]];
      threshold[at] = leaf ? Infinity : tree.threshold[n];
      value[at] = tree.value[n];
    }
    offset += tree.feature.length;
  });
  return { meta, threshold, value, roots, depth: groupDepths(depths), shift, mask: (1 << shift) - 1 };
}

/** Sum of leaf values over all trees for each row (no base score). Rows must have no NaN. */
export function predictCompiled(forest: CompiledForest, values: Float64Array, nRows: number, nColumns: number, out: Float64Array): void {
  const { meta: m, threshold: t, value: v, roots, depth, shift: s, mask: k } = forest;
  const groups = Math.floor(roots.length / GROUP);
  for (let r = 0; r < nRows; r++) {
    const b = r * nColumns;
    let sum = 0;
    for (let g = 0; g < groups; g++) {
      const first = g * GROUP;
      let n0 = roots[first], n1 = roots[first + 1], n2 = roots[first + 2], n3 = roots[first + 3];
      let n4 = roots[first + 4], n5 = roots[first + 5], n6 = roots[first + 6], n7 = roots[first + 7];
      for (let d = depth[g]; d > 0; d--) {
        const m0 = m[n0], m1 = m[n1], m2 = m[n2], m3 = m[n3], m4 = m[n4], m5 = m[n5], m6 = m[n6], m7 = m[n7];
        n0 = (m0 >> s) + step(values[b + (m0 & k)], t[n0]);
        n1 = (m1 >> s) + step(values[b + (m1 & k)], t[n1]);
        n2 = (m2 >> s) + step(values[b + (m2 & k)], t[n2]);
        n3 = (m3 >> s) + step(values[b + (m3 & k)], t[n3]);
        n4 = (m4 >> s) + step(values[b + (m4 & k)], t[n4]);
        n5 = (m5 >> s) + step(values[b + (m5 & k)], t[n5]);
        n6 = (m6 >> s) + step(values[b + (m6 & k)], t[n6]);
        n7 = (m7 >> s) + step(values[b + (m7 & k)], t[n7]);
      }
      sum += v[n0] + v[n1] + v[n2] + v[n3] + v[n4] + v[n5] + v[n6] + v[n7];
    }
    for (let tree = groups * GROUP; tree < roots.length; tree++) {
      let n = roots[tree];
      for (let d = depth[groups + tree - groups * GROUP]; d > 0; d--) n = (m[n] >> s) + step(values[b + (m[n] & k)], t[n]);
      sum += v[n];
    }
    out[r] += sum;
  }
}

/** 1 when x goes right (x > threshold), else 0; compiles to a flag set, not a branch. */
function step(x: number, threshold: number): number {
  return ((x > threshold) as unknown as number) | 0;
}

function groupDepths(depths: Int32Array): Int32Array {
  const groups = Math.floor(depths.length / GROUP);
  const out = new Int32Array(groups + depths.length - groups * GROUP);
  for (let t = 0; t < depths.length; t++) {
    const g = t < groups * GROUP ? Math.floor(t / GROUP) : groups + t - groups * GROUP;
    out[g] = Math.max(out[g], depths[t]);
  }
  return out;
}

/** Longest root-to-leaf path (children have larger ids than parents). */
export function treeDepth(tree: TreeNodes): number {
  const depth = new Int32Array(tree.feature.length);
  let max = 0;
  for (let n = 0; n < tree.feature.length; n++) {
    if (tree.feature[n] < 0) continue;
    depth[tree.left[n]] = depth[tree.right[n]] = depth[n] + 1;
    max = Math.max(max, depth[n] + 1);
  }
  return max;
}

function siblingsAdjacent(tree: TreeNodes): boolean {
  for (let n = 0; n < tree.feature.length; n++) if (tree.feature[n] >= 0 && tree.right[n] !== tree.left[n] + 1) return false;
  return true;
}
