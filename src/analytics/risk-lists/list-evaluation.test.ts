import { describe, expect, it } from 'vitest';
import { evaluateListRules } from './list-evaluation.js';
import { defaultListRules, parseListRules, type RiskFacts } from './list-rules.js';

const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  grade_rank: 0, score: 720, tenure_years: 12, theft_confirmed: 0, returned_12m: 0, late_12m: 0, days_past_due: 0, pd_default: 0.01, demerit_rating: 1000, ...over,
});

describe('evaluateListRules', () => {
  it('puts a top-grade long-standing customer on the red list for a year', () => {
    const [m] = evaluateListRules('C1', facts(), defaultListRules, '2026-03-31');
    expect(m).toMatchObject({ kind: 'red', ruleId: 'red.top-grade', expires: '2027-03-31' });
    expect(m.effects.offerEligible).toBe(true);
  });

  it('black-lists three returned payments in a year and then never also red-lists', () => {
    const out = evaluateListRules('C1', facts({ returned_12m: 3 }), defaultListRules, '2026-01-15');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'black', ruleId: 'black.returned', expires: '2027-01-15' });
    expect(out[0].effects.prepaymentRequired).toBe(true);
  });

  it('puts nobody on a list on missing facts, and rejects duplicate rule ids', () => {
    expect(evaluateListRules('C1', facts({ grade_rank: Number.NaN }), defaultListRules, '2026-01-01')).toEqual([]);
    expect(() => parseListRules({ ...defaultListRules, rules: [defaultListRules.rules[0], defaultListRules.rules[0]] })).toThrow(/duplicate rule id black.theft/);
  });
});
