import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawAddress } from './address.js';
import { hangzhouDistricts } from './hangzhou-districts.js';

describe('drawAddress', () => {
  it('writes residential addresses down to the flat in every district', () => {
    const rng = new Rng(11);
    for (const d of hangzhouDistricts) {
      const a = drawAddress(rng, d);
      expect(a.district).toBe(d.zh);
      expect(a.full.startsWith(`浙江省杭州市${d.zh}${a.street}`)).toBe(true);
      expect(a.full).toMatch(/\d+号.*\d+幢\d单元\d{3,4}室$/);
    }
  });

  it('writes shorter business addresses and village addresses for rural premises', () => {
    const rng = new Rng(12);
    const business = drawAddress(rng, '330106', 'business');
    expect(business.full).not.toMatch(/单元/);
    const rural = drawAddress(rng, '萧山区', 'rural');
    expect(rural.subdistrict).toMatch(/[镇乡街道]$/);
    expect(rural.street).toMatch(/村$/);
    expect(rural.full).toMatch(/^浙江省杭州市萧山区.+村(\d+组)?\d+号$/);
  });

  it('varies and is deterministic', () => {
    const draw = (seed: number) => Array.from({ length: 500 }, (_, i) => drawAddress(new Rng(seed, i), '西湖区').full);
    const first = draw(5);
    expect(new Set(first).size).toBeGreaterThan(480);
    expect(draw(5)).toEqual(first);
  });

  it('rejects unknown districts', () => {
    expect(() => drawAddress(new Rng(1), '海淀区')).toThrow(RangeError);
  });
});
