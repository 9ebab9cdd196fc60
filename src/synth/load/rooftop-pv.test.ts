import { describe, expect, it } from 'vitest';
import { netMetering, pvGenerationKwh } from './rooftop-pv.js';
import { hangzhouContext } from './simulation.testkit.js';

describe('rooftop PV', () => {
  it('yields about 1,000 kWh per kWp a year in Hangzhou', () => {
    const ctx = hangzhouContext();
    const yieldKwh = pvGenerationKwh(ctx, { kwp: 1, performanceRatio: 0.8 }).reduce((s, x) => s + x, 0);
    expect(yieldKwh).toBeGreaterThan(850);
    expect(yieldKwh).toBeLessThan(1250);
  });

  it('nets generation against consumption into import and export', () => {
    const ctx = hangzhouContext('2024-06-01', 1, 60);
    const pv = { kwp: 5, performanceRatio: 0.8 };
    const generation = pvGenerationKwh(ctx, pv);
    const consumption = Float64Array.from({ length: ctx.steps }, () => 0.8);
    const { importKwh, exportKwh } = netMetering(ctx, pv, consumption);
    for (let t = 0; t < ctx.steps; t++) {
      expect(importKwh[t] - exportKwh[t]).toBeCloseTo(consumption[t] - generation[t], 12);
      expect(Math.min(importKwh[t], exportKwh[t])).toBe(0);
    }
    expect(importKwh[2]).toBe(0.8);
    expect(exportKwh[12]).toBeGreaterThan(0);
  });
});
