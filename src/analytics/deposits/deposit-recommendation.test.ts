import { describe, expect, it } from 'vitest';
import { BLACK_EFFECTS, RED_EFFECTS } from '../risk-lists/index.js';
import { recommendDeposit } from './deposit-recommendation.js';

const policy = { depositMonths: 1, prepaymentRequired: false, offerEligible: false };

describe('recommendDeposit', () => {
  it('asks for the grade\'s months of average bill and reports the top-up', () => {
    const r = recommendDeposit({ grade: 'BB', gradePolicy: policy, averageBillCny: 250, heldCny: 100, lists: [], outstandingCny: 0 });
    expect(r).toMatchObject({ months: 1, depositCny: 250, prepaymentRequired: false, topUpCny: 150 });
    expect(r.explanation.en).toContain('grade BB');
    expect(r.explanation['zh-CN']).toContain('保证金');
  });

  it('raises months and requires prepayment plus arrears for the black list; waives the deposit for the red list', () => {
    const black = recommendDeposit({ grade: 'BB', gradePolicy: policy, averageBillCny: 100, heldCny: 0, lists: [{ kind: 'black', effects: BLACK_EFFECTS }], outstandingCny: 80 });
    expect(black).toMatchObject({ months: 3, depositCny: 380, prepaymentRequired: true });
    const red = recommendDeposit({ grade: 'BB', gradePolicy: policy, averageBillCny: 100, heldCny: 50, lists: [{ kind: 'red', effects: RED_EFFECTS }], outstandingCny: 0 });
    expect(red).toMatchObject({ months: 0, depositCny: 0, topUpCny: -50 });
  });
});
