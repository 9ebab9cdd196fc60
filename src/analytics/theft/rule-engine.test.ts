import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleSet } from './default-rules.js';
import { tamperByMeter } from './event-features.js';
import { PeerGroups } from './peer-groups.js';
import { fillTemplate, RuleEngine, ruleScore } from './rule-engine.js';
import type { RuleSetInput } from './rule-schema.js';
import { householdSeries, panelOf, scaledFrom } from './theft.testkit.js';
import { meterFeatures, theftFeatureNames } from './theft-features.js';

const DAYS = 120;
const START = 60;

/** Day-by-day rewrites from `START` on, like the attack families. */
function rewriteDays(series: Float64Array, rewrite: (day: Float64Array) => void): Float64Array {
  const out = series.slice();
  for (let d = START; d < DAYS; d++) rewrite(out.subarray(d * 24, d * 24 + 24));
  return out;
}

async function hitsFor(series: Float64Array[]): Promise<string[][]> {
  const panel = panelOf(series);
  const features = await meterFeatures(panel, new PeerGroups(panel, 8), tamperByMeter([]), { minSegmentDays: 21, blockDays: 28 });
  const engine = new RuleEngine(defaultRuleSet, theftFeatureNames);
  return series.map((_, m) => engine.evaluate(features.table.record(m)).map((h) => h.ruleId));
}

describe('default rules on hand-made series', () => {
  const honest = Array.from({ length: 10 }, (_, i) => householdSeries(DAYS, i + 1, 10 + i));
  const suspects = [
    scaledFrom(householdSeries(DAYS, 101, 12), START, 0.4),
    rewriteDays(householdSeries(DAYS, 102, 12), (day) => day.fill(0, 16, 23)),
    rewriteDays(householdSeries(DAYS, 103, 12), (day) => day.fill(day.reduce((s, v) => s + v, 0) / 24)),
    rewriteDays(householdSeries(DAYS, 104, 12), (day) => day.reverse()),
  ];
  let hits: string[][] = [];
  beforeAll(async () => {
    hits = await hitsFor([...honest, ...suspects]);
  });

  it('flag a sustained drop against own history and peers', () => expect(hits[10]).toContain('sustained_drop'));
  it('flag zero readings in a daily window', () => expect(hits[11]).toContain('daily_zero_window'));
  it('flag a curve gone flat', () => expect(hits[12]).toContain('flat_profile'));
  it('flag a daily profile turned around', () => expect(hits[13]).toContain('profile_reversed'));
  it('leave honest households alone', () => expect(hits.slice(0, 10).flat()).toEqual([]));
});

const tinySet: RuleSetInput = {
  name: 'test', version: '2.1.0',
  rules: [
    {
      id: 'big_drop', label: { 'zh-CN': '骤降', en: 'drop' }, evidence: { 'zh-CN': '下降{drop_ratio:pct}', en: 'fell {drop_ratio:pct} over {drop_z:int} z' },
      when: [{ feature: 'drop_ratio', op: '>=', value: 0.5 }, { feature: 'drop_z', op: '>', value: 5 }], weight: 0.6,
    },
    { id: 'off', label: { 'zh-CN': '关', en: 'off' }, evidence: { 'zh-CN': '关', en: 'off' }, when: [{ feature: 'drop_ratio', op: '>', value: 0 }], enabled: false },
  ],
};

describe('RuleEngine', () => {
  it('fires when every condition holds and fills the evidence in both languages', () => {
    const [hit] = new RuleEngine(tinySet).evaluate({ drop_ratio: 0.62, drop_z: 9.4 });
    expect(hit).toMatchObject({ ruleId: 'big_drop', version: '2.1.0', evidence: { 'zh-CN': '下降62%', en: 'fell 62% over 9 z' }, values: { drop_ratio: 0.62, drop_z: 9.4 } });
  });

  it('does not fire when one condition fails, a value is missing or NaN, or the rule is disabled', () => {
    const engine = new RuleEngine(tinySet);
    expect(engine.evaluate({ drop_ratio: 0.62, drop_z: 5 })).toEqual([]);
    expect(engine.evaluate({ drop_ratio: 0.62 })).toEqual([]);
    expect(engine.evaluate({ drop_ratio: Number.NaN, drop_z: 9 })).toEqual([]);
  });

  it('rejects duplicate ids, bad versions and unknown features', () => {
    expect(() => new RuleEngine({ ...tinySet, rules: [tinySet.rules[0], tinySet.rules[0]] })).toThrow(/duplicate rule id/);
    expect(() => new RuleEngine({ ...tinySet, version: 'v2' })).toThrow(/semantic/);
    expect(() => new RuleEngine(tinySet, ['drop_ratio'])).toThrow(/unknown feature drop_z/);
  });

  it('accepts the built-in rule set against the feature names', () => {
    expect(new RuleEngine(defaultRuleSet, theftFeatureNames).ruleSet.rules.length).toBeGreaterThan(8);
  });

  it('combines hit weights as 1 − Π(1 − w)', () => {
    const engine = new RuleEngine(tinySet);
    expect(ruleScore([])).toBe(0);
    expect(ruleScore([...engine.evaluate({ drop_ratio: 0.7, drop_z: 6 }), ...engine.evaluate({ drop_ratio: 0.7, drop_z: 6 })])).toBeCloseTo(1 - 0.4 * 0.4);
  });

  it('leaves unknown placeholders as written', () => {
    expect(fillTemplate('{a} {b:int} {c:pct}', { a: 1.234, b: 2.6 })).toBe('1.23 3 {c:pct}');
  });
});
