import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { degradationEffect, drawDegradation, type Degradation } from './degradation.js';

describe('drawDegradation', () => {
  it('degrades about 5% of transformers, starting 3–10 weeks before the fault', () => {
    const rng = new Rng(1);
    const hours = 2 * 8760;
    const drawn = Array.from({ length: 20_000 }, () => drawDegradation(rng, hours)).filter((d) => d !== null);
    expect(drawn.length / 20_000).toBeGreaterThan(0.04);
    expect(drawn.length / 20_000).toBeLessThan(0.06);
    for (const d of drawn) {
      expect(d.failureHour - d.startHour).toBeLessThanOrEqual(10 * 168);
      expect(d.startHour).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(drawn.map((d) => d.kind)).size).toBe(3);
  });
});

describe('degradationEffect', () => {
  it('is nothing before the start and grows towards the fault', () => {
    const d: Degradation = { startHour: 100, failureHour: 600, kind: 'imbalance' };
    expect(degradationEffect(d, 50)).toEqual({ extraOilK: 0, riseFactor: 1, extraImbalancePct: 0 });
    const mid = degradationEffect(d, 350).extraImbalancePct;
    const end = degradationEffect(d, 600).extraImbalancePct;
    expect(mid).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(3 * mid);
    expect(degradationEffect({ ...d, kind: 'overload' }, 600).riseFactor).toBeGreaterThan(1.2);
    expect(degradationEffect({ ...d, kind: 'insulation' }, 600).extraOilK).toBeGreaterThan(5);
  });
});
