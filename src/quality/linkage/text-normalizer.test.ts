import { describe, expect, it } from 'vitest';
import { compactText, hasHan, toHalfWidth } from './text-normalizer.js';

describe('text normalisation', () => {
  it('folds full-width digits, letters, brackets and the ideographic space to half-width', () => {
    expect(toHalfWidth('文三路１２３号')).toBe('文三路123号');
    expect(toHalfWidth('Ｚｈａｎｇ\u3000Ｗｅｉ')).toBe('Zhang Wei');
    expect(toHalfWidth('（杭州）')).toBe('(杭州)');
  });

  it('drops whitespace and separators but keeps the characters', () => {
    expect(compactText(' 张\u3000伟 ')).toBe('张伟');
    expect(compactText('杭州市 西湖区，文三路')).toBe('杭州市西湖区文三路');
  });

  it('tells Han text from romanised text', () => {
    expect(hasHan('张伟')).toBe(true);
    expect(hasHan('Zhang Wei')).toBe(false);
  });
});
