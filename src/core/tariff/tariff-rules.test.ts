import { describe, expect, it } from 'vitest';
import { scheduleOf } from './demo-tariffs.js';
import { boundIssues, scheduleIssues, tariffRuleIssues, tierOrderIssues } from './tariff-rules.js';
import { testTariff } from './tariff.testkit.js';

describe('tariff rules', () => {
  it('reports the first bad schedule entry and how many more', () => {
    const schedule = scheduleOf((month, hour) => (month === 3 && hour >= 20 ? 2 : 0));
    expect(scheduleIssues('s', schedule, 'r', 2)).toEqual(['s[3][20] = 2 but r has 2 periods (3 more entries of s likewise)']);
    expect(scheduleIssues('s', schedule, 'r', 3)).toEqual([]);
  });

  it('requires rising bounds with only the last one open', () => {
    expect(boundIssues((i) => `b[${i}]`, [10, 20, undefined])).toEqual([]);
    expect(boundIssues((i) => `b[${i}]`, [10, undefined, 30])).toEqual(['b[1]: required on every tier but the last']);
    expect(boundIssues((i) => `b[${i}]`, [10, 10])).toEqual(["b[1]: 10 must exceed the previous tier's 10"]);
    expect(tierOrderIssues('e', [[{ rate: 1 }], [{ max: 5, rate: 1 }, { max: 4, rate: 2 }]])).toEqual(["e[1][1].max: 4 must exceed the previous tier's 5"]);
  });

  it('finds nothing wrong in a valid tariff', () => {
    expect(tariffRuleIssues(testTariff())).toEqual([]);
  });
});
