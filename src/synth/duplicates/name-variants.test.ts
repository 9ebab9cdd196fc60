import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawNameVariant, organisationNameVariant, personNameVariant } from './name-variants.js';

const toneless = (text: string) => pinyin(text, { toneType: 'none', surname: 'head' });
const many = <T>(n: number, draw: (rng: Rng) => T): T[] => {
  const rng = new Rng(5, 'names');
  return Array.from({ length: n }, () => draw(rng));
};

describe('personNameVariant', () => {
  it('replaces one character by a homophone: other characters, same pinyin', () => {
    for (const typo of many(200, (rng) => personNameVariant(rng, '张伟', 'homophone', true))) {
      expect(typo).not.toBe('张伟');
      expect(toneless(typo)).toBe(toneless('张伟'));
    }
  });

  it('writes traditional characters, spacing variants and forms of address', () => {
    const rng = new Rng(1);
    expect(personNameVariant(rng, '陈晓伟', 'traditional', true)).toBe('陳曉偉');
    expect(many(50, (r) => personNameVariant(r, '张伟', 'spacing', true).replace(/[\s\u3000]/g, ''))).toEqual(Array(50).fill('张伟'));
    expect(personNameVariant(rng, '王晓明', 'address-form', true)).toBe('王先生');
    expect(personNameVariant(rng, '李娜', 'address-form', false)).toMatch(/^李(女士|小姐)$/);
  });

  it('drops a given-name character of three-character names only', () => {
    expect(new Set(many(100, (rng) => personNameVariant(rng, '王晓明', 'missing-given', true)))).toEqual(new Set(['王明', '王晓']));
    expect(personNameVariant(new Rng(1), '李娜', 'missing-given', false)).toBe('李娜');
  });

  it('romanises names for the English app in both orders', () => {
    const forms = new Set(many(100, (rng) => personNameVariant(rng, '王晓明', 'pinyin', true)));
    expect(forms).toEqual(new Set(['Wang Xiaoming', 'Xiaoming WANG', 'wang xiaoming', 'WANG Xiaoming']));
  });
});

describe('organisationNameVariant and drawNameVariant', () => {
  it('varies the city prefix and the legal-form suffix of business names', () => {
    const forms = new Set(many(200, (rng) => organisationNameVariant(rng, '杭州恒达机械有限公司')));
    expect(forms).toEqual(new Set(['杭州恒达机械有限公司', '恒达机械有限公司', '杭州恒达机械有限责任公司', '杭州恒达机械', '杭州 恒达机械有限公司']));
  });

  it('draws variants in proportion to their weights', () => {
    const draws = many(4000, (rng) => drawNameVariant(rng, { exact: 0.9, homophone: 0.1 }));
    const share = draws.filter((v) => v === 'homophone').length / draws.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
  });
});
