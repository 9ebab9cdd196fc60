import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { checkGradeBands, DEFAULT_GRADE_BANDS, GRADE_CODES, gradeOf } from './credit-grades.js';

describe('credit grades', () => {
  it('has the eight grades best first, 50 points apart', () => {
    expect(DEFAULT_GRADE_BANDS.map((b) => b.grade)).toEqual([...GRADE_CODES]);
    expect(checkGradeBands(DEFAULT_GRADE_BANDS)).toBe(DEFAULT_GRADE_BANDS);
  });

  it('maps scores to bands with inclusive lower bounds', () => {
    expect([760, 700, 699.5, 650, 600, 599, 550, 500, 450, 400, 399, -50].map((s) => gradeOf(s).grade)).toEqual([
      'AAA', 'AAA', 'AA', 'AA', 'A', 'BBB', 'BBB', 'BB', 'B', 'CCC', 'C', 'C',
    ]);
  });

  it('tightens the policy as grades fall', () => {
    const policies = DEFAULT_GRADE_BANDS.map((b) => b.policy);
    for (let i = 1; i < policies.length; i++) expect(policies[i].depositMonths).toBeGreaterThanOrEqual(policies[i - 1].depositMonths);
    expect(gradeOf(420).policy).toEqual({ depositMonths: 3, prepaymentRequired: true, offerEligible: false });
    expect(gradeOf(720).policy.offerEligible).toBe(true);
    expect(gradeOf(720).name).toEqual({ 'zh-CN': '信用极好', en: 'excellent' });
  });

  it('rejects bands out of order or without an open last band', () => {
    const [aaa, aa] = DEFAULT_GRADE_BANDS;
    expect(() => checkGradeBands([aa, aaa])).toThrow(ValidationError);
    expect(() => checkGradeBands([aaa, aa])).toThrow(ValidationError);
  });
});
