import { describe, expect, it } from 'vitest';
import { generateCustomers, hangzhouContext, meanWhere } from './simulation.testkit.js';

const ctx = hangzhouContext();
const days = ctx.days;

describe('irrigation pumping', () => {
  it('pumps from April to September, mostly in July–August, and is near zero in winter', () => {
    for (const { params, series } of generateCustomers('irrigation', 5, ctx)) {
      const daily = new Float64Array(days.count);
      series.consumptionKwh.forEach((kwh, t) => { daily[ctx.dayIndex[t]] += kwh; });
      const month = (m: number) => meanWhere(daily, (d) => days.month[d] === m);
      const winter = (month(12) + month(1) + month(2)) / 3;
      expect(month(7) + month(8)).toBeGreaterThan(month(4) + month(5));
      expect(winter).toBeLessThan(0.05 * month(7));
      const fullRunKwh = params.pump!.kw * params.pump!.runHours[0];
      expect(daily.filter((kwh, d) => days.month[d] === 7 && kwh > 0.9 * fullRunKwh).length).toBeGreaterThan(8);
    }
  });

  it('runs on hot, sunny days rather than on dull ones', () => {
    const [{ series }] = generateCustomers('irrigation', 1, ctx, 3);
    const daily = new Float64Array(days.count);
    series.consumptionKwh.forEach((kwh, t) => { daily[ctx.dayIndex[t]] += kwh; });
    const season = (d: number) => days.month[d] >= 6 && days.month[d] <= 9;
    const sunny = meanWhere(daily, (d) => season(d) && days.irradiationKwhM2[d] > 5.5);
    const dull = meanWhere(daily, (d) => season(d) && days.irradiationKwhM2[d] < 3);
    expect(sunny).toBeGreaterThan(1.5 * dull);
  });
});
