import { describe, expect, it } from 'vitest';
import { canonicalPhone, isPhoneTypo } from './phone-normalizer.js';

describe('canonicalPhone', () => {
  it.each([
    '13812345678', '+86 138-1234-5678', '86-13812345678', '138 1234 5678', '138-1234-5678', '+8613812345678',
    '(+86) 13812345678', '0086 138 1234 5678', '１３８１２３４５６７８', '013812345678',
  ])('reads the mobile %s as 13812345678', (raw) => {
    expect(canonicalPhone(raw)).toEqual({ kind: 'mobile', value: '13812345678' });
  });

  it.each([
    ['0571-88123456', '0571-88123456'], ['0571 88123456', '0571-88123456'], ['(0571)88123456', '0571-88123456'],
    ['057188123456', '0571-88123456'], ['+86 571 8812 3456', '0571-88123456'], ['88123456', '0571-88123456'],
    ['010-62345678', '010-62345678'], ['021 5123 4567', '021-51234567'],
  ])('reads the landline %s as %s', (raw, value) => {
    expect(canonicalPhone(raw)).toEqual({ kind: 'landline', value });
  });

  it('gives landlines without an area code the configured one', () => {
    expect(canonicalPhone('8812345', '0574')).toEqual({ kind: 'landline', value: '0574-8812345' });
  });

  it.each([undefined, '', '12345', '1381234567', '23812345678901'])('rejects %s', (raw) => {
    expect(canonicalPhone(raw)).toBeUndefined();
  });
});

describe('isPhoneTypo', () => {
  it('accepts one wrong digit or one swap of neighbours, nothing more', () => {
    expect(isPhoneTypo('13812345678', '13812345679')).toBe(true);
    expect(isPhoneTypo('13812345678', '13812346578')).toBe(true);
    expect(isPhoneTypo('13812345678', '13812345687')).toBe(true);
    expect(isPhoneTypo('13812345678', '13812345600')).toBe(false);
    expect(isPhoneTypo('13812345678', '13812345678'.slice(0, 10))).toBe(false);
  });
});
