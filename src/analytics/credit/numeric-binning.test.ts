import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/random.js';
import { BinningParams } from './binning-params.js';
import { numericBinIndex, numericBinLabels, numericCuts } from './numeric-binning.js';
import { binStatistics } from './woe.js';

/** Bad probability rising with x in [0, 100), with Bernoulli noise. */
function noisyRising(n: number, seed: number) {
  const rng = new Mulberry32(seed);
  const values = Float64Array.from({ length: n }, () => Math.floor(100 * rng.next()));
  const target = Uint8Array.from(values, (x) => (rng.next() < 0.05 + 0.4 * (x / 100) ** 2 ? 1 : 0));
  return { values, target };
}

function countsOf(values: Float64Array, target: Uint8Array, cuts: number[]) {
  const counts = Array.from({ length: cuts.length + 1 }, () => ({ goods: 0, bads: 0 }));
  values.forEach((x, r) => (target[r] ? counts[numericBinIndex(cuts, x)].bads++ : counts[numericBinIndex(cuts, x)].goods++));
  return counts;
}

describe('numericCuts', () => {
  const { values, target } = noisyRising(5000, 3);

  it('monotone method: the WoE falls strictly from bin to bin as the bad rate rises', () => {
    const params = BinningParams.parse({ preBins: 50, maxBins: 8 });
    const cuts = numericCuts(values, target, params, 250);
    expect(cuts.length).toBeGreaterThanOrEqual(2);
    expect(cuts.length).toBeLessThanOrEqual(7);
    const woe = binStatistics(countsOf(values, target, cuts), params.smoothing).bins.map((b) => b.woe);
    for (let i = 1; i < woe.length; i++) expect(woe[i]).toBeLessThan(woe[i - 1]);
  });

  it('pre-bins alone are not monotone on this data, so the merging does real work', () => {
    const pre = numericCuts(values, target, BinningParams.parse({ method: 'chi-merge', preBins: 50, maxBins: 50, chiThreshold: 0 }), 1);
    const woe = binStatistics(countsOf(values, target, pre), 0.5).bins.map((b) => b.woe);
    expect(woe.some((w, i) => i > 0 && w >= woe[i - 1])).toBe(true);
  });

  it('keeps every bin at the minimum share', () => {
    for (const method of ['monotone', 'chi-merge'] as const) {
      const cuts = numericCuts(values, target, BinningParams.parse({ method, maxBins: 10 }), 500);
      for (const c of countsOf(values, target, cuts)) expect(c.goods + c.bads).toBeGreaterThanOrEqual(500);
    }
  });

  it('never splits tied values and ignores missing ones', () => {
    const x = Float64Array.from([1, 1, 1, 1, 2, 2, 2, 2, NaN, NaN, 3, 3, 3, 3, 3, 3]);
    const y = Uint8Array.from([0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1]);
    const cuts = numericCuts(x, y, BinningParams.parse({ method: 'chi-merge', preBins: 10, chiThreshold: 0 }), 1);
    expect(cuts).toEqual([1, 2]);
    expect(numericCuts(Float64Array.from([NaN, NaN]), Uint8Array.from([0, 1]), BinningParams.parse({}), 1)).toEqual([]);
  });
});

describe('numericBinIndex and labels', () => {
  it('uses upper-inclusive bins', () => {
    expect([-5, 10, 10.5, 20, 21].map((v) => numericBinIndex([10, 20], v))).toEqual([0, 0, 1, 1, 2]);
    expect(numericBinLabels([10, 20.25])).toEqual(['(−∞, 10]', '(10, 20.25]', '(20.25, +∞)']);
    expect(numericBinLabels([])).toEqual(['(−∞, +∞)']);
  });
});
