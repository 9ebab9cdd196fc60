import { Mulberry32 } from '../ml/random.js';
import { squaredDistance, type RowMatrix } from './row-matrix.js';

/** Points scored by the silhouette when a sample is drawn (exact below this size). */
export const SILHOUETTE_SAMPLE = 1000;

/**
 * Mean silhouette (b − a) / max(a, b) of the points, Euclidean; a point alone in its cluster scores 0
 * (scikit-learn's silhouette_score). Exact for up to `sampleSize` points; otherwise over a seeded
 * random sample of that many points (distances within the sample), which is what scikit-learn's
 * `sample_size` does. O(s²·d).
 */
export function silhouette(data: RowMatrix, labels: Int32Array, k: number, sampleSize = SILHOUETTE_SAMPLE, seed = 42): number {
  const rows = data.rows <= sampleSize ? null : new Mulberry32(seed).sampleIndices(data.rows, sampleSize);
  const n = rows ? rows.length : data.rows;
  const at = (i: number) => (rows ? rows[i] : i);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[at(i)]]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const pi = at(i);
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[at(j)]] += Math.sqrt(squaredDistance(data.values, pi, data.values, at(j), data.cols));
    const own = labels[pi];
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
