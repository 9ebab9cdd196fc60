import type { TreeNodes } from './tree.js';

/**
 * Branch-free batch prediction. Each node is one Int32 word (first child id << shift | column)
 * and one threshold; a node's two children are stored side by side, and a leaf points to itself
 * with an infinite threshold, so every row takes exactly `depth` steps per tree and
 * `first child + (x > threshold)` needs no branch. Eight trees are walked at once for one row:
 * eight independent load chains keep the CPU busy where one chain would wait on memory latency.
 *
 * Missing values: NaN > threshold is false, so a NaN always takes the first child. A forest
 * compiled for data with NaN therefore stores each node's default child first. Where the default
 * is the right child, the node reads the mirrored column −x (see {@link mirrorRows}) against
 * nextDown(−threshold): −x > nextDown(−t) exactly when x <= t, which sends the row to the second
 * child, the left one.
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
 * the word. With `mirrored`, columns nColumns … 2·nColumns − 1 are the negated columns (rows
 * built by {@link mirrorRows}) and NaN takes every node's default side.
 */
export function compileForest(trees: readonly TreeNodes[], columns: Int32Array, nColumns: number, mirrored = false): CompiledForest | null {
  const width = mirrored ? 2 * nColumns : nColumns;
  const shift = Math.max(1, Math.ceil(Math.log2(width)));
  const total = trees.reduce((n, t) => n + t.feature.length, 0);
  if (total >= 2 ** (31 - shift)) return null;
  const meta = new Int32Array(total);
  const threshold = new Float64Array(total);
  const value = new Float64Array(total);
  const roots = new Int32Array(trees.length);
  const depths = new Int32Array(trees.length);
  let offset = 0;
  trees.forEach((tree, t) => {
    roots[t] = offset;
    depths[t] = treeDepth(tree);
    const { order, slot } = siblingLayout(tree, mirrored);
    for (let i = 0; i < order.length; i++) {
      const n = order[i];
      const at = offset + i;
      value[at] = tree.value[n];
      if (tree.feature[n] < 0) {
        meta[at] = at << shift;
        threshold[at] = Infinity;
      } else if (mirrored && tree.defaultLeft[n] === 0) {
        meta[at] = ((offset + slot[tree.right[n]]) << shift) | (nColumns + columns[tree.feature[n]]);
        threshold[at] = nextDown(-tree.threshold[n]);
      } else {
        meta[at] = ((offset + slot[tree.left[n]]) << shift) | columns[tree.feature[n]];
        threshold[at] = tree.threshold[n];
      }
    }
    offset += tree.feature.length;
  });
  return { meta, threshold, value, roots, depth: groupDepths(depths), shift, mask: (1 << shift) - 1 };
}

/**
 * Node order of a compiled tree (breadth first, root at 0, each node's two children side by side,
 * the first child the one NaN takes when `mirrored`, else the left one) and each node's position in it.
 */
function siblingLayout(tree: TreeNodes, mirrored: boolean): { order: Int32Array; slot: Int32Array } {
  const order = new Int32Array(tree.feature.length);
  const slot = new Int32Array(tree.feature.length);
  let next = 1;
  for (let i = 0; i < next; i++) {
    const n = order[i];
    if (tree.feature[n] < 0) continue;
    const rightFirst = mirrored && tree.defaultLeft[n] === 0;
    for (const child of rightFirst ? [tree.right[n], tree.left[n]] : [tree.left[n], tree.right[n]]) {
      slot[child] = next;
      order[next++] = child;
    }
  }
  return { order, slot };
}

/** The largest double below y (so that −x > nextDown(−t) exactly when −x >= −t). */
export function nextDown(y: number): number {
  if (y === 0) return -Number.MIN_VALUE;
  const bits = new BigInt64Array(Float64Array.of(y).buffer);
  bits[0] += y > 0 ? -1n : 1n;
  return new Float64Array(bits.buffer)[0];
}

/**
 * Copies rows [from, from + count) into `out` as [x, −x] rows of 2·nColumns values: the layout a
 * forest compiled with `mirrored` reads (NaN stays NaN in both halves).
 */
export function mirrorRows(values: Float64Array, nColumns: number, from: number, count: number, out: Float64Array): void {
  for (let r = 0; r < count; r++) {
    const src = (from + r) * nColumns;
    const dst = r * 2 * nColumns;
    for (let f = 0; f < nColumns; f++) {
      const x = values[src + f];
      out[dst + f] = x;
      out[dst + nColumns + f] = -x;
    }
  }
}

/** Sum of leaf values over all trees for each row (no base score); NaN takes the first child (see above). */
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
