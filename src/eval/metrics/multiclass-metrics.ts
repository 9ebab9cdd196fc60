import { ValidationError } from '../../core/errors.js';

/** Class labels: numbers or strings, compared with ===. */
export type Labels = ArrayLike<number | string>;

function sameLength(metric: string, a: Labels, b: Labels): number {
  if (a.length === 0 || a.length !== b.length) {
    throw new ValidationError(`${metric} needs two non-empty label vectors of equal length (${a.length}, ${b.length})`, { metric });
  }
  return a.length;
}

/** Share of predictions equal to the actual class. */
export function accuracy(actual: Labels, predicted: Labels): number {
  const n = sameLength('accuracy', actual, predicted);
  let hits = 0;
  for (let i = 0; i < n; i++) if (actual[i] === predicted[i]) hits++;
  return hits / n;
}

/**
 * Unweighted mean over classes of F1 = 2TP / (2TP + FP + FN), the classes being every label seen
 * in actual or predicted (scikit-learn's f1_score(average='macro')).
 */
export function macroF1(actual: Labels, predicted: Labels): number {
  const n = sameLength('macro F1', actual, predicted);
  const counts = new Map<number | string, { tp: number; fp: number; fn: number }>();
  const of = (label: number | string) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (let i = 0; i < n; i++) {
    if (actual[i] === predicted[i]) {
      of(actual[i]).tp++;
    } else {
      of(actual[i]).fn++;
      of(predicted[i]).fp++;
    }
  }
  let sum = 0;
  for (const { tp, fp, fn } of counts.values()) sum += (2 * tp) / (2 * tp + fp + fn);
  return sum / counts.size;
}
