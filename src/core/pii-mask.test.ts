import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone, maskPii } from './pii-mask.js';

describe('PII masking', () => {
  it('keeps the first character of a name', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName(' 李 ')).toBe('李');
  });

  it('masks mobiles as 138****5678 however they were written', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0571-8765 4321')).toBe('********4321');
  });

  it('keeps the area code and the last four characters of an ID number', () => {
    expect(maskIdNumber('33010219900101123X')).toBe('330102********123X');
    expect(maskIdNumber('3301')).toBe('****');
  });

  it('keeps the administrative part of an address', () => {
    expect(maskAddress('浙江省杭州市西湖区文三路90号')).toBe('浙江省杭州市西湖区****');
    expect(maskAddress('杭州市余杭区良渚街道玉鸟小区3幢')).toBe('杭州市余杭区****');
    expect(maskAddress('西湖区文三路90号')).toBe('西湖区****');
    expect(maskAddress('文三路90号')).toBe('文三路****');
  });

  it('dispatches on the column kind and leaves empty values alone', () => {
    expect(maskPii('phone', '13812345678')).toBe('138****5678');
    expect(maskPii('id_number', null)).toBeNull();
    expect(maskPii('name', '')).toBe('');
  });
});
