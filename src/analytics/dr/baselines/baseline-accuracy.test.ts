import { describe, expect, it } from 'vitest';
import { BaselineAccuracyAccumulator } from './baseline-accuracy.js';
import { baselineMethod } from './baseline-registry.js';
import { FIRST_DAY, flatDays } from './dr-baselines.testkit.js';

describe('baseline accuracy (PJM relative RMSE)', () => {
  const window = { startMinute: 17 * 60, endMinute: 20 * 60 };

  it('is zero on a constant load and measures a known error exactly', () => {
    const flat = new BaselineAccuracyAccumulator(baselineMethod('pge-10-in-10'));
    const load = flatDays(28, () => 5);
    flat.addDay({ load, eventDay: FIRST_DAY + 21, window });
    expect(flat.result()).toMatchObject({ days: 1, intervals: 3, relRmse: 0, bias: 0 });

    // Previous-day baseline on a load that alternates 4 and 6 on weekdays: error ±2 on a mean of 4 or 6.
    const naive = new BaselineAccuracyAccumulator(baselineMethod('previous-day'));
    const alternating = flatDays(28, (d) => (d % 2 ? 6 : 4));
    naive.addDay({ load: alternating, eventDay: FIRST_DAY + 22, window }); // Tue (6) vs Mon (4): error −2
    naive.addDay({ load: alternating, eventDay: FIRST_DAY + 23, window }); // Wed (4) vs Tue (6): error +2
    const r = naive.result();
    expect(r.relRmse).toBeCloseTo(2 / 5, 12);
    expect(r.bias).toBeCloseTo(0, 12);
    expect(r.relMae).toBeCloseTo(2 / 5, 12);
    // Event totals: errors of ±6 kWh over 3 hours on a mean event total of 15 kWh.
    expect(r.eventRelRmse).toBeCloseTo(6 / 15, 12);
  });

  it('counts days without enough history instead of scoring them', () => {
    const acc = new BaselineAccuracyAccumulator(baselineMethod('pge-10-in-10'));
    expect(acc.addDay({ load: flatDays(28, () => 5), eventDay: FIRST_DAY + 3, window })).toBe(false);
    expect(acc.result()).toMatchObject({ days: 0, insufficientDays: 1 });
  });
});
