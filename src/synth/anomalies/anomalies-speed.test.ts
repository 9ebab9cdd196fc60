import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawFaultPlan } from './fault-plan.js';
import { applyFaults } from './meter-faults.js';
import { syntheticLoad } from './synthetic-load.fixture.js';
import { applyTheft } from './theft-attacks.js';
import { drawTheft } from './theft-plan.js';

describe('anomaly injection speed', () => {
  it('applies theft and faults to 10 million intervals in under 2 s', () => {
    const spd = 96;
    const days = 365;
    const meters = Math.ceil(10_000_000 / (days * spd));
    const load = syntheticLoad(1, days, spd);
    const metered = new Float64Array(load.length);
    let labels = 0;
    const began = performance.now();
    for (let m = 0; m < meters; m++) {
      const rng = new Rng(42, 'meter', m);
      applyTheft(load, drawTheft(rng, days, spd), spd, rng, metered);
      labels += applyFaults(metered, drawFaultPlan(rng, days, spd), spd, rng).labels.length;
    }
    const seconds = (performance.now() - began) / 1000;
    expect(meters * days * spd).toBeGreaterThanOrEqual(10_000_000);
    expect(labels).toBeGreaterThan(meters * 10);
    expect(seconds).toBeLessThan(2);
  });
});
