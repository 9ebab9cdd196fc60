import { ValidationError } from '../../core/errors.js';
import { binaryLabels, byScoreDescending, finiteScores, sameLength, type Vector } from '../metrics/index.js';

/**
 * AP@N: (1/r) Σᵢ P@kᵢ over the r relevant items found in the top N, kᵢ the position of the i-th of
 * them and P@k the share of relevant items in the first k; 0 when the top N holds none. Ties keep
 * their input order.
 */
export function averagePrecisionAtN(relevant: Vector, scores: Vector, n: number): number {
  const total = sameLength('AP@N', relevant, scores);
  finiteScores('AP@N', scores);
  binaryLabels('AP@N', relevant);
  if (!Number.isInteger(n) || n < 1) throw new ValidationError(`AP@N needs a positive integer N, got ${n}`, { n });
  const order = byScoreDescending(scores);
  let hits = 0;
  let sum = 0;
  for (let k = 0; k < Math.min(n, total); k++) {
    if (relevant[order[k]] !== 1) continue;
    hits++;
    sum += hits / (k + 1);
  }
  return hits > 0 ? sum / hits : 0;
}

/**
 * MAP@N as DOMAIN.md section 7 defines it after Zheng et al. (2018, IEEE TII): the mean of two
 * AP@N — electricity thieves ranked by theft score, and normal users ranked by normal score
 * (the negated theft score).
 */
export function mapAtN(labels: Vector, scores: Vector, n: number): number {
  const normal = Array.from(labels, (y) => 1 - y);
  const normalScore = Array.from(scores, (s) => -s);
  return (averagePrecisionAtN(labels, scores, n) + averagePrecisionAtN(normal, normalScore, n)) / 2;
}
