import { ValidationError } from '../../core/errors.js';
import { daviesBouldin, silhouetteOf, silhouettePoints, SILHOUETTE_SAMPLE } from './cluster-quality.js';
import { fitKMeans, type KMeansFit } from './k-means.js';
import type { RowMatrix } from './row-matrix.js';

/** One candidate number of clusters with both quality measures. */
export interface KCandidate {
  readonly k: number;
  readonly inertia: number;
  /** Mean silhouette (higher is better); sampled above {@link SILHOUETTE_SAMPLE} points. */
  readonly silhouette: number;
  /** Davies–Bouldin index (lower is better). */
  readonly daviesBouldin: number;
}

export interface ChooseKOptions {
  readonly kMin: number;
  readonly kMax: number;
  readonly restarts?: number;
  readonly seed?: number;
  readonly silhouetteSample?: number;
}

export interface ChosenK {
  readonly fit: KMeansFit;
  readonly candidates: readonly KCandidate[];
  /** How k was chosen, in plain words. */
  readonly rule: string;
}

export const CHOOSE_K_RULE =
  'k with the best sum of ranks of silhouette (high) and Davies–Bouldin (low); ties go to the higher silhouette';

/** Fits k-means for every k in [kMin, kMax] and keeps the k both measures agree on best (rank sum). */
export function chooseK(data: RowMatrix, options: ChooseKOptions): ChosenK {
  const kMax = Math.min(options.kMax, data.rows - 1);
  if (options.kMin < 2 || kMax < options.kMin) {
    throw new ValidationError(`choosing k needs 2 <= kMin <= kMax < points (kMin ${options.kMin}, kMax ${options.kMax}, ${data.rows} points)`, { ...options, rows: data.rows });
  }
  const fits: KMeansFit[] = [];
  const candidates: KCandidate[] = [];
  const scored = silhouettePoints(data, options.silhouetteSample ?? SILHOUETTE_SAMPLE, options.seed); // shared by every k
  for (let k = options.kMin; k <= kMax; k++) {
    const fit = fitKMeans(data, { k, restarts: options.restarts, seed: options.seed });
    fits.push(fit);
    candidates.push({
      k, inertia: fit.inertia,
      silhouette: silhouetteOf(scored, fit.labels, k),
      daviesBouldin: daviesBouldin(data, fit.labels, fit.centroids, k),
    });
  }
  return { fit: fits[bestByRankSum(candidates)], candidates, rule: CHOOSE_K_RULE };
}

/** Position of the candidate with the lowest rank sum (silhouette descending + Davies–Bouldin ascending). */
export function bestByRankSum(candidates: readonly KCandidate[]): number {
  const rankOf = (values: number[]) => {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    const ranks = new Array<number>(values.length);
    order.forEach(([, i], r) => (ranks[i] = r));
    return ranks;
  };
  const s = rankOf(candidates.map((c) => -c.silhouette));
  const d = rankOf(candidates.map((c) => c.daviesBouldin));
  let best = 0;
  for (let i = 1; i < candidates.length; i++) {
    const score = s[i] + d[i];
    const bestScore = s[best] + d[best];
    if (score < bestScore || (score === bestScore && candidates[i].silhouette > candidates[best].silhouette)) best = i;
  }
  return best;
}
