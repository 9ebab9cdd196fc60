import { describe, expect, it } from 'vitest';
import { Quality } from '../../core/schemas/meter.js';
import { veeChecks } from './check-registry.js';
import { clockShifted, shapedTruth } from './clock.testkit.js';
import { checkNames } from './flag.js';
import { runVee, veeOrder } from './run-vee.js';
import { hour, later, makeSeries, monday, rulesWith } from './series.testkit.js';
import { defaultVeeRuleSet } from './vee-rules.js';

const truth = shapedTruth(21);
const N = Number.NaN;

/** Truth with a 2-hour gap, a missing Monday, a spike, a negative value and a 30-hour stuck register. */
function faulty(): number[] {
  const v = truth.slice();
  v[50] = v[51] = N;
  for (let i = 14 * 24; i < 15 * 24; i++) v[i] = N;
  v[100] = 25;
  v[120] = -0.4;
  for (let i = 200; i < 230; i++) v[i] = 0.777;
  return v;
}

describe('runVee', () => {
  it('runs every registered check exactly once, in the documented order', () => {
    expect([...veeOrder.timing, ...veeOrder.values].sort()).toEqual([...checkNames].sort());
    expect(Object.keys(veeChecks).sort()).toEqual([...checkNames].sort());
  });

  it('flags, replaces and estimates, keeping every original', () => {
    const input = faulty();
    const result = runVee(makeSeries(input), defaultVeeRuleSet, { nowMs: later });
    const codes = new Set(result.flags.map((f) => f.code));
    for (const code of ['gap.short', 'gap.long', 'spike', 'negative', 'flatline']) expect(codes).toContain(code);
    expect(result.cleaned.every((v) => Number.isFinite(v))).toBe(true);
    for (const e of result.edits) expect(Object.is(e.original, input[e.index])).toBe(true);
    const byIndex = new Map(result.edits.map((e) => [e.index, e]));
    expect(byIndex.get(50)?.method).toBe('linear');
    expect(result.cleaned[100]).toBeCloseTo((truth[99] + truth[101]) / 2, 12);
    expect(result.cleaned[120]).toBeCloseTo((truth[119] + truth[121]) / 2, 12);
    expect(byIndex.get(210)?.method).toBe('like-day');
    expect(Array.from(result.cleaned.slice(14 * 24, 15 * 24))).toEqual(truth.slice(7 * 24, 8 * 24));
    expect(result.quality[100]).toBe(Quality.estimated);
    expect(result.quality[99]).toBe(Quality.actual);
    expect(result.stats).toMatchObject({ missing: 26, estimated: result.edits.length, stillMissing: 0 });
    expect(result.stats.missingByDay).toEqual([{ date: '2024-03-06', missing: 2 }, { date: '2024-03-18', missing: 24 }]);
  });

  it('scales estimates to daily register reads', () => {
    let register = 1000;
    const reads = Array.from({ length: 22 }, (_, d) => {
      const read = { tsMs: monday + d * 24 * hour, kwh: Math.round(register * 100) / 100 };
      for (let i = d * 24; i < Math.min(truth.length, (d + 1) * 24); i++) register += truth[i];
      return read;
    });
    const result = runVee(makeSeries(faulty(), { context: { registerReads: reads } }), defaultVeeRuleSet, { nowMs: later });
    const dayTotal = (v: ArrayLike<number>, d: number) => Array.from(v).slice(d * 24, d * 24 + 24).reduce((s, x) => s + x, 0);
    for (const d of [2, 4, 5, 8, 9, 14]) expect(Math.abs(dayTotal(result.cleaned, d) - dayTotal(truth, d))).toBeLessThan(0.011);
    expect(result.edits.find((e) => e.index === 50)?.method).toBe('register-scaled');
  });

  it('corrects a clock shift and folds its hole and duplicates into one flag', () => {
    const { deliveries, values } = clockShifted(truth, 200, 260, 1);
    const result = runVee(makeSeries(values, { context: { deliveries } }), defaultVeeRuleSet, { nowMs: later });
    expect(result.flags.map((f) => f.code)).toEqual(['clock-shift.paired']);
    expect(Array.from(result.cleaned)).toEqual(truth);
    expect(result.quality[200]).toBe(Quality.edited);
  });

  it('removes future values and honours disabled checks', () => {
    const values = truth.slice(0, 48);
    const result = runVee(makeSeries(values), defaultVeeRuleSet, { nowMs: monday + 40 * hour });
    expect(result.edits.filter((e) => e.method === 'removed').map((e) => e.index)).toEqual([40, 41, 42, 43, 44, 45, 46, 47]);
    expect(result.quality[45]).toBe(Quality.missing);
    const spiky = faulty();
    const kept = runVee(makeSeries(spiky), rulesWith({ disabledChecks: ['spike'] }), { nowMs: later });
    expect(kept.cleaned[100]).toBe(25);
  });
});
