import { z } from 'zod';
import { Mulberry32, parseWith, requireFitted, type Dataset, type ModelJson } from '../ml/index.js';
import { median } from './series-stats.js';

/** Hyper-parameters of {@link IsolationForest} (Liu, Ting and Zhou 2008). */
export const IsolationForestParams = z.object({
  /** Trees in the forest. */
  nTrees: z.number().int().min(1).max(10_000).default(200),
  /** Rows drawn without replacement to grow each tree (ψ; the paper's 256). */
  sampleSize: z.number().int().min(2).default(256),
  seed: z.number().int().default(42),
});
export type IsolationForestParams = z.output<typeof IsolationForestParams>;
export type IsolationForestParamsInput = z.input<typeof IsolationForestParams>;

/** Flat tree: internal nodes split `feature` at `threshold`; leaves (feature −1) hold their size. */
interface IsolationTree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly size: Int32Array;
}

interface Fitted {
  readonly featureNames: readonly string[];
  readonly trees: readonly IsolationTree[];
  /** Per-feature fill for missing values: the training median. */
  readonly fill: Float64Array;
  readonly sampleSize: number;
}

/** Average path length of an unsuccessful binary-search-tree search among n points, c(n). */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}

/**
 * Isolation forest: random axis-parallel splits isolate outliers in few steps. `predict` returns the
 * anomaly score s = 2^(−E[h(x)] / c(ψ)) in (0, 1]: near 1 for outliers, about 0.5 or less for the bulk.
 * Missing values are replaced by the training median of their feature.
 */
export class IsolationForest {
  readonly kind = 'isolation-forest';
  readonly params: IsolationForestParams;
  private fitted: Fitted | undefined;

  constructor(params: IsolationForestParamsInput = {}) {
    this.params = parseWith(IsolationForestParams, params, 'isolation forest parameter');
  }

  get featureNames(): readonly string[] {
    return this.fitted?.featureNames ?? [];
  }

  fit(train: Dataset): this {
    const fill = Float64Array.from(train.featureNames, (_, f) => median(train.column(f)));
    // Column positions looked up once, not once per row.
    const columns = train.columnsOf(train.featureNames);
    const rows = Array.from({ length: train.nRows }, (_, r) => row(train, r, fill, columns));
    const psi = Math.min(this.params.sampleSize, rows.length);
    const maxDepth = Math.ceil(Math.log2(Math.max(psi, 2)));
    const rng = new Mulberry32(this.params.seed);
    const trees = Array.from({ length: this.params.nTrees }, () => {
      const sample = Array.from(rng.sampleIndices(rows.length, psi), (i) => rows[i]);
      return growTree(sample, train.nFeatures, maxDepth, rng);
    });
    this.fitted = { featureNames: train.featureNames, trees, fill, sampleSize: psi };
    return this;
  }

  predict(data: Dataset): Float64Array {
    const { trees, fill, featureNames, sampleSize } = requireFitted(this.fitted, this.kind);
    const columns = data.columnsOf(featureNames);
    const c = averagePathLength(sampleSize);
    const p = columns.length;
    const rows = new Float64Array(data.nRows * p);
    for (let r = 0; r < data.nRows; r++) readRow(rows.subarray(r * p, r * p + p), data, r, fill, columns);
    // Tree by tree (one small tree stays in cache while every row goes down it), each row's path
    // lengths still summed in tree order; c(size) of every node once per tree instead of once per path.
    const total = new Float64Array(data.nRows);
    for (const tree of trees) {
      const leafPaths = Float64Array.from(tree.size, averagePathLength);
      for (let r = 0; r < data.nRows; r++) total[r] += pathLength(tree, leafPaths, rows, r * p);
    }
    return Float64Array.from(total, (sum) => 2 ** (-(sum / trees.length) / c));
  }

  toJSON(): ModelJson {
    const { featureNames, fill, sampleSize, trees } = requireFitted(this.fitted, this.kind);
    return {
      kind: this.kind, version: 1, params: { ...this.params }, featureNames: [...featureNames], fill: [...fill], sampleSize,
      trees: trees.map((t) => ({ feature: [...t.feature], threshold: [...t.threshold], left: [...t.left], right: [...t.right], size: [...t.size] })),
    };
  }
}

function row(data: Dataset, r: number, fill: Float64Array, columns: Int32Array): Float64Array {
  return readRow(new Float64Array(columns.length), data, r, fill, columns);
}

/** Row `r` of the named columns into `x`, missing values filled with the training medians. */
function readRow(x: Float64Array, data: Dataset, r: number, fill: Float64Array, columns: Int32Array): Float64Array {
  for (let i = 0; i < columns.length; i++) {
    const v = data.value(r, columns[i]);
    x[i] = Number.isNaN(v) ? fill[i] : v;
  }
  return x;
}

function growTree(sample: readonly Float64Array[], nFeatures: number, maxDepth: number, rng: Mulberry32): IsolationTree {
  const nodes = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], size: [] as number[] };
  const grow = (points: readonly Float64Array[], depth: number): number => {
    const id = nodes.feature.length;
    nodes.feature.push(-1); nodes.threshold.push(0); nodes.left.push(-1); nodes.right.push(-1); nodes.size.push(points.length);
    if (depth >= maxDepth || points.length <= 1) return id;
    const split = drawSplit(points, nFeatures, rng);
    if (!split) return id;
    nodes.feature[id] = split.feature;
    nodes.threshold[id] = split.threshold;
    nodes.left[id] = grow(points.filter((p) => p[split.feature] < split.threshold), depth + 1);
    nodes.right[id] = grow(points.filter((p) => p[split.feature] >= split.threshold), depth + 1);
    return id;
  };
  grow(sample, 0);
  return {
    feature: Int32Array.from(nodes.feature), threshold: Float64Array.from(nodes.threshold),
    left: Int32Array.from(nodes.left), right: Int32Array.from(nodes.right), size: Int32Array.from(nodes.size),
  };
}

/** A random feature that varies among the points and a uniform threshold inside its range. */
function drawSplit(points: readonly Float64Array[], nFeatures: number, rng: Mulberry32): { feature: number; threshold: number } | null {
  const start = rng.int(nFeatures);
  for (let k = 0; k < nFeatures; k++) {
    const feature = (start + k) % nFeatures;
    let low = Infinity;
    let high = -Infinity;
    for (const p of points) {
      low = Math.min(low, p[feature]);
      high = Math.max(high, p[feature]);
    }
    if (high > low) return { feature, threshold: low + (high - low) * rng.next() };
  }
  return null;
}

/** Depth at which the row at `rows[at..]` leaves the tree, plus c(size) of its leaf (`leafPaths`, by node). */
function pathLength(tree: IsolationTree, leafPaths: Float64Array, rows: Float64Array, at: number): number {
  let node = 0;
  let depth = 0;
  while (tree.feature[node] >= 0) {
    node = rows[at + tree.feature[node]] < tree.threshold[node] ? tree.left[node] : tree.right[node];
    depth++;
  }
  return depth + leafPaths[node];
}
