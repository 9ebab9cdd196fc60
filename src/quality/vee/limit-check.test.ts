import { describe, expect, it } from 'vitest';
import { highLimit, limitCheck } from './limit-check.js';
import { check, makeSeries, rulesWith } from './series.testkit.js';
import { defaultVeeRules } from './vee-rules.js';

describe('limitCheck', () => {
  it('computes the high limit as contract kVA × interval hours × multiplier, or k × historical max if lower', () => {
    const s = makeSeries([1], { intervalMinutes: 15, startMs: 0, context: { contractKva: 40, multiplier: 2 } });
    expect(highLimit(s, defaultVeeRules)?.kwh).toBe(20);
    const t = makeSeries([1], { intervalMinutes: 15, startMs: 0, context: { contractKva: 40, historicalMaxKwh: 3 } });
    expect(highLimit(t, defaultVeeRules)?.kwh).toBe(6);
    expect(highLimit(makeSeries([1]), defaultVeeRules)).toBeUndefined();
  });

  it('flags runs above the high limit as errors and below a configured low limit as warnings', () => {
    const s = makeSeries([1, 12, 11, 3, 0.05, 5], { context: { contractKva: 10 } });
    expect(check(limitCheck, s).map((f) => [f.code, f.severity, f.startIndex, f.endIndex])).toEqual([['limit.high', 'error', 1, 3]]);
    const flags = check(limitCheck, s, rulesWith({ limit: { lowKwh: 0.1 } }));
    expect(flags.map((f) => [f.code, f.startIndex])).toEqual([['limit.high', 1], ['limit.low', 4]]);
    expect(flags[0].reason).toContain('contract 10 kVA');
  });
});
