import { describe, expect, it } from 'vitest';
import { buildChineseId, decodeChineseId, idCheckCharacter, isValidChineseId } from './chinese-id.js';

describe('isValidChineseId', () => {
  it('accepts the published examples of GB 11643', () => {
    expect(isValidChineseId('11010519491231002X')).toBe(true);
    expect(isValidChineseId('440524188001010014')).toBe(true);
  });

  it('rejects a wrong check character, an impossible date, an unknown province and bad shapes', () => {
    expect(isValidChineseId('110105194912310021')).toBe(false);
    const feb30 = '3301061990023000' + '1';
    expect(isValidChineseId(feb30 + idCheckCharacter(feb30))).toBe(false);
    const province99 = '9901061990010100' + '1';
    expect(isValidChineseId(province99 + idCheckCharacter(province99))).toBe(false);
    expect(isValidChineseId('11010519491231002x')).toBe(false);
    expect(isValidChineseId('1101051949123100')).toBe(false);
  });
});

/** ISO 7064 MOD 11-2 written from the standard's definition: W_i = 2^(17−i) mod 11, check = (12 − S mod 11) mod 11. */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

describe('idCheckCharacter', () => {
  it('agrees with the definition of ISO 7064 MOD 11-2 for every check value', () => {
    const seen = new Set<string>();
    for (let seq = 1; seq < 400; seq++) {
      const first17 = `33010619${String(50 + (seq % 50)).padStart(2, '0')}0${1 + (seq % 9)}1${seq % 10}${String(seq).padStart(3, '0')}`;
      expect(idCheckCharacter(first17)).toBe(referenceCheck(first17));
      seen.add(referenceCheck(first17));
    }
    expect(seen.size).toBe(11);
  });
});

describe('buildChineseId', () => {
  it('encodes area, birth date and gender parity and round-trips through decode', () => {
    const male = buildChineseId('330106', '1985-07-14', 17, 'male');
    const female = buildChineseId('330106', '1985-07-14', 17, 'female');
    expect(isValidChineseId(male) && isValidChineseId(female)).toBe(true);
    expect(decodeChineseId(male)).toEqual({ areaCode: '330106', birthDate: '1985-07-14', gender: 'male' });
    expect(decodeChineseId(female)?.gender).toBe('female');
  });

  it('never produces sequence 000 and stays within three digits', () => {
    for (const seq of [0, 498, 499, 1000]) {
      for (const gender of ['male', 'female'] as const) {
        const code = Number(buildChineseId('330102', '2000-01-01', seq, gender).slice(14, 17));
        expect(code).toBeGreaterThan(0);
        expect(code).toBeLessThan(1000);
      }
    }
  });
});
