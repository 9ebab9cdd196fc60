import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { populationStability, psiFromShares, psiLevel } from './population-stability.js';

describe('psiFromShares', () => {
  it('is 0 for identical distributions', () => {
    expect(psiFromShares([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
  });

  it('matches a hand computation: uniform quartiles against 10/20/30/40%', () => {
    // (0.1−0.25)ln(0.4) + (0.2−0.25)ln(0.8) + (0.3−0.25)ln(1.2) + (0.4−0.25)ln(1.6)
    // = 0.137444 + 0.011157 + 0.009116 + 0.070501 = 0.228217
    expect(psiFromShares([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.228217, 6);
  });

  it('is symmetric and floors empty bins at epsilon', () => {
    expect(psiFromShares([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(psiFromShares([0.9, 0.1], [0.5, 0.5]), 12);
    expect(psiFromShares([0.5, 0.5], [1, 0])).toBeCloseTo(0.5 * Math.log(2) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4), 9);
  });

  it('rejects share vectors of different lengths', () => {
    expect(() => psiFromShares([1], [0.5, 0.5])).toThrow(ValidationError);
  });
});

describe('populationStability', () => {
  const uniform = Array.from({ length: 1000 }, (_, i) => i);

  it('is about 0 for the same distribution and labels it stable', () => {
    const report = populationStability(uniform, uniform.map((v) => v + 0.5));
    expect(report.bins).toHaveLength(10);
    expect(report.bins[0].referenceShare).toBeCloseTo(0.1, 12);
    expect(report.psi).toBeLessThan(0.001);
    expect(report.level).toBe('stable');
  });

  it('finds a shift: the current scores all in the upper half of the reference', () => {
    const report = populationStability(uniform, uniform.map((v) => 500 + v / 2));
    // five bins go from 10% to 0% (ε = 1e-4), five from 10% to 20%
    const expected = 5 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1) + 5 * 0.1 * Math.log(2);
    expect(report.psi).toBeCloseTo(expected, 3);
    expect(report.level).toBe('major');
  });

  it('uses the usual 0.1 / 0.25 thresholds', () => {
    expect([0.05, 0.1, 0.25, 0.26].map(psiLevel)).toEqual(['stable', 'moderate', 'moderate', 'major']);
  });
});
