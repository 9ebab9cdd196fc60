import { describe, expect, it } from 'vitest';
import { maskRecord } from './masking.js';

describe('maskRecord', () => {
  it('masks every personal-data field and leaves the rest', () => {
    const masked = maskRecord({ customerId: 'C1', name: '张伟', phone: '13812345678', idNumber: '330102199001011234', address: '浙江省杭州市西湖区文三路90号', district: '西湖区' });
    expect(masked).toEqual({ customerId: 'C1', name: '张*', phone: '138****5678', idNumber: '330102********1234', address: '浙江省杭州市西湖区****', district: '西湖区' });
  });
});
