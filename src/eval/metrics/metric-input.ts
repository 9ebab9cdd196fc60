import { ValidationError } from '../../core/errors.js';

/** A numeric vector: a plain array or a typed array. */
export type Vector = ArrayLike<number>;

/** Throws unless every vector has the same, non-zero length; returns that length. */
export function sameLength(metric: string, ...vectors: Vector[]): number {
  const n = vectors[0].length;
  if (n === 0) throw new ValidationError(`${metric} needs at least one value`, { metric });
  for (const v of vectors) {
    if (v.length !== n) throw new ValidationError(`${metric}: vectors have different lengths (${n} and ${v.length})`, { metric });
  }
  return n;
}

/** Throws unless every value is 0 or 1; returns the number of ones. */
export function binaryLabels(metric: string, labels: Vector): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new ValidationError(`${metric} needs 0/1 labels; value ${i} is ${y}`, { metric, index: i });
    positives += y;
  }
  return positives;
}

/** Throws unless both classes occur (ranking metrics are undefined otherwise). */
export function bothClasses(metric: string, labels: Vector): { positives: number; negatives: number } {
  const positives = binaryLabels(metric, labels);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new ValidationError(`${metric} needs both classes; got ${positives} positives and ${negatives} negatives`, { metric, positives, negatives });
  }
  return { positives, negatives };
}

/** Indices sorted by score, highest first; ties keep their input order. */
export function byScoreDescending(scores: Vector): Int32Array {
  return Int32Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
}

/** Throws unless every score is a finite number (NaN would make any ranking arbitrary). */
export function finiteScores(metric: string, scores: Vector): void {
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) throw new ValidationError(`${metric}: score ${i} is ${scores[i]}`, { metric, index: i });
  }
}
