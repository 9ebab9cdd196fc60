import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { addressVariant } from './address-variants.js';

const FLAT = '浙江省杭州市西湖区文三路123号翠苑一区5幢2单元601室';
const variants = (full: string, district: string) => {
  const rng = new Rng(9, 'addresses');
  return Array.from({ length: 2000 }, () => addressVariant(rng, full, district));
};

describe('addressVariant', () => {
  const forms = variants(FLAT, '西湖区');
  const share = (test: (f: string) => boolean) => forms.filter(test).length / forms.length;

  it('keeps building, unit and room, except in the few forms that stop at the house number', () => {
    const withFlat = forms.filter((f) => /5(幢|栋|号楼|-)2(单元|-)601/.test(f.normalize('NFKC')));
    const streetOnly = forms.filter((f) => /123号$/.test(f.normalize('NFKC')));
    expect(withFlat.length + streetOnly.length).toBe(forms.length);
    expect(streetOnly.length / forms.length).toBeGreaterThan(0.01);
    expect(streetOnly.length / forms.length).toBeLessThan(0.05);
  });

  it('omits or shortens province and city, and abbreviates the district now and then', () => {
    expect(share((f) => f.startsWith('浙江省杭州市'))).toBeLessThan(0.5);
    expect(share((f) => f.startsWith('杭州'))).toBeGreaterThan(0.2);
    expect(share((f) => f.startsWith('西湖区') || f.startsWith('西湖文'))).toBeGreaterThan(0.1);
    expect(share((f) => /西湖(?!区)/.test(f))).toBeGreaterThan(0.03);
  });

  it('varies the building notation, the room suffix, the compound and the digit width', () => {
    expect(share((f) => f.includes('栋'))).toBeGreaterThan(0.05);
    expect(share((f) => /5-2-601/.test(f))).toBeGreaterThan(0.05);
    expect(share((f) => !f.endsWith('室'))).toBeGreaterThan(0.2);
    expect(share((f) => !f.includes('翠苑一区'))).toBeGreaterThan(0.15);
    expect(share((f) => !f.includes('文三路') && f.includes('翠苑一区'))).toBeGreaterThan(0.05);
    expect(share((f) => /[０-９]/.test(f))).toBeGreaterThan(0.05);
  });

  it('drops the village group of rural addresses sometimes, never the house number', () => {
    const rural = variants('浙江省杭州市萧山区瓜沥镇东山村3组12号', '萧山区');
    expect(rural.every((f) => /(12|１２)号$/.test(f))).toBe(true);
    expect(rural.some((f) => !/组/.test(f))).toBe(true);
  });
});
