import { describe, expect, it } from 'vitest';
import { isValidResidentId, normalizeIdNumber, residentIdCheckChar, upgradeLegacyId } from './id-normalizer.js';

// The worked example of GB 11643-1999.
const SAMPLE = '11010519491231002X';

describe('resident ID checksum', () => {
  it('computes the ISO 7064 MOD 11-2 check character of the standard example', () => {
    expect(residentIdCheckChar(SAMPLE.slice(0, 17))).toBe('X');
    expect(isValidResidentId(SAMPLE)).toBe(true);
  });

  it('rejects a wrong check character, a mistyped digit and an impossible birth date', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('11010519491231012X')).toBe(false);
    const feb30 = '33010219900230123';
    expect(isValidResidentId(feb30 + residentIdCheckChar(feb30))).toBe(false);
  });

  it('upgrades a 15-digit first-generation number', () => {
    expect(upgradeLegacyId('110105491231002')).toBe(SAMPLE);
  });
});

describe('normalizeIdNumber', () => {
  it('upper-cases a lowercase x and folds full-width digits and spaces', () => {
    expect(normalizeIdNumber('11010519491231002x')).toMatchObject({ kind: 'resident', value: SAMPLE, valid: true });
    expect(normalizeIdNumber('１１０１０５ 1949 1231 002X')).toMatchObject({ value: SAMPLE, valid: true });
  });

  it('keeps the visible ends of a masked number', () => {
    expect(normalizeIdNumber('330102********1234')).toEqual({ kind: 'masked', value: '330102*1234', ends: '3301021234', valid: true, gender: 'male' });
    expect(normalizeIdNumber(SAMPLE)!.ends).toBe('110105002X');
  });

  it('marks a well-shaped number with a bad checksum as invalid rather than dropping it', () => {
    expect(normalizeIdNumber('110105194912310021')).toMatchObject({ kind: 'resident', valid: false });
  });

  it('reads the gender from the 17th digit of valid and masked numbers only', () => {
    expect(normalizeIdNumber(SAMPLE)!.gender).toBe('female');
    expect(normalizeIdNumber('330102********1254')!.gender).toBe('male');
    expect(normalizeIdNumber('110105194912310021')!.gender).toBeUndefined();
  });

  it('recognises unified social credit codes and rejects other text', () => {
    expect(normalizeIdNumber('91330106MA27XL1234')).toMatchObject({ kind: 'organisation' });
    expect(normalizeIdNumber('not an id')).toBeUndefined();
    expect(normalizeIdNumber(undefined)).toBeUndefined();
  });
});
