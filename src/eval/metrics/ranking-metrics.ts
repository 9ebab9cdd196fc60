import { ValidationError } from '../../core/errors.js';
import { bothClasses, byScoreDescending, finiteScores, sameLength, type Vector } from './metric-input.js';
import { averageRanks } from './ranks.js';

/**
 * Area under the ROC curve by the Mann–Whitney statistic with average ranks for tied scores:
 * (Σ ranks of positives − P(P+1)/2) / (P·N). Equals scikit-learn's roc_auc_score.
 */
export function rocAuc(labels: Vector, scores: Vector): number {
  sameLength('roc auc', labels, scores);
  finiteScores('roc auc', scores);
  const { positives, negatives } = bothClasses('roc auc', labels);
  const ranks = averageRanks(scores);
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) rankSum += ranks[i];
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Average precision: Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct score thresholds, highest first (tied
 * scores enter together). Equals scikit-learn's average_precision_score.
 */
export function averagePrecision(labels: Vector, scores: Vector): number {
  sameLength('average precision', labels, scores);
  finiteScores('average precision', scores);
  const { positives } = bothClasses('average precision', labels);
  let ap = 0;
  let previousRecall = 0;
  forEachThreshold(labels, scores, (tp, fp) => {
    const recall = tp / positives;
    ap += (recall - previousRecall) * (tp / (tp + fp));
    previousRecall = recall;
  });
  return ap;
}

/**
 * Kolmogorov–Smirnov statistic of the score distributions of positives and negatives: the largest
 * gap max |TPR − FPR| over thresholds (scipy.stats.ks_2samp's statistic).
 */
export function ksStatistic(labels: Vector, scores: Vector): number {
  sameLength('ks statistic', labels, scores);
  finiteScores('ks statistic', scores);
  const { positives, negatives } = bothClasses('ks statistic', labels);
  let best = 0;
  forEachThreshold(labels, scores, (tp, fp) => {
    best = Math.max(best, Math.abs(tp / positives - fp / negatives));
  });
  return best;
}

/**
 * Share of positives among the k highest scores (e.g. field inspections). Ties at the cut keep
 * their input order, so the result is deterministic.
 */
export function precisionAtK(labels: Vector, scores: Vector, k: number): number {
  const n = sameLength('precision at k', labels, scores);
  finiteScores('precision at k', scores);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new ValidationError(`precision at k needs 1 <= k <= ${n}, got ${k}`, { k });
  const order = byScoreDescending(scores);
  let hits = 0;
  for (let i = 0; i < k; i++) hits += labels[order[i]] === 1 ? 1 : 0;
  return hits / k;
}

/** Calls back with cumulative (true positives, false positives) at each distinct threshold, highest first. */
function forEachThreshold(labels: Vector, scores: Vector, visit: (tp: number, fp: number) => void): void {
  const order = byScoreDescending(scores);
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; i++) {
    if (labels[order[i]] === 1) tp++;
    else fp++;
    if (i + 1 === order.length || scores[order[i + 1]] !== scores[order[i]]) visit(tp, fp);
  }
}
