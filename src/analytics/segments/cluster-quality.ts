import { Mulberry32 } from '../ml/random.js';
import { squaredDistance, type RowMatrix } from './row-matrix.js';

/** Points scored by the silhouette when a sample is drawn (exact below this size). */
export const SILHOUETTE_SAMPLE = 1000;

/**
 * Pairwise Euclidean distances among the points the silhouette scores: all of them up to
 * `sampleSize`, otherwise a seeded random sample of that many. Computed once, it scores every
 * candidate k of the same data ({@link silhouetteOf}). O(s²·d) time, s² doubles.
 */
export interface SilhouettePoints {
  /** Row positions of the scored points in the data. */
  readonly rows: Int32Array;
  /** `rows.length²` distances, row-major. */
  readonly distances: Float64Array;
}

export function silhouettePoints(data: RowMatrix, sampleSize = SILHOUETTE_SAMPLE, seed = 42): SilhouettePoints {
  const rows = data.rows <= sampleSize ? Int32Array.from({ length: data.rows }, (_, i) => i) : new Mulberry32(seed).sampleIndices(data.rows, sampleSize);
  const n = rows.length;
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.sqrt(squaredDistance(data.values, rows[i], data.values, rows[j], data.cols));
      distances[i * n + j] = d;
      distances[j * n + i] = d;
    }
  }
  return { rows, distances };
}

/** Mean silhouette of the points of {@link silhouettePoints} under `labels` (labels of all data rows). */
export function silhouetteOf(points: SilhouettePoints, labels: Int32Array, k: number): number {
  const { rows, distances } = points;
  const n = rows.length;
  const lab = Int32Array.from(rows, (r) => labels[r]);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[lab[i]]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const o = i * n;
    for (let j = 0; j < n; j++) sums[lab[j]] += distances[o + j]; // the diagonal is 0
    const own = lab[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

/**
 * Mean silhouette (b − a) / max(a, b) of the points, Euclidean; a point alone in its cluster scores 0
 * (scikit-learn's silhouette_score). Exact for up to `sampleSize` points; otherwise over a seeded
 * random sample of that many points (distances within the sample), which is what scikit-learn's
 * `sample_size` does. O(s²·d).
 */
export function silhouette(data: RowMatrix, labels: Int32Array, k: number, sampleSize = SILHOUETTE_SAMPLE, seed = 42): number {
  return silhouetteOf(silhouettePoints(data, sampleSize, seed), labels, k);
}

/**
 * Davies–Bouldin index: the mean over clusters of max over j of (Sᵢ + Sⱼ) / ‖cᵢ − cⱼ‖, Sᵢ the mean
 * distance of cluster i's points to its centroid. Lower is better. O(n·d + k²·d).
 */
export function daviesBouldin(data: RowMatrix, labels: Int32Array, centroids: Float64Array, k: number): number {
  const spread = new Float64Array(k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < data.rows; i++) {
    spread[labels[i]] += Math.sqrt(squaredDistance(data.values, i, centroids, labels[i], data.cols));
    sizes[labels[i]]++;
  }
  let sum = 0;
  let used = 0;
  for (let i = 0; i < k; i++) {
    if (sizes[i] === 0) continue;
    used++;
    let worst = 0;
    for (let j = 0; j < k; j++) {
      if (j === i || sizes[j] === 0) continue;
      const d = Math.sqrt(squaredDistance(centroids, i, centroids, j, data.cols));
      if (d > 0) worst = Math.max(worst, (spread[i] / sizes[i] + spread[j] / sizes[j]) / d);
    }
    sum += worst;
  }
  return used === 0 ? 0 : sum / used;
}

/**
 * Calinski–Harabasz variance ratio (Caliński & Harabasz 1974; scikit-learn's
 * `calinski_harabasz_score`): between-cluster over within-cluster dispersion, each per degree of
 * freedom, ((T − W) / (k − 1)) / (W / (n − k)), with T the total sum of squares of the n points and W
 * the within-cluster sum of squares (the k-means inertia). Higher is better; a clustering with no
 * spread inside its clusters scores +∞. For a fixed k it falls as W rises, so it ranks fits exactly as
 * k-means does: it depends on how good a fit is, not on which of several equally good partitions a
 * seed happened to find.
 */
export function calinskiHarabasz(totalSumOfSquares: number, inertia: number, rows: number, k: number): number {
  if (k < 2 || rows <= k) return Number.NaN;
  if (!(inertia > 0)) return Number.POSITIVE_INFINITY;
  return ((totalSumOfSquares - inertia) / (k - 1)) / (inertia / (rows - k));
}
