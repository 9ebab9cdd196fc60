import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/random.js';
import { hungarian } from './hungarian.js';

function bruteForce(cost: Float64Array, n: number): number {
  let best = Infinity;
  const perm = (rest: number[], row: number, acc: number) => {
    if (row === n) {
      best = Math.min(best, acc);
      return;
    }
    rest.forEach((c, i) => perm([...rest.slice(0, i), ...rest.slice(i + 1)], row + 1, acc + cost[row * n + c]));
  };
  perm(Array.from({ length: n }, (_, i) => i), 0, 0);
  return best;
}

describe('hungarian', () => {
  it('solves a textbook 3 × 3 case', () => {
    const cost = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    expect(Array.from(hungarian(cost, 3, 3))).toEqual([1, 0, 2]);
  });

  it('matches brute force on random 6 × 6 matrices', () => {
    const rng = new Mulberry32(3);
    for (let t = 0; t < 20; t++) {
      const cost = Float64Array.from({ length: 36 }, () => Math.round(rng.next() * 100));
      const a = hungarian(cost, 6, 6);
      expect(new Set(a).size).toBe(6);
      expect(Array.from(a).reduce((s, c, r) => s + cost[r * 6 + c], 0)).toBe(bruteForce(cost, 6));
    }
  });
});
