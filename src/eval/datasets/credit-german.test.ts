import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { GERMAN_CREDIT_FEATURES, parseGermanCredit } from './credit-german.js';

const LINES = [
  'A11 6 A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 2 A173 1 A192 A201 1',
  'A12 48 A32 A43 5951 A61 A73 2 A92 A101 2 A121 22 A143 A152 1 A173 1 A191 A201 2',
].join('\n');

describe('parseGermanCredit', () => {
  it('reads 20 named attributes with class 2 as bad', () => {
    const data = parseGermanCredit(`${LINES}\n`);
    expect(data.nRows).toBe(2);
    expect(data.featureNames).toEqual(GERMAN_CREDIT_FEATURES.map((f) => f.name));
    expect([...data.target!]).toEqual([0, 1]);
    expect(data.row(1)).toMatchObject({ checking_status: 'A12', duration_months: 48, credit_amount: 5951, age: 22 });
    expect(data.feature('checking_status').label?.['zh-CN']).toBe('支票账户状态');
  });

  it('rejects a short line or an unknown class', () => {
    expect(() => parseGermanCredit('A11 6 A34')).toThrow(ValidationError);
    expect(() => parseGermanCredit(LINES.replace(/ 1$/m, ' 3'))).toThrow(/class 3/);
  });
});
