import { describe, expect, it } from 'vitest';
import { VeeRules, defaultVeeRuleSet, defaultVeeRules, maxLinearIntervals, resolveVeeRules, type VeeRuleSet } from './vee-rules.js';

describe('VeeRules', () => {
  it('ships defaults that satisfy the schema, with the documented boundaries', () => {
    expect(VeeRules.parse(defaultVeeRules)).toEqual(defaultVeeRules);
    expect(defaultVeeRules.flatline.windowMinutes).toBe(24 * 60);
    expect(defaultVeeRules.gap.longGapMinutes).toBe(120);
    expect(maxLinearIntervals(defaultVeeRules, 15)).toBe(8);
    expect(maxLinearIntervals({ ...defaultVeeRules, estimation: { ...defaultVeeRules.estimation, maxLinearIntervals: 3 } }, 15)).toBe(3);
  });

  it('resolves built-in defaults ← rule-set defaults ← class overrides, parameter by parameter', () => {
    const set: VeeRuleSet = { version: 1, defaults: { spike: { neighbourRatio: 6 } }, overrides: { industrial: { spike: { levelRatio: 3 } } } };
    const industrial = resolveVeeRules(set, 'industrial');
    expect([industrial.spike.neighbourRatio, industrial.spike.levelRatio, industrial.spike.minKwh]).toEqual([6, 3, defaultVeeRules.spike.minKwh]);
    expect(resolveVeeRules(set, 'residential').spike.levelRatio).toBe(defaultVeeRules.spike.levelRatio);
    expect(resolveVeeRules(set, 'industrial')).toBe(industrial);
  });

  it('the shipped rule set relaxes zero runs for irrigation pumps only', () => {
    expect(resolveVeeRules(defaultVeeRuleSet, 'agricultural').zeroRun.windowMinutes).toBe(30 * 1440);
    expect(resolveVeeRules(defaultVeeRuleSet, 'residential').zeroRun.windowMinutes).toBe(1440);
  });
});
