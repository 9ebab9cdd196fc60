import { describe, expect, it } from 'vitest';
import { demoTariff } from './demo-tariffs.js';
import { powerFactorAdjustmentPercent, powerFactorLine } from './power-factor.js';

describe('powerFactorAdjustmentPercent (linearised table)', () => {
  it('matches the 0.90 standard near the target', () => {
    const rule = { target: 0.9 as const };
    expect([0.85, 0.89, 0.9, 0.91, 0.93, 0.95, 0.99].map((pf) => powerFactorAdjustmentPercent(rule, pf))).toEqual([2.5, 0.5, 0, -0.15, -0.45, -0.75, -0.75]);
    expect(powerFactorAdjustmentPercent(rule, 0.6)).toBe(15); // the table would say 20.0: steeper steps not modelled
  });

  it('rounds the power factor to 0.01 first', () => {
    expect(powerFactorAdjustmentPercent({ target: 0.9 }, 0.896)).toBe(0);
    expect(powerFactorAdjustmentPercent({ target: 0.9 }, 0.894)).toBe(0.5);
  });

  it('uses the 0.85 and 0.80 credit lines and caps', () => {
    expect(powerFactorAdjustmentPercent({ target: 0.85 }, 0.9)).toBe(-0.5);
    expect(powerFactorAdjustmentPercent({ target: 0.85 }, 1)).toBe(-1.1);
    expect(powerFactorAdjustmentPercent({ target: 0.8 }, 0.75)).toBe(2.5);
    expect(powerFactorAdjustmentPercent({ target: 0.8 }, 0.99)).toBe(-1.3);
    expect(powerFactorAdjustmentPercent({ target: 0.8, penaltyPercentPer001: 1 }, 0.75)).toBe(5);
  });

  it('rejects impossible power factors', () => {
    expect(() => powerFactorAdjustmentPercent({ target: 0.9 }, 1.2)).toThrow(/options.powerFactor/);
  });
});

describe('powerFactorLine', () => {
  it('adjusts the base and explains the rule', () => {
    const line = powerFactorLine(demoTariff('ZJ-GEN-TOU'), 0.8, 1000);
    expect(line?.amount).toBe(25);
    expect(line?.explanationZh).toBe('功率因数调整电费：实际功率因数 0.8，考核标准 0.85，调整率 +2.5%（线性简化表），调整基数 1000 元');
    expect(powerFactorLine(demoTariff('ZJ-GEN-TOU'), undefined, 1000)).toBeUndefined();
    expect(powerFactorLine(demoTariff('ZJ-RES-TIER'), 0.8, 1000)).toBeUndefined();
  });
});
