import { averagePrecision, rocAuc } from '../eval/metrics/index.js';

/** AUC and average precision of scores on held-out labels; null when a class is missing. Missing scores count as the mean score. */
export function heldOutMetrics(labels: ArrayLike<number>, scores: ArrayLike<number>): { auc: number; averagePrecision: number; positives: number; rows: number } | null {
  const y = Float64Array.from(labels);
  const finite = Array.from(scores).filter(Number.isFinite);
  const fill = finite.length ? finite.reduce((s, v) => s + v, 0) / finite.length : 0;
  const s = Float64Array.from(scores, (v) => (Number.isFinite(v) ? v : fill));
  const positives = y.reduce((a, v) => a + v, 0);
  if (positives === 0 || positives === y.length) return null;
  return { auc: rocAuc(y, s), averagePrecision: averagePrecision(y, s), positives, rows: y.length };
}
