import { hungarian } from './hungarian.js';
import { squaredDistance } from './row-matrix.js';
import { dailyShape } from './typical-day-profiles.js';

/**
 * Canonical order of clusters: by the peak hour of the centroid's mean daily shape, then by the
 * centroid's mean value, then by its first coordinates, so the same clustering always gets the same
 * numbers whatever order k-means found them in. Returns cluster positions in that order.
 */
export function canonicalOrder(centroids: Float64Array, k: number, nBlocks: number): number[] {
  const cols = nBlocks * 24;
  const keys = Array.from({ length: k }, (_, c) => {
    const shape = dailyShape(centroids, c, nBlocks);
    let peak = 0;
    for (let h = 1; h < 24; h++) if (shape[h] > shape[peak]) peak = h;
    let mean = 0;
    for (let j = 0; j < cols; j++) mean += centroids[c * cols + j];
    return { c, peak, mean: mean / cols };
  });
  keys.sort((a, b) => a.peak - b.peak || a.mean - b.mean || centroids[a.c * cols] - centroids[b.c * cols]);
  return keys.map((x) => x.c);
}

/**
 * Segment numbers for new centroids. With previous centroids of the same layout, each new cluster
 * takes the number of the previous cluster it is matched to by minimum total distance (Hungarian
 * algorithm); clusters left over (k grew) take fresh numbers after the largest previous one, in
 * canonical order. Without a previous run, numbers are 1..k in canonical order.
 */
export function stableSegmentIds(
  centroids: Float64Array, k: number, nBlocks: number,
  previous?: { readonly centroids: Float64Array; readonly ids: readonly number[] },
): Int32Array {
  const ids = new Int32Array(k);
  const order = canonicalOrder(centroids, k, nBlocks);
  if (!previous || previous.ids.length === 0 || previous.centroids.length !== previous.ids.length * nBlocks * 24) {
    order.forEach((c, i) => (ids[c] = i + 1));
    return ids;
  }
  const cols = nBlocks * 24;
  const kPrev = previous.ids.length;
  const size = Math.max(k, kPrev);
  const cost = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) cost[i * size + j] = i < k && j < kPrev ? squaredDistance(centroids, i, previous.centroids, j, cols) : 0;
  }
  const match = hungarian(cost, size, size);
  let next = Math.max(...previous.ids) + 1;
  for (const c of order) ids[c] = match[c] < kPrev ? previous.ids[match[c]] : next++;
  return ids;
}
