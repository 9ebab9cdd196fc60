import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { parseTaiwanCredit, TAIWAN_CREDIT_FEATURES } from './credit-taiwan.js';

const CSV = [
  'ID,X1,X2,X3,X4,X5,X6,X7,X8,X9,X10,X11,X12,X13,X14,X15,X16,X17,X18,X19,X20,X21,X22,X23,Y',
  '1,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1',
  '2,120000,2,2,2,26,-1,2,0,0,0,2,2682,1725,2682,3272,3455,3261,0,1000,1000,1000,0,2000,0',
].join('\r\n');

describe('parseTaiwanCredit', () => {
  it('reads the 23 attributes with default next month as bad', () => {
    const data = parseTaiwanCredit(CSV);
    expect(data.featureNames).toEqual(TAIWAN_CREDIT_FEATURES.map((f) => f.name));
    expect(data.nRows).toBe(2);
    expect([...data.target!]).toEqual([1, 0]);
    expect(data.row(0)).toMatchObject({ limit_bal: 20000, sex: '2', education: '2', pay_status_sep: 2, pay_status_apr: -2, bill_amt_sep: 3913, pay_amt_aug: 689 });
  });

  it('rejects a malformed header or value', () => {
    expect(() => parseTaiwanCredit('ID,X1\n1,2')).toThrow(ValidationError);
    expect(() => parseTaiwanCredit(CSV.replace('20000', 'abc'))).toThrow(/column 2/);
  });
});
