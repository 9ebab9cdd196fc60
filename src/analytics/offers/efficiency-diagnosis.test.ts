import { describe, expect, it } from 'vitest';
import { decomposeLoad, efficiencyTips, quantile } from './efficiency-diagnosis.js';

/** A year with 5 kWh/day always on plus 1 kWh per cooling degree-day above 22 °C, spread flat over the hours. */
function year() {
  const temps = Float64Array.from({ length: 365 }, (_, d) => 18 - 14 * Math.cos((2 * Math.PI * d) / 365) + ((d * 7) % 5) - 2);
  const daily = temps.map((t) => 5 + Math.max(0, t - 22));
  const hourly = Float64Array.from({ length: 365 * 24 }, (_, h) => daily[Math.floor(h / 24)] / 24);
  const cdd = temps.reduce((s, t) => s + Math.max(0, t - 22), 0);
  return { input: { hourlyKwh: hourly, hourlyMaxKw: hourly, dailyKwh: daily, dailyTemperatureC: temps, pricePerKwh: 0.6 }, cdd };
}

describe('efficiency diagnosis', () => {
  it('splits always-on and cooling load and sizes the tips in kWh and CNY', () => {
    const { input, cdd } = year();
    const d = decomposeLoad(input);
    expect(d.model?.type).toBe('cdd_only');
    expect(d.baseKwh).toBeCloseTo(5 * 365, -1);
    expect(d.coolingKwh / cdd).toBeCloseTo(1, 1);
    expect(d.heatingKwh).toBe(0);
    const tips = efficiencyTips(input, d);
    const cooling = tips.find((t) => t.code === 'cooling_setpoint')!;
    expect(cooling.kwh).toBeGreaterThan(0);
    expect(cooling.kwh).toBeLessThan(d.coolingKwh);
    expect(cooling.cny).toBeCloseTo(cooling.kwh * 0.6, 9);
    const alwaysOn = tips.find((t) => t.code === 'always_on')!;
    expect(alwaysOn.kwh).toBeCloseTo(0.2 * d.baseKwh, 9);
    expect(alwaysOn.zh).toContain('kWh');
  });
});

describe('quantile', () => {
  it('returns the value the ascending sort has at floor(q·n), duplicates, zeros and -0 included', () => {
    let seed = 9;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [1, 2, 3, 10, 101, 8760]) {
      const values = Float64Array.from({ length: n }, () => (rnd() < 0.2 ? (rnd() < 0.5 ? -0 : 0) : Math.round(rnd() * 50) / 10));
      const sorted = Float64Array.from(values).sort();
      for (const q of [0, 0.05, 0.5, 0.95, 1]) expect(Object.is(quantile(values, q), sorted[Math.min(n - 1, Math.floor(q * n))])).toBe(true);
    }
    expect(quantile(new Float64Array(0), 0.05)).toBe(0);
    expect(quantile(Float64Array.of(3, Number.NaN, 1), 0.5)).toBe(3);
  });
});
