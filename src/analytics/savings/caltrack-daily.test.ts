import { describe, expect, it } from 'vitest';
import { fitDailyModel, predictDaily, standardNormalCdf } from './caltrack-daily.js';
import { measureSavings } from './avoided-energy.js';

/** Seeded Gaussian noise (Box-Muller over an LCG). */
function noise(seed: number): () => number {
  let s = seed;
  const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 1) / 2147483649;
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** A Hangzhou-like year: 2..34 °C; usage 10 kWh + 0.8 per HDD(15 °C) + 1.2 per CDD(22 °C) + noise. */
function year(days: number, seed: number, scale = 1, offsetDays = 0) {
  const n = noise(seed);
  const temperatureC = Float64Array.from({ length: days }, (_, d) => 18 - 16 * Math.cos((2 * Math.PI * (d + offsetDays)) / 365) + 2 * n());
  const kwh = temperatureC.map((t) => scale * (10 + 0.8 * Math.max(0, 15 - t) + 1.2 * Math.max(0, t - 22)) + 0.8 * n());
  return { kwh, temperatureC };
}

describe('CalTRACK daily model', () => {
  it('recovers HDD+CDD balance points and slopes from synthetic data', () => {
    const model = fitDailyModel(year(365, 11));
    expect(model.type).toBe('hdd_cdd');
    expect(Math.abs(model.balanceHddC - 15)).toBeLessThanOrEqual(1);
    expect(Math.abs(model.balanceCddC - 22)).toBeLessThanOrEqual(1);
    expect(model.betaHdd).toBeCloseTo(0.8, 1);
    expect(model.betaCdd).toBeCloseTo(1.2, 1);
    expect(model.adjR2).toBeGreaterThan(0.9);
  });

  it('falls back to intercept-only when usage does not depend on temperature', () => {
    const n = noise(3);
    const data = year(365, 5);
    const flat = { kwh: data.kwh.map(() => 12 + n()), temperatureC: data.temperatureC };
    const model = fitDailyModel(flat);
    expect(model.type).toBe('intercept_only');
    expect(model.intercept).toBeCloseTo(12, 0);
    expect(predictDaily(model, Float64Array.of(0, 40))).toEqual(Float64Array.of(model.intercept, model.intercept));
  });

  it('Φ matches known values', () => {
    expect(standardNormalCdf(1.6449)).toBeCloseTo(0.95, 4);
    expect(standardNormalCdf(-1.96)).toBeCloseTo(0.025, 4);
  });
});

describe('avoided energy use', () => {
  it('measures an injected 15% saving within its stated uncertainty', () => {
    const baseline = year(365, 21);
    const reporting = year(180, 22, 0.85, 365);
    const truth = year(180, 22, 1, 365);
    const trueAvoided = truth.kwh.reduce((s, v) => s + v, 0) - reporting.kwh.reduce((s, v) => s + v, 0);
    const result = measureSavings(baseline, reporting);
    expect(result.savingsFraction).toBeGreaterThan(0.12);
    expect(result.savingsFraction).toBeLessThan(0.18);
    expect(Math.abs(result.avoidedKwh - trueAvoided)).toBeLessThan(result.uncertaintyKwh);
    expect(result.fsu).toBeLessThan(0.5);
  });

  it('finds no saving when nothing changed, and refuses a baseline with too many missing days', () => {
    const result = measureSavings(year(365, 31), year(120, 32, 1, 365));
    expect(Math.abs(result.savingsFraction)).toBeLessThan(0.03);
    const holes = year(365, 33);
    for (let d = 0; d < 60; d++) holes.kwh[d * 6] = Number.NaN;
    expect(() => measureSavings(holes, year(30, 34))).toThrow(/CalTRACK baseline: coverage 83.6% is below the required 90.0%/);
  });
});
