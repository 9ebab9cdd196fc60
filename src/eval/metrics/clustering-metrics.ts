import { ValidationError } from '../../core/errors.js';
import { Mulberry32 } from '../../analytics/ml/random.js';
import type { Labels } from './multiclass-metrics.js';

/** Points as rows of coordinates (all of the same dimension). */
export type Points = readonly ArrayLike<number>[];

/**
 * Adjusted Rand index of two partitions of the same items, from the pair confusion matrix as in
 * scikit-learn's adjusted_rand_score: 1 for identical partitions, about 0 for random ones.
 */
export function adjustedRandIndex(a: Labels, b: Labels): number {
  const n = a.length;
  if (n === 0 || n !== b.length) throw new ValidationError(`adjusted Rand index needs two labelings of equal length (${n}, ${b.length})`);
  const cells = new Map<string, number>();
  const rows = new Map<number | string, number>();
  const cols = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    const key = JSON.stringify([a[i], b[i]]);
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  const sumSquares = (m: Map<unknown, number>) => [...m.values()].reduce((s, c) => s + c * c, 0);
  const cellSquares = sumSquares(cells);
  const tp = cellSquares - n;
  const fp = sumSquares(cols) - cellSquares;
  const fn = sumSquares(rows) - cellSquares;
  const tn = n * n - fp - fn - cellSquares;
  if (fp === 0 && fn === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

export interface SilhouetteOptions {
  /** Score a random sample of this many points (O(n²) otherwise); all points when omitted. */
  readonly sampleSize?: number;
  readonly seed?: number;
}

/**
 * Mean silhouette (b − a) / max(a, b) with Euclidean distances, a the mean distance to the own
 * cluster and b to the nearest other cluster; points alone in their cluster score 0 (scikit-learn's
 * silhouette_score). With `sampleSize`, it is the silhouette of a seeded random subset.
 */
export function silhouetteScore(points: Points, labels: Labels, options: SilhouetteOptions = {}): number {
  checkClustering('silhouette', points, labels);
  const sample = options.sampleSize === undefined ? null : new Mulberry32(options.seed ?? 42).sampleIndices(points.length, options.sampleSize);
  const pts = sample ? Array.from(sample, (i) => points[i]) : points;
  const lab = sample ? Array.from(sample, (i) => labels[i]) : Array.from(labels);
  const { ids, k } = clusterIds(lab);
  if (k < 2 || k > pts.length - 1) throw new ValidationError(`silhouette needs 2 to n − 1 clusters, got ${k} for ${pts.length} points`);
  const sizes = new Float64Array(k);
  for (const c of ids) sizes[c]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < pts.length; i++) {
    sums.fill(0);
    for (let j = 0; j < pts.length; j++) if (j !== i) sums[ids[j]] += distance(pts[i], pts[j]);
    const own = ids[i];
    if (sizes[own] === 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    total += (b - a) / Math.max(a, b);
  }
  return total / pts.length;
}

/**
 * Davies–Bouldin index: the mean over clusters of the worst (Sᵢ + Sⱼ) / d(cᵢ, cⱼ), Sᵢ the mean
 * distance of a cluster's points to its centroid. Lower is better; 0 in degenerate cases, as
 * scikit-learn's davies_bouldin_score.
 */
export function daviesBouldinIndex(points: Points, labels: Labels): number {
  checkClustering('Davies–Bouldin', points, labels);
  const { ids, k } = clusterIds(Array.from(labels));
  if (k < 2 || k > points.length - 1) throw new ValidationError(`Davies–Bouldin needs 2 to n − 1 clusters, got ${k}`);
  const centroids = centroidsOf(points, ids, k);
  const spread = new Float64Array(k);
  const sizes = new Float64Array(k);
  points.forEach((p, i) => {
    spread[ids[i]] += distance(p, centroids[ids[i]]);
    sizes[ids[i]]++;
  });
  for (let c = 0; c < k; c++) spread[c] /= sizes[c];
  if (spread.every((s) => Math.abs(s) <= 1e-8)) return 0;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    let worst = 0;
    for (let j = 0; j < k; j++) {
      const d = distance(centroids[i], centroids[j]);
      if (i !== j && d > 0) worst = Math.max(worst, (spread[i] + spread[j]) / d);
    }
    sum += worst;
  }
  return sum / k;
}

function checkClustering(metric: string, points: Points, labels: Labels): void {
  if (points.length === 0 || points.length !== labels.length) {
    throw new ValidationError(`${metric} needs one label per point (${points.length} points, ${labels.length} labels)`);
  }
  const d = points[0].length;
  points.forEach((p, i) => {
    if (p.length !== d) throw new ValidationError(`${metric}: point ${i} has ${p.length} coordinates, expected ${d}`, { index: i });
  });
}

/** Dense cluster ids 0..k−1 in order of first appearance. */
function clusterIds(labels: readonly (number | string)[]): { ids: Int32Array; k: number } {
  const index = new Map<number | string, number>();
  const ids = Int32Array.from(labels, (l) => {
    if (!index.has(l)) index.set(l, index.size);
    return index.get(l) as number;
  });
  return { ids, k: index.size };
}

function centroidsOf(points: Points, ids: Int32Array, k: number): Float64Array[] {
  const d = points[0].length;
  const centroids = Array.from({ length: k }, () => new Float64Array(d));
  const sizes = new Float64Array(k);
  points.forEach((p, i) => {
    sizes[ids[i]]++;
    for (let j = 0; j < d; j++) centroids[ids[i]][j] += p[j];
  });
  centroids.forEach((c, i) => c.forEach((v, j) => (c[j] = v / sizes[i])));
  return centroids;
}

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return Math.sqrt(s);
}
