import { ValidationError } from '../../core/errors.js';
import { binaryLabels, sameLength, type Vector } from './metric-input.js';

/**
 * Mean binary log loss with probabilities clipped to [ε, 1 − ε] (ε = 1e-15, scikit-learn 1.2's
 * log_loss default).
 */
export function logLoss(labels: Vector, probabilities: Vector, epsilon = 1e-15): number {
  const n = sameLength('log loss', labels, probabilities);
  binaryLabels('log loss', labels);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(checkProbability(probabilities[i], i), epsilon), 1 - epsilon);
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / n;
}

/** Brier score: mean squared difference between probability and 0/1 outcome. */
export function brierScore(labels: Vector, probabilities: Vector): number {
  const n = sameLength('brier score', labels, probabilities);
  binaryLabels('brier score', labels);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (checkProbability(probabilities[i], i) - labels[i]) ** 2;
  return sum / n;
}

/** Counts and rates of a binary decision "positive when score >= threshold". */
export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  /** tp / (tp + fp); 0 when nothing is flagged. */
  readonly precision: number;
  /** tp / (tp + fn), the true-positive rate; 0 without positives. */
  readonly recall: number;
  /** tn / (tn + fp); 0 without negatives. */
  readonly specificity: number;
  readonly accuracy: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  readonly f1: number;
}

export function confusionAtThreshold(labels: Vector, scores: Vector, threshold: number): Confusion {
  const n = sameLength('confusion', labels, scores);
  binaryLabels('confusion', labels);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    const flagged = scores[i] >= threshold;
    if (labels[i] === 1 && flagged) tp++;
    else if (labels[i] === 1) fn++;
    else if (flagged) fp++;
    else tn++;
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    tp, fp, tn, fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    specificity: ratio(tn, tn + fp),
    accuracy: (tp + tn) / n,
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

function checkProbability(p: number, i: number): number {
  if (!(p >= 0 && p <= 1)) throw new ValidationError(`probability ${i} is ${p}, outside [0, 1]`, { index: i });
  return p;
}
