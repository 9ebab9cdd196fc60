import { describe, expect, it } from 'vitest';
import { generateCustomers, hangzhouContext } from './simulation.testkit.js';

const ctx = hangzhouContext();

describe('street lighting', () => {
  it('burns from dusk to dawn: always at midnight, never at noon, longer nights in winter', () => {
    for (const { params, series } of generateCustomers('street_lighting', 5, ctx)) {
      const fullStep = params.lighting!.kw * ctx.stepHours;
      const onHours = new Float64Array(ctx.days.count);
      let noon = 0;
      let midnightOff = 0;
      for (let t = 0; t < ctx.steps; t++) {
        const hour = ctx.hourOfDay[t];
        onHours[ctx.dayIndex[t]] += (series.consumptionKwh[t] / fullStep) * ctx.stepHours;
        if (hour >= 11 && hour < 13) noon += series.consumptionKwh[t];
        if (hour < 0.5 && series.consumptionKwh[t] < 0.45 * fullStep) midnightOff++;
      }
      expect(noon).toBe(0);
      expect(midnightOff).toBe(0);
      const meanOn = (month: number) => {
        const ds = Array.from({ length: ctx.days.count }, (_, d) => d).filter((d) => ctx.days.month[d] === month);
        return ds.reduce((s, d) => s + onHours[d], 0) / ds.length;
      };
      expect(meanOn(12)).toBeGreaterThan(meanOn(6) + 1.5);
    }
  });
});
