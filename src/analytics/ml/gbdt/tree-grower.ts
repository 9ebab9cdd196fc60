import type { BinnedMatrix, FeatureBins } from './binning.js';
import type { GbdtParams } from './gbdt-params.js';
import { buildHistogram, subtractHistogram, type HistogramPool } from './histogram.js';
import { findBestSplit, type NodeStats, type Split } from './split-finder.js';
import { TreeRecorder, type TreeNodes } from './tree.js';

/** What growing one tree needs from the boosting round. */
export interface GrowContext {
  readonly matrix: BinnedMatrix;
  readonly featureBins: readonly FeatureBins[];
  /** Features sampled for this tree, ascending. */
  readonly features: Int32Array;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  /** Every hessian is 1 (see buildHistogram). */
  readonly unitHessian: boolean;
  readonly pool: HistogramPool;
  /** Work space of at least as many rows as the tree is grown on. */
  readonly scratch: Uint32Array;
  readonly params: GbdtParams;
  /** Unshrunk output of a leaf holding rows[start, end). */
  leafValue(rows: Uint32Array, start: number, end: number, stats: NodeStats): number;
}

/** A finished leaf: its node id and its rows, rows[start, end) of the grown ordering. */
export interface LeafSegment {
  readonly node: number;
  readonly start: number;
  readonly end: number;
}

interface Leaf extends LeafSegment {
  readonly depth: number;
  readonly stats: NodeStats;
  hist: Float64Array | null;
  split: Split | null;
}

/** Leaf budget per growth policy: depth-wise is leaf-wise without a leaf cap. */
const leafBudget: Readonly<Record<GbdtParams['growth'], (p: GbdtParams) => number>> = {
  leafwise: (p) => p.numLeaves,
  depthwise: (p) => 2 ** Math.min(p.maxDepth, 30),
};

/**
 * Grows one tree best-first on the rows[0, count) (which it reorders so that every leaf's rows are
 * contiguous). Only the smaller child of a split gets a histogram pass; the larger child's
 * histogram is the parent's minus the smaller one's.
 */
export function growTree(ctx: GrowContext, rows: Uint32Array, count: number): { tree: TreeNodes; leaves: LeafSegment[] } {
  const recorder = new TreeRecorder();
  const rootStats = sumStats(rows, count, ctx.grad, ctx.hess);
  const root: Leaf = { node: recorder.add(rootStats.h), start: 0, end: count, depth: 0, stats: rootStats, hist: null, split: null };
  if (canSplit(root, ctx.params)) {
    root.hist = histogramOf(ctx, root, rows);
    root.split = findBestSplit(root.hist, ctx.matrix, ctx.features, rootStats, ctx.params);
  }
  const open: Leaf[] = [root];
  const done: Leaf[] = [];
  const budget = leafBudget[ctx.params.growth](ctx.params);
  for (let leaves = 1; leaves < budget; leaves++) {
    const at = bestLeaf(open);
    if (at < 0) break;
    const parent = open[at];
    open.splice(at, 1);
    for (const child of splitLeaf(ctx, recorder, parent, rows)) (child.split ? open : done).push(child);
  }
  for (const leaf of [...open, ...done]) {
    ctx.pool.release(leaf.hist);
    const value = ctx.params.learningRate * ctx.leafValue(rows, leaf.start, leaf.end, leaf.stats);
    recorder.setLeafValue(leaf.node, value);
  }
  return { tree: recorder.finish(), leaves: [...open, ...done] };
}

function bestLeaf(open: readonly Leaf[]): number {
  let at = -1;
  for (let i = 0; i < open.length; i++) {
    const split = open[i].split;
    if (split && (at < 0 || split.gain > (open[at].split as Split).gain)) at = i;
  }
  return at;
}

/** Splits a leaf's rows and node, and prepares both children (histogram and best split). */
function splitLeaf(ctx: GrowContext, recorder: TreeRecorder, parent: Leaf, rows: Uint32Array): Leaf[] {
  const split = parent.split as Split;
  const threshold = ctx.featureBins[split.feature].upper[split.bin];
  const ids = recorder.split(parent.node, split.feature, threshold, split.defaultLeft, split.gain);
  const mid = partition(ctx.matrix, rows, ctx.scratch, parent.start, parent.end, split);
  const depth = parent.depth + 1;
  const left: Leaf = { node: ids.left, start: parent.start, end: mid, depth, stats: split.left, hist: null, split: null };
  const right: Leaf = { node: ids.right, start: mid, end: parent.end, depth, stats: split.right, hist: null, split: null };
  recorder.setCover(left.node, split.left.h);
  recorder.setCover(right.node, split.right.h);
  const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
  const splitSmall = canSplit(small, ctx.params);
  const splitLarge = canSplit(large, ctx.params);
  if (splitLarge) {
    small.hist = histogramOf(ctx, small, rows);
    large.hist = parent.hist as Float64Array;
    subtractHistogram(large.hist, small.hist, ctx.matrix, ctx.features);
    large.split = findBestSplit(large.hist, ctx.matrix, ctx.features, large.stats, ctx.params);
  } else {
    ctx.pool.release(parent.hist);
  }
  if (splitSmall) {
    small.hist ??= histogramOf(ctx, small, rows);
    small.split = findBestSplit(small.hist, ctx.matrix, ctx.features, small.stats, ctx.params);
  }
  parent.hist = null;
  for (const leaf of [small, large]) {
    if (!leaf.split) {
      ctx.pool.release(leaf.hist);
      leaf.hist = null;
    }
  }
  return [left, right];
}

function histogramOf(ctx: GrowContext, leaf: Leaf, rows: Uint32Array): Float64Array {
  const hist = ctx.pool.take();
  buildHistogram(hist, ctx.matrix, rows, leaf.start, leaf.end, ctx.grad, ctx.hess, ctx.features, ctx.unitHessian);
  return hist;
}

function canSplit(leaf: Leaf, p: GbdtParams): boolean {
  return leaf.depth < p.maxDepth && leaf.stats.count >= 2 * p.minDataInLeaf && leaf.stats.h >= 2 * p.minChildWeight;
}

/**
 * Reorders rows[start, end) so the split's left rows come first, keeping each side in ascending row
 * order (later histogram passes then read the bin matrix front to back); returns where the right
 * rows start. `scratch` holds the right rows meanwhile.
 */
function partition(matrix: BinnedMatrix, rows: Uint32Array, scratch: Uint32Array, start: number, end: number, split: Split): number {
  const { bins, nFeatures: p } = matrix;
  const f = split.feature;
  const missing = matrix.valueBins[f];
  const t = split.bin;
  const missingLeft = split.defaultLeft;
  let left = start;
  let right = 0;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const b = bins[r * p + f];
    if (b === missing ? missingLeft : b <= t) rows[left++] = r;
    else scratch[right++] = r;
  }
  rows.set(scratch.subarray(0, right), left);
  return left;
}

function sumStats(rows: Uint32Array, count: number, grad: Float64Array, hess: Float64Array): NodeStats {
  let g = 0;
  let h = 0;
  for (let i = 0; i < count; i++) {
    g += grad[rows[i]];
    h += hess[rows[i]];
  }
  return { g, h, count };
}
