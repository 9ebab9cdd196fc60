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

/**
 * k-means++ seeding: each new centre drawn with probability ∝ D², greedy among a few candidates.
 * A candidate at least twice a point's distance away from the point's nearest centre cannot come
 * nearer to it (triangle inequality), so that point's distance is not measured.
 */
export function kMeansPlusPlus(data: RowMatrix, k: number, rng: Mulberry32): Float64Array {
  const { values, rows, cols } = data;
  const centroids = new Float64Array(k * cols);
  const first = rng.int(rows);
  centroids.set(values.subarray(first * cols, first * cols + cols), 0);
  const closest = new Float64Array(rows);
  const closestRoot = new Float64Array(rows);
  const owner = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    closest[i] = squaredDistance(values, i, centroids, 0, cols);
    closestRoot[i] = Math.sqrt(closest[i]);
  }
  const trials = 2 + Math.floor(Math.log(k));
  const candidateD = new Float64Array(rows);
  const bestD = new Float64Array(rows);
  const reach = new Float64Array(k);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < rows; i++) total += closest[i];
    let bestPot = Infinity;
    let bestIndex = 0;
    for (let t = 0; t < trials; t++) {
      const candidate = drawProportional(closest, total, rng);
      // Half the candidate's distance to each centre: points nearer their centre than this keep it.
      for (let j = 0; j < c; j++) reach[j] = Math.sqrt(squaredDistance(values, candidate, centroids, j, cols)) / 2;
      let pot = 0;
      for (let i = 0; i < rows; i++) {
        const d = closestRoot[i] <= reach[owner[i]] ? closest[i] : Math.min(closest[i], squaredDistance(values, i, values, candidate, cols));
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
    for (let i = 0; i < rows; i++) {
      if (bestD[i] < closest[i]) {
        closest[i] = bestD[i];
        closestRoot[i] = Math.sqrt(bestD[i]);
        owner[i] = c;
      }
    }
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

/**
 * Lloyd's iterations with Hamerly's bounds (Hamerly 2010): each point keeps an upper bound on the
 * distance to its centroid and a lower bound on the distance to any other; after centroids move by
 * p, the bounds widen by p. A point whose upper bound is below both its lower bound and half the
 * distance from its centroid to the nearest other centroid cannot change cluster, so its k
 * distances are skipped. The assignments are Lloyd's (ties aside); most points are skipped once
 * the clusters settle.
 */
function lloyd(data: RowMatrix, centroids: Float64Array, k: number, maxIterations: number, tol: number): KMeansFit {
  const { rows, cols } = data;
  const labels = new Int32Array(rows);
  const distances = new Float64Array(rows);
  const sums = new Float64Array(k * cols);
  const sizes = new Int32Array(k);
  const bounds = initialBounds(data, centroids, k, labels);
  const previous = new Int32Array(rows).fill(-1);
  const old = new Float64Array(k * cols);
  const moves = new Float64Array(k);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (iterations > 0) reassign(data, centroids, k, labels, bounds);
    if (labels.every((l, i) => l === previous[i])) break; // converged: the update would not move any centroid
    previous.set(labels);
    old.set(centroids);
    const shift = update(data, centroids, k, labels, sums, sizes);
    if (shift === Infinity) {
      // A cluster was re-seeded: its new centre invalidates the lower bounds, so measure afresh.
      for (let i = 0; i < rows; i++) nearestTwo(data, i, centroids, k, labels, bounds);
    } else {
      for (let c = 0; c < k; c++) moves[c] = Math.sqrt(squaredDistance(centroids, c, old, c, cols));
      widenBounds(bounds, labels, moves);
    }
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

/** Per point: upper bound on the distance to its centroid, lower bound on the distance to any other. */
interface Bounds {
  readonly upper: Float64Array;
  readonly lower: Float64Array;
}

/** Exact nearest and second-nearest distances of every point (the first assignment). */
function initialBounds(data: RowMatrix, centroids: Float64Array, k: number, labels: Int32Array): Bounds {
  const bounds = { upper: new Float64Array(data.rows), lower: new Float64Array(data.rows) };
  for (let i = 0; i < data.rows; i++) nearestTwo(data, i, centroids, k, labels, bounds);
  return bounds;
}

function nearestTwo(data: RowMatrix, i: number, centroids: Float64Array, k: number, labels: Int32Array, { upper, lower }: Bounds): void {
  let best = 0;
  let bestD = Infinity;
  let secondD = Infinity;
  for (let c = 0; c < k; c++) {
    const d = squaredDistance(data.values, i, centroids, c, data.cols);
    if (d < bestD) {
      secondD = bestD;
      bestD = d;
      best = c;
    } else if (d < secondD) secondD = d;
  }
  labels[i] = best;
  upper[i] = Math.sqrt(bestD);
  lower[i] = Math.sqrt(secondD);
}

/** One Hamerly assignment pass: only points whose bounds overlap are measured against every centroid. */
function reassign(data: RowMatrix, centroids: Float64Array, k: number, labels: Int32Array, bounds: Bounds): void {
  const { values, rows, cols } = data;
  const halfGap = new Float64Array(k).fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const half = Math.sqrt(squaredDistance(centroids, a, centroids, b, cols)) / 2;
      if (half < halfGap[a]) halfGap[a] = half;
      if (half < halfGap[b]) halfGap[b] = half;
    }
  }
  const { upper, lower } = bounds;
  for (let i = 0; i < rows; i++) {
    const limit = Math.max(halfGap[labels[i]], lower[i]);
    if (upper[i] <= limit) continue;
    upper[i] = Math.sqrt(squaredDistance(values, i, centroids, labels[i], cols));
    if (upper[i] <= limit) continue;
    nearestTwo(data, i, centroids, k, labels, bounds);
  }
}

/** After centroids moved by `moves`: a point's centroid is at most its move farther, any other at most the largest other move nearer. */
function widenBounds({ upper, lower }: Bounds, labels: Int32Array, moves: Float64Array): void {
  let largest = 0;
  let second = 0;
  let largestAt = -1;
  for (let c = 0; c < moves.length; c++) {
    if (moves[c] > largest) {
      second = largest;
      largest = moves[c];
      largestAt = c;
    } else if (moves[c] > second) second = moves[c];
  }
  for (let i = 0; i < upper.length; i++) {
    upper[i] += moves[labels[i]];
    lower[i] -= labels[i] === largestAt ? second : largest;
  }
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
function update(data: RowMatrix, centroids: Float64Array, k: number, labels: Int32Array, sums: Float64Array, sizes: Int32Array): number {
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
      reseedEmpty(data, centroids, labels, c);
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

/** Re-seeds an empty cluster with the point farthest from its centroid (exact distances: this is rare). */
function reseedEmpty(data: RowMatrix, centroids: Float64Array, labels: Int32Array, c: number): void {
  const { values, rows, cols } = data;
  let far = 0;
  let farD = -1;
  for (let i = 0; i < rows; i++) {
    const d = squaredDistance(values, i, centroids, labels[i], cols);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  centroids.set(values.subarray(far * cols, far * cols + cols), c * cols);
  labels[far] = c;
}

function meanVariance(data: RowMatrix): number {
  return totalSumOfSquares(data) / (data.rows * data.cols);
}
