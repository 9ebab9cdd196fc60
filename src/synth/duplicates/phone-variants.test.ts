import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawLandline, formatMobile, mistypePhone, toFullWidthDigits } from './phone-variants.js';

const digits = (text: string) => text.normalize('NFKC').replace(/\D/g, '');

describe('phone variants', () => {
  it('formats a mobile in the ways people write it, all with the same digits', () => {
    const rng = new Rng(3, 'phones');
    const forms = new Set(Array.from({ length: 400 }, () => formatMobile(rng, '13812345678')));
    expect(forms).toEqual(new Set([
      '13812345678', '+86 138-1234-5678', '86-13812345678', '138 1234 5678', '138-1234-5678', '+8613812345678',
      '(+86) 13812345678', '１３８１２３４５６７８',
    ]));
    for (const f of forms) expect(digits(f).slice(-11)).toBe('13812345678');
  });

  it('draws Hangzhou landlines with or without the area code', () => {
    const rng = new Rng(3, 'landlines');
    for (let i = 0; i < 100; i++) expect(drawLandline(rng)).toMatch(/^(0571[- ]?|\(0571\))?8\d{7}$/);
  });

  it('mistypes exactly one digit after the carrier prefix', () => {
    const rng = new Rng(3, 'typos');
    for (let i = 0; i < 100; i++) {
      const typo = mistypePhone(rng, '13812345678');
      const diffs = [...typo].filter((ch, k) => ch !== '13812345678'[k]).length;
      expect(diffs).toBe(1);
      expect(typo.slice(0, 3)).toBe('138');
    }
    expect(toFullWidthDigits('0571-8')).toBe('０５７１-８');
  });
});
