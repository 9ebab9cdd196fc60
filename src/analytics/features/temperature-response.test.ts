import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/index.js';
import { binDays, fitTemperatureResponse } from './temperature-response.js';

function sample(days: number, truth: (t: number) => number, noise: number, seed = 1) {
  const rng = new Mulberry32(seed);
  const t = new Float64Array(days), y = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    t[d] = 16 + 15 * Math.sin((2 * Math.PI * d) / 365) + 4 * (rng.next() - 0.5); // about 0–32 °C over a year
    y[d] = truth(t[d]) + noise * (rng.next() - 0.5);
  }
  return { t, y };
}

describe('fitTemperatureResponse', () => {
  it('recovers heating and cooling balance points and slopes', () => {
    const { t, y } = sample(365, (x) => 8 + 0.6 * Math.max(0, 12 - x) + 1.1 * Math.max(0, x - 24), 1);
    const fit = fitTemperatureResponse(binDays(t, y))!;
    expect(fit.model).toBe('hdd_cdd');
    expect(Math.abs(fit.heatingBalanceC! - 12)).toBeLessThanOrEqual(1);
    expect(Math.abs(fit.coolingBalanceC! - 24)).toBeLessThanOrEqual(1);
    expect(fit.heatingSlope!).toBeCloseTo(0.6, 1);
    expect(fit.coolingSlope!).toBeCloseTo(1.1, 1);
    expect(fit.adjR2).toBeGreaterThan(0.9);
    expect(fit.sensitiveShare).toBeGreaterThan(0.1);
  });

  it('chooses cooling only when usage rises only in the heat', () => {
    const { t, y } = sample(365, (x) => 5 + 0.8 * Math.max(0, x - 22), 0.5, 2);
    const fit = fitTemperatureResponse(binDays(t, y))!;
    expect(fit.model).toBe('cdd');
    expect(Math.abs(fit.coolingBalanceC! - 22)).toBeLessThanOrEqual(1);
    expect(fit.heatingSlope).toBeNull();
  });

  it('finds no material response in usage that ignores the weather', () => {
    const { t, y } = sample(365, () => 10, 2, 3);
    const fit = fitTemperatureResponse(binDays(t, y))!;
    // p < 0.1 over many candidate balance points can pass by chance; what matters is that it explains nothing
    expect(fit.adjR2).toBeLessThan(0.05);
    expect(fit.sensitiveShare).toBeLessThan(0.05);
    const flat = fitTemperatureResponse(binDays(t, new Float64Array(365).fill(10)))!;
    expect(flat.model).toBe('intercept');
    expect(flat.intercept).toBeCloseTo(10, 9);
    expect(flat.sensitiveShare).toBe(0);
  });

  it('needs at least three days', () => {
    expect(fitTemperatureResponse(binDays([10, 11], [1, 2]))).toBeNull();
  });
});
