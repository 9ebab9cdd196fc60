import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { carrierOf, drawMobile, isValidMobile } from './mobile-phone.js';

describe('drawMobile', () => {
  it('draws 11-digit numbers on allocated segments, mostly China Mobile', () => {
    const rng = new Rng(7, 'phones');
    const counts: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      const phone = drawMobile(rng);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(isValidMobile(phone)).toBe(true);
      const carrier = carrierOf(phone) ?? 'none';
      counts[carrier] = (counts[carrier] ?? 0) + 1;
    }
    expect(counts.none).toBeUndefined();
    expect(counts.china_mobile / 5000).toBeGreaterThan(0.5);
    expect(counts.china_telecom / 5000).toBeGreaterThan(0.08);
  });
});

describe('isValidMobile', () => {
  it('rejects landlines, short numbers and unallocated segments', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
    expect(isValidMobile('057188888888')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
    expect(isValidMobile('12012345678')).toBe(false);
    expect(isValidMobile('14012345678')).toBe(false);
    expect(isValidMobile('19412345678')).toBe(false);
  });
});
