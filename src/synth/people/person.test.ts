import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { decodeChineseId, isValidChineseId } from './chinese-id.js';
import { hangzhouIdAreaCodes } from './hangzhou-districts.js';
import { isValidMobile } from './mobile-phone.js';
import { drawPerson } from './person.js';

describe('drawPerson', () => {
  const rng = new Rng(42, 'people');
  const people = Array.from({ length: 3000 }, () => drawPerson(rng));

  it('gives ID numbers with a valid checksum, Hangzhou area code, birth date and gender parity', () => {
    for (const p of people) {
      expect(isValidChineseId(p.idNumber)).toBe(true);
      const decoded = decodeChineseId(p.idNumber);
      expect(hangzhouIdAreaCodes.has(decoded!.areaCode)).toBe(true);
      expect(decoded!.birthDate).toBe(p.birthDate);
      expect(decoded!.gender).toBe(p.gender);
    }
  });

  it('gives Chinese names of two or three characters and valid mobile numbers', () => {
    for (const p of people) {
      expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(isValidMobile(p.phone)).toBe(true);
    }
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThan(2000);
  });

  it('gives adult ages within the requested range and the requested district', () => {
    const young = drawPerson(new Rng(1), { district: '滨江区', minAge: 25, maxAge: 30, referenceYear: 2024 });
    const year = Number(young.birthDate.slice(0, 4));
    expect(year).toBeGreaterThanOrEqual(1994);
    expect(year).toBeLessThanOrEqual(1999);
    expect(young.idNumber.startsWith('330108')).toBe(true);
    expect(() => drawPerson(new Rng(1), { district: '朝阳区' })).toThrow(RangeError);
  });

  it('is deterministic for a seed', () => {
    const again = new Rng(42, 'people');
    expect(Array.from({ length: 3000 }, () => drawPerson(again))).toEqual(people);
  });
});
