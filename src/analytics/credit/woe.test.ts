import { describe, expect, it } from 'vitest';
import { binStatistics, ivStrength, pairChiSquare } from './woe.js';

// A 2×3 table (good/bad × 3 bins), computed by hand:
//   bin   goods  bads   goods share  bads share  WoE = ln(g/b)        IV term = (g − b)·WoE
//   A     50     10     0.5          0.2         ln 2.5  =  0.916291   0.3 · 0.916291 = 0.274887
//   B     30     20     0.3          0.4         ln 0.75 = −0.287682   0.1 · 0.287682 = 0.028768
//   C     20     20     0.2          0.4         ln 0.5  = −0.693147   0.2 · 0.693147 = 0.138629
//   IV = 0.442285 (strong)
const TABLE = [
  { goods: 50, bads: 10 },
  { goods: 30, bads: 20 },
  { goods: 20, bads: 20 },
];

describe('binStatistics', () => {
  it('computes WoE and IV of a hand-computed 2×3 table without smoothing', () => {
    const { bins, iv } = binStatistics(TABLE, 0);
    expect(bins.map((b) => b.woe)).toEqual([expect.closeTo(0.916291, 6), expect.closeTo(-0.287682, 6), expect.closeTo(-0.693147, 6)]);
    expect(bins.map((b) => b.iv)).toEqual([expect.closeTo(0.274887, 6), expect.closeTo(0.028768, 6), expect.closeTo(0.138629, 6)]);
    expect(iv).toBeCloseTo(0.442285, 6);
    expect(bins[0]).toMatchObject({ count: 60, share: 60 / 150, badRate: 10 / 60 });
  });

  it('applies Laplace smoothing: +0.5 to every cell, totals + 3 × 0.5', () => {
    // bin A: goods share 50.5/101.5, bads share 10.5/51.5 → WoE = ln(0.497537 / 0.203883) = 0.892121
    const { bins } = binStatistics(TABLE, 0.5);
    expect(bins[0].woe).toBeCloseTo(Math.log(50.5 / 101.5 / (10.5 / 51.5)), 12);
    expect(bins[0].woe).toBeCloseTo(0.892121, 6);
  });

  it('gives a bin without bads a finite WoE when smoothed, and an empty bin WoE 0', () => {
    const { bins } = binStatistics([{ goods: 10, bads: 0 }, { goods: 10, bads: 10 }, { goods: 0, bads: 0 }], 0.5);
    expect(Number.isFinite(bins[0].woe)).toBe(true);
    expect(bins[0].woe).toBeGreaterThan(2);
    expect(bins[2]).toMatchObject({ count: 0, woe: 0, iv: 0 });
  });
});

describe('ivStrength', () => {
  it('labels IV with the DOMAIN.md bounds', () => {
    expect([0.019, 0.02, 0.099, 0.1, 0.3, 0.301].map(ivStrength)).toEqual(['useless', 'weak', 'weak', 'medium', 'medium', 'strong']);
  });
});

describe('pairChiSquare', () => {
  it('is 0 for identical bad rates and matches a hand-computed 2×2 table', () => {
    expect(pairChiSquare({ goods: 40, bads: 10 }, { goods: 80, bads: 20 })).toBeCloseTo(0, 12);
    // goods 50/30, bads 10/20 (n = 110): expected 43.636, 36.364, 16.364, 13.636 → χ² = 7.4861
    expect(pairChiSquare({ goods: 50, bads: 10 }, { goods: 30, bads: 20 })).toBeCloseTo(7.4861, 4);
  });
});
