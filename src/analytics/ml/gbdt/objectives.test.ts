import { describe, expect, it } from 'vitest';
import { GbdtParams } from './gbdt-params.js';
import { objectiveRegistry, weightedQuantile } from './objectives.js';

const params = (input: object) => GbdtParams.parse(input);
const y = Float64Array.from([0, 1, 1, 0]);
const raw = Float64Array.from([0, 0, 2, -1]);

describe('objectives', () => {
  it('squared error: mean start, gradient raw − y, unit hessian, MSE loss', () => {
    const o = objectiveRegistry.squared_error(params({}));
    const g = new Float64Array(4);
    const h = new Float64Array(4);
    o.gradients(y, raw, undefined, g, h);
    expect(Array.from(g)).toEqual([0, -1, 1, -1]);
    expect(Array.from(h)).toEqual([1, 1, 1, 1]);
    expect(o.initScore(y, Float64Array.from([1, 1, 3, 3]))).toBeCloseTo(0.5, 15);
    expect(o.loss(y, raw, undefined)).toBeCloseTo(3 / 4, 15);
  });

  it('binary logistic: log-odds start, p − y and p(1 − p), log loss', () => {
    const o = objectiveRegistry.binary_logistic(params({ objective: 'binary_logistic' }));
    const g = new Float64Array(4);
    const h = new Float64Array(4);
    o.gradients(y, raw, undefined, g, h);
    const p = 1 / (1 + Math.exp(-2));
    expect(g[2]).toBeCloseTo(p - 1, 15);
    expect(h[2]).toBeCloseTo(p * (1 - p), 15);
    expect(o.initScore(Float64Array.from([1, 0, 0, 0]), undefined)).toBeCloseTo(Math.log(1 / 3), 15);
    expect(o.loss(y, raw, undefined)).toBeCloseTo((Math.log(2) + Math.log(2) + Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1))) / 4, 14);
    expect(o.transform(0)).toBe(0.5);
    expect(() => o.checkTarget(Float64Array.from([0, 2]))).toThrow(/0\/1 labels/);
  });

  it('quantile: pinball gradients and leaf values from the residual quantile', () => {
    const o = objectiveRegistry.quantile(params({ objective: 'quantile', alpha: 0.9 }));
    const g = new Float64Array(4);
    const h = new Float64Array(4);
    o.gradients(y, raw, undefined, g, h);
    expect(Array.from(g)).toEqual([expect.closeTo(0.1, 15), -0.9, expect.closeTo(0.1, 15), -0.9]);
    expect(o.leafValue?.(Float64Array.from([4, 1, 3, 2, 0]), undefined)).toBeCloseTo(3.6, 15);
    expect(o.loss(Float64Array.from([1]), Float64Array.from([0]), undefined)).toBeCloseTo(0.9, 15);
  });

  it('weightedQuantile interpolates like numpy without weights and walks cumulative weight with them', () => {
    // numpy.quantile([1, 2, 3, 4], 0.5) = 2.5
    expect(weightedQuantile(Float64Array.from([4, 3, 2, 1]), undefined, 0.5)).toBe(2.5);
    expect(weightedQuantile(Float64Array.from([1, 2, 3]), Float64Array.from([1, 1, 8]), 0.5)).toBe(3);
  });
});
