import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { Mulberry32 } from '../ml/random.js';
import { parseWith } from '../ml/model.js';
import { squaredDistance, totalSumOfSquares, type RowMatrix } from './row-matrix.js';

/** Hyper-parameters of {@link fitKMeans}. */
export const KMeansParams = z.object({
  k: z.number().int().min(1).max(1000),
  /** Independent k-means++ starts; the one with the lowest inertia is kept (scikit-learn n_init). */
  restarts: z.number().int().min(1).max(100).default(8),
  maxIterations: z.number().int().min(1).max(10_000).default(300),
  /**
   * Stop when no centroid moves more than this (squared Euclidean, relative to the mean per-column
   * variance of the data; scikit-learn's `tol`, same default).
   */
  tolerance: z.number().min(0).default(1e-4),
  seed: z.number().int().default(42),
});
export type KMeansParams = z.output<typeof KMeansParams>;
export type KMeansParamsInput = z.input<typeof KMeansParams>;

/** A fitted clustering: `k` centroids (row-major) and each point's cluster. */
export interface KMeansFit {
  readonly k: number;
  readonly cols: number;
  readonly centroids: Float64Array;
  readonly labels: Int32Array;
  /** Sum of squared distances of points to their centroid. */
  readonly inertia: number;
  readonly iterations: number;
  readonly sizes: Int32Array;
}

/**
 * Lloyd's k-means with k-means++ seeding (Arthur & Vassilvitskii 2007; 2 + ⌊ln k⌋ candidate draws per
 * centre, as scikit-learn), `restarts` seeded starts, best inertia kept. Empty clusters are re-seeded
 * with the point farthest from its centroid.
 */
export function fitKMeans(data: RowMatrix, input: KMeansParamsInput): KMeansFit {
  const params = parseWith(KMeansParams, input, 'k-means parameter');
  if (data.rows < params.k) throw new ValidationError(`k-means with k = ${params.k} needs at least ${params.k} points, got ${data.rows}`, { k: params.k, rows: data.rows });
  const rng = new Mulberry32(params.seed);
  const tol = params.tolerance * meanVariance(data);
  let best: KMeansFit | undefined;
  for (let r = 0; r < params.restarts; r++) {
    const fit = lloyd(data, kMeansPlusPlus(data, params.k, rng), params.k, params.maxIterations, tol);
    if (!best || fit.inertia < best.inertia) best = fit;
  }
  return best as KMeansFit;
}

/** k-means++ seeding: each new centre drawn with probability ∝ D², greedy among a few candidates. */
export function kMeansPlusPlus(data: RowMatrix, k: number, rng: Mulberry32): Float64Array {
  const { values, rows, cols } = data;
  const centroids = new Float64Array(k * cols);
  const first = rng.int(rows);
  centroids.set(values.subarray(first * cols, first * cols + cols), 0);
  const closest = new Float64Array(rows);
  for (let i = 0; i < rows; i++) closest[i] = squaredDistance(values, i, centroids, 0, cols);
  const trials = 2 + Math.floor(Math.log(k));
  const candidateD = new Float64Array(rows);
  const bestD = new Float64Array(rows);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < rows; i++) total += closest[i];
    let bestPot = Infinity;
    let bestIndex = 0;
    for (let t = 0; t < trials; t++) {
      const candidate = drawProportional(closest, total, rng);
      let pot = 0;
      for (let i = 0; i < rows; i++) {
        const d = Math.min(closest[i], squaredDistance(values, i, values, candidate, cols));
        candidateD[i] = d;
        pot += d;
      }
      if (pot < bestPot) {
        bestPot = pot;
        bestIndex = candidate;
        bestD.set(candidateD);
      }
    }
    centroids.set(values.subarray(bestIndex * cols, bestIndex * cols + cols), c * cols);
    closest.set(bestD);
  }
  return centroids;
}

function drawProportional(weights: Float64Array, total: number, rng: Mulberry32): number {
  if (!(total > 0)) return rng.int(weights.length);
  let target = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return weights.length - 1;
}

function lloyd(data: RowMatrix, centroids: Float64Array, k: number, maxIterations: number, tol: number): KMeansFit {
  const { rows, cols } = data;
  const labels = new Int32Array(rows);
  const distances = new Float64Array(rows);
  const sums = new Float64Array(k * cols);
  const sizes = new Int32Array(k);
  const previous = new Int32Array(rows).fill(-1);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    assign(data, centroids, k, labels, distances);
    if (labels.every((l, i) => l === previous[i])) break; // converged: the update would not move any centroid
    previous.set(labels);
    const shift = update(data, centroids, k, labels, distances, sums, sizes);
    if (shift <= tol) {
      iterations++;
      break;
    }
  }
  const inertia = assign(data, centroids, k, labels, distances);
  sizes.fill(0);
  for (let i = 0; i < rows; i++) sizes[labels[i]]++;
  return { k, cols, centroids, labels, inertia, iterations, sizes };
}

/** Assigns each point to its nearest centroid; returns the inertia. */
export function assign(data: RowMatrix, centroids: Float64Array, k: number, labels: Int32Array, distances: Float64Array): number {
  const { values, rows, cols } = data;
  let inertia = 0;
  for (let i = 0; i < rows; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const d = squaredDistance(values, i, centroids, c, cols);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    labels[i] = best;
    distances[i] = bestD;
    inertia += bestD;
  }
  return inertia;
}

/** Moves centroids to their members' means; returns the largest squared move. */
function update(data: RowMatrix, centroids: Float64Array, k: number, labels: Int32Array, distances: Float64Array, sums: Float64Array, sizes: Int32Array): number {
  const { values, rows, cols } = data;
  sums.fill(0);
  sizes.fill(0);
  for (let i = 0; i < rows; i++) {
    const o = labels[i] * cols;
    sizes[labels[i]]++;
    for (let j = 0; j < cols; j++) sums[o + j] += values[i * cols + j];
  }
  let shift = 0;
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) {
      reseedEmpty(values, cols, centroids, c, distances);
      shift = Infinity;
      continue;
    }
    let move = 0;
    for (let j = 0; j < cols; j++) {
      const next = sums[c * cols + j] / sizes[c];
      move += (next - centroids[c * cols + j]) ** 2;
      centroids[c * cols + j] = next;
    }
    shift = Math.max(shift, move);
  }
  return shift;
}

function reseedEmpty(values: Float64Array, cols: number, centroids: Float64Array, c: number, distances: Float64Array): void {
  let far = 0;
  for (let i = 1; i < distances.length; i++) if (distances[i] > distances[far]) far = i;
  centroids.set(values.subarray(far * cols, far * cols + cols), c * cols);
  distances[far] = 0;
}

function meanVariance(data: RowMatrix): number {
  return totalSumOfSquares(data) / (data.rows * data.cols);
}
